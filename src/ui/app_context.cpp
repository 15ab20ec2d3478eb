#include "ui/app_context.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace kiosk::ui {

namespace {
const auto kAiBrainKey = QStringLiteral("aibrain/url");
const auto kForgetPhotosKey = QStringLiteral("privacy/forget_photos_after_save");
} // namespace

AppContext::AppContext(QObject *parent)
    : AppContext(std::make_unique<QSettings>(), parent) {}

AppContext::AppContext(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_aiBrainUrl(m_settings->value(kAiBrainKey).toString())
    , m_forgetPhotos(m_settings->value(kForgetPhotosKey, false).toBool()) {}

void AppContext::setForgetPhotosAfterSave(bool forget) {
    if (forget == m_forgetPhotos)
        return;
    m_forgetPhotos = forget;
    m_settings->setValue(kForgetPhotosKey, forget);
    emit forgetPhotosAfterSaveChanged();
}

AppContext::~AppContext() = default;

QString AppContext::version() const {
    return QCoreApplication::applicationVersion();
}

QString AppContext::qtVersion() const {
    return QString::fromLatin1(qVersion());
}

void AppContext::setDemo(bool demo) {
    if (demo == m_demo)
        return;
    m_demo = demo;
    emit modeChanged();
}

void AppContext::setKiosk(bool kiosk) {
    if (kiosk == m_kiosk)
        return;
    m_kiosk = kiosk;
    emit modeChanged();
}

QString AppContext::validateServiceUrl(const QString &url) {
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return tr("Not a valid address. Example: http://kilo-ai-brain.kilo-guardian:8000");
    if (parsed.scheme() != u"http" && parsed.scheme() != u"https")
        return tr("The address must start with http:// or https://");
    if (!parsed.userInfo().isEmpty())
        return tr("Do not put a user name or password in the address");
    return {};
}

QString AppContext::setAiBrainUrl(const QString &url) {
    const QString error = validateServiceUrl(url);
    if (!error.isEmpty())
        return error;
    const QString trimmed = url.trimmed();
    if (trimmed != m_aiBrainUrl) {
        m_aiBrainUrl = trimmed;
        if (trimmed.isEmpty())
            m_settings->remove(kAiBrainKey);
        else
            m_settings->setValue(kAiBrainKey, trimmed);
        emit aiBrainUrlChanged();
    }
    return {};
}

QString AppContext::dataLocation() const {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace kiosk::ui
