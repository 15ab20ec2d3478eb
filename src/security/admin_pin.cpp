#include "security/admin_pin.h"

#include "security/private_file.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace kiosk::security {
namespace {
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr int kStateVersion = 1;
const QString kAlgorithm = QStringLiteral("pbkdf2-sha256");

// Compares without an early exit so the time taken does not tell how many bytes matched.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
    return difference == 0;
}

QByteArray randomSalt() {
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    for (qsizetype i = 0; i < salt.size(); i += 4) {
        const quint32 word = QRandomGenerator::system()->generate();
        for (qsizetype j = 0; j < 4 && i + j < salt.size(); ++j)
            salt[i + j] = static_cast<char>((word >> (8 * j)) & 0xff);
    }
    return salt;
}
} // namespace

AdminPin::AdminPin(const QString &stateFile, int iterations, QObject *parent)
    : QObject(parent)
    , m_stateFile(stateFile)
    , m_iterations(std::max(iterations, kMinIterations))
    , m_now([] { return QDateTime::currentDateTimeUtc(); }) {
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &AdminPin::lock);
}

QString AdminPin::defaultStateFile() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/admin-pin.json");
}

bool AdminPin::isValidFormat(const QString &pin) {
    if (pin.size() < kMinLength || pin.size() > kMaxLength)
        return false;
    return std::all_of(pin.cbegin(), pin.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

AdminPin::Result AdminPin::checkNewPin(const QString &pin) {
    if (!isValidFormat(pin))
        return Result::InvalidFormat;
    bool same = true, ascending = true, descending = true;
    for (qsizetype i = 1; i < pin.size(); ++i) {
        const int step = pin[i].unicode() - pin[i - 1].unicode();
        same = same && step == 0;
        ascending = ascending && step == 1;
        descending = descending && step == -1;
    }
    return (same || ascending || descending) ? Result::TooWeak : Result::Ok;
}

QString AdminPin::describe(Result result) const {
    switch (result) {
    case Result::Ok:
        return QStringLiteral("PIN accepted.");
    case Result::WrongPin: {
        const auto remaining = lockoutRemaining();
        if (remaining.count() > 0)
            return QStringLiteral("Wrong PIN. Too many wrong PINs: try again in %1 s.")
                .arg((remaining.count() + 999) / 1000);
        return QStringLiteral("Wrong PIN.");
    }
    case Result::LockedOut:
        return QStringLiteral("Too many wrong PINs: try again in %1 s.")
            .arg((lockoutRemaining().count() + 999) / 1000);
    case Result::NotSet:
        return QStringLiteral("No admin PIN has been set yet.");
    case Result::AlreadySet:
        return QStringLiteral("An admin PIN is already set; change it with the current PIN.");
    case Result::InvalidFormat:
        return QStringLiteral("The PIN must have %1 to %2 digits.").arg(kMinLength).arg(kMaxLength);
    case Result::TooWeak:
        return QStringLiteral(
            "Choose a PIN that is not one digit repeated or a straight run like 1234.");
    case Result::StorageError:
        return QStringLiteral("The admin PIN cannot be stored or read: %1").arg(m_lastError);
    }
    return QString();
}

AdminPin::State AdminPin::load() const {
    State state;
    QFile file(m_stateFile);
    if (!file.exists())
        return state;
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = QStringLiteral("cannot read %1: %2").arg(m_stateFile, file.errorString());
        state.corrupt = true;
        return state;
    }
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll(), &error).object();
    state.salt = QByteArray::fromBase64(object.value(QStringLiteral("salt")).toString().toLatin1());
    state.hash = QByteArray::fromBase64(object.value(QStringLiteral("hash")).toString().toLatin1());
    state.iterations = object.value(QStringLiteral("iterations")).toInt();
    state.failures = std::max(0, object.value(QStringLiteral("failures")).toInt());
    const QString lockedUntil = object.value(QStringLiteral("lockedUntil")).toString();
    if (!lockedUntil.isEmpty())
        state.lockedUntil = QDateTime::fromString(lockedUntil, Qt::ISODateWithMs).toUTC();
    if (error.error != QJsonParseError::NoError ||
        object.value(QStringLiteral("version")).toInt() != kStateVersion ||
        object.value(QStringLiteral("algorithm")).toString() != kAlgorithm ||
        state.salt.size() < kSaltBytes || state.hash.size() != kHashBytes ||
        state.iterations < 1000) {
        m_lastError = QStringLiteral("%1 is damaged; remove it to set a new PIN").arg(m_stateFile);
        state = State{};
        state.corrupt = true;
        return state;
    }
    // A clock set back must not stretch the lockout beyond what the failures earned: cap it,
    // and keep the cap so the countdown shown to the user holds.
    if (state.lockedUntil.isValid()) {
        const QDateTime latest = m_now().addSecs(lockoutDelay(state.failures).count());
        if (state.lockedUntil > latest) {
            state.lockedUntil = latest;
            save(state);
        }
    }
    return state;
}

