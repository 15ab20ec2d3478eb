#include "k8s/deployment_health.h"
#include "k8s/label_selector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kiosk::k8s;

namespace {

QJsonObject fixture(const QString &relative) {
    QFile f(QStringLiteral(KIOSK_K8S_FIXTURES "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject json(const char *text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test json: %s in %s", qPrintable(error.errorString()), text);
    return doc.object();
}

// A kilo-style deployment: app=<name>, one container, replicas and status given.
QJsonObject
deployment(const QString &name, int replicas, int generation, int observed, int updated,
           int current, int ready, int available,
           const QString &progressingReason = QStringLiteral("NewReplicaSetAvailable")) {
    QJsonObject d = json(R"({"apiVersion":"apps/v1","kind":"Deployment",
        "metadata":{"annotations":{"deployment.kubernetes.io/revision":"4"}},
        "spec":{"revisionHistoryLimit":10,"selector":{"matchLabels":{}},
          "template":{"metadata":{"labels":{}},"spec":{"containers":[{"name":"svc","image":"img:1"}]}}},
        "status":{}})");
    QJsonObject meta = d["metadata"].toObject();
    meta["name"] = name;
    meta["generation"] = generation;
    d["metadata"] = meta;
    QJsonObject spec = d["spec"].toObject();
    spec["replicas"] = replicas;
    spec["selector"] = QJsonObject{{"matchLabels", QJsonObject{{"app", name}}}};
    d["spec"] = spec;
    QJsonObject status{{"observedGeneration", observed},
                       {"updatedReplicas", updated},
                       {"replicas", current},
                       {"readyReplicas", ready},
                       {"availableReplicas", available}};
    QJsonArray conditions;
    conditions.append(
        QJsonObject{{"type", "Available"}, {"status", available >= replicas ? "True" : "False"}});
    conditions.append(
        QJsonObject{{"type", "Progressing"},
                    {"status", progressingReason == "ProgressDeadlineExceeded" ? "False" : "True"},
                    {"reason", progressingReason},
                    {"message", "ReplicaSet \"" + name + "-abc\" " + progressingReason}});
    status["conditions"] = conditions;
    d["status"] = status;
    return d;
}

QJsonObject pod(const QString &app, const QString &name, const char *containerState, bool ready) {
    QJsonObject p = json(
        R"({"kind":"Pod","metadata":{"labels":{}},"spec":{"containers":[{"name":"svc"}]},"status":{"phase":"Running"}})");
    QJsonObject meta = p["metadata"].toObject();
    meta["name"] = name;
    meta["labels"] = QJsonObject{{"app", app}};
    p["metadata"] = meta;
    QJsonObject status = p["status"].toObject();
    status["containerStatuses"] =
        QJsonArray{QJsonObject{{"name", "svc"}, {"ready", ready}, {"state", json(containerState)}}};
    p["status"] = status;
    return p;
}

} // namespace

class TestDeploymentHealth : public QObject {
    Q_OBJECT

private slots:
    void fixtureK9s() {
        const DeploymentHealth h = deploymentHealth(fixture("k9s/render/dp.json"));
        QCOMPARE(h.name, QStringLiteral("icx-db"));
        QCOMPARE(h.desired, 1);
        QCOMPARE(h.ready, 1);
        QCOMPARE(h.available, 1);
        QCOMPARE(h.updated, 1);
        QCOMPARE(h.readyText, QStringLiteral("1/1"));
        QCOMPARE(h.images, QStringList{"postgres:9.2-alpine"});
        QCOMPARE(h.containers, QStringList{"icx-db"});
        QCOMPARE(h.revision, 1);
        QCOMPARE(h.revisionHistoryLimit, 2);
        QCOMPARE(h.progressingReason, QStringLiteral("NewReplicaSetAvailable"));
        QCOMPARE(h.availableStatus, QStringLiteral("True"));
        QVERIFY(!h.paused);
        QVERIFY(h.observed);
        QVERIFY(!h.progressDeadlineExceeded);
        QVERIFY(h.healthy);
        QCOMPARE(h.reason, QStringLiteral("1/1 available"));
        const RolloutStatus r = rolloutStatus(fixture("k9s/render/dp.json"));
        QCOMPARE(r.message, QStringLiteral("deployment \"icx-db\" successfully rolled out"));
        QVERIFY(r.done);
        QVERIFY(!r.failed);
    }

