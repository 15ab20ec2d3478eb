#include "sim/api_server.h"

#include "sim/deployment_controller.h"
#include "sim/event_recorder.h"
#include "sim/http_connection.h"
#include "sim/kubelet.h"
#include "sim/object_service.h"
#include "sim/object_store.h"
#include "sim/replica_set_controller.h"
#include "sim/rest_handler.h"
#include "sim/scenario.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace kiosk::sim {

ApiServer::ApiServer(const ApiServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options) {
    m_store = new ObjectStore(this);
    m_store->setHistoryLimit(options.watchHistoryLimit);
    m_service = new ObjectService(m_store, this);
    m_events = new EventRecorder(m_service);
    m_kubelet = new Kubelet(m_service, m_events, Scenario::kNodeName, this);

    QElapsedTimer timer;
    timer.start();
    m_store->blockSignals(true);
    m_scenarioLoaded = Scenario::load(options.scenario, m_service, m_kubelet, &m_scenarioError);
    m_store->blockSignals(false);
    m_store->compact();
    m_loadMs = timer.elapsed();

    m_replicaSets = new ReplicaSetController(m_service, m_events, this);
    m_deployments = new DeploymentController(m_service, m_events, this);
    RestHandler::Config config;
    config.bookmarkIntervalMs = options.bookmarkIntervalMs;
    config.dropWatchAfterSeconds = options.dropWatchAfterSeconds;
    m_handler = new RestHandler(m_service, m_kubelet, config, this);
    if (m_scenarioLoaded) {
        m_kubelet->adoptExisting();
        m_deployments->resyncIncomplete();
    }
}

ApiServer::~ApiServer() {
    close();
    delete m_events;
}

QStringList ApiServer::scenarios() {
    return Scenario::names();
}

ObjectStore *ApiServer::store() const {
    return m_store;
}