bool AdminPin::save(const State &state) const {
    QJsonObject object{
        {QStringLiteral("version"), kStateVersion},
        {QStringLiteral("algorithm"), kAlgorithm},
        {QStringLiteral("iterations"), state.iterations},
        {QStringLiteral("salt"), QString::fromLatin1(state.salt.toBase64())},
        {QStringLiteral("hash"), QString::fromLatin1(state.hash.toBase64())},
        {QStringLiteral("failures"), state.failures},
    };
    if (state.lockedUntil.isValid())
        object.insert(QStringLiteral("lockedUntil"),
                      state.lockedUntil.toUTC().toString(Qt::ISODateWithMs));
    return writePrivateFile(m_stateFile, QJsonDocument(object).toJson(QJsonDocument::Indented),
                            &m_lastError);
}

QByteArray AdminPin::derive(const QString &pin, const QByteArray &salt, int iterations) {
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt,
                                              iterations, kHashBytes);
}

AdminPin::State AdminPin::makeHash(const QString &pin) const {
    State state;
    state.salt = randomSalt();
    state.iterations = m_iterations;
    state.hash = derive(pin, state.salt, state.iterations);
    return state;
}

bool AdminPin::isSet() const {
    const State state = load();
    return state.corrupt || !state.hash.isEmpty();
}

AdminPin::Result AdminPin::setPin(const QString &pin) {
    const State current = load();
    if (current.corrupt)
        return Result::StorageError;
    if (!current.hash.isEmpty())
        return Result::AlreadySet;
    if (const Result check = checkNewPin(pin); check != Result::Ok)
        return check;
    if (!save(makeHash(pin)))
        return Result::StorageError;
    emit lockoutChanged();
    return Result::Ok;
}

std::chrono::seconds AdminPin::lockoutDelay(int failures) {
    if (failures < kFailuresBeforeLockout)
        return std::chrono::seconds(0);
    const int doublings = std::min(failures - kFailuresBeforeLockout, 16);
    return std::min(kFirstLockout * (1 << doublings), std::chrono::seconds(kMaxLockout));
}

std::optional<AdminPin::Result> AdminPin::precheck(const State &state) const {
    if (state.corrupt)
        return Result::StorageError;
    if (state.hash.isEmpty())
        return Result::NotSet;
    if (state.lockedUntil.isValid() && state.lockedUntil > m_now())
        return Result::LockedOut;
    return std::nullopt;
}

AdminPin::Result AdminPin::conclude(State &state, const QString &pin, bool matches) {
    if (matches) {
        const bool hadFailures = state.failures > 0 || state.lockedUntil.isValid();
        state.failures = 0;
        state.lockedUntil = QDateTime();
        if (state.iterations < m_iterations) {
            const State upgraded = makeHash(pin);
            state.salt = upgraded.salt;
            state.hash = upgraded.hash;
            state.iterations = upgraded.iterations;
        }
        save(state); // a failure to reset the counter must not refuse the right PIN
        if (hadFailures)
            emit lockoutChanged();
        return Result::Ok;
    }
    ++state.failures;
    const auto delay = lockoutDelay(state.failures);
    state.lockedUntil = delay.count() > 0 ? m_now().addSecs(delay.count()) : QDateTime();
    const bool saved = save(state);
    emit lockoutChanged();
    // Without a persisted failure count there is no lockout: refuse to go on guessing.
    return saved ? Result::WrongPin : Result::StorageError;
}

