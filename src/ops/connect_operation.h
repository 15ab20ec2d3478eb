#pragma once

#include "k8s/kubeconfig_loader.h"
#include "ops/operation.h"
#include "security/connection_profile.h"
#include "security/credential_result.h"

#include <QPointer>
#include <QSettings>

#include <memory>

namespace kiosk::k8s {
class ApiClient;
}
namespace kiosk::security {
class CredentialStore;
}

namespace kiosk::ops {

// Connects the kiosk to a cluster, for `kilo-kiosk cluster connect` and the Settings form alike:
//   preview(): asks the API server for one pod of the namespace, as the Cluster page will: Ready,
//              or Failed with what kind of trouble it is (unreachable, 401, 403, certificate);
//              nothing is saved and nothing audited;
//   apply():   asks the gate, stores the token in the keychain (and only there), then saves the
//              profile to the settings, removes the token of a server it replaces and audits
//              "cluster.connect". When the keychain refuses the token nothing at all is written.
// apply() may follow a Ready preview or skip it (`--no-verify`, the form's Save).
class ConnectOperation : public Operation {
    Q_OBJECT

public:
    // `token`: the bearer token to connect with (empty: none, or the kubeconfig's own user).
    // `settingsFile`: an INI file, empty for the application's settings. `keychainService`: the
    // keychain's service name (tests use their own).
    ConnectOperation(security::ConnectionProfile profile, QString token, QString settingsFile,
                     QString keychainService, ActionGate *gate, security::AuditLog audit,
                     QObject *parent = nullptr);
    ~ConnectOperation() override;

    // The token was read from this profile's own keychain entry: apply() does not store it again.
    void setTokenAlreadyStored(bool stored) { m_tokenAlreadyStored = stored; }
    // How long preview() waits for the server; default 20 s.
    void setProbeTimeout(int milliseconds) { m_probeTimeoutMs = milliseconds; }
    // Said first in the audit detail, e.g. "from Settings".
    void setOrigin(const QString &origin) { m_origin = origin; }

    // The profile; once saved, as the settings hold it (the server normalised).
    const security::ConnectionProfile &profile() const { return m_profile; }
    // The connection the profile and token describe, with its warning (e.g. TLS verification
    // off); set by preview() and apply().
    const k8s::KubeconfigLoader::Result &resolved() const { return m_resolved; }
    QString nameSpace() const;

    void preview();
    // False (and nothing written) when the gate refuses or the operation is busy or settled.
    bool apply();

private:
    bool resolve();
    void onCredentialFinished(const security::CredentialResult &result);
    void writeProfile();
    void succeed();
    std::unique_ptr<QSettings> openSettings() const;

    security::ConnectionProfile m_profile;
    QString m_token; // never shown, never logged
    QString m_settingsFile;
    bool m_tokenAlreadyStored = false;
    bool m_tokenStoredNow = false;
    int m_probeTimeoutMs = 20000;
    QString m_origin;
    k8s::KubeconfigLoader::Result m_resolved;
    security::CredentialStore *m_credentials = nullptr;
    QPointer<k8s::ApiClient> m_probe;

    // The keychain request in flight and what it is for.
    enum class Pending { None, StoreToken, RemoveReplaced };
    Pending m_pending = Pending::None;
    quint64 m_request = 0;
};

} // namespace kiosk::ops
