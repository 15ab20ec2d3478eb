#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kiosk::sim {

// One REST resource the simulator serves (pods, deployments, ...), as discovery describes it.
struct ResourceType {
    QString group;    // "" for the core group
    QString version;  // "v1"
    QString kind;     // "Pod"
    QString plural;   // "pods"
    QString singular; // "pod"
    bool namespaced = true;
    QStringList verbs;
    QStringList shortNames;
    QStringList categories;
    QStringList subresources; // "status", "scale", "log"
    bool hasGeneration = false;

    QString apiVersion() const {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // "deployments.apps" or "pods": how error messages name a resource.
    QString groupResource() const {
        return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
    }
    // "Deployment.apps" or "Pod": how Invalid errors name a kind.
    QString qualifiedKind() const {
        return group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    }
    bool hasSubresource(const QString &name) const { return subresources.contains(name); }
};

// The fixed set of resources the simulator knows, with lookups by URL parts and by kind.
class ResourceCatalog {
public:
    static const ResourceCatalog &instance();

    const QList<ResourceType> &types() const { return m_types; }
    const ResourceType *find(const QString &group, const QString &version,
                             const QString &plural) const;
    const ResourceType *findByKind(const QString &apiVersion, const QString &kind) const;
    const ResourceType &pods() const { return *m_pods; }
    const ResourceType &deployments() const { return *m_deployments; }
    const ResourceType &replicaSets() const { return *m_replicaSets; }
    const ResourceType &events() const { return *m_events; }
    const ResourceType &namespaces() const { return *m_namespaces; }
    const ResourceType &services() const { return *m_services; }
    const ResourceType &nodes() const { return *m_nodes; }
    // authorization.k8s.io/v1 SelfSubjectAccessReview: answered, never stored.
    const ResourceType &accessReviews() const { return *m_accessReviews; }
    // Named API groups, in discovery order: "apps", "authorization.k8s.io".
    QStringList groups() const;
    // Group versions served, in discovery order: "v1", "apps/v1".
    QStringList groupVersions() const;

private:
    ResourceCatalog();
    QList<ResourceType> m_types;
    const ResourceType *m_pods = nullptr;
    const ResourceType *m_deployments = nullptr;
    const ResourceType *m_replicaSets = nullptr;
    const ResourceType *m_events = nullptr;
    const ResourceType *m_namespaces = nullptr;
    const ResourceType *m_services = nullptr;
    const ResourceType *m_nodes = nullptr;
    const ResourceType *m_accessReviews = nullptr;
};

} // namespace kiosk::sim
