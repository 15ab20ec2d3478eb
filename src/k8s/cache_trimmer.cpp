#include "k8s/cache_trimmer.h"

#include <QJsonArray>

namespace kiosk::k8s {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kAnnotations = QStringLiteral("annotations");
const QString kSpec = QStringLiteral("spec");
const QString kLastApplied = QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");

bool removeFrom(QJsonObject &object, const QString &key) {
    if (!object.contains(key))
        return false;
    object.remove(key);
    return true;
}

// Containers keep name, image, restartPolicy and the rest; these three are read by nothing and
// hold most of a real pod's bulk (service-account mounts, environment).
bool trimContainers(QJsonObject &podSpec, const QString &key) {
    if (!podSpec.contains(key))
        return false;
    QJsonArray containers = podSpec.value(key).toArray();
    bool changed = false;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject container = containers.at(i).toObject();
        bool containerChanged = removeFrom(container, QStringLiteral("env"));
        containerChanged |= removeFrom(container, QStringLiteral("envFrom"));
        containerChanged |= removeFrom(container, QStringLiteral("volumeMounts"));
        if (containerChanged) {
            containers.replace(i, container);
            changed = true;
        }
    }
    if (changed)
        podSpec.insert(key, containers);
    return changed;
}

} // namespace

CacheTrimmer::Kind CacheTrimmer::kindOfCollection(const QString &collectionPath) {
    if (collectionPath.endsWith(QLatin1String("/deployments")))
        return Kind::Deployment;
    if (collectionPath.endsWith(QLatin1String("/replicasets")))
        return Kind::ReplicaSet;
    if (collectionPath.endsWith(QLatin1String("/pods")))
        return Kind::Pod;
    return Kind::Other;
}

QJsonObject CacheTrimmer::trim(QJsonObject object) const {
    QJsonObject metadata = object.value(kMetadata).toObject();
    // Server-side apply bookkeeping: read by no feature, often half of an object's size.
    bool metadataChanged = removeFrom(metadata, QStringLiteral("managedFields"));
    // A Deployment keeps it: the rollback patch replaces its annotations and must carry it over.
    if (m_kind == Kind::ReplicaSet || m_kind == Kind::Pod) {
        QJsonObject annotations = metadata.value(kAnnotations).toObject();
        if (removeFrom(annotations, kLastApplied)) {
            metadata.insert(kAnnotations, annotations);
            metadataChanged = true;
        }
    }
    if (metadataChanged)
        object.insert(kMetadata, metadata);

    if (m_kind == Kind::Pod) {
        // The status columns and the pod detail read containers, init containers and nodeName.
        QJsonObject spec = object.value(kSpec).toObject();
        bool specChanged = removeFrom(spec, QStringLiteral("volumes"));
        specChanged |= removeFrom(spec, QStringLiteral("tolerations"));
        specChanged |= removeFrom(spec, QStringLiteral("affinity"));
        specChanged |= trimContainers(spec, QStringLiteral("containers"));
        specChanged |= trimContainers(spec, QStringLiteral("initContainers"));
        if (specChanged)
            object.insert(kSpec, spec);
    }
    return object;
}

} // namespace kiosk::k8s
