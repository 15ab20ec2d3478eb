#pragma once

#include "meds/dose_entry.h"
#include "meds/dose_planner.h"
#include "meds/dose_slot.h"
#include "meds/medication.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace kiosk::meds {

// The doses of one day on the household's wall clock, each with its status at a given moment:
// planned doses matched with the log, as-needed medications, and doses logged outside the plan.
// A pure function of its inputs, so every clock edge (midnight, summer time, a tablet that was
// off, a new zone) is a test with no waiting.
class DoseDay {
public:
    // How long a dose stays due before it counts as missed (or until the next dose of the same
    // medication, when that comes sooner).
    static constexpr int kDueWindowSeconds = 3 * 3600;

    // medications: every record (stopped ones too: their logged doses still show); entries: the
    // log from at least a day before date to a day after it. Rows are sorted by time; as-needed
    // rows come last.
    static QList<DoseSlot> build(const QList<Medication> &medications,
                                 const QList<DoseEntry> &entries, const QDate &date,
                                 const QTimeZone &zone, const QDateTime &now,
                                 const DosePlanner &planner = DosePlanner());

    // The first and the last instant (exclusive) of date on zone's wall clock, in UTC.
    static QDateTime startOf(const QDate &date, const QTimeZone &zone);
    static QDateTime endOf(const QDate &date, const QTimeZone &zone) {
        return startOf(date.addDays(1), zone);
    }
};

} // namespace kiosk::meds
