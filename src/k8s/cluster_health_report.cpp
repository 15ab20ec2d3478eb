#include "k8s/cluster_health_report.h"

#include "k8s/object_fields.h"

#include <QJsonArray>

namespace kiosk::k8s {

ClusterHealthReport ClusterHealthReport::build(const QList<QJsonObject> &deployments,
                                               const QList<QJsonObject> &replicaSets,
                                               const QList<QJsonObject> &pods,
                                               const QDateTime &now) {
    ClusterHealthReport report;
    report.replicaSets = classifyReplicaSets(deployments, replicaSets);
    QHash<QString, QString> replicaSetDeployment;
    for (const auto &info : report.replicaSets.replicaSets)
        replicaSetDeployment.insert(info.name, info.deployment);

    QStringList phases;
    phases.reserve(pods.size());
    report.pods.reserve(pods.size());
    for (const QJsonObject &pod : pods) {
        PodRow row = podRow(pod, now);
        phases << fields::status(pod).value(QLatin1String("phase")).toString();
        const QJsonObject owner = fields::controllerRef(pod);
        const QString deployment = owner.value(u"kind").toString() == u"ReplicaSet"
                                       ? replicaSetDeployment.value(owner.value(u"name").toString())
                                       : QString();
        report.podDeployment.insert(row.name, deployment);
        if (!deployment.isEmpty())
            report.deploymentRestarts[deployment] += row.restarts;
        if (row.status == u"Running")
            ++report.podsRunning;
        report.pods.append(std::move(row));
    }
    report.deployments = deploymentHealths(deployments, pods);
    for (const auto &health : report.deployments)
        report.deploymentsHealthy += health.healthy ? 1 : 0;
    ChecklistOptions options;
    options.now = now;
    // The checklist from the rows, healths and classes above, not worked out a second time.
    report.checks =
        healthChecklist(report.pods, phases, report.deployments, report.replicaSets, options);
    return report;
}

bool ClusterHealthReport::allChecksPass() const {
    return allChecksOk(checks);
}

QJsonObject ClusterHealthReport::toJson() const {
    QJsonArray deploymentArray;
    for (const auto &d : deployments) {
        const auto *rs = replicaSets.forDeployment(d.name);
        deploymentArray.append(QJsonObject{
            {"name", d.name},
            {"healthy", d.healthy},
            {"ready", d.ready},
            {"desired", d.desired},
            {"available", d.available},
            {"updated", d.updated},
            {"image", d.images.value(0)},
            {"images", QJsonArray::fromStringList(d.images)},
            {"paused", d.paused},
            {"revision", d.revision},
            {"revision_history_limit",
             d.revisionHistoryLimit < 0 ? QJsonValue() : QJsonValue(d.revisionHistoryLimit)},
            {"restarts", deploymentRestarts.value(d.name)},
            {"stale_replicasets", rs ? rs->stale : 0},
            {"reason", d.reason},
        });
    }
    QJsonArray podArray;
    for (const auto &p : pods) {
        podArray.append(QJsonObject{
            {"name", p.name},
            {"status", p.status},
            {"ready", p.ready},
            {"restarts", p.restarts},
            {"restarts_text", p.restartsText},
            {"age", p.age},
            {"healthy", p.healthy},
            {"deployment", podDeployment.value(p.name)},
            {"reason", p.reason},
        });
    }
    return QJsonObject{
        {"deployments", deploymentArray},
        {"pods", podArray},
        {"replicasets", QJsonObject{{"total", replicaSets.total},
                                    {"current", replicaSets.current},
                                    {"old", replicaSets.old},
                                    {"stale", replicaSets.stale},
                                    {"orphaned", replicaSets.orphaned}}},
        {"checks", checksToJson(checks)},
        {"summary", QJsonObject{{"pods_running", podsRunning},
                                {"pods_total", pods.size()},
                                {"deployments_healthy", deploymentsHealthy},
                                {"deployments_total", deployments.size()},
                                {"healthy", allChecksPass()}}},
    };
}

} // namespace kiosk::k8s
