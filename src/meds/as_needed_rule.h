#pragma once

#include "meds/medication.h"

#include <optional>

namespace kiosk::meds {

// The limits of an as-needed medication, read from its schedule and directions: "every 4 to 6
// hours as needed, no more than 4 in 24 hours" -> at least 4 h apart, at most 4 in any 24 h.
// The shorter end of a range is the minimum gap (the label allows it); a limit the text does
// not state is absent, and nothing is guessed.
struct AsNeededRule {
    std::optional<int> minIntervalMinutes;
    std::optional<int> maxPerDay; // in any 24 hours

    bool hasLimits() const { return minIntervalMinutes || maxPerDay; }
    // "at least 4 h apart, at most 4 in 24 h"
    QString describe() const;

    // Limits of an as-needed medication; none for a fixed schedule.
    static AsNeededRule forMedication(const Medication &medication);
    // Limits stated in one text (directions, schedule).
    static AsNeededRule parse(const QString &text);
};

} // namespace kiosk::meds
