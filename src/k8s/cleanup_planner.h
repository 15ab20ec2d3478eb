#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The stale ReplicaSet cleanup of issue 6 as a pure plan: which ReplicaSets to delete, which
// deployments' revisionHistoryLimit to lower, which orphans exist, and why each stays or goes.
namespace kiosk::k8s {

struct CleanupOptions {
    int keep = 3;                // old ReplicaSets kept per deployment, newest revisions first
    bool includeOrphans = false; // also delete orphaned ReplicaSets (when otherwise safe)
};

struct PlannedDelete {
    QString name;
    QString uid;             // send as preconditions.uid
    QString resourceVersion; // send as preconditions.resourceVersion
    QString deployment;      // owner ("" for an orphan)
    qint64 revision = 0;
    bool orphan = false;
    QString reason;
    // The DELETE body: a v1 DeleteOptions with preconditions (uid, resourceVersion), so a
    // ReplicaSet changed since the preview is refused (409) instead of deleted; with dryRun,
    // "dryRun": ["All"] as well.
    QJsonObject deleteOptions(bool dryRun = false) const;
};

struct PlannedPatch {
    QString deployment;
    int from = -1; // current revisionHistoryLimit, -1 when unset
    int to = 0;
    QString reason;
    // {"spec":{"revisionHistoryLimit":to}}, sent as application/merge-patch+json (or
    // application/strategic-merge-patch+json, same effect here).
    QJsonObject body() const;
};

struct OrphanEntry {
    QString name;
    QString uid;
    QString resourceVersion;
    int replicas = 0; // max(spec.replicas, status.replicas)
    bool willDelete = false;
    QString reason;
};

struct KeptEntry {
    QString name;
    QString deployment; // "" for orphans and foreign ones
    qint64 revision = 0;
    QString why;
};

struct DeploymentCleanup {
    QString deployment;
    bool healthy = true;
    qint64 rollbackRevision = -1; // kept rollback target of an unhealthy deployment, -1 if none
    QString rollbackReplicaSet;
    int owned = 0;
    int deleting = 0;
    int keeping = 0; // owned ReplicaSets that stay, current included
    int historyFrom = -1;
    int historyTo = -1; // -1 when not patched
};

struct CleanupPlan {
    CleanupOptions options;
    QList<PlannedDelete> deletes;
    QList<PlannedPatch> patches;
    QList<OrphanEntry> orphans;
    QList<KeptEntry> kept;
    QList<DeploymentCleanup> deployments; // per deployment, input order
    int replicaSetsBefore = 0;
    int replicaSetsAfter = 0; // before - deletes

    bool isEmpty() const { return deletes.isEmpty() && patches.isEmpty(); }
    // One line per deployment with something to say, then one for orphans, e.g.
    // "kilo-meds: delete 4 old ReplicaSets (revisions 1-4), keep 4 (current and 3 old, rollback
    // target revision 7); revisionHistoryLimit 10 -> 3".
    QStringList summaryLines() const;
    // As `cluster cleanup --json` prints it: {"keep", "includeOrphans", "delete": [...],
    // "patch": [...], "orphans": [...], "kept": [...], "deployments": [...], "summary": {...}};
    // every item of delete, patch, orphans and kept has "kind", "name" and "reason".
    QJsonObject toJson() const;
};

// Rules (issue 6):
//  - per deployment, its old ReplicaSets (owned, not current) newest revision first: the first
//    `keep` stay; the rest are deleted unless protected;
//  - never deleted: the current ReplicaSet; one with spec.replicas or status.replicas > 0; one
//    being deleted (deletionTimestamp); one whose metadata.generation is ahead of
//    status.observedGeneration; for a deployment that is not healthy (deploymentHealth with
//    `pods`), its rollback target (the revision `kubectl rollout undo` would pick);
//  - revisionHistoryLimit is patched to `keep` where it is unset or higher; for an unhealthy
//    deployment to at least 1;
//  - orphaned ReplicaSets are listed apart and deleted only with includeOrphans (and when not
//    protected as above); ReplicaSets controlled by something other than a Deployment are never
//    touched.
CleanupPlan planCleanup(const QList<QJsonObject> &deployments,
                        const QList<QJsonObject> &replicaSets, const QList<QJsonObject> &pods = {},
                        const CleanupOptions &options = {});

} // namespace kiosk::k8s
