#pragma once

#include <QCoreApplication>
#include <QString>

namespace kiosk::ui {

// A canonical schedule phrase ("twice daily", meds::Schedule) in the UI's language, for showing;
// the stored value stays the canonical English phrase. Text that is not canonical is shown as
// it is.
class ScheduleText {
    Q_DECLARE_TR_FUNCTIONS(ScheduleText)

public:
    static QString describe(const QString &canonical);
};

} // namespace kiosk::ui
