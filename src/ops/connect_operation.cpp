#include "ops/connect_operation.h"

#include "k8s/api_client.h"
#include "k8s/connection_resolver.h"
#include "k8s/resource_path.h"
#include "security/credential_store.h"

#include <QStringList>
#include <QUrlQuery>

namespace kiosk::ops {

namespace {
// One line that starts with what kind of trouble it is, so a person knows where to look.
QString describeFailure(const k8s::ApiError &error) {
    using Kind = k8s::ApiError::Kind;
    switch (error.kind) {
    case Kind::Unauthorized:
        return QObject::tr("Unauthorized (401): the cluster rejected the token. Check the token "
                           "and save it again.");
    case Kind::Forbidden:
        return QObject::tr("Forbidden (403): %1").arg(error.message);
    case Kind::Tls:
        return QObject::tr("Certificate problem: %1").arg(error.message);
    case Kind::Network:
    case Kind::Timeout:
        return QObject::tr("Unreachable: %1").arg(error.message);
    case Kind::NotFound:
        return QObject::tr("Not found (404): the server answered, but not as a Kubernetes API "
                           "server for this namespace.");
    default:
        return error.message;
    }
}
} // namespace

ConnectOperation::ConnectOperation(security::ConnectionProfile profile, QString token,
                                   QString settingsFile, QString keychainService, ActionGate *gate,
                                   security::AuditLog audit, QObject *parent)
    : Operation(QStringLiteral("cluster.connect"), profile.server, gate, std::move(audit), parent)
    , m_profile(std::move(profile))
    , m_token(std::move(token))
    , m_settingsFile(std::move(settingsFile))
    , m_credentials(new security::CredentialStore(keychainService, this)) {
    connect(m_credentials, &security::CredentialStore::finished, this,
            &ConnectOperation::onCredentialFinished);
}

ConnectOperation::~ConnectOperation() = default;

QString ConnectOperation::nameSpace() const {
    return m_resolved.connection ? m_resolved.connection->nameSpace : m_profile.nameSpace;
}

std::unique_ptr<QSettings> ConnectOperation::openSettings() const {
    if (m_settingsFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

bool ConnectOperation::resolve() {
    m_resolved = k8s::ConnectionResolver::fromProfile(m_profile, m_token);
    return m_resolved.connection.has_value();
}

void ConnectOperation::preview() {
    if (phase() != Phase::Idle)
        return;
    if (!resolve()) {
        setPhase(Phase::Failed, m_resolved.error);
        return;
    }
    delete m_probe;
    m_probe = new k8s::ApiClient(*m_resolved.connection, this);
    m_probe->setTimeout(m_probeTimeoutMs);
    setPhase(Phase::Checking, tr("Testing the connection to %1…").arg(m_profile.server));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    // The Cluster page lists pods of the namespace: exactly what must work.
    m_probe->get(k8s::ResourcePath::collection(k8s::ResourceKind::Pod, nameSpace()), query, this,
                 [this](const k8s::ApiResponse &response) {
                     if (response.error.isError()) {
                         setPhase(Phase::Failed, describeFailure(response.error));
                         return;
                     }
                     setPreviewAccepted();
                     setPhase(Phase::Ready,
                              tr("The connection works: %1 answered for namespace %2.")
                                  .arg(m_profile.server, nameSpace()));
                 });
}

bool ConnectOperation::apply() {
    if ((phase() != Phase::Idle && phase() != Phase::Ready) || !authorize())
        return false;
    // Checked before the keychain is touched: a profile that cannot connect stores nothing.
    if (!resolve()) {
        setPhase(Phase::Failed, tr("Nothing was saved: %1").arg(m_resolved.error));
        return true;
    }
    if (!m_token.isEmpty() && !m_tokenAlreadyStored) {
        setPhase(Phase::Running, tr("Saving the token in the keychain…"));
        m_pending = Pending::StoreToken;
        m_request = m_credentials->store(m_profile.credentialKey(), m_token);
        return true;
    }
    setPhase(Phase::Running, tr("Saving the connection…"));
    writeProfile();
    return true;
}

void ConnectOperation::onCredentialFinished(const security::CredentialResult &result) {
    if (result.requestId != m_request || m_pending == Pending::None)
        return;
    const Pending pending = m_pending;
    m_pending = Pending::None;
    m_request = 0;
    switch (pending) {
    case Pending::None:
        break;
    case Pending::StoreToken:
        // Nothing changed, so nothing is audited (and no server name reaches the disk).
        if (!result.ok()) {
            setPhase(Phase::Failed, tr("Nothing was saved: %1").arg(result.error));
            return;
        }
        m_tokenStoredNow = true;
        emit progressLine(tr("token for %1 stored in the keychain").arg(m_profile.server));
        writeProfile();
        break;
    case Pending::RemoveReplaced:
        // The new connection is saved either way; a leftover entry is only untidy.
        succeed();
        break;
    }
}

void ConnectOperation::writeProfile() {
    const auto settings = openSettings();
    const auto previous = security::ConnectionProfile::load(*settings, m_profile.name);
    QString error;
    if (!m_profile.save(*settings, &error)) {
        if (m_tokenStoredNow) {
            audit(security::AuditEntry::Outcome::Failure,
                  tr("token in the keychain, settings not written: %1").arg(error));
            setPhase(Phase::Failed,
                     tr("The token is in the keychain, but the connection was not saved: %1")
                         .arg(error));
        } else {
            setPhase(Phase::Failed, tr("Nothing was saved: %1").arg(error));
        }
        return;
    }
    m_profile = security::ConnectionProfile::load(*settings, m_profile.name).value_or(m_profile);
    emit progressLine(tr("connection to %1 saved").arg(m_profile.server));
    QStringList detail;
    if (!m_origin.isEmpty())
        detail << m_origin;
    detail << tr("namespace %1").arg(nameSpace());
    if (!m_token.isEmpty())
        detail << tr("token in the keychain");
    audit(security::AuditEntry::Outcome::Success, detail.join(QStringLiteral(", ")));
    // A token filed under a server the kiosk no longer uses is removed rather than left behind.
    if (previous && previous->credentialKey() != m_profile.credentialKey()) {
        m_pending = Pending::RemoveReplaced;
        m_request = m_credentials->remove(previous->credentialKey());
        return;
    }
    succeed();
}

void ConnectOperation::succeed() {
    setPhase(Phase::Succeeded,
             tr("Saved the connection to %1 (namespace %2)%3.")
                 .arg(m_profile.server, nameSpace(),
                      m_token.isEmpty() ? QString() : tr("; the token is in the keychain")));
}

} // namespace kiosk::ops
