#pragma once

#include "ops/operation.h"
#include "security/connection_profile.h"
#include "security/credential_result.h"

#include <optional>

namespace kiosk::security {
class CredentialStore;
}

namespace kiosk::ops {

// Forgets the saved cluster connection, for `kilo-kiosk cluster disconnect` and the Settings form
// alike. apply(): asks the gate, removes the token from the keychain, then the profile from the
// settings, and audits "cluster.disconnect". When the keychain cannot remove the token the
// connection stays saved (nothing changed, not audited).
class ForgetConnectionOperation : public Operation {
    Q_OBJECT

public:
    // `settingsFile`: an INI file, empty for the application's settings. `keychainService`: the
    // keychain's service name (tests use their own).
    ForgetConnectionOperation(QString settingsFile, QString keychainService, ActionGate *gate,
                              security::AuditLog audit, QObject *parent = nullptr);
    ~ForgetConnectionOperation() override;

    // Said first in the audit detail, e.g. "from Settings".
    void setOrigin(const QString &origin) { m_origin = origin; }
    // The saved connection, read when the operation was made; nullopt when there is none.
    const std::optional<security::ConnectionProfile> &profile() const { return m_profile; }

    // False (and nothing removed) when the gate refuses or the operation already ran.
    bool apply();

private:
    void onRemoved(const security::CredentialResult &result);

    QString m_settingsFile;
    std::optional<security::ConnectionProfile> m_profile;
    QString m_origin;
    security::CredentialStore *m_credentials = nullptr;
    quint64 m_request = 0;
};

} // namespace kiosk::ops
