#include "cluster_state_builder.h"

#include "k8s/cleanup_planner.h"
#include "k8s/health_checklist.h"
#include "k8s/replicaset_classifier.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace kiosk::k8s;
using namespace testk8s;

namespace {

CleanupOptions opts(int keep, bool orphans = false) {
    CleanupOptions o;
    o.keep = keep;
    o.includeOrphans = orphans;
    return o;
}

// Carry out a plan on the state, as the API server would: deletes and limit patches.
void execute(ClusterState &state, const CleanupPlan &plan) {
    QStringList names;
    for (const PlannedDelete &d : plan.deletes)
        names << d.name;
    state.removeReplicaSets(names);
    for (const PlannedPatch &p : plan.patches)
        state.setHistoryLimit(p.deployment, p.to);
}

int deletesFor(const CleanupPlan &plan, const QString &deployment) {
    int n = 0;
    for (const PlannedDelete &d : plan.deletes)
        n += d.deployment == deployment ? 1 : 0;
    return n;
}

QString keptWhy(const CleanupPlan &plan, const QString &name) {
    for (const KeptEntry &k : plan.kept)
        if (k.name == name)
            return k.why;
    return QStringLiteral("<not kept>");
}

QList<qint64> deletedRevisions(const CleanupPlan &plan) {
    QList<qint64> r;
    for (const PlannedDelete &d : plan.deletes)
        r << d.revision;
    std::sort(r.begin(), r.end());
    return r;
}

QJsonObject rsWith(const QString &deployment, qint64 revision,
                   const std::function<void(ReplicaSetSpec &)> &tweak = {}) {
    ReplicaSetSpec s;
    s.deployment = deployment;
    s.revision = revision;
    s.image = QStringLiteral("%1:r%2").arg(deployment).arg(revision);
    if (tweak)
        tweak(s);
    return replicaSet(s);
}

QString nameOf(const QJsonObject &o) {
    return o["metadata"].toObject()["name"].toString();
}

} // namespace

