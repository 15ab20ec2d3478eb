#pragma once

#include <QString>
#include <QStringList>

namespace kiosk::sim {

class Kubelet;
class ObjectService;

// The clusters the simulator can start with.
//  - kilo-guardian: the incident's cluster (DESIGN.md): 14 deployments with one pod each, 63 old
//    ReplicaSets with 0 replicas + 1 orphaned + 14 current = 78, kilo-meds crash-looping on
//    kilo-meds:ai-brain-ocr-v2 (ModuleNotFoundError: prometheus_client) with kilo-meds:cb1 as
//    its healthy previous revision, 15 services, one k3s node.
//  - scale: namespace "scale" with 5,000 deployments, 25,000 ReplicaSets and 5,000 pods.
//  - empty: just the system namespaces and the node.
class Scenario {
public:
    static QStringList names();
    // Writes the scenario's objects straight into an empty store (no watch history) and teaches
    // the kubelet the images. Returns false with *error for an unknown name.
    static bool load(const QString &name, ObjectService *service, Kubelet *kubelet, QString *error);

    static const QString kNodeName;
};

} // namespace kiosk::sim
