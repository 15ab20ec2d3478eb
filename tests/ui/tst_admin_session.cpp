#include "security/admin_pin.h"
#include "security/audit_log.h"
#include "ui/admin_session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::AdminPin;
using kiosk::security::AuditLog;
using kiosk::ui::AdminSession;

namespace {
const QString kPin = QStringLiteral("2580");
const QString kOtherPin = QStringLiteral("4716");
} // namespace

class TestAdminSession : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AdminPin> m_pin;
    std::unique_ptr<AuditLog> m_audit;
    QDateTime m_now;

    QString pinFile() const { return m_dir->filePath("admin-pin.json"); }
    QString auditFile() const { return m_dir->filePath("audit.jsonl"); }

    QStringList auditActions(AdminSession &session, int count = 50) {
        QStringList actions;
        for (const QVariant &entry : session.recentAuditEntries(count))
            actions.append(entry.toMap().value("action").toString());
        return actions;
    }

    // Types `digits` on the session's number pad.
    static void type(AdminSession &session, const QString &digits) {
        for (const QChar digit : digits)
            session.appendDigit(digit.digitValue());
    }
    static void typeAndSubmit(AdminSession &session, const QString &digits) {
        type(session, digits);
        QCOMPARE(session.enteredCount(), int(digits.size()));
        QVERIFY(session.canSubmit());
        session.submitPin();
    }

    QByteArray auditBytes() const {
        QFile file(auditFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_now = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
        m_pin = std::make_unique<AdminPin>(pinFile());
        m_pin->setClock([this] { return m_now; });
        m_audit = std::make_unique<AuditLog>(auditFile());
    }

    void cleanup() {
        m_pin.reset();
        m_audit.reset();
        m_dir.reset();
    }

    void firstUseSetsPinAndOpensSession() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(!session.pinSet());
        QVERIFY(!session.unlocked());
        QVERIFY(!session.unlock(kPin)); // nothing to check against yet
        QVERIFY(!session.lastError().isEmpty());

        QVERIFY(session.newPinProblem(kPin).isEmpty());
        QVERIFY(session.newPinProblem(QStringLiteral("4444")).contains("repeated"));
        QVERIFY(session.newPinProblem(QStringLiteral("12a4")).contains("digits"));

        QSignalSpy pinSet(&session, &AdminSession::pinSetChanged);
        QSignalSpy unlocked(&session, &AdminSession::unlockedChanged);
        QVERIFY(!session.setPin(kPin, QStringLiteral("2581")));
        QVERIFY(session.lastError().contains("not the same"));
        QVERIFY(!session.pinSet());
        QVERIFY(!session.setPin(QStringLiteral("1234"), QStringLiteral("1234"))); // a straight run
        QVERIFY(!session.pinSet());
        QVERIFY(!session.setPin(QStringLiteral("12"), QStringLiteral("12")));
        QCOMPARE(pinSet.count(), 0);

        QVERIFY(session.setPin(kPin, kPin));
        QVERIFY(session.lastError().isEmpty());
        QVERIFY(session.pinSet());
        QVERIFY(session.unlocked());
        QCOMPARE(pinSet.count(), 1);
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(!session.setPin(kOtherPin, kOtherPin)); // already set: change it instead
        QVERIFY(m_pin->verify(kPin) == AdminPin::Result::Ok);

        const QStringList actions = auditActions(session);
        QVERIFY(actions.contains("pin.set"));
        QVERIFY(actions.contains("admin.unlock"));
        QVERIFY(!auditBytes().contains(kPin.toUtf8()));
    }

    void unlockAndLock() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        QSignalSpy unlocked(&session, &AdminSession::unlockedChanged);
        QSignalSpy audit(&session, &AdminSession::auditChanged);
        session.lock();
        QVERIFY(!session.unlocked());
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(audit.count(), 1);
        session.lock(); // already locked: nothing happens, nothing recorded
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(audit.count(), 1);
        const QVariantMap last = session.recentAuditEntries(1).value(0).toMap();
        QCOMPARE(last.value("action").toString(), QStringLiteral("admin.lock"));
        QCOMPARE(last.value("detail").toString(), QStringLiteral("locked by the user"));

        QVERIFY(!session.unlock(kOtherPin));
        QCOMPARE(session.lastError(), QStringLiteral("Wrong PIN."));
        QVERIFY(!session.unlocked());
        QCOMPARE(session.failedAttempts(), 1);
        QVERIFY(session.unlock(kPin));
        QVERIFY(session.unlocked());
        QVERIFY(session.lastError().isEmpty());
        QCOMPARE(session.failedAttempts(), 0);
        QCOMPARE(unlocked.count(), 2);

        const QVariantList entries = session.recentAuditEntries(2);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].toMap().value("action").toString(), QStringLiteral("admin.unlock"));
        QCOMPARE(entries[0].toMap().value("outcome").toString(), QStringLiteral("success"));
        QCOMPARE(entries[1].toMap().value("action").toString(), QStringLiteral("admin.unlock"));
        QCOMPARE(entries[1].toMap().value("outcome").toString(), QStringLiteral("failure"));
        QVERIFY(!entries[0].toMap().value("timeText").toString().isEmpty());
        QVERIFY(!auditBytes().contains(kPin.toUtf8()));
        QVERIFY(!auditBytes().contains(kOtherPin.toUtf8()));
    }

    void wrongPinsLockOutWithCountdown() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QSignalSpy lockout(&session, &AdminSession::lockoutChanged);
        int tries = 0;
        while (!session.lockedOut() && tries < 10) {
            QVERIFY(!session.unlock(kOtherPin));
            ++tries;
        }
        QVERIFY(session.lockedOut());
        QCOMPARE(tries, AdminPin::kFailuresBeforeLockout);
        QVERIFY(lockout.count() >= tries);
        QCOMPARE(session.lockoutSecondsLeft(), int(AdminPin::kFirstLockout.count()));
        QVERIFY(session.lastError().contains("try again in"));
        QVERIFY(auditActions(session).contains("admin.lockout"));

        // Even the right PIN is refused while locked out, and that is recorded as denied.
        QVERIFY(!session.unlock(kPin));
        QVERIFY(!session.unlocked());
        QCOMPARE(session.recentAuditEntries(1).value(0).toMap().value("outcome").toString(),
                 QStringLiteral("denied"));

        // The countdown ticks once a second while locked out.
        lockout.clear();
        m_now = m_now.addSecs(10);
        QTRY_VERIFY_WITH_TIMEOUT(lockout.count() >= 1, 2500);
        QCOMPARE(session.lockoutSecondsLeft(), int(AdminPin::kFirstLockout.count()) - 10);

        m_now = m_now.addSecs(AdminPin::kFirstLockout.count());
        QTRY_VERIFY_WITH_TIMEOUT(!session.lockedOut(), 2500);
        QCOMPARE(session.lockoutSecondsLeft(), 0);
        QVERIFY(session.unlock(kPin));
        QVERIFY(session.unlocked());
        QVERIFY(!auditBytes().contains(kPin.toUtf8()));
        QVERIFY(!auditBytes().contains(kOtherPin.toUtf8()));
    }

    void relocksAfterIdleTimeout() {
        AdminSession session(m_pin.get(), m_audit.get());
        QCOMPARE(session.idleTimeoutSeconds(), 120.0);
        session.setIdleTimeoutSeconds(0.3);
        QCOMPARE(m_pin->idleTimeout(), std::chrono::milliseconds(300));
        QVERIFY(session.setPin(kPin, kPin));
        QSignalSpy unlocked(&session, &AdminSession::unlockedChanged);

        // Activity keeps the session open well past the timeout...
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 700) {
            session.touch();
            QTest::qWait(50);
        }
        QVERIFY(session.unlocked());
        QCOMPARE(unlocked.count(), 0);
        // ...and without it the session closes by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!session.unlocked(), 2000);
        QCOMPARE(unlocked.count(), 1);
        const QVariantMap last = session.recentAuditEntries(1).value(0).toMap();
        QCOMPARE(last.value("action").toString(), QStringLiteral("admin.lock"));
        QCOMPARE(last.value("detail").toString(), QStringLiteral("idle timeout"));
    }

    void changePin() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QVERIFY(!session.changePin(kPin, kOtherPin, QStringLiteral("4717")));
        QVERIFY(session.lastError().contains("not the same"));
        QCOMPARE(session.failedAttempts(), 0);
        QVERIFY(!session.changePin(kPin, QStringLiteral("1111"),
                                   QStringLiteral("1111"))); // weak: costs no attempt
        QCOMPARE(session.failedAttempts(), 0);
        QVERIFY(!session.changePin(QStringLiteral("9999"), kOtherPin, kOtherPin));
        QCOMPARE(session.lastError(), QStringLiteral("Wrong PIN."));
        QCOMPARE(session.failedAttempts(), 1);
        QVERIFY(!session.unlocked());

        QVERIFY(session.changePin(kPin, kOtherPin, kOtherPin));
        QVERIFY(session.unlocked());
        QVERIFY(session.lastError().isEmpty());
        session.lock();
        QVERIFY(!session.unlock(kPin));
        QVERIFY(session.unlock(kOtherPin));

        QVariantList changes;
        for (const QVariant &entry : session.recentAuditEntries(50)) {
            if (entry.toMap().value("action") == QStringLiteral("pin.change"))
                changes.append(entry);
        }
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes[0].toMap().value("outcome").toString(), QStringLiteral("success"));
        QCOMPARE(changes[1].toMap().value("outcome").toString(), QStringLiteral("failure"));
        QVERIFY(!auditBytes().contains(kPin.toUtf8()));
        QVERIFY(!auditBytes().contains(kOtherPin.toUtf8()));
    }

    void unlockAsyncReportsWhenDone() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QSignalSpy finished(&session, &AdminSession::unlockFinished);
        QSignalSpy busy(&session, &AdminSession::busyChanged);
        QVERIFY(session.unlockAsync(kOtherPin));
        QVERIFY(session.busy());
        QVERIFY(!session.unlockAsync(kPin)); // one check at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished[0][0].toBool(), false);
        QVERIFY(!session.busy());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(session.lastError(), QStringLiteral("Wrong PIN."));

        QVERIFY(session.unlockAsync(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QCOMPARE(finished[1][0].toBool(), true);
        QVERIFY(session.unlocked());
        QVERIFY(session.lastError().isEmpty());
    }

    void stateDirectoryHoldsPinAndAudit() {
        AdminSession session;
        QSignalSpy changed(&session, &AdminSession::stateDirectoryChanged);
        session.setStateDirectory(m_dir->filePath("elsewhere"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.pinSet());
        QVERIFY(session.setPin(kPin, kPin));
        QVERIFY(QFile::exists(m_dir->filePath("elsewhere/admin-pin.json")));
        QVERIFY(QFile::exists(m_dir->filePath("elsewhere/audit.jsonl")));
        // Cluster actions are pointed at the same file (Main.qml binds it).
        QCOMPARE(session.auditLogPath(), m_dir->filePath("elsewhere/audit.jsonl"));
        QVERIFY(session.unlocked());

        // Another folder: locked, and no PIN there yet.
        QSignalSpy unlocked(&session, &AdminSession::unlockedChanged);
        session.setStateDirectory(m_dir->filePath("other"));
        QVERIFY(!session.unlocked());
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(!session.pinSet());
        QVERIFY(session.recentAuditEntries(10).isEmpty());
        session.setStateDirectory(m_dir->filePath("elsewhere"));
        QVERIFY(session.pinSet());
        QVERIFY(!session.unlocked());
        QVERIFY(!AdminSession::demoStateDirectory().isEmpty());
    }

    // The PIN dialog's steps, in C++: set and confirm on first use, then the waiting action.
    void promptSetsAndConfirmsThePinThenRunsTheAction() {
        AdminSession session(m_pin.get(), m_audit.get());
        QSignalSpy finished(&session, &AdminSession::promptFinished);
        QSignalSpy count(&session, &AdminSession::enteredCountChanged);
        int runs = 0;
        session.requestAdmin(QStringLiteral("Protect the repairs"), [&runs] { ++runs; });
        QVERIFY(session.prompting());
        QCOMPARE(session.pinStep(), AdminSession::PinStep::SetNew);
        QCOMPARE(session.promptTitle(), QStringLiteral("Set an admin PIN"));
        QCOMPARE(session.promptReason(), QStringLiteral("Protect the repairs"));
        QCOMPARE(session.promptText(), QStringLiteral("Choose a PIN of 4 to 8 digits."));

        // The pad: OK needs four digits, backspace takes one away, at most eight.
        type(session, QStringLiteral("258"));
        QCOMPARE(session.enteredCount(), 3);
        QCOMPARE(count.count(), 3);
        QVERIFY(!session.canSubmit());
        session.submitPin(); // ignored
        QCOMPARE(session.pinStep(), AdminSession::PinStep::SetNew);
        session.removeDigit();
        QCOMPARE(session.enteredCount(), 2);
        session.appendDigit(10); // not a digit
        QCOMPARE(session.enteredCount(), 2);
        type(session, QStringLiteral("1234567"));
        QCOMPARE(session.enteredCount(), AdminSession::maxPinLength());
        session.clearDigits();
        QCOMPARE(session.enteredCount(), 0);

        // A weak PIN is refused before it is asked for twice.
        typeAndSubmit(session, QStringLiteral("1111"));
        QCOMPARE(session.pinStep(), AdminSession::PinStep::SetNew);
        QVERIFY(session.promptError().contains("repeated"));
        QCOMPARE(session.enteredCount(), 0);
        // The repeat must match: a mismatch starts over.
        typeAndSubmit(session, kPin);
        QVERIFY(session.promptError().isEmpty());
        QCOMPARE(session.pinStep(), AdminSession::PinStep::ConfirmNew);
        QCOMPARE(session.promptText(), QStringLiteral("Enter the same PIN again."));
        typeAndSubmit(session, QStringLiteral("2581"));
        QCOMPARE(session.pinStep(), AdminSession::PinStep::SetNew);
        QVERIFY(session.promptError().contains("not the same"));
        QVERIFY(!session.pinSet());
        QCOMPARE(runs, 0);
        QCOMPARE(finished.count(), 0);

        typeAndSubmit(session, kPin);
        typeAndSubmit(session, kPin);
        QVERIFY(session.pinSet());
        QVERIFY(session.unlocked());
        QVERIFY(!session.prompting());
        QCOMPARE(session.pinStep(), AdminSession::PinStep::Idle);
        QCOMPARE(runs, 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!auditBytes().contains(kPin.toUtf8()));

        // Unlocked already: the next action runs soon, without asking, once.
        session.requestAdmin(QString(), [&runs] { ++runs; });
        QVERIFY(!session.prompting());
        QCOMPARE(runs, 1);
        QTRY_COMPARE(runs, 2);
        QTest::qWait(50);
        QCOMPARE(runs, 2);
    }

    // A wrong PIN keeps the dialog and the action waiting; the right one runs it once.
    void promptRunsThePendingActionOnlyAfterUnlock() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QSignalSpy finished(&session, &AdminSession::promptFinished);
        QSignalSpy checked(&session, &AdminSession::unlockFinished);
        int runs = 0;
        bool auditedFirst = false;
        session.requestAdmin(QStringLiteral("Roll kilo-meds back"), [&] {
            ++runs;
            auditedFirst = auditActions(session, 1).value(0) == QLatin1String("admin.unlock");
        });
        QCOMPARE(session.pinStep(), AdminSession::PinStep::Unlock);
        QCOMPARE(session.promptTitle(), QStringLiteral("Admin PIN"));

        typeAndSubmit(session, kOtherPin);
        QCOMPARE(session.enteredCount(), 0); // the dots are cleared for the next try
        QVERIFY(session.busy());
        QVERIFY(!session.inputEnabled()); // no typing while the PIN is checked
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 10000);
        QCOMPARE(session.promptError(), QStringLiteral("Wrong PIN."));
        QVERIFY(session.prompting());
        QCOMPARE(runs, 0);
        QCOMPARE(finished.count(), 0);

        typeAndSubmit(session, kPin);
        QTRY_COMPARE_WITH_TIMEOUT(runs, 1, 10000);
        QVERIFY(auditedFirst);
        QVERIFY(session.unlocked());
        QVERIFY(!session.prompting());
        QCOMPARE(finished.count(), 1);
        QVERIFY(session.promptError().isEmpty());
        QTest::qWait(50);
        QCOMPARE(runs, 1);
    }

    // Cancelling drops the action for good: a later unlock does not run it.
    void cancelledPromptNeverRunsTheAction() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QSignalSpy finished(&session, &AdminSession::promptFinished);
        int runs = 0;
        session.requestAdmin(QString(), [&runs] { ++runs; });
        type(session, QStringLiteral("25"));
        session.cancelPrompt();
        QVERIFY(!session.prompting());
        QCOMPARE(session.enteredCount(), 0);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(session.unlock(kPin));
        QTest::qWait(50);
        QCOMPARE(runs, 0);

        // A new request replaces the waiting one: only the newest runs.
        session.lock();
        int first = 0;
        int second = 0;
        session.requestAdmin(QString(), [&first] { ++first; });
        session.requestAdmin(QString(), [&second] { ++second; });
        QVERIFY(session.unlock(kPin)); // unlocked elsewhere while the dialog asked
        QCOMPARE(first, 0);
        QCOMPARE(second, 1);
        QVERIFY(!session.prompting());
    }

    // Five wrong PINs through the dialog lock the pad until the time is up.
    void promptLocksOutAfterWrongPins() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QSignalSpy checked(&session, &AdminSession::unlockFinished);
        session.requestUnlock(QStringLiteral("Close the kiosk"));
        int tries = 0;
        while (session.pinStep() != AdminSession::PinStep::LockedOut && tries < 10) {
            typeAndSubmit(session, QStringLiteral("9137"));
            ++tries;
            QTRY_COMPARE_WITH_TIMEOUT(checked.count(), tries, 10000);
        }
        QCOMPARE(tries, 5);
        QVERIFY(session.lockedOut());
        QVERIFY(!session.inputEnabled());
        QVERIFY(session.promptError().contains(
            QStringLiteral("Try again in %1 s").arg(session.lockoutSecondsLeft())));
        session.appendDigit(2);
        QCOMPARE(session.enteredCount(), 0);
        QVERIFY(auditActions(session).contains("admin.lockout"));

        m_now = m_now.addSecs(AdminPin::kFirstLockout.count() + 1);
        QTRY_COMPARE_WITH_TIMEOUT(session.pinStep(), AdminSession::PinStep::Unlock, 2500);
        QVERIFY(session.inputEnabled());
        typeAndSubmit(session, kPin);
        QTRY_VERIFY_WITH_TIMEOUT(session.unlocked(), 10000);
        QVERIFY(!session.prompting());
    }

    // Current PIN, new PIN, new PIN again; a mismatch or a wrong current PIN starts over.
    void promptChangesThePin() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        QSignalSpy finished(&session, &AdminSession::promptFinished);
        session.requestPinChange();
        QVERIFY(session.changingPin());
        QCOMPARE(session.pinStep(), AdminSession::PinStep::CurrentPin);
        QCOMPARE(session.promptTitle(), QStringLiteral("Change the admin PIN"));
        QCOMPARE(session.promptText(), QStringLiteral("Enter the current PIN."));

        typeAndSubmit(session, QStringLiteral("9137")); // wrong, found out at the end
        typeAndSubmit(session, kOtherPin);
        typeAndSubmit(session, kOtherPin);
        QCOMPARE(session.pinStep(), AdminSession::PinStep::CurrentPin);
        QCOMPARE(session.promptError(), QStringLiteral("Wrong PIN."));

        typeAndSubmit(session, kPin);
        QCOMPARE(session.pinStep(), AdminSession::PinStep::ChangeNew);
        typeAndSubmit(session, QStringLiteral("4444"));
        QCOMPARE(session.pinStep(), AdminSession::PinStep::ChangeNew);
        QVERIFY(session.promptError().contains("repeated"));
        typeAndSubmit(session, kOtherPin);
        QCOMPARE(session.pinStep(), AdminSession::PinStep::ChangeConfirm);
        QCOMPARE(session.promptText(), QStringLiteral("Enter the new PIN again."));
        typeAndSubmit(session, QStringLiteral("4717"));
        QCOMPARE(session.pinStep(), AdminSession::PinStep::CurrentPin);
        QVERIFY(session.promptError().contains("not the same"));
        QCOMPARE(finished.count(), 0);

        typeAndSubmit(session, kPin);
        typeAndSubmit(session, kOtherPin);
        typeAndSubmit(session, kOtherPin);
        QVERIFY(!session.prompting());
        QCOMPARE(finished.count(), 1);
        QVERIFY(session.unlocked());
        session.lock();
        QVERIFY(!session.unlock(kPin));
        QVERIFY(session.unlock(kOtherPin));
        QVERIFY(auditActions(session).contains("pin.change"));
    }

    // QML sees how many digits are typed, never the digits: no property carries them.
    void typedDigitsAreNeverAProperty() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.setPin(kPin, kPin));
        session.lock();
        session.requestPinChange();
        typeAndSubmit(session, kPin);          // held as the current PIN
        type(session, QStringLiteral("4716")); // being typed
        const QMetaObject *meta = session.metaObject();
        for (int i = 0; i < meta->propertyCount(); ++i) {
            const QMetaProperty property = meta->property(i);
            const QString value = property.read(&session).toString();
            QVERIFY2(!value.contains(kPin) && !value.contains(kOtherPin), property.name());
        }
        QCOMPARE(session.property("enteredCount").toInt(), 4);
        QVERIFY(!session.property("entered").isValid());
    }

    // What needs the admin is decided here, not by the pages.
    void policySaysWhatNeedsTheAdmin() {
        AdminSession session(m_pin.get(), m_audit.get());
        QVERIFY(session.needsAdmin(AdminSession::Guarded::ClusterAction));
        QVERIFY(!session.needsAdmin(AdminSession::Guarded::ChangeSettings));
        QVERIFY(!session.needsAdmin(AdminSession::Guarded::OpenSettings));
        QVERIFY(!session.needsAdmin(AdminSession::Guarded::CloseKiosk));
        QSignalSpy kiosk(&session, &AdminSession::kioskModeChanged);
        session.setKioskMode(true);
        QCOMPARE(kiosk.count(), 1);
        QVERIFY(session.needsAdmin(AdminSession::Guarded::ChangeSettings));
        QVERIFY(session.needsAdmin(AdminSession::Guarded::OpenSettings));
        QVERIFY(session.needsAdmin(AdminSession::Guarded::CloseKiosk));
        QVERIFY(!session.mayAct(nullptr));
    }
};

QTEST_GUILESS_MAIN(TestAdminSession)
#include "tst_admin_session.moc"
