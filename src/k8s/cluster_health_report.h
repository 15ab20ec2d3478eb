#pragma once

#include "k8s/deployment_health.h"
#include "k8s/health_checklist.h"
#include "k8s/pod_status.h"
#include "k8s/replicaset_classifier.h"

#include <QJsonObject>

namespace kiosk::k8s {

// One look at a namespace: every deployment's health, every pod's kubectl row, the ReplicaSet
// classes and the incident's verification checklist. The CLI prints it; the UI shows it.
struct ClusterHealthReport {
    QList<DeploymentHealth> deployments;
    QHash<QString, int> deploymentRestarts; // restarts of the deployment's pods, summed
    QHash<QString, QString> podDeployment;  // pod name -> owning deployment ("" if none)
    QList<PodRow> pods;
    ReplicaSetClassification replicaSets;
    QList<HealthCheck> checks;
    int podsRunning = 0;
    int deploymentsHealthy = 0;

    static ClusterHealthReport build(const QList<QJsonObject> &deployments,
                                     const QList<QJsonObject> &replicaSets,
                                     const QList<QJsonObject> &pods, const QDateTime &now);
    bool allChecksPass() const;
    // The shape of `kilo-kiosk cluster status --json`.
    QJsonObject toJson() const;
};

} // namespace kiosk::k8s
