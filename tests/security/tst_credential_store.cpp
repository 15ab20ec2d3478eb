// CredentialStore against a real Secret Service. Run through ./kiosk test, or by hand:
//   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets
//   >/dev/null;
//                              ctest --test-dir build -R security --output-on-failure'
// Without a reachable Secret Service this test FAILS on purpose: the feature cannot work there.
#include "security/credential_store.h"
#include "plain_text_scan.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::CredentialKey;
using kiosk::security::CredentialResult;
using kiosk::security::CredentialStore;
using Status = CredentialResult::Status;

class TestCredentialStore : public QObject {
    Q_OBJECT

    QString m_service;
    QString m_keyringDir; // where the daemon keeps its keyring files (it was started with our
                          // XDG_DATA_HOME)
    QTemporaryDir m_home;
    QList<CredentialKey> m_used;

    CredentialKey key(const QString &kind, const QString &server) {
        CredentialKey k(kind, server);
        m_used.append(k);
        return k;
    }

    static QString randomSecret(const char *prefix) {
        return QString::fromLatin1(prefix) +
               QString::number(QRandomGenerator::global()->generate64(), 36) +
               QString::number(QRandomGenerator::global()->generate64(), 36);
    }

    static void scanForSecret(const QString &dir, const QString &secret,
                              kiosk::test::SecretStore store = kiosk::test::SecretStore::Skip) {
        QCOMPARE(kiosk::test::filesHoldingPlainText(dir, secret, store), QStringList());
    }

private slots:
    void initTestCase() {
        m_service = QStringLiteral("kilo-kiosk-test-%1-%2")
                        .arg(QCoreApplication::applicationPid())
                        .arg(QRandomGenerator::global()->generate(), 0, 16);
        const QString dataHome = qEnvironmentVariable(
            "XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
        m_keyringDir = dataHome + QStringLiteral("/keyrings");
        QVERIFY(m_home.isValid());
        // From here on, anything this process writes (a plain-text fallback would) lands here.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));

        // Fail (do not skip) without a Secret Service, with the reason in the output.
        CredentialStore store(m_service);
        const CredentialResult probe = store.readBlocking(
            key(QStringLiteral("probe"), QStringLiteral("https://probe.invalid")));
        QVERIFY2(probe.status == Status::NotFound,
                 qPrintable(QStringLiteral(
                                "the Secret Service is not usable here (run via ./kiosk test): ") +
                            probe.error));
    }

    void cleanupTestCase() {
        CredentialStore store(m_service);
        for (const CredentialKey &k : std::as_const(m_used))
            store.removeBlocking(k);
    }

    void storeReadRemoveRoundTrip() {
        CredentialStore store(m_service);
        const CredentialKey k =
            key(CredentialKey::ClusterToken, QStringLiteral("https://10.0.0.1:6443"));
        const QString secret = randomSecret("eyJhbGciOiJSUzI1NiJ9.");

        const CredentialResult stored = store.storeBlocking(k, secret);
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        QVERIFY(stored.secret.isEmpty());

        const CredentialResult read = store.readBlocking(k);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.secret, secret);
        QCOMPARE(read.key, k);
        QCOMPARE(read.operation, CredentialResult::Operation::Read);

        const CredentialResult removed = store.removeBlocking(k);
        QVERIFY2(removed.ok(), qPrintable(removed.error));
        const CredentialResult gone = store.readBlocking(k);
        QCOMPARE(gone.status, Status::NotFound);
        QVERIFY(gone.secret.isEmpty());
        QVERIFY(gone.error.contains(QLatin1String("cluster-token")));
        QVERIFY(!gone.error.contains(secret));
    }

    void storeOverwrites() {
        CredentialStore store(m_service);
        const CredentialKey k = key(CredentialKey::AiBrainToken,
                                    QStringLiteral("http://kilo-ai-brain.kilo-guardian:8000"));
        QVERIFY(store.storeBlocking(k, QStringLiteral("first-value-0001")).ok());
        QVERIFY(store.storeBlocking(k, QStringLiteral("second-value-0002")).ok());
        QCOMPARE(store.readBlocking(k).secret, QStringLiteral("second-value-0002"));
    }

    void entriesAreSeparatedByKindServerAndService() {
        CredentialStore store(m_service);
        CredentialStore otherService(m_service + QStringLiteral("-other"));
        const CredentialKey cluster =
            key(CredentialKey::ClusterToken, QStringLiteral("https://a.example:6443"));
        const CredentialKey otherServer =
            key(CredentialKey::ClusterToken, QStringLiteral("https://b.example:6443"));
        const CredentialKey otherKind =
            key(CredentialKey::ClusterClientKey, QStringLiteral("https://a.example:6443"));
        QVERIFY(store.storeBlocking(cluster, QStringLiteral("value-a")).ok());
        QVERIFY(store.storeBlocking(otherServer, QStringLiteral("value-b")).ok());
        QCOMPARE(store.readBlocking(otherKind).status, Status::NotFound);
        QCOMPARE(otherService.readBlocking(cluster).status, Status::NotFound);
        QCOMPARE(store.readBlocking(cluster).secret, QStringLiteral("value-a"));
        QCOMPARE(store.readBlocking(otherServer).secret, QStringLiteral("value-b"));
    }

