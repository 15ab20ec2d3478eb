#pragma once

#include "meds/dose_planner.h"
#include "meds/medication.h"

#include <QDate>

#include <optional>

namespace kiosk::meds {

// How long a fixed-schedule medication lasts: quantity / (units a dose x doses a day), counted
// from the fill date (the label's date, else the day it was added). As-needed medications and
// records without a quantity have no estimate.
struct RefillEstimate {
    static constexpr int kWarningDays = 7;

    double unitsPerDay = 0;
    int unitsPerDose = 1;
    QDate filledOn;
    QDate runsOutOn;  // the first day with nothing left
    int daysLeft = 0; // from today; 0 or less: ran out

    // A week or less left.
    bool warning() const { return daysLeft <= kWarningDays; }
    // "about 5 days left", "runs out today", "ran out 3 days ago"
    QString describe() const;

    static std::optional<RefillEstimate> estimate(const Medication &medication, const QDate &today,
                                                  const DosePlanner &planner = DosePlanner());
    // "Take 2 tablets ..." -> 2; 1 when the directions do not say.
    static int unitsPerDoseIn(const QString &instructions);
};

} // namespace kiosk::meds
