#include "ui/connection_settings.h"

#include "k8s/connection_resolver.h"
#include "ops/connect_operation.h"
#include "ops/forget_connection_operation.h"
#include "security/credential_store.h"
#include "ui/cluster_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace kiosk::ui {

namespace {
using Status = security::CredentialResult::Status;
using Phase = ops::Operation::Phase;

constexpr int kTestTimeoutMs = 10000;

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
    m_readRequest = 0;
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

void ConnectionSettings::setAdminSession(AdminSession *session) {
    if (session == m_adminSession)
        return;
    m_adminSession = session;
    emit adminSessionChanged();
}

bool ConnectionSettings::mayAct(QString *why) const {
    if (why)
        why->clear();
    return true;
}

QString ConnectionSettings::actor() const {
    return m_adminSession ? m_adminSession->actor() : QStringLiteral("admin");
}

security::AuditLog ConnectionSettings::auditLog() const {
    return m_adminSession ? m_adminSession->auditLog() : security::AuditLog();
}

void ConnectionSettings::track(ops::Operation *operation) {
    if (m_operation)
        m_operation->deleteLater();
    m_operation = operation;
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
    m_readRequest = m_credentials->read(m_saved->credentialKey());
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
    auto *test = new ops::ConnectOperation(*profile, effectiveToken(*profile), m_settingsFile,
                                           keychainService(), this, auditLog(), this);
    test->setProbeTimeout(kTestTimeoutMs);
    track(test);
    connect(test, &ops::Operation::changed, this, [this, test] { onTestChanged(test); });
    test->preview();
}

void ConnectionSettings::onTestChanged(ops::ConnectOperation *test) {
    switch (test->phase()) {
    case Phase::Checking:
        setState(State::Testing, test->message());
        break;
    case Phase::Ready:
        setState(State::TestPassed, test->message(), test->resolved().warning);
        break;
    case Phase::Failed:
        setState(State::Failed, test->message(), test->resolved().warning);
        break;
    default:
        break;
    }
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
    const QString token = typed.isEmpty() ? effectiveToken(*profile) : typed;
    auto *save = new ops::ConnectOperation(*profile, token, m_settingsFile, keychainService(), this,
                                           auditLog(), this);
    save->setTokenAlreadyStored(typed.isEmpty());
    save->setOrigin(tr("from Settings"));
    track(save);
    connect(save, &ops::Operation::changed, this,
            [this, save, token] { onSaveChanged(save, token); });
    save->apply();
}

void ConnectionSettings::onSaveChanged(ops::ConnectOperation *save, const QString &token) {
    switch (save->phase()) {
    case Phase::Running:
        setState(State::Saving, save->message());
        break;
    case Phase::Failed:
        setState(State::Failed, save->message());
        break;
    case Phase::Succeeded: {
        const auto &resolved = save->resolved();
        m_saved = security::ConnectionProfile::load(*openSettings());
        m_fields = m_saved.value_or(save->profile());
        m_storedToken = token;
        m_token.clear();
        emit fieldsChanged();
        emit tokenChanged();
        emit savedChanged();
        reconnectCluster(resolved);
        setState(State::Saved,
                 tr("Saved. The Cluster page now connects to %1, namespace %2.")
                     .arg(save->profile().server, save->nameSpace()),
                 resolved.warning);
        break;
    }
    default:
        break;
    }
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
    auto *forget = new ops::ForgetConnectionOperation(m_settingsFile, keychainService(), this,
                                                      auditLog(), this);
    forget->setOrigin(tr("from Settings"));
    track(forget);
    connect(forget, &ops::Operation::changed, this, [this, forget] { onForgetChanged(forget); });
    forget->apply();
}

void ConnectionSettings::onForgetChanged(ops::ForgetConnectionOperation *forget) {
    switch (forget->phase()) {
    case Phase::Running:
        setState(State::Forgetting, forget->message());
        break;
    case Phase::Failed:
        setState(State::Failed, forget->message());
        break;
    case Phase::Succeeded:
        m_saved.reset();
        m_storedToken.clear();
        m_fields = security::ConnectionProfile{};
        m_token.clear();
        emit fieldsChanged();
        emit tokenChanged();
        emit savedChanged();
        fallBackCluster();
        setState(State::Forgotten, forget->message());
        break;
    default:
        break;
    }
}

void ConnectionSettings::onCredentialFinished(const security::CredentialResult &result) {
    if (result.requestId != m_readRequest || m_readRequest == 0)
        return;
    m_readRequest = 0;
    if (result.ok()) {
        m_storedToken = result.secret;
        emit savedChanged();
        setState(State::Idle, {});
    } else if (result.status == Status::NotFound) {
        setState(State::Idle, {});
    } else {
        setState(State::Idle, {}, tr("The saved token could not be read: %1").arg(result.error));
    }
}

} // namespace kiosk::ui