    void fixtureKubectl() {
        const QJsonObject got = fixture("kubectl/deployment-nginx-status-get.json");
        QVERIFY(deploymentHealth(got).healthy);
        QCOMPARE(deploymentHealth(got).readyText, QStringLiteral("3/3"));
        QCOMPARE(rolloutStatus(got).message,
                 QStringLiteral("deployment \"nginx\" successfully rolled out"));
        // The patched status says 4 replicas, 3 updated: kubectl waits for the old one.
        const QJsonObject patched = fixture("kubectl/deployment-nginx-status-patched.json");
        const RolloutStatus r = rolloutStatus(patched);
        QCOMPARE(r.message, QStringLiteral("Waiting for deployment \"nginx\" rollout to finish: 1 "
                                           "old replicas are pending termination..."));
        QVERIFY(!r.done);
        QVERIFY(!r.failed);
        const DeploymentHealth h = deploymentHealth(patched);
        QVERIFY(h.healthy);
        QCOMPARE(h.reason, QStringLiteral("3/3 available, 1 old replicas pending termination"));
        QVERIFY(deploymentHealth(fixture("k9s/xray/dp.json")).healthy);
    }

    void rollout_data() {
        QTest::addColumn<QJsonObject>("deployment");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("done");
        QTest::addColumn<bool>("failed");
        QTest::newRow("not observed")
            << deployment("web", 3, 5, 4, 3, 3, 3, 3)
            << "Waiting for deployment spec update to be observed..." << false << false;
        QTest::newRow("deadline exceeded")
            << deployment("web", 3, 5, 5, 1, 4, 3, 3, "ProgressDeadlineExceeded")
            << "deployment \"web\" exceeded its progress deadline" << false << true;
        QTest::newRow("updated < desired")
            << deployment("web", 3, 5, 5, 1, 4, 3, 3, "ReplicaSetUpdated")
            << "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have "
               "been updated..."
            << false << false;
        QTest::newRow("old pending") << deployment("web", 3, 5, 5, 3, 5, 3, 3, "ReplicaSetUpdated")
                                     << "Waiting for deployment \"web\" rollout to finish: 2 old "
                                        "replicas are pending termination..."
                                     << false << false;
        QTest::newRow("available < updated")
            << deployment("web", 3, 5, 5, 3, 3, 2, 2, "ReplicaSetUpdated")
            << "Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are "
               "available..."
            << false << false;
        QTest::newRow("done") << deployment("web", 3, 5, 5, 3, 3, 3, 3)
                              << "deployment \"web\" successfully rolled out" << true << false;
        QTest::newRow("scaled to zero")
            << deployment("web", 0, 2, 2, 0, 0, 0, 0)
            << "deployment \"web\" successfully rolled out" << true << false;
        QJsonObject noReplicas = deployment("web", 3, 5, 5, 0, 0, 0, 0);
        QJsonObject spec = noReplicas["spec"].toObject();
        spec.remove("replicas");
        noReplicas["spec"] = spec;
        // Without spec.replicas kubectl skips the "new replicas updated" step.
        QTest::newRow("no spec.replicas")
            << noReplicas << "deployment \"web\" successfully rolled out" << true << false;
    }

    void rollout() {
        QFETCH(QJsonObject, deployment);
        QFETCH(QString, message);
        QFETCH(bool, done);
        QFETCH(bool, failed);
        const RolloutStatus r = rolloutStatus(deployment);
        QCOMPARE(r.message, message);
        QCOMPARE(r.done, done);
        QCOMPARE(r.failed, failed);
    }

