#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMultiHash>

namespace kiosk::k8s {

// Makes equal JSON subtrees of many objects share one copy (hash-consing): Qt keeps nested
// objects and arrays as reference-counted containers, so 25,000 ReplicaSets that repeat the same
// ports, labels, owner references and annotations need each such subtree only once. The result
// compares equal to the input and serialises to the same bytes; only memory changes.
class JsonSubtreeInterner {
public:
    // `object` with each nested object and array replaced by an equal one seen before, if any.
    // The top level is not pooled: a cached object is unique by its name.
    QJsonObject intern(const QJsonObject &object);

    qsizetype pooledSubtrees() const { return m_pool.size(); }
    void clear() { m_pool.clear(); }

private:
    bool internValue(QJsonValue &value, size_t &hash);
    bool internChildren(QJsonObject &object, size_t &hash);
    bool internChildren(QJsonArray &array, size_t &hash);
    bool findPooled(const QJsonValue &candidate, size_t hash, QJsonValue &pooled) const;

    QMultiHash<size_t, QJsonValue> m_pool;
};

} // namespace kiosk::k8s
