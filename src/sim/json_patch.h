#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace kiosk::sim {

// The three patch formats the apiserver accepts for built-in types.
class JsonPatch {
public:
    // RFC 6902 JSON Patch: add / remove / replace / move / copy / test with JSON pointers.
    // Returns nullopt and sets *error when an operation does not apply.
    static std::optional<QJsonObject> applyJsonPatch(const QJsonObject &document,
                                                     const QJsonArray &operations, QString *error);
    // RFC 7386 JSON Merge Patch: objects merge recursively, null removes, anything else replaces.
    static QJsonObject applyMergePatch(const QJsonObject &document, const QJsonObject &patch);
    // Kubernetes strategic merge patch for the built-in types the simulator serves: lists with a
    // merge key (containers by name, ports by containerPort, conditions by type, ...) merge by
    // that key, and the $patch / $retainKeys / $deleteFromPrimitiveList / $setElementOrder
    // directives are honoured.
    static std::optional<QJsonObject>
    applyStrategicMergePatch(const QJsonObject &document, const QJsonObject &patch, QString *error);

    // The merge key strategic merge patch uses for the list in `field` whose items look like
    // `sample`; empty when the list is replaced as a whole.
    static QString mergeKeyFor(const QString &field, const QJsonObject &sample);
};

} // namespace kiosk::sim
