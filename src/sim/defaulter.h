#pragma once

#include "sim/resource_type.h"

#include <QJsonObject>

namespace kiosk::sim {

// The defaults the apiserver fills in on create (and keeps on update), per resource, so that a
// client reading an object back sees what a real cluster would show.
class Defaulter {
public:
    static void apply(const ResourceType &type, QJsonObject &object);
    static void applyPodSpec(QJsonObject &spec);
    static void applyPodTemplate(QJsonObject &podTemplate);
    // "Always" for :latest or untagged images, else "IfNotPresent".
    static QString defaultPullPolicy(const QString &image);
};

} // namespace kiosk::sim