AdminPin::Result AdminPin::checkAgainst(State &state, const QString &pin) {
    if (const auto early = precheck(state))
        return *early;
    return conclude(state, pin,
                    constantTimeEquals(derive(pin, state.salt, state.iterations), state.hash));
}

bool AdminPin::verifyAsync(const QString &pin) {
    if (m_verifying)
        return false;
    m_verifying = true;
    const State state = load();
    if (const auto early = precheck(state)) {
        QMetaObject::invokeMethod(
            this,
            [this, result = *early] {
                m_verifying = false;
                emit verifyFinished(result);
            },
            Qt::QueuedConnection);
        return true;
    }
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, pin, checked = state] {
        watcher->deleteLater();
        State current = load();
        bool matches = watcher->result();
        if (current.hash != checked.hash || current.salt != checked.salt) {
            // The PIN changed meanwhile (another process): judge against the new one.
            if (const auto early = precheck(current)) {
                m_verifying = false;
                emit verifyFinished(*early);
                return;
            }
            matches =
                constantTimeEquals(derive(pin, current.salt, current.iterations), current.hash);
        }
        const Result result = conclude(current, pin, matches);
        m_verifying = false;
        if (result == Result::Ok)
            openSession();
        emit verifyFinished(result);
    });
    watcher->setFuture(QtConcurrent::run(
        [pin, salt = state.salt, hash = state.hash, iterations = state.iterations] {
            return constantTimeEquals(derive(pin, salt, iterations), hash);
        }));
    return true;
}

AdminPin::Result AdminPin::verify(const QString &pin) {
    State state = load();
    const Result result = checkAgainst(state, pin);
    if (result == Result::Ok)
        openSession();
    return result;
}

AdminPin::Result AdminPin::changePin(const QString &current, const QString &next) {
    State state = load();
    if (state.corrupt)
        return Result::StorageError;
    if (state.hash.isEmpty())
        return Result::NotSet;
    // Check the new PIN first so a typo in it does not cost an attempt.
    if (const Result check = checkNewPin(next); check != Result::Ok)
        return check;
    const Result result = checkAgainst(state, current);
    if (result != Result::Ok)
        return result;
    if (!save(makeHash(next)))
        return Result::StorageError;
    openSession();
    return Result::Ok;
}

bool AdminPin::clear() {
    lock();
    if (QFile::exists(m_stateFile) && !QFile::remove(m_stateFile)) {
        m_lastError = QStringLiteral("cannot remove %1").arg(m_stateFile);
        return false;
    }
    emit lockoutChanged();
    return true;
}

int AdminPin::failedAttempts() const {
    return load().failures;
}

std::chrono::milliseconds AdminPin::lockoutRemaining() const {
    const State state = load();
    if (!state.lockedUntil.isValid())
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::max<qint64>(0, m_now().msecsTo(state.lockedUntil)));
}

bool AdminPin::isUnlocked() const {
    return m_unlocked && !m_sessionDeadline.hasExpired();
}

void AdminPin::openSession() {
    m_sessionDeadline = QDeadlineTimer(m_idleTimeout);
    m_idleTimer.start(m_idleTimeout);
    if (!m_unlocked) {
        m_unlocked = true;
        emit unlockedChanged(true);
    }
}

void AdminPin::lock() {
    m_idleTimer.stop();
    if (m_unlocked) {
        m_unlocked = false;
        emit unlockedChanged(false);
    }
}

void AdminPin::touch() {
    if (!m_unlocked)
        return;
    if (m_sessionDeadline.hasExpired()) {
        lock();
        return;
    }
    m_sessionDeadline = QDeadlineTimer(m_idleTimeout);
    m_idleTimer.start(m_idleTimeout);
}

void AdminPin::setIdleTimeout(std::chrono::milliseconds timeout) {
    m_idleTimeout = std::max(timeout, std::chrono::milliseconds(1));
    if (isUnlocked())
        touch();
}

void AdminPin::setClock(std::function<QDateTime()> now) {
    m_now = std::move(now);
}

} // namespace kiosk::security
