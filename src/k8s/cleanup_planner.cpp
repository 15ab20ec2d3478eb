#include "k8s/cleanup_planner.h"

#include "k8s/deployment_health.h"
#include "k8s/label_selector.h"
#include "k8s/object_fields.h"
#include "k8s/replicaset_classifier.h"
#include "k8s/rollback_planner.h"

#include <QJsonArray>

#include <algorithm>

namespace kiosk::k8s {

QJsonObject PlannedPatch::body() const {
    return QJsonObject{
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("revisionHistoryLimit"), to}}}};
}

QJsonObject PlannedDelete::deleteOptions(bool dryRun) const {
    QJsonObject options{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                        {QStringLiteral("preconditions"),
                         QJsonObject{{QStringLiteral("uid"), uid},
                                     {QStringLiteral("resourceVersion"), resourceVersion}}}};
    if (dryRun)
        options.insert(QStringLiteral("dryRun"), QJsonArray{QStringLiteral("All")});
    return options;
}

namespace {

// Why a ReplicaSet must not be deleted whatever the plan says, or "" when it may be.
QString protection(const ReplicaSetInfo &rs) {
    if (rs.beingDeleted)
        return QStringLiteral("already being deleted");
    if (rs.specReplicas > 0 || rs.statusReplicas > 0)
        return QStringLiteral("still has replicas (spec %1, status %2)")
            .arg(rs.specReplicas)
            .arg(rs.statusReplicas);
    if (rs.generationAhead)
        return QStringLiteral("its controller has not observed its latest generation yet");
    return {};
}

} // namespace

static QJsonValue limitValue(int limit) {
    return limit < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(limit);
}

