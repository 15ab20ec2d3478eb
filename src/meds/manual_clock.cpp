#include "meds/manual_clock.h"

namespace kiosk::meds {

ManualClock::ManualClock(const QDateTime &now, const QTimeZone &zone, QObject *parent)
    : Clock(parent)
    , m_now(now.toUTC())
    , m_zone(zone) {}

void ManualClock::set(const QDateTime &now) {
    m_now = now.toUTC();
    emit jumped();
}

void ManualClock::advance(qint64 seconds) {
    m_now = m_now.addSecs(seconds);
    emit jumped();
}

void ManualClock::setTimeZone(const QTimeZone &zone) {
    m_zone = zone;
    emit jumped();
}

} // namespace kiosk::meds
