// Cleanup, rollback and restart end to end against the simulator, through the kilo-kiosk
// executable, with the incident's figures; rollback and restart compared with the real kubectl's
// `rollout undo` and `rollout restart`.
#include "sim/api_server.h"
#include "cli_process.h"
#include "kubectl_binary.h"
#include "sim_incident.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kBinary = QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk");
}

class TestClusterActions : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    using Run = kiosk::test::CliRun;
    Run run(const QString &program, const QStringList &args, int timeoutMs = 60000) {
        return kiosk::test::runWithHome(program, args, m_home.path(), {}, timeoutMs);
    }
    Run kiosk(const QStringList &args, const kiosk::sim::ApiServer &server) {
        return run(kBinary, args + QStringList{"--server", server.url().toString()});
    }
    int replicaSetCount(const kiosk::sim::ApiServer &server) {
        const Run r = kiosk({"cluster", "status", "--json"}, server);
        return QJsonDocument::fromJson(r.out)
            .object()
            .value("replicasets")
            .toObject()
            .value("total")
            .toInt(-1);
    }

private slots:
    void cleanupFollowsTheIncidentFigures() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        // The figures below are the incident's: wait until the simulator shows it.
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
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

        const Run all =
            kiosk({"cluster", "cleanup", "--keep", "0", "--include-orphans", "--yes"}, server);
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QCOMPARE(replicaSetCount(server), 15); // kilo-meds keeps its rollback target

        const Run audit = run(kBinary, {"audit", "--json"});
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        QVERIFY(audit.out.contains("cluster.cleanup"));
    }

    void cleanupNeedsAChoice() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        const Run r = kiosk({"cluster", "cleanup"}, server);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("exactly one of --dry-run or --yes"));
    }

    void rollbackRestoresTheHealthyRevision() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        // The figures below are the incident's: wait until the simulator shows it.
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
        const Run dry = kiosk({"cluster", "rollback", "kilo-meds", "--dry-run", "--json"}, server);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QCOMPARE(plan.value("images").toArray().first().toString(),
                 QStringLiteral("kilo-meds:cb1"));

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
        const Run again =
            kiosk({"cluster", "rollback", "kilo-meds", "--to-revision", QString::number(current)},
                  server);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("skipped rollback"), again.out.constData());
    }

    void rollbackRefusesClearly() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QCOMPARE(kiosk({"cluster", "rollback", "no-such"}, server).exitCode, 1);
        const Run missing =
            kiosk({"cluster", "rollback", "kilo-cam", "--to-revision", "99"}, server);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("unable to find specified revision 99 in history"),
                 missing.err.constData());
    }

    void historyListsRevisionsAndRollsBackToOne() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        // The figures below are the incident's: wait until the simulator shows it.
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
        const Run json = kiosk({"cluster", "history", "kilo-meds", "--json"}, server);
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject meds = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(meds.value("deployment").toString(), QStringLiteral("kilo-meds"));
        const QJsonArray revisions = meds.value("revisions").toArray();
        QCOMPARE(revisions.size(), 8);
        const QJsonObject newest = revisions.at(0).toObject();
        QCOMPARE(newest.value("revision").toInteger(), 8);
        QCOMPARE(newest.value("current").toBool(), true);
        QCOMPARE(newest.value("everRan").toBool(), false); // crash-looping since it went out
        QCOMPARE(newest.value("images").toArray().at(0).toString(),
                 QStringLiteral("kilo-meds:ai-brain-ocr-v2"));
        QCOMPARE(newest.value("age").toString(),
                 QStringLiteral("131m")); // the pod's 2h11m, as kubectl prints it
        const QJsonObject previous = revisions.at(1).toObject();
        QCOMPARE(previous.value("revision").toInteger(), 7);
        QCOMPARE(previous.value("current").toBool(), false);
        QCOMPARE(previous.value("everRan").toBool(), true);
        QCOMPARE(previous.value("images").toArray().at(0).toString(),
                 QStringLiteral("kilo-meds:cb1"));
        QCOMPARE(revisions.at(7).toObject().value("revision").toInteger(), 1);

        const Run table = kiosk({"cluster", "history", "deployment/kilo-meds"}, server);
        QVERIFY2(table.exitCode == 0, table.err.constData());
        const QStringList lines = QString::fromUtf8(table.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 10); // the deployment, the header, eight revisions
        QCOMPARE(lines.at(0), QStringLiteral("deployment.apps/kilo-meds"));
        QVERIFY2(lines.at(1).startsWith("REVISION") && lines.at(1).contains("IMAGE") &&
                     lines.at(1).contains("AGE") && lines.at(1).contains("RAN"),
                 qPrintable(lines.at(1)));
        const QStringList current = lines.at(2).simplified().split(' ');
        QCOMPARE(current.mid(0, 5),
                 (QStringList{"8", "*", "kilo-meds:ai-brain-ocr-v2", "131m", "no"}));
        const QStringList healthy = lines.at(3).simplified().split(' ');
        QCOMPARE(healthy.mid(0, 2), (QStringList{"7", "kilo-meds:cb1"}));
        QCOMPARE(healthy.at(3), QStringLiteral("yes"));
        QVERIFY(lines.at(3).contains("kubectl set image deployment/kilo-meds meds=kilo-meds:cb1"));

        // --to-revision: back three revisions on a healthy deployment, as kubectl rollout undo
        // --to-revision does; the revision then becomes the newest one.
        const Run back = kiosk({"cluster", "rollback", "kilo-cam", "--to-revision", "3"}, server);
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QVERIFY2(back.out.contains("rolled back to revision 3 (kilo-cam:v1.2.0)"),
                 back.out.constData());
        QVERIFY(back.out.contains("successfully rolled out"));
        const Run after = kiosk({"cluster", "history", "kilo-cam", "--json"}, server);
        QVERIFY2(after.exitCode == 0, after.err.constData());
        const QJsonArray cam =
            QJsonDocument::fromJson(after.out).object().value("revisions").toArray();
        QCOMPARE(cam.size(), 8);
        QCOMPARE(cam.at(0).toObject().value("revision").toInteger(), 9);
        QCOMPARE(cam.at(0).toObject().value("current").toBool(), true);
        QCOMPARE(cam.at(0).toObject().value("images").toArray().at(0).toString(),
                 QStringLiteral("kilo-cam:v1.2.0"));
        QCOMPARE(cam.at(1).toObject().value("revision").toInteger(), 8);
        for (const auto &r : cam)
            QVERIFY(r.toObject().value("revision").toInteger() != 3);
        const Run gone = kiosk({"cluster", "rollback", "kilo-cam", "--to-revision", "3"}, server);
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains("unable to find specified revision 3 in history"),
                 gone.err.constData());

        const Run audit = run(kBinary, {"audit", "--json"});
        QVERIFY(audit.out.contains("deployment/kilo-cam"));

        const Run missing = kiosk({"cluster", "history", "no-such"}, server);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("deployment no-such not found"), missing.err.constData());
        // No DEPLOYMENT is a usage error, as in every subcommand: exit 2, one line naming it.
        const Run usage = kiosk({"cluster", "history"}, server);
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains("cluster history: missing DEPLOYMENT"), usage.err.constData());
    }

    void sameTemplateAsKubectlRolloutUndo() {
        // No kubectl is a failure: this comparison is the point of the test.
        const kiosk::test::Kubectl found = kiosk::test::findKubectl();
        if (found.path.isEmpty())
            QFAIL(qPrintable(found.error));
        qInfo("comparing with kubectl %s (%s)", qPrintable(found.gitVersion),
              qPrintable(found.path));
        const QString kubectl = found.path;
        kiosk::sim::ApiServer ours;
        kiosk::sim::ApiServer theirs;
        QVERIFY(ours.listen());
        QVERIFY(theirs.listen());
        QVERIFY(
            kiosk({"cluster", "rollback", "kilo-meds", "--rollout-timeout", "30"}, ours).exitCode ==
            0);
        const Run undo = run(kubectl, {"--server", theirs.url().toString(), "-n", "kilo-guardian",
                                       "rollout", "undo", "deployment/kilo-meds"});
        QVERIFY2(undo.exitCode == 0, undo.err.constData());
        auto templateOf = [&](const kiosk::sim::ApiServer &server) {
            const Run get =
                run(kubectl, {"--server", server.url().toString(), "-n", "kilo-guardian", "get",
                              "deployment/kilo-meds", "-o", "json"});
            return QJsonDocument::fromJson(get.out)
                .object()
                .value("spec")
                .toObject()
                .value("template")
                .toObject();
        };
        QTRY_COMPARE_WITH_TIMEOUT(templateOf(ours), templateOf(theirs), 10000);
    }

    void restartIsKubectlRolloutRestart() {
        // No kubectl is a failure: this comparison is the point of the test.
        const kiosk::test::Kubectl found = kiosk::test::findKubectl();
        if (found.path.isEmpty())
            QFAIL(qPrintable(found.error));
        const QString kubectl = found.path;
        kiosk::sim::ApiServer ours;
        kiosk::sim::ApiServer theirs;
        QVERIFY(ours.listen());
        QVERIFY(theirs.listen());
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(ours), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(theirs), 15000);
        auto getJson = [&](const kiosk::sim::ApiServer &server, const QStringList &what) {
            const Run get = run(kubectl, QStringList{"--server", server.url().toString(), "-n",
                                                     "kilo-guardian", "get"} +
                                             what + QStringList{"-o", "json"});
            return QJsonDocument::fromJson(get.out).object();
        };
        auto templateOf = [&](const kiosk::sim::ApiServer &server) {
            return getJson(server, {"deployment/kilo-cam"})
                .value("spec")
                .toObject()
                .value("template")
                .toObject();
        };
        // The ReplicaSets of kilo-cam whose pod template carries the restart annotation.
        auto restartedSets = [&](const kiosk::sim::ApiServer &server) {
            int count = 0;
            for (const auto &rs : getJson(server, {"replicasets"}).value("items").toArray()) {
                const QJsonObject o = rs.toObject();
                const bool mine =
                    o.value("metadata").toObject().value("name").toString().startsWith("kilo-cam-");
                const QJsonObject annotations = o.value("spec")
                                                    .toObject()
                                                    .value("template")
                                                    .toObject()
                                                    .value("metadata")
                                                    .toObject()
                                                    .value("annotations")
                                                    .toObject();
                count += mine && annotations.contains("kubectl.kubernetes.io/restartedAt");
            }
            return count;
        };
        const QJsonObject before = templateOf(ours);

        // A dry run changes nothing.
        const Run dry = kiosk({"cluster", "restart", "kilo-cam", "--dry-run", "--json"}, ours);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QCOMPARE(QJsonDocument::fromJson(dry.out).object().value("dry_run").toBool(), true);
        QCOMPARE(templateOf(ours), before);

        const Run restarted =
            kiosk({"cluster", "restart", "deployment/kilo-cam", "--rollout-timeout", "60"}, ours);
        QVERIFY2(restarted.exitCode == 0, restarted.err.constData());
        QVERIFY2(restarted.out.contains("deployment.apps/kilo-cam restarted"),
                 restarted.out.constData());
        QVERIFY(restarted.out.contains("successfully rolled out"));
        const Run undo = run(kubectl, {"--server", theirs.url().toString(), "-n", "kilo-guardian",
                                       "rollout", "restart", "deployment/kilo-cam"});
        QVERIFY2(undo.exitCode == 0, undo.err.constData());

        // Both templates carry the annotation, an RFC 3339 time, and are otherwise alike; each
        // side rolled out one new ReplicaSet for it.
        const auto withoutRestartedAt = [](QJsonObject podTemplate, QString *value) {
            QJsonObject metadata = podTemplate.value("metadata").toObject();
            QJsonObject annotations = metadata.value("annotations").toObject();
            *value = annotations.take("kubectl.kubernetes.io/restartedAt").toString();
            if (annotations.isEmpty())
                metadata.remove("annotations");
            else
                metadata.insert("annotations", annotations);
            podTemplate.insert("metadata", metadata);
            return podTemplate;
        };
        const QRegularExpression rfc3339(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$"));
        QString ourTime, theirTime;
        QTRY_VERIFY_WITH_TIMEOUT(
            (withoutRestartedAt(templateOf(theirs), &theirTime), !theirTime.isEmpty()), 10000);
        const QJsonObject ourTemplate = withoutRestartedAt(templateOf(ours), &ourTime);
        const QJsonObject theirTemplate = withoutRestartedAt(templateOf(theirs), &theirTime);
        QVERIFY2(rfc3339.match(ourTime).hasMatch(), qPrintable(ourTime));
        QVERIFY2(rfc3339.match(theirTime).hasMatch(), qPrintable(theirTime));
        QCOMPARE(ourTemplate, theirTemplate);
        QCOMPARE(ourTemplate, before);
        QCOMPARE(restartedSets(ours), 1);
        QTRY_COMPARE_WITH_TIMEOUT(restartedSets(theirs), 1, 10000);

        const Run audit = run(kBinary, {"audit", "--json"});
        QVERIFY(audit.out.contains("cluster.restart"));

        // A paused deployment is refused with kubectl's words, and nothing is sent.
        const Run pause = run(kubectl, {"--server", ours.url().toString(), "-n", "kilo-guardian",
                                        "rollout", "pause", "deployment/kilo-cam"});
        QVERIFY2(pause.exitCode == 0, pause.err.constData());
        const Run refused = kiosk({"cluster", "restart", "kilo-cam"}, ours);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("can't restart paused deployment (run rollout resume first)"),
                 refused.err.constData());
        QCOMPARE(restartedSets(ours), 1);
    }

    void eventsAreKubectls() {
        const kiosk::test::Kubectl found = kiosk::test::findKubectl();
        if (found.path.isEmpty())
            QFAIL(qPrintable(found.error));
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
        // kilo-meds' own events (its ReplicaSets scaled), the same set kubectl selects.
        const Run ours =
            kiosk({"cluster", "events", "--for", "deployment/kilo-meds", "--json"}, server);
        QVERIFY2(ours.exitCode == 0, ours.err.constData());
        const QJsonArray events =
            QJsonDocument::fromJson(ours.out).object().value("events").toArray();
        const Run theirs = run(found.path, {"--server", server.url().toString(), "-n",
                                            "kilo-guardian", "get", "events", "--field-selector",
                                            "involvedObject.kind=Deployment,involvedObject.name="
                                            "kilo-meds",
                                            "-o", "json"});
        QVERIFY2(theirs.exitCode == 0, theirs.err.constData());
        const QJsonArray items =
            QJsonDocument::fromJson(theirs.out).object().value("items").toArray();
        QVERIFY(!items.isEmpty());
        QCOMPARE(events.size(), items.size());
        QString previous;
        for (const auto &e : events) {
            const QJsonObject o = e.toObject();
            QCOMPARE(o.value("object").toString(), QStringLiteral("Deployment/kilo-meds"));
            QVERIFY(!o.value("reason").toString().isEmpty());
            QVERIFY(o.value("count").toInt() >= 1);
            const QString last = o.value("last_seen").toString();
            QVERIFY(previous.isEmpty() || last <= previous); // newest first
            previous = last;
        }
        // The table, and a clear error for a bad --for.
        const Run table = kiosk({"cluster", "events"}, server);
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY(table.out.startsWith("LAST SEEN"));
        QVERIFY(table.out.contains("BackOff")); // the crash-looping kilo-meds pod
        const Run bad = kiosk({"cluster", "events", "--for", "kilo-meds"}, server);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("is not KIND/NAME"), bad.err.constData());
    }

    void logsFollowADeploymentAcrossAPodReplacement() {
        kiosk::sim::ApiServer server;
        QVERIFY(server.listen());
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), 15000);
        QProcess follow;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", m_home.path());
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("XDG_DATA_HOME", m_home.filePath("data"));
        env.remove("KUBECONFIG");
        follow.setProcessEnvironment(env);
        follow.start(kBinary, {"cluster", "logs", "deployment/kilo-cam", "--follow", "--server",
                               server.url().toString()});
        QByteArray out, err;
        const auto read = [&] {
            out += follow.readAllStandardOutput();
            err += follow.readAllStandardError();
        };
        const QByteArray startup = "Uvicorn running on http://0.0.0.0:9002";
        QTRY_VERIFY_WITH_TIMEOUT((read(), out.count(startup) == 1), 20000);
        QVERIFY2(err.contains("kilo-kiosk: reading pod kilo-cam-"), err.constData());

        // The pod is replaced (a restart); the follower moves to the new one by itself.
        const Run restarted = kiosk({"cluster", "restart", "kilo-cam"}, server);
        QVERIFY2(restarted.exitCode == 0, restarted.err.constData());
        // Every pod followed shows its start-up once: no line is shown twice.
        QTRY_VERIFY_WITH_TIMEOUT(
            (read(), out.count(startup) >= 2 &&
                         out.count(startup) == err.count("kilo-kiosk: reading pod kilo-cam-")),
            30000);
        QCOMPARE(out.count("Started server process"), out.count(startup));
        QVERIFY(follow.state() == QProcess::Running); // still following
        follow.kill();
        follow.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestClusterActions)
#include "tst_cluster_actions.moc"
