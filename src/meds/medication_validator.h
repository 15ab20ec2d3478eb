#pragma once

#include "meds/medication.h"

#include <QStringList>

namespace kiosk::meds {

// Checks a record before it is stored and brings it into canonical form: the schedule as its
// canonical phrase, times_per_day and as_needed as the schedule says. Each error is one
// sentence naming the field ("schedule \"daily-ish\" is not one of: once daily, ...").
class MedicationValidator {
public:
    // Returns the errors; on success (empty list) medication is normalised in place.
    // today is the date "in the future" is measured from.
    static QStringList validate(Medication &medication, const QDate &today = QDate::currentDate());
};

} // namespace kiosk::meds
