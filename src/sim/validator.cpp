#include "sim/validator.h"

#include "sim/api_error.h"
#include "sim/label_selector.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace kiosk::sim {

namespace {

const QString kRequired = QStringLiteral("FieldValueRequired");
const QString kInvalid = QStringLiteral("FieldValueInvalid");
const QString kNotSupported = QStringLiteral("FieldValueNotSupported");
const QString kDuplicate = QStringLiteral("FieldValueDuplicate");

QString quoted(const QJsonValue &value) {
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

struct Causes {
    QJsonArray list;
    void required(const QString &field) {
        list.append(invalidCause(kRequired, field, QStringLiteral("Required value")));
    }
    void invalid(const QString &field, const QJsonValue &value, const QString &why) {
        list.append(invalidCause(kInvalid, field,
                                 QStringLiteral("Invalid value: %1: %2").arg(quoted(value), why)));
    }
    void notSupported(const QString &field, const QJsonValue &value, const QStringList &supported) {
        QStringList q;
        for (const auto &s : supported)
            q.append(QLatin1Char('"') + s + QLatin1Char('"'));
        list.append(invalidCause(kNotSupported, field,
                                 QStringLiteral("Unsupported value: %1: supported values: %2")
                                     .arg(quoted(value), q.join(QStringLiteral(", ")))));
    }
    void duplicate(const QString &field, const QJsonValue &value) {
        list.append(invalidCause(kDuplicate, field,
                                 QStringLiteral("Duplicate value: %1").arg(quoted(value))));
    }
};

const QString kSubdomainMessage = QStringLiteral(
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and "
    "end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
const QString kLabelMessage = QStringLiteral(
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end "
    "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')");

void validateStringMap(Causes &causes, const QJsonValue &value, const QString &field, bool labels) {
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isObject()) {
        causes.invalid(field, value, QStringLiteral("must be a map of strings"));
        return;
    }
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isString()) {
            causes.invalid(field + QLatin1Char('[') + it.key() + QLatin1Char(']'), it.value(),
                           QStringLiteral("must be a string"));
            continue;
        }
        QString error;
        if (!LabelSelector::parse(it.key() + QStringLiteral("=x"), &error)) {
            causes.invalid(
                field, it.key(),
                QStringLiteral("name part must consist of alphanumeric characters, '-', '_' or "
                               "'.', and must start and end with an alphanumeric character"));
            continue;
        }
        if (labels && !LabelSelector::parse(QStringLiteral("k=") + it.value().toString(), &error))
            causes.invalid(
                field, it.value(),
                QStringLiteral(
                    "a valid label must be an empty string or consist of alphanumeric characters, "
                    "'-', '_' or '.', and must start and end with an alphanumeric character"));
    }
}

void validateMetadata(Causes &causes, const ResourceType &type, const QJsonObject &object,
                      const QString &prefix) {
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    const QJsonValue name = metadata.value(QStringLiteral("name"));
    if (prefix.isEmpty()) {
        if (!name.isString() || name.toString().isEmpty()) {
            causes.required(QStringLiteral("metadata.name"));
        } else if (&type == &ResourceCatalog::instance().namespaces() ||
                   &type == &ResourceCatalog::instance().services()) {
            if (!Validator::isDnsLabel(name.toString()))
                causes.invalid(QStringLiteral("metadata.name"), name, kLabelMessage);
        } else if (!Validator::isDnsSubdomain(name.toString())) {
            causes.invalid(QStringLiteral("metadata.name"), name, kSubdomainMessage);
        }
    }
    validateStringMap(causes, metadata.value(QStringLiteral("labels")),
                      prefix + QStringLiteral("metadata.labels"), true);
    validateStringMap(causes, metadata.value(QStringLiteral("annotations")),
                      prefix + QStringLiteral("metadata.annotations"), false);
}

