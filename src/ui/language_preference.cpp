#include "ui/language_preference.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QTranslator>

namespace kiosk::ui {

namespace {
const auto kLanguageKey = QStringLiteral("appearance/language");
const auto kEnglish = QStringLiteral("en");
const auto kSpanish = QStringLiteral("es");

LanguagePreference::Language languageFromSetting(const QString &text) {
    if (text == kEnglish)
        return LanguagePreference::Language::English;
    if (text == kSpanish)
        return LanguagePreference::Language::Spanish;
    return LanguagePreference::Language::System;
}

QString languageToSetting(LanguagePreference::Language language) {
    switch (language) {
    case LanguagePreference::Language::English:
        return kEnglish;
    case LanguagePreference::Language::Spanish:
        return kSpanish;
    case LanguagePreference::Language::System:
        break;
    }
    return QStringLiteral("system");
}
} // namespace

LanguagePreference::LanguagePreference(QObject *parent)
    : LanguagePreference(std::make_unique<QSettings>(), parent) {}

LanguagePreference::LanguagePreference(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings)) {
    m_language = languageFromSetting(m_settings->value(kLanguageKey).toString());
    apply();
}

LanguagePreference::~LanguagePreference() {
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

void LanguagePreference::setLanguage(Language language) {
    m_settings->setValue(kLanguageKey, languageToSetting(language));
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
    apply();
}

bool LanguagePreference::overrideForThisRun(const QString &code) {
    const auto language = fromCode(code);
    if (!language)
        return false;
    if (*language != m_language) {
        m_language = *language;
        emit languageChanged();
    }
    apply();
    return true;
}

void LanguagePreference::setEngine(QQmlEngine *engine) {
    m_engine = engine;
}

QStringList LanguagePreference::supportedCodes() {
    return {kEnglish, kSpanish};
}

std::optional<LanguagePreference::Language> LanguagePreference::fromCode(const QString &code) {
    if (code == kEnglish)
        return Language::English;
    if (code == kSpanish)
        return Language::Spanish;
    return std::nullopt;
}

QString LanguagePreference::systemLanguageCode() {
    // The first of the user's languages that the kiosk speaks, e.g. "es-MX" -> "es".
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (supportedCodes().contains(code))
            return code;
    }
    return kEnglish;
}

QString LanguagePreference::resolvedCode() const {
    switch (m_language) {
    case Language::English:
        return kEnglish;
    case Language::Spanish:
        return kSpanish;
    case Language::System:
        break;
    }
    return systemLanguageCode();
}

QLocale LanguagePreference::localeFor(const QString &code) const {
    // The system's own regional variant when it speaks the same language (es_MX, en_GB), else
    // the language's main one.
    const QLocale system = QLocale::system();
    const QLocale::Language wanted = code == kSpanish ? QLocale::Spanish : QLocale::English;
    if (system.language() == wanted)
        return system;
    return code == kSpanish ? QLocale(QLocale::Spanish, QLocale::Spain)
                            : QLocale(QLocale::English, QLocale::UnitedStates);
}

void LanguagePreference::apply() {
    const QString code = resolvedCode();
    const QLocale locale = localeFor(code);
    QLocale::setDefault(locale);

    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    // kilo-kiosk_en.qm holds the English plural forms; kilo-kiosk_es.qm the Spanish text.
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(QStringLiteral(":/i18n/kilo-kiosk_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    } else {
        qWarning("kilo-kiosk: no translation for '%s' in the resources", qPrintable(code));
    }

    QQmlEngine *engine = m_engine ? m_engine.data() : qmlEngine(this);
    if (engine) {
        // Qt.uiLanguage ("es_ES", "en_GB"): bindings that format dates or pick words by
        // language read it, and so follow a change.
        engine->setUiLanguage(locale.name());
        engine->retranslate();
    }

    if (code != m_effective) {
        m_effective = code;
        emit effectiveLanguageChanged();
    }
}

} // namespace kiosk::ui
