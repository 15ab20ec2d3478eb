#pragma once

#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

class QQmlEngine;
class QTranslator;

namespace kiosk::ui {

// The UI language: follows the system unless the user picked English or Spanish in Settings
// (setting `appearance/language`). Applying a language installs the application's QTranslator
// (the `.qm` files embedded under `:/i18n`), sets the default QLocale (dates, times, numbers) and
// retranslates the QML engine, so a change shows without a restart.
class LanguagePreference : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Language language READ language WRITE setLanguage NOTIFY languageChanged)
    // "en" or "es": the language the UI is shown in now.
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY effectiveLanguageChanged)

public:
    enum class Language { System, English, Spanish };
    Q_ENUM(Language)

    explicit LanguagePreference(QObject *parent = nullptr);
    // Tests pass their own settings file.
    LanguagePreference(std::unique_ptr<QSettings> settings, QObject *parent = nullptr);
    ~LanguagePreference() override;

    Language language() const { return m_language; }
    // Saves the choice and applies it.
    void setLanguage(Language language);
    // `--lang en|es`: applies a language for this run only, without saving it. False (and
    // nothing changes) for a code the kiosk has no translation for.
    bool overrideForThisRun(const QString &code);
    QString effectiveLanguage() const { return m_effective; }

    // The engine to retranslate; without one, the engine this object was created in (if any).
    void setEngine(QQmlEngine *engine);
    // Installs the translator for the current choice (also done by the constructor).
    void apply();

    // "en", "es" (the languages with a translation), and the choice a code stands for.
    static QStringList supportedCodes();
    static std::optional<Language> fromCode(const QString &code);
    // The system's language when it is one of ours, else "en".
    static QString systemLanguageCode();

signals:
    void languageChanged();
    void effectiveLanguageChanged();

private:
    QString resolvedCode() const;
    QLocale localeFor(const QString &code) const;

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
    Language m_language = Language::System;
    QString m_effective;
};

} // namespace kiosk::ui
