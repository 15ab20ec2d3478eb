#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace kiosk::sim::util {

// RFC 3339 with seconds precision in UTC, as metav1.Time marshals ("2026-01-06T10:00:00Z").
QString timestamp(const QDateTime &time);
QString now();
QDateTime parseTimestamp(const QString &text);

QString newUid();
// `length` characters from the apimachinery alphabet (no vowels, no confusable digits).
QString randomSuffix(int length = 5);
// Encodes a number the way apimachinery's rand.SafeEncodeString does.
QString safeEncode(const QString &text);
// The pod-template-hash of a pod template: FNV-1a over the template's canonical JSON (and the
// collision count when non-zero), safe-encoded like the deployment controller's ComputeHash.
QString podTemplateHash(const QJsonObject &podTemplate, qint64 collisionCount);

QByteArray toJson(const QJsonObject &object);

QString name(const QJsonObject &object);
QString namespaceOf(const QJsonObject &object);
QString uid(const QJsonObject &object);
QJsonObject labels(const QJsonObject &object);
QJsonObject annotations(const QJsonObject &object);
// The ownerReference with controller: true, or an empty object.
QJsonObject controllerRef(const QJsonObject &object);
bool isTerminating(const QJsonObject &object);
QJsonObject ownerReference(const QJsonObject &owner, bool controller);

// kubectl/apiserver short durations: "45s", "5m12s", "3h4m", "8d", "2y35d".
QString humanDuration(qint64 seconds);

// Sets object[path...] = value creating intermediate objects ("metadata", "labels", "app").
void setPath(QJsonObject &object, const QStringList &path, const QJsonValue &value);
QJsonValue getPath(const QJsonObject &object, const QStringList &path);

} // namespace kiosk::sim::util
