#include "security/admin_pin.h"
#include "security/private_file.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::AdminPin;
using Result = AdminPin::Result;
using namespace std::chrono_literals;

class TestAdminPin : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    QDateTime m_now = QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

    QString freshFile() {
        return m_dir.filePath(QStringLiteral("pin%1/admin-pin.json").arg(++m_counter));
    }

    // Minimum iterations keep the suite fast; production uses kDefaultIterations.
    std::unique_ptr<AdminPin> make(const QString &file) {
        auto pin = std::make_unique<AdminPin>(file, AdminPin::kMinIterations);
        pin->setClock([this] { return m_now; });
        return pin;
    }

    static QJsonObject state(const QString &file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(AdminPin::defaultStateFile().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void formatAndStrength() {
        QVERIFY(AdminPin::isValidFormat(QStringLiteral("4821")));
        QVERIFY(AdminPin::isValidFormat(QStringLiteral("48213907")));
        QVERIFY(!AdminPin::isValidFormat(QStringLiteral("482")));
        QVERIFY(!AdminPin::isValidFormat(QStringLiteral("482139071")));
        QVERIFY(!AdminPin::isValidFormat(QStringLiteral("48a1")));
        QVERIFY(!AdminPin::isValidFormat(QStringLiteral(" 4821")));
        QVERIFY(!AdminPin::isValidFormat(QString::fromUtf8("٤٨٢١"))); // non-ASCII digits
        QCOMPARE(AdminPin::checkNewPin(QStringLiteral("0000")), Result::TooWeak);
        QCOMPARE(AdminPin::checkNewPin(QStringLiteral("1234")), Result::TooWeak);
        QCOMPARE(AdminPin::checkNewPin(QStringLiteral("98765")), Result::TooWeak);
        QCOMPARE(AdminPin::checkNewPin(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(AdminPin::checkNewPin(QStringLiteral("12")), Result::InvalidFormat);
    }

    void setAndVerify() {
        const QString file = freshFile();
        auto pin = make(file);
        QVERIFY(!pin->isSet());
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::NotSet);
        QCOMPARE(pin->setPin(QStringLiteral("1111")), Result::TooWeak);
        QCOMPARE(pin->setPin(QStringLiteral("48a1")), Result::InvalidFormat);
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        QVERIFY(pin->isSet());
        QCOMPARE(pin->setPin(QStringLiteral("5930")), Result::AlreadySet);
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(pin->verify(QStringLiteral("4822")), Result::WrongPin);
        QCOMPARE(pin->verify(QStringLiteral("48210")), Result::WrongPin);

        // Another instance (a restart) reads the same hash.
        auto restarted = make(file);
        QVERIFY(restarted->isSet());
        QCOMPARE(restarted->verify(QStringLiteral("4821")), Result::Ok);
    }

    void storedOnlyAsASaltedPbkdf2Hash() {
        const QString file = freshFile();
        auto pin = make(file);
        QCOMPARE(pin->setPin(QStringLiteral("48213907")), Result::Ok);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("48213907"));
        const QJsonObject s = state(file);
        QCOMPARE(s.value(QStringLiteral("algorithm")).toString(), QStringLiteral("pbkdf2-sha256"));
        QVERIFY(s.value(QStringLiteral("iterations")).toInt() >= 100000);
        QCOMPARE(
            QByteArray::fromBase64(s.value(QStringLiteral("hash")).toString().toLatin1()).size(),
            32);
        QCOMPARE(
            QByteArray::fromBase64(s.value(QStringLiteral("salt")).toString().toLatin1()).size(),
            16);
        QVERIFY(kiosk::security::isOwnerOnly(file));

        // Same PIN, different salt and hash.
        const QString other = freshFile();
        QCOMPARE(make(other)->setPin(QStringLiteral("48213907")), Result::Ok);
        QVERIFY(state(other).value(QStringLiteral("salt")) != s.value(QStringLiteral("salt")));
        QVERIFY(state(other).value(QStringLiteral("hash")) != s.value(QStringLiteral("hash")));
    }

    void iterationsHaveAFloor() {
        const QString file = freshFile();
        AdminPin weak(file, 10);
        QCOMPARE(weak.setPin(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(state(file).value(QStringLiteral("iterations")).toInt(), AdminPin::kMinIterations);
    }

    void olderHashIsUpgradedOnVerify() {
        const QString file = freshFile();
        QCOMPARE(make(file)->setPin(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(state(file).value(QStringLiteral("iterations")).toInt(), AdminPin::kMinIterations);
        AdminPin stronger(file, AdminPin::kMinIterations + 1000);
        QCOMPARE(stronger.verify(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(state(file).value(QStringLiteral("iterations")).toInt(),
                 AdminPin::kMinIterations + 1000);
        QCOMPARE(make(file)->verify(QStringLiteral("4821")), Result::Ok);
    }

    void lockoutDelaysGrow() {
        // Five wrong tries lock for 30 s; each further one doubles it, up to 15 minutes.
        QCOMPARE(AdminPin::kFailuresBeforeLockout, 5);
        QCOMPARE(AdminPin::lockoutDelay(0), 0s);
        QCOMPARE(AdminPin::lockoutDelay(4), 0s);
        QCOMPARE(AdminPin::lockoutDelay(5), 30s);
        QCOMPARE(AdminPin::lockoutDelay(6), 60s);
        QCOMPARE(AdminPin::lockoutDelay(7), 120s);
        QCOMPARE(AdminPin::lockoutDelay(9), 480s);
        QCOMPARE(AdminPin::lockoutDelay(10), 900s); // 960 s capped
        QCOMPARE(AdminPin::kMaxLockout, 900s);
        QCOMPARE(AdminPin::lockoutDelay(1000), std::chrono::seconds(AdminPin::kMaxLockout));
    }

    void lockoutAfterRepeatedFailuresSurvivesARestart() {
        const QString file = freshFile();
        auto pin = make(file);
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        for (int i = 1; i <= 4; ++i) {
            QCOMPARE(pin->verify(QStringLiteral("000%1").arg(i)), Result::WrongPin);
            QCOMPARE(pin->lockoutRemaining(), 0ms); // four wrong tries cost nothing yet
            QCOMPARE(pin->failedAttempts(), i);
        }
        // The count survives a restart before the lockout too: it cannot be reset by quitting.
        pin.reset();
        pin = make(file);
        QSignalSpy lockoutSpy(pin.get(), &AdminPin::lockoutChanged);
        QCOMPARE(pin->failedAttempts(), 4);
        QCOMPARE(pin->verify(QStringLiteral("0005")),
                 Result::WrongPin); // fifth failure: locked for 30 s
        QCOMPARE(pin->failedAttempts(), 5);
        QCOMPARE(pin->lockoutRemaining(), 30000ms);
        QVERIFY(lockoutSpy.count() >= 1);
        QVERIFY(pin->describe(Result::WrongPin).contains(QLatin1String("30 s")));

        // Even the right PIN is refused while locked out, and the refusal is not counted.
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::LockedOut);
        QCOMPARE(pin->failedAttempts(), 5);
        QVERIFY(!pin->isUnlocked());
        QVERIFY(pin->describe(Result::LockedOut).contains(QLatin1String("30 s")));

        // A restart does not reset it.
        pin.reset();
        auto restarted = make(file);
        QCOMPARE(restarted->verify(QStringLiteral("4821")), Result::LockedOut);
        QCOMPARE(restarted->lockoutRemaining(), 30000ms);

        m_now = m_now.addSecs(31);
        QCOMPARE(restarted->verify(QStringLiteral("0006")), Result::WrongPin); // sixth: 60 s
        QCOMPARE(restarted->lockoutRemaining(), 60000ms);
        m_now = m_now.addSecs(61);
        QCOMPARE(restarted->verify(QStringLiteral("0007")), Result::WrongPin); // seventh: 120 s
        QCOMPARE(restarted->lockoutRemaining(), 120000ms);
        QCOMPARE(make(file)->lockoutRemaining(), 120000ms);
        m_now = m_now.addSecs(119);
        QCOMPARE(restarted->verify(QStringLiteral("4821")), Result::LockedOut);
        m_now = m_now.addSecs(2);
        QCOMPARE(restarted->verify(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(restarted->failedAttempts(), 0);
        QCOMPARE(restarted->lockoutRemaining(), 0ms);
        QVERIFY(!state(file).contains(QStringLiteral("lockedUntil")));
    }

    void clockSetBackCannotStretchTheLockout() {
        const QString file = freshFile();
        auto pin = make(file);
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        for (int i = 0; i < AdminPin::kFailuresBeforeLockout; ++i)
            pin->verify(QStringLiteral("0000"));
        m_now = m_now.addDays(-30);
        QVERIFY(pin->lockoutRemaining() <= 30000ms);
        m_now = m_now.addSecs(31);
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::Ok);
        m_now = m_now.addDays(30);
    }

    void changePin() {
        const QString file = freshFile();
        auto pin = make(file);
        QCOMPARE(pin->changePin(QStringLiteral("4821"), QStringLiteral("5930")), Result::NotSet);
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(pin->changePin(QStringLiteral("4821"), QStringLiteral("2222")), Result::TooWeak);
        QCOMPARE(pin->failedAttempts(), 0); // a bad new PIN costs no attempt
        QCOMPARE(pin->changePin(QStringLiteral("9999"), QStringLiteral("5930")), Result::WrongPin);
        QCOMPARE(pin->failedAttempts(), 1);
        QCOMPARE(pin->changePin(QStringLiteral("4821"), QStringLiteral("5930")), Result::Ok);
        QCOMPARE(pin->failedAttempts(), 0);
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::WrongPin);
        QCOMPARE(pin->verify(QStringLiteral("5930")), Result::Ok);
    }

    void sessionUnlocksAndExpiresWhenIdle() {
        auto pin = make(freshFile());
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        pin->setIdleTimeout(300ms);
        QSignalSpy spy(pin.get(), &AdminPin::unlockedChanged);
        QVERIFY(!pin->isUnlocked());
        QCOMPARE(pin->verify(QStringLiteral("0000")), Result::WrongPin);
        QVERIFY(!pin->isUnlocked());
        QCOMPARE(spy.count(), 0);

        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::Ok);
        QVERIFY(pin->isUnlocked());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);

        // Activity keeps it open past the first deadline.
        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(100);
            pin->touch();
        }
        QVERIFY(elapsed.elapsed() >= 450);
        QVERIFY(pin->isUnlocked());

        // Idle: it locks itself and says so.
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toBool(), false);
        QVERIFY(!pin->isUnlocked());
        pin->touch(); // touching a locked session does not reopen it
        QVERIFY(!pin->isUnlocked());
    }

    void sessionExpiryHoldsWithoutAnEventLoop() {
        auto pin = make(freshFile());
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        pin->setIdleTimeout(50ms);
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::Ok);
        QThread::msleep(80); // no events processed: the timer cannot have fired
        QVERIFY(!pin->isUnlocked());
    }

    void verifyAsyncRunsOffTheCallingThread() {
        const QString file = freshFile();
        auto pin = make(file);
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        QSignalSpy done(pin.get(), &AdminPin::verifyFinished);
        QSignalSpy unlocked(pin.get(), &AdminPin::unlockedChanged);

        QElapsedTimer timer;
        timer.start();
        QVERIFY(pin->verifyAsync(QStringLiteral("0000")));
        QVERIFY(timer.elapsed() < 100); // the PBKDF2 work is not done here
        QVERIFY(pin->isVerifying());
        QVERIFY(!pin->verifyAsync(QStringLiteral("4821"))); // one at a time
        QCOMPARE(done.count(), 0);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.at(0).at(0).value<Result>(), Result::WrongPin);
        QVERIFY(!pin->isVerifying());
        QCOMPARE(pin->failedAttempts(), 1);
        QVERIFY(!pin->isUnlocked());

        QVERIFY(pin->verifyAsync(QStringLiteral("4821")));
        QVERIFY(done.wait(10000));
        QCOMPARE(done.at(1).at(0).value<Result>(), Result::Ok);
        QVERIFY(pin->isUnlocked());
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(pin->failedAttempts(), 0);
    }

    void verifyAsyncHonoursTheLockout() {
        auto pin = make(freshFile());
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        for (int i = 0; i < AdminPin::kFailuresBeforeLockout; ++i)
            QCOMPARE(pin->verify(QStringLiteral("0000")), Result::WrongPin);
        QSignalSpy done(pin.get(), &AdminPin::verifyFinished);
        QVERIFY(pin->verifyAsync(QStringLiteral("4821")));
        QCOMPARE(done.count(), 0); // even the early answer is asynchronous
        QVERIFY(done.wait(2000));
        QCOMPARE(done.at(0).at(0).value<Result>(), Result::LockedOut);
        QVERIFY(!pin->isUnlocked());

        auto empty = make(freshFile());
        QSignalSpy emptyDone(empty.get(), &AdminPin::verifyFinished);
        QVERIFY(empty->verifyAsync(QStringLiteral("4821")));
        QVERIFY(emptyDone.wait(2000));
        QCOMPARE(emptyDone.at(0).at(0).value<Result>(), Result::NotSet);
    }

    void explicitLock() {
        auto pin = make(freshFile());
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::Ok);
        QSignalSpy spy(pin.get(), &AdminPin::unlockedChanged);
        pin->lock();
        QVERIFY(!pin->isUnlocked());
        QCOMPARE(spy.count(), 1);
        pin->lock();
        QCOMPARE(spy.count(), 1);
    }

    void damagedStateFailsClosed() {
        const QString file = freshFile();
        QVERIFY(kiosk::security::writePrivateFile(file, "{ this is not json"));
        auto pin = make(file);
        QVERIFY(pin->isSet()); // a damaged file must not look like "no PIN yet"
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::StorageError);
        QCOMPARE(pin->verify(QStringLiteral("4821")), Result::StorageError);
        QVERIFY(pin->describe(Result::StorageError).contains(file));
        QVERIFY(pin->clear());
        QVERIFY(!pin->isSet());
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
    }

    void unpersistableFailureRefusesFurtherGuessing() {
        const QString file = freshFile();
        auto pin = make(file);
        QCOMPARE(pin->setPin(QStringLiteral("4821")), Result::Ok);
        // Make the state file's folder unwritable (no effect for root, who can always write).
        const QString dir = QFileInfo(file).absolutePath();
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
        const bool canStillWrite = QFileInfo(dir).isWritable();
        const Result result = pin->verify(QStringLiteral("0000"));
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QCOMPARE(result, canStillWrite ? Result::WrongPin : Result::StorageError);
    }

    void hashingTakesRealWork() {
        // PBKDF2 at the production count must cost noticeable time (brute force protection),
        // yet stay fast enough for a touch screen.
        const QString file = freshFile();
        AdminPin pin(file);
        QCOMPARE(pin.setPin(QStringLiteral("4821")), Result::Ok);
        QCOMPARE(state(file).value(QStringLiteral("iterations")).toInt(),
                 AdminPin::kDefaultIterations);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(pin.verify(QStringLiteral("4821")), Result::Ok);
        qInfo() << "one verify at" << AdminPin::kDefaultIterations
                << "iterations:" << timer.elapsed() << "ms";
        QVERIFY(timer.elapsed() < 5000);
    }
};

QTEST_GUILESS_MAIN(TestAdminPin)
#include "tst_admin_pin.moc"
