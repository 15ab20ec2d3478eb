#include "ui/cluster_summary.h"

#include <algorithm>

namespace kiosk::ui {

ClusterSummary ClusterSummary::fromReport(const k8s::ClusterHealthReport &report) {
    ClusterSummary s;
    s.podsRunning = report.podsRunning;
    s.podsTotal = int(report.pods.size());
    s.deploymentsHealthy = report.deploymentsHealthy;
    s.deploymentsTotal = int(report.deployments.size());
    s.replicaSetsTotal = report.replicaSets.total;
    s.staleReplicaSets = report.replicaSets.stale;
    s.orphanedReplicaSets = report.replicaSets.orphaned;
    s.checksPassed = int(std::count_if(report.checks.cbegin(), report.checks.cend(),
                                       [](const k8s::HealthCheck &c) { return c.ok; }));
    s.checksTotal = int(report.checks.size());
    s.allChecksPass = report.allChecksPass();
    return s;
}

} // namespace kiosk::ui
