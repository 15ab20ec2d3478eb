#include "ui/connection_settings.h"

#include "k8s/api_client.h"
#include "k8s/connection_resolver.h"
#include "k8s/resource_path.h"
#include "security/audit_log.h"
#include "security/credential_store.h"
#include "ui/cluster_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace kiosk::ui {

namespace {
using Status = security::CredentialResult::Status;

constexpr int kTestTimeoutMs = 10000;

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

QString trimmedPath(const QString &path) {
    const QString trimmed = path.trimmed();
    if (trimmed.startsWith(QLatin1String("~/")))
        return QDir::homePath() + trimmed.mid(1);
    return trimmed;
}
} // namespace

ConnectionSettings::ConnectionSettings(QObject *parent)
    : ConnectionSettings(QString(), security::CredentialStore::defaultService(), parent) {}

ConnectionSettings::ConnectionSettings(const QString &settingsFile, const QString &keychainService,
                                       QObject *parent)
    : QObject(parent)
    , m_settingsFile(settingsFile) {
    createCredentialStore(keychainService);
    const auto saved = security::ConnectionProfile::load(*openSettings());
    if (saved)
        m_fields = *saved;
    // The keychain lookup waits for the event loop, after QML has set keychainService and cluster.
    QTimer::singleShot(0, this, &ConnectionSettings::reload);
}

ConnectionSettings::~ConnectionSettings() = default;

