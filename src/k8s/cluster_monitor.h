#pragma once

#include "k8s/api_error.h"
#include "k8s/cluster_connection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

namespace kiosk::k8s {

class ApiClient;
class ResourceInformer;

// Live Deployments, ReplicaSets and Pods of one namespace, each kept by its own informer.
class ClusterMonitor : public QObject {
    Q_OBJECT

public:
    enum class State { Connecting, Live, Reconnecting, Stopped };
    Q_ENUM(State)

    explicit ClusterMonitor(const ClusterConnection &connection, QObject *parent = nullptr);
    ~ClusterMonitor() override;

    void start();
    void stop();

    State state() const;
    bool hasSynced() const;        // every collection listed at least once
    ApiError lastError() const;    // the most recent error of any collection
    QDateTime lastContact() const; // the oldest of the collections' last contacts
    const ClusterConnection &connection() const;
    ApiClient *client() const { return m_client; }

    QList<QJsonObject> deployments() const;
    QList<QJsonObject> replicaSets() const;
    QList<QJsonObject> pods() const;

    ResourceInformer *deploymentInformer() const { return m_deployments; }
    ResourceInformer *replicaSetInformer() const { return m_replicaSets; }
    ResourceInformer *podInformer() const { return m_pods; }

signals:
    void changed();
    void stateChanged();

private:
    ApiClient *m_client;
    ResourceInformer *m_deployments;
    ResourceInformer *m_replicaSets;
    ResourceInformer *m_pods;
    bool m_running = false;
};

} // namespace kiosk::k8s
