#pragma once

#include "k8s/cluster_connection.h"
#include "k8s/cluster_source.h"

#include <QByteArray>
#include <optional>

namespace kiosk::k8s {

// Turns a ClusterSource into a ClusterConnection: parses kubeconfig YAML (yaml-cpp) the way
// kubectl reads it, or the in-cluster service account. Errors are one line for people.
class KubeconfigLoader {
public:
    struct Result {
        std::optional<ClusterConnection> connection;
        QString error;
        QString warning; // e.g. TLS verification switched off by the kubeconfig
    };

    static Result
    resolve(const ClusterSource &source,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // kubeconfigDir resolves relative file references, as kubectl does.
    static Result parse(const QByteArray &yaml, const QString &kubeconfigDir,
                        const QString &context, const QString &nameSpace);
    static Result loadFile(const QString &path, const QString &context, const QString &nameSpace);
    static Result inCluster(const QString &serviceAccountDir,
                            const QProcessEnvironment &environment, const QString &nameSpace);

    static constexpr qint64 kMaxKubeconfigBytes = 4 * 1024 * 1024;
};

} // namespace kiosk::k8s
