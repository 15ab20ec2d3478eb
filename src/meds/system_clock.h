#pragma once

#include "meds/clock.h"

namespace kiosk::meds {

// The machine's clock and time zone. It does not watch for jumps itself: ReminderScheduler
// notices them (wall time against elapsed time) and re-plans.
class SystemClock : public Clock {
    Q_OBJECT
public:
    using Clock::Clock;
    QDateTime now() const override;
    QTimeZone timeZone() const override;
    // Tells listeners the machine's time or zone changed (the app calls it on such a notice).
    void noteJump() { emit jumped(); }
};

} // namespace kiosk::meds
