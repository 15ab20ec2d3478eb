#pragma once

#include "aibrain/reading_engine.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace kiosk::aibrain {

// Which engine to use and how to reach AI Brain, from the command line first, then the settings
// (QSettings "Kilo Guardian"/"kilo-kiosk": aibrain/url, aibrain/timeout_ms, aibrain/engine),
// and the bearer token from the keychain (CredentialKey::AiBrainToken for the URL).
struct EngineConfig {
    static inline const QString UrlSetting = QStringLiteral("aibrain/url");
    static inline const QString TimeoutSetting = QStringLiteral("aibrain/timeout_ms");
    static inline const QString EngineSetting = QStringLiteral("aibrain/engine");

    EngineMode mode = EngineMode::Local;
    QUrl url;
    QString token;
    int timeoutMs = 0; // 0: the client's default
    QString error;     // set when the configuration cannot work (bad engine name, bad URL, ...)
    QStringList notes; // things worth one line on stderr (keychain trouble)

    bool ok() const { return error.isEmpty(); }

    // engineName/urlOption/timeoutOption: as given on the command line (empty / 0 when not given).
    // The default engine is the setting aibrain/engine, else "auto" when a URL is known, else
    // "local". readToken: look the token up in the keychain (skipped for local).
    static EngineConfig resolve(const QString &engineName, const QString &urlOption,
                                int timeoutOption = 0, bool readToken = true);
    void apply(ReadingEngine &engine) const;
};

} // namespace kiosk::aibrain
