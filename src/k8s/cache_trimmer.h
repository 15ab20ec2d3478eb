#pragma once

#include <QJsonObject>

namespace kiosk::k8s {

// What an informer drops from each object before caching it, as client-go informers do with a
// transform: only fields that no feature reads and that are large on real clusters.
class CacheTrimmer {
public:
    enum class Kind { Deployment, ReplicaSet, Pod, Other };

    explicit CacheTrimmer(Kind kind)
        : m_kind(kind) {}

    // The kind an informer's collection path lists (…/deployments, …/replicasets, …/pods).
    static Kind kindOfCollection(const QString &collectionPath);

    QJsonObject trim(QJsonObject object) const;
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

} // namespace kiosk::k8s
