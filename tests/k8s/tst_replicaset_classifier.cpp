#include "cluster_state_builder.h"

#include "k8s/replicaset_classifier.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace kiosk::k8s;
using namespace testk8s;

namespace {

QJsonObject fixture(const QString &relative) {
    QFile f(QStringLiteral(KIOSK_K8S_FIXTURES "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject rs(const QString &deployment, qint64 revision, const QString &image, int replicas = 0) {
    ReplicaSetSpec s;
    s.deployment = deployment;
    s.revision = revision;
    s.image = image;
    s.replicas = replicas;
    return replicaSet(s);
}

QJsonObject dep(const QString &name, qint64 revision, const QString &image, int historyLimit = 10) {
    DeploymentSpec s;
    s.name = name;
    s.revision = revision;
    s.image = image;
    s.historyLimit = historyLimit;
    return deployment(s);
}

} // namespace

class TestReplicaSetClassifier : public QObject {
    Q_OBJECT

private slots:
    void kiloGuardianScenario() {
        const ClusterState state = kiloGuardian();
        QCOMPARE(state.deployments.size(), 14);
        QCOMPARE(state.replicaSets.size(), 78);
        const ReplicaSetClassification c =
            classifyReplicaSets(state.deployments, state.replicaSets);
        QCOMPARE(c.total, 78);
        QCOMPARE(c.current, 14);
        QCOMPARE(c.old, 63);
        QCOMPARE(c.stale, 64); // 63 old with 0 replicas + the orphan with 0 replicas
        QCOMPARE(c.orphaned, 1);
        QCOMPARE(c.foreign, 0);
        QCOMPARE(c.ofKind(ReplicaSetClass::Stale).size(), 63);
        QCOMPARE(c.ofKind(ReplicaSetClass::Orphaned).first().name.left(12),
                 QStringLiteral("kilo-legacy-"));
        QVERIFY(c.ofKind(ReplicaSetClass::Orphaned).first().stale);

        const DeploymentReplicaSets *meds = c.forDeployment("kilo-meds");
        QVERIFY(meds);
        QCOMPARE(meds->stale, 7);
        QCOMPARE(meds->old, 7);
        QCOMPARE(meds->owned, 8);
        QCOMPARE(meds->current, 1);
        QCOMPARE(meds->templateMatches, 1);
        QCOMPARE(meds->currentRevision, 8);
        QCOMPARE(meds->revisionHistoryLimit, 10);
        const QList<ReplicaSetInfo> owned = c.ownedBy("kilo-meds");
        QCOMPARE(owned.size(), 8);
        QCOMPARE(owned.at(0).kind, ReplicaSetClass::Current);
        QCOMPARE(owned.at(0).images, QStringList{"kilo-meds:ai-brain-ocr-v2"});
        QCOMPARE(owned.at(0).name, meds->currentName);
        QCOMPARE(owned.at(1).revision, 7);
        QCOMPARE(owned.at(1).images, QStringList{"kilo-meds:cb1"});
        QCOMPARE(owned.at(1).kind, ReplicaSetClass::Stale);
        QCOMPARE(owned.last().revision, 1);

        const QList<QPair<QString, int>> expected{
            {"kilo-frontend", 10},    {"kilo-financial", 8}, {"kilo-cam", 7},
            {"kilo-gateway", 5},      {"kilo-habits", 4},    {"kilo-reminder", 4},
            {"kilo-library", 3},      {"kilo-ml-engine", 3}, {"kilo-ollama", 3},
            {"kilo-usb-transfer", 3}, {"kilo-voice", 3},     {"kilo-ai-brain", 2},
            {"kilo-socketio", 1}};
        for (const auto &[name, count] : expected) {
            QVERIFY2(c.forDeployment(name), qPrintable(name));
            QCOMPARE(c.forDeployment(name)->stale, count);
            QCOMPARE(c.forDeployment(name)->current, 1);
        }
        QVERIFY(!c.forDeployment("kilo-nothing"));
    }

    void fixturesK9s() {
        // k9s' icx-db deployment and its ReplicaSet (controller uid matches): current.
        const ReplicaSetClassification c =
            classifyReplicaSets({fixture("k9s/render/dp.json")},
                                {fixture("k9s/render/rs.json"), fixture("k9s/xray/rs.json")});
        QCOMPARE(c.replicaSets.at(0).kind, ReplicaSetClass::Current);
        QCOMPARE(c.replicaSets.at(0).deployment, QStringLiteral("icx-db"));
        QCOMPARE(c.replicaSets.at(0).revision, 1);
        QVERIFY(c.replicaSets.at(0).hasRevision);
        // xray's ReplicaSet belongs to a deployment "nginx-pv" that is not in the list.
        QCOMPARE(c.replicaSets.at(1).kind, ReplicaSetClass::Orphaned);
        QCOMPARE(c.replicaSets.at(1).ownerName, QStringLiteral("nginx-pv"));
        QVERIFY(!c.replicaSets.at(1).stale); // it has 1 replica
        QCOMPARE(c.orphaned, 1);
        QCOMPARE(c.stale, 0);
        // Same name, other uid (deployment deleted and re-created): not owned.
        const ReplicaSetClassification x =
            classifyReplicaSets({fixture("k9s/xray/dp.json")}, {fixture("k9s/xray/rs.json")});
        QCOMPARE(x.replicaSets.at(0).kind, ReplicaSetClass::Orphaned);
        QCOMPARE(x.forDeployment("nginx")->current, 0);
    }

    void oldWithReplicasIsNotStale() {
        const ReplicaSetClassification c = classifyReplicaSets(
            {dep("web", 3, "web:3")},
            {rs("web", 1, "web:1"), rs("web", 2, "web:2", 1), rs("web", 3, "web:3", 1)});
        QCOMPARE(c.replicaSets.at(0).kind, ReplicaSetClass::Stale);
        QCOMPARE(c.replicaSets.at(1).kind, ReplicaSetClass::Old);
        QVERIFY(!c.replicaSets.at(1).stale);
        QCOMPARE(c.replicaSets.at(2).kind, ReplicaSetClass::Current);
        QCOMPARE(c.forDeployment("web")->old, 2);
        QCOMPARE(c.forDeployment("web")->stale, 1);
        QCOMPARE(c.stale, 1);
    }

    void statusReplicasKeepItOld() {
        ReplicaSetSpec s;
        s.deployment = "web";
        s.revision = 1;
        s.image = "web:1";
        s.replicas = 0;
        s.statusReplicas = 1; // scaling down, pod not gone yet
        const ReplicaSetClassification c = classifyReplicaSets(
            {dep("web", 2, "web:2")}, {replicaSet(s), rs("web", 2, "web:2", 1)});
        QCOMPARE(c.replicaSets.at(0).kind, ReplicaSetClass::Old);
        QCOMPARE(c.replicaSets.at(0).statusReplicas, 1);
    }

    void highestMatchingRevisionIsCurrent() {
        // Two ReplicaSets with the deployment's template (kubernetes#40415): the newer revision
        // wins.
        const ReplicaSetClassification c = classifyReplicaSets(
            {dep("web", 4, "web:a")},
            {rs("web", 2, "web:a"), rs("web", 4, "web:a", 1), rs("web", 3, "web:b")});
        QCOMPARE(c.replicaSets.at(1).kind, ReplicaSetClass::Current);
        QCOMPARE(c.replicaSets.at(0).kind, ReplicaSetClass::Stale);
        QCOMPARE(c.forDeployment("web")->templateMatches, 2);
        QCOMPARE(c.forDeployment("web")->current, 1);
    }

    void templateIgnoresHashAndNulls() {
        // The deployment template has "creationTimestamp": null and no hash label; the
        // ReplicaSet's has the hash label. Still the same template.
        QJsonObject d = dep("web", 1, "web:1");
        QJsonObject r = rs("web", 1, "web:1", 1);
        QJsonObject spec = r["spec"].toObject();
        QJsonObject tmpl = spec["template"].toObject();
        QJsonObject meta = tmpl["metadata"].toObject();
        meta.remove("creationTimestamp");
        meta["annotations"] = QJsonObject();
        tmpl["metadata"] = meta;
        spec["template"] = tmpl;
        r["spec"] = spec;
        QCOMPARE(classifyReplicaSets({d}, {r}).replicaSets.at(0).kind, ReplicaSetClass::Current);
    }

    void fallbackToRevisionAnnotation() {
        // The deployment's template changed but the controller has not made the new one yet.
        const ReplicaSetClassification c = classifyReplicaSets(
            {dep("web", 2, "web:3")}, {rs("web", 1, "web:1"), rs("web", 2, "web:2", 1)});
        QCOMPARE(c.replicaSets.at(1).kind, ReplicaSetClass::Current);
        QCOMPARE(c.forDeployment("web")->templateMatches, 0);
        // Neither template nor revision: no current one.
        const ReplicaSetClassification none =
            classifyReplicaSets({dep("web", 7, "web:7")}, {rs("web", 1, "web:1")});
        QCOMPARE(none.replicaSets.at(0).kind, ReplicaSetClass::Stale);
        QCOMPARE(none.forDeployment("web")->current, 0);
        QCOMPARE(none.current, 0);
    }

    void foreignAndOrphans() {
        ReplicaSetSpec rollout;
        rollout.deployment = "canary";
        rollout.ownerKind = "Rollout";
        rollout.revision = 1;
        rollout.image = "canary:1";
        ReplicaSetSpec noOwner;
        noOwner.labelApp = "old-thing";
        noOwner.revision = 1;
        noOwner.image = "old:1";
        noOwner.replicas = 2;
        ReplicaSetSpec gone; // owner deployment no longer exists
        gone.deployment = "removed";
        gone.revision = 5;
        gone.image = "removed:5";
        const ReplicaSetClassification c = classifyReplicaSets(
            {dep("web", 1, "web:1")},
            {replicaSet(rollout), replicaSet(noOwner), replicaSet(gone), rs("web", 1, "web:1", 1)});
        QCOMPARE(c.replicaSets.at(0).kind, ReplicaSetClass::Foreign);
        QVERIFY(!c.replicaSets.at(0).stale);
        QCOMPARE(c.replicaSets.at(1).kind, ReplicaSetClass::Orphaned);
        QVERIFY(!c.replicaSets.at(1).stale);
        QCOMPARE(c.replicaSets.at(2).kind, ReplicaSetClass::Orphaned);
        QVERIFY(c.replicaSets.at(2).stale);
        QCOMPARE(c.replicaSets.at(2).ownerName, QStringLiteral("removed"));
        QCOMPARE(c.foreign, 1);
        QCOMPARE(c.orphaned, 2);
        QCOMPARE(c.stale, 1);
        QCOMPARE(c.current, 1);
        QCOMPARE(c.total, 4);
        QCOMPARE(replicaSetClassName(ReplicaSetClass::Foreign), QStringLiteral("foreign"));
        QCOMPARE(replicaSetClassName(ReplicaSetClass::Stale), QStringLiteral("stale"));
    }

    void factsAreRead() {
        ReplicaSetSpec s;
        s.deployment = "web";
        s.revision = 1;
        s.image = "web:1";
        s.beingDeleted = true;
        s.generationAhead = true;
        const ReplicaSetClassification c =
            classifyReplicaSets({dep("web", 2, "web:2")}, {replicaSet(s)});
        const ReplicaSetInfo &info = c.replicaSets.at(0);
        QVERIFY(info.beingDeleted);
        QVERIFY(info.generationAhead);
        QVERIFY(!info.uid.isEmpty());
        QCOMPARE(info.resourceVersion, QStringLiteral("1001"));
        QCOMPARE(info.created, kBase.addDays(1));
        QCOMPARE(info.deployment, QStringLiteral("web"));
    }

    void missingRevisionReadsZero() {
        QJsonObject r = rs("web", 1, "web:1");
        QJsonObject meta = r["metadata"].toObject();
        meta["annotations"] = QJsonObject{{"deployment.kubernetes.io/revision", "x"}};
        r["metadata"] = meta;
        const ReplicaSetClassification c = classifyReplicaSets({dep("web", 2, "web:2")}, {r});
        QCOMPARE(c.replicaSets.at(0).revision, 0);
        QVERIFY(!c.replicaSets.at(0).hasRevision);
    }
};

QTEST_APPLESS_MAIN(TestReplicaSetClassifier)
#include "tst_replicaset_classifier.moc"
