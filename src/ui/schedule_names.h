#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// QML's access to ScheduleText: `ScheduleNames.describe(phrase, Qt.uiLanguage)` shows a
// canonical schedule phrase in the UI's language. Passing Qt.uiLanguage (set by
// LanguagePreference) makes the binding follow a language change.
class ScheduleNames : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit ScheduleNames(QObject *parent = nullptr);
    Q_INVOKABLE static QString describe(const QString &canonical, const QString &language = {});
};

} // namespace kiosk::ui
