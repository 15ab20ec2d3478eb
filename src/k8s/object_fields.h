#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Small read-only accessors for Kubernetes API objects held as QJsonObject, shared by the pure
// health and planning code (pod_status, deployment_health, replicaset_classifier, planners).
// Missing fields read as empty / zero, the way the API server omits zero values.
namespace kiosk::k8s {

inline constexpr const char *kRevisionAnnotation = "deployment.kubernetes.io/revision";
inline constexpr const char *kPodTemplateHashLabel = "pod-template-hash";
// Set to "true" on a ReplicaSet (by the simulator, or by whoever scales it down after a
// successful rollout) when its pods once ran and became ready. Kubernetes keeps no such record:
// status.readyReplicas drops to 0 when the ReplicaSet is scaled down. revisionHistory() reads it.
inline constexpr const char *kEverRanAnnotation = "kiosk.kilo-guardian.io/ever-ran";

namespace fields {

QJsonObject metadata(const QJsonObject &object);
QJsonObject spec(const QJsonObject &object);
QJsonObject status(const QJsonObject &object);

QString name(const QJsonObject &object);
QString uid(const QJsonObject &object);
QString resourceVersion(const QJsonObject &object);
QJsonObject annotations(const QJsonObject &object);
QJsonObject labels(const QJsonObject &object);
qint64 generation(const QJsonObject &object);
qint64 observedGeneration(const QJsonObject &object);
bool beingDeleted(const QJsonObject &object); // metadata.deletionTimestamp is set
QDateTime creationTime(const QJsonObject &object);

// RFC 3339 time as the API server writes it ("2024-08-24T01:54:37Z", fractions allowed);
// invalid QDateTime for empty or malformed text.
QDateTime parseTime(const QString &text);

// `deployment.kubernetes.io/revision` as kubectl's deploymentutil.Revision reads it: absent
// means 0. `ok` is false when the annotation is present but not an integer.
qint64 revision(const QJsonObject &object, bool *ok = nullptr);

// The ownerReference with controller: true, or an empty object.
QJsonObject controllerRef(const QJsonObject &object);
// True when `object` has a controller ownerReference pointing at `owner` (by uid when both
// carry one, else by kind and name).
bool isControlledBy(const QJsonObject &object, const QJsonObject &owner);

// spec.replicas (default 1 when absent, as the API server defaults it) and status counters.
int specReplicas(const QJsonObject &object);
bool hasSpecReplicas(const QJsonObject &object);
int statusInt(const QJsonObject &object, const char *key);

// The pod template of a Deployment or ReplicaSet (spec.template) and its container images.
QJsonObject podTemplate(const QJsonObject &workload);
QStringList templateImages(const QJsonObject &podTemplate);

// The condition of `type` in status.conditions, or an empty object.
QJsonObject condition(const QJsonObject &object, const QString &type);

// Semantic equality of two pod templates, ignoring the pod-template-hash label and treating
// null, empty objects and empty arrays as absent (apimachinery's Semantic.DeepEqual treats nil
// and empty maps/slices as equal; API responses carry "creationTimestamp": null).
bool templatesEqualIgnoringHash(const QJsonObject &a, const QJsonObject &b);
// The canonical form templatesEqualIgnoringHash compares (hash label, nulls and empties
// removed), for callers that compare one template against many.
QJsonObject comparableTemplate(const QJsonObject &podTemplate);
QJsonObject withoutHashLabel(const QJsonObject &podTemplate);

QList<QJsonObject> toObjects(const QJsonArray &array);

} // namespace fields
} // namespace kiosk::k8s
