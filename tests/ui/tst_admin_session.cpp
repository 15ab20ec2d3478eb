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
};

QTEST_GUILESS_MAIN(TestAdminSession)
#include "tst_admin_session.moc"
