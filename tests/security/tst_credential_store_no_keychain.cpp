// No Secret Service: ctest runs this with DBUS_SESSION_BUS_ADDRESS pointing at a socket that does
// not exist. Every operation must fail with NoKeychain, name the keychain and what to install
// or start, and write nothing in plain text.
#include "security/credential_store.h"
#include "plain_text_scan.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::CredentialKey;
using kiosk::security::CredentialResult;
using kiosk::security::CredentialStore;

class TestCredentialStoreNoKeychain : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    const QString m_secret = QStringLiteral("no-keychain-secret-value-4f1c");

    void checkNoKeychainMessage(const CredentialResult &result) {
        QCOMPARE(result.status, CredentialResult::Status::NoKeychain);
        QVERIFY2(result.error.contains(QLatin1String("Secret Service")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("GNOME Keyring")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("D-Bus")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("gnome-keyring")), qPrintable(result.error));
        QVERIFY(!result.error.contains(m_secret));
        QVERIFY(result.secret.isEmpty());
    }

private slots:
    void initTestCase() {
        QVERIFY(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS")
                    .contains(QLatin1String("/nonexistent/")));
        QVERIFY(m_home.isValid());
        // Any plain-text fallback would land under these.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("cache"))));
    }

    void blockingStoreFailsClearly() {
        CredentialStore store(QStringLiteral("kilo-kiosk-test"));
        const CredentialKey key(CredentialKey::ClusterToken,
                                QStringLiteral("https://10.0.0.1:6443"));
        checkNoKeychainMessage(store.storeBlocking(key, m_secret, std::chrono::seconds(20)));
    }

    void blockingReadAndRemoveFailClearly() {
        CredentialStore store(QStringLiteral("kilo-kiosk-test"));
        const CredentialKey key(CredentialKey::AiBrainToken,
                                QStringLiteral("http://kilo-ai-brain:8000"));
        checkNoKeychainMessage(store.readBlocking(key, std::chrono::seconds(20)));
        checkNoKeychainMessage(store.removeBlocking(key, std::chrono::seconds(20)));
    }

    void asyncStoreFailsClearly() {
        CredentialStore store(QStringLiteral("kilo-kiosk-test"));
        QSignalSpy spy(&store, &CredentialStore::finished);
        const quint64 id = store.store(
            CredentialKey(CredentialKey::ClusterToken, QStringLiteral("https://k3s:6443")),
            m_secret);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.count(), 1);
        const auto result = spy.at(0).at(0).value<CredentialResult>();
        QCOMPARE(result.requestId, id);
        QCOMPARE(result.operation, CredentialResult::Operation::Store);
        checkNoKeychainMessage(result);
    }

    void nothingWrittenInPlainText() {
        QCOMPARE(kiosk::test::filesHoldingPlainText(m_home.path(), m_secret), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreNoKeychain)
#include "tst_credential_store_no_keychain.moc"
