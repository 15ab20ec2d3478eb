#include "sim/defaulter.h"

#include <QJsonArray>

namespace kiosk::sim {

namespace {

void insertIfMissing(QJsonObject &object, const QString &key, const QJsonValue &value) {
    if (!object.contains(key) || object.value(key).isNull())
        object.insert(key, value);
}

void defaultPorts(QJsonArray &ports) {
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports.at(i).toObject();
        insertIfMissing(port, QStringLiteral("protocol"), QStringLiteral("TCP"));
        ports.replace(i, port);
    }
}

void defaultContainers(QJsonObject &spec, const QString &field) {
    if (!spec.contains(field))
        return;
    QJsonArray containers = spec.value(field).toArray();
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject c = containers.at(i).toObject();
        insertIfMissing(c, QStringLiteral("terminationMessagePath"),
                        QStringLiteral("/dev/termination-log"));
        insertIfMissing(c, QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
        insertIfMissing(c, QStringLiteral("imagePullPolicy"),
                        Defaulter::defaultPullPolicy(c.value(QStringLiteral("image")).toString()));
        insertIfMissing(c, QStringLiteral("resources"), QJsonObject());
        if (c.contains(QStringLiteral("ports"))) {
            QJsonArray ports = c.value(QStringLiteral("ports")).toArray();
            defaultPorts(ports);
            c.insert(QStringLiteral("ports"), ports);
        }
        containers.replace(i, c);
    }
    spec.insert(field, containers);
}

} // namespace

QString Defaulter::defaultPullPolicy(const QString &image) {
    const QString last = image.section(QLatin1Char('/'), -1);
    if (image.contains(QLatin1Char('@')))
        return QStringLiteral("IfNotPresent");
    if (!last.contains(QLatin1Char(':')) || last.endsWith(QLatin1String(":latest")))
        return QStringLiteral("Always");
    return QStringLiteral("IfNotPresent");
}

