#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace kiosk::k8s {

// Where the cluster connection comes from, found the way kubectl looks (flag, $KUBECONFIG,
// ~/.kube/config, in-cluster service account) without reading any credential yet.
struct ClusterSource {
    enum class Kind { None, Server, Kubeconfig, InCluster };

    Kind kind = Kind::None;
    QString location;  // the URL, the kubeconfig path, or the service-account folder
    QString context;   // --context, if given
    QString nameSpace; // --namespace, if given

    struct Request {
        QString server;
        QString kubeconfig;
        QString context;
        QString nameSpace;
    };

    static ClusterSource locate(const Request &request, const QProcessEnvironment &environment,
                                const QString &homeDirectory,
                                const QString &serviceAccountDir = defaultServiceAccountDir());
    static QString defaultServiceAccountDir();

    bool isConfigured() const { return kind != Kind::None; }
    // One line for people: "kubeconfig /home/kilo/.kube/config (context default)".
    QString description() const;
};

} // namespace kiosk::k8s