CleanupPlan planCleanup(const QList<QJsonObject> &deployments,
                        const QList<QJsonObject> &replicaSets, const QList<QJsonObject> &pods,
                        const CleanupOptions &options) {
    CleanupPlan plan;
    plan.options = options;
    const int keep = std::max(0, options.keep);
    plan.options.keep = keep;
    const ReplicaSetClassification c = classifyReplicaSets(deployments, replicaSets);
    plan.replicaSetsBefore = c.total;
    const LabelIndex podIndex(pods);

    for (int d = 0; d < deployments.size(); ++d) {
        const QJsonObject &deployment = deployments.at(d);
        const DeploymentReplicaSets &facts = c.deployments.at(d);
        DeploymentCleanup summary;
        summary.deployment = facts.deployment;
        summary.healthy =
            deploymentHealthOfPods(deployment, podIndex.selectedBy(deployment)).healthy;
        summary.historyFrom = facts.revisionHistoryLimit;

        QString rollbackName;
        if (!summary.healthy) {
            const int target = chooseRollbackReplicaSet(deployment, replicaSets, 0);
            if (target >= 0) {
                rollbackName = fields::name(replicaSets.at(target));
                summary.rollbackReplicaSet = rollbackName;
                summary.rollbackRevision = fields::revision(replicaSets.at(target));
            }
        }

        int oldSeen = 0;
        for (const ReplicaSetInfo &rs : c.ownedBy(facts.deployment)) {
            ++summary.owned;
            const auto keepIt = [&](const QString &why) {
                plan.kept << KeptEntry{rs.name, facts.deployment, rs.revision, why};
                ++summary.keeping;
            };
            if (rs.kind == ReplicaSetClass::Current) {
                keepIt(QStringLiteral("current ReplicaSet"));
                continue;
            }
            ++oldSeen;
            const bool isRollbackTarget = !rollbackName.isEmpty() && rs.name == rollbackName;
            if (oldSeen <= keep) {
                keepIt(isRollbackTarget
                           ? QStringLiteral("among the %1 newest old revisions kept; rollback "
                                            "target of the unhealthy deployment")
                                 .arg(keep)
                           : QStringLiteral("among the %1 newest old revisions kept").arg(keep));
                continue;
            }
            const QString protectedBy = protection(rs);
            if (!protectedBy.isEmpty()) {
                keepIt(protectedBy);
                continue;
            }
            if (isRollbackTarget) {
                keepIt(QStringLiteral("rollback target (revision %1) of the unhealthy deployment")
                           .arg(rs.revision));
                continue;
            }
            plan.deletes << PlannedDelete{
                rs.name,
                rs.uid,
                rs.resourceVersion,
                facts.deployment,
                rs.revision,
                false,
                keep == 0 ? QStringLiteral("old revision %1 of %2 (keep 0)")
                                .arg(rs.revision)
                                .arg(facts.deployment)
                          : QStringLiteral("old revision %1 of %2, older than the %3 kept")
                                .arg(rs.revision)
                                .arg(facts.deployment)
                                .arg(keep)};
            ++summary.deleting;
        }

        const int target = summary.healthy ? keep : std::max(keep, 1);
        const int current = facts.revisionHistoryLimit;
        if (current < 0 || current > target) {
            PlannedPatch patch{facts.deployment, current, target, QString()};
            patch.reason =
                current < 0 ? QStringLiteral(
                                  "revisionHistoryLimit unset (the API default is 10); set to %1")
                                  .arg(target)
                            : QStringLiteral("revisionHistoryLimit %1 is above %2")
                                  .arg(current)
                                  .arg(target);
            if (target != keep)
                patch.reason +=
                    QStringLiteral(
                        "; kept at %1, not %2, so the unhealthy deployment can still roll back")
                        .arg(target)
                        .arg(keep);
            plan.patches << patch;
            summary.historyTo = target;
        }
        plan.deployments << summary;
    }

    for (const ReplicaSetInfo &rs : c.replicaSets) {
        if (rs.kind == ReplicaSetClass::Foreign) {
            plan.kept << KeptEntry{rs.name, QString(), rs.revision,
                                   QStringLiteral("controlled by %1 %2, not a Deployment")
                                       .arg(rs.ownerKind, rs.ownerName)};
            continue;
        }
        if (rs.kind != ReplicaSetClass::Orphaned)
            continue;
        OrphanEntry orphan{
            rs.name, rs.uid,   rs.resourceVersion, std::max(rs.specReplicas, rs.statusReplicas),
            false,   QString()};
        const QString owner =
            rs.ownerName.isEmpty()
                ? QStringLiteral("no owner")
                : QStringLiteral("owner Deployment %1 does not exist").arg(rs.ownerName);
        const QString protectedBy = protection(rs);
        if (!protectedBy.isEmpty()) {
            orphan.reason = QStringLiteral("orphaned (%1), kept: %2").arg(owner, protectedBy);
        } else if (options.includeOrphans) {
            orphan.willDelete = true;
            orphan.reason = QStringLiteral("orphaned (%1)").arg(owner);
            plan.deletes << PlannedDelete{rs.name,     rs.uid, rs.resourceVersion, QString(),
                                          rs.revision, true,   orphan.reason};
        } else {
            orphan.reason =
                QStringLiteral("orphaned (%1); deleted only with --include-orphans").arg(owner);
        }
        if (!orphan.willDelete)
            plan.kept << KeptEntry{rs.name, QString(), rs.revision, orphan.reason};
        plan.orphans << orphan;
    }

    plan.replicaSetsAfter = plan.replicaSetsBefore - plan.deletes.size();
    return plan;
}