void Defaulter::applyPodSpec(QJsonObject &spec) {
    insertIfMissing(spec, QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    insertIfMissing(spec, QStringLiteral("terminationGracePeriodSeconds"), 30);
    insertIfMissing(spec, QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst"));
    insertIfMissing(spec, QStringLiteral("securityContext"), QJsonObject());
    insertIfMissing(spec, QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
    defaultContainers(spec, QStringLiteral("containers"));
    defaultContainers(spec, QStringLiteral("initContainers"));
}

void Defaulter::applyPodTemplate(QJsonObject &podTemplate) {
    QJsonObject metadata = podTemplate.value(QStringLiteral("metadata")).toObject();
    if (!metadata.contains(QStringLiteral("creationTimestamp")))
        metadata.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    podTemplate.insert(QStringLiteral("metadata"), metadata);
    QJsonObject spec = podTemplate.value(QStringLiteral("spec")).toObject();
    applyPodSpec(spec);
    podTemplate.insert(QStringLiteral("spec"), spec);
}

void Defaulter::apply(const ResourceType &type, QJsonObject &object) {
    const auto &catalog = ResourceCatalog::instance();
    QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    if (&type == &catalog.pods()) {
        applyPodSpec(spec);
        insertIfMissing(spec, QStringLiteral("serviceAccountName"), QStringLiteral("default"));
        insertIfMissing(spec, QStringLiteral("serviceAccount"),
                        spec.value(QStringLiteral("serviceAccountName")));
        insertIfMissing(spec, QStringLiteral("enableServiceLinks"), true);
        insertIfMissing(spec, QStringLiteral("preemptionPolicy"),
                        QStringLiteral("PreemptLowerPriority"));
        insertIfMissing(spec, QStringLiteral("priority"), 0);
        if (!spec.contains(QStringLiteral("tolerations"))) {
            QJsonArray tolerations;
            for (const char *taint :
                 {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"})
                tolerations.append(
                    QJsonObject{{QStringLiteral("key"), QString::fromLatin1(taint)},
                                {QStringLiteral("operator"), QStringLiteral("Exists")},
                                {QStringLiteral("effect"), QStringLiteral("NoExecute")},
                                {QStringLiteral("tolerationSeconds"), 300}});
            spec.insert(QStringLiteral("tolerations"), tolerations);
        }
        object.insert(QStringLiteral("spec"), spec);
        QJsonObject status = object.value(QStringLiteral("status")).toObject();
        insertIfMissing(status, QStringLiteral("phase"), QStringLiteral("Pending"));
        insertIfMissing(status, QStringLiteral("qosClass"), QStringLiteral("BestEffort"));
        object.insert(QStringLiteral("status"), status);
    } else if (&type == &catalog.deployments()) {
        insertIfMissing(spec, QStringLiteral("replicas"), 1);
        insertIfMissing(spec, QStringLiteral("revisionHistoryLimit"), 10);
        insertIfMissing(spec, QStringLiteral("progressDeadlineSeconds"), 600);
        QJsonObject strategy = spec.value(QStringLiteral("strategy")).toObject();
        insertIfMissing(strategy, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
        if (strategy.value(QStringLiteral("type")).toString() == QLatin1String("RollingUpdate")) {
            QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
            insertIfMissing(rolling, QStringLiteral("maxSurge"), QStringLiteral("25%"));
            insertIfMissing(rolling, QStringLiteral("maxUnavailable"), QStringLiteral("25%"));
            strategy.insert(QStringLiteral("rollingUpdate"), rolling);
        }
        spec.insert(QStringLiteral("strategy"), strategy);
        QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
        applyPodTemplate(podTemplate);
        spec.insert(QStringLiteral("template"), podTemplate);
        object.insert(QStringLiteral("spec"), spec);
        insertIfMissing(object, QStringLiteral("status"), QJsonObject());
    } else if (&type == &catalog.replicaSets()) {
        insertIfMissing(spec, QStringLiteral("replicas"), 1);
        QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
        applyPodTemplate(podTemplate);
        spec.insert(QStringLiteral("template"), podTemplate);
        object.insert(QStringLiteral("spec"), spec);
        QJsonObject status = object.value(QStringLiteral("status")).toObject();
        insertIfMissing(status, QStringLiteral("replicas"), 0);
        object.insert(QStringLiteral("status"), status);
    } else if (&type == &catalog.services()) {
        insertIfMissing(spec, QStringLiteral("type"), QStringLiteral("ClusterIP"));
        insertIfMissing(spec, QStringLiteral("sessionAffinity"), QStringLiteral("None"));
        insertIfMissing(spec, QStringLiteral("ipFamilies"), QJsonArray{QStringLiteral("IPv4")});
        insertIfMissing(spec, QStringLiteral("ipFamilyPolicy"), QStringLiteral("SingleStack"));
        insertIfMissing(spec, QStringLiteral("internalTrafficPolicy"), QStringLiteral("Cluster"));
        QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            insertIfMissing(port, QStringLiteral("protocol"), QStringLiteral("TCP"));
            insertIfMissing(port, QStringLiteral("targetPort"), port.value(QStringLiteral("port")));
            ports.replace(i, port);
        }
        if (spec.contains(QStringLiteral("ports")))
            spec.insert(QStringLiteral("ports"), ports);
        object.insert(QStringLiteral("spec"), spec);
        QJsonObject status = object.value(QStringLiteral("status")).toObject();
        insertIfMissing(status, QStringLiteral("loadBalancer"), QJsonObject());
        object.insert(QStringLiteral("status"), status);
    } else if (&type == &catalog.namespaces()) {
        insertIfMissing(spec, QStringLiteral("finalizers"),
                        QJsonArray{QStringLiteral("kubernetes")});
        object.insert(QStringLiteral("spec"), spec);
        QJsonObject status = object.value(QStringLiteral("status")).toObject();
        insertIfMissing(status, QStringLiteral("phase"), QStringLiteral("Active"));
        object.insert(QStringLiteral("status"), status);
        QJsonObject labels = metadata.value(QStringLiteral("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"),
                      metadata.value(QStringLiteral("name")));
        metadata.insert(QStringLiteral("labels"), labels);
        object.insert(QStringLiteral("metadata"), metadata);
    }
}

} // namespace kiosk::sim
