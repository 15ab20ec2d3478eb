#pragma once

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace kiosk::ui {

// Light or dark: follows the system palette unless the user picked one in Settings.
class ThemePreference : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool dark READ dark NOTIFY darkChanged)
    Q_PROPERTY(bool systemDark READ systemDark NOTIFY darkChanged)

public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    explicit ThemePreference(QObject *parent = nullptr);
    // Tests and the screenshot runner pass their own settings file.
    ThemePreference(std::unique_ptr<QSettings> settings, QObject *parent = nullptr);
    ~ThemePreference() override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    bool dark() const;
    bool systemDark() const { return m_systemDark; }

signals:
    void modeChanged();
    void darkChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void readSystemPalette();

    std::unique_ptr<QSettings> m_settings;
    Mode m_mode = Mode::System;
    bool m_systemDark = false;
};

} // namespace kiosk::ui
