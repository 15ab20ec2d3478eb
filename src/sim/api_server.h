#pragma once

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace kiosk::sim {

class DeploymentController;
class EventRecorder;
class HttpConnection;
class Kubelet;
class ObjectService;
class ObjectStore;
class ReplicaSetController;
class RestHandler;
struct HttpRequest;

struct ApiServerOptions {
    QString scenario = QStringLiteral("kilo-guardian");
    // Bearer tokens: when either is set, every request needs one (401 otherwise); the
    // read-only one may get/list/watch only (403 on writes).
    QString token;
    QString readOnlyToken;
    // TLS (QSslServer): PEM certificate and key. With clientCaFile, client certificates signed by
    // that CA are required, as k3s requires them; the certificate's CN is the user.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    QString clientCaFile;
    // Fault injection for reliability tests.
    int latencyMs = 0;             // every response is delayed this long
    double failRate = 0.0;         // this fraction of API requests answers 503
    int dropWatchAfterSeconds = 0; // watches (and followed logs) are cut after this long
    // Tuning.
    int bookmarkIntervalMs = 60000; // watch bookmarks, when asked for
    int watchHistoryLimit = 20000;  // changes kept for watches; older resourceVersions are 410
    qint64 maxRequestBodyBytes = 3 * 1024 * 1024;
};

// An in-process Kubernetes API server on a loopback port: HTTP/1.1 (or HTTPS) on the Qt event
// loop (no threads, so it can share the UI thread), the object store, the controllers (Deployment,
// ReplicaSet, garbage collector), a node with a kubelet stand-in, and a scenario loaded at
// construction. Real kubectl works against it with a plain kubeconfig (see kubeconfig()).
class ApiServer : public QObject {
    Q_OBJECT

public:
    explicit ApiServer(const ApiServerOptions &options = {}, QObject *parent = nullptr);
    ~ApiServer() override;

    static QStringList scenarios();

    // Starts serving; false with errorString() when the scenario, the TLS files or the port fail.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const { return m_error; }
    // http(s)://127.0.0.1:<port>
    QUrl url() const;
    quint16 port() const;
    bool isDemoScenarioLoaded() const { return m_scenarioLoaded; }
    // How long loading the scenario took.
    qint64 scenarioLoadMilliseconds() const { return m_loadMs; }
    qint64 requestsServed() const { return m_requests; }

    // A kubeconfig for this server (context "kilo-sim", namespace `ns`), with the token and the
    // given TLS file paths filled in where they apply.
    QString kubeconfig(const QString &ns = QStringLiteral("kilo-guardian"),
                       const QString &caFile = {}, const QString &clientCertificateFile = {},
                       const QString &clientKeyFile = {}) const;

    // Fault injection at run time (reliability tests switch faults on and off mid-test).
    void setLatencyMs(int milliseconds) { m_options.latencyMs = qMax(0, milliseconds); }
    void setFailRate(double rate) { m_options.failRate = qBound(0.0, rate, 1.0); }
    void setDropWatchAfterSeconds(int seconds);
    // Drops the watch history, as etcd compaction does: watches and continue tokens from before
    // now answer 410.
    void compactHistory();
    // Cuts every open connection (watches included) without a response, as a restarting
    // apiserver does. Returns how many were cut.
    int dropConnections();

    ObjectStore *store() const;
    ObjectService *service() const { return m_service; }
    Kubelet *kubelet() const { return m_kubelet; }

private:
    void onNewConnection();
    void dispatch(HttpConnection *connection, const HttpRequest &request);
    void process(HttpConnection *connection, const HttpRequest &request);
    bool setUpTls(QTcpServer **server);

    ApiServerOptions m_options;
    ObjectStore *m_store = nullptr;
    ObjectService *m_service = nullptr;
    EventRecorder *m_events = nullptr;
    Kubelet *m_kubelet = nullptr;
    ReplicaSetController *m_replicaSets = nullptr;
    DeploymentController *m_deployments = nullptr;
    RestHandler *m_handler = nullptr;
    QPointer<QTcpServer> m_server;
    QString m_error;
    QString m_scenarioError;
    bool m_scenarioLoaded = false;
    qint64 m_loadMs = 0;
    qint64 m_requests = 0;
    bool m_tls = false;
};

} // namespace kiosk::sim
