#include "k8s/cluster_source.h"

#include <QDir>
#include <QFileInfo>

namespace kiosk::k8s {

QString ClusterSource::defaultServiceAccountDir() {
    return QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount");
}

ClusterSource ClusterSource::locate(const Request &request, const QProcessEnvironment &environment,
                                    const QString &homeDirectory,
                                    const QString &serviceAccountDir) {
    ClusterSource source;
    source.context = request.context;
    source.nameSpace = request.nameSpace;

    if (!request.server.isEmpty()) {
        source.kind = Kind::Server;
        source.location = request.server;
        return source;
    }
    if (!request.kubeconfig.isEmpty()) {
        // An explicit file counts even if missing: the connection step reports that clearly.
        source.kind = Kind::Kubeconfig;
        source.location = request.kubeconfig;
        return source;
    }
    // $KUBECONFIG is a path list; like kubectl we take the first file that exists.
    const QString kubeconfigEnv = environment.value(QStringLiteral("KUBECONFIG"));
    for (const QString &path : kubeconfigEnv.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        if (QFileInfo(path).isFile()) {
            source.kind = Kind::Kubeconfig;
            source.location = path;
            return source;
        }
    }
    if (!homeDirectory.isEmpty()) {
        const QString defaultPath = QDir(homeDirectory).filePath(QStringLiteral(".kube/config"));
        if (QFileInfo(defaultPath).isFile()) {
            source.kind = Kind::Kubeconfig;
            source.location = defaultPath;
            return source;
        }
    }
    if (environment.contains(QStringLiteral("KUBERNETES_SERVICE_HOST")) &&
        QFileInfo(QDir(serviceAccountDir).filePath(QStringLiteral("token"))).isFile()) {
        source.kind = Kind::InCluster;
        source.location = serviceAccountDir;
        return source;
    }
    return source;
}

QString ClusterSource::description() const {
    QString text;
    switch (kind) {
    case Kind::None:
        return QStringLiteral("no cluster configured");
    case Kind::Server:
        text = QStringLiteral("server %1").arg(location);
        break;
    case Kind::Kubeconfig:
        text = QStringLiteral("kubeconfig %1").arg(location);
        break;
    case Kind::InCluster:
        text = QStringLiteral("in-cluster service account");
        break;
    }
    if (!context.isEmpty())
        text += QStringLiteral(" (context %1)").arg(context);
    return text;
}

} // namespace kiosk::k8s
