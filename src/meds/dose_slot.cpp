#include "meds/dose_slot.h"

namespace kiosk::meds {

QString DoseSlot::statusName(Status status) {
    switch (status) {
    case Status::Upcoming:
        return QStringLiteral("upcoming");
    case Status::Due:
        return QStringLiteral("due");
    case Status::Missed:
        return QStringLiteral("missed");
    case Status::Given:
        return QStringLiteral("given");
    case Status::Skipped:
        return QStringLiteral("skipped");
    case Status::AsNeeded:
        return QStringLiteral("as needed");
    }
    return {};
}

QString DoseSlot::key() const {
    if (scheduledAt.isValid())
        return medication.uuid + u'@' + scheduledAt.toUTC().toString(Qt::ISODate);
    if (entry)
        return medication.uuid + u'#' + entry->uuid;
    return medication.uuid;
}

QDateTime DoseSlot::sortTime() const {
    if (scheduledAt.isValid())
        return scheduledAt;
    return entry ? entry->at : QDateTime();
}

} // namespace kiosk::meds
