#include "k8s/kubeconfig_loader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using kiosk::k8s::ClusterSource;
using kiosk::k8s::KubeconfigLoader;

namespace {
QByteArray readFixture(const char *name) {
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/tls/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// A kubeconfig shaped like the one k3s writes to /etc/rancher/k3s/k3s.yaml.
QByteArray k3sStyle() {
    return QByteArray("apiVersion: v1\n"
                      "clusters:\n"
                      "- cluster:\n"
                      "    certificate-authority-data: ") +
           readFixture("ca.crt").toBase64() +
           "\n"
           "    server: https://127.0.0.1:6443\n"
           "  name: default\n"
           "contexts:\n"
           "- context:\n"
           "    cluster: default\n"
           "    user: default\n"
           "  name: default\n"
           "current-context: default\n"
           "kind: Config\n"
           "preferences: {}\n"
           "users:\n"
           "- name: default\n"
           "  user:\n"
           "    client-certificate-data: " +
           readFixture("client.crt").toBase64() +
           "\n"
           "    client-key-data: " +
           readFixture("client.key").toBase64() + "\n";
}
} // namespace

class TestKubeconfigLoader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void k3sClientCertificates() {
        const auto r = KubeconfigLoader::parse(k3sStyle(), m_dir.path(), QString(), QString());
        QVERIFY2(r.connection, qPrintable(r.error));
        const auto &c = *r.connection;
        QCOMPARE(c.server, QUrl("https://127.0.0.1:6443"));
        QCOMPARE(c.contextName, QStringLiteral("default"));
        QCOMPARE(c.nameSpace, QStringLiteral("kilo-guardian")); // no namespace in the context
        QCOMPARE(c.caCertificates.size(), 1);
        QVERIFY(!c.clientCertificate.isNull());
        QVERIFY(!c.clientKey.isNull());
        QCOMPARE(c.clientKey.algorithm(), QSsl::Ec);
        QVERIFY(!c.insecureSkipTlsVerify);
        QVERIFY(r.warning.isEmpty());
    }

    void tokenContextNamespaceAndFiles() {
        QFile ca(m_dir.filePath("certs/ca.crt"));
        QDir().mkpath(m_dir.filePath("certs"));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(readFixture("ca.crt"));
        ca.close();
        const QByteArray yaml =
            "apiVersion: v1\nkind: Config\ncurrent-context: a\n"
            "clusters:\n- name: home\n  cluster:\n    server: https://kilo.local:6443\n"
            "    certificate-authority: certs/ca.crt\n    tls-server-name: kubernetes\n"
            "contexts:\n- name: a\n  context: {cluster: home, user: admin}\n"
            "- name: b\n  context: {cluster: home, user: admin, namespace: other}\n"
            "users:\n- name: admin\n  user:\n    token: abc.def\n";
        auto r = KubeconfigLoader::parse(yaml, m_dir.path(), QString(), QString());
        QVERIFY2(r.connection, qPrintable(r.error));
        QCOMPARE(r.connection->bearerToken, QStringLiteral("abc.def"));
        QCOMPARE(r.connection->caCertificates.size(), 1);
        QCOMPARE(r.connection->tlsServerName, QStringLiteral("kubernetes"));
        r = KubeconfigLoader::parse(yaml, m_dir.path(), "b", QString());
        QCOMPARE(r.connection->nameSpace, QStringLiteral("other"));
        r = KubeconfigLoader::parse(yaml, m_dir.path(), "b", "flag-wins");
        QCOMPARE(r.connection->nameSpace, QStringLiteral("flag-wins"));
    }

    void insecureSkipVerifyWarns() {
        const QByteArray yaml = "current-context: x\nclusters:\n- name: c\n  cluster:\n    server: "
                                "https://10.0.0.1:6443\n"
                                "    insecure-skip-tls-verify: true\ncontexts:\n- name: x\n  "
                                "context: {cluster: c, user: u}\n"
                                "users:\n- name: u\n  user: {token: t}\n";
        const auto r = KubeconfigLoader::parse(yaml, m_dir.path(), QString(), QString());
        QVERIFY(r.connection);
        QVERIFY(r.connection->insecureSkipTlsVerify);
        QVERIFY(r.warning.contains("insecure-skip-tls-verify"));
    }

