#include "k8s/cluster_monitor.h"

#include "k8s/api_client.h"
#include "k8s/resource_informer.h"
#include "k8s/resource_path.h"

namespace kiosk::k8s {

ClusterMonitor::ClusterMonitor(const ClusterConnection &connection, QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(connection, this)) {
    const QString ns = connection.nameSpace;
    m_deployments = new ResourceInformer(
        m_client, ResourcePath::collection(ResourceKind::Deployment, ns), this);
    m_replicaSets = new ResourceInformer(
        m_client, ResourcePath::collection(ResourceKind::ReplicaSet, ns), this);
    m_pods = new ResourceInformer(m_client, ResourcePath::collection(ResourceKind::Pod, ns), this);
    for (ResourceInformer *informer : {m_deployments, m_replicaSets, m_pods}) {
        connect(informer, &ResourceInformer::changed, this, &ClusterMonitor::changed);
        connect(informer, &ResourceInformer::stateChanged, this, &ClusterMonitor::stateChanged);
    }
}

ClusterMonitor::~ClusterMonitor() = default;

void ClusterMonitor::start() {
    m_running = true;
    for (ResourceInformer *informer : {m_deployments, m_replicaSets, m_pods})
        informer->start();
    emit stateChanged();
}

void ClusterMonitor::stop() {
    m_running = false;
    for (ResourceInformer *informer : {m_deployments, m_replicaSets, m_pods})
        informer->stop();
    emit stateChanged();
}

ClusterMonitor::State ClusterMonitor::state() const {
    if (!m_running)
        return State::Stopped;
    bool anyReconnecting = false;
    bool allLive = true;
    for (const ResourceInformer *informer : {m_deployments, m_replicaSets, m_pods}) {
        anyReconnecting |= informer->state() == ResourceInformer::State::Reconnecting;
        allLive &= informer->state() == ResourceInformer::State::Live;
    }
    if (allLive)
        return State::Live;
    if (anyReconnecting)
        return State::Reconnecting;
    return State::Connecting;
}

bool ClusterMonitor::hasSynced() const {
    return m_deployments->hasSynced() && m_replicaSets->hasSynced() && m_pods->hasSynced();
}

ApiError ClusterMonitor::lastError() const {
    for (const ResourceInformer *informer : {m_deployments, m_replicaSets, m_pods}) {
        if (informer->lastError().isError())
            return informer->lastError();
    }
    return {};
}

QDateTime ClusterMonitor::lastContact() const {
    QDateTime oldest;
    for (const ResourceInformer *informer : {m_deployments, m_replicaSets, m_pods}) {
        const QDateTime t = informer->lastContact();
        if (!t.isValid())
            return {};
        if (!oldest.isValid() || t < oldest)
            oldest = t;
    }
    return oldest;
}

const ClusterConnection &ClusterMonitor::connection() const {
    return m_client->connection();
}

QList<QJsonObject> ClusterMonitor::deployments() const {
    return m_deployments->sortedObjects();
}

QList<QJsonObject> ClusterMonitor::replicaSets() const {
    return m_replicaSets->sortedObjects();
}

QList<QJsonObject> ClusterMonitor::pods() const {
    return m_pods->sortedObjects();
}

} // namespace kiosk::k8s
