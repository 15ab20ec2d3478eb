// ConnectOperation and ForgetConnectionOperation against the simulator on a loopback port (a
// scripted server for 403) and a real Secret Service (run through ./kiosk test): the check names
// the trouble and saves nothing, the token goes to the keychain only, the settings hold the
// profile, every change is audited with the gate's actor. Keychain entries use a service of this
// test's own.
#include "ops/action_gate.h"
#include "ops/connect_operation.h"
#include "ops/forget_connection_operation.h"
#include "security/connection_profile.h"
#include "security/credential_store.h"
#include "plain_text_scan.h"
#include "scripted_api_server.h"
#include "test_gate.h"
#include "token_api_server.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using kiosk::ops::ConnectOperation;
using kiosk::ops::ForgetConnectionOperation;
using kiosk::security::ConnectionProfile;
using kiosk::security::CredentialKey;
using kiosk::security::CredentialResult;
using kiosk::security::CredentialStore;
using Phase = kiosk::ops::Operation::Phase;
using Outcome = kiosk::security::AuditEntry::Outcome;

namespace {
using kiosk::test::kTlsFixtures;
using kiosk::test::startTokenServer;

QString randomToken() {
    return kiosk::test::randomToken(QStringLiteral("connect-op-token"));
}

ConnectionProfile profileFor(const QUrl &url) {
    ConnectionProfile profile;
    profile.server = url.toString();
    return profile;
}

void waitUntilSettled(const kiosk::ops::Operation &operation) {
    QTRY_VERIFY_WITH_TIMEOUT(!operation.busy(), 20000);
}
} // namespace

