#include "ui/admin_session.h"

#include <QDir>
#include <QStandardPaths>
#include <QTimer>
#include <QVariantMap>
#include <QtDebug>

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk::ui {

using security::AdminPin;
using security::AuditEntry;
using security::AuditLog;

namespace {
const QString kUnlock = QStringLiteral("admin.unlock");
const QString kLock = QStringLiteral("admin.lock");
const QString kLockout = QStringLiteral("admin.lockout");
const QString kPinSet = QStringLiteral("pin.set");
const QString kPinChange = QStringLiteral("pin.change");
const QString kTarget = QStringLiteral("kiosk");
// Failed attempts are not known to come from the administrator.
const QString kUnknownActor = QStringLiteral("unknown");
} // namespace

AdminSession::AdminSession(QObject *parent)
    : QObject(parent) {
    m_lockoutTicker.setInterval(1000);
    connect(&m_lockoutTicker, &QTimer::timeout, this, [this] {
        emit lockoutChanged();
        updateLockoutTimer();
    });
    // The dialog's texts and pad follow the lock-out, the check in progress and errors.
    connect(this, &AdminSession::lockoutChanged, this, &AdminSession::promptChanged);
    connect(this, &AdminSession::busyChanged, this, &AdminSession::promptChanged);
    connect(this, &AdminSession::lastErrorChanged, this, &AdminSession::promptChanged);
    m_ownedPin = std::make_unique<AdminPin>();
    m_ownedAudit = std::make_unique<AuditLog>();
    attach(m_ownedPin.get(), m_ownedAudit.get());
}

QString AdminSession::auditLogPath() const {
    return m_audit ? m_audit->filePath() : AuditLog::defaultFilePath();
}

AuditLog AdminSession::auditLog() const {
    return m_audit ? *m_audit : AuditLog();
}

bool AdminSession::mayAct(QString *why) const {
    if (why)
        *why = m_unlocked ? QString() : QStringLiteral("admin actions are locked");
    return m_unlocked;
}

QString AdminSession::actor() const {
    return QStringLiteral("admin");
}

AdminSession::AdminSession(AdminPin *pin, AuditLog *audit, QObject *parent)
    : QObject(parent) {
    m_lockoutTicker.setInterval(1000);
    connect(&m_lockoutTicker, &QTimer::timeout, this, [this] {
        emit lockoutChanged();
        updateLockoutTimer();
    });
    connect(this, &AdminSession::lockoutChanged, this, &AdminSession::promptChanged);
    connect(this, &AdminSession::busyChanged, this, &AdminSession::promptChanged);
    connect(this, &AdminSession::lastErrorChanged, this, &AdminSession::promptChanged);
    attach(pin, audit);
}

AdminSession::~AdminSession() {
    wipeSecrets();
    if (m_pin)
        disconnect(m_pin, nullptr, this, nullptr);
}

void AdminSession::attach(AdminPin *pin, AuditLog *audit) {
    m_pin = pin;
    m_audit = audit;
    m_pin->setIdleTimeout(std::chrono::milliseconds(std::llround(m_idleTimeoutSeconds * 1000)));
    connect(m_pin, &AdminPin::unlockedChanged, this, &AdminSession::onPinUnlockedChanged);
    connect(m_pin, &AdminPin::lockoutChanged, this, &AdminSession::refresh);
    connect(m_pin, &AdminPin::verifyFinished, this, [this](AdminPin::Result result) {
        setBusy(false);
        const bool ok = handleVerifyResult(result, kUnlock);
        emit unlockFinished(ok);
        if (ok && m_step == PinStep::Unlock)
            finishPrompt(true);
    });
    refresh();
    const bool unlocked = m_pin->isUnlocked();
    if (unlocked != m_unlocked) {
        m_unlocked = unlocked;
        emit unlockedChanged();
    }
}

void AdminSession::detach() {
    if (!m_pin)
        return;
    cancelPrompt();
    disconnect(m_pin, nullptr, this, nullptr);
    m_pin->lock();
    if (m_unlocked) {
        m_unlocked = false;
        emit unlockedChanged();
    }
    setBusy(false);
    m_pin = nullptr;
    m_audit = nullptr;
}

void AdminSession::refresh() {
    const bool set = m_pin->isSet();
    if (set != m_pinSet) {
        m_pinSet = set;
        emit pinSetChanged();
    }
    emit lockoutChanged();
    updateLockoutTimer();
}

void AdminSession::updateLockoutTimer() {
    if (lockoutSecondsLeft() > 0) {
        if (!m_lockoutTicker.isActive())
            m_lockoutTicker.start();
    } else {
        m_lockoutTicker.stop();
    }
}

int AdminSession::lockoutSecondsLeft() const {
    if (!m_pin)
        return 0;
    const auto remaining = m_pin->lockoutRemaining().count();
    return remaining <= 0 ? 0 : int((remaining + 999) / 1000);
}

int AdminSession::failedAttempts() const {
    return m_pin ? m_pin->failedAttempts() : 0;
}

void AdminSession::setIdleTimeoutSeconds(double seconds) {
    seconds = std::max(seconds, 0.05);
    if (seconds == m_idleTimeoutSeconds)
        return;
    m_idleTimeoutSeconds = seconds;
    if (m_pin)
        m_pin->setIdleTimeout(std::chrono::milliseconds(std::llround(seconds * 1000)));
    emit idleTimeoutSecondsChanged();
}

void AdminSession::setStateDirectory(const QString &directory) {
    if (directory == m_stateDirectory)
        return;
    detach();
    m_stateDirectory = directory;
    if (directory.isEmpty()) {
        m_ownedPin = std::make_unique<AdminPin>();
        m_ownedAudit = std::make_unique<AuditLog>();
    } else {
        const QDir dir(directory);
        m_ownedPin = std::make_unique<AdminPin>(dir.filePath(QStringLiteral("admin-pin.json")));
        m_ownedAudit = std::make_unique<AuditLog>(dir.filePath(QStringLiteral("audit.jsonl")));
    }
    attach(m_ownedPin.get(), m_ownedAudit.get());
    clearError();
    emit stateDirectoryChanged();
}

QString AdminSession::demoStateDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/demo-admin");
}

