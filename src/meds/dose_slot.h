#pragma once

#include "meds/dose_entry.h"
#include "meds/medication.h"

#include <QDateTime>
#include <QMetaType>

#include <optional>

namespace kiosk::meds {

// One row of a day's doses: a planned dose with what became of it, an as-needed medication
// that can be given, or a dose given outside the plan.
struct DoseSlot {
    enum class Status {
        Upcoming, // its time has not come
        Due,      // its time has come and nothing is logged yet
        Missed,   // its time passed (see DoseDay::dueWindow) with nothing logged
        Given,
        Skipped,
        AsNeeded, // an as-needed medication: no fixed time, can be given now
    };

    Medication medication;
    QDateTime scheduledAt; // UTC; invalid for as-needed rows and extra doses
    QDateTime dueUntil;    // UTC; when a due dose becomes missed
    Status status = Status::Upcoming;
    std::optional<DoseEntry> entry; // what was logged for it
    bool extra = false; // logged with no planned dose to match (or a second one for the same dose)

    // "upcoming", "due", "missed", "given", "skipped", "as needed"
    static QString statusName(Status status);
    // The medication's UUID and the planned time: the same on every tablet.
    QString key() const;
    // When it happened or is planned (the entry's time for extra and as-needed doses).
    QDateTime sortTime() const;
    bool open() const {
        return status == Status::Due || status == Status::Missed || status == Status::Upcoming;
    }
};

} // namespace kiosk::meds

Q_DECLARE_METATYPE(kiosk::meds::DoseSlot)