void validateContainers(Causes &causes, const QJsonObject &spec, const QString &prefix,
                        bool required) {
    const QJsonValue value = spec.value(QStringLiteral("containers"));
    if (!value.isArray() || value.toArray().isEmpty()) {
        if (required)
            causes.required(prefix + QStringLiteral("containers"));
        return;
    }
    QSet<QString> names;
    const QJsonArray containers = value.toArray();
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString base = QStringLiteral("%1containers[%2].").arg(prefix).arg(i);
        const QJsonObject c = containers.at(i).toObject();
        const QJsonValue name = c.value(QStringLiteral("name"));
        if (!name.isString() || name.toString().isEmpty())
            causes.required(base + QStringLiteral("name"));
        else if (!Validator::isDnsLabel(name.toString()))
            causes.invalid(base + QStringLiteral("name"), name, kLabelMessage);
        else if (names.contains(name.toString()))
            causes.duplicate(base + QStringLiteral("name"), name);
        names.insert(name.toString());
        const QJsonValue image = c.value(QStringLiteral("image"));
        if (!image.isString() || image.toString().trimmed().isEmpty())
            causes.required(base + QStringLiteral("image"));
        const QJsonArray ports = c.value(QStringLiteral("ports")).toArray();
        for (qsizetype p = 0; p < ports.size(); ++p) {
            const QJsonValue port = ports.at(p).toObject().value(QStringLiteral("containerPort"));
            const QString field = QStringLiteral("%1ports[%2].containerPort").arg(base).arg(p);
            if (!port.isDouble())
                causes.required(field);
            else if (port.toInt() < 1 || port.toInt() > 65535)
                causes.invalid(field, port,
                               QStringLiteral("must be between 1 and 65535, inclusive"));
        }
        const QJsonValue pullPolicy = c.value(QStringLiteral("imagePullPolicy"));
        const QStringList policies = {QStringLiteral("Always"), QStringLiteral("IfNotPresent"),
                                      QStringLiteral("Never")};
        if (pullPolicy.isString() && !policies.contains(pullPolicy.toString()))
            causes.notSupported(base + QStringLiteral("imagePullPolicy"), pullPolicy, policies);
    }
}

void validatePodSpec(Causes &causes, const QJsonObject &spec, const QString &prefix,
                     bool inTemplate) {
    validateContainers(causes, spec, prefix, true);
    const QJsonValue restart = spec.value(QStringLiteral("restartPolicy"));
    const QStringList policies =
        inTemplate ? QStringList{QStringLiteral("Always")}
                   : QStringList{QStringLiteral("Always"), QStringLiteral("OnFailure"),
                                 QStringLiteral("Never")};
    if (restart.isString() && !policies.contains(restart.toString()))
        causes.notSupported(prefix + QStringLiteral("restartPolicy"), restart, policies);
    const QJsonValue grace = spec.value(QStringLiteral("terminationGracePeriodSeconds"));
    if (grace.isDouble() && grace.toInteger() < 0)
        causes.invalid(prefix + QStringLiteral("terminationGracePeriodSeconds"), grace,
                       QStringLiteral("must be greater than or equal to 0"));
}

void validateNonNegative(Causes &causes, const QJsonObject &spec, const QString &key,
                         const QString &field) {
    const QJsonValue value = spec.value(key);
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
        causes.invalid(field, value, QStringLiteral("must be an integer"));
    else if (value.toInteger() < 0)
        causes.invalid(field, value, QStringLiteral("must be greater than or equal to 0"));
}

