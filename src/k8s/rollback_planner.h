#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What `kubectl rollout undo deployment/NAME [--to-revision N]` does, as a pure plan: the
// revision it picks, the JSON patch it sends, its refusals and its no-op. Also the revision
// history of a deployment and a "roll back?" suggestion for a failing one.
namespace kiosk::k8s {

struct RollbackPlan {
    enum class Outcome {
        Patch,   // send `patch` (application/json-patch+json) to the deployment
        NoOp,    // the template already matches the target revision: nothing to send
        Refused, // paused, no history, revision not found: `message` says why
    };
    Outcome outcome = Outcome::Refused;
    QString deployment;
    qint64 toRevision = 0;     // as asked (0 = the previous revision)
    qint64 revision = 0;       // the revision chosen
    QString replicaSetName;    // the ReplicaSet holding it
    QStringList images;        // its containers' images
    QStringList currentImages; // the deployment's, before the rollback
    QJsonObject podTemplate;   // its template, pod-template-hash label removed
    QJsonObject annotations;   // the deployment's metadata.annotations after the rollback
    QJsonArray
        patch; // [{"op":"replace","path":"/spec/template",...},{... "/metadata/annotations" ...}]
    QString message; // "deployment.apps/NAME rolled back", "skipped rollback (...)", or the refusal

    bool ok() const { return outcome != Outcome::Refused; }
    QByteArray patchBody() const; // compact JSON of `patch`
    // {"deployment", "outcome": "patch"|"noop"|"refused", "toRevision", "revision",
    //  "replicaSet", "images", "currentImages", "message", "patch"} for `cluster rollback --json`.
    QJsonObject toJson() const;
};

// Annotations kubectl keeps from the deployment instead of taking them from the ReplicaSet
// (rollback.go's annotationsToSkip).
QStringList rollbackAnnotationsToSkip();

// kubectl's choice among the deployment's own ReplicaSets (controller ownerReference):
// toRevision 0 = the second-highest revision (an absent annotation counts as revision 0, an
// unparsable one is ignored); otherwise the one with that revision. Returns the index in
// `replicaSets`, or -1 with `error` set: "no rollout history found for deployment \"NAME\"" or
// "unable to find specified revision N in history".
int chooseRollbackReplicaSet(const QJsonObject &deployment, const QList<QJsonObject> &replicaSets,
                             qint64 toRevision, QString *error = nullptr);

// The plan, checked in kubectl's order: revision lookup, paused ("you cannot rollback a paused
// deployment; resume it first with 'kubectl rollout resume deployment/NAME' and try again"),
// then the no-op when the template already matches ("skipped rollback (current template already
// matches revision N)"; N is the revision found, where kubectl prints the --to-revision value).
// Annotations: the deployment's skip-listed ones, plus all of the ReplicaSet's that are not
// skip-listed (the deployment's other annotations are dropped, as kubectl's replace does),
// except kEverRanAnnotation, which is this kiosk's bookkeeping and stays on the ReplicaSet.
RollbackPlan planRollback(const QJsonObject &deployment, const QList<QJsonObject> &replicaSets,
                          qint64 toRevision = 0);

struct RevisionEntry {
    qint64 revision = 0;
    QString replicaSetName;
    QStringList images;
    QDateTime created;
    bool current = false; // the deployment's current ReplicaSet (template matches)
    int replicas = 0;     // spec.replicas
    int readyReplicas = 0;
    bool everRan = false; // its pods once ran (see ranEvidence)
    QString ranEvidence; // "ready replicas", "available replicas", "annotation", "ready pod", or ""
    QString changeCause; // kubernetes.io/change-cause, if recorded

    // `--to-revision` can reach it: not the current one, and a revision number kubectl can find.
    bool canRollBackTo() const { return !current && revision > 0; }
};

// The deployment's own ReplicaSets as a history, newest revision first. everRan: status
// readyReplicas or availableReplicas > 0 now, or the kEverRanAnnotation annotation is "true", or
// one of `pods` controlled by it is Ready (condition or a ready container).
QList<RevisionEntry> revisionHistory(const QJsonObject &deployment,
                                     const QList<QJsonObject> &replicaSets,
                                     const QList<QJsonObject> &pods = {});

// [{"revision", "replicaSet", "images", "created", "current", "replicas", "readyReplicas",
//   "everRan", "ranEvidence", "changeCause"}, ...]
QJsonArray revisionHistoryToJson(const QList<RevisionEntry> &history);

struct RollbackSuggestion {
    bool applicable = false;
    qint64 revision = 0;
    QStringList images;
    QString text; // "Roll back to revision 7 (image kilo-meds:cb1)"
};

// For a deployment that is not healthy (deploymentHealth with `pods`), not paused, whose
// previous revision (kubectl's choice) once ran pods and differs from the current template.
RollbackSuggestion rollbackSuggestion(const QJsonObject &deployment,
                                      const QList<QJsonObject> &replicaSets,
                                      const QList<QJsonObject> &pods = {});

} // namespace kiosk::k8s
