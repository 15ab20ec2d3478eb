#pragma once

#include "meds/refill_estimate.h"

#include <QCoreApplication>
#include <QString>

namespace kiosk::ui {

// A refill estimate in the UI's language ("about 5 days left"); meds::RefillEstimate::describe()
// stays the CLI's English.
class RefillText {
    Q_DECLARE_TR_FUNCTIONS(RefillText)

public:
    static QString describe(const meds::RefillEstimate &estimate);
};

} // namespace kiosk::ui
