#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// A Deployment's health at a glance and what `kubectl rollout status` would say about it.
namespace kiosk::k8s {

struct DeploymentHealth {
    QString name;
    int desired = 0;        // spec.replicas (1 when absent, as the API server defaults it)
    int current = 0;        // status.replicas
    int updated = 0;        // status.updatedReplicas
    int ready = 0;          // status.readyReplicas
    int available = 0;      // status.availableReplicas
    int unavailable = 0;    // status.unavailableReplicas
    QString readyText;      // kubectl's READY column: "ready/desired"
    QStringList images;     // spec.template containers' images, in order
    QStringList containers; // their names
    bool paused = false;
    bool observed = true;          // metadata.generation <= status.observedGeneration
    qint64 revision = 0;           // deployment.kubernetes.io/revision annotation
    int revisionHistoryLimit = -1; // -1 when unset
    QString progressingStatus;     // "True" / "False" / "Unknown" / "" (no condition)
    QString progressingReason;     // NewReplicaSetAvailable, ReplicaSetUpdated,
                                   // ProgressDeadlineExceeded, ...
    QString progressingMessage;
    bool progressDeadlineExceeded = false;
    QString availableStatus;     // the Available condition's status
    bool replicaFailure = false; // ReplicaFailure condition True (quota, admission, ...)
    QString replicaFailureMessage;
    QStringList failingPods; // "pod-name CrashLoopBackOff" for selected pods in a failure state
                             // (pods in phase Failed/Succeeded or being deleted are left out)
    bool healthy = false;
    QString reason; // one line: why healthy or not

    // Which case `reason` describes, for a UI that words it in its own language
    // (src/ui/deployment_health_text.*); `reason` stays the CLI's English.
    enum class Reason {
        Available,                // all available
        ProgressDeadlineExceeded, // + the counts and failing pods
        ReplicaFailure,           // + replicaFailureMessage, else the counts
        ScaledToZero,
        Unavailable, // fewer available than desired (+ failing pods)
        FailingPods, // all available, but some of its pods fail
        Paused,
        NotObserved,            // the controller has not seen the latest spec yet
        RollingOut,             // updated < desired
        OldReplicasTerminating, // current > updated
    };
    Reason reasonCode = Reason::Available;
};

// `pods` (optional) are the namespace's pods; the deployment's own are picked by its selector
// and named in the reason when they are failing (CrashLoopBackOff, ImagePullBackOff, ...).
// Healthy: not ProgressDeadlineExceeded, no ReplicaFailure, available >= desired, and none of
// its pods failing. A deployment scaled to 0 is healthy.
DeploymentHealth deploymentHealth(const QJsonObject &deployment,
                                  const QList<QJsonObject> &pods = {});
// The same with the deployment's own pods already selected (e.g. through a LabelIndex).
DeploymentHealth deploymentHealthOfPods(const QJsonObject &deployment,
                                        const QList<QJsonObject> &ownPods);
// Every deployment's health in one pass over the namespace's pods (indexed by label): use this
// rather than deploymentHealth() in a loop when there are many deployments and pods.
QList<DeploymentHealth> deploymentHealths(const QList<QJsonObject> &deployments,
                                          const QList<QJsonObject> &pods);

// kubectl's pod statuses that mean "failing, needs a person" rather than "on its way".
bool isFailingPodStatus(const QString &status);

struct RolloutStatus {
    QString message;     // kubectl's line without the trailing newline
    bool done = false;   // "successfully rolled out"
    bool failed = false; // error: progress deadline exceeded, or revision mismatch
};

// What `kubectl rollout status deployment/NAME [--revision N]` prints for this object:
// waits for observedGeneration, fails on ProgressDeadlineExceeded, then N out of M updated,
// old replicas pending termination, updated replicas available, successfully rolled out.
// With pods (optional) it appends kubectl's "(Warning: ...)" for an Unschedulable pod or a
// waiting container in ImagePullBackOff, ErrImagePull, CrashLoopBackOff,
// CreateContainerConfigError or CreateContainerError.
RolloutStatus rolloutStatus(const QJsonObject &deployment, qint64 revision = 0,
                            const QList<QJsonObject> &pods = {});

} // namespace kiosk::k8s
