#pragma once

#include <QString>

namespace kiosk::k8s {

// The kinds of namespaced object the kiosk reads or changes, with their API group and version.
enum class ResourceKind { Pod, Event, Deployment, ReplicaSet };

// REST paths of namespaced resources, built from the kind instead of by hand in every caller:
// collection(Pod, "kilo") is "/api/v1/namespaces/kilo/pods"; object(Deployment, "kilo", "meds")
// is "/apis/apps/v1/namespaces/kilo/deployments/meds"; subresource(Pod, ns, "p", "log") adds
// "/log". Names and namespaces are percent-encoded, so a name typed by a person stays one path
// segment.
class ResourcePath {
public:
    static QString collection(ResourceKind kind, const QString &nameSpace);
    static QString object(ResourceKind kind, const QString &nameSpace, const QString &name);
    static QString subresource(ResourceKind kind, const QString &nameSpace, const QString &name,
                               const QString &subresource);
    // "pods", "events", "deployments", "replicasets".
    static QString plural(ResourceKind kind);
};

} // namespace kiosk::k8s
