#include "ui/admin_session.h"

#include <QDir>
#include <QStandardPaths>
#include <QVariantMap>
#include <QtDebug>

#include <algorithm>
#include <cmath>

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
    attach(pin, audit);
}

AdminSession::~AdminSession() {
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
