#include "ui/schedule_text.h"

#include "meds/schedule.h"

namespace kiosk::ui {

QString ScheduleText::describe(const QString &canonical) {
    const auto schedule = meds::Schedule::parse(canonical);
    if (!schedule)
        return canonical;
    using Kind = meds::Schedule::Kind;
    switch (schedule->kind()) {
    case Kind::TimesPerDay:
        switch (schedule->count()) {
        case 1:
            return tr("once daily");
        case 2:
            return tr("twice daily");
        case 3:
            return tr("three times daily");
        case 4:
            return tr("four times daily");
        default:
            break;
        }
        break;
    case Kind::EveryMorning:
        return tr("every morning");
    case Kind::AtBedtime:
        return tr("at bedtime");
    case Kind::EveryHours:
        return schedule->asNeeded() ? tr("every %n hours as needed", nullptr, schedule->count())
                                    : tr("every %n hours", nullptr, schedule->count());
    case Kind::OnceWeekly:
        return tr("once weekly");
    case Kind::AsNeeded:
        return tr("as needed");
    }
    return canonical;
}

} // namespace kiosk::ui
