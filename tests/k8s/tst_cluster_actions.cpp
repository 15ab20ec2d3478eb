// Cleanup and rollback end to end against the simulator, through the kilo-kiosk executable, with
// the incident's figures; and the rollback compared with the real `kubectl rollout undo`.
#include "sim/api_server.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kBinary = QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk");
}

class TestClusterActions : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs a program while this thread's event loop keeps serving the in-process simulator.
    Run run(const QString &program, const QStringList &args, int timeoutMs = 60000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", m_home.path());
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("XDG_DATA_HOME", m_home.filePath("data"));
        env.remove("KUBECONFIG");
        p.setProcessEnvironment(env);
        p.start(program, args);
        p.closeWriteChannel();
        QElapsedTimer clock;
        clock.start();
        while (p.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    Run kiosk(const QStringList &args, const kiosk::sim::ApiServer &server)
    {
        return run(kBinary, args + QStringList{"--server", server.url().toString()});
    }
    int replicaSetCount(const kiosk::sim::ApiServer &server)
    {
        const Run r = kiosk({"cluster", "status", "--json"}, server);
        return QJsonDocument::fromJson(r.out).object().value("replicasets").toObject().value("total").toInt(-1);
    }

private slots:
    void cleanupFollowsTheIncidentFigures()
    {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QTest::qWait(2000);
        const Run dry = kiosk({"cluster", "cleanup", "--dry-run", "--json"}, server);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QCOMPARE(plan.value("delete").toArray().size(), 24);
        QCOMPARE(plan.value("patch").toArray().size(), 14);
        QCOMPARE(plan.value("orphans").toArray().size(), 1);
        QCOMPARE(plan.value("dry_run").toObject().value("failed").toInt(), 0);
        for (const auto &item : plan.value("delete").toArray())
            QVERIFY(!item.toObject().value("reason").toString().isEmpty());
        QCOMPARE(replicaSetCount(server), 78); // the dry run changed nothing

        const Run yes = kiosk({"cluster", "cleanup", "--yes", "--json"}, server);
        QVERIFY2(yes.exitCode == 0, yes.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(yes.out).object();
        QCOMPARE(result.value("result").toObject().value("failed").toInt(), 0);
        QCOMPARE(result.value("replicasets_after").toInt(), 54);

        const Run all = kiosk({"cluster", "cleanup", "--keep", "0", "--include-orphans", "--yes"}, server);
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QCOMPARE(replicaSetCount(server), 15); // kilo-meds keeps its rollback target

        const Run audit = run(kBinary, {"audit", "--json"});
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        QVERIFY(audit.out.contains("cluster.cleanup"));
    }

    void cleanupNeedsAChoice()
    {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        const Run r = kiosk({"cluster", "cleanup"}, server);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("exactly one of --dry-run or --yes"));
    }

    void rollbackRestoresTheHealthyRevision()
    {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QTest::qWait(2000);
        const Run dry = kiosk({"cluster", "rollback", "kilo-meds", "--dry-run", "--json"}, server);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QCOMPARE(plan.value("images").toArray().first().toString(), QStringLiteral("kilo-meds:cb1"));

        const Run r = kiosk({"cluster", "rollback", "deployment/kilo-meds"}, server);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("rolled back to revision"));
        QVERIFY(r.out.contains("successfully rolled out"));
        const Run status = kiosk({"cluster", "status", "--json"}, server);
        const QJsonObject json = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(json.value("summary").toObject().value("deployments_healthy").toInt(), 14);

        // To the revision it now runs: the template already matches, nothing is sent.
        qint64 current = 0;
        for (const auto &d : json.value("deployments").toArray())
            if (d.toObject().value("name").toString() == "kilo-meds")
                current = d.toObject().value("revision").toInteger();
        QVERIFY(current > 0);
        const Run again = kiosk({"cluster", "rollback", "kilo-meds", "--to-revision", QString::number(current)}, server);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("skipped rollback"), again.out.constData());
    }

    void rollbackRefusesClearly()
    {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QCOMPARE(kiosk({"cluster", "rollback", "no-such"}, server).exitCode, 1);
        const Run missing = kiosk({"cluster", "rollback", "kilo-cam", "--to-revision", "99"}, server);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("99"), missing.err.constData());
    }

    void sameTemplateAsKubectlRolloutUndo()
    {
        const QString kubectl = QStandardPaths::findExecutable("kubectl");
        if (kubectl.isEmpty())
            QSKIP("kubectl is not installed; the comparison with kubectl rollout undo needs it");
        kiosk::sim::ApiServer ours;
        kiosk::sim::ApiServer theirs;
        QVERIFY(ours.listen());
        QVERIFY(theirs.listen());
        QVERIFY(kiosk({"cluster", "rollback", "kilo-meds", "--rollout-timeout", "30"}, ours).exitCode == 0);
        const Run undo = run(kubectl, {"--server", theirs.url().toString(), "-n", "kilo-guardian", "rollout", "undo",
                                       "deployment/kilo-meds"});
        QVERIFY2(undo.exitCode == 0, undo.err.constData());
        auto templateOf = [&](const kiosk::sim::ApiServer &server) {
            const Run get = run(kubectl, {"--server", server.url().toString(), "-n", "kilo-guardian", "get",
                                          "deployment/kilo-meds", "-o", "json"});
            return QJsonDocument::fromJson(get.out).object().value("spec").toObject().value("template").toObject();
        };
        QTRY_COMPARE_WITH_TIMEOUT(templateOf(ours), templateOf(theirs), 10000);
    }
};

QTEST_GUILESS_MAIN(TestClusterActions)
#include "tst_cluster_actions.moc"
