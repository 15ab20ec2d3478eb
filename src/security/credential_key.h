#pragma once

#include <QString>

#include <optional>

namespace kiosk::security {

// Which secret: a kind ("cluster-token", "aibrain-token", "meds-token", "cluster-client-key") and
// the server it belongs to. Server URLs are normalised (scheme and host lower case, default port,
// trailing slash, user info, query and fragment dropped), so "HTTPS://10.0.0.1:6443/" and
// "https://10.0.0.1:6443" name the same entry.
class CredentialKey {
public:
    static inline const QString ClusterToken = QStringLiteral("cluster-token");
    static inline const QString ClusterClientKey = QStringLiteral("cluster-client-key");
    static inline const QString AiBrainToken = QStringLiteral("aibrain-token");
    static inline const QString MedsServiceToken = QStringLiteral("meds-token");

    CredentialKey() = default;
    CredentialKey(const QString &kind, const QString &server);

    QString kind() const { return m_kind; }
    QString server() const { return m_server; }

    // A kind of lower-case letters, digits and dashes, and a non-empty server without blanks.
    bool isValid() const;
    // The key under which the entry is filed in the keychain: "<kind> <server>".
    QString keychainKey() const;
    static std::optional<CredentialKey> fromKeychainKey(const QString &keychainKey);

    static QString normalizeServer(const QString &server);

    friend bool operator==(const CredentialKey &, const CredentialKey &) = default;

private:
    QString m_kind;
    QString m_server;
};

} // namespace kiosk::security