    // The cases of kubectl's TestDeploymentStatusViewerStatus (rollout_status_test.go), as JSON.
    void kubectlStatusViewerCases_data() {
        QTest::addColumn<QByteArray>("deployment");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("done");
        QTest::newRow("test1") << QByteArray(R"({"metadata":{"name":"foo"},"spec":{"replicas":1},
            "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":0,"availableReplicas":1}})")
                               << "Waiting for deployment \"foo\" rollout to finish: 0 out of 1 "
                                  "new replicas have been updated..."
                               << false;
        QTest::newRow("test2")
            << QByteArray(R"({"metadata":{"name":"foo","generation":1},"spec":{"replicas":1},
            "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":1,"availableReplicas":2}})")
            << "Waiting for deployment \"foo\" rollout to finish: 1 old replicas are pending "
               "termination..."
            << false;
        QTest::newRow("test3")
            << QByteArray(R"({"metadata":{"name":"foo","generation":1},"spec":{"replicas":2},
            "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":2,"availableReplicas":1,"unavailableReplicas":1}})")
            << "Waiting for deployment \"foo\" rollout to finish: 1 of 2 updated replicas are "
               "available..."
            << false;
        QTest::newRow("test4")
            << QByteArray(R"({"metadata":{"name":"foo","generation":1},"spec":{"replicas":2},
            "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":2,"availableReplicas":2}})")
            << "deployment \"foo\" successfully rolled out" << true;
        QTest::newRow("test5")
            << QByteArray(R"({"metadata":{"name":"foo","generation":2},"spec":{"replicas":2},
            "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":2,"availableReplicas":2}})")
            << "Waiting for deployment spec update to be observed..." << false;
    }

    void kubectlStatusViewerCases() {
        QFETCH(QByteArray, deployment);
        QFETCH(QString, message);
        QFETCH(bool, done);
        const RolloutStatus r = rolloutStatus(json(deployment.constData()));
        QCOMPARE(r.message, message);
        QCOMPARE(r.done, done);
        QVERIFY(!r.failed);
    }

    void rolloutRevision() {
        const QJsonObject d = deployment("web", 1, 2, 2, 1, 1, 1, 1);
        QVERIFY(rolloutStatus(d, 4).done);
        const RolloutStatus r = rolloutStatus(d, 3);
        QVERIFY(r.failed);
        QCOMPARE(r.message,
                 QStringLiteral("desired revision (3) is different from the running revision (4)"));
    }

    void rolloutWarnings() {
        const QJsonObject d = deployment("kilo-meds", 1, 3, 3, 1, 1, 0, 0, "ReplicaSetUpdated");
        const QList<QJsonObject> pods{
            pod("kilo-frontend", "kilo-frontend-1",
                R"({"waiting":{"reason":"CrashLoopBackOff","message":"not mine"}})", false),
            pod("kilo-meds", "kilo-meds-1",
                R"({"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s"}})", false)};
        QCOMPARE(rolloutStatus(d, 0, pods).message,
                 QStringLiteral("Waiting for deployment \"kilo-meds\" rollout to finish: 0 of 1 "
                                "updated replicas are "
                                "available... (Warning: CrashLoopBackOff - back-off 5m0s)"));
        QJsonObject unschedulable =
            pod("kilo-meds", "kilo-meds-2", R"({"waiting":{"reason":"ContainerCreating"}})", false);
        QJsonObject status = unschedulable["status"].toObject();
        status["conditions"] = QJsonArray{QJsonObject{{"type", "PodScheduled"},
                                                      {"status", "False"},
                                                      {"reason", "Unschedulable"},
                                                      {"message", "0/1 nodes are available"}}};
        unschedulable["status"] = status;
        QCOMPARE(rolloutStatus(d, 0, {unschedulable}).message,
                 QStringLiteral("Waiting for deployment \"kilo-meds\" rollout to finish: 0 of 1 "
                                "updated replicas are "
                                "available... (Warning: 0/1 nodes are available)"));
        // ContainerCreating alone is no warning.
        QVERIFY(!rolloutStatus(d, 0,
                               {pod("kilo-meds", "x",
                                    R"({"waiting":{"reason":"ContainerCreating"}})", false)})
                     .message.contains("Warning"));
        // A finished rollout never carries a warning.
        QCOMPARE(rolloutStatus(deployment("kilo-meds", 1, 3, 3, 1, 1, 1, 1), 0, pods).message,
                 QStringLiteral("deployment \"kilo-meds\" successfully rolled out"));
    }

    void health() {
        // kilo-meds in the incident: new ReplicaSet's pod crash-loops, nothing available.
        const QJsonObject meds = deployment("kilo-meds", 1, 3, 3, 1, 1, 0, 0, "ReplicaSetUpdated");
        const QList<QJsonObject> pods{pod("kilo-meds", "kilo-meds-7c9d-x",
                                          R"({"waiting":{"reason":"CrashLoopBackOff"}})", false),
                                      pod("kilo-cam", "kilo-cam-1", R"({"running":{}})", true)};
        DeploymentHealth h = deploymentHealth(meds, pods);
        QVERIFY(!h.healthy);
        QCOMPARE(h.failingPods, QStringList{"kilo-meds-7c9d-x CrashLoopBackOff"});
        QCOMPARE(h.reason, QStringLiteral("0/1 available (kilo-meds-7c9d-x CrashLoopBackOff)"));
        QCOMPARE(deploymentHealth(meds).reason, QStringLiteral("0/1 available"));
        // The batch form gives the same verdicts.
        const QList<DeploymentHealth> batch =
            deploymentHealths({meds, deployment("kilo-cam", 1, 2, 2, 1, 1, 1, 1)}, pods);
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch.at(0).reason, h.reason);
        QVERIFY(batch.at(1).healthy);
        QCOMPARE(batch.at(1).name, QStringLiteral("kilo-cam"));

        h = deploymentHealth(
            deployment("kilo-meds", 1, 3, 3, 1, 1, 0, 0, "ProgressDeadlineExceeded"), pods);
        QVERIFY(!h.healthy);
        QVERIFY(h.progressDeadlineExceeded);
        QCOMPARE(
            h.reason,
            QStringLiteral(
                "progress deadline exceeded, 0/1 available (kilo-meds-7c9d-x CrashLoopBackOff)"));

        // Old pod still serves (maxUnavailable 0) while the new one crash-loops: not healthy.
        h = deploymentHealth(deployment("kilo-meds", 1, 3, 3, 1, 2, 1, 1, "ReplicaSetUpdated"),
                             pods);
        QVERIFY(!h.healthy);
        QCOMPARE(h.reason, QStringLiteral("1/1 available, but kilo-meds-7c9d-x CrashLoopBackOff"));

        // An evicted pod left behind (phase Failed) does not make an available deployment
        // unhealthy.
        QJsonObject evicted = pod("kilo-cam", "kilo-cam-old",
                                  R"({"terminated":{"exitCode":137,"reason":"Error"}})", false);
        QJsonObject evictedStatus = evicted["status"].toObject();
        evictedStatus["phase"] = "Failed";
        evictedStatus["reason"] = "Evicted";
        evicted["status"] = evictedStatus;
        h = deploymentHealth(deployment("kilo-cam", 1, 2, 2, 1, 1, 1, 1), {evicted, pods.at(1)});
        QVERIFY(h.healthy);
        QVERIFY(h.failingPods.isEmpty());

        h = deploymentHealth(deployment("web", 3, 5, 5, 1, 4, 3, 3, "ReplicaSetUpdated"));
        QVERIFY(h.healthy);
        QCOMPARE(h.reason, QStringLiteral("3/3 available, rolling out: 1 of 3 updated"));

        h = deploymentHealth(deployment("web", 3, 6, 5, 3, 3, 3, 3));
        QVERIFY(h.healthy);
        QVERIFY(!h.observed);
        QCOMPARE(h.reason, QStringLiteral("3/3 available, update not yet observed"));

        QJsonObject paused = deployment("web", 2, 5, 5, 2, 2, 2, 2);
        QJsonObject spec = paused["spec"].toObject();
        spec["paused"] = true;
        spec.remove("revisionHistoryLimit");
        paused["spec"] = spec;
        h = deploymentHealth(paused);
        QVERIFY(h.paused);
        QVERIFY(h.healthy);
        QCOMPARE(h.revisionHistoryLimit, -1);
        QCOMPARE(h.reason, QStringLiteral("2/2 available, paused"));

        h = deploymentHealth(deployment("web", 0, 5, 5, 0, 0, 0, 0));
        QVERIFY(h.healthy);
        QCOMPARE(h.reason, QStringLiteral("scaled to 0"));

        QJsonObject quota = deployment("web", 2, 5, 5, 0, 0, 0, 0, "ReplicaSetUpdated");
        QJsonObject status = quota["status"].toObject();
        QJsonArray conditions = status["conditions"].toArray();
        conditions.append(QJsonObject{
            {"type", "ReplicaFailure"}, {"status", "True"}, {"message", "exceeded quota: pods"}});
        status["conditions"] = conditions;
        quota["status"] = status;
        h = deploymentHealth(quota);
        QVERIFY(!h.healthy);
        QVERIFY(h.replicaFailure);
        QCOMPARE(h.reason, QStringLiteral("replica failure: exceeded quota: pods"));
    }

    void failingStatuses() {
        for (const char *s : {"CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "Error",
                              "Init:CrashLoopBackOff", "Init:Error", "ExitCode:1", "Signal:9",
                              "Init:ExitCode:2", "OOMKilled", "Unknown"})
            QVERIFY2(isFailingPodStatus(QString::fromLatin1(s)), s);
        for (const char *s : {"Running", "Completed", "Pending", "ContainerCreating", "Init:0/2",
                              "Terminating", "PodInitializing", "NotReady", "SchedulingGated"})
            QVERIFY2(!isFailingPodStatus(QString::fromLatin1(s)), s);
    }

    void selectors() {
        const QJsonObject labels{{"app", "web"}, {"tier", "front"}};
        QVERIFY(selectorMatches(json(R"({"matchLabels":{"app":"web"}})"), labels));
        QVERIFY(!selectorMatches(json(R"({"matchLabels":{"app":"api"}})"), labels));
        QVERIFY(!selectorMatches(json(R"({"matchLabels":{"app":"web","x":"y"}})"), labels));
        QVERIFY(!selectorMatches(QJsonObject(), labels));
        QVERIFY(selectorMatches(
            json(
                R"({"matchExpressions":[{"key":"tier","operator":"In","values":["front","back"]}]})"),
            labels));
        QVERIFY(!selectorMatches(
            json(R"({"matchExpressions":[{"key":"tier","operator":"NotIn","values":["front"]}]})"),
            labels));
        QVERIFY(selectorMatches(
            json(R"({"matchExpressions":[{"key":"env","operator":"NotIn","values":["prod"]}]})"),
            labels));
        QVERIFY(selectorMatches(json(R"({"matchExpressions":[{"key":"app","operator":"Exists"}]})"),
                                labels));
        QVERIFY(!selectorMatches(
            json(R"({"matchExpressions":[{"key":"app","operator":"DoesNotExist"}]})"), labels));
        QVERIFY(!selectorMatches(
            json(
                R"({"matchLabels":{"app":"web"},"matchExpressions":[{"key":"env","operator":"Exists"}]})"),
            labels));
        QCOMPARE(selectedBy(fixture("k9s/render/dp.json"),
                            {fixture("k9s/render/rs.json"), fixture("k9s/render/po.json")})
                     .size(),
                 1);
    }

    void labelIndexSelectsLikeSelectedBy() {
        QList<QJsonObject> pods;
        for (int i = 0; i < 30; ++i) {
            QJsonObject p{
                {"metadata",
                 QJsonObject{{"name", QStringLiteral("p%1").arg(i)},
                             {"labels", QJsonObject{{"app", QStringLiteral("a%1").arg(i % 3)},
                                                    {"tier", i % 2 ? "front" : "back"}}}}}};
            pods << p;
        }
        pods << QJsonObject{{"metadata", QJsonObject{{"name", "nolabels"}}}};
        const LabelIndex index(pods);
        const QList<QJsonObject> selectors{
            json(R"({"matchLabels":{"app":"a1"}})"),
            json(R"({"matchLabels":{"app":"a1","tier":"front"}})"),
            json(R"({"matchLabels":{"app":"zzz"}})"),
            json(R"({"matchExpressions":[{"key":"tier","operator":"In","values":["back"]}]})"),
            json(
                R"({"matchLabels":{"tier":"back"},"matchExpressions":[{"key":"app","operator":"NotIn","values":["a0"]}]})"),
            QJsonObject()};
        for (const QJsonObject &selector : selectors) {
            const QJsonObject workload{{"spec", QJsonObject{{"selector", selector}}}};
            QCOMPARE(index.selectedBy(workload), selectedBy(workload, pods));
        }
        QCOMPARE(index.selectedBy(QJsonObject{{"spec", QJsonObject{{"selector", selectors.at(1)}}}})
                     .size(),
                 5);
    }
};

QTEST_APPLESS_MAIN(TestDeploymentHealth)
#include "tst_deployment_health.moc"
