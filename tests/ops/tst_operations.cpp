#include "test_gate.h"
#include "ops/cleanup_operation.h"
#include "ops/rollback_operation.h"
#include "k8s/api_client.h"
#include "k8s/cleanup_planner.h"
#include "k8s/object_fields.h"
#include "scripted_api_server.h"
#include "sim/api_server.h"
#include "sim_incident.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ops::Operation;
using Phase = kiosk::ops::Operation::Phase;
using Outcome = kiosk::security::AuditEntry::Outcome;

namespace {
const QString kNamespace = QStringLiteral("kilo-guardian");

QJsonObject named(const QList<QJsonObject> &objects, const QString &name) {
    for (const QJsonObject &o : objects)
        if (kiosk::k8s::fields::name(o) == name)
            return o;
    return {};
}
} // namespace

class TestOperations : public QObject {
    Q_OBJECT

    const kiosk::sim::ResourceCatalog &catalog() const {
        return kiosk::sim::ResourceCatalog::instance();
    }
    QList<QJsonObject> deployments(const kiosk::sim::ApiServer &server) const {
        return server.store()->list(catalog().deployments(), kNamespace);
    }
    QList<QJsonObject> replicaSets(const kiosk::sim::ApiServer &server) const {
        return server.store()->list(catalog().replicaSets(), kNamespace);
    }
    QString templateImage(const kiosk::sim::ApiServer &server, const QString &deployment) const {
        return kiosk::k8s::fields::templateImages(named(deployments(server), deployment)
                                                      .value("spec")
                                                      .toObject()
                                                      .value("template")
                                                      .toObject())
            .join(',');
    }
    kiosk::security::AuditLog auditIn(const QTemporaryDir &dir) const {
        return kiosk::security::AuditLog(dir.filePath("audit.jsonl"));
    }
    std::unique_ptr<kiosk::k8s::ApiClient> clientFor(const QUrl &url) const {
        kiosk::k8s::ClusterConnection connection;
        connection.server = url;
        return std::make_unique<kiosk::k8s::ApiClient>(connection);
    }

    // Per test: the simulator with the incident settled, an audit folder and a closed gate.
    std::unique_ptr<kiosk::sim::ApiServer> m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    TestGate m_gate;

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

