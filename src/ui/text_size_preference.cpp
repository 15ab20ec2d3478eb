#include "ui/text_size_preference.h"

namespace kiosk::ui {

namespace {
const auto kLargeKey = QStringLiteral("appearance/largeText");
} // namespace

TextSizePreference::TextSizePreference(QObject *parent)
    : TextSizePreference(std::make_unique<QSettings>(), parent) {}

TextSizePreference::TextSizePreference(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_large(m_settings->value(kLargeKey, false).toBool()) {}

TextSizePreference::~TextSizePreference() = default;

void TextSizePreference::setLarge(bool large) {
    m_settings->setValue(kLargeKey, large);
    overrideForThisRun(large);
}

void TextSizePreference::overrideForThisRun(bool large) {
    if (large == m_large)
        return;
    m_large = large;
    emit largeChanged();
}

} // namespace kiosk::ui
