#pragma once

#include "sim/resource_type.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace kiosk::sim {

// Server-side printing: turns objects into a meta.k8s.io/v1 Table with the same columns and
// cell texts the apiserver's printers produce (what `kubectl get` shows, wide columns at
// priority 1).
class TableConverter {
public:
    enum class IncludeObject { None, Metadata, Object };

    static QJsonArray columnDefinitions(const ResourceType &type);
    static QJsonArray cells(const ResourceType &type, const QJsonObject &object,
                            const QDateTime &now);
    static QJsonObject row(const ResourceType &type, const QJsonObject &object,
                           const QDateTime &now, IncludeObject include);
    // kubectl's STATUS column for a pod (CrashLoopBackOff, Init:0/1, Terminating, Completed, ...).
    static QString podStatusText(const QJsonObject &pod);
};

} // namespace kiosk::sim
