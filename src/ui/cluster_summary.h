#pragma once

#include "k8s/cluster_health_report.h"

#include <QMetaType>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// The Cluster page's tiles as one typed value (QML reads cluster.summary.podsRunning and so on),
// counted from one ClusterHealthReport.
struct ClusterSummary {
    Q_GADGET
    QML_VALUE_TYPE(clusterSummary)
    Q_PROPERTY(int podsRunning MEMBER podsRunning)
    Q_PROPERTY(int podsTotal MEMBER podsTotal)
    Q_PROPERTY(int deploymentsHealthy MEMBER deploymentsHealthy)
    Q_PROPERTY(int deploymentsTotal MEMBER deploymentsTotal)
    Q_PROPERTY(int replicaSetsTotal MEMBER replicaSetsTotal)
    Q_PROPERTY(int staleReplicaSets MEMBER staleReplicaSets)
    Q_PROPERTY(int orphanedReplicaSets MEMBER orphanedReplicaSets)
    Q_PROPERTY(int checksPassed MEMBER checksPassed)
    Q_PROPERTY(int checksTotal MEMBER checksTotal)
    Q_PROPERTY(bool allChecksPass MEMBER allChecksPass)

public:
    static ClusterSummary fromReport(const k8s::ClusterHealthReport &report);
    bool operator==(const ClusterSummary &) const = default;

    int podsRunning = 0;
    int podsTotal = 0;
    int deploymentsHealthy = 0;
    int deploymentsTotal = 0;
    int replicaSetsTotal = 0;
    int staleReplicaSets = 0;
    int orphanedReplicaSets = 0;
    int checksPassed = 0;
    int checksTotal = 0;
    bool allChecksPass = false;
};

} // namespace kiosk::ui
