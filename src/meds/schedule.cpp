#include "meds/schedule.h"

#include <QRegularExpression>

namespace kiosk::meds {

namespace {
const int kIntervals[] = {4, 6, 8, 12};
const char *const kTimesPerDay[] = {"once daily", "twice daily", "three times daily",
                                    "four times daily"};
} // namespace

std::optional<Schedule> Schedule::parse(const QString &text) {
    const QString phrase = text.simplified().toLower();
    for (int i = 0; i < 4; ++i) {
        if (phrase == QLatin1String(kTimesPerDay[i]))
            return Schedule(Kind::TimesPerDay, i + 1, false);
    }
    if (phrase == u"every morning")
        return Schedule(Kind::EveryMorning, 1, false);
    if (phrase == u"at bedtime")
        return Schedule(Kind::AtBedtime, 1, false);
    if (phrase == u"once weekly")
        return Schedule(Kind::OnceWeekly, 1, false);
    if (phrase == u"as needed")
        return Schedule(Kind::AsNeeded, 0, true);
    static const QRegularExpression interval(QStringLiteral("^every (\\d+) hours( as needed)?$"));
    const auto match = interval.match(phrase);
    if (match.hasMatch()) {
        const int hours = match.captured(1).toInt();
        for (int allowed : kIntervals) {
            if (hours == allowed)
                return Schedule(Kind::EveryHours, hours, match.hasCaptured(2));
        }
    }
    return std::nullopt;
}

QStringList Schedule::canonicalPhrases() {
    QStringList phrases;
    for (const char *p : kTimesPerDay)
        phrases.append(QLatin1String(p));
    phrases << QStringLiteral("every morning") << QStringLiteral("at bedtime");
    for (int hours : kIntervals)
        phrases.append(QStringLiteral("every %1 hours").arg(hours));
    phrases << QStringLiteral("once weekly") << QStringLiteral("as needed");
    for (int hours : kIntervals)
        phrases.append(QStringLiteral("every %1 hours as needed").arg(hours));
    return phrases;
}

std::optional<int> Schedule::timesPerDay() const {
    if (m_asNeeded)
        return std::nullopt;
    switch (m_kind) {
    case Kind::TimesPerDay:
        return m_count;
    case Kind::EveryMorning:
    case Kind::AtBedtime:
        return 1;
    case Kind::EveryHours:
        return 24 / m_count;
    case Kind::OnceWeekly:
    case Kind::AsNeeded:
        return std::nullopt;
    }
    return std::nullopt;
}

QString Schedule::canonical() const {
    switch (m_kind) {
    case Kind::TimesPerDay:
        return QLatin1String(kTimesPerDay[m_count - 1]);
    case Kind::EveryMorning:
        return QStringLiteral("every morning");
    case Kind::AtBedtime:
        return QStringLiteral("at bedtime");
    case Kind::EveryHours:
        return m_asNeeded ? QStringLiteral("every %1 hours as needed").arg(m_count)
                          : QStringLiteral("every %1 hours").arg(m_count);
    case Kind::OnceWeekly:
        return QStringLiteral("once weekly");
    case Kind::AsNeeded:
        return QStringLiteral("as needed");
    }
    return {};
}

} // namespace kiosk::meds
