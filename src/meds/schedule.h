#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::meds {

// One of the canonical schedule phrases of the OCR contract, parsed into what it means.
class Schedule {
public:
    enum class Kind {
        TimesPerDay, // once / twice / three times / four times daily
        EveryMorning,
        AtBedtime,
        EveryHours, // every N hours (round the clock, or a minimum gap when as needed)
        OnceWeekly,
        AsNeeded, // as needed, no fixed times
    };

    // nullopt when the text is not a canonical phrase (case and surrounding spaces ignored).
    static std::optional<Schedule> parse(const QString &text);
    // Every canonical phrase, in the order a picker shows them.
    static QStringList canonicalPhrases();

    Kind kind() const { return m_kind; }
    // TimesPerDay: doses a day; EveryHours: the interval.
    int count() const { return m_count; }
    bool asNeeded() const { return m_asNeeded; }
    // Fixed doses a day implied by the schedule; nullopt for weekly and as-needed schedules
    // (as the contract's times_per_day).
    std::optional<int> timesPerDay() const;
    QString canonical() const;

private:
    Schedule(Kind kind, int count, bool asNeeded)
        : m_kind(kind)
        , m_count(count)
        , m_asNeeded(asNeeded) {}
    Kind m_kind;
    int m_count;
    bool m_asNeeded;
};

} // namespace kiosk::meds
