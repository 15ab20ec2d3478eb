// ConnectionSettings and AiBrainSettings against the simulator on a loopback port and a real
// Secret Service (run through ./kiosk test): test results name the trouble (401, certificate,
// unreachable), saving puts the token in the keychain only and reconnects the ClusterController,
// forgetting removes both. Keychain entries use a service of this test's own.
#include "k8s/connection_resolver.h"
#include "security/connection_profile.h"
#include "security/credential_store.h"
#include "sim/api_server.h"
#include "ui/ai_brain_settings.h"
#include "ui/app_context.h"
#include "ui/cluster_controller.h"
#include "ui/connection_settings.h"
#include "plain_text_scan.h"
#include "token_api_server.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using kiosk::security::ConnectionProfile;
using kiosk::security::CredentialKey;
using kiosk::security::CredentialResult;
using kiosk::security::CredentialStore;
using kiosk::sim::ApiServer;
using kiosk::ui::ClusterController;
using kiosk::ui::ConnectionSettings;
using State = ConnectionSettings::State;

namespace {
using kiosk::test::startTokenServer;
const QString kTls = kiosk::test::kTlsFixtures;

QString randomToken() {
    return kiosk::test::randomToken(QStringLiteral("settings-test-token"));
}

bool settled(const ConnectionSettings &s) {
    return !s.busy();
}
} // namespace

class TestConnectionSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_service;
    int m_counter = 0;
    QString m_ini;

    // A form backed by a fresh settings file (or the current one with `sameFile`).
    std::unique_ptr<ConnectionSettings> makeForm(bool sameFile = false) {
        if (!sameFile || m_ini.isEmpty())
            m_ini = m_home.filePath(QStringLiteral("settings%1.ini").arg(++m_counter));
        auto form = std::make_unique<ConnectionSettings>(m_ini, m_service);
        // The first keychain lookup runs from the event loop.
        QTest::qWait(0);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(settled(*form), 15000); }();
        return form;
    }

    static void runTest(ConnectionSettings &form) {
        form.testConnection();
        QVERIFY(form.busy() || form.state() == State::Failed);
        QTRY_VERIFY_WITH_TIMEOUT(settled(form), 20000);
    }

    void verifyNoFileHolds(const QString &secret) {
        QCOMPARE(kiosk::test::filesHoldingPlainText(m_home.path(), secret), QStringList());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        QStandardPaths::setTestModeEnabled(true);
        // The audit log and any fallback lookup (~/.kube/config) stay inside the test's home.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("KUBECONFIG");
        qunsetenv("KUBERNETES_SERVICE_HOST");
        m_service = QStringLiteral("kilo-kiosk-test-settings-%1")
                        .arg(QRandomGenerator::global()->generate(), 0, 16);
    }

    void testConnectionNamesTheTrouble() {
        const QString token = randomToken();
        const auto server = startTokenServer(token);
        auto form = makeForm();
        QCOMPARE(form->state(), State::Idle);
        QVERIFY(!form->hasSavedConnection());
        form->setServer(server->url().toString());

        form->setToken(QStringLiteral("not-the-token"));
        runTest(*form);
        QCOMPARE(form->state(), State::Failed);
        QVERIFY2(form->message().startsWith(QLatin1String("Unauthorized (401)")),
                 qPrintable(form->message()));

        form->setToken(token);
        QCOMPARE(form->state(), State::Idle); // an edit clears the outdated verdict
        runTest(*form);
        QVERIFY2(form->state() == State::TestPassed, qPrintable(form->message()));
        QVERIFY(form->message().contains(QLatin1String("kilo-guardian")));
        QVERIFY(!form->message().contains(token));

        form->setNameSpace(QStringLiteral("Not A Namespace"));
        runTest(*form);
        QCOMPARE(form->state(), State::Failed);
        QVERIFY(form->message().contains(QLatin1String("namespace")));

        // Nothing was written by testing.
        QSettings written(m_ini, QSettings::IniFormat);
        QVERIFY(!ConnectionProfile::load(written));
    }

    void unreachableServer() {
        // A port that was just free: nothing listens there now.
        quint16 port = 0;
        {
            ApiServer probe;
            QVERIFY(probe.listen());
            port = probe.port();
        }
        auto form = makeForm();
        form->setServer(QStringLiteral("http://127.0.0.1:%1").arg(port));
        runTest(*form);
        QCOMPARE(form->state(), State::Failed);
        QVERIFY2(form->message().startsWith(QLatin1String("Unreachable:")),
                 qPrintable(form->message()));
    }

    void certificateAuthorityIsChecked() {
        const auto server = startTokenServer(QString(), true);
        auto form = makeForm();
        form->setServer(server->url().toString());
        form->setCaFile(kTls + "other-ca.crt");
        runTest(*form);
        QCOMPARE(form->state(), State::Failed);
        QVERIFY2(form->message().startsWith(QLatin1String("Certificate problem:")),
                 qPrintable(form->message()));
        QVERIFY(form->message().contains(QLatin1String("certificate authority")));
        QCOMPARE(server->requestsServed(), 0);

        form->setCaFile(kTls + "ca.crt");
        runTest(*form);
        QVERIFY2(form->state() == State::TestPassed, qPrintable(form->message()));

        form->setCaFile(kTls + "missing.crt");
        runTest(*form);
        QCOMPARE(form->state(), State::Failed);
        QVERIFY(form->message().contains(QLatin1String("missing.crt")));
    }

    void saveKeepsTheTokenInTheKeychainAndReconnects() {
        const QString token = randomToken();
        const auto server = startTokenServer(token);
        ClusterController cluster;
        cluster.setNotConfigured();
        auto form = makeForm();
        form->setCluster(&cluster);
        form->setServer(server->url().toString() + QStringLiteral("/"));
        form->setToken(token);
        QSignalSpy saved(form.get(), &ConnectionSettings::savedChanged);
        form->save();
        QCOMPARE(form->state(), State::Saving);
        QTRY_VERIFY_WITH_TIMEOUT(settled(*form), 15000);
        QVERIFY2(form->state() == State::Saved, qPrintable(form->message()));
        QVERIFY(saved.count() >= 1);
        QVERIFY(form->hasSavedConnection());
        QVERIFY(form->tokenStored());
        QVERIFY(form->token().isEmpty());
        QCOMPARE(form->savedServer(), server->url().toString());

        // The Cluster page's controller loads the namespace with the saved connection.
        QTRY_VERIFY_WITH_TIMEOUT(
            cluster.state() == ClusterController::State::Live && cluster.hasData(), 15000);
        QCOMPARE(cluster.deployments()->rowCount(), 14);
        QVERIFY(cluster.sourceText().contains(server->url().toString()));

        // The token is in the keychain under the server, and in no file.
        CredentialStore keychain(m_service);
        const CredentialResult stored = keychain.readBlocking(
            CredentialKey(CredentialKey::ClusterToken, server->url().toString()));
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        QCOMPARE(stored.secret, token);
        verifyNoFileHolds(token);

        // What the app and `cluster status` resolve at the next start.
        {
            QSettings settings(m_ini, QSettings::IniFormat);
            const auto outcome = kiosk::k8s::ConnectionResolver::resolve(
                {}, settings, keychain, QProcessEnvironment(), m_home.path());
            QVERIFY(outcome.configured);
            QVERIFY2(outcome.result.connection, qPrintable(outcome.result.error));
            QCOMPARE(outcome.result.connection->bearerToken, token);
            QCOMPARE(outcome.result.connection->server, server->url());
        }

        // A new form finds the saved connection; testing without retyping uses the stored token.
        auto reopened = makeForm(true);
        QCOMPARE(reopened->server(), server->url().toString());
        QVERIFY(reopened->tokenStored());
        QVERIFY(reopened->token().isEmpty());
        runTest(*reopened);
        QVERIFY2(reopened->state() == State::TestPassed, qPrintable(reopened->message()));

        // Forget: the profile and the keychain entry go; the cluster has nothing to connect to.
        reopened->setCluster(&cluster);
        reopened->forget();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*reopened), 15000);
        QVERIFY2(reopened->state() == State::Forgotten, qPrintable(reopened->message()));
        QVERIFY(!reopened->hasSavedConnection());
        QVERIFY(!reopened->tokenStored());
        QVERIFY(reopened->server().isEmpty());
        QCOMPARE(
            keychain
                .readBlocking(CredentialKey(CredentialKey::ClusterToken, server->url().toString()))
                .status,
            CredentialResult::Status::NotFound);
        QSettings settings(m_ini, QSettings::IniFormat);
        QVERIFY(!ConnectionProfile::load(settings));
        QCOMPARE(cluster.state(), ClusterController::State::NotConfigured);
    }

    void changingTheServerDropsTheOldToken() {
        const QString token = randomToken();
        const auto first = startTokenServer(token);
        const auto second = startTokenServer(QString());
        auto form = makeForm();
        form->setServer(first->url().toString());
        form->setToken(token);
        form->save();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*form), 15000);
        QCOMPARE(form->state(), State::Saved);

        form->setServer(second->url().toString());
        form->save();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*form), 15000);
        QCOMPARE(form->state(), State::Saved);
        QVERIFY(!form->tokenStored()); // the first server's token does not follow to the second
        CredentialStore keychain(m_service);
        QTRY_COMPARE_WITH_TIMEOUT(
            keychain
                .readBlocking(CredentialKey(CredentialKey::ClusterToken, first->url().toString()))
                .status,
            CredentialResult::Status::NotFound, 10000);
    }

    void kubeconfigFileWithContext() {
        const QString token = randomToken();
        const auto server = startTokenServer(token);
        const QString path = m_home.filePath(QStringLiteral("k3s.yaml"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(server->kubeconfig(QStringLiteral("kilo-guardian")).toUtf8());
        }
        ClusterController cluster;
        auto form = makeForm();
        form->setCluster(&cluster);
        form->setKubeconfigPath(path);
        form->setContext(QStringLiteral("no-such-context"));
        runTest(*form);
        QCOMPARE(form->state(), State::Failed);
        QVERIFY2(form->message().contains(QLatin1String("no-such-context")),
                 qPrintable(form->message()));

        form->setContext(QStringLiteral("kilo-sim"));
        runTest(*form);
        QVERIFY2(form->state() == State::TestPassed, qPrintable(form->message()));

        form->save();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*form), 15000);
        QVERIFY2(form->state() == State::Saved, qPrintable(form->message()));
        QVERIFY(!form->tokenStored()); // the kubeconfig's own user authenticates
        QCOMPARE(form->server(), server->url().toString());
        QCOMPARE(form->kubeconfigPath(), path);
        QTRY_VERIFY_WITH_TIMEOUT(
            cluster.state() == ClusterController::State::Live && cluster.hasData(), 15000);
        QVERIFY(cluster.sourceText().contains(QLatin1String("context kilo-sim")));
        QSettings settings(m_ini, QSettings::IniFormat);
        const auto profile = ConnectionProfile::load(settings);
        QVERIFY(profile);
        QCOMPARE(profile->kubeconfig, path);
        QCOMPARE(profile->context, QStringLiteral("kilo-sim"));
        form->forget();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*form), 15000);
        QCOMPARE(form->state(), State::Forgotten);
    }

    void aiBrainTokenGoesToTheKeychain() {
        kiosk::ui::AppContext app(std::make_unique<QSettings>(
            m_home.filePath(QStringLiteral("brain.ini")), QSettings::IniFormat));
        kiosk::ui::AiBrainSettings brain;
        brain.setKeychainService(m_service);
        brain.setApp(&app);
        QTRY_VERIFY(!brain.busy());
        const QString url = QStringLiteral("http://kilo-ai-brain.kilo-guardian:8000");
        const QString token = randomToken();

        brain.save(QStringLiteral("ftp://brain"), token);
        QCOMPARE(brain.state(), kiosk::ui::AiBrainSettings::State::Failed);
        QVERIFY(app.aiBrainUrl().isEmpty());

        brain.save(url, token);
        QTRY_VERIFY_WITH_TIMEOUT(!brain.busy(), 15000);
        QCOMPARE(brain.state(), kiosk::ui::AiBrainSettings::State::Saved);
        QCOMPARE(app.aiBrainUrl(), url);
        QVERIFY(brain.tokenStored());
        CredentialStore keychain(m_service);
        const CredentialResult stored =
            keychain.readBlocking(CredentialKey(CredentialKey::AiBrainToken, url));
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        QCOMPARE(stored.secret, token);
        verifyNoFileHolds(token);

        brain.forgetToken();
        QTRY_VERIFY_WITH_TIMEOUT(!brain.busy(), 15000);
        QVERIFY(!brain.tokenStored());
        QCOMPARE(keychain.readBlocking(CredentialKey(CredentialKey::AiBrainToken, url)).status,
                 CredentialResult::Status::NotFound);
        QCOMPARE(app.aiBrainUrl(), url);
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connection_settings.moc"
