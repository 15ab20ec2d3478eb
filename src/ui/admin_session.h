#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

#include "security/admin_pin.h"
#include "ops/action_gate.h"
#include "security/audit_log.h"

namespace kiosk::ui {

// The administrator session as QML sees it: whether a PIN is set, whether admin actions are
// unlocked right now, the lockout after wrong PINs, and the audit trail of all of it.
//
// The PIN itself is checked and stored by security::AdminPin (PBKDF2 hash, lockout, idle
// expiry); this type adds the audit records ("admin.unlock", "admin.lockout", "admin.lock",
// "pin.set", "pin.change" — never the PIN), a once-a-second countdown while locked out, and
// plain-text errors for the PIN dialog.
//
// Created in QML with the default files (<AppDataLocation>/admin-pin.json and audit.jsonl), or
// with `stateDirectory` set (tests, --demo); created in C++ with an AdminPin and AuditLog of the
// caller's (tests), which must outlive it.
class AdminSession : public QObject, public ops::ActionGate {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool pinSet READ pinSet NOTIFY pinSetChanged)
    Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool lockedOut READ lockedOut NOTIFY lockoutChanged)
    Q_PROPERTY(int lockoutSecondsLeft READ lockoutSecondsLeft NOTIFY lockoutChanged)
    Q_PROPERTY(int failedAttempts READ failedAttempts NOTIFY lockoutChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // True while unlockAsync() checks a PIN on a worker thread.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The admin session closes after this long without touch(); default 120 s. Fractions of a
    // second are allowed (tests).
    Q_PROPERTY(double idleTimeoutSeconds READ idleTimeoutSeconds WRITE setIdleTimeoutSeconds NOTIFY
                   idleTimeoutSecondsChanged)
    // Folder holding admin-pin.json and audit.jsonl; empty = the app data folder. Changing it
    // locks the session and switches to the files there.
    Q_PROPERTY(QString stateDirectory READ stateDirectory WRITE setStateDirectory NOTIFY
                   stateDirectoryChanged)
    // Where --demo keeps its PIN and audit log, away from the real ones.
    Q_PROPERTY(QString demoStateDirectory READ demoStateDirectory CONSTANT)
    // The audit log this session writes, so cluster actions land in the same file.
    Q_PROPERTY(QString auditLogPath READ auditLogPath NOTIFY stateDirectoryChanged)
    Q_PROPERTY(int minPinLength READ minPinLength CONSTANT)
    Q_PROPERTY(int maxPinLength READ maxPinLength CONSTANT)

public:
    explicit AdminSession(QObject *parent = nullptr);
    // Uses the caller's PIN and audit log (not owned; they must outlive this object).
    AdminSession(security::AdminPin *pin, security::AuditLog *audit, QObject *parent = nullptr);
    ~AdminSession() override;

    bool pinSet() const { return m_pinSet; }
    bool unlocked() const { return m_unlocked; }
    bool lockedOut() const { return lockoutSecondsLeft() > 0; }
    int lockoutSecondsLeft() const;
    int failedAttempts() const;
    QString lastError() const { return m_lastError; }
    bool busy() const { return m_busy; }

    double idleTimeoutSeconds() const { return m_idleTimeoutSeconds; }
    void setIdleTimeoutSeconds(double seconds);

    QString stateDirectory() const { return m_stateDirectory; }
    void setStateDirectory(const QString &directory);
    static QString demoStateDirectory();
    QString auditLogPath() const;
    // The log this session writes (a copy pointing at the same file), for actions it lets through.
    security::AuditLog auditLog() const;

    // ops::ActionGate: cluster actions run only while the session is unlocked.
    bool mayAct(QString *why) const override;
    QString actor() const override;

    static int minPinLength() { return security::AdminPin::kMinLength; }
    static int maxPinLength() { return security::AdminPin::kMaxLength; }

    // First use: stores `pin` when it equals `confirm` and is strong enough, then opens the
    // session. False with lastError otherwise (also when a PIN is already set).
    Q_INVOKABLE bool setPin(const QString &pin, const QString &confirm);
    // Checks the PIN (about half a second of PBKDF2 on this thread) and opens the session.
    Q_INVOKABLE bool unlock(const QString &pin);
    // The same on a worker thread: unlockFinished(ok) follows, `busy` is true meanwhile.
    // False when a check is already running.
    Q_INVOKABLE bool unlockAsync(const QString &pin);
    // Closes the session now. `reason` goes to the audit log ("locked by the user" when empty).
    Q_INVOKABLE void lock(const QString &reason = QString());
    // Checks `current` (a wrong one counts like a wrong unlock), then stores `next` when it
    // equals `confirm`. The session is open afterwards.
    Q_INVOKABLE bool changePin(const QString &current, const QString &next, const QString &confirm);
    // User activity: restarts the idle countdown of an open session.
    Q_INVOKABLE void touch();
    // Why `pin` cannot be a new PIN (too short, too long, not digits, too easy to guess); empty
    // when it can. Costs nothing: the dialog asks before the PIN is entered a second time.
    Q_INVOKABLE QString newPinProblem(const QString &pin) const;
    // Clears lastError (the dialog calls it when it opens).
    Q_INVOKABLE void clearError();

    // The newest `count` audit entries, newest first, as maps with time (a date), timeText,
    // actor, action, target, outcome ("success", "failure", "denied") and detail.
    Q_INVOKABLE QVariantList recentAuditEntries(int count) const;

Q_SIGNALS:
    void pinSetChanged();
    void unlockedChanged();
    void lockoutChanged();
    void lastErrorChanged();
    void busyChanged();
    void idleTimeoutSecondsChanged();
    void stateDirectoryChanged();
    void unlockFinished(bool ok);
    // Something was appended to the audit log by this session.
    void auditChanged();

private:
    void attach(security::AdminPin *pin, security::AuditLog *audit);
    void detach();
    void refresh();
    void setLastError(const QString &error);
    void setBusy(bool busy);
    bool handleVerifyResult(security::AdminPin::Result result, const QString &action);
    void audit(const QString &action, security::AuditEntry::Outcome outcome, const QString &detail,
               const QString &actor = QString());
    void onPinUnlockedChanged(bool unlocked);
    void updateLockoutTimer();

    std::unique_ptr<security::AdminPin> m_ownedPin;
    std::unique_ptr<security::AuditLog> m_ownedAudit;
    QPointer<security::AdminPin> m_pin;
    security::AuditLog *m_audit = nullptr;

    QString m_stateDirectory;
    double m_idleTimeoutSeconds = 120;
    bool m_pinSet = false;
    bool m_unlocked = false;
    bool m_busy = false;
    bool m_lockRequested = false;
    QString m_lastError;
    QTimer m_lockoutTicker;
};

} // namespace kiosk::ui
