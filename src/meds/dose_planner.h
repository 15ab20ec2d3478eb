#pragma once

#include "meds/medication.h"

#include <QDateTime>
#include <QList>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace kiosk::meds {

// Turns a canonical schedule into the clock times doses are due on a given day, local time.
// Daily schedules spread over the waking day (first dose at wake-up, last by bedtime - 1 h),
// "every N hours" runs round the clock from the wake-up time, "once weekly" falls on the
// weekday of the record's date (else the day it was added), and as-needed schedules have no
// fixed times. A record's own dose_times replace the spread.
class DosePlanner {
public:
    struct Day {
        QTime wake{8, 0};
        QTime bedtime{21, 0};
    };

    DosePlanner() = default;
    explicit DosePlanner(Day day)
        : m_day(day) {}

    // The times due on date, sorted; empty for as-needed, stopped, unparseable schedules and
    // weekly schedules on other weekdays.
    QList<QTime> dueTimes(const Medication &medication, const QDate &date) const;
    // The same as moments (UTC) on date's wall clock in zone, with daylight-saving gaps resolved.
    QList<QDateTime> dueMoments(const Medication &medication, const QDate &date,
                                const QTimeZone &zone) const;
    // date + time on zone's wall clock, in UTC: a time skipped by a change to summer time moves
    // to the first minute after the gap; one that occurs twice is the first occurrence.
    static QDateTime atWallTime(const QDate &date, const QTime &time, const QTimeZone &zone);
    // The first due time strictly after moment (looks up to 8 days ahead); invalid when none.
    QDateTime nextDose(const Medication &medication, const QDateTime &moment) const;

    const Day &day() const { return m_day; }

private:
    QList<QTime> timesForSchedule(const QString &schedule) const;

    Day m_day;
};

} // namespace kiosk::meds
