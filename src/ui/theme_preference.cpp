#include "ui/theme_preference.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPalette>

namespace kiosk::ui {

namespace {
const auto kModeKey = QStringLiteral("appearance/theme");

ThemePreference::Mode modeFromString(const QString &text) {
    if (text == u"light")
        return ThemePreference::Mode::Light;
    if (text == u"dark")
        return ThemePreference::Mode::Dark;
    return ThemePreference::Mode::System;
}

QString modeToString(ThemePreference::Mode mode) {
    switch (mode) {
    case ThemePreference::Mode::Light:
        return QStringLiteral("light");
    case ThemePreference::Mode::Dark:
        return QStringLiteral("dark");
    case ThemePreference::Mode::System:
        break;
    }
    return QStringLiteral("system");
}
} // namespace

ThemePreference::ThemePreference(QObject *parent)
    : ThemePreference(std::make_unique<QSettings>(), parent) {}

ThemePreference::ThemePreference(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings)) {
    m_mode = modeFromString(m_settings->value(kModeKey).toString());
    readSystemPalette();
    // Qt 6.4 has no QStyleHints::colorScheme; a palette change is how a system theme switch
    // arrives.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

ThemePreference::~ThemePreference() = default;

void ThemePreference::setMode(Mode mode) {
    if (mode == m_mode)
        return;
    const bool wasDark = dark();
    m_mode = mode;
    m_settings->setValue(kModeKey, modeToString(mode));
    emit modeChanged();
    if (wasDark != dark())
        emit darkChanged();
}

bool ThemePreference::dark() const {
    switch (m_mode) {
    case Mode::Light:
        return false;
    case Mode::Dark:
        return true;
    case Mode::System:
        break;
    }
    return m_systemDark;
}

bool ThemePreference::eventFilter(QObject *watched, QEvent *event) {
    if (watched == QCoreApplication::instance() &&
        event->type() == QEvent::ApplicationPaletteChange) {
        const bool wasDark = dark();
        readSystemPalette();
        if (wasDark != dark())
            emit darkChanged();
    }
    return QObject::eventFilter(watched, event);
}

void ThemePreference::readSystemPalette() {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_systemDark = false;
        return;
    }
    const QColor window = QGuiApplication::palette().color(QPalette::Window);
    const QColor text = QGuiApplication::palette().color(QPalette::WindowText);
    m_systemDark = window.lightness() < text.lightness();
}

} // namespace kiosk::ui