class TestCleanupPlanner : public QObject {
    Q_OBJECT

private slots:
    void kiloGuardianIssueFigures() {
        ClusterState state = kiloGuardian();

        // Dry run, --keep 3 (default).
        const CleanupPlan dry = planCleanup(state.deployments, state.replicaSets, state.pods);
        QCOMPARE(dry.options.keep, 3);
        QCOMPARE(dry.deletes.size(), 24);
        QCOMPARE(dry.patches.size(), 14);
        QCOMPARE(dry.orphans.size(), 1);
        QVERIFY(!dry.orphans.first().willDelete);
        QCOMPARE(dry.replicaSetsBefore, 78);
        QCOMPARE(dry.replicaSetsAfter, 54);
        const QList<QPair<QString, int>> perDeployment{
            {"kilo-frontend", 7}, {"kilo-financial", 5},    {"kilo-meds", 4},
            {"kilo-cam", 4},      {"kilo-gateway", 2},      {"kilo-habits", 1},
            {"kilo-reminder", 1}, {"kilo-library", 0},      {"kilo-ml-engine", 0},
            {"kilo-ollama", 0},   {"kilo-usb-transfer", 0}, {"kilo-voice", 0},
            {"kilo-ai-brain", 0}, {"kilo-socketio", 0}};
        for (const auto &[name, n] : perDeployment)
            QCOMPARE(deletesFor(dry, name), n);
        for (const PlannedPatch &p : dry.patches) {
            QCOMPARE(p.from, 10);
            QCOMPARE(p.to, 3);
        }
        for (const PlannedDelete &d : dry.deletes) {
            QVERIFY(!d.uid.isEmpty());
            QVERIFY(!d.resourceVersion.isEmpty());
            QVERIFY(!d.orphan);
            QVERIFY(d.revision >= 1 && d.revision <= 7);
        }
        // kilo-meds is unhealthy; its rollback target (revision 7, kilo-meds:cb1) is among the 3
        // kept.
        const DeploymentCleanup *meds = nullptr;
        for (const DeploymentCleanup &d : dry.deployments)
            if (d.deployment == "kilo-meds")
                meds = &d;
        QVERIFY(meds);
        QVERIFY(!meds->healthy);
        QCOMPARE(meds->rollbackRevision, 7);
        QCOMPARE(meds->deleting, 4);
        QCOMPARE(meds->keeping, 4);
        QCOMPARE(meds->owned, 8);
        QCOMPARE(meds->historyTo, 3);
        QVERIFY(keptWhy(dry, meds->rollbackReplicaSet).contains("rollback target"));
        const QStringList lines = dry.summaryLines();
        QCOMPARE(lines.size(), 16); // 14 deployments (all patched), orphans, totals
        QVERIFY(lines.contains("kilo-meds: delete 4 old ReplicaSets (revisions 1-4), keep 4 "
                               "(rollback target revision 7 "
                               "kept); revisionHistoryLimit 10 -> 3"));
        QVERIFY(lines.contains("kilo-socketio: keep 2; revisionHistoryLimit 10 -> 3"));
        QVERIFY(lines.contains("kilo-habits: delete 1 old ReplicaSet (revision 1), keep 4; "
                               "revisionHistoryLimit 10 -> 3"));
        QCOMPARE(lines.at(14),
                 QStringLiteral("orphans: 1 found, 0 to delete (use --include-orphans)"));
        QCOMPARE(lines.last(), QStringLiteral("ReplicaSets: 78 -> 54"));
        QCOMPARE(deletedRevisions(planCleanup({state.deploymentNamed("kilo-frontend")},
                                              state.replicaSets, state.pods)),
                 (QList<qint64>{1, 2, 3, 4, 5, 6, 7}));

        // --yes: 54 ReplicaSets remain; the same plan again has nothing left to do.
        execute(state, dry);
        QCOMPARE(state.replicaSets.size(), 54);
        const CleanupPlan again = planCleanup(state.deployments, state.replicaSets, state.pods);
        QVERIFY(again.isEmpty());
        QCOMPARE(again.orphans.size(), 1);
        const QList<HealthCheck> checks =
            healthChecklist(state.deployments, state.replicaSets, state.pods);
        QVERIFY(checks.last().ok); // revisionHistoryLimit 3 everywhere now

        // --keep 0 --include-orphans --yes: 15 remain, kilo-meds keeps its rollback target.
        const CleanupPlan all =
            planCleanup(state.deployments, state.replicaSets, state.pods, opts(0, true));
        QCOMPARE(all.deletes.size(), 39);
        QCOMPARE(all.replicaSetsAfter, 15);
        QCOMPARE(all.patches.size(), 14);
        for (const PlannedPatch &p : all.patches)
            QCOMPARE(p.to, p.deployment == "kilo-meds" ? 1 : 0);
        QVERIFY(all.orphans.first().willDelete);
        execute(state, all);
        QCOMPARE(state.replicaSets.size(), 15);
        const ReplicaSetClassification c =
            classifyReplicaSets(state.deployments, state.replicaSets);
        QCOMPARE(c.current, 14);
        QCOMPARE(c.orphaned, 0);
        QCOMPARE(c.old, 1);
        const QList<ReplicaSetInfo> medsLeft = c.ownedBy("kilo-meds");
        QCOMPARE(medsLeft.size(), 2);
        QCOMPARE(medsLeft.at(1).revision, 7);
        QCOMPARE(medsLeft.at(1).images, QStringList{"kilo-meds:cb1"});
    }

