#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>

// metav1.LabelSelector matching (matchLabels and matchExpressions: In, NotIn, Exists,
// DoesNotExist), for picking a Deployment's pods and ReplicaSets from a namespace cache.
namespace kiosk::k8s {

// True when `labels` (a JSON object of strings) satisfies `selector`. An empty selector
// matches nothing, as for a Deployment (apps/v1 requires a non-empty one).
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels);

// The objects of `candidates` whose metadata.labels match the workload's spec.selector.
QList<QJsonObject> selectedBy(const QJsonObject &workload, const QList<QJsonObject> &candidates);

// Objects indexed by each of their labels, so that selecting the pods of many deployments
// does not compare every selector with every pod.
class LabelIndex {
public:
    explicit LabelIndex(const QList<QJsonObject> &objects);
    // Same result, same order as selectedBy(workload, objects).
    QList<QJsonObject> selectedBy(const QJsonObject &workload) const;

private:
    QList<QJsonObject> m_objects;
    QHash<QString, QList<int>> m_byLabel; // "key\nvalue" -> indexes, ascending
};

} // namespace kiosk::k8s
