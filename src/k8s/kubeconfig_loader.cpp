#include "k8s/kubeconfig_loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace kiosk::k8s {

namespace {

const QString kDefaultNamespace = QStringLiteral("kilo-guardian");

KubeconfigLoader::Result failure(const QString &message) {
    KubeconfigLoader::Result r;
    r.error = message;
    return r;
}

QString text(const YAML::Node &node, const char *key) {
    const YAML::Node value = node[key];
    if (!value || !value.IsScalar())
        return {};
    return QString::fromStdString(value.as<std::string>());
}

bool flag(const YAML::Node &node, const char *key) {
    const YAML::Node value = node[key];
    if (!value || !value.IsScalar())
        return false;
    const QString v = QString::fromStdString(value.as<std::string>()).toLower();
    return v == u"true" || v == u"yes" || v == u"1";
}

// Finds `{name: N, <field>: {...}}` in a named list such as clusters: or users:.
std::optional<YAML::Node> namedEntry(const YAML::Node &list, const QString &name,
                                     const char *field) {
    if (!list || !list.IsSequence())
        return std::nullopt;
    for (const auto &item : list) {
        if (item.IsMap() && text(item, "name") == name) {
            const YAML::Node inner = item[field];
            return inner && inner.IsMap() ? inner : YAML::Node(YAML::NodeType::Map);
        }
    }
    return std::nullopt;
}

QString resolvePath(const QString &path, const QString &baseDir) {
    if (path.isEmpty() || QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return path;
    return QDir(baseDir).filePath(path);
}

// Reads `<key>-data` (base64) or the file named by `<key>`; what says where it went wrong.
std::optional<QByteArray> dataOrFile(const YAML::Node &node, const char *key,
                                     const QString &baseDir, const QString &what, QString *error) {
    const QString dataKey = QString::fromLatin1(key) + QStringLiteral("-data");
    const QString data = text(node, dataKey.toLatin1().constData());
    if (!data.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = QStringLiteral("%1-data in the kubeconfig is not valid base64").arg(what);
            return std::nullopt;
        }
        return *decoded;
    }
    const QString file = resolvePath(text(node, key), baseDir);
    if (file.isEmpty())
        return QByteArray();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 file %2: %3").arg(what, file, f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

QSslKey parsePrivateKey(const QByteArray &pem) {
    // k3s writes EC keys; older clusters RSA. Try each algorithm QSslKey knows.
    for (const auto algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

KubeconfigLoader::Result KubeconfigLoader::resolve(const ClusterSource &source,
                                                   const QProcessEnvironment &environment) {
    switch (source.kind) {
    case ClusterSource::Kind::None:
        return failure(QStringLiteral(
            "no cluster configured: use --kubeconfig, $KUBECONFIG, ~/.kube/config or --server"));
    case ClusterSource::Kind::Server: {
        const QUrl url(source.location, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != u"http" && url.scheme() != u"https"))
            return failure(
                QStringLiteral("--server %1 is not an http(s) URL").arg(source.location));
        ClusterConnection c;
        c.server = url;
        c.nameSpace = source.nameSpace.isEmpty() ? kDefaultNamespace : source.nameSpace;
        c.description = QStringLiteral("server %1").arg(url.toString());
        Result r;
        r.connection = c;
        return r;
    }
    case ClusterSource::Kind::Kubeconfig:
        return loadFile(source.location, source.context, source.nameSpace);
    case ClusterSource::Kind::InCluster:
        return inCluster(source.location, environment, source.nameSpace);
    }
    return failure(QStringLiteral("unknown cluster source"));
}

KubeconfigLoader::Result KubeconfigLoader::loadFile(const QString &path, const QString &context,
                                                    const QString &nameSpace) {
    QFile file(path);
    if (!file.exists())
        return failure(QStringLiteral("kubeconfig %1 does not exist").arg(path));
    if (file.size() > kMaxKubeconfigBytes)
        return failure(
            QStringLiteral("kubeconfig %1 is too large (%2 bytes)").arg(path).arg(file.size()));
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            QStringLiteral("cannot read kubeconfig %1: %2").arg(path, file.errorString()));
    Result r = parse(file.readAll(), QFileInfo(path).absolutePath(), context, nameSpace);
    if (!r.connection && !r.error.isEmpty())
        r.error = QStringLiteral("kubeconfig %1: %2").arg(path, r.error);
    else if (r.connection)
        r.connection->description =
            QStringLiteral("kubeconfig %1, context %2").arg(path, r.connection->contextName);
    return r;
}

KubeconfigLoader::Result KubeconfigLoader::parse(const QByteArray &yaml,
                                                 const QString &kubeconfigDir,
                                                 const QString &context, const QString &nameSpace) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        return failure(QStringLiteral("not valid YAML (line %1: %2)")
                           .arg(e.mark.line + 1)
                           .arg(QString::fromStdString(e.msg)));
    }
    try {
        if (!root.IsMap())
            return failure(QStringLiteral(
                "not a kubeconfig (expected a mapping with clusters, users, contexts)"));

        const QString contextName = context.isEmpty() ? text(root, "current-context") : context;
        if (contextName.isEmpty())
            return failure(QStringLiteral("no current-context set; pass --context"));
        const auto contextEntry = namedEntry(root["contexts"], contextName, "context");
        if (!contextEntry)
            return failure(QStringLiteral("context \"%1\" not found").arg(contextName));
        const YAML::Node ctx = *contextEntry;

        const QString clusterName = text(ctx, "cluster");
        const auto clusterEntry = namedEntry(root["clusters"], clusterName, "cluster");
        if (!clusterEntry)
            return failure(QStringLiteral("cluster \"%1\" of context \"%2\" not found")
                               .arg(clusterName, contextName));

        const YAML::Node cluster = *clusterEntry;
        ClusterConnection c;
        c.contextName = contextName;
        const QString server = text(cluster, "server");
        c.server = QUrl(server, QUrl::StrictMode);
        if (server.isEmpty() || !c.server.isValid() || c.server.host().isEmpty())
            return failure(
                QStringLiteral("cluster \"%1\" has no valid server URL").arg(clusterName));
        c.nameSpace = !nameSpace.isEmpty()                ? nameSpace
                      : !text(ctx, "namespace").isEmpty() ? text(ctx, "namespace")
                                                          : kDefaultNamespace;
        c.insecureSkipTlsVerify = flag(cluster, "insecure-skip-tls-verify");
        c.tlsServerName = text(cluster, "tls-server-name");

        QString error;
        const auto ca = dataOrFile(cluster, "certificate-authority", kubeconfigDir,
                                   QStringLiteral("certificate-authority"), &error);
        if (!ca)
            return failure(error);
        if (!ca->isEmpty()) {
            c.caCertificates = QSslCertificate::fromData(*ca, QSsl::Pem);
            if (c.caCertificates.isEmpty())
                return failure(
                    QStringLiteral(
                        "certificate-authority of cluster \"%1\" holds no PEM certificate")
                        .arg(clusterName));
        }

        const QString userName = text(ctx, "user");
        const auto userEntry = userName.isEmpty() ? std::optional(YAML::Node(YAML::NodeType::Map))
                                                  : namedEntry(root["users"], userName, "user");
        if (!userEntry)
            return failure(QStringLiteral("user \"%1\" of context \"%2\" not found")
                               .arg(userName, contextName));
        const YAML::Node user = *userEntry;
        if (user["exec"])
            return failure(QStringLiteral("user \"%1\" uses an exec credential plugin, which is "
                                          "not supported yet; use a token or client certificate")
                               .arg(userName));
        if (user["auth-provider"])
            return failure(QStringLiteral("user \"%1\" uses an auth-provider, which is not "
                                          "supported yet; use a token or client certificate")
                               .arg(userName));

        c.bearerToken = text(user, "token");
        c.tokenFile = resolvePath(text(user, "tokenFile"), kubeconfigDir);
        c.username = text(user, "username");
        c.password = text(user, "password");

        const auto cert = dataOrFile(user, "client-certificate", kubeconfigDir,
                                     QStringLiteral("client-certificate"), &error);
        if (!cert)
            return failure(error);
        const auto key =
            dataOrFile(user, "client-key", kubeconfigDir, QStringLiteral("client-key"), &error);
        if (!key)
            return failure(error);
        if (cert->isEmpty() != key->isEmpty())
            return failure(
                QStringLiteral("user \"%1\" needs both client-certificate and client-key")
                    .arg(userName));
        if (!cert->isEmpty()) {
            const auto certs = QSslCertificate::fromData(*cert, QSsl::Pem);
            if (certs.isEmpty())
                return failure(
                    QStringLiteral("client-certificate of user \"%1\" is not a PEM certificate")
                        .arg(userName));
            c.clientCertificate = certs.constFirst();
            c.clientKey = parsePrivateKey(*key);
            if (c.clientKey.isNull())
                return failure(QStringLiteral("client-key of user \"%1\" is not a PEM private key")
                                   .arg(userName));
        }

        Result r;
        if (c.insecureSkipTlsVerify)
            r.warning = QStringLiteral("TLS verification is switched off for cluster \"%1\" "
                                       "(insecure-skip-tls-verify)")
                            .arg(clusterName);
        r.connection = c;
        return r;
    } catch (const YAML::Exception &e) {
        return failure(
            QStringLiteral("malformed kubeconfig: %1").arg(QString::fromStdString(e.msg)));
    }
}