    void json() {
        const ClusterState state = kiloGuardian();
        const QJsonObject j =
            planCleanup(state.deployments, state.replicaSets, state.pods).toJson();
        QCOMPARE(j["keep"].toInt(), 3);
        QCOMPARE(j["includeOrphans"].toBool(), false);
        QCOMPARE(j["delete"].toArray().size(), 24);
        QCOMPARE(j["patch"].toArray().size(), 14);
        QCOMPARE(j["orphans"].toArray().size(), 1);
        QCOMPARE(j["summary"].toObject()["replicaSetsAfter"].toInt(), 54);
        const QJsonArray perDeployment = j["deployments"].toArray();
        QCOMPARE(perDeployment.size(), 14);
        QJsonObject medsJson;
        for (const QJsonValue &v : perDeployment)
            if (v.toObject()["name"].toString() == "kilo-meds")
                medsJson = v.toObject();
        QCOMPARE(medsJson["healthy"].toBool(), false);
        QCOMPARE(medsJson["deleting"].toInt(), 4);
        QCOMPARE(medsJson["rollbackRevision"].toInt(), 7);
        QCOMPARE(medsJson["historyLimitFrom"].toInt(), 10);
        QCOMPARE(medsJson["historyLimitTo"].toInt(), 3);
        QVERIFY(perDeployment.at(0).toObject()["rollbackRevision"].isNull());
        for (const char *list : {"delete", "patch", "orphans", "kept"}) {
            for (const QJsonValue &v : j[list].toArray()) {
                const QJsonObject item = v.toObject();
                QVERIFY2(!item["kind"].toString().isEmpty(), list);
                QVERIFY2(!item["name"].toString().isEmpty(), list);
                QVERIFY2(!item["reason"].toString().isEmpty(), list);
            }
        }
        const QJsonObject del = j["delete"].toArray().at(0).toObject();
        QCOMPARE(del["kind"].toString(), QStringLiteral("ReplicaSet"));
        QVERIFY(!del["uid"].toString().isEmpty());
        QVERIFY(!del["resourceVersion"].toString().isEmpty());
        QCOMPARE(del["deployment"].toString(), QStringLiteral("kilo-cam"));
        QCOMPARE(del["reason"].toString(),
                 QStringLiteral("old revision 4 of kilo-cam, older than the 3 kept"));
        // A copy: the plan it comes from is a temporary.
        const PlannedDelete first =
            planCleanup(state.deployments, state.replicaSets, state.pods).deletes.first();
        QCOMPARE(first.deleteOptions(),
                 (QJsonObject{
                     {"apiVersion", "v1"},
                     {"kind", "DeleteOptions"},
                     {"preconditions", QJsonObject{{"uid", first.uid},
                                                   {"resourceVersion", first.resourceVersion}}}}));
        QCOMPARE(first.deleteOptions(true)["dryRun"].toArray(), QJsonArray{"All"});
        QVERIFY(!first.deleteOptions().contains("dryRun"));
        const QJsonObject patch = j["patch"].toArray().at(0).toObject();
        QCOMPARE(patch["kind"].toString(), QStringLiteral("Deployment"));
        QCOMPARE(patch["name"].toString(), QStringLiteral("kilo-ai-brain"));
        QCOMPARE(patch["from"].toInt(), 10);
        QCOMPARE(patch["to"].toInt(), 3);
        QCOMPARE(patch["patch"].toObject(),
                 (QJsonObject{{"spec", QJsonObject{{"revisionHistoryLimit", 3}}}}));
        QCOMPARE(patch["reason"].toString(), QStringLiteral("revisionHistoryLimit 10 is above 3"));
        const QJsonObject orphan = j["orphans"].toArray().at(0).toObject();
        QVERIFY(orphan["name"].toString().startsWith("kilo-legacy-"));
        QCOMPARE(orphan["delete"].toBool(), false);
        QCOMPARE(orphan["reason"].toString(),
                 QStringLiteral("orphaned (no owner); deleted only with --include-orphans"));
        QCOMPARE(orphan["replicas"].toInt(), 0);
    }

    void keepNewestRevisions() {
        ClusterState s;
        addDeployment(s, "web", 6);
        const CleanupPlan plan = planCleanup(s.deployments, s.replicaSets, s.pods, opts(2));
        QCOMPARE(deletedRevisions(plan), (QList<qint64>{1, 2, 3, 4}));
        QCOMPARE(plan.kept.size(), 3);
        QCOMPARE(plan.kept.at(0).why, QStringLiteral("current ReplicaSet"));
        QCOMPARE(plan.kept.at(0).revision, 7);
        QCOMPARE(plan.kept.at(1).revision, 6);
        QCOMPARE(plan.kept.at(1).why, QStringLiteral("among the 2 newest old revisions kept"));
        QCOMPARE(plan.kept.at(2).revision, 5);
        QCOMPARE(plan.patches.size(), 1);
        QCOMPARE(plan.patches.first().to, 2);
        // keep larger than history: nothing to delete.
        QVERIFY(planCleanup(s.deployments, s.replicaSets, s.pods, opts(10)).deletes.isEmpty());
        // A negative keep is read as 0.
        QCOMPARE(planCleanup(s.deployments, s.replicaSets, s.pods, opts(-4)).deletes.size(), 6);
        QCOMPARE(planCleanup(s.deployments, s.replicaSets, s.pods, opts(-4)).options.keep, 0);
        QCOMPARE(planCleanup(s.deployments, s.replicaSets, s.pods, opts(0)).deletes.first().reason,
                 QStringLiteral("old revision 6 of web (keep 0)"));
    }

