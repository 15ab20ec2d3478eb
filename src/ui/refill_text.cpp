#include "ui/refill_text.h"

namespace kiosk::ui {

QString RefillText::describe(const meds::RefillEstimate &estimate) {
    const int days = estimate.daysLeft;
    if (days > 0)
        return tr("about %n day(s) left", nullptr, days);
    if (days == 0)
        return tr("runs out today");
    if (days == -1)
        return tr("ran out yesterday");
    return tr("ran out %n day(s) ago", nullptr, -days);
}

} // namespace kiosk::ui