KubeconfigLoader::Result KubeconfigLoader::inCluster(const QString &serviceAccountDir,
                                                     const QProcessEnvironment &environment,
                                                     const QString &nameSpace) {
    const QString host = environment.value(QStringLiteral("KUBERNETES_SERVICE_HOST"));
    const QString port =
        environment.value(QStringLiteral("KUBERNETES_SERVICE_PORT"), QStringLiteral("443"));
    if (host.isEmpty())
        return failure(
            QStringLiteral("not running in a cluster (KUBERNETES_SERVICE_HOST is not set)"));
    const QDir dir(serviceAccountDir);
    ClusterConnection c;
    // An IPv6 service host needs brackets in a URL.
    c.server = QUrl(
        QStringLiteral("https://%1:%2").arg(host.contains(u':') ? u'[' + host + u']' : host, port));
    c.tokenFile = dir.filePath(QStringLiteral("token"));
    if (!QFileInfo(c.tokenFile).isReadable())
        return failure(QStringLiteral("cannot read the service-account token %1").arg(c.tokenFile));
    c.caCertificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca.crt")));
    QFile ns(dir.filePath(QStringLiteral("namespace")));
    QString podNamespace;
    if (ns.open(QIODevice::ReadOnly))
        podNamespace = QString::fromUtf8(ns.readAll()).trimmed();
    c.nameSpace = !nameSpace.isEmpty()      ? nameSpace
                  : !podNamespace.isEmpty() ? podNamespace
                                            : kDefaultNamespace;
    c.description = QStringLiteral("in-cluster service account");
    Result r;
    r.connection = c;
    return r;
}

} // namespace kiosk::k8s
