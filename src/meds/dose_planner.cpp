#include "meds/dose_planner.h"

#include "meds/schedule.h"

#include <algorithm>
#include <functional>

namespace kiosk::meds {

QList<QTime> DosePlanner::timesForSchedule(const QString &text) const {
    const auto schedule = Schedule::parse(text);
    if (!schedule || schedule->asNeeded())
        return {};
    QList<QTime> times;
    switch (schedule->kind()) {
    case Schedule::Kind::TimesPerDay: {
        const int count = schedule->count();
        if (count == 1) {
            times.append(m_day.wake);
            break;
        }
        // First at wake-up, last an hour before bedtime, the rest evenly between, to the
        // quarter hour.
        const int first = m_day.wake.msecsSinceStartOfDay() / 60000;
        int last = m_day.bedtime.msecsSinceStartOfDay() / 60000 - 60;
        if (last <= first)
            last = first + 12 * 60;
        for (int i = 0; i < count; ++i) {
            int minute = first + (last - first) * i / (count - 1);
            minute = (minute + 7) / 15 * 15;
            times.append(QTime(0, 0).addSecs((minute % (24 * 60)) * 60));
        }
        break;
    }
    case Schedule::Kind::EveryMorning:
    case Schedule::Kind::OnceWeekly:
        times.append(m_day.wake);
        break;
    case Schedule::Kind::AtBedtime:
        times.append(m_day.bedtime);
        break;
    case Schedule::Kind::EveryHours:
        for (int i = 0; i < 24 / schedule->count(); ++i)
            times.append(m_day.wake.addSecs(i * schedule->count() * 3600));
        break;
    case Schedule::Kind::AsNeeded:
        break;
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

QList<QTime> DosePlanner::dueTimes(const Medication &medication, const QDate &date) const {
    if (!medication.active || !date.isValid())
        return {};
    const auto schedule = Schedule::parse(medication.schedule);
    if (!schedule)
        return {};
    if (schedule->kind() == Schedule::Kind::OnceWeekly) {
        QDate anchor = medication.date;
        if (!anchor.isValid())
            anchor =
                medication.createdAt.isValid() ? medication.createdAt.toLocalTime().date() : date;
        if (anchor.dayOfWeek() != date.dayOfWeek())
            return {};
    }
    if (!medication.doseTimes.isEmpty() && !schedule->asNeeded() &&
        schedule->kind() != Schedule::Kind::AsNeeded)
        return medication.doseTimes; // the caregiver's own times
    return timesForSchedule(medication.schedule);
}

QList<QDateTime> DosePlanner::dueMoments(const Medication &medication, const QDate &date,
                                         const QTimeZone &zone) const {
    QList<QDateTime> moments;
    for (const QTime &time : dueTimes(medication, date)) {
        const QDateTime moment = atWallTime(date, time, zone);
        if (moment.isValid() && (moments.isEmpty() || moments.constLast() != moment))
            moments.append(moment);
    }
    return moments;
}

QDateTime DosePlanner::atWallTime(const QDate &date, const QTime &time, const QTimeZone &zone) {
    // The instants whose wall time in zone is date + time, tried with the offsets in force half a
    // day either side; the earliest wins (Qt 6.4 alone picks the later of a repeated hour).
    const auto at = [&](const QTime &wall) -> QDateTime {
        const QDateTime naive(date, wall, Qt::UTC);
        QList<int> offsets{zone.offsetFromUtc(naive.addSecs(-12 * 3600)),
                           zone.offsetFromUtc(naive.addSecs(12 * 3600))};
        std::sort(offsets.begin(), offsets.end(), std::greater<int>());
        for (const int offset : offsets) {
            const QDateTime utc = naive.addSecs(-offset);
            const QDateTime local = utc.toTimeZone(zone);
            if (local.date() == date && local.time() == wall)
                return utc;
        }
        return {};
    };
    if (!zone.isValid())
        return QDateTime(date, time, Qt::LocalTime).toUTC();
    if (const QDateTime exact = at(time); exact.isValid())
        return exact;
    // Skipped by a change to summer time: the first minute that exists after it.
    for (int minutes = 1; minutes <= 180; ++minutes) {
        const QTime later = time.addSecs(minutes * 60);
        if (later < time)
            break;
        if (const QDateTime moment = at(later); moment.isValid())
            return moment;
    }
    return {};
}

QDateTime DosePlanner::nextDose(const Medication &medication, const QDateTime &moment) const {
    const QDateTime local = moment.toLocalTime();
    for (int offset = 0; offset <= 8; ++offset) {
        const QDate date = local.date().addDays(offset);
        for (const QTime &time : dueTimes(medication, date)) {
            const QDateTime due(date, time);
            if (due > local)
                return due;
        }
    }
    return {};
}

} // namespace kiosk::meds
