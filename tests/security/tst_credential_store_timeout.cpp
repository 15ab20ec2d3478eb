// A session bus that accepts the connection and never says a word: the blocking helpers must
// give up after their timeout with a clear message instead of hanging the CLI.
#include "security/credential_store.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::CredentialKey;
using kiosk::security::CredentialResult;
using kiosk::security::CredentialStore;

class TestCredentialStoreTimeout : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QLocalServer m_silentBus;
    QList<QLocalSocket *> m_clients;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString socket = m_dir.filePath(QStringLiteral("bus"));
        QVERIFY2(m_silentBus.listen(socket), qPrintable(m_silentBus.errorString()));
        connect(&m_silentBus, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *client = m_silentBus.nextPendingConnection())
                m_clients.append(client); // kept open, never answered
        });
        // Set before the first keychain call: libsecret connects to the bus once per process.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(socket));
    }

    void blockingCallsTimeOut() {
        CredentialStore store(QStringLiteral("kilo-kiosk-test"));
        const CredentialKey key(CredentialKey::ClusterToken,
                                QStringLiteral("https://10.0.0.1:6443"));
        const QString secret = QStringLiteral("timeout-secret-value-9d2e");

        QElapsedTimer timer;
        timer.start();
        const CredentialResult stored =
            store.storeBlocking(key, secret, std::chrono::milliseconds(700));
        QCOMPARE(stored.status, CredentialResult::Status::Timeout);
        QVERIFY2(timer.elapsed() >= 650 && timer.elapsed() < 10000,
                 qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(stored.error.contains(QLatin1String("Secret Service")), qPrintable(stored.error));
        QVERIFY(!stored.error.contains(secret));

        timer.restart();
        const CredentialResult read = store.readBlocking(key, std::chrono::milliseconds(300));
        QCOMPARE(read.status, CredentialResult::Status::Timeout);
        QVERIFY(read.secret.isEmpty());
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY2(!m_clients.isEmpty(), "the keychain never tried the session bus");
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreTimeout)
#include "tst_credential_store_timeout.moc"
