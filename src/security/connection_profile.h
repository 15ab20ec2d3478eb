#pragma once

#include "security/credential_key.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::security {

// The non-secret half of a stored connection (to the cluster's API server, or to the AI Brain):
// where to connect and which keychain entry holds the secret. Saved with QSettings under
// "connections/<name>/"; the secret itself lives only in the keychain (CredentialStore), under
// credentialKey(). save() refuses anything that looks like a secret, so none can end up in
// the settings file by mistake.
class ConnectionProfile {
public:
    static inline const QString Cluster = QStringLiteral("cluster");
    static inline const QString AiBrain = QStringLiteral("ai-brain");

    QString name = Cluster;
    QString server;     // API server / service base URL, e.g. https://10.0.0.1:6443
    QString nameSpace;  // Kubernetes namespace; empty = the default (kilo-guardian)
    QString caFile;     // PEM file of the CA to trust; empty = system CAs
    QString kubeconfig; // kubeconfig file to connect with instead; empty = the server URL alone
    QString context;    // the kubeconfig's context; empty = its current-context
    bool insecureSkipTlsVerify = false;
    QString credentialKind = CredentialKey::ClusterToken; // kind of the keychain entry

    // The keychain entry holding this connection's secret.
    CredentialKey credentialKey() const;

    // Empty when the profile can be saved; else one line saying what is wrong.
    QString validate() const;

    // False (and `error`) when invalid; nothing is written then.
    bool save(QSettings &settings, QString *error = nullptr) const;
    static std::optional<ConnectionProfile> load(QSettings &settings,
                                                 const QString &name = Cluster);
    static void remove(QSettings &settings, const QString &name);
    static QStringList names(QSettings &settings);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace kiosk::security
