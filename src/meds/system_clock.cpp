#include "meds/system_clock.h"

namespace kiosk::meds {

QDateTime SystemClock::now() const {
    return QDateTime::currentDateTimeUtc();
}

QTimeZone SystemClock::timeZone() const {
    return QTimeZone::systemTimeZone();
}

} // namespace kiosk::meds
