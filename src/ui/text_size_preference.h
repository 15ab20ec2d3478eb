#pragma once

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace kiosk::ui {

// Normal or larger text (setting `appearance/largeText`): larger text scales the whole type
// scale (`Style.textScale`) by 1.3, for caregivers who read the tablet at arm's length.
class TextSizePreference : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool large READ large WRITE setLarge NOTIFY largeChanged)
    // What Style.qml multiplies every font size by: 1.0, or largeScale.
    Q_PROPERTY(qreal scale READ scale NOTIFY largeChanged)

public:
    static constexpr qreal largeScale = 1.3;

    explicit TextSizePreference(QObject *parent = nullptr);
    // Tests pass their own settings file.
    TextSizePreference(std::unique_ptr<QSettings> settings, QObject *parent = nullptr);
    ~TextSizePreference() override;

    bool large() const { return m_large; }
    // Saves the choice and applies it.
    void setLarge(bool large);
    // `--large-text`: larger text for this run only; the saved choice stays as it is.
    void overrideForThisRun(bool large);
    qreal scale() const { return m_large ? largeScale : 1.0; }

signals:
    void largeChanged();

private:
    std::unique_ptr<QSettings> m_settings;
    bool m_large = false;
};

} // namespace kiosk::ui
