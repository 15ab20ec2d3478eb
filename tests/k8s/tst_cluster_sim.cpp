// The cluster features end to end against the real simulator on a loopback port: the monitor,
// the health report, and the kilo-kiosk executable's `cluster` commands as an admin runs them.
#include "k8s/api_client.h"
#include "k8s/cluster_health_report.h"
#include "k8s/cluster_monitor.h"
#include "sim/ai_brain_simulator.h"
#include "sim/api_server.h"
#include "sim/meds_service_simulator.h"
#include "plain_text_scan.h"
#include "cli_process.h"
#include "sim_incident.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using kiosk::k8s::ClusterConnection;
using kiosk::k8s::ClusterHealthReport;

namespace {
const QString kBinary = QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk");

ClusterConnection connectionTo(const kiosk::sim::ApiServer &server) {
    ClusterConnection c;
    c.server = server.url();
    return c;
}

kiosk::sim::ApiServerOptions emptyScenario() {
    kiosk::sim::ApiServerOptions options;
    options.scenario = QStringLiteral("empty");
    return options;
}

QJsonObject findByName(const QJsonArray &array, const QString &name) {
    for (const auto &v : array)
        if (v.toObject().value("name").toString() == name)
            return v.toObject();
    return {};
}
} // namespace

class TestClusterSim : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    // Runs kilo-kiosk while this thread's event loop keeps serving the in-process simulator.
    using Run = kiosk::test::CliRun;
    Run run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 30000) {
        return kiosk::test::runWithHome(kBinary, args, m_home.path(), input, timeoutMs);
    }

