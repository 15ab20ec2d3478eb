#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimeZone>

namespace kiosk::meds {

// What time it is and which wall clock the household reads, injected everywhere doses are
// planned or due, so tests can stand at midnight, in a change to summer time or in another zone.
class Clock : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Now, in UTC.
    virtual QDateTime now() const = 0;
    // The zone the household's wall clock shows.
    virtual QTimeZone timeZone() const = 0;
    // Now on the household's wall clock.
    QDateTime localNow() const { return now().toTimeZone(timeZone()); }
    QDate today() const { return localNow().date(); }

signals:
    // Time moved other than by ticking (set by hand, a jump, a new time zone): plans are redone.
    void jumped();
};

} // namespace kiosk::meds
