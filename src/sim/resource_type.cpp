#include "sim/resource_type.h"

namespace kiosk::sim {

namespace {
const QStringList kAllVerbs = {
    QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
    QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
    QStringLiteral("update"), QStringLiteral("watch")};
} // namespace

ResourceCatalog::ResourceCatalog() {
    const QString core;
    const QString apps = QStringLiteral("apps");
    const QString v1 = QStringLiteral("v1");
    const QStringList all = {QStringLiteral("all")};
    m_types = {
        {core,
         v1,
         QStringLiteral("Namespace"),
         QStringLiteral("namespaces"),
         QStringLiteral("namespace"),
         false,
         {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"),
          QStringLiteral("list"), QStringLiteral("patch"), QStringLiteral("update"),
          QStringLiteral("watch")},
         {QStringLiteral("ns")},
         {},
         {QStringLiteral("status"), QStringLiteral("finalize")},
         false},
        {core,
         v1,
         QStringLiteral("Node"),
         QStringLiteral("nodes"),
         QStringLiteral("node"),
         false,
         kAllVerbs,
         {QStringLiteral("no")},
         {},
         {QStringLiteral("status")},
         false},
        {core,
         v1,
         QStringLiteral("Pod"),
         QStringLiteral("pods"),
         QStringLiteral("pod"),
         true,
         kAllVerbs,
         {QStringLiteral("po")},
         all,
         {QStringLiteral("status"), QStringLiteral("log")},
         false},
        {core,
         v1,
         QStringLiteral("Service"),
         QStringLiteral("services"),
         QStringLiteral("service"),
         true,
         {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
          QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("patch"),
          QStringLiteral("update"), QStringLiteral("watch")},
         {QStringLiteral("svc")},
         all,
         {QStringLiteral("status")},
         false},
        {core,
         v1,
         QStringLiteral("Event"),
         QStringLiteral("events"),
         QStringLiteral("event"),
         true,
         kAllVerbs,
         {QStringLiteral("ev")},
         {},
         {},
         false},
        {apps,
         v1,
         QStringLiteral("Deployment"),
         QStringLiteral("deployments"),
         QStringLiteral("deployment"),
         true,
         kAllVerbs,
         {QStringLiteral("deploy")},
         all,
         {QStringLiteral("status"), QStringLiteral("scale")},
         true},
        {apps,
         v1,
         QStringLiteral("ReplicaSet"),
         QStringLiteral("replicasets"),
         QStringLiteral("replicaset"),
         true,
         kAllVerbs,
         {QStringLiteral("rs")},
         all,
         {QStringLiteral("status"), QStringLiteral("scale")},
         true},
        {QStringLiteral("authorization.k8s.io"),
         v1,
         QStringLiteral("SelfSubjectAccessReview"),
         QStringLiteral("selfsubjectaccessreviews"),
         QStringLiteral("selfsubjectaccessreview"),
         false,
         {QStringLiteral("create")},
         {},
         {},
         {},
         false},
    };
    m_namespaces = &m_types[0];
    m_nodes = &m_types[1];
    m_pods = &m_types[2];
    m_services = &m_types[3];
    m_events = &m_types[4];
    m_deployments = &m_types[5];
    m_replicaSets = &m_types[6];
    m_accessReviews = &m_types[7];
}

const ResourceCatalog &ResourceCatalog::instance() {
    static const ResourceCatalog catalog;
    return catalog;
}

const ResourceType *ResourceCatalog::find(const QString &group, const QString &version,
                                          const QString &plural) const {
    for (const auto &type : m_types) {
        if (type.group == group && type.version == version && type.plural == plural)
            return &type;
    }
    return nullptr;
}

const ResourceType *ResourceCatalog::findByKind(const QString &apiVersion,
                                                const QString &kind) const {
    for (const auto &type : m_types) {
        if (type.apiVersion() == apiVersion && type.kind == kind)
            return &type;
    }
    return nullptr;
}

QStringList ResourceCatalog::groups() const {
    QStringList result;
    for (const auto &type : m_types) {
        if (!type.group.isEmpty() && !result.contains(type.group))
            result.append(type.group);
    }
    return result;
}

QStringList ResourceCatalog::groupVersions() const {
    QStringList result;
    for (const auto &type : m_types) {
        if (!result.contains(type.apiVersion()))
            result.append(type.apiVersion());
    }
    return result;
}

} // namespace kiosk::sim
