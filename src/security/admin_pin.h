#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace kiosk::security {

// The administrator PIN that guards the kiosk's admin actions (settings, cluster repairs, quit).
//
// Only a PBKDF2-HMAC-SHA-256 hash of the PIN is kept, with a random 16-byte salt and at least
// kMinIterations iterations, in an owner-only JSON file (0600); comparison is constant-time.
// A PIN has 4 to 8 digits and may not be one digit repeated or a straight run (1234, 9876).
//
// Wrong PINs: the first kFailuresBeforeLockout - 1 cost nothing; the kFailuresBeforeLockout-th
// consecutive failure refuses further attempts for kFirstLockout, and every further failure
// doubles the delay, up to kMaxLockout. The failure count and the lockout end are persisted, so
// restarting the app does not reset them; a correct PIN resets them.
//
// A correct verify() opens an admin session that expires after idleTimeout() without touch();
// unlockedChanged(false) is emitted when it expires or lock() is called.
class AdminPin : public QObject {
    Q_OBJECT
public:
    enum class Result {
        Ok,
        WrongPin,      // counted as a failure
        LockedOut,     // refused without checking; see lockoutRemaining()
        NotSet,        // no PIN has been set yet
        AlreadySet,    // setPin() when a PIN exists: use changePin()
        InvalidFormat, // not 4-8 digits
        TooWeak,       // repeated digit or straight run
        StorageError,  // the state file cannot be read or written; see lastError()
    };
    Q_ENUM(Result)

    static constexpr int kMinLength = 4;
    static constexpr int kMaxLength = 8;
    static constexpr int kMinIterations = 100000;
    // About 0.5 s per check on a desktop CPU with Qt's PBKDF2: call verify()/changePin() behind a
    // busy indicator (the UI may run them from a worker thread; the object is not shared then).
    static constexpr int kDefaultIterations = 100000;
    static constexpr int kFailuresBeforeLockout = 5;
    static constexpr std::chrono::seconds kFirstLockout{30};
    static constexpr std::chrono::seconds kMaxLockout{15 * 60};
    static constexpr std::chrono::minutes kDefaultIdleTimeout{2};

    // `stateFile` holds the hash and the lockout state; `iterations` (raised to kMinIterations)
    // is used for new hashes, and an older, weaker hash is upgraded at the next correct verify().
    explicit AdminPin(const QString &stateFile = defaultStateFile(),
                      int iterations = kDefaultIterations, QObject *parent = nullptr);

    // <AppDataLocation>/admin-pin.json
    static QString defaultStateFile();
    QString stateFile() const { return m_stateFile; }

    // Format check only (4-8 ASCII digits).
    static bool isValidFormat(const QString &pin);
    // Format and strength check: Ok, InvalidFormat or TooWeak.
    static Result checkNewPin(const QString &pin);
    // One line for the user, e.g. "Wrong PIN." / "Too many wrong PINs: try again in 60 s."
    QString describe(Result result) const;

    bool isSet() const;
    // First-time setup. AlreadySet when a PIN exists.
    Result setPin(const QString &pin);
    // Checks `pin`; Ok opens the admin session.
    Result verify(const QString &pin);
    // verify() with the PBKDF2 work on a worker thread, for the UI: verifyFinished() follows
    // (always asynchronously). False, and nothing happens, while another verifyAsync() runs.
    bool verifyAsync(const QString &pin);
    bool isVerifying() const { return m_verifying; }
    // Checks `current` exactly like verify() (failures count), then stores `next`.
    Result changePin(const QString &current, const QString &next);
    // Recovery for someone with shell access as the kiosk user: forgets the PIN and the lockout.
    bool clear();

    int failedAttempts() const;
    // Time left before the next attempt is allowed; zero when not locked out.
    std::chrono::milliseconds lockoutRemaining() const;
    // The delay imposed after `failures` consecutive failures.
    static std::chrono::seconds lockoutDelay(int failures);

    // The admin session.
    bool isUnlocked() const;
    void lock();
    // Marks admin activity: restarts the idle countdown of an open session.
    void touch();
    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const { return m_idleTimeout; }

    QString lastError() const { return m_lastError; }

    // For tests: the wall clock used for lockouts (persisted as UTC times).
    void setClock(std::function<QDateTime()> now);

Q_SIGNALS:
    void unlockedChanged(bool unlocked);
    void lockoutChanged();
    void verifyFinished(kiosk::security::AdminPin::Result result);

private:
    struct State {
        QByteArray salt;
        QByteArray hash;
        int iterations = 0;
        int failures = 0;
        QDateTime lockedUntil; // UTC; invalid when not locked out
        bool corrupt = false;
    };

    State load() const;
    bool save(const State &state) const;
    std::optional<Result> precheck(const State &state) const;
    Result conclude(State &state, const QString &pin, bool matches);
    Result checkAgainst(State &state, const QString &pin);
    static QByteArray derive(const QString &pin, const QByteArray &salt, int iterations);
    State makeHash(const QString &pin) const;
    void openSession();

    QString m_stateFile;
    int m_iterations;
    std::function<QDateTime()> m_now;
    std::chrono::milliseconds m_idleTimeout = kDefaultIdleTimeout;
    bool m_unlocked = false;
    bool m_verifying = false;
    QDeadlineTimer m_sessionDeadline;
    QTimer m_idleTimer;
    mutable QString m_lastError;
};

} // namespace kiosk::security