void validateWorkload(Causes &causes, const ResourceType &type, const QJsonObject &object,
                      const QJsonObject *previous) {
    const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    validateNonNegative(causes, spec, QStringLiteral("replicas"), QStringLiteral("spec.replicas"));
    validateNonNegative(causes, spec, QStringLiteral("minReadySeconds"),
                        QStringLiteral("spec.minReadySeconds"));
    const QJsonValue selectorValue = spec.value(QStringLiteral("selector"));
    const QJsonObject selectorJson = selectorValue.toObject();
    std::optional<LabelSelector> selector;
    if (selectorJson.isEmpty()) {
        causes.required(QStringLiteral("spec.selector"));
    } else {
        QString error;
        selector = LabelSelector::fromJson(selectorJson, &error);
        if (!selector)
            causes.invalid(QStringLiteral("spec.selector"), selectorValue, error);
        else if (selector->isEmpty())
            causes.invalid(QStringLiteral("spec.selector"), selectorValue,
                           QStringLiteral("empty selector is invalid for deployment"));
    }
    const QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
    const QJsonObject templateLabels = podTemplate.value(QStringLiteral("metadata"))
                                           .toObject()
                                           .value(QStringLiteral("labels"))
                                           .toObject();
    validateMetadata(causes, type, podTemplate, QStringLiteral("spec.template."));
    if (selector && !selector->isEmpty() && !selector->matches(templateLabels))
        causes.invalid(QStringLiteral("spec.template.metadata.labels"), templateLabels,
                       QStringLiteral("`selector` does not match template `labels`"));
    validatePodSpec(causes, podTemplate.value(QStringLiteral("spec")).toObject(),
                    QStringLiteral("spec.template.spec."), true);
    if (&type == &ResourceCatalog::instance().deployments()) {
        validateNonNegative(causes, spec, QStringLiteral("revisionHistoryLimit"),
                            QStringLiteral("spec.revisionHistoryLimit"));
        const QJsonValue deadline = spec.value(QStringLiteral("progressDeadlineSeconds"));
        if (deadline.isDouble() &&
            deadline.toInteger() <= spec.value(QStringLiteral("minReadySeconds")).toInteger())
            causes.invalid(QStringLiteral("spec.progressDeadlineSeconds"), deadline,
                           QStringLiteral("must be greater than minReadySeconds"));
        const QJsonObject strategy = spec.value(QStringLiteral("strategy")).toObject();
        const QJsonValue strategyType = strategy.value(QStringLiteral("type"));
        const QStringList types = {QStringLiteral("Recreate"), QStringLiteral("RollingUpdate")};
        if (strategyType.isString() && !types.contains(strategyType.toString()))
            causes.notSupported(QStringLiteral("spec.strategy.type"), strategyType, types);
        if (strategyType.toString() == QLatin1String("Recreate") &&
            strategy.contains(QStringLiteral("rollingUpdate")))
            causes.list.append(invalidCause(
                QStringLiteral("FieldValueForbidden"),
                QStringLiteral("spec.strategy.rollingUpdate"),
                QStringLiteral(
                    "Forbidden: may not be specified when strategy `type` is 'Recreate'")));
        const QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
        static const QRegularExpression intOrPercent(QStringLiteral("^[0-9]+%?$"));
        for (const char *keyName : {"maxSurge", "maxUnavailable"}) {
            const QString key = QString::fromLatin1(keyName);
            const QJsonValue v = rolling.value(key);
            if (v.isString() && !intOrPercent.match(v.toString()).hasMatch())
                causes.invalid(
                    QStringLiteral("spec.strategy.rollingUpdate.") + key, v,
                    QStringLiteral(
                        "a valid percent string must be a numeric string followed by an ending '%' "
                        "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
        }
        const auto isZero = [](const QJsonValue &v) {
            return v.isUndefined() || v.toInteger(-1) == 0 || v.toString() == QLatin1String("0%") ||
                   v.toString() == QLatin1String("0");
        };
        if (strategyType.toString() == QLatin1String("RollingUpdate") &&
            rolling.contains(QStringLiteral("maxSurge")) &&
            isZero(rolling.value(QStringLiteral("maxSurge"))) &&
            isZero(rolling.value(QStringLiteral("maxUnavailable"))))
            causes.invalid(QStringLiteral("spec.strategy.rollingUpdate.maxUnavailable"),
                           rolling.value(QStringLiteral("maxUnavailable")),
                           QStringLiteral("may not be 0 when `maxSurge` is 0"));
    }
    if (previous) {
        const QJsonValue oldSelector =
            previous->value(QStringLiteral("spec")).toObject().value(QStringLiteral("selector"));
        if (oldSelector != selectorValue && !selectorJson.isEmpty())
            causes.invalid(QStringLiteral("spec.selector"), selectorValue,
                           QStringLiteral("field is immutable"));
    }
}

void validateService(Causes &causes, const QJsonObject &object) {
    const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    const QJsonValue type = spec.value(QStringLiteral("type"));
    const QStringList types = {QStringLiteral("ClusterIP"), QStringLiteral("ExternalName"),
                               QStringLiteral("LoadBalancer"), QStringLiteral("NodePort")};
    if (type.isString() && !types.contains(type.toString()))
        causes.notSupported(QStringLiteral("spec.type"), type, types);
    const QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
    if (ports.isEmpty() && type.toString() != QLatin1String("ExternalName") &&
        spec.value(QStringLiteral("clusterIP")).toString() != QLatin1String("None"))
        causes.required(QStringLiteral("spec.ports"));
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QJsonObject port = ports.at(i).toObject();
        const QString field = QStringLiteral("spec.ports[%1].").arg(i);
        const QJsonValue number = port.value(QStringLiteral("port"));
        if (!number.isDouble())
            causes.required(field + QStringLiteral("port"));
        else if (number.toInt() < 1 || number.toInt() > 65535)
            causes.invalid(field + QStringLiteral("port"), number,
                           QStringLiteral("must be between 1 and 65535, inclusive"));
        const QJsonValue protocol = port.value(QStringLiteral("protocol"));
        const QStringList protocols = {QStringLiteral("SCTP"), QStringLiteral("TCP"),
                                       QStringLiteral("UDP")};
        if (protocol.isString() && !protocols.contains(protocol.toString()))
            causes.notSupported(field + QStringLiteral("protocol"), protocol, protocols);
        if (ports.size() > 1 && port.value(QStringLiteral("name")).toString().isEmpty())
            causes.required(field + QStringLiteral("name"));
    }
    validateStringMap(causes, spec.value(QStringLiteral("selector")),
                      QStringLiteral("spec.selector"), true);
}

} // namespace

