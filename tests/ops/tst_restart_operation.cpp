// The restart operation (kubectl rollout restart) against the real simulator, and its patch.
#include "test_gate.h"
#include "ops/restart_operation.h"
#include "k8s/api_client.h"
#include "k8s/object_fields.h"
#include "scripted_api_server.h"
#include "sim/api_server.h"
#include "sim_incident.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QRegularExpression>
#include <QTimeZone>

using kiosk::ops::Operation;
using kiosk::ops::RestartOperation;
using Phase = kiosk::ops::Operation::Phase;
using Outcome = kiosk::security::AuditEntry::Outcome;

namespace {
const QString kNamespace = QStringLiteral("kilo-guardian");

} // namespace

class TestRestartOperation : public QObject {
    Q_OBJECT

    std::unique_ptr<kiosk::sim::ApiServer> m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    TestGate m_gate;

    kiosk::security::AuditLog audit() const {
        return kiosk::security::AuditLog(m_dir->filePath("audit.jsonl"));
    }
    std::unique_ptr<kiosk::k8s::ApiClient> clientFor(const QUrl &url) const {
        kiosk::k8s::ClusterConnection connection;
        connection.server = url;
        return std::make_unique<kiosk::k8s::ApiClient>(connection);
    }
    QJsonObject deployment(const QString &name) const {
        return m_sim->store()
            ->get(kiosk::sim::ResourceCatalog::instance().deployments(), kNamespace, name)
            .value_or(QJsonObject());
    }
    QString restartedAt(const QString &name) const {
        return deployment(name)
            .value("spec")
            .toObject()
            .value("template")
            .toObject()
            .value("metadata")
            .toObject()
            .value("annotations")
            .toObject()
            .value(RestartOperation::kRestartedAtAnnotation)
            .toString();
    }

private slots:
    void init() {
        m_sim = std::make_unique<kiosk::sim::ApiServer>();
        QVERIFY(m_sim->listen());
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(*m_sim), 15000);
        m_dir = std::make_unique<QTemporaryDir>();
        m_gate.open = false;
    }

    void cleanup() {
        m_sim.reset();
        m_dir.reset();
    }

    void patchIsKubectls() {
        QCOMPARE(RestartOperation::patchBody(QStringLiteral("2026-12-05T10:00:00Z")),
                 QByteArray("{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl."
                            "kubernetes.io/restartedAt\":\"2026-12-05T10:00:00Z\"}}}}}"));
        // Go's time.RFC3339: seconds, "Z" for UTC, else the offset.
        const QDateTime at(QDate(2026, 12, 5), QTime(10, 0, 7, 450), QTimeZone::utc());
        const QString text = RestartOperation::rfc3339(at);
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$"))
                .match(text)
                .hasMatch(),
            qPrintable(text));
        QCOMPARE(QDateTime::fromString(text, Qt::ISODate).toSecsSinceEpoch(),
                 at.toSecsSinceEpoch());
    }

    void refusedWhileTheGateIsClosed() {
        auto client = clientFor(m_sim->url());
        RestartOperation restart(client.get(), kNamespace, deployment("kilo-cam"), &m_gate,
                                 audit());
        QVERIFY(!restart.previewAndApply());
        QCOMPARE(restart.phase(), Phase::Idle);
        const auto entries = audit().lastEntries(5);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("cluster.restart"));
        QCOMPARE(entries.first().target, QStringLiteral("deployment/kilo-cam"));
        QCOMPARE(entries.first().outcome, Outcome::Denied);
        QVERIFY(restartedAt("kilo-cam").isEmpty());
    }

    void previewsThenRestartsAndFollows() {
        auto client = clientFor(m_sim->url());
        RestartOperation restart(client.get(), kNamespace, deployment("kilo-cam"), &m_gate,
                                 audit());
        QSignalSpy lines(&restart, &Operation::progressLine);
        restart.preview();
        QCOMPARE(restart.phase(), Phase::Checking);
        QTRY_COMPARE_WITH_TIMEOUT(restart.phase(), Phase::Ready, 15000);
        // The dry run changed nothing and was not audited.
        QVERIFY(restartedAt("kilo-cam").isEmpty());
        QVERIFY(audit().lastEntries(5).isEmpty());

        m_gate.open = true;
        QVERIFY(restart.apply());
        QCOMPARE(restart.phase(), Phase::Running);
        QTRY_COMPARE_WITH_TIMEOUT(restart.phase(), Phase::Succeeded, 60000);
        QVERIFY(restart.rolledOut());
        QCOMPARE(restartedAt("kilo-cam"), restart.restartedAt());
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.constFirst().constFirst().toString(),
                 QStringLiteral("deployment.apps/kilo-cam restarted"));
        const auto entry = audit().lastEntries(1).constFirst();
        QCOMPARE(entry.outcome, Outcome::Success);
        QCOMPARE(entry.actor, QStringLiteral("tester"));
        QVERIFY(entry.detail.startsWith(QStringLiteral("restartedAt ") + restart.restartedAt()));
    }

    void aPausedDeploymentIsRefused() {
        QJsonObject paused = deployment("kilo-cam");
        QJsonObject spec = paused.value("spec").toObject();
        spec.insert("paused", true);
        paused.insert("spec", spec);
        ScriptedApiServer server; // nothing may reach it
        QVERIFY(server.listen());
        auto client = clientFor(server.url());
        m_gate.open = true;
        RestartOperation restart(client.get(), kNamespace, paused, &m_gate, audit());
        QVERIFY(restart.previewAndApply());
        QCOMPARE(restart.phase(), Phase::Failed);
        QCOMPARE(restart.message(),
                 QStringLiteral("can't restart paused deployment (run rollout resume first)"));
        QVERIFY(server.requests.isEmpty());
        QCOMPARE(audit().lastEntries(1).constFirst().outcome, Outcome::Denied);
    }

    void aRefusedDryRunFailsWithTheServersReason() {
        ScriptedApiServer server;
        server.handler = [](const ScriptedRequest &) {
            const QJsonObject status{{"kind", "Status"},
                                     {"status", "Failure"},
                                     {"reason", "Conflict"},
                                     {"code", 409},
                                     {"message", "the object has been modified"}};
            return ScriptedResponse{409, QJsonDocument(status).toJson(QJsonDocument::Compact)};
        };
        QVERIFY(server.listen());
        auto client = clientFor(server.url());
        m_gate.open = true;
        RestartOperation restart(client.get(), kNamespace, deployment("kilo-cam"), &m_gate,
                                 audit());
        QVERIFY(restart.previewAndApply());
        QTRY_COMPARE_WITH_TIMEOUT(restart.phase(), Phase::Failed, 15000);
        QVERIFY2(restart.message().contains(QStringLiteral("the object has been modified")),
                 qPrintable(restart.message()));
        QCOMPARE(server.requests.size(), 1); // only the dry run
        QCOMPARE(server.requests.constFirst().query("dryRun"), QStringLiteral("All"));
        QCOMPARE(server.requests.constFirst().headers.value("content-type"),
                 QByteArray("application/strategic-merge-patch+json"));
        QVERIFY(audit().lastEntries(5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestartOperation)
#include "tst_restart_operation.moc"