namespace {

// "1-4", "2, 5, 7-9": revisions as short ranges.
QString revisionRanges(QList<qint64> revisions) {
    std::sort(revisions.begin(), revisions.end());
    QStringList parts;
    for (int i = 0; i < revisions.size();) {
        int j = i;
        while (j + 1 < revisions.size() && revisions.at(j + 1) == revisions.at(j) + 1)
            ++j;
        parts << (j == i ? QString::number(revisions.at(i))
                         : QStringLiteral("%1-%2").arg(revisions.at(i)).arg(revisions.at(j)));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QStringList CleanupPlan::summaryLines() const {
    QStringList lines;
    for (const DeploymentCleanup &d : deployments) {
        if (d.deleting == 0 && d.historyTo < 0)
            continue;
        QList<qint64> revisions;
        for (const PlannedDelete &del : deletes) {
            if (del.deployment == d.deployment)
                revisions << del.revision;
        }
        QString line = d.deployment + QStringLiteral(": ");
        if (d.deleting > 0)
            line += QStringLiteral("delete %1 old ReplicaSet%2 (revision%2 %3), ")
                        .arg(d.deleting)
                        .arg(d.deleting == 1 ? QString() : QStringLiteral("s"))
                        .arg(revisionRanges(revisions));
        line += QStringLiteral("keep %1").arg(d.keeping);
        if (d.rollbackRevision >= 0)
            line += QStringLiteral(" (rollback target revision %1 kept)").arg(d.rollbackRevision);
        if (d.historyTo >= 0)
            line += QStringLiteral("; revisionHistoryLimit %1 -> %2")
                        .arg(d.historyFrom < 0 ? QStringLiteral("unset")
                                               : QString::number(d.historyFrom))
                        .arg(d.historyTo);
        lines << line;
    }
    int orphansDeleted = 0;
    for (const OrphanEntry &o : orphans)
        orphansDeleted += o.willDelete ? 1 : 0;
    if (!orphans.isEmpty())
        lines << QStringLiteral("orphans: %1 found, %2 to delete%3")
                     .arg(orphans.size())
                     .arg(orphansDeleted)
                     .arg(options.includeOrphans ? QString()
                                                 : QStringLiteral(" (use --include-orphans)"));
    lines << QStringLiteral("ReplicaSets: %1 -> %2").arg(replicaSetsBefore).arg(replicaSetsAfter);
    return lines;
}

QJsonObject CleanupPlan::toJson() const {
    QJsonArray deleteList;
    for (const PlannedDelete &d : deletes)
        deleteList.append(QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("uid"), d.uid},
            {QStringLiteral("resourceVersion"), d.resourceVersion},
            {QStringLiteral("deployment"),
             d.deployment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.deployment)},
            {QStringLiteral("revision"), d.revision},
            {QStringLiteral("orphan"), d.orphan},
            {QStringLiteral("reason"), d.reason}});
    QJsonArray patchList;
    for (const PlannedPatch &p : patches)
        patchList.append(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("Deployment")},
                        {QStringLiteral("name"), p.deployment},
                        {QStringLiteral("field"), QStringLiteral("spec.revisionHistoryLimit")},
                        {QStringLiteral("from"), limitValue(p.from)},
                        {QStringLiteral("to"), p.to},
                        {QStringLiteral("patch"), p.body()},
                        {QStringLiteral("reason"), p.reason}});
    QJsonArray orphanList;
    for (const OrphanEntry &o : orphans)
        orphanList.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                      {QStringLiteral("name"), o.name},
                                      {QStringLiteral("uid"), o.uid},
                                      {QStringLiteral("resourceVersion"), o.resourceVersion},
                                      {QStringLiteral("replicas"), o.replicas},
                                      {QStringLiteral("delete"), o.willDelete},
                                      {QStringLiteral("reason"), o.reason}});
    QJsonArray keptList;
    for (const KeptEntry &k : kept)
        keptList.append(QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {QStringLiteral("name"), k.name},
            {QStringLiteral("deployment"),
             k.deployment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(k.deployment)},
            {QStringLiteral("revision"), k.revision},
            {QStringLiteral("reason"), k.why}});
    QJsonArray deploymentList;
    for (const DeploymentCleanup &d : deployments)
        deploymentList.append(
            QJsonObject{{QStringLiteral("name"), d.deployment},
                        {QStringLiteral("healthy"), d.healthy},
                        {QStringLiteral("owned"), d.owned},
                        {QStringLiteral("deleting"), d.deleting},
                        {QStringLiteral("keeping"), d.keeping},
                        {QStringLiteral("rollbackRevision"), d.rollbackRevision < 0
                                                                 ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(d.rollbackRevision)},
                        {QStringLiteral("historyLimitFrom"), limitValue(d.historyFrom)},
                        {QStringLiteral("historyLimitTo"), limitValue(d.historyTo)}});
    return QJsonObject{
        {QStringLiteral("keep"), options.keep},
        {QStringLiteral("deployments"), deploymentList},
        {QStringLiteral("includeOrphans"), options.includeOrphans},
        {QStringLiteral("delete"), deleteList},
        {QStringLiteral("patch"), patchList},
        {QStringLiteral("orphans"), orphanList},
        {QStringLiteral("kept"), keptList},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("replicaSetsBefore"), replicaSetsBefore},
                     {QStringLiteral("replicaSetsAfter"), replicaSetsAfter},
                     {QStringLiteral("deletes"), int(deletes.size())},
                     {QStringLiteral("patches"), int(patches.size())},
                     {QStringLiteral("orphans"), int(orphans.size())}}},
    };
}

} // namespace kiosk::k8s