    void serverSpellingsNameOneEntry() {
        CredentialStore store(m_service);
        QVERIFY(store
                    .storeBlocking(key(CredentialKey::ClusterToken,
                                       QStringLiteral("HTTPS://Kilo.Example:443/")),
                                   QStringLiteral("same-entry"))
                    .ok());
        QCOMPARE(store
                     .readBlocking(
                         key(CredentialKey::ClusterToken, QStringLiteral("https://kilo.example")))
                     .secret,
                 QStringLiteral("same-entry"));
    }

    void multiLineSecretsSurvive() {
        CredentialStore store(m_service);
        const CredentialKey k =
            key(CredentialKey::ClusterClientKey, QStringLiteral("https://10.0.0.1:6443"));
        const QString pem =
            QStringLiteral("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBvZ\nAoGBAL+ü\n-----END EC "
                           "PRIVATE KEY-----\n");
        QVERIFY(store.storeBlocking(k, pem).ok());
        QCOMPARE(store.readBlocking(k).secret, pem);
    }

    void asyncOperationsSignalWithTheirRequestId() {
        CredentialStore store(m_service);
        QSignalSpy spy(&store, &CredentialStore::finished);
        const CredentialKey k =
            key(CredentialKey::ClusterToken, QStringLiteral("https://async.example:6443"));
        const QString secret = randomSecret("async-");

        const quint64 storeId = store.store(k, secret);
        const quint64 readId = store.read(k);
        QVERIFY(storeId != readId);
        QCOMPARE(spy.count(), 0); // never synchronous
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 15000);
        QHash<quint64, CredentialResult> byId;
        for (const auto &args : spy)
            byId.insert(args.at(0).value<CredentialResult>().requestId,
                        args.at(0).value<CredentialResult>());
        QVERIFY2(byId.value(storeId).ok(), qPrintable(byId.value(storeId).error));
        QCOMPARE(byId.value(storeId).operation, CredentialResult::Operation::Store);
        QCOMPARE(byId.value(readId).secret, secret);

        spy.clear();
        const quint64 removeId = store.remove(k);
        QVERIFY(spy.wait(15000));
        const auto removed = spy.at(0).at(0).value<CredentialResult>();
        QCOMPARE(removed.requestId, removeId);
        QVERIFY(removed.ok());
    }

    void storeDeletedWithRequestsInFlight() {
        // A page (and its store) may go away before the keychain answers; the answer must not
        // crash.
        const CredentialKey k =
            key(CredentialKey::AiBrainToken, QStringLiteral("http://gone.example:8000"));
        QString last;
        for (int i = 0; i < 5; ++i) {
            auto *store = new CredentialStore(m_service);
            store->read(k);
            last = randomSecret("gone-");
            store->store(k, last);
            delete store;
        }
        // Instead of sleeping until the answers have come: QtKeychain runs its jobs one at a
        // time in the order they were started, so this read runs after all ten jobs above have
        // finished, their answers delivered to stores that are gone. That it finds the last
        // store's secret shows they all ran, in order.
        CredentialStore store(m_service);
        const CredentialResult read = store.readBlocking(k);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.secret, last);
        QVERIFY(store.removeBlocking(k).ok());
    }

    void invalidInputIsRejectedWithoutTheKeychain() {
        CredentialStore store(m_service);
        QCOMPARE(store
                     .storeBlocking(
                         CredentialKey(QStringLiteral("Bad Kind"), QStringLiteral("https://x")),
                         QStringLiteral("v"))
                     .status,
                 Status::InvalidInput);
        QCOMPARE(store
                     .storeBlocking(CredentialKey(CredentialKey::ClusterToken, QString()),
                                    QStringLiteral("v"))
                     .status,
                 Status::InvalidInput);
        const CredentialResult empty = store.storeBlocking(
            CredentialKey(CredentialKey::ClusterToken, QStringLiteral("https://x")), QString());
        QCOMPARE(empty.status, Status::InvalidInput);
        QVERIFY(empty.error.contains(QLatin1String("empty")));

        QSignalSpy spy(&store, &CredentialStore::finished);
        const quint64 id =
            store.read(CredentialKey(QStringLiteral("UPPER"), QStringLiteral("https://x")));
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(15000)); // an upper bound: the answer is queued, not the keychain's
        const auto result = spy.at(0).at(0).value<CredentialResult>();
        QCOMPARE(result.requestId, id);
        QCOMPARE(result.status, Status::InvalidInput);
    }

    void secretIsInTheSecretServiceAndNowhereInPlainText() {
        CredentialStore store(m_service);
        const CredentialKey k =
            key(CredentialKey::ClusterToken, QStringLiteral("https://plain.example:6443"));
        const QString secret = randomSecret("plaintext-check-");
        QVERIFY(store.storeBlocking(k, secret).ok());

        // Independent check through libsecret's own tool (QtKeychain files entries by the
        // attributes server=<service>, user=<key>).
        const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        QVERIFY2(!secretTool.isEmpty(), "secret-tool (libsecret-tools) is needed for this check");
        QProcess lookup;
        lookup.start(secretTool, {QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                                  QStringLiteral("user"), k.keychainKey()});
        QVERIFY(lookup.waitForFinished(15000));
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), secret);

        scanForSecret(m_home.path(), secret);
        if (QFileInfo(m_keyringDir).isDir())
            scanForSecret(m_keyringDir, secret,
                          kiosk::test::SecretStore::Search); // the keyring file is encrypted
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credential_store.moc"