    void protectedReplicaSets() {
        ClusterState s;
        s.deployments = {deployment([] {
            DeploymentSpec d;
            d.name = "web";
            d.image = "web:r9";
            d.revision = 9;
            return d;
        }())};
        s.replicaSets = {
            rsWith("web", 9,
                   [](ReplicaSetSpec &r) {
                       r.replicas = 1;
                       r.image = "web:r9";
                   }),
            rsWith("web", 8, [](ReplicaSetSpec &r) { r.replicas = 1; }), // scaling down, spec > 0
            rsWith("web", 7, [](ReplicaSetSpec &r) { r.statusReplicas = 1; }), // pod not gone yet
            rsWith("web", 6, [](ReplicaSetSpec &r) { r.beingDeleted = true; }),
            rsWith("web", 5, [](ReplicaSetSpec &r) { r.generationAhead = true; }),
            rsWith("web", 4),
            rsWith("web", 3, [](ReplicaSetSpec &r) { r.beingDeleted = true; }),
            rsWith("web", 2),
        };
        s.pods = {pod(s.replicaSets.first())};
        const CleanupPlan plan = planCleanup(s.deployments, s.replicaSets, s.pods, opts(0));
        QCOMPARE(deletedRevisions(plan), (QList<qint64>{2, 4}));
        QCOMPARE(plan.summaryLines().first(),
                 QStringLiteral("web: delete 2 old ReplicaSets (revisions 2, 4), keep 6; "
                                "revisionHistoryLimit 10 -> 0"));
        QCOMPARE(keptWhy(plan, nameOf(s.replicaSets.at(0))), QStringLiteral("current ReplicaSet"));
        QCOMPARE(keptWhy(plan, nameOf(s.replicaSets.at(1))),
                 QStringLiteral("still has replicas (spec 1, status 1)"));
        QCOMPARE(keptWhy(plan, nameOf(s.replicaSets.at(2))),
                 QStringLiteral("still has replicas (spec 0, status 1)"));
        QCOMPARE(keptWhy(plan, nameOf(s.replicaSets.at(3))),
                 QStringLiteral("already being deleted"));
        QCOMPARE(keptWhy(plan, nameOf(s.replicaSets.at(4))),
                 QStringLiteral("its controller has not observed its latest generation yet"));
    }

    void unhealthyKeepsRollbackTarget() {
        ClusterState s;
        addDeployment(s, "api", 3, QString(), false); // crash-looping current revision 4
        addDeployment(s, "web", 3);
        CleanupPlan plan = planCleanup(s.deployments, s.replicaSets, s.pods, opts(0));
        QCOMPARE(deletesFor(plan, "web"), 3);
        QCOMPARE(deletesFor(plan, "api"), 2);
        const DeploymentCleanup api = plan.deployments.at(0);
        QCOMPARE(api.rollbackRevision, 3);
        QCOMPARE(keptWhy(plan, api.rollbackReplicaSet),
                 QStringLiteral("rollback target (revision 3) of the unhealthy deployment"));
        QCOMPARE(plan.patches.size(), 2);
        QCOMPARE(plan.patches.at(0).deployment, QStringLiteral("api"));
        QCOMPARE(plan.patches.at(0).to, 1);
        QVERIFY(
            plan.patches.at(0).reason.contains("so the unhealthy deployment can still roll back"));
        QCOMPARE(plan.patches.at(1).to, 0);
        // Healthy deployments get no rollback target.
        QCOMPARE(plan.deployments.at(1).rollbackRevision, -1);
        // The deployment's pods decide too: a healthy-looking status with a crash-looping pod.
        ClusterState t;
        addDeployment(t, "svc", 2);
        t.pods = {pod(t.replicaSets.last(), true)};
        plan = planCleanup(t.deployments, t.replicaSets, t.pods, opts(0));
        QVERIFY(!plan.deployments.first().healthy);
        QCOMPARE(deletedRevisions(plan), (QList<qint64>{1}));
        // Without the pods it looks healthy and both old revisions go.
        QCOMPARE(planCleanup(t.deployments, t.replicaSets, {}, opts(0)).deletes.size(), 2);
    }

