#pragma once

#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
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
//
// It also runs the PIN dialog's steps (set and confirm, unlock, change), holds the digits being
// typed (QML sees only how many) and the one pending action that waits for the admin, so every
// page asks the same way: `session.runAsAdmin(reason, () => ...)`.
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
    // --kiosk: opening and changing settings and closing the window need the admin too.
    Q_PROPERTY(bool kioskMode READ kioskMode WRITE setKioskMode NOTIFY kioskModeChanged)

    // The PIN dialog, as a view of this session: it is shown while `prompting`.
    Q_PROPERTY(bool prompting READ prompting NOTIFY promptChanged)
    Q_PROPERTY(PinStep pinStep READ pinStep NOTIFY promptChanged)
    // True for the steps of a PIN change (current, new, new again).
    Q_PROPERTY(bool changingPin READ changingPin NOTIFY promptChanged)
    // How many digits are typed: the dialog draws this many dots, never the digits.
    Q_PROPERTY(int enteredCount READ enteredCount NOTIFY enteredCountChanged)
    Q_PROPERTY(QString promptTitle READ promptTitle NOTIFY promptChanged)
    Q_PROPERTY(QString promptText READ promptText NOTIFY promptChanged)
    // What the PIN is for ("Enter the admin PIN to roll kilo-meds back.").
    Q_PROPERTY(QString promptReason READ promptReason NOTIFY promptChanged)
    // The dialog's error line: the lock-out countdown, a refused new PIN or lastError.
    Q_PROPERTY(QString promptError READ promptError NOTIFY promptChanged)
    Q_PROPERTY(bool inputEnabled READ inputEnabled NOTIFY promptChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY promptChanged)

public:
    // The step the PIN dialog is at; LockedOut while wrong PINs keep the pad off.
    enum class PinStep {
        Idle,
        SetNew,
        ConfirmNew,
        Unlock,
        CurrentPin,
        ChangeNew,
        ChangeConfirm,
        LockedOut
    };
    Q_ENUM(PinStep)
    // What a page wants to do; needsAdmin() says whether that takes the PIN.
    enum class Guarded { ClusterAction, OpenSettings, ChangeSettings, CloseKiosk };
    Q_ENUM(Guarded)

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

    bool kioskMode() const { return m_kioskMode; }
    void setKioskMode(bool kiosk);
    // The policy: cluster actions always need the admin, the rest only in kiosk mode.
    Q_INVOKABLE bool needsAdmin(kiosk::ui::AdminSession::Guarded what) const;
    // Runs `action` now when `what` needs no admin, else as runAsAdmin().
    Q_INVOKABLE void runGuarded(kiosk::ui::AdminSession::Guarded what, const QString &reason,
                                const QJSValue &action);
    // Runs `action` (a JS function) once the admin is there: soon when unlocked already, else
    // after the PIN dialog succeeds; never when it is cancelled. A new request replaces it.
    Q_INVOKABLE void runAsAdmin(const QString &reason, const QJSValue &action);
    // The same for C++ callers (tests); an empty action only unlocks.
    void requestAdmin(const QString &reason, std::function<void()> action);
    // Asks for the PIN (or has one set) with no action waiting.
    Q_INVOKABLE void requestUnlock(const QString &reason = QString());
    // Current PIN, new PIN, new PIN again (set and confirm when none is set yet).
    Q_INVOKABLE void requestPinChange(const QString &reason = QString());
    // Closes the PIN dialog: the waiting action is dropped and promptFinished(false) follows.
    Q_INVOKABLE void cancelPrompt();

    bool prompting() const { return m_step != PinStep::Idle; }
    PinStep pinStep() const;
    bool changingPin() const;
    int enteredCount() const { return int(m_entered.size()); }
    QString promptTitle() const;
    QString promptText() const;
    QString promptReason() const { return m_promptReason; }
    QString promptError() const;
    bool inputEnabled() const;
    bool canSubmit() const { return inputEnabled() && enteredCount() >= minPinLength(); }
    // The number pad (and a hardware keyboard): one digit 0-9, the last one away, all away.
    Q_INVOKABLE void appendDigit(int digit);
    Q_INVOKABLE void removeDigit();
    Q_INVOKABLE void clearDigits();
    // OK: takes the typed digits to the next step.
    Q_INVOKABLE void submitPin();

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
    void kioskModeChanged();
    void promptChanged();
    void enteredCountChanged();
    // The PIN dialog's request ended: granted (the action has run) or cancelled.
    void promptFinished(bool granted);
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
    void startPrompt(PinStep step, const QString &reason);
    void goToStep(PinStep step);
    void finishPrompt(bool granted);
    void wipeDigits();
    void wipeSecrets();

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

    bool m_kioskMode = false;
    PinStep m_step = PinStep::Idle;
    QString m_promptReason;
    QString m_stepError; // a refused new PIN, before anything reaches AdminPin
    // The secrets of the dialog's steps: never a property, wiped when a step ends.
    QString m_entered;
    QString m_currentPin;
    QString m_newPin;
    std::function<void()> m_pendingAction;
};

} // namespace kiosk::ui
