#include "aibrain/engine_config.h"

#include "aibrain/ai_brain_client.h"
#include "security/credential_key.h"
#include "security/credential_store.h"

#include <QSettings>

#include <chrono>

namespace kiosk::aibrain {

EngineConfig EngineConfig::resolve(const QString &engineName, const QString &urlOption,
                                   int timeoutOption, bool readToken) {
    EngineConfig config;
    QSettings settings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
    const QString urlText =
        !urlOption.isEmpty() ? urlOption : settings.value(UrlSetting).toString().trimmed();
    if (!urlText.isEmpty()) {
        config.url = QUrl::fromUserInput(urlText).adjusted(QUrl::StripTrailingSlash);
        if (config.url.path() == QLatin1String("/"))
            config.url.setPath(QString());
    }

    QString name = engineName;
    if (name.isEmpty())
        name = settings.value(EngineSetting).toString();
    if (name.isEmpty())
        name = config.url.isEmpty() ? QStringLiteral("local") : QStringLiteral("auto");
    const auto mode = ReadingEngine::parseMode(name);
    if (!mode) {
        config.error = QStringLiteral("unknown engine '%1' (use %2)")
                           .arg(name, ReadingEngine::modeNames().join(QLatin1Char('|')));
        return config;
    }
    config.mode = *mode;

    config.timeoutMs =
        timeoutOption > 0 ? timeoutOption : settings.value(TimeoutSetting, 0).toInt();
    if (config.timeoutMs < 0)
        config.timeoutMs = 0;

    if (config.mode == EngineMode::Local)
        return config;
    if (config.url.isEmpty()) {
        if (config.mode == EngineMode::AiBrain)
            config.error =
                QStringLiteral(
                    "engine ai-brain needs an AI Brain URL (--ai-brain URL or the setting %1)")
                    .arg(UrlSetting);
        return config;
    }
    if (const QString problem = AiBrainClient::checkBaseUrl(config.url); !problem.isEmpty()) {
        config.error = problem;
        return config;
    }
    if (readToken) {
        security::CredentialStore store;
        const security::CredentialKey key(security::CredentialKey::AiBrainToken,
                                          config.url.toString());
        const auto result = store.readBlocking(key, std::chrono::milliseconds(3000));
        using Status = security::CredentialResult::Status;
        if (result.ok())
            config.token = result.secret;
        else if (result.status != Status::NotFound && result.status != Status::NoKeychain)
            config.notes.append(
                QStringLiteral("the AI Brain token could not be read from the keychain: %1")
                    .arg(result.error));
    }
    return config;
}

void EngineConfig::apply(ReadingEngine &engine) const {
    engine.setMode(mode);
    engine.client()->setBaseUrl(url);
    engine.client()->setToken(token);
    if (timeoutMs > 0)
        engine.client()->setTimeout(timeoutMs);
}

} // namespace kiosk::aibrain