bool ApiServer::setUpTls(QTcpServer **server) {
    QFile certFile(m_options.tlsCertificateFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read TLS certificate %1: %2")
                      .arg(m_options.tlsCertificateFile, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        m_error = QStringLiteral("%1 holds no PEM certificate").arg(m_options.tlsCertificateFile);
        return false;
    }
    QFile keyFile(m_options.tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read TLS key %1: %2")
                      .arg(m_options.tlsKeyFile, keyFile.errorString());
        return false;
    }
    const QByteArray keyData = keyFile.readAll();
    QSslKey key;
    for (const auto algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        m_error = QStringLiteral("%1 holds no PEM private key (RSA or EC, unencrypted)")
                      .arg(m_options.tlsKeyFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    if (!m_options.clientCaFile.isEmpty()) {
        const QList<QSslCertificate> cas =
            QSslCertificate::fromPath(m_options.clientCaFile, QSsl::Pem);
        if (cas.isEmpty()) {
            m_error = QStringLiteral("%1 holds no PEM CA certificate").arg(m_options.clientCaFile);
            return false;
        }
        configuration.setCaCertificates(cas);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    } else {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    auto *ssl = new QSslServer(this);
    ssl->setSslConfiguration(configuration);
    ssl->setHandshakeTimeout(10000);
    *server = ssl;
    return true;
}

bool ApiServer::listen(const QHostAddress &address, quint16 port) {
    if (!m_scenarioLoaded) {
        m_error = m_scenarioError;
        return false;
    }
    close();
    QTcpServer *server = nullptr;
    m_tls = !m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty();
    if (m_tls) {
        if (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty()) {
            m_error = QStringLiteral("TLS needs both a certificate and a key");
            return false;
        }
        if (!QSslSocket::supportsSsl()) {
            m_error = QStringLiteral("this Qt has no TLS backend");
            return false;
        }
        if (!setUpTls(&server))
            return false;
    } else {
        if (!m_options.clientCaFile.isEmpty()) {
            m_error = QStringLiteral(
                "client certificates (--client-ca) need TLS (--tls-cert and --tls-key)");
            return false;
        }
        server = new QTcpServer(this);
    }
    if (!server->listen(address, port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(server->errorString());
        delete server;
        return false;
    }
    // A QSslServer adds a connection to the pending ones only once its handshake is done, and
    // then says so with pendingConnectionAvailable (newConnection already fired on accept).
    connect(server, &QTcpServer::newConnection, this, &ApiServer::onNewConnection);
    connect(server, &QTcpServer::pendingConnectionAvailable, this, &ApiServer::onNewConnection);
    m_server = server;
    m_error.clear();
    return true;
}

void ApiServer::close() {
    if (m_server) {
        m_server->close();
        delete m_server;
    }
}

bool ApiServer::isListening() const {
    return m_server && m_server->isListening();
}

quint16 ApiServer::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QUrl ApiServer::url() const {
    if (!m_server)
        return {};
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress host = m_server->serverAddress();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    url.setHost(host.toString());
    url.setPort(m_server->serverPort());
    return url;
}

QString ApiServer::kubeconfig(const QString &ns, const QString &caFile,
                              const QString &clientCertificateFile,
                              const QString &clientKeyFile) const {
    const auto quote = [](const QString &text) {
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    };
    QString text =
        QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: %1\n")
            .arg(quote(url().toString()));
    if (m_tls) {
        if (!caFile.isEmpty())
            text += QStringLiteral("    certificate-authority: %1\n").arg(quote(caFile));
        else
            text += QStringLiteral("    insecure-skip-tls-verify: true\n");
    }
    text += QStringLiteral("  name: kilo-sim\ncontexts:\n- context:\n    cluster: kilo-sim\n    "
                           "namespace: %1\n    user: kilo-sim\n  name: kilo-sim\n"
                           "current-context: kilo-sim\nusers:\n- name: kilo-sim\n  user:\n")
                .arg(quote(ns));
    bool any = false;
    if (!m_options.token.isEmpty()) {
        text += QStringLiteral("    token: %1\n").arg(quote(m_options.token));
        any = true;
    }
    if (!clientCertificateFile.isEmpty()) {
        text += QStringLiteral("    client-certificate: %1\n    client-key: %2\n")
                    .arg(quote(clientCertificateFile), quote(clientKeyFile));
        any = true;
    }
    if (!any) {
        text.chop(1);
        text += QStringLiteral(" {}\n");
    }
    return text;
}

void ApiServer::setDropWatchAfterSeconds(int seconds) {
    m_options.dropWatchAfterSeconds = qMax(0, seconds);
    m_handler->setDropWatchAfterSeconds(m_options.dropWatchAfterSeconds);
}

void ApiServer::compactHistory() {
    m_store->compact();
}

int ApiServer::dropConnections() {
    int dropped = 0;
    for (HttpConnection *connection : findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly)) {
        connection->abort();
        ++dropped;
    }
    return dropped;
}

void ApiServer::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_options.maxRequestBodyBytes, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { dispatch(connection, request); });
    }
}

void ApiServer::dispatch(HttpConnection *connection, const HttpRequest &request) {
    ++m_requests;
    if (m_options.latencyMs > 0) {
        QPointer<HttpConnection> guard(connection);
        const HttpRequest copy = request;
        QTimer::singleShot(m_options.latencyMs, this, [this, guard, copy]() {
            if (guard)
                process(guard, copy);
        });
        return;
    }
    process(connection, request);
}

void ApiServer::process(HttpConnection *connection, const HttpRequest &request) {
    if (m_options.failRate > 0.0 &&
        QRandomGenerator::global()->generateDouble() < m_options.failRate) {
        HttpResponse response =
            RestHandler::errorResponse(ApiError::serviceUnavailable(QStringLiteral(
                "the server is currently unable to handle the request (injected fault)")));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        connection->respond(response);
        return;
    }
    Identity identity;
    QString certificateUser;
    if (auto *ssl = qobject_cast<QSslSocket *>(connection->socket())) {
        const QSslCertificate peer = ssl->peerCertificate();
        if (!peer.isNull())
            certificateUser = peer.subjectInfo(QSslCertificate::CommonName).value(0);
    }
    if (!certificateUser.isEmpty())
        identity.user = certificateUser;
    if (!m_options.token.isEmpty() || !m_options.readOnlyToken.isEmpty()) {
        const QByteArray authorization = request.header("authorization");
        const QString token = authorization.startsWith("Bearer ")
                                  ? QString::fromUtf8(authorization.mid(7).trimmed())
                                  : QString();
        if (!m_options.token.isEmpty() && token == m_options.token) {
            identity.user = QStringLiteral("kilo-sim-admin");
        } else if (!m_options.readOnlyToken.isEmpty() && token == m_options.readOnlyToken) {
            identity.user = QStringLiteral("system:serviceaccount:kilo-guardian:kiosk-viewer");
            identity.readOnly = true;
        } else if (certificateUser.isEmpty() || !token.isEmpty()) {
            HttpResponse response = RestHandler::errorResponse(ApiError::unauthorized());
            response.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                                     QByteArrayLiteral("Bearer realm=\"kubernetes\"")});
            connection->respond(response);
            return;
        }
    }
    m_handler->handle(connection, request, identity);
}

} // namespace kiosk::sim