bool Validator::isDnsSubdomain(const QString &name) {
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && re.match(name).hasMatch();
}

bool Validator::isDnsLabel(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && re.match(name).hasMatch();
}

QJsonArray Validator::validate(const ResourceType &type, const QJsonObject &object,
                               const QJsonObject *previous) {
    Causes causes;
    const auto &catalog = ResourceCatalog::instance();
    validateMetadata(causes, type, object, {});
    if (&type == &catalog.pods()) {
        validatePodSpec(causes, object.value(QStringLiteral("spec")).toObject(),
                        QStringLiteral("spec."), false);
        if (previous) {
            // Pod specs are immutable but for images (and a few fields the simulator does not
            // model).
            QJsonObject oldSpec = previous->value(QStringLiteral("spec")).toObject();
            QJsonObject newSpec = object.value(QStringLiteral("spec")).toObject();
            const auto stripImages = [](QJsonObject spec) {
                QJsonArray containers = spec.value(QStringLiteral("containers")).toArray();
                for (qsizetype i = 0; i < containers.size(); ++i) {
                    QJsonObject c = containers.at(i).toObject();
                    c.remove(QStringLiteral("image"));
                    containers.replace(i, c);
                }
                spec.insert(QStringLiteral("containers"), containers);
                spec.remove(QStringLiteral("activeDeadlineSeconds"));
                spec.remove(QStringLiteral("tolerations"));
                spec.remove(QStringLiteral("nodeName"));
                return spec;
            };
            if (stripImages(oldSpec) != stripImages(newSpec))
                causes.list.append(invalidCause(
                    QStringLiteral("FieldValueForbidden"), QStringLiteral("spec"),
                    QStringLiteral("Forbidden: pod updates may not change fields other than "
                                   "`spec.containers[*].image`,`spec.initContainers[*].image`,`"
                                   "spec.activeDeadlineSeconds`,`spec.tolerations` (only additions "
                                   "to existing tolerations),`spec.terminationGracePeriodSeconds` "
                                   "(allow it to be set to 1 if it was previously negative)")));
        }
    } else if (&type == &catalog.deployments() || &type == &catalog.replicaSets()) {
        validateWorkload(causes, type, object, previous);
    } else if (&type == &catalog.services()) {
        validateService(causes, object);
    } else if (&type == &catalog.events()) {
        if (object.value(QStringLiteral("involvedObject")).toObject().isEmpty())
            causes.required(QStringLiteral("involvedObject"));
    }
    return causes.list;
}

} // namespace kiosk::sim
