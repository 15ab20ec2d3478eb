// TLS against the simulator on a loopback port (tests/fixtures/tls): the kubeconfig's CA is
// verified, a wrong CA fails with a certificate error and loads nothing, insecure-skip-tls-verify
// connects with a warning, and a k3s-style kubeconfig (client-certificate-data/client-key-data)
// gets through a server that requires client certificates.
#include "k8s/cluster_monitor.h"
#include "k8s/kubeconfig_loader.h"
#include "sim/api_server.h"

#include <QFile>
#include <QTest>

#include <memory>

using kiosk::k8s::ApiError;
using kiosk::k8s::ClusterMonitor;
using kiosk::k8s::KubeconfigLoader;
using kiosk::sim::ApiServer;
using kiosk::sim::ApiServerOptions;

namespace {
const QString kFixtures = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/tls/");

QByteArray fixture(const QString &name) {
    QFile f(kFixtures + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

// The shape k3s writes to /etc/rancher/k3s/k3s.yaml; `clusterTls` and `user` fill the blanks.
QByteArray kubeconfig(const QUrl &server, const QByteArray &clusterTls, const QByteArray &user) {
    return "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n" + clusterTls +
           "    server: " + server.toString().toUtf8() +
           "\n  name: default\ncontexts:\n- context:\n    cluster: default\n    namespace: "
           "kilo-guardian\n"
           "    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: "
           "default\n  user:" +
           (user.isEmpty() ? QByteArray(" {}\n") : "\n" + user);
}

QByteArray caData(const QString &file) {
    return "    certificate-authority-data: " + fixture(file).toBase64() + "\n";
}

QByteArray clientCertificateData() {
    return "    client-certificate-data: " + fixture("client.crt").toBase64() +
           "\n    client-key-data: " + fixture("client.key").toBase64() + "\n";
}

std::unique_ptr<ApiServer> startTlsServer(bool requireClientCertificates) {
    ApiServerOptions options;
    options.tlsCertificateFile = kFixtures + "server.crt";
    options.tlsKeyFile = kFixtures + "server.key";
    if (requireClientCertificates)
        options.clientCaFile = kFixtures + "ca.crt";
    auto server = std::make_unique<ApiServer>(options);
    if (!server->listen())
        qFatal("the TLS simulator did not start: %s", qPrintable(server->errorString()));
    return server;
}

KubeconfigLoader::Result load(const QByteArray &yaml) {
    return KubeconfigLoader::parse(yaml, kFixtures, QString(), QString());
}

// Runs the monitor until it has synced or reported an error that retrying will not fix.
void runUntilSettled(ClusterMonitor &monitor) {
    monitor.start();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.hasSynced() || monitor.lastError().isError(), 15000);
}
} // namespace

class TestClusterTls : public QObject {
    Q_OBJECT

private slots:
    void rightCaIsVerified() {
        const auto server = startTlsServer(false);
        QCOMPARE(server->url().scheme(), QStringLiteral("https"));
        const auto r = load(kubeconfig(server->url(), caData("ca.crt"), {}));
        QVERIFY2(r.connection, qPrintable(r.error));
        QVERIFY(!r.connection->insecureSkipTlsVerify);
        QVERIFY(r.warning.isEmpty());
        ClusterMonitor monitor(*r.connection);
        runUntilSettled(monitor);
        QVERIFY2(monitor.hasSynced(), qPrintable(monitor.lastError().message));
        QCOMPARE(monitor.deployments().size(), 14);
        QCOMPARE(monitor.replicaSets().size(), 78);
    }

    void untrustedCertificateLoadsNothing_data() {
        QTest::addColumn<QByteArray>("clusterTls");
        QTest::newRow("other CA") << caData("other-ca.crt");
        QTest::newRow("system CAs only") << QByteArray();
    }

    void untrustedCertificateLoadsNothing() {
        QFETCH(QByteArray, clusterTls);
        const auto server = startTlsServer(false);
        const auto r = load(kubeconfig(server->url(), clusterTls, {}));
        QVERIFY2(r.connection, qPrintable(r.error));
        ClusterMonitor monitor(*r.connection);
        runUntilSettled(monitor);
        const ApiError error = monitor.lastError();
        QCOMPARE(error.kind, ApiError::Kind::Tls);
        QVERIFY2(error.message.contains(QLatin1String("certificate")), qPrintable(error.message));
        QVERIFY(!monitor.hasSynced());
        QVERIFY(monitor.deployments().isEmpty());
        QVERIFY(monitor.replicaSets().isEmpty());
        QVERIFY(monitor.pods().isEmpty());
        QCOMPARE(server->requestsServed(), 0); // no request got past the handshake
        QCOMPARE(monitor.state(), ClusterMonitor::State::Reconnecting);
    }

    void insecureSkipVerifyConnectsWithAWarning() {
        const auto server = startTlsServer(false);
        const auto r = load(kubeconfig(server->url(), "    insecure-skip-tls-verify: true\n", {}));
        QVERIFY2(r.connection, qPrintable(r.error));
        QVERIFY(r.connection->insecureSkipTlsVerify);
        QVERIFY2(r.warning.contains(QLatin1String("insecure-skip-tls-verify")),
                 qPrintable(r.warning));
        ClusterMonitor monitor(*r.connection);
        runUntilSettled(monitor);
        QVERIFY2(monitor.hasSynced(), qPrintable(monitor.lastError().message));
        QCOMPARE(monitor.deployments().size(), 14);
    }

    void k3sClientCertificatesAreAccepted() {
        const auto server = startTlsServer(true);
        const auto r = load(kubeconfig(server->url(), caData("ca.crt"), clientCertificateData()));
        QVERIFY2(r.connection, qPrintable(r.error));
        QVERIFY(!r.connection->clientCertificate.isNull());
        QVERIFY(!r.connection->clientKey.isNull());
        ClusterMonitor monitor(*r.connection);
        runUntilSettled(monitor);
        QVERIFY2(monitor.hasSynced(), qPrintable(monitor.lastError().message));
        QCOMPARE(monitor.deployments().size(), 14);
        QCOMPARE(monitor.pods().size(), 14);
    }

    void missingClientCertificateIsRefused() {
        const auto server = startTlsServer(true);
        const auto r = load(kubeconfig(server->url(), caData("ca.crt"), {}));
        QVERIFY2(r.connection, qPrintable(r.error));
        ClusterMonitor monitor(*r.connection);
        runUntilSettled(monitor);
        QVERIFY(monitor.lastError().isError());
        QVERIFY(!monitor.hasSynced());
        QVERIFY(monitor.deployments().isEmpty());
        QCOMPARE(server->requestsServed(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClusterTls)
#include "tst_cluster_tls.moc"
