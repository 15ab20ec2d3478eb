#include "cluster_state_builder.h"

#include "k8s/object_fields.h"
#include "k8s/rollback_planner.h"

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

// Apply a JSON patch of "replace" operations on /spec/template and /metadata/annotations,
// the only ones kubectl's rollback sends.
QJsonObject applyPatch(QJsonObject object, const QJsonArray &patch) {
    for (const QJsonValue &v : patch) {
        const QJsonObject op = v.toObject();
        if (op["op"].toString() != "replace")
            qFatal("unexpected op");
        const QStringList path = op["path"].toString().split('/', Qt::SkipEmptyParts);
        if (path.size() != 2)
            qFatal("unexpected path");
        QJsonObject parent = object[path[0]].toObject();
        if (!parent.contains(path[1]))
            qFatal("replace of a missing member");
        parent[path[1]] = op["value"];
        object[path[0]] = parent;
    }
    return object;
}

QJsonObject simpleDeployment(const QString &name, qint64 revision, const QString &image,
                             bool paused = false) {
    DeploymentSpec d;
    d.name = name;
    d.revision = revision;
    d.image = image;
    d.paused = paused;
    return deployment(d);
}

QJsonObject simpleRs(const QString &name, qint64 revision, const QString &image, int replicas = 0) {
    ReplicaSetSpec s;
    s.deployment = name;
    s.revision = revision;
    s.image = image;
    s.replicas = replicas;
    return replicaSet(s);
}

} // namespace

class TestRollbackPlanner : public QObject {
    Q_OBJECT

private slots:
    void kiloMedsToPrevious() {
        const ClusterState s = kiloGuardian();
        const QJsonObject meds = s.deploymentNamed("kilo-meds");
        const RollbackPlan plan = planRollback(meds, s.replicaSets);
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Patch);
        QVERIFY(plan.ok());
        QCOMPARE(plan.deployment, QStringLiteral("kilo-meds"));
        QCOMPARE(plan.toRevision, 0);
        QCOMPARE(plan.revision, 7);
        QCOMPARE(plan.images, QStringList{"kilo-meds:cb1"});
        QCOMPARE(plan.currentImages, QStringList{"kilo-meds:ai-brain-ocr-v2"});
        QVERIFY(plan.replicaSetName.startsWith("kilo-meds-"));
        QCOMPARE(plan.message, QStringLiteral("deployment.apps/kilo-meds rolled back"));

        // The template: the ReplicaSet's, without pod-template-hash.
        const QJsonObject labels = plan.podTemplate["metadata"].toObject()["labels"].toObject();
        QCOMPARE(labels, (QJsonObject{{"app", "kilo-meds"}}));
        const QJsonObject container =
            plan.podTemplate["spec"].toObject()["containers"].toArray().at(0).toObject();
        QCOMPARE(container["name"].toString(), QStringLiteral("meds"));
        QCOMPARE(container["image"].toString(), QStringLiteral("kilo-meds:cb1"));
        // Annotations: the deployment's revision stays; desired/max replicas, revision and
        // the kiosk's ever-ran marker of the ReplicaSet are not copied.
        QCOMPARE(plan.annotations, (QJsonObject{{"deployment.kubernetes.io/revision", "8"}}));

        QCOMPARE(plan.patch.size(), 2);
        QCOMPARE(plan.patch.at(0).toObject()["op"].toString(), QStringLiteral("replace"));
        QCOMPARE(plan.patch.at(0).toObject()["path"].toString(), QStringLiteral("/spec/template"));
        QCOMPARE(plan.patch.at(0).toObject()["value"].toObject(), plan.podTemplate);
        QCOMPARE(plan.patch.at(1).toObject()["path"].toString(),
                 QStringLiteral("/metadata/annotations"));
        QCOMPARE(plan.patch.at(1).toObject()["value"].toObject(), plan.annotations);
        QVERIFY(
            plan.patchBody().startsWith(R"([{"op":"replace","path":"/spec/template","value":{)"));
        const QJsonObject j = plan.toJson();
        QCOMPARE(j["outcome"].toString(), QStringLiteral("patch"));
        QCOMPARE(j["revision"].toInt(), 7);
        QCOMPARE(j["images"].toArray(), QJsonArray{"kilo-meds:cb1"});
        QCOMPARE(j["currentImages"].toArray(), QJsonArray{"kilo-meds:ai-brain-ocr-v2"});
        QCOMPARE(j["patch"].toArray(), plan.patch);
        QCOMPARE(j["message"].toString(), plan.message);

