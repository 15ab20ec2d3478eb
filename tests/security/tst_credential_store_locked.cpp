// A session bus where the Secret Service exists (gnome-keyring, started on demand by the bus)
// but has no unlocked login keyring and no way to prompt for one — what a kiosk meets when the
// keyring password is missing. Storing must fail with AccessDenied and an unlock hint, quickly,
// and write nothing in plain text.
#include "security/credential_store.h"
#include "plain_text_scan.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::CredentialKey;
using kiosk::security::CredentialResult;
using kiosk::security::CredentialStore;

class TestCredentialStoreLocked : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_bus;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!dbusDaemon.isEmpty(), "dbus-daemon is needed (apt-get install dbus-daemon)");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty(),
                 "gnome-keyring-daemon is needed (apt-get install gnome-keyring)");
        for (const char *sub : {"data", "config", "cache", "run", "home"})
            QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(sub)));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        // The bus and the keyring it activates see an empty home: no login keyring exists, and
        // no display for an unlock prompt.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name :
             {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
        m_bus.setProcessEnvironment(env);
        m_bus.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QString socket = m_dir.filePath(QStringLiteral("run/bus"));
        m_bus.start(dbusDaemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                 QStringLiteral("--print-address=1"),
                                 QStringLiteral("--address=unix:path=") + socket});
        QVERIFY(m_bus.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY2(address.startsWith("unix:"), address.constData());

        // This process: the private bus, and a home where any plain-text fallback would land.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    }

    void cleanupTestCase() {
        m_bus.terminate(); // the keyring daemon it started leaves with the bus
        if (!m_bus.waitForFinished(5000))
            m_bus.kill();
        m_bus.waitForFinished(5000);
    }

    void storingFailsWithAnUnlockHint() {
        CredentialStore store(QStringLiteral("kilo-kiosk-test-locked"));
        const QString secret = QStringLiteral("locked-keyring-secret-7c1a");
        QElapsedTimer timer;
        timer.start();
        const CredentialResult result = store.storeBlocking(
            CredentialKey(CredentialKey::ClusterToken, QStringLiteral("https://10.0.0.1:6443")),
            secret, std::chrono::seconds(30));
        QCOMPARE(result.status, CredentialResult::Status::AccessDenied);
        QVERIFY(timer.elapsed() < 30000);
        QVERIFY2(result.error.contains(QLatin1String("GNOME Keyring")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("gnome-keyring-daemon --unlock")),
                 qPrintable(result.error));
        QVERIFY(!result.error.contains(secret));

        QCOMPARE(kiosk::test::filesHoldingPlainText(m_dir.path(), secret), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreLocked)
#include "tst_credential_store_locked.moc"