void AdminSession::setLastError(const QString &error) {
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

void AdminSession::clearError() {
    setLastError(QString());
}

void AdminSession::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void AdminSession::audit(const QString &action, AuditEntry::Outcome outcome, const QString &detail,
                         const QString &actor) {
    if (!m_audit)
        return;
    AuditEntry entry;
    if (!actor.isEmpty())
        entry.actor = actor;
    entry.action = action;
    entry.target = kTarget;
    entry.outcome = outcome;
    entry.detail = detail;
    if (!m_audit->append(entry))
        qWarning().noquote() << "kilo-kiosk: cannot write the audit log:" << m_audit->lastError();
    emit auditChanged();
}

bool AdminSession::handleVerifyResult(AdminPin::Result result, const QString &action) {
    switch (result) {
    case AdminPin::Result::Ok:
        clearError();
        audit(action, AuditEntry::Outcome::Success,
              action == kUnlock ? QStringLiteral("admin session opened")
                                : QStringLiteral("admin PIN changed"));
        return true;
    case AdminPin::Result::WrongPin: {
        const int failures = m_pin->failedAttempts();
        setLastError(m_pin->describe(result));
        audit(action, AuditEntry::Outcome::Failure,
              QStringLiteral("wrong PIN (%1 in a row)").arg(failures), kUnknownActor);
        const int seconds = lockoutSecondsLeft();
        if (seconds > 0) {
            audit(kLockout, AuditEntry::Outcome::Denied,
                  QStringLiteral("%1 wrong PINs in a row: further tries refused for %2 s")
                      .arg(failures)
                      .arg(seconds),
                  kUnknownActor);
        }
        return false;
    }
    case AdminPin::Result::LockedOut:
        setLastError(m_pin->describe(result));
        audit(action, AuditEntry::Outcome::Denied,
              QStringLiteral("refused while locked out (%1 s left)").arg(lockoutSecondsLeft()),
              kUnknownActor);
        return false;
    case AdminPin::Result::StorageError:
        setLastError(m_pin->describe(result));
        audit(action, AuditEntry::Outcome::Failure, m_lastError);
        return false;
    case AdminPin::Result::NotSet:
    case AdminPin::Result::AlreadySet:
    case AdminPin::Result::InvalidFormat:
    case AdminPin::Result::TooWeak:
        setLastError(m_pin->describe(result));
        return false;
    }
    return false;
}

bool AdminSession::setPin(const QString &pin, const QString &confirm) {
    clearError();
    if (pin != confirm) {
        setLastError(tr("The two PINs are not the same. Enter the new PIN again."));
        return false;
    }
    const AdminPin::Result result = m_pin->setPin(pin);
    refresh();
    if (result != AdminPin::Result::Ok) {
        setLastError(m_pin->describe(result));
        if (result == AdminPin::Result::StorageError || result == AdminPin::Result::AlreadySet)
            audit(kPinSet, AuditEntry::Outcome::Failure, m_lastError);
        return false;
    }
    audit(kPinSet, AuditEntry::Outcome::Success,
          QStringLiteral("admin PIN set for the first time"));
    // Setting the PIN proves knowing it: open the session as a correct unlock would.
    const AdminPin::Result opened = m_pin->verify(pin);
    if (opened == AdminPin::Result::Ok)
        audit(kUnlock, AuditEntry::Outcome::Success,
              QStringLiteral("admin session opened after setting the PIN"));
    else
        setLastError(m_pin->describe(opened));
    return true;
}

bool AdminSession::unlock(const QString &pin) {
    clearError();
    return handleVerifyResult(m_pin->verify(pin), kUnlock);
}

bool AdminSession::unlockAsync(const QString &pin) {
    if (m_busy || !m_pin)
        return false;
    clearError();
    setBusy(true);
    if (!m_pin->verifyAsync(pin)) {
        setBusy(false);
        return false;
    }
    return true;
}

void AdminSession::lock(const QString &reason) {
    if (!m_unlocked || !m_pin)
        return;
    m_lockRequested = true;
    m_pin->lock();
    m_lockRequested = false;
    audit(kLock, AuditEntry::Outcome::Success,
          reason.isEmpty() ? QStringLiteral("locked by the user") : reason);
}

void AdminSession::onPinUnlockedChanged(bool unlocked) {
    if (unlocked == m_unlocked)
        return;
    m_unlocked = unlocked;
    if (!unlocked && !m_lockRequested)
        audit(kLock, AuditEntry::Outcome::Success, QStringLiteral("idle timeout"));
    emit unlockedChanged();
    // Unlocked elsewhere while the dialog asked for the PIN: the waiting action may run.
    // (A check of the dialog's own finishes in verifyFinished, after its audit record.)
    if (unlocked && !m_busy && m_step == PinStep::Unlock)
        finishPrompt(true);
}

bool AdminSession::changePin(const QString &current, const QString &next, const QString &confirm) {
    clearError();
    if (next != confirm) {
        setLastError(tr("The two new PINs are not the same. Enter the new PIN again."));
        return false;
    }
    const AdminPin::Result result = m_pin->changePin(current, next);
    refresh();
    return handleVerifyResult(result, kPinChange);
}

QString AdminSession::newPinProblem(const QString &pin) const {
    const AdminPin::Result check = AdminPin::checkNewPin(pin);
    return check == AdminPin::Result::Ok || !m_pin ? QString() : m_pin->describe(check);
}

void AdminSession::touch() {
    if (m_pin)
        m_pin->touch();
}

void AdminSession::setKioskMode(bool kiosk) {
    if (kiosk == m_kioskMode)
        return;
    m_kioskMode = kiosk;
    emit kioskModeChanged();
}

bool AdminSession::needsAdmin(Guarded what) const {
    switch (what) {
    case Guarded::ClusterAction:
        return true;
    case Guarded::OpenSettings:
    case Guarded::ChangeSettings:
    case Guarded::CloseKiosk:
        return m_kioskMode;
    }
    return true;
}

namespace {
// A JS function as a C++ action; a script error is logged, not thrown into the caller.
std::function<void()> jsAction(const QJSValue &action) {
    if (!action.isCallable())
        return {};
    return [action]() mutable {
        const QJSValue result = action.call();
        if (result.isError())
            qWarning().noquote() << "kilo-kiosk: the admin action failed:" << result.toString();
    };
}
} // namespace

void AdminSession::runGuarded(Guarded what, const QString &reason, const QJSValue &action) {
    if (needsAdmin(what)) {
        runAsAdmin(reason, action);
    } else if (const auto run = jsAction(action)) {
        run();
    }
}

void AdminSession::runAsAdmin(const QString &reason, const QJSValue &action) {
    requestAdmin(reason, jsAction(action));
}

void AdminSession::requestAdmin(const QString &reason, std::function<void()> action) {
    if (!m_pin)
        return;
    if (m_unlocked) {
        cancelPrompt();
        // Soon, not now: the caller (e.g. a window's closing handler) finishes first.
        QTimer::singleShot(0, this, [this, reason, action = std::move(action)]() mutable {
            if (!m_unlocked) {
                requestAdmin(reason, std::move(action));
                return;
            }
            emit promptFinished(true);
            if (action)
                action();
        });
        return;
    }
    startPrompt(m_pinSet ? PinStep::Unlock : PinStep::SetNew, reason);
    m_pendingAction = std::move(action);
}

void AdminSession::requestUnlock(const QString &reason) {
    requestAdmin(reason, {});
}

void AdminSession::requestPinChange(const QString &reason) {
    if (!m_pin)
        return;
    startPrompt(m_pinSet ? PinStep::CurrentPin : PinStep::SetNew, reason);
}

void AdminSession::startPrompt(PinStep step, const QString &reason) {
    wipeSecrets();
    m_pendingAction = nullptr;
    m_promptReason = reason;
    m_stepError.clear();
    clearError();
    goToStep(step);
}

void AdminSession::goToStep(PinStep step) {
    wipeDigits();
    m_step = step;
    emit promptChanged();
}

void AdminSession::cancelPrompt() {
    if (m_step != PinStep::Idle)
        finishPrompt(false);
}

void AdminSession::finishPrompt(bool granted) {
    wipeSecrets();
    m_step = PinStep::Idle;
    m_stepError.clear();
    // Taken first: the action may start the next request.
    std::function<void()> action = std::exchange(m_pendingAction, nullptr);
    emit promptChanged();
    emit promptFinished(granted);
    if (granted && action)
        action();
}

void AdminSession::wipeDigits() {
    const bool hadDigits = !m_entered.isEmpty();
    m_entered.fill(QLatin1Char('0'));
    m_entered.clear();
    if (hadDigits)
        emit enteredCountChanged();
}

void AdminSession::wipeSecrets() {
    wipeDigits();
    m_currentPin.fill(QLatin1Char('0'));
    m_currentPin.clear();
    m_newPin.fill(QLatin1Char('0'));
    m_newPin.clear();
}

AdminSession::PinStep AdminSession::pinStep() const {
    const bool setting = m_step == PinStep::SetNew || m_step == PinStep::ConfirmNew;
    if (m_step != PinStep::Idle && !setting && lockedOut())
        return PinStep::LockedOut;
    return m_step;
}

bool AdminSession::changingPin() const {
    return m_step == PinStep::CurrentPin || m_step == PinStep::ChangeNew ||
           m_step == PinStep::ChangeConfirm;
}

QString AdminSession::promptTitle() const {
    if (m_step == PinStep::SetNew || m_step == PinStep::ConfirmNew)
        return tr("Set an admin PIN");
    if (changingPin())
        return tr("Change the admin PIN");
    return tr("Admin PIN");
}

QString AdminSession::promptText() const {
    const QString choose = tr("Choose a PIN of %1 to %2 digits.");
    switch (m_step) {
    case PinStep::SetNew:
        return choose.arg(minPinLength()).arg(maxPinLength());
    case PinStep::ConfirmNew:
        return tr("Enter the same PIN again.");
    case PinStep::CurrentPin:
        return tr("Enter the current PIN.");
    case PinStep::ChangeNew:
        return tr("Choose a new PIN of %1 to %2 digits.").arg(minPinLength()).arg(maxPinLength());
    case PinStep::ChangeConfirm:
        return tr("Enter the new PIN again.");
    case PinStep::Unlock:
    case PinStep::LockedOut:
        return tr("Enter the admin PIN.");
    case PinStep::Idle:
        break;
    }
    return QString();
}

QString AdminSession::promptError() const {
    if (pinStep() == PinStep::LockedOut)
        return tr("Too many wrong PINs. Try again in %1 s.").arg(lockoutSecondsLeft());
    return m_stepError.isEmpty() ? m_lastError : m_stepError;
}

bool AdminSession::inputEnabled() const {
    return m_pin && prompting() && !m_busy && pinStep() != PinStep::LockedOut;
}

void AdminSession::appendDigit(int digit) {
    if (!inputEnabled() || digit < 0 || digit > 9 || m_entered.size() >= maxPinLength())
        return;
    m_entered.append(QChar(u'0' + digit));
    emit enteredCountChanged();
    if (!m_stepError.isEmpty()) {
        m_stepError.clear();
        emit promptChanged();
    }
    emit promptChanged(); // canSubmit
}

void AdminSession::removeDigit() {
    if (!inputEnabled() || m_entered.isEmpty())
        return;
    m_entered.chop(1);
    emit enteredCountChanged();
    emit promptChanged();
}

void AdminSession::clearDigits() {
    wipeDigits();
    emit promptChanged();
}

void AdminSession::submitPin() {
    if (!canSubmit())
        return;
    QString pin = std::exchange(m_entered, QString());
    emit enteredCountChanged();
    m_stepError.clear();
    const auto refuseNewPin = [this, &pin] {
        m_stepError = newPinProblem(pin);
        return !m_stepError.isEmpty();
    };
    switch (m_step) {
    case PinStep::Unlock:
        // The answer arrives in verifyFinished, which finishes the prompt on success.
        unlockAsync(pin);
        emit promptChanged();
        break;
    case PinStep::SetNew:
        if (refuseNewPin()) {
            emit promptChanged();
            break;
        }
        clearError();
        m_newPin = pin;
        goToStep(PinStep::ConfirmNew);
        break;
    case PinStep::ConfirmNew:
        if (setPin(m_newPin, pin)) {
            finishPrompt(true);
        } else {
            m_newPin.fill(QLatin1Char('0'));
            m_newPin.clear();
            goToStep(PinStep::SetNew);
        }
        break;
    case PinStep::CurrentPin:
        clearError();
        m_currentPin = pin;
        goToStep(PinStep::ChangeNew);
        break;
    case PinStep::ChangeNew:
        if (refuseNewPin()) {
            emit promptChanged();
            break;
        }
        m_newPin = pin;
        goToStep(PinStep::ChangeConfirm);
        break;
    case PinStep::ChangeConfirm:
        if (changePin(m_currentPin, m_newPin, pin)) {
            finishPrompt(true);
        } else {
            // Start over: the error says whether the current PIN or the repeat was wrong.
            wipeSecrets();
            goToStep(PinStep::CurrentPin);
        }
        break;
    case PinStep::Idle:
    case PinStep::LockedOut:
        break;
    }
    pin.fill(QLatin1Char('0'));
}

QVariantList AdminSession::recentAuditEntries(int count) const {
    QVariantList list;
    if (!m_audit)
        return list;
    const QList<AuditEntry> entries = m_audit->lastEntries(count);
    list.reserve(entries.size());
    for (const AuditEntry &entry : entries) {
        const QDateTime local = entry.time.toLocalTime();
        list.append(QVariantMap{
            {QStringLiteral("time"), local},
            {QStringLiteral("timeText"), local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("target"), entry.target},
            {QStringLiteral("outcome"), AuditEntry::outcomeName(entry.outcome)},
            {QStringLiteral("detail"), entry.detail},
        });
    }
    return list;
}

} // namespace kiosk::ui
