#include "ops/forget_connection_operation.h"

#include "security/credential_store.h"

#include <QSettings>

#include <memory>

namespace kiosk::ops {

namespace {
// A fresh QSettings per use: a QSettings' error status sticks.
std::unique_ptr<QSettings> openSettings(const QString &file) {
    if (file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

std::optional<security::ConnectionProfile> savedProfile(const QString &file) {
    return security::ConnectionProfile::load(*openSettings(file));
}
} // namespace

ForgetConnectionOperation::ForgetConnectionOperation(QString settingsFile, QString keychainService,
                                                     ActionGate *gate, security::AuditLog audit,
                                                     QObject *parent)
    : Operation(QStringLiteral("cluster.disconnect"),
                savedProfile(settingsFile).value_or(security::ConnectionProfile{}).server, gate,
                std::move(audit), parent)
    , m_settingsFile(std::move(settingsFile))
    , m_profile(savedProfile(m_settingsFile))
    , m_credentials(new security::CredentialStore(keychainService, this)) {
    connect(m_credentials, &security::CredentialStore::finished, this,
            &ForgetConnectionOperation::onRemoved);
}

ForgetConnectionOperation::~ForgetConnectionOperation() = default;

bool ForgetConnectionOperation::apply() {
    if (phase() != Phase::Idle || !authorize())
        return false;
    if (!m_profile) {
        setPhase(Phase::Failed, tr("There is no saved connection to forget."));
        return true;
    }
    setPhase(Phase::Running, tr("Removing the token from the keychain…"));
    m_request = m_credentials->remove(m_profile->credentialKey());
    return true;
}

void ForgetConnectionOperation::onRemoved(const security::CredentialResult &result) {
    if (result.requestId != m_request || m_request == 0)
        return;
    m_request = 0;
    if (!result.ok() && result.status != security::CredentialResult::Status::NotFound) {
        setPhase(Phase::Failed, tr("The token could not be removed from the keychain, so the "
                                   "connection is still saved: %1")
                                    .arg(result.error));
        return;
    }
    security::ConnectionProfile::remove(*openSettings(m_settingsFile), m_profile->name);
    emit progressLine(tr("connection to %1 removed").arg(m_profile->server));
    audit(security::AuditEntry::Outcome::Success, m_origin);
    setPhase(Phase::Succeeded,
             tr("Forgot the connection to %1 and its token.").arg(m_profile->server));
}

} // namespace kiosk::ops
