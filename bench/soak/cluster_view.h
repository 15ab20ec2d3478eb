#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kiosk::k8s {
class ClusterMonitor;
}

namespace kiosk::bench {

// One side's picture of a namespace, reduced to what kubectl shows of it: per pod the columns of
// `kubectl get pods` (READY, STATUS, RESTARTS), per ReplicaSet and Deployment the replica
// counters and the image. Two views are equal when a person could not tell them apart.
struct ClusterView {
    struct Pod {
        QString ready;
        QString status;
        int restarts = 0;
        bool operator==(const Pod &) const = default;
    };
    struct Workload {
        int specReplicas = 0;
        int replicas = 0;
        int readyReplicas = 0;
        int availableReplicas = 0;
        QString images;
        bool operator==(const Workload &) const = default;
    };
    QMap<QString, Pod> pods;
    QMap<QString, Workload> replicaSets;
    QMap<QString, Workload> deployments;

    // The kiosk's side: its informers' objects through ClusterHealthReport (kubectl's STATUS
    // rules).
    static ClusterView fromMonitor(const k8s::ClusterMonitor &monitor);
    // kubectl's side: `kubectl get deployments,replicasets,pods -o json` for names and counters,
    // `kubectl get pods --no-headers` for READY, STATUS and RESTARTS as kubectl prints them.
    // `error` says why the two answers do not describe the same moment (then retake them).
    static ClusterView fromKubectl(const QByteArray &json, const QByteArray &podTable,
                                   QString *error);

    // One line per difference, "what: kiosk X, kubectl Y"; empty when equal.
    static QStringList differences(const ClusterView &kiosk, const ClusterView &kubectl);
};

} // namespace kiosk::bench
