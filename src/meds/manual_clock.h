#pragma once

#include "meds/clock.h"

namespace kiosk::meds {

// A clock that stands still until told: tests, and the demo's "what if it were 21:00".
class ManualClock : public Clock {
    Q_OBJECT
public:
    explicit ManualClock(const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone(),
                         QObject *parent = nullptr);
    QDateTime now() const override { return m_now; }
    QTimeZone timeZone() const override { return m_zone; }

    // Each of these emits jumped().
    void set(const QDateTime &now);
    void advance(qint64 seconds);
    void setTimeZone(const QTimeZone &zone);

private:
    QDateTime m_now;
    QTimeZone m_zone;
};

} // namespace kiosk::meds
