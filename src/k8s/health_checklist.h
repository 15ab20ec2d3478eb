#pragma once

#include "k8s/deployment_health.h"
#include "k8s/pod_status.h"
#include "k8s/replicaset_classifier.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The incident report's verification checklist as live checks over a namespace's objects.
namespace kiosk::k8s {

struct HealthCheck {
    QString id;   // stable key: "pods-running", "no-crashloop", ...
    QString name; // for people: "All pods running"
    bool ok = false;
    QString detail; // one line: counts, and the first few offenders by name

    // What `name` and `detail` say, as data, for a UI that words them in its own language
    // (src/ui/health_check_text.*); `name` and `detail` stay the CLI's English.
    int count = 0;              // how many fail the check
    int total = 0;              // how many were checked: pods, deployments, or ReplicaSets
                                // (stale-within-limit: the deployments' stale ReplicaSets)
    int limit = 0;              // history-limit-set: the target revisionHistoryLimit
    QStringList offenders = {}; // all that fail, each a name with its facts in brackets
    QStringList unset = {};     // history-limit-set: deployments without a revisionHistoryLimit
};

struct ChecklistOptions {
    int historyLimitTarget = 3; // the report's revisionHistoryLimit (check "history-limit-set")
    QDateTime now;              // for pod rows; invalid = current time
    int namesShown = 3;         // offenders named in a detail before "+N more"
};

// Checks, in this order (ids):
//  pods-running         every pod Running with all containers ready, or Completed
//  no-crashloop         no pod in CrashLoopBackOff (Init:CrashLoopBackOff included)
//  no-imagepull         no pod in ImagePullBackOff or ErrImagePull (Init: variants included)
//  no-error             no pod in Error, ExitCode:N, Signal:N, OOMKilled, Create/RunContainerError
//                       (Init: variants included)
//  no-pending           no pod in phase Pending
//  no-unknown           no pod Unknown (STATUS or phase)
//  deployments-healthy  every deployment healthy (deploymentHealth with its pods)
//  one-current-rs       every deployment has exactly one current ReplicaSet
//  stale-within-limit   each deployment's stale ReplicaSets <= its revisionHistoryLimit (10 if
//  unset) no-orphans           no orphaned ReplicaSets history-limit-set    every deployment sets
//  revisionHistoryLimit, at most historyLimitTarget
QList<HealthCheck> healthChecklist(const QList<QJsonObject> &deployments,
                                   const QList<QJsonObject> &replicaSets,
                                   const QList<QJsonObject> &pods,
                                   const ChecklistOptions &options = {});
// The same checks from what the caller has already worked out over the same objects (the
// cluster report does): each pod's row and phase, each deployment's health, the ReplicaSet classes.
QList<HealthCheck> healthChecklist(const QList<PodRow> &podRows, const QStringList &podPhases,
                                   const QList<DeploymentHealth> &deployments,
                                   const ReplicaSetClassification &replicaSets,
                                   const ChecklistOptions &options = {});
QList<HealthCheck> healthChecklist(const QJsonArray &deployments, const QJsonArray &replicaSets,
                                   const QJsonArray &pods, const ChecklistOptions &options = {});

bool allChecksOk(const QList<HealthCheck> &checks);
// [{"id", "name", "ok", "detail"}, ...] as `cluster status --json` prints under "checks".
QJsonArray checksToJson(const QList<HealthCheck> &checks);

} // namespace kiosk::k8s