        // After the patch, the deployment's template is revision 7's (ignoring the hash) and a
        // second undo would find nothing to do with --to-revision 7.
        const QJsonObject patched = applyPatch(meds, plan.patch);
        const int target = chooseRollbackReplicaSet(meds, s.replicaSets, 7);
        QVERIFY(target >= 0);
        QVERIFY(fields::templatesEqualIgnoringHash(fields::podTemplate(patched),
                                                   fields::podTemplate(s.replicaSets.at(target))));
        QCOMPARE(planRollback(patched, s.replicaSets, 7).outcome, RollbackPlan::Outcome::NoOp);
    }

    void annotationsAsKubectl() {
        QJsonObject d = simpleDeployment("web", 3, "web:3");
        QJsonObject meta = d["metadata"].toObject();
        meta["annotations"] = QJsonObject{
            {"deployment.kubernetes.io/revision", "3"},
            {"kubectl.kubernetes.io/last-applied-configuration", "{\"kind\":\"Deployment\"}"},
            {"kubernetes.io/change-cause", "set image web:3"},
            {"team", "kilo"}};
        d["metadata"] = meta;
        QJsonObject old = simpleRs("web", 2, "web:2");
        QJsonObject rsMeta = old["metadata"].toObject();
        QJsonObject rsAnnotations = rsMeta["annotations"].toObject();
        rsAnnotations["kubernetes.io/change-cause"] = "set image web:2";
        rsAnnotations["deployment.kubernetes.io/revision-history"] = "1";
        rsAnnotations["owner"] = "ops";
        rsMeta["annotations"] = rsAnnotations;
        old["metadata"] = rsMeta;
        const RollbackPlan plan = planRollback(d, {old, simpleRs("web", 3, "web:3", 1)});
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Patch);
        QCOMPARE(plan.annotations, (QJsonObject{{"deployment.kubernetes.io/revision", "3"},
                                                {"kubectl.kubernetes.io/last-applied-configuration",
                                                 "{\"kind\":\"Deployment\"}"},
                                                {"kubernetes.io/change-cause", "set image web:2"},
                                                {"owner", "ops"}}));
        QCOMPARE(rollbackAnnotationsToSkip().size(), 6);
    }

    void toRevision() {
        const ClusterState s = kiloGuardian();
        const QJsonObject meds = s.deploymentNamed("kilo-meds");
        RollbackPlan plan = planRollback(meds, s.replicaSets, 3);
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Patch);
        QCOMPARE(plan.revision, 3);
        QCOMPARE(plan.images, QStringList{"kilo-meds:r3"});
        plan = planRollback(meds, s.replicaSets, 42);
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Refused);
        QCOMPARE(plan.message, QStringLiteral("unable to find specified revision 42 in history"));
        QCOMPARE(plan.toJson()["outcome"].toString(), QStringLiteral("refused"));
        QVERIFY(plan.toJson()["revision"].isNull());
        plan = planRollback(meds, s.replicaSets, -1);
        QCOMPARE(plan.message, QStringLiteral("unable to find specified revision -1 in history"));
        // kilo-socketio has revisions 1 and 2 only; revision 5 exists for other deployments.
        plan = planRollback(s.deploymentNamed("kilo-socketio"), s.replicaSets, 5);
        QCOMPARE(plan.message, QStringLiteral("unable to find specified revision 5 in history"));
        // The current revision: nothing to do.
        plan = planRollback(meds, s.replicaSets, 8);
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::NoOp);
        QVERIFY(plan.ok());
        QCOMPARE(plan.message,
                 QStringLiteral("skipped rollback (current template already matches revision 8)"));
        QVERIFY(plan.patch.isEmpty());
        QCOMPARE(plan.toJson()["outcome"].toString(), QStringLiteral("noop"));
    }

    void noHistory() {
        const QJsonObject d = simpleDeployment("web", 1, "web:1");
        RollbackPlan plan = planRollback(d, {simpleRs("web", 1, "web:1", 1)});
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Refused);
        QCOMPARE(plan.message, QStringLiteral("no rollout history found for deployment \"web\""));
        plan = planRollback(d, {});
        QCOMPARE(plan.message, QStringLiteral("no rollout history found for deployment \"web\""));
        // Another deployment's ReplicaSets are not history.
        plan = planRollback(d, {simpleRs("web", 1, "web:1", 1), simpleRs("api", 1, "api:1")});
        QCOMPARE(plan.message, QStringLiteral("no rollout history found for deployment \"web\""));
        // The real k9s pair: one ReplicaSet, no history.
        plan = planRollback(fixture("k9s/render/dp.json"), {fixture("k9s/render/rs.json")});
        QCOMPARE(plan.message,
                 QStringLiteral("no rollout history found for deployment \"icx-db\""));
    }

    void revisionAnnotationQuirks() {
        const QJsonObject d = simpleDeployment("web", 2, "web:2");
        // Absent annotation: revision 0, still history.
        QJsonObject unannotated = simpleRs("web", 1, "web:1");
        QJsonObject meta = unannotated["metadata"].toObject();
        meta["annotations"] = QJsonObject();
        unannotated["metadata"] = meta;
        RollbackPlan plan = planRollback(d, {unannotated, simpleRs("web", 2, "web:2", 1)});
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Patch);
        QCOMPARE(plan.revision, 0);
        // Unparsable annotation: ignored.
        meta["annotations"] = QJsonObject{{"deployment.kubernetes.io/revision", "two"}};
        unannotated["metadata"] = meta;
        plan = planRollback(d, {unannotated, simpleRs("web", 2, "web:2", 1)});
        QCOMPARE(plan.message, QStringLiteral("no rollout history found for deployment \"web\""));
    }

    void previousIsSecondHighestRevision() {
        // Order of the list does not matter; revision numbers do.
        const QJsonObject d = simpleDeployment("web", 9, "web:9");
        const RollbackPlan plan =
            planRollback(d, {simpleRs("web", 9, "web:9", 1), simpleRs("web", 2, "web:2"),
                             simpleRs("web", 6, "web:6"), simpleRs("web", 4, "web:4")});
        QCOMPARE(plan.revision, 6);
        QCOMPARE(plan.images, QStringList{"web:6"});
    }

    void pausedIsRefused() {
        const QJsonObject d = simpleDeployment("web", 2, "web:2", true);
        const RollbackPlan plan =
            planRollback(d, {simpleRs("web", 1, "web:1"), simpleRs("web", 2, "web:2", 1)});
        QCOMPARE(plan.outcome, RollbackPlan::Outcome::Refused);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.message,
                 QStringLiteral("you cannot rollback a paused deployment; resume it first with "
                                "'kubectl rollout resume deployment/web' and try again"));
        QVERIFY(plan.message.contains("paused"));
        QVERIFY(plan.patch.isEmpty());
        // kubectl looks the revision up first: a missing one is reported before the pause.
        QCOMPARE(planRollback(d, {simpleRs("web", 2, "web:2", 1)}).message,
                 QStringLiteral("no rollout history found for deployment \"web\""));
    }

    void history() {
        ClusterState s = kiloGuardian();
        const QJsonObject meds = s.deploymentNamed("kilo-meds");
        const QList<RevisionEntry> h = revisionHistory(meds, s.replicaSets, s.pods);
        QCOMPARE(h.size(), 8);
        QCOMPARE(h.at(0).revision, 8);
        QVERIFY(h.at(0).current);
        QVERIFY(!h.at(0).everRan); // crash-looping: never ready
        QCOMPARE(h.at(0).ranEvidence, QString());
        QCOMPARE(h.at(0).images, QStringList{"kilo-meds:ai-brain-ocr-v2"});
        QCOMPARE(h.at(0).replicas, 1);
        QCOMPARE(h.at(1).revision, 7);
        QVERIFY(!h.at(1).current);
        QVERIFY(h.at(1).everRan);
        QCOMPARE(h.at(1).ranEvidence, QStringLiteral("annotation"));
        QCOMPARE(h.at(1).images, QStringList{"kilo-meds:cb1"});
        QCOMPARE(h.at(1).created, kBase.addDays(7));
        QCOMPARE(h.last().revision, 1);
        const QJsonArray hj = revisionHistoryToJson(h);
        QCOMPARE(hj.size(), 8);
        QCOMPARE(hj.at(1).toObject()["revision"].toInt(), 7);
        QCOMPARE(hj.at(1).toObject()["everRan"].toBool(), true);
        QCOMPARE(hj.at(1).toObject()["ranEvidence"].toString(), QStringLiteral("annotation"));
        QCOMPARE(hj.at(1).toObject()["created"].toString(), QStringLiteral("2025-12-08T00:00:00Z"));
        QCOMPARE(hj.at(0).toObject()["current"].toBool(), true);

        const QList<RevisionEntry> cam =
            revisionHistory(s.deploymentNamed("kilo-cam"), s.replicaSets, s.pods);
        QCOMPARE(cam.at(0).ranEvidence, QStringLiteral("ready replicas"));

        // Evidence from a ready pod of the ReplicaSet.
        const QJsonObject d = simpleDeployment("web", 2, "web:2");
        ReplicaSetSpec rs;
        rs.deployment = "web";
        rs.revision = 1;
        rs.image = "web:1";
        rs.replicas = 1;
        rs.ready = 0;
        const QJsonObject old = replicaSet(rs);
        QJsonObject readyPod = pod(old, false);
        const QList<RevisionEntry> withPod = revisionHistory(d, {old}, {readyPod});
        QCOMPARE(withPod.at(0).ranEvidence, QStringLiteral("ready pod"));
        QCOMPARE(revisionHistory(d, {old}, {pod(old, true)}).at(0).everRan, false);
    }

    void historyOfHandMadeStates() {
        // No ReplicaSets: no history.
        const QJsonObject web = simpleDeployment("web", 3, "web:3");
        QVERIFY(revisionHistory(web, {}).isEmpty());
        QVERIFY(revisionHistoryToJson({}).isEmpty());

        // Only the deployment's own ReplicaSets: not an orphan with the same labels, not one
        // owned by another controller, not another deployment's.
        ReplicaSetSpec orphan;
        orphan.revision = 9;
        orphan.image = "web:orphan";
        orphan.labelApp = "web";
        ReplicaSetSpec foreign;
        foreign.deployment = "web";
        foreign.ownerKind = "Rollout";
        foreign.revision = 8;
        foreign.image = "web:foreign";
        const QList<QJsonObject> mixed = {
            simpleRs("web", 1, "web:1"), simpleRs("web", 3, "web:3", 1),
            replicaSet(orphan),          replicaSet(foreign),
            simpleRs("api", 2, "api:2"), simpleRs("web", 2, "web:2")};
        const QList<RevisionEntry> h = revisionHistory(web, mixed);
        QCOMPARE(h.size(), 3);
        QCOMPARE(h.at(0).revision, 3); // newest first, whatever the list order
        QCOMPARE(h.at(1).revision, 2);
        QCOMPARE(h.at(2).revision, 1);
        QCOMPARE(h.at(0).images, QStringList{"web:3"});
        QCOMPARE(h.at(2).images, QStringList{"web:1"});
        QVERIFY(h.at(0).current);
        QVERIFY(!h.at(1).current && !h.at(2).current);
        QVERIFY(!h.at(0).canRollBackTo());
        QVERIFY(h.at(1).canRollBackTo());
        QVERIFY(h.at(2).canRollBackTo());
        QCOMPARE(h.at(1).created, kBase.addDays(2));
        // Scaled down, no annotation, no pods: nothing says they ran.
        QVERIFY(h.at(0).everRan); // serving now: ready replicas
        QCOMPARE(h.at(0).ranEvidence, QStringLiteral("ready replicas"));
        QVERIFY(!h.at(1).everRan);
        QCOMPARE(h.at(1).ranEvidence, QString());

        // Each revision lists every container's image, in template order.
        QJsonObject sidecar = simpleRs("web", 2, "web:2");
        QJsonObject spec = sidecar["spec"].toObject();
        QJsonObject tmpl = spec["template"].toObject();
        QJsonObject podSpec = tmpl["spec"].toObject();
        QJsonArray containers = podSpec["containers"].toArray();
        containers.append(QJsonObject{{"name", "proxy"}, {"image", "envoy:1.29"}});
        podSpec["containers"] = containers;
        tmpl["spec"] = podSpec;
        spec["template"] = tmpl;
        sidecar["spec"] = spec;
        const QList<RevisionEntry> two =
            revisionHistory(web, {sidecar, simpleRs("web", 3, "web:3", 1)});
        QCOMPARE(two.at(1).images, (QStringList{"web:2", "envoy:1.29"}));
        QCOMPARE(revisionHistoryToJson(two).at(1).toObject()["images"].toArray().size(), 2);

        // Available (not ready) replicas count as having run; an ever-ran mark that is not
        // "true" does not.
        QJsonObject available = simpleRs("web", 2, "web:2");
        QJsonObject status = available["status"].toObject();
        status["readyReplicas"] = 0;
        status["availableReplicas"] = 1;
        available["status"] = status;
        QCOMPARE(revisionHistory(web, {available}).at(0).ranEvidence,
                 QStringLiteral("available replicas"));
        ReplicaSetSpec notRan;
        notRan.deployment = "web";
        notRan.revision = 2;
        notRan.image = "web:2";
        notRan.extraAnnotations = QJsonObject{{QString::fromLatin1(kEverRanAnnotation), "false"}};
        QVERIFY(!revisionHistory(web, {replicaSet(notRan)}).at(0).everRan);

        // Two ReplicaSets with the deployment's template (a rollback re-used one): only the
        // higher revision is current, and the other can still be named with --to-revision.
        const QList<RevisionEntry> twins =
            revisionHistory(web, {simpleRs("web", 1, "web:3"), simpleRs("web", 3, "web:3", 1)});
        QCOMPARE(twins.size(), 2);
        QVERIFY(twins.at(0).current);
        QVERIFY(!twins.at(1).current);
        QVERIFY(twins.at(1).canRollBackTo());

        // No current one when nothing matches the template (a rollout that has not made its
        // ReplicaSet yet); a ReplicaSet without a revision comes last and cannot be targeted.
        QJsonObject unnumbered = simpleRs("web", 5, "web:5");
        QJsonObject meta = unnumbered["metadata"].toObject();
        QJsonObject annotations = meta["annotations"].toObject();
        annotations.remove(QString::fromLatin1(kRevisionAnnotation));
        meta["annotations"] = annotations;
        unnumbered["metadata"] = meta;
        const QList<RevisionEntry> pending = revisionHistory(
            simpleDeployment("web", 4, "web:4"), {unnumbered, simpleRs("web", 2, "web:2")});
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).revision, 2);
        QCOMPARE(pending.at(1).revision, 0);
        QVERIFY(!pending.at(0).current && !pending.at(1).current);
        QVERIFY(pending.at(0).canRollBackTo());
        QVERIFY(!pending.at(1).canRollBackTo());

        // Every revision the history offers is one planRollback can reach.
        const ClusterState cluster = kiloGuardian();
        const QJsonObject meds = cluster.deploymentNamed("kilo-meds");
        for (const RevisionEntry &e : revisionHistory(meds, cluster.replicaSets, cluster.pods)) {
            if (!e.canRollBackTo())
                continue;
            const RollbackPlan plan = planRollback(meds, cluster.replicaSets, e.revision);
            QCOMPARE(plan.outcome, RollbackPlan::Outcome::Patch);
            QCOMPARE(plan.revision, e.revision);
            QCOMPARE(plan.images, e.images);
        }
    }

    void suggestion() {
        const ClusterState s = kiloGuardian();
        const RollbackSuggestion meds =
            rollbackSuggestion(s.deploymentNamed("kilo-meds"), s.replicaSets, s.pods);
        QVERIFY(meds.applicable);
        QCOMPARE(meds.revision, 7);
        QCOMPARE(meds.images, QStringList{"kilo-meds:cb1"});
        QCOMPARE(meds.text, QStringLiteral("Roll back to revision 7 (image kilo-meds:cb1)"));
        // Healthy deployments get none.
        QVERIFY(
            !rollbackSuggestion(s.deploymentNamed("kilo-cam"), s.replicaSets, s.pods).applicable);

        // Failing, but the previous revision never ran: no suggestion.
        DeploymentSpec broken;
        broken.name = "web";
        broken.revision = 2;
        broken.image = "web:2";
        broken.healthy = false;
        const QJsonObject d = deployment(broken);
        ReplicaSetSpec never;
        never.deployment = "web";
        never.revision = 1;
        never.image = "web:1";
        const QJsonObject current = simpleRs("web", 2, "web:2", 1);
        QVERIFY(!rollbackSuggestion(d, {replicaSet(never), current}).applicable);
        never.everRan = true;
        const RollbackSuggestion ok = rollbackSuggestion(d, {replicaSet(never), current});
        QVERIFY(ok.applicable);
        QCOMPARE(ok.text, QStringLiteral("Roll back to revision 1 (image web:1)"));
        // Paused: kubectl would refuse, so no suggestion.
        broken.paused = true;
        QVERIFY(!rollbackSuggestion(deployment(broken), {replicaSet(never), current}).applicable);
    }
};

QTEST_APPLESS_MAIN(TestRollbackPlanner)
#include "tst_rollback_planner.moc"
