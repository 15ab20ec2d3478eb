#pragma once

// Whether the simulator's kilo-guardian scenario shows the incident the end-to-end tests expect:
// every deployment observed by the deployment controller, kilo-meds's pod in CrashLoopBackOff
// after restarts (so it has a previous log), the other 13 pods running and ready. Tests wait for
// it with QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(server), ...) before they run
// the kiosk's commands, instead of sleeping a fixed time for the control plane to settle.

#include "sim/api_server.h"
#include "sim/object_store.h"
#include "sim/resource_type.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace kiosk::test {

inline bool incidentSettled(const kiosk::sim::ApiServer &server) {
    const auto &catalog = kiosk::sim::ResourceCatalog::instance();
    const QString ns = QStringLiteral("kilo-guardian");
    const auto deployments = server.store()->list(catalog.deployments(), ns);
    if (deployments.size() != 14)
        return false;
    for (const QJsonObject &d : deployments) {
        const qint64 generation = d.value(QStringLiteral("metadata"))
                                      .toObject()
                                      .value(QStringLiteral("generation"))
                                      .toInteger();
        if (d.value(QStringLiteral("status"))
                .toObject()
                .value(QStringLiteral("observedGeneration"))
                .toInteger() != generation)
            return false;
    }
    const auto pods = server.store()->list(catalog.pods(), ns);
    if (pods.size() != 14)
        return false;
    int crashLooping = 0;
    for (const QJsonObject &pod : pods) {
        const QString app = pod.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("labels"))
                                .toObject()
                                .value(QStringLiteral("app"))
                                .toString();
        const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
        const QJsonObject container =
            status.value(QStringLiteral("containerStatuses")).toArray().at(0).toObject();
        const QJsonObject state = container.value(QStringLiteral("state")).toObject();
        if (app == QLatin1String("kilo-meds")) {
            if (state.value(QStringLiteral("waiting"))
                        .toObject()
                        .value(QStringLiteral("reason"))
                        .toString() != QLatin1String("CrashLoopBackOff") ||
                container.value(QStringLiteral("restartCount")).toInteger() < 1)
                return false;
            ++crashLooping;
        } else if (status.value(QStringLiteral("phase")).toString() != QLatin1String("Running") ||
                   !state.contains(QStringLiteral("running")) ||
                   !container.value(QStringLiteral("ready")).toBool()) {
            return false;
        }
    }
    return crashLooping == 1;
}

} // namespace kiosk::test