    void historyLimitPatches() {
        ClusterState s;
        addDeployment(s, "low", 1, QString(), true, QString(), 2);  // 2 <= 3: untouched
        addDeployment(s, "same", 1, QString(), true, QString(), 3); // equal: untouched
        addDeployment(s, "unset", 1, QString(), true, QString(), -1);
        addDeployment(s, "high", 1, QString(), true, QString(), 5);
        const CleanupPlan plan = planCleanup(s.deployments, s.replicaSets, s.pods);
        QCOMPARE(plan.patches.size(), 2);
        QCOMPARE(plan.patches.at(0).deployment, QStringLiteral("unset"));
        QCOMPARE(plan.patches.at(0).from, -1);
        QCOMPARE(plan.patches.at(0).reason,
                 QStringLiteral("revisionHistoryLimit unset (the API default is 10); set to 3"));
        QVERIFY(plan.toJson()["patch"].toArray().at(0).toObject()["from"].isNull());
        QCOMPARE(plan.patches.at(1).deployment, QStringLiteral("high"));
        QCOMPARE(plan.patches.at(1).from, 5);
        QCOMPARE(plan.deployments.at(0).historyTo, -1);
        QCOMPARE(plan.deployments.at(3).historyTo, 3);
        // An unhealthy deployment already at 0 is not raised (only lowered ever).
        ClusterState z;
        addDeployment(z, "zero", 1, QString(), false, QString(), 0);
        QVERIFY(planCleanup(z.deployments, z.replicaSets, z.pods, opts(0)).patches.isEmpty());
    }

    void orphansAndForeign() {
        ClusterState s;
        addDeployment(s, "web", 0);
        ReplicaSetSpec lonely;
        lonely.labelApp = "lonely";
        lonely.revision = 2;
        lonely.image = "lonely:2";
        ReplicaSetSpec busy = lonely;
        busy.labelApp = "busy";
        busy.replicas = 2;
        ReplicaSetSpec gone;
        gone.deployment = "gone"; // its Deployment was deleted
        gone.revision = 4;
        gone.image = "gone:4";
        ReplicaSetSpec argo;
        argo.deployment = "canary";
        argo.ownerKind = "Rollout";
        argo.revision = 1;
        argo.image = "canary:1";
        s.replicaSets << replicaSet(lonely) << replicaSet(busy) << replicaSet(gone)
                      << replicaSet(argo);

        CleanupPlan plan = planCleanup(s.deployments, s.replicaSets, s.pods, opts(0));
        QVERIFY(plan.deletes.isEmpty());
        QCOMPARE(plan.orphans.size(), 3);
        QCOMPARE(plan.orphans.at(0).reason,
                 QStringLiteral("orphaned (no owner); deleted only with --include-orphans"));
        QCOMPARE(
            plan.orphans.at(1).reason,
            QStringLiteral("orphaned (no owner), kept: still has replicas (spec 2, status 2)"));
        QCOMPARE(plan.orphans.at(1).replicas, 2);
        QCOMPARE(plan.orphans.at(2).reason,
                 QStringLiteral("orphaned (owner Deployment gone does not exist); deleted only "
                                "with --include-orphans"));
        QCOMPARE(keptWhy(plan, nameOf(s.replicaSets.last())),
                 QStringLiteral("controlled by Rollout canary, not a Deployment"));

        plan = planCleanup(s.deployments, s.replicaSets, s.pods, opts(0, true));
        QCOMPARE(plan.deletes.size(), 2);
        QVERIFY(plan.deletes.at(0).orphan);
        QCOMPARE(plan.deletes.at(0).deployment, QString());
        QCOMPARE(plan.deletes.at(0).reason, QStringLiteral("orphaned (no owner)"));
        QCOMPARE(plan.deletes.at(1).reason,
                 QStringLiteral("orphaned (owner Deployment gone does not exist)"));
        QVERIFY(plan.orphans.at(0).willDelete);
        QVERIFY(!plan.orphans.at(1).willDelete);
        QVERIFY(plan.toJson()["delete"].toArray().at(0).toObject()["deployment"].isNull());
        QVERIFY(plan.toJson()["delete"].toArray().at(0).toObject()["orphan"].toBool());
        // Never the foreign one.
        for (const PlannedDelete &d : plan.deletes)
            QVERIFY(d.name != nameOf(s.replicaSets.last()));
    }

    void emptyCluster() {
        const CleanupPlan plan = planCleanup({}, {}, {}, opts(3, true));
        QVERIFY(plan.isEmpty());
        QCOMPARE(plan.replicaSetsBefore, 0);
        QCOMPARE(plan.toJson()["delete"].toArray().size(), 0);
        QCOMPARE(plan.toJson()["includeOrphans"].toBool(), true);
    }
};

QTEST_APPLESS_MAIN(TestCleanupPlanner)
#include "tst_cleanup_planner.moc"
