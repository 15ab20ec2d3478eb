#pragma once

#include "meds/medication.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace kiosk::meds {

// How a medication travels to and from the household's medication service (kilo-meds): the
// record as `meds list --json` prints it, with "id" its UUID, plus the service's "version",
// "deleted", "updated_at" and "updated_by". Fields this kiosk does not know are kept and sent
// back untouched, so a newer service loses nothing through an older tablet.
class SyncPayload {
public:
    // The fields both sides edit and merge (Medication::editableFields()).
    static QJsonObject content(const Medication &medication);
    // The same, read from a service record through Medication's own rules; nullopt with errors
    // when the record cannot be a medication (a wrong type, no name).
    static std::optional<Medication> fromService(const QJsonObject &record, QStringList *errors);
    static QJsonObject contentOf(const QJsonObject &record, QStringList *errors = nullptr);
    // Keys that are neither content, the service's bookkeeping nor this tablet's own.
    static QJsonObject extraOf(const QJsonObject &record);
    // What a PUT sends: content, the kept unknown fields, the UUID and this device's name.
    static QJsonObject toService(const Medication &medication, const QJsonObject &extra,
                                 const QString &deviceName);

    static qint64 versionOf(const QJsonObject &record);
    static bool isDeleted(const QJsonObject &record);
};

} // namespace kiosk::meds