class TestConnectOperation : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_service;
    int m_counter = 0;
    // Per test: a fresh settings file and audit log, an open gate.
    QString m_ini;
    TestGate m_gate;

    kiosk::security::AuditLog audit() const {
        return kiosk::security::AuditLog(
            m_home.filePath(QStringLiteral("audit%1.jsonl").arg(m_counter)));
    }
    std::unique_ptr<ConnectOperation> connectOp(const ConnectionProfile &profile,
                                                const QString &token) {
        return std::make_unique<ConnectOperation>(profile, token, m_ini, m_service, &m_gate,
                                                  audit());
    }
    std::unique_ptr<ForgetConnectionOperation> forgetOp() {
        return std::make_unique<ForgetConnectionOperation>(m_ini, m_service, &m_gate, audit());
    }
    std::optional<ConnectionProfile> saved() const {
        QSettings settings(m_ini, QSettings::IniFormat);
        return ConnectionProfile::load(settings);
    }
    CredentialResult keychainEntry(const QString &server) const {
        CredentialStore keychain(m_service);
        return keychain.readBlocking(CredentialKey(CredentialKey::ClusterToken, server));
    }
    // A check that fails: the message, with nothing saved and nothing audited.
    QString failedPreview(const QUrl &url, const QString &token, const QString &caFile = {}) {
        ConnectionProfile profile = profileFor(url);
        profile.caFile = caFile;
        auto operation = connectOp(profile, token);
        operation->preview();
        [&] { waitUntilSettled(*operation); }();
        [&] { QCOMPARE(operation->phase(), Phase::Failed); }();
        [&] { QVERIFY(!operation->previewAccepted()); }();
        [&] { QVERIFY(!saved()); }();
        [&] { QVERIFY(audit().lastEntries(5).isEmpty()); }();
        return operation->message();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        QStandardPaths::setTestModeEnabled(true);
        qputenv("HOME", QFile::encodeName(m_home.path()));
        m_service = QStringLiteral("kilo-kiosk-test-connect-op-%1")
                        .arg(QRandomGenerator::global()->generate(), 0, 16);
    }

    void init() {
        ++m_counter;
        m_ini = m_home.filePath(QStringLiteral("settings%1.ini").arg(m_counter));
        m_gate.open = true;
    }

    void previewNamesTheTroubleAndSavesNothing() {
        const QString token = randomToken();
        const auto server = startTokenServer(token);
        const QString unauthorized = failedPreview(server->url(), QStringLiteral("not-the-token"));
        QVERIFY2(unauthorized.startsWith(QLatin1String("Unauthorized (401)")),
                 qPrintable(unauthorized));

        quint16 port = 0;
        {
            kiosk::sim::ApiServer probe;
            QVERIFY(probe.listen());
            port = probe.port();
        }
        const QString unreachable =
            failedPreview(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), token);
        QVERIFY2(unreachable.startsWith(QLatin1String("Unreachable:")), qPrintable(unreachable));

        ScriptedApiServer forbidding;
        forbidding.handler = [](const ScriptedRequest &) {
            const QJsonObject status{{"kind", "Status"},
                                     {"status", "Failure"},
                                     {"reason", "Forbidden"},
                                     {"code", 403},
                                     {"message", "pods is forbidden: no list for you"}};
            return ScriptedResponse{403, QJsonDocument(status).toJson(QJsonDocument::Compact)};
        };
        QVERIFY(forbidding.listen());
        const QString forbidden = failedPreview(forbidding.url(), token);
        QVERIFY2(forbidden.startsWith(QLatin1String("Forbidden (403)")), qPrintable(forbidden));
        QVERIFY(forbidden.contains(QLatin1String("no list for you")));
        QCOMPARE(forbidding.requests.size(), 1);
        QCOMPARE(forbidding.requests.constFirst().path(),
                 QStringLiteral("/api/v1/namespaces/kilo-guardian/pods"));
        QCOMPARE(forbidding.requests.constFirst().query(QStringLiteral("limit")),
                 QStringLiteral("1"));
    }

    void tlsIsVerifiedByDefault() {
        const auto server = startTokenServer(QString(), true);
        // No CA given: the system CAs do not know the simulator's.
        const QString untrusted = failedPreview(server->url(), QString());
        QVERIFY2(untrusted.startsWith(QLatin1String("Certificate problem:")),
                 qPrintable(untrusted));
        const QString otherCa =
            failedPreview(server->url(), QString(), kTlsFixtures + "other-ca.crt");
        QVERIFY2(otherCa.startsWith(QLatin1String("Certificate problem:")), qPrintable(otherCa));
        QCOMPARE(server->requestsServed(), 0);

        ConnectionProfile profile = profileFor(server->url());
        profile.caFile = kTlsFixtures + "ca.crt";
        auto operation = connectOp(profile, QString());
        operation->preview();
        waitUntilSettled(*operation);
        QVERIFY2(operation->phase() == Phase::Ready, qPrintable(operation->message()));
        QVERIFY(operation->resolved().warning.isEmpty());
    }

    void connectStoresTheTokenInTheKeychainOnlyAndAudits() {
        const QString token = randomToken();
        const auto server = startTokenServer(token);
        auto operation = connectOp(profileFor(server->url()), token);
        QSignalSpy lines(operation.get(), &kiosk::ops::Operation::progressLine);
        operation->preview();
        QCOMPARE(operation->phase(), Phase::Checking);
        waitUntilSettled(*operation);
        QVERIFY2(operation->phase() == Phase::Ready, qPrintable(operation->message()));
        QVERIFY(operation->message().contains(QLatin1String("kilo-guardian")));
        QVERIFY(!saved());
        QVERIFY(audit().lastEntries(5).isEmpty());

        QVERIFY(operation->apply());
        QCOMPARE(operation->phase(), Phase::Running);
        waitUntilSettled(*operation);
        QVERIFY2(operation->phase() == Phase::Succeeded, qPrintable(operation->message()));
        QCOMPARE(operation->nameSpace(), QStringLiteral("kilo-guardian"));

        const auto profile = saved();
        QVERIFY(profile);
        QCOMPARE(profile->server, server->url().toString());
        const CredentialResult stored = keychainEntry(server->url().toString());
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        QCOMPARE(stored.secret, token);

        const auto entries = audit().lastEntries(5);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("cluster.connect"));
        QCOMPARE(entries.first().target, server->url().toString());
        QCOMPARE(entries.first().actor, QStringLiteral("tester"));
        QCOMPARE(entries.first().outcome, Outcome::Success);
        QCOMPARE(entries.first().detail,
                 QStringLiteral("namespace kilo-guardian, token in the keychain"));

        // The token is in no file (settings, audit log), no message and no progress line.
        QCOMPARE(kiosk::test::filesHoldingPlainText(m_home.path(), token), QStringList());
        QVERIFY(!operation->message().contains(token));
        for (const auto &line : lines)
            QVERIFY(!line.constFirst().toString().contains(token));

        // Forget: the entry and the profile go, and that is audited too.
        auto forget = forgetOp();
        QVERIFY(forget->profile());
        forget->setOrigin(QStringLiteral("from the test"));
        QVERIFY(forget->apply());
        QCOMPARE(forget->phase(), Phase::Running);
        waitUntilSettled(*forget);
        QVERIFY2(forget->phase() == Phase::Succeeded, qPrintable(forget->message()));
        QVERIFY(!saved());
        QCOMPARE(keychainEntry(server->url().toString()).status,
                 CredentialResult::Status::NotFound);
        const auto last = audit().lastEntries(1).constFirst();
        QCOMPARE(last.action, QStringLiteral("cluster.disconnect"));
        QCOMPARE(last.target, server->url().toString());
        QCOMPARE(last.actor, QStringLiteral("tester"));
        QCOMPARE(last.outcome, Outcome::Success);
        QCOMPARE(last.detail, QStringLiteral("from the test"));

        // Nothing left to forget: a failure that changed nothing, not audited.
        auto again = forgetOp();
        QVERIFY(!again->profile());
        QVERIFY(again->apply());
        QCOMPARE(again->phase(), Phase::Failed);
        QCOMPARE(audit().lastEntries(5).size(), 2);
    }

    void aClosedGateRefusesAndIsAudited() {
        const QString token = randomToken();
        const auto server = startTokenServer(token);
        m_gate.open = false;
        auto operation = connectOp(profileFor(server->url()), token);
        QVERIFY(!operation->apply());
        QCOMPARE(operation->phase(), Phase::Idle);
        QVERIFY(!saved());
        QCOMPARE(keychainEntry(server->url().toString()).status,
                 CredentialResult::Status::NotFound);
        auto entry = audit().lastEntries(1).constFirst();
        QCOMPARE(entry.action, QStringLiteral("cluster.connect"));
        QCOMPARE(entry.outcome, Outcome::Denied);
        QCOMPARE(entry.detail, QStringLiteral("locked for the test"));

        m_gate.open = true;
        QVERIFY(operation->apply()); // unchecked, as `--no-verify` and the form's Save do
        waitUntilSettled(*operation);
        QCOMPARE(operation->phase(), Phase::Succeeded);

        m_gate.open = false;
        auto forget = forgetOp();
        QVERIFY(!forget->apply());
        QVERIFY(saved());
        entry = audit().lastEntries(1).constFirst();
        QCOMPARE(entry.action, QStringLiteral("cluster.disconnect"));
        QCOMPARE(entry.outcome, Outcome::Denied);
        m_gate.open = true;
        forget = forgetOp();
        QVERIFY(forget->apply());
        waitUntilSettled(*forget);
        QCOMPARE(forget->phase(), Phase::Succeeded);
    }

    void replacingTheServerRemovesTheOldToken() {
        const QString token = randomToken();
        const auto first = startTokenServer(token);
        const auto second = startTokenServer(QString());
        auto operation = connectOp(profileFor(first->url()), token);
        QVERIFY(operation->apply());
        waitUntilSettled(*operation);
        QCOMPARE(operation->phase(), Phase::Succeeded);
        QVERIFY(keychainEntry(first->url().toString()).ok());

        auto replace = connectOp(profileFor(second->url()), QString());
        QVERIFY(replace->apply());
        waitUntilSettled(*replace);
        QVERIFY2(replace->phase() == Phase::Succeeded, qPrintable(replace->message()));
        QCOMPARE(saved()->server, second->url().toString());
        QCOMPARE(keychainEntry(first->url().toString()).status, CredentialResult::Status::NotFound);
        QCOMPARE(audit().lastEntries(1).constFirst().detail,
                 QStringLiteral("namespace kilo-guardian"));

        auto forget = forgetOp();
        QVERIFY(forget->apply());
        waitUntilSettled(*forget);
    }

    void aProfileThatCannotConnectStoresNothing() {
        const QString token = randomToken();
        ConnectionProfile profile = profileFor(QUrl(QStringLiteral("https://127.0.0.1:1")));
        profile.caFile = kTlsFixtures + "missing.crt";
        auto operation = connectOp(profile, token);
        QVERIFY(operation->apply());
        QCOMPARE(operation->phase(), Phase::Failed);
        QVERIFY2(operation->message().startsWith(QLatin1String("Nothing was saved")),
                 qPrintable(operation->message()));
        QVERIFY(!saved());
        QCOMPARE(keychainEntry(profile.server).status, CredentialResult::Status::NotFound);
        QVERIFY(audit().lastEntries(5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectOperation)
#include "tst_connect_operation.moc"