    void clearErrors_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("needle");
        const QByteArray base = "clusters:\n- name: c\n  cluster: {server: 'https://h:6443'}\n"
                                "contexts:\n- name: x\n  context: {cluster: c, user: u}\n";
        QTest::newRow("not yaml") << QByteArray("clusters: [unclosed\n  - x: {")
                                  << "not valid YAML";
        QTest::newRow("scalar") << QByteArray("just a string") << "not a kubeconfig";
        QTest::newRow("no context") << base + "users:\n- name: u\n  user: {token: t}\n"
                                    << "no current-context";
        QTest::newRow("missing context")
            << "current-context: y\n" + base << "context \"y\" not found";
        QTest::newRow("exec") << "current-context: x\n" + base +
                                     "users:\n- name: u\n  user:\n    exec: {command: aws}\n"
                              << "exec credential plugin";
        QTest::newRow("auth-provider")
            << "current-context: x\n" + base +
                   "users:\n- name: u\n  user:\n    auth-provider: {name: oidc}\n"
            << "auth-provider";
        QTest::newRow("bad base64")
            << "current-context: x\n" + base +
                   "users:\n- name: u\n  user:\n    client-certificate-data: '!!!'\n    "
                   "client-key-data: '@@@'\n"
            << "not valid base64";
        QTest::newRow("cert without key")
            << "current-context: x\n" + base +
                   "users:\n- name: u\n  user:\n    client-certificate-data: " +
                   readFixture("client.crt").toBase64() + "\n"
            << "needs both";
        QTest::newRow("garbage key")
            << "current-context: x\n" + base +
                   "users:\n- name: u\n  user:\n    client-certificate-data: " +
                   readFixture("client.crt").toBase64() +
                   "\n    client-key-data: " + QByteArray("not a key").toBase64() + "\n"
            << "not a PEM private key";
        QTest::newRow("no server")
            << QByteArray("current-context: x\nclusters:\n- name: c\n  cluster: {}\ncontexts:\n- "
                          "name: x\n  context: {cluster: c}\n")
            << "no valid server URL";
        QTest::newRow("missing CA file")
            << QByteArray("current-context: x\nclusters:\n- name: c\n  cluster: {server: "
                          "'https://h', certificate-authority: /nope/ca.crt}\ncontexts:\n- name: "
                          "x\n  context: {cluster: c}\n")
            << "cannot read certificate-authority file";
        QTest::newRow("clusters not a list")
            << QByteArray("current-context: x\nclusters: 7\ncontexts:\n- name: x\n  context: "
                          "{cluster: c}\n")
            << "cluster \"c\" of context \"x\" not found";
    }

    void clearErrors() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, needle);
        const auto r = KubeconfigLoader::parse(yaml, m_dir.path(), QString(), QString());
        QVERIFY(!r.connection);
        QVERIFY2(r.error.contains(needle), qPrintable(r.error));
    }

    void fileErrorsNameTheFile() {
        auto r = KubeconfigLoader::loadFile(m_dir.filePath("absent"), QString(), QString());
        QVERIFY(r.error.contains("does not exist"));
        QFile f(m_dir.filePath("broken"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{{{");
        f.close();
        r = KubeconfigLoader::loadFile(f.fileName(), QString(), QString());
        QVERIFY(r.error.startsWith("kubeconfig " + f.fileName()));
    }

    void serverSourceAndInCluster() {
        ClusterSource server;
        server.kind = ClusterSource::Kind::Server;
        server.location = "http://127.0.0.1:8001";
        auto r = KubeconfigLoader::resolve(server);
        QVERIFY(r.connection);
        QCOMPARE(r.connection->nameSpace, QStringLiteral("kilo-guardian"));
        server.location = "ftp://x";
        QVERIFY(!KubeconfigLoader::resolve(server).connection);

        QDir().mkpath(m_dir.filePath("sa"));
        for (const char *name : {"token", "namespace"}) {
            QFile f(m_dir.filePath(QStringLiteral("sa/") + QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(qstrcmp(name, "token") == 0 ? "sa-token\n" : "kilo-guardian-prod\n");
        }
        QProcessEnvironment env;
        env.insert("KUBERNETES_SERVICE_HOST", "10.43.0.1");
        env.insert("KUBERNETES_SERVICE_PORT", "443");
        r = KubeconfigLoader::inCluster(m_dir.filePath("sa"), env, QString());
        QVERIFY2(r.connection, qPrintable(r.error));
        QCOMPARE(r.connection->server, QUrl("https://10.43.0.1:443"));
        QCOMPARE(r.connection->nameSpace, QStringLiteral("kilo-guardian-prod"));
        QVERIFY(r.connection->tokenFile.endsWith("sa/token"));
    }
};

QTEST_GUILESS_MAIN(TestKubeconfigLoader)
#include "tst_kubeconfig_loader.moc"
