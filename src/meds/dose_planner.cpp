#include "meds/dose_planner.h"

#include "meds/schedule.h"

#include <algorithm>

namespace kiosk::meds {

QList<QTime> DosePlanner::timesForSchedule(const QString &text) const
{
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

QList<QTime> DosePlanner::dueTimes(const Medication &medication, const QDate &date) const
{
    if (!medication.active || !date.isValid())
        return {};
    const auto schedule = Schedule::parse(medication.schedule);
    if (!schedule)
        return {};
    if (schedule->kind() == Schedule::Kind::OnceWeekly) {
        QDate anchor = medication.date;
        if (!anchor.isValid())
            anchor = medication.createdAt.isValid() ? medication.createdAt.toLocalTime().date() : date;
        if (anchor.dayOfWeek() != date.dayOfWeek())
            return {};
    }
    return timesForSchedule(medication.schedule);
}

QDateTime DosePlanner::nextDose(const Medication &medication, const QDateTime &moment) const
{
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
