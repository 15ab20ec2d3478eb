#pragma once

#include "sim/resource_type.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kiosk::sim {

// The apiserver's validation for the resources the simulator serves, reduced to the rules a
// client can trip over: names, labels, required fields, selector/template agreement, ranges,
// enumerations and immutable fields. Returns the Invalid causes (empty when valid).
class Validator {
public:
    static QJsonArray validate(const ResourceType &type, const QJsonObject &object,
                               const QJsonObject *previous);

    static bool isDnsSubdomain(const QString &name);
    static bool isDnsLabel(const QString &name);
};

} // namespace kiosk::sim