    void rollbackIsRefusedWhileTheGateIsClosed() {
        auto &server = *m_sim;
        auto &dir = *m_dir;
        auto &gate = m_gate;
        auto client = clientFor(server.url());
        const QString before = templateImage(server, "kilo-meds");
        kiosk::ops::RollbackOperation rollback(client.get(), kNamespace,
                                               named(deployments(server), "kilo-meds"),
                                               replicaSets(server), 0, &gate, auditIn(dir));
        QVERIFY(!rollback.previewAndApply());
        QCOMPARE(rollback.phase(), Phase::Idle);
        const auto entries = auditIn(dir).lastEntries(5);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("cluster.rollback"));
        QCOMPARE(entries.first().target, QStringLiteral("deployment/kilo-meds"));
        QCOMPARE(entries.first().outcome, Outcome::Denied);
        QCOMPARE(entries.first().detail, QStringLiteral("locked for the test"));
        QCOMPARE(templateImage(server, "kilo-meds"), before);
    }

    void rollbackPreviewsThenAppliesAndFollows() {
        auto &server = *m_sim;
        auto &dir = *m_dir;
        auto &gate = m_gate;
        auto client = clientFor(server.url());
        const QString broken = templateImage(server, "kilo-meds");
        kiosk::ops::RollbackOperation rollback(client.get(), kNamespace,
                                               named(deployments(server), "kilo-meds"),
                                               replicaSets(server), 0, &gate, auditIn(dir));
        QSignalSpy lines(&rollback, &Operation::progressLine);
        rollback.preview();
        QCOMPARE(rollback.phase(), Phase::Checking);
        QTRY_COMPARE_WITH_TIMEOUT(rollback.phase(), Phase::Ready, 15000);
        QVERIFY(rollback.previewAccepted());
        // The server's dry run changed nothing, and nothing was audited.
        QCOMPARE(templateImage(server, "kilo-meds"), broken);
        QVERIFY(auditIn(dir).lastEntries(5).isEmpty());
        // Closed gate: apply refuses and records it.
        QVERIFY(!rollback.apply());
        QCOMPARE(rollback.phase(), Phase::Ready);
        QCOMPARE(auditIn(dir).lastEntries(5).constFirst().outcome, Outcome::Denied);

        gate.open = true;
        QVERIFY(rollback.apply());
        QCOMPARE(rollback.phase(), Phase::Running);
        QTRY_COMPARE_WITH_TIMEOUT(rollback.phase(), Phase::Succeeded, 60000);
        QVERIFY(rollback.rolledOut());
        QVERIFY2(rollback.message().contains(QStringLiteral("successfully rolled out")),
                 qPrintable(rollback.message()));
        QCOMPARE(templateImage(server, "kilo-meds"), rollback.plan().images.join(','));
        QVERIFY(templateImage(server, "kilo-meds") != broken);
        QVERIFY(!lines.isEmpty());
        QVERIFY(lines.constFirst().constFirst().toString().startsWith(
            QStringLiteral("deployment.apps/kilo-meds rolled back to revision")));
        const auto entry = auditIn(dir).lastEntries(1).constFirst();
        QCOMPARE(entry.actor, QStringLiteral("tester"));
        QCOMPARE(entry.outcome, Outcome::Success);
        QVERIFY(entry.detail.startsWith(
            QStringLiteral("to revision %1").arg(rollback.plan().revision)));
    }

    void aRefusedDryRunFailsWithTheServersReasonAndChangesNothing() {
        auto &sim = *m_sim;
        ScriptedApiServer server;
        server.handler = [](const ScriptedRequest &) {
            const QJsonObject status{
                {"kind", "Status"},
                {"status", "Failure"},
                {"reason", "Forbidden"},
                {"code", 403},
                {"message", "deployments.apps \"kilo-meds\" is forbidden: no patch for you"}};
            return ScriptedResponse{403, QJsonDocument(status).toJson(QJsonDocument::Compact)};
        };
        QVERIFY(server.listen());
        auto &dir = *m_dir;
        auto &gate = m_gate;
        gate.open = true;
        auto client = clientFor(server.url());
        kiosk::ops::RollbackOperation rollback(client.get(), kNamespace,
                                               named(deployments(sim), "kilo-meds"),
                                               replicaSets(sim), 0, &gate, auditIn(dir));
        QVERIFY(rollback.previewAndApply());
        QTRY_COMPARE_WITH_TIMEOUT(rollback.phase(), Phase::Failed, 15000);
        QVERIFY(!rollback.previewAccepted());
        QVERIFY2(rollback.message().contains(QStringLiteral("no patch for you")),
                 qPrintable(rollback.message()));
        QCOMPARE(server.requests.size(), 1); // only the dry run, never the patch
        QCOMPARE(server.requests.constFirst().query("dryRun"), QStringLiteral("All"));
        QVERIFY(auditIn(dir).lastEntries(5).isEmpty());
    }

    void aRolloutThatNeverCompletesFailsAndIsAudited() {
        auto &sim = *m_sim;
        // Accepts the patch, but the deployment it reports back never rolls out.
        const QJsonObject stuck = named(deployments(sim), "kilo-meds");
        ScriptedApiServer server;
        server.handler = [stuck](const ScriptedRequest &) {
            return ScriptedResponse{200, QJsonDocument(stuck).toJson(QJsonDocument::Compact)};
        };
        QVERIFY(server.listen());
        auto &dir = *m_dir;
        auto &gate = m_gate;
        gate.open = true;
        auto client = clientFor(server.url());
        kiosk::ops::RollbackOperation rollback(client.get(), kNamespace, stuck, replicaSets(sim), 0,
                                               &gate, auditIn(dir));
        rollback.setRolloutTimeout(1500);
        QVERIFY(rollback.previewAndApply());
        QTRY_COMPARE_WITH_TIMEOUT(rollback.phase(), Phase::Failed, 20000);
        QVERIFY(!rollback.rolledOut());
        const auto entry = auditIn(dir).lastEntries(1).constFirst();
        QCOMPARE(entry.outcome, Outcome::Failure);
        QCOMPARE(entry.actor, QStringLiteral("tester"));
    }

    void cleanupPreviewsAppliesAndAudits() {
        auto &server = *m_sim;
        auto &dir = *m_dir;
        auto &gate = m_gate;
        auto client = clientFor(server.url());
        kiosk::k8s::CleanupOptions options;
        options.keep = 3;
        const auto plan =
            kiosk::k8s::planCleanup(deployments(server), replicaSets(server),
                                    server.store()->list(catalog().pods(), kNamespace), options);
        QVERIFY(!plan.deletes.isEmpty());
        const qsizetype before = replicaSets(server).size();
        kiosk::ops::CleanupOperation cleanup(client.get(), kNamespace, plan, &gate, auditIn(dir));
        QSignalSpy lines(&cleanup, &Operation::progressLine);
        cleanup.preview();
        QTRY_COMPARE_WITH_TIMEOUT(cleanup.phase(), Phase::Ready, 30000);
        QCOMPARE(cleanup.dryRun()->results().size(), cleanup.total());
        QCOMPARE(replicaSets(server).size(), before);
        QVERIFY(!cleanup.apply());
        QCOMPARE(auditIn(dir).lastEntries(1).constFirst().outcome, Outcome::Denied);

        gate.open = true;
        QVERIFY(cleanup.apply());
        QTRY_COMPARE_WITH_TIMEOUT(cleanup.phase(), Phase::Succeeded, 60000);
        QCOMPARE(lines.size(), cleanup.total());
        QCOMPARE(cleanup.done(), cleanup.total());
        QCOMPARE(replicaSets(server).size(), before - plan.deletes.size());
        const auto entry = auditIn(dir).lastEntries(1).constFirst();
        QCOMPARE(entry.action, QStringLiteral("cluster.cleanup"));
        QCOMPARE(entry.target, QStringLiteral("namespace/kilo-guardian"));
        QCOMPARE(entry.outcome, Outcome::Success);
        QCOMPARE(entry.detail,
                 QStringLiteral("keep 3: %1 done, 0 skipped, 0 failed").arg(cleanup.total()));
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