std::unique_ptr<QSettings> ConnectionSettings::openSettings() const {
    if (m_settingsFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

void ConnectionSettings::createCredentialStore(const QString &service) {
    delete m_credentials;
    m_credentials = new security::CredentialStore(service, this);
    connect(m_credentials, &security::CredentialStore::finished, this,
            &ConnectionSettings::onCredentialFinished);
    m_request = 0;
    m_pending = Pending::None;
}

QString ConnectionSettings::keychainService() const {
    return m_credentials->service();
}

void ConnectionSettings::setKeychainService(const QString &service) {
    if (service.isEmpty() || service == m_credentials->service())
        return;
    createCredentialStore(service);
    emit keychainServiceChanged();
    reload();
}

void ConnectionSettings::setCluster(ClusterController *cluster) {
    if (cluster == m_cluster)
        return;
    m_cluster = cluster;
    emit clusterChanged();
}

bool ConnectionSettings::busy() const {
    return m_state == State::Loading || m_state == State::Testing || m_state == State::Saving ||
           m_state == State::Forgetting;
}

void ConnectionSettings::setState(State state, const QString &message, const QString &warning) {
    m_state = state;
    m_message = message;
    m_warning = warning;
    emit stateChanged();
}

void ConnectionSettings::updateField(QString &field, const QString &value) {
    if (value == field)
        return;
    field = value;
    emit fieldsChanged();
    // An outcome shown for other settings would mislead.
    if (!busy() && m_state != State::Idle)
        setState(State::Idle, {});
}

void ConnectionSettings::setServer(const QString &server) {
    updateField(m_fields.server, server);
}
void ConnectionSettings::setNameSpace(const QString &nameSpace) {
    updateField(m_fields.nameSpace, nameSpace);
}
void ConnectionSettings::setKubeconfigPath(const QString &path) {
    updateField(m_fields.kubeconfig, path);
}
void ConnectionSettings::setContext(const QString &context) {
    updateField(m_fields.context, context);
}
void ConnectionSettings::setCaFile(const QString &file) {
    updateField(m_fields.caFile, file);
}

void ConnectionSettings::setToken(const QString &token) {
    if (token == m_token)
        return;
    m_token = token;
    emit tokenChanged();
    if (!busy() && m_state != State::Idle)
        setState(State::Idle, {});
}

void ConnectionSettings::reload() {
    if (busy() && m_state != State::Loading)
        return;
    m_saved = security::ConnectionProfile::load(*openSettings());
    m_fields = m_saved.value_or(security::ConnectionProfile{});
    m_storedToken.clear();
    emit fieldsChanged();
    emit savedChanged();
    if (!m_saved) {
        setState(State::Idle, {});
        return;
    }
    m_pending = Pending::ReadStored;
    m_request = m_credentials->read(m_saved->credentialKey());
    setState(State::Loading, tr("Reading the saved connection…"));
}

std::optional<security::ConnectionProfile>
ConnectionSettings::profileFromFields(QString *error) const {
    security::ConnectionProfile profile;
    profile.server = m_fields.server.trimmed();
    profile.nameSpace = m_fields.nameSpace.trimmed();
    profile.caFile = trimmedPath(m_fields.caFile);
    profile.kubeconfig = trimmedPath(m_fields.kubeconfig);
    profile.context = m_fields.context.trimmed();
    if (!profile.kubeconfig.isEmpty()) {
        profile.kubeconfig = QFileInfo(profile.kubeconfig).absoluteFilePath();
        // The kubeconfig decides where to connect; its server also names the keychain entry.
        const auto loaded =
            k8s::KubeconfigLoader::loadFile(profile.kubeconfig, profile.context, profile.nameSpace);
        if (!loaded.connection) {
            *error = loaded.error;
            return std::nullopt;
        }
        profile.server = loaded.connection->server.toString();
        profile.caFile.clear();
    } else if (profile.server.isEmpty()) {
        *error = tr("Enter the cluster's API server address (e.g. https://192.168.1.10:6443) or a "
                    "kubeconfig file.");
        return std::nullopt;
    }
    if (!profile.caFile.isEmpty())
        profile.caFile = QFileInfo(profile.caFile).absoluteFilePath();
    if (const QString invalid = profile.validate(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    return profile;
}

QString ConnectionSettings::effectiveToken(const security::ConnectionProfile &profile) const {
    if (!m_token.trimmed().isEmpty())
        return m_token.trimmed();
    if (m_saved && m_saved->credentialKey() == profile.credentialKey())
        return m_storedToken;
    return {};
}

void ConnectionSettings::testConnection() {
    if (busy())
        return;
    QString error;
    const auto profile = profileFromFields(&error);
    if (!profile) {
        setState(State::Failed, error);
        return;
    }
    const auto resolved = k8s::ConnectionResolver::fromProfile(*profile, effectiveToken(*profile));
    if (!resolved.connection) {
        setState(State::Failed, resolved.error);
        return;
    }
    delete m_probe;
    m_probe = new k8s::ApiClient(*resolved.connection, this);
    m_probe->setTimeout(kTestTimeoutMs);
    const QString server = profile->server;
    const QString nameSpace = resolved.connection->nameSpace;
    const QString warning = resolved.warning;
    setState(State::Testing, tr("Testing the connection to %1…").arg(server));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    // The Cluster page lists pods of the namespace: exactly what must work.
    m_probe->get(k8s::ResourcePath::collection(k8s::ResourceKind::Pod, nameSpace), query, this,
                 [this, server, nameSpace, warning](const k8s::ApiResponse &response) {
                     if (response.error.isError())
                         setState(State::Failed, describeFailure(response.error), warning);
                     else
                         setState(State::TestPassed,
                                  tr("The connection works: %1 answered for namespace %2.")
                                      .arg(server, nameSpace),
                                  warning);
                 });
}

void ConnectionSettings::save() {
    if (busy())
        return;
    QString error;
    const auto profile = profileFromFields(&error);
    if (!profile) {
        setState(State::Failed, tr("Nothing was saved: %1").arg(error));
        return;
    }
    const QString typed = m_token.trimmed();
    if (typed.isEmpty()) {
        writeProfile(*profile, effectiveToken(*profile));
        return;
    }
    // The token first: if the keychain cannot take it, nothing at all is written.
    m_pendingProfile = *profile;
    m_pendingToken = typed;
    m_pending = Pending::StoreToken;
    m_request = m_credentials->store(profile->credentialKey(), typed);
    setState(State::Saving, tr("Saving the token in the keychain…"));
}

void ConnectionSettings::writeProfile(const security::ConnectionProfile &profile,
                                      const QString &token) {
    const auto resolved = k8s::ConnectionResolver::fromProfile(profile, token);
    if (!resolved.connection) {
        setState(State::Failed, tr("Nothing was saved: %1").arg(resolved.error));
        return;
    }
    QString error;
    const auto settings = openSettings();
    if (!profile.save(*settings, &error)) {
        setState(State::Failed, tr("Nothing was saved: %1").arg(error));
        return;
    }
    const std::optional<security::ConnectionProfile> previous = m_saved;
    const bool previousHadToken = !m_storedToken.isEmpty();
    m_saved = security::ConnectionProfile::load(*settings);
    m_fields = m_saved.value_or(profile);
    m_storedToken = token;
    m_token.clear();
    emit fieldsChanged();
    emit tokenChanged();
    emit savedChanged();
    security::AuditLog().record(
        QStringLiteral("cluster.connect"), profile.server, security::AuditEntry::Outcome::Success,
        tr("from Settings, namespace %1%2")
            .arg(resolved.connection->nameSpace,
                 token.isEmpty() ? QString() : tr(", token in the keychain")));
    // A token filed under a server the kiosk no longer uses is removed rather than left behind.
    if (previous && previousHadToken && previous->credentialKey() != profile.credentialKey())
        m_credentials->remove(previous->credentialKey());
    reconnectCluster(resolved);
    setState(State::Saved,
             tr("Saved. The Cluster page now connects to %1, namespace %2.")
                 .arg(profile.server, resolved.connection->nameSpace),
             resolved.warning);
}

void ConnectionSettings::reconnectCluster(const k8s::KubeconfigLoader::Result &connection) {
    if (!m_cluster || !connection.connection)
        return;
    m_cluster->connectTo(*connection.connection, false, connection.warning);
}

void ConnectionSettings::fallBackCluster() {
    if (!m_cluster || m_cluster->demo())
        return;
    // With the saved connection gone the kiosk looks further, as at start-up ($KUBECONFIG, ...).
    const auto outcome = k8s::ConnectionResolver::resolve({}, *openSettings(), *m_credentials,
                                                          QProcessEnvironment::systemEnvironment(),
                                                          QDir::homePath());
    if (!outcome.configured)
        m_cluster->setNotConfigured();
    else if (!outcome.result.connection)
        m_cluster->setConfigError(outcome.result.error);
    else
        m_cluster->connectTo(*outcome.result.connection, false, outcome.result.warning);
}

void ConnectionSettings::forget() {
    if (busy())
        return;
    if (!m_saved) {
        setState(State::Failed, tr("There is no saved connection to forget."));
        return;
    }
    m_pendingProfile = *m_saved;
    m_pending = Pending::RemoveToken;
    m_request = m_credentials->remove(m_saved->credentialKey());
    setState(State::Forgetting, tr("Removing the token from the keychain…"));
}

void ConnectionSettings::onCredentialFinished(const security::CredentialResult &result) {
    if (result.requestId != m_request || m_pending == Pending::None)
        return; // e.g. the removal of a replaced server's token, which needs no answer
    const Pending pending = m_pending;
    m_pending = Pending::None;
    m_request = 0;
    switch (pending) {
    case Pending::None:
        break;
    case Pending::ReadStored:
        if (result.ok()) {
            m_storedToken = result.secret;
            emit savedChanged();
            setState(State::Idle, {});
        } else if (result.status == Status::NotFound) {
            setState(State::Idle, {});
        } else {
            setState(State::Idle, {},
                     tr("The saved token could not be read: %1").arg(result.error));
        }
        break;
    case Pending::StoreToken:
        if (!result.ok()) {
            setState(State::Failed, tr("Nothing was saved: %1").arg(result.error));
            break;
        }
        writeProfile(m_pendingProfile, m_pendingToken);
        m_pendingToken.clear();
        break;
    case Pending::RemoveToken: {
        if (!result.ok() && result.status != Status::NotFound) {
            setState(State::Failed, tr("The token could not be removed from the keychain, so the "
                                       "connection is still saved: %1")
                                        .arg(result.error));
            break;
        }
        security::ConnectionProfile::remove(*openSettings(), m_pendingProfile.name);
        m_saved.reset();
        m_storedToken.clear();
        m_fields = security::ConnectionProfile{};
        m_token.clear();
        emit fieldsChanged();
        emit tokenChanged();
        emit savedChanged();
        security::AuditLog().record(QStringLiteral("cluster.disconnect"), m_pendingProfile.server,
                                    security::AuditEntry::Outcome::Success, tr("from Settings"));
        fallBackCluster();
        setState(State::Forgotten,
                 tr("Forgot the connection to %1 and its token.").arg(m_pendingProfile.server));
        break;
    }
    }
}

} // namespace kiosk::ui
