#include "sync/service_config.h"

#include "security/credential_key.h"
#include "security/credential_store.h"
#include "sync/meds_service_client.h"

#include <QSettings>

#include <chrono>

namespace kiosk::sync {

namespace {

constexpr std::chrono::milliseconds kKeychainTimeout{3000};

security::CredentialKey tokenKey(const QUrl &url) {
    return security::CredentialKey(security::CredentialKey::MedsServiceToken, url.toString());
}

} // namespace

QUrl ServiceConfig::normalised(const QString &text) {
    if (text.trimmed().isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(text.trimmed()).adjusted(QUrl::StripTrailingSlash);
    if (url.path() == u"/")
        url.setPath(QString());
    return url;
}

ServiceConfig ServiceConfig::resolve(const QString &urlOption, bool readToken) {
    ServiceConfig config;
    QSettings settings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
    config.url =
        normalised(!urlOption.isEmpty() ? urlOption : settings.value(UrlSetting).toString());
    if (!config.configured())
        return config;
    config.error = MedsServiceClient::checkBaseUrl(config.url);
    if (!config.ok() || !readToken)
        return config;
    security::CredentialStore store;
    const auto result = store.readBlocking(tokenKey(config.url), kKeychainTimeout);
    using Status = security::CredentialResult::Status;
    if (result.ok())
        config.token = result.secret;
    else if (result.status != Status::NotFound && result.status != Status::NoKeychain)
        config.notes.append(
            QStringLiteral("the medication service token could not be read from the keychain: %1")
                .arg(result.error));
    return config;
}

QString ServiceConfig::save(const QUrl &url) {
    if (!url.isEmpty()) {
        if (const QString problem = MedsServiceClient::checkBaseUrl(url); !problem.isEmpty())
            return problem;
    }
    QSettings settings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
    if (url.isEmpty())
        settings.remove(UrlSetting);
    else
        settings.setValue(UrlSetting, url.toString());
    settings.sync();
    return settings.status() == QSettings::NoError
               ? QString()
               : QStringLiteral("the settings file cannot be written");
}

QString ServiceConfig::saveToken(const QUrl &url, const QString &token) {
    if (token.isEmpty())
        return forgetToken(url);
    security::CredentialStore store;
    const auto result = store.storeBlocking(tokenKey(url), token, kKeychainTimeout);
    return result.ok() ? QString()
                       : QStringLiteral("the token was not saved: %1").arg(result.error);
}

QString ServiceConfig::forgetToken(const QUrl &url) {
    security::CredentialStore store;
    const auto result = store.removeBlocking(tokenKey(url), kKeychainTimeout);
    if (result.ok() || result.status == security::CredentialResult::Status::NotFound)
        return {};
    return QStringLiteral("the token was not removed: %1").arg(result.error);
}

void ServiceConfig::apply(MedsServiceClient &client) const {
    client.setBaseUrl(url);
    client.setToken(token);
}

} // namespace kiosk::sync
