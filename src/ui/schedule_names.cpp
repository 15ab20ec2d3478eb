#include "ui/schedule_names.h"

#include "ui/schedule_text.h"

namespace kiosk::ui {

ScheduleNames::ScheduleNames(QObject *parent)
    : QObject(parent) {}

QString ScheduleNames::describe(const QString &canonical, const QString &language) {
    Q_UNUSED(language) // only there so that a QML binding depends on Qt.uiLanguage
    return ScheduleText::describe(canonical);
}

} // namespace kiosk::ui
