#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Sorts a namespace's ReplicaSets against its Deployments: which is each deployment's current
// one, which are old (and stale), which belong to nobody.
namespace kiosk::k8s {

enum class ReplicaSetClass {
    Current,  // owned by a deployment and its pod template matches the deployment's
    Old,      // owned, not current, still has replicas (spec or status) above 0
    Stale,    // owned, not current, spec.replicas 0 and status.replicas 0
    Orphaned, // no controller ownerReference, or one to a Deployment that does not exist
    Foreign,  // controlled by something else than a Deployment (never ours to touch)
};

QString replicaSetClassName(ReplicaSetClass c); // "current", "old", "stale", "orphaned", "foreign"

struct ReplicaSetInfo {
    QString name;
    QString uid;
    QString resourceVersion;
    QString deployment; // owning deployment's name ("" for orphaned / foreign)
    QString ownerKind;  // the controller ownerReference's kind and name, if any
    QString ownerName;
    qint64 revision = 0; // deployment.kubernetes.io/revision (0 when absent or invalid)
    bool hasRevision = false;
    int specReplicas = 0;
    int statusReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    QStringList images;
    QDateTime created;
    bool beingDeleted = false;    // metadata.deletionTimestamp set
    bool generationAhead = false; // metadata.generation > status.observedGeneration
    ReplicaSetClass kind = ReplicaSetClass::Orphaned;
    // Zero replicas (spec and status) and not current: Stale ones, and orphans with 0 replicas.
    bool stale = false;
    QJsonObject object;
};

struct DeploymentReplicaSets {
    QString deployment;
    QString currentName; // "" when no owned ReplicaSet matches the template
    qint64 currentRevision = 0;
    int owned = 0;           // all owned ReplicaSets, current included
    int current = 0;         // 0 or 1
    int templateMatches = 0; // owned ReplicaSets whose template matches (normally 1)
    int old = 0;             // owned, not current (Old and Stale)
    int stale = 0;
    int revisionHistoryLimit = -1; // the deployment's, -1 when unset
};

struct ReplicaSetClassification {
    QList<ReplicaSetInfo> replicaSets;        // in input order
    QList<DeploymentReplicaSets> deployments; // in input order
    int total = 0;
    int current = 0;
    int old = 0;   // Old + Stale
    int stale = 0; // entries with `stale` set (orphans with 0 replicas included)
    int orphaned = 0;
    int foreign = 0;

    // Indexes into `replicaSets` of each deployment's own, by deployment name.
    QHash<QString, QList<int>> ownedIndexes;
    // Index into `deployments` by deployment name, so forDeployment() does not walk thousands.
    QHash<QString, int> deploymentIndexes;

    const DeploymentReplicaSets *forDeployment(const QString &name) const;
    // The deployment's ReplicaSets, newest revision first (ties: newest creation first).
    QList<ReplicaSetInfo> ownedBy(const QString &deployment) const;
    QList<ReplicaSetInfo> ofKind(ReplicaSetClass kind) const;
};

// Current: among the deployment's own ReplicaSets (controller ownerReference, by uid), the
// one whose pod template equals the deployment's ignoring pod-template-hash; the highest
// revision wins when several match. When none matches (e.g. the new one is not created yet),
// the one whose revision equals the deployment's revision annotation is current, if any.
ReplicaSetClassification classifyReplicaSets(const QList<QJsonObject> &deployments,
                                             const QList<QJsonObject> &replicaSets);

} // namespace kiosk::k8s
