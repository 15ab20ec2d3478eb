#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace kiosk::sync {

class MedsServiceClient;

// Where the household's medication service is: the command line first, then the setting
// meds/service_url (QSettings "Kilo Guardian"/"kilo-kiosk"); its bearer token only ever in the
// keychain (CredentialKey::MedsServiceToken for the URL).
struct ServiceConfig {
    static inline const QString UrlSetting = QStringLiteral("meds/service_url");

    QUrl url; // empty: no service configured (the list stays on this tablet)
    QString token;
    QString error;     // the address cannot work
    QStringList notes; // keychain trouble, worth a line

    bool configured() const { return !url.isEmpty(); }
    bool ok() const { return error.isEmpty(); }

    static ServiceConfig resolve(const QString &urlOption = {}, bool readToken = true);
    static QUrl normalised(const QString &text);
    // Saves the address; with a token, stores it in the keychain (an empty one is removed).
    // Returns an empty string, or why it failed.
    static QString save(const QUrl &url);
    static QString saveToken(const QUrl &url, const QString &token);
    static QString forgetToken(const QUrl &url);
    void apply(MedsServiceClient &client) const;
};

} // namespace kiosk::sync
