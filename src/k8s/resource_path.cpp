#include "k8s/resource_path.h"

#include <QUrl>

namespace kiosk::k8s {

namespace {
QString segment(const QString &text) {
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// Core kinds live under /api/v1, the apps kinds under /apis/apps/v1.
QString groupVersionPrefix(ResourceKind kind) {
    switch (kind) {
    case ResourceKind::Pod:
    case ResourceKind::Event:
        return QStringLiteral("/api/v1");
    case ResourceKind::Deployment:
    case ResourceKind::ReplicaSet:
        return QStringLiteral("/apis/apps/v1");
    }
    return QStringLiteral("/api/v1");
}
} // namespace

QString ResourcePath::plural(ResourceKind kind) {
    switch (kind) {
    case ResourceKind::Pod:
        return QStringLiteral("pods");
    case ResourceKind::Event:
        return QStringLiteral("events");
    case ResourceKind::Deployment:
        return QStringLiteral("deployments");
    case ResourceKind::ReplicaSet:
        return QStringLiteral("replicasets");
    }
    return {};
}

QString ResourcePath::collection(ResourceKind kind, const QString &nameSpace) {
    return QStringLiteral("%1/namespaces/%2/%3")
        .arg(groupVersionPrefix(kind), segment(nameSpace), plural(kind));
}

QString ResourcePath::object(ResourceKind kind, const QString &nameSpace, const QString &name) {
    return collection(kind, nameSpace) + QLatin1Char('/') + segment(name);
}

QString ResourcePath::subresource(ResourceKind kind, const QString &nameSpace, const QString &name,
                                  const QString &subresourceName) {
    return object(kind, nameSpace, name) + QLatin1Char('/') + segment(subresourceName);
}

} // namespace kiosk::k8s