private slots:
    void monitorSeesTheIncident() {
        kiosk::sim::ApiServer server;
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        kiosk::k8s::ClusterMonitor monitor(connectionTo(server));
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.hasSynced(), 10000);
        QCOMPARE(monitor.state(), kiosk::k8s::ClusterMonitor::State::Live);
        // The kubelet stand-in needs a moment to crash-loop kilo-meds.
        QTRY_VERIFY_WITH_TIMEOUT(ClusterHealthReport::build(monitor.deployments(),
                                                            monitor.replicaSets(), monitor.pods(),
                                                            QDateTime::currentDateTimeUtc())
                                         .toJson()
                                         .value("summary")
                                         .toObject()
                                         .value("deployments_healthy")
                                         .toInt() == 13,
                                 15000);
        const auto report =
            ClusterHealthReport::build(monitor.deployments(), monitor.replicaSets(), monitor.pods(),
                                       QDateTime::currentDateTimeUtc());
        QCOMPARE(report.deployments.size(), 14);
        QCOMPARE(report.replicaSets.total, 78);
        QCOMPARE(report.replicaSets.stale, 64);
        QCOMPARE(report.replicaSets.orphaned, 1);
        QVERIFY(!report.allChecksPass());
        const QJsonObject json = report.toJson();
        const QJsonObject meds = findByName(json.value("deployments").toArray(), "kilo-meds");
        QCOMPARE(meds.value("healthy").toBool(), false);
        QCOMPARE(meds.value("image").toString(), QStringLiteral("kilo-meds:ai-brain-ocr-v2"));
        bool crashLoop = false;
        for (const auto &p : json.value("pods").toArray())
            crashLoop |= p.toObject().value("deployment").toString() == "kilo-meds" &&
                         p.toObject().value("status").toString() == "CrashLoopBackOff";
        QVERIFY(crashLoop);
    }

    void statusJsonFromTheExecutable() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        // kilo-meds in CrashLoopBackOff, the rest running: what the figures below describe.
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
        const Run r = run({"cluster", "status", "--json", "--server", server.url().toString()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value("deployments").toArray().size(), 14);
        const QJsonObject rs = json.value("replicasets").toObject();
        QCOMPARE(rs.value("total").toInt(), 78);
        QCOMPARE(rs.value("stale").toInt(), 64);
        QCOMPARE(rs.value("orphaned").toInt(), 1);
        const QJsonObject meds = findByName(json.value("deployments").toArray(), "kilo-meds");
        QCOMPARE(meds.value("healthy").toBool(), false);
        QCOMPARE(meds.value("desired").toInt(), 1);
        for (const auto &p : json.value("pods").toArray()) {
            const QJsonObject pod = p.toObject();
            QVERIFY(pod.value("ready").toString().contains('/'));
            QVERIFY(pod.value("restarts").isDouble());
        }
        bool anyFailing = false;
        for (const auto &c : json.value("checks").toArray())
            anyFailing |= !c.toObject().value("ok").toBool();
        QVERIFY(anyFailing);

        const Run table = run({"cluster", "status", "--server", server.url().toString()});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("kilo-meds"));
        QVERIFY(table.out.contains("[FAIL]"));
    }

    // The services a pod status cannot vouch for join the checklist, from the options' addresses.
    void statusChecksTheServices() {
        kiosk::sim::ApiServer server(emptyScenario());
        QVERIFY(server.listen());
        kiosk::sim::AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        kiosk::sim::MedsServiceSimulator meds;
        QVERIFY(meds.listen());
        const auto checksOf = [&] {
            const Run r = run({"cluster", "status", "--json", "--server", server.url().toString(),
                               "--ai-brain", aiBrain.url().toString(), "--meds-service",
                               meds.url().toString()});
            [&] { QVERIFY2(r.exitCode == 0, r.err.constData()); }();
            QHash<QString, QJsonObject> byId;
            for (const auto &c : QJsonDocument::fromJson(r.out).object().value("checks").toArray())
                byId.insert(c.toObject().value("id").toString(), c.toObject());
            return byId;
        };
        auto checks = checksOf();
        QCOMPARE(checks.value("ai-brain-answers").value("name").toString(), "AI Brain answers");
        QCOMPARE(checks.value("ai-brain-answers").value("ok").toBool(), true);
        QCOMPARE(checks.value("meds-service-answers").value("ok").toBool(), true);
        QVERIFY(
            checks.value("meds-service-answers").value("detail").toString().contains("/healthz"));

        aiBrain.setHealthMode(kiosk::sim::AiBrainSimulator::HealthMode::Down);
        checks = checksOf();
        QCOMPARE(checks.value("ai-brain-answers").value("ok").toBool(), false);
        QVERIFY2(checks.value("ai-brain-answers").value("detail").toString().contains("/health"),
                 qPrintable(checks.value("ai-brain-answers").value("detail").toString()));
        QCOMPARE(checks.value("meds-service-answers").value("ok").toBool(), true);
    }

    void watchSeesAChangeWithinSeconds() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", m_home.path());
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        p.setProcessEnvironment(env);
        p.start(kBinary,
                {"cluster", "status", "--json", "--watch", "--server", server.url().toString()});
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 15000);
        p.readAll();

        kiosk::k8s::ApiClient client(connectionTo(server));
        bool patched = false;
        client.send(
            "PATCH", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-cam", {},
            R"({"spec":{"replicas":2}})", "application/merge-patch+json", this,
            [&](const kiosk::k8s::ApiResponse &response) { patched = !response.error.isError(); });
        QTRY_VERIFY(patched);
        QElapsedTimer clock;
        clock.start();
        bool seen = false;
        while (!seen && clock.elapsed() < 3000) {
            QTest::qWait(50);
            while (p.canReadLine()) {
                const QJsonObject json = QJsonDocument::fromJson(p.readLine()).object();
                seen |= findByName(json.value("deployments").toArray(), "kilo-cam")
                            .value("desired")
                            .toInt() == 2;
            }
        }
        p.kill();
        p.waitForFinished();
        QVERIFY2(seen, "the change did not reach cluster status --watch within 3 s");
    }

    void previousLogOfTheCrashingPod() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        // The crash-looping pod has restarted, so it has a previous log.
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
        const Run status =
            run({"cluster", "status", "--json", "--server", server.url().toString()});
        QString medsPod;
        for (const auto &p : QJsonDocument::fromJson(status.out).object().value("pods").toArray())
            if (p.toObject().value("deployment").toString() == "kilo-meds")
                medsPod = p.toObject().value("name").toString();
        QVERIFY(!medsPod.isEmpty());
        const Run logs = run({"cluster", "logs", medsPod, "--previous", "--tail", "20", "--server",
                              server.url().toString()});
        QVERIFY2(logs.exitCode == 0, logs.err.constData());
        QVERIFY2(logs.out.contains("prometheus_client"), logs.out.constData());
        const Run missing =
            run({"cluster", "logs", "no-such-pod", "--server", server.url().toString()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.startsWith("kilo-kiosk: error: logs of pod no-such-pod"));
    }

    void tokenFromTheKeychain() {
        kiosk::sim::ApiServerOptions options;
        options.token =
            QStringLiteral("s3cret-kiosk-token-%1").arg(QDateTime::currentMSecsSinceEpoch());
        kiosk::sim::ApiServer server(options);
        QVERIFY(server.listen());
        const QString url = server.url().toString();

        const Run unauthorized = run({"cluster", "status", "--server", url});
        QCOMPARE(unauthorized.exitCode, 1);
        QVERIFY2(unauthorized.err.contains("unauthorized"), unauthorized.err.constData());

        const Run wrong =
            run({"cluster", "connect", "--server", url, "--token-stdin"}, "not-the-token\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains("nothing was saved"));

        const Run connect = run({"cluster", "connect", "--server", url, "--token-stdin"},
                                options.token.toUtf8() + "\n");
        QVERIFY2(connect.exitCode == 0, connect.err.constData());
        QVERIFY(!connect.out.contains(options.token.toUtf8()));

        const Run status = run({"cluster", "status", "--json"});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QCOMPARE(QJsonDocument::fromJson(status.out).object().value("deployments").toArray().size(),
                 14);

        // The token is in no plain file under the kiosk's home (settings, audit log, ...).
        QCOMPARE(kiosk::test::filesHoldingPlainText(m_home.path(), options.token), QStringList());

        const Run disconnect = run({"cluster", "disconnect"});
        QCOMPARE(disconnect.exitCode, 0);
        QCOMPARE(run({"cluster", "status", "--json", "--timeout", "3"}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestClusterSim)
#include "tst_cluster_sim.moc"
