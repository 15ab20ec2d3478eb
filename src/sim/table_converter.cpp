#include "sim/table_converter.h"

#include "sim/object_util.h"

namespace kiosk::sim {

namespace {

QJsonObject column(const QString &name, const QString &type, const QString &description,
                   int priority = 0, const QString &format = {}) {
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("priority"), priority}};
}

const QString kNameDescription = QStringLiteral(
    "Name must be unique within a namespace. Is required when creating resources, although some "
    "resources may allow "
    "a client to request the generation of an appropriate name automatically. Name is primarily "
    "intended for "
    "creation idempotence and configuration definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names");
const QString kAgeDescription = QStringLiteral(
    "CreationTimestamp is a timestamp representing the server time when this object was created. "
    "It is not "
    "guaranteed to be set in happens-before order across separate operations. Clients may not set "
    "this value. It is "
    "represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for "
    "lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata");

QString age(const QJsonObject &object, const QDateTime &now) {
    const QString created = object.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("creationTimestamp"))
                                .toString();
    if (created.isEmpty())
        return QStringLiteral("<unknown>");
    return util::humanDuration(util::parseTimestamp(created).secsTo(now));
}

QString since(const QString &timestamp, const QDateTime &now) {
    if (timestamp.isEmpty())
        return QStringLiteral("<unknown>");
    return util::humanDuration(util::parseTimestamp(timestamp).secsTo(now));
}

QString orNone(const QString &text) {
    return text.isEmpty() ? QStringLiteral("<none>") : text;
}

QString selectorText(const QJsonObject &selector) {
    QStringList parts;
    const QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    for (const auto &e : selector.value(QStringLiteral("matchExpressions")).toArray()) {
        const QJsonObject expression = e.toObject();
        QStringList values;
        for (const auto &v : expression.value(QStringLiteral("values")).toArray())
            values.append(v.toString());
        const QString op = expression.value(QStringLiteral("operator")).toString();
        const QString key = expression.value(QStringLiteral("key")).toString();
        if (op == QLatin1String("Exists"))
            parts.append(key);
        else if (op == QLatin1String("DoesNotExist"))
            parts.append(QLatin1Char('!') + key);
        else
            parts.append(
                key +
                (op == QLatin1String("In") ? QStringLiteral(" in (") : QStringLiteral(" notin (")) +
                values.join(QLatin1Char(',')) + QLatin1Char(')'));
    }
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(QLatin1Char(','));
}

std::pair<QString, QString> containersAndImages(const QJsonObject &podSpec) {
    QStringList names;
    QStringList images;
    for (const auto &c : podSpec.value(QStringLiteral("containers")).toArray()) {
        names.append(c.toObject().value(QStringLiteral("name")).toString());
        images.append(c.toObject().value(QStringLiteral("image")).toString());
    }
    return {names.join(QLatin1Char(',')), images.join(QLatin1Char(','))};
}

qint64 integer(const QJsonObject &object, const QString &key) {
    return object.value(key).toInteger();
}

} // namespace

QJsonArray TableConverter::columnDefinitions(const ResourceType &type) {
    const auto &catalog = ResourceCatalog::instance();
    const QJsonObject name = column(QStringLiteral("Name"), QStringLiteral("string"),
                                    kNameDescription, 0, QStringLiteral("name"));
    const QJsonObject ageColumn =
        column(QStringLiteral("Age"), QStringLiteral("string"), kAgeDescription);
    if (&type == &catalog.pods())
        return {
            name,
            column(
                QStringLiteral("Ready"), QStringLiteral("string"),
                QStringLiteral("The aggregate readiness state of this pod for accepting traffic.")),
            column(QStringLiteral("Status"), QStringLiteral("string"),
                   QStringLiteral("The aggregate status of the containers in this pod.")),
            column(
                QStringLiteral("Restarts"), QStringLiteral("string"),
                QStringLiteral("The number of times the containers in this pod have been restarted "
                               "and when the last container in this pod has restarted.")),
            ageColumn,
            column(QStringLiteral("IP"), QStringLiteral("string"),
                   QStringLiteral("IP address allocated to the pod. Routable at least within the "
                                  "cluster. Empty if not yet allocated."),
                   1),
            column(
                QStringLiteral("Node"), QStringLiteral("string"),
                QStringLiteral("NodeName is a request to schedule this pod onto a specific node."),
                1),
            column(
                QStringLiteral("Nominated Node"), QStringLiteral("string"),
                QStringLiteral(
                    "nominatedNodeName is set only when this pod preempts other pods on the node."),
                1),
            column(QStringLiteral("Readiness Gates"), QStringLiteral("string"),
                   QStringLiteral(
                       "If specified, all readiness gates will be evaluated for pod readiness."),
                   1)};
    if (&type == &catalog.deployments())
        return {
            name,
            column(QStringLiteral("Ready"), QStringLiteral("string"),
                   QStringLiteral("Number of the pod with ready state")),
            column(QStringLiteral("Up-to-date"), QStringLiteral("integer"),
                   QStringLiteral("Total number of non-terminated pods targeted by this deployment "
                                  "that have the desired template spec.")),
            column(QStringLiteral("Available"), QStringLiteral("integer"),
                   QStringLiteral("Total number of available pods (ready for at least "
                                  "minReadySeconds) targeted by this deployment.")),
            ageColumn,
            column(QStringLiteral("Containers"), QStringLiteral("string"),
                   QStringLiteral("Names of each container in the template."), 1),
            column(QStringLiteral("Images"), QStringLiteral("string"),
                   QStringLiteral("Images referenced by each container in the template."), 1),
            column(QStringLiteral("Selector"), QStringLiteral("string"),
                   QStringLiteral("Label selector for pods. Existing ReplicaSets whose pods are "
                                  "selected by this will be the ones affected by this deployment."),
                   1)};
    if (&type == &catalog.replicaSets())
        return {
            name,
            column(QStringLiteral("Desired"), QStringLiteral("integer"),
                   QStringLiteral("Replicas is the number of desired replicas.")),
            column(QStringLiteral("Current"), QStringLiteral("integer"),
                   QStringLiteral("Replicas is the most recently observed number of replicas.")),
            column(QStringLiteral("Ready"), QStringLiteral("integer"),
                   QStringLiteral("The number of ready replicas for this replica set.")),
            ageColumn,
            column(QStringLiteral("Containers"), QStringLiteral("string"),
                   QStringLiteral("Names of each container in the template."), 1),
            column(QStringLiteral("Images"), QStringLiteral("string"),
                   QStringLiteral("Images referenced by each container in the template."), 1),
            column(QStringLiteral("Selector"), QStringLiteral("string"),
                   QStringLiteral(
                       "Selector is a label query over pods that should match the replica count."),
                   1)};
    if (&type == &catalog.services())
        return {name,
                column(QStringLiteral("Type"), QStringLiteral("string"),
                       QStringLiteral("type determines how the Service is exposed.")),
                column(QStringLiteral("Cluster-IP"), QStringLiteral("string"),
                       QStringLiteral("clusterIP is the IP address of the service.")),
                column(QStringLiteral("External-IP"), QStringLiteral("string"),
                       QStringLiteral("externalIPs is a list of IP addresses for which nodes in "
                                      "the cluster will also accept traffic for this service.")),
                column(QStringLiteral("Port(s)"), QStringLiteral("string"),
                       QStringLiteral("The list of ports that are exposed by this service.")),
                ageColumn,
                column(QStringLiteral("Selector"), QStringLiteral("string"),
                       QStringLiteral("Route service traffic to pods with label keys and values "
                                      "matching this selector."),
                       1)};
    if (&type == &catalog.namespaces())
        return {name,
                column(QStringLiteral("Status"), QStringLiteral("string"),
                       QStringLiteral("The status of the namespace")),
                ageColumn};
    if (&type == &catalog.nodes())
        return {name,
                column(QStringLiteral("Status"), QStringLiteral("string"),
                       QStringLiteral("The status of the node")),
                column(QStringLiteral("Roles"), QStringLiteral("string"),
                       QStringLiteral("The roles of the node")),
                ageColumn,
                column(QStringLiteral("Version"), QStringLiteral("string"),
                       QStringLiteral("Kubelet Version reported by the node.")),
                column(QStringLiteral("Internal-IP"), QStringLiteral("string"),
                       QStringLiteral("List of addresses reachable to the node."), 1),
                column(QStringLiteral("External-IP"), QStringLiteral("string"),
                       QStringLiteral("List of addresses reachable to the node."), 1),
                column(QStringLiteral("OS-Image"), QStringLiteral("string"),
                       QStringLiteral("OS Image reported by the node from /etc/os-release (e.g. "
                                      "Debian GNU/Linux 7 (wheezy))."),
                       1),
                column(QStringLiteral("Kernel-Version"), QStringLiteral("string"),
                       QStringLiteral("Kernel Version reported by the node from 'uname -r' (e.g. "
                                      "3.16.0-0.bpo.4-amd64)."),
                       1),
                column(QStringLiteral("Container-Runtime"), QStringLiteral("string"),
                       QStringLiteral("ContainerRuntime Version reported by the node through "
                                      "runtime remote API (e.g. containerd://1.4.2)."),
                       1)};
    if (&type == &catalog.events())
        return {
            column(QStringLiteral("Last Seen"), QStringLiteral("string"),
                   QStringLiteral("The last time an event was observed")),
            column(QStringLiteral("Type"), QStringLiteral("string"),
                   QStringLiteral("Type of this event (Normal, Warning), new types could be added "
                                  "in the future")),
            column(
                QStringLiteral("Reason"), QStringLiteral("string"),
                QStringLiteral("This should be a short, machine understandable string that gives "
                               "the reason for the transition into the object's current status.")),
            column(QStringLiteral("Object"), QStringLiteral("string"),
                   QStringLiteral("The object that this event is about.")),
            column(QStringLiteral("Subobject"), QStringLiteral("string"),
                   QStringLiteral("The subobject that this event is about."), 1),
            column(QStringLiteral("Source"), QStringLiteral("string"),
                   QStringLiteral("The component reporting this event."), 1),
            column(QStringLiteral("Message"), QStringLiteral("string"),
                   QStringLiteral("A human-readable description of the status of this operation.")),
            column(QStringLiteral("First Seen"), QStringLiteral("string"),
                   QStringLiteral("The first time an event was observed"), 1),
            column(QStringLiteral("Count"), QStringLiteral("string"),
                   QStringLiteral("The number of times this event has occurred."), 1),
            column(QStringLiteral("Name"), QStringLiteral("string"), kNameDescription, 1,
                   QStringLiteral("name"))};
    return {name, ageColumn};
}

QString TableConverter::podStatusText(const QJsonObject &pod) {
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    QString reason = status.value(QStringLiteral("phase")).toString();
    if (!status.value(QStringLiteral("reason")).toString().isEmpty())
        reason = status.value(QStringLiteral("reason")).toString();
    bool initializing = false;
    const QJsonArray initStatuses = status.value(QStringLiteral("initContainerStatuses")).toArray();
    const qsizetype initCount = spec.value(QStringLiteral("initContainers")).toArray().size();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const QJsonObject state = container.value(QStringLiteral("state")).toObject();
        const QJsonObject terminated = state.value(QStringLiteral("terminated")).toObject();
        const QJsonObject waiting = state.value(QStringLiteral("waiting")).toObject();
        if (!terminated.isEmpty() && terminated.value(QStringLiteral("exitCode")).toInt() == 0)
            continue;
        if (!terminated.isEmpty()) {
            if (terminated.value(QStringLiteral("reason")).toString().isEmpty()) {
                const int signal = terminated.value(QStringLiteral("signal")).toInt();
                reason = signal != 0
                             ? QStringLiteral("Init:Signal:%1").arg(signal)
                             : QStringLiteral("Init:ExitCode:%1")
                                   .arg(terminated.value(QStringLiteral("exitCode")).toInt());
            } else {
                reason =
                    QStringLiteral("Init:") + terminated.value(QStringLiteral("reason")).toString();
            }
        } else if (state.contains(QStringLiteral("waiting")) &&
                   !waiting.value(QStringLiteral("reason")).toString().isEmpty() &&
                   waiting.value(QStringLiteral("reason")).toString() !=
                       QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + waiting.value(QStringLiteral("reason")).toString();
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initCount);
        }
        initializing = true;
        break;
    }
    bool initializedTrue = false;
    bool readyCondition = false;
    for (const auto &c : status.value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(QStringLiteral("type")).toString() == QLatin1String("Initialized") &&
            condition.value(QStringLiteral("status")).toString() == QLatin1String("True"))
            initializedTrue = true;
        if (condition.value(QStringLiteral("type")).toString() == QLatin1String("Ready") &&
            condition.value(QStringLiteral("status")).toString() == QLatin1String("True"))
            readyCondition = true;
    }
    if (!initializing || initializedTrue) {
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QStringLiteral("containerStatuses")).toArray();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            const QJsonObject state = container.value(QStringLiteral("state")).toObject();
            const QString waitingReason = state.value(QStringLiteral("waiting"))
                                              .toObject()
                                              .value(QStringLiteral("reason"))
                                              .toString();
            const bool terminated = state.contains(QStringLiteral("terminated"));
            const QJsonObject term = state.value(QStringLiteral("terminated")).toObject();
            if (!waitingReason.isEmpty()) {
                reason = waitingReason;
            } else if (terminated && !term.value(QStringLiteral("reason")).toString().isEmpty()) {
                reason = term.value(QStringLiteral("reason")).toString();
            } else if (terminated) {
                const int signal = term.value(QStringLiteral("signal")).toInt();
                reason = signal != 0 ? QStringLiteral("Signal:%1").arg(signal)
                                     : QStringLiteral("ExitCode:%1")
                                           .arg(term.value(QStringLiteral("exitCode")).toInt());
            } else if (container.value(QStringLiteral("ready")).toBool() &&
                       state.contains(QStringLiteral("running"))) {
                hasRunning = true;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning)
            reason = readyCondition ? QStringLiteral("Running") : QStringLiteral("NotReady");
    }
    const QString phase = status.value(QStringLiteral("phase")).toString();
    if (util::isTerminating(pod) &&
        status.value(QStringLiteral("reason")).toString() == QLatin1String("NodeLost"))
        reason = QStringLiteral("Unknown");
    else if (util::isTerminating(pod) && phase != QLatin1String("Succeeded") &&
             phase != QLatin1String("Failed"))
        reason = QStringLiteral("Terminating");
    return reason;
}

QJsonArray TableConverter::cells(const ResourceType &type, const QJsonObject &object,
                                 const QDateTime &now) {
    const auto &catalog = ResourceCatalog::instance();
    const QString name = util::name(object);
    const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = object.value(QStringLiteral("status")).toObject();
    if (&type == &catalog.pods()) {
        int ready = 0;
        qint64 restarts = 0;
        QDateTime lastRestart;
        for (const auto &c : status.value(QStringLiteral("containerStatuses")).toArray()) {
            const QJsonObject container = c.toObject();
            restarts += container.value(QStringLiteral("restartCount")).toInteger();
            const QJsonObject state = container.value(QStringLiteral("state")).toObject();
            if (container.value(QStringLiteral("ready")).toBool() &&
                state.contains(QStringLiteral("running")))
                ++ready;
            const QString finished = container.value(QStringLiteral("lastState"))
                                         .toObject()
                                         .value(QStringLiteral("terminated"))
                                         .toObject()
                                         .value(QStringLiteral("finishedAt"))
                                         .toString();
            if (!finished.isEmpty()) {
                const QDateTime t = util::parseTimestamp(finished);
                if (!lastRestart.isValid() || t > lastRestart)
                    lastRestart = t;
            }
        }
        QString restartsText = QString::number(restarts);
        if (restarts != 0 && lastRestart.isValid())
            restartsText = QStringLiteral("%1 (%2 ago)")
                               .arg(restarts)
                               .arg(util::humanDuration(lastRestart.secsTo(now)));
        QStringList gates;
        for (const auto &g : spec.value(QStringLiteral("readinessGates")).toArray())
            gates.append(g.toObject().value(QStringLiteral("conditionType")).toString());
        return {name,
                QStringLiteral("%1/%2").arg(ready).arg(
                    spec.value(QStringLiteral("containers")).toArray().size()),
                podStatusText(object),
                restartsText,
                age(object, now),
                orNone(status.value(QStringLiteral("podIP")).toString()),
                orNone(spec.value(QStringLiteral("nodeName")).toString()),
                orNone(status.value(QStringLiteral("nominatedNodeName")).toString()),
                orNone(gates.join(QLatin1Char(',')))};
    }
    if (&type == &catalog.deployments()) {
        const auto [containers, images] = containersAndImages(spec.value(QStringLiteral("template"))
                                                                  .toObject()
                                                                  .value(QStringLiteral("spec"))
                                                                  .toObject());
        return {name,
                QStringLiteral("%1/%2")
                    .arg(integer(status, QStringLiteral("readyReplicas")))
                    .arg(integer(spec, QStringLiteral("replicas"))),
                integer(status, QStringLiteral("updatedReplicas")),
                integer(status, QStringLiteral("availableReplicas")),
                age(object, now),
                containers,
                images,
                selectorText(spec.value(QStringLiteral("selector")).toObject())};
    }
    if (&type == &catalog.replicaSets()) {
        const auto [containers, images] = containersAndImages(spec.value(QStringLiteral("template"))
                                                                  .toObject()
                                                                  .value(QStringLiteral("spec"))
                                                                  .toObject());
        return {name,
                integer(spec, QStringLiteral("replicas")),
                integer(status, QStringLiteral("replicas")),
                integer(status, QStringLiteral("readyReplicas")),
                age(object, now),
                containers,
                images,
                selectorText(spec.value(QStringLiteral("selector")).toObject())};
    }
    if (&type == &catalog.services()) {
        QStringList ports;
        for (const auto &p : spec.value(QStringLiteral("ports")).toArray()) {
            const QJsonObject port = p.toObject();
            QString text = QString::number(port.value(QStringLiteral("port")).toInt());
            if (port.contains(QStringLiteral("nodePort")))
                text += QLatin1Char(':') +
                        QString::number(port.value(QStringLiteral("nodePort")).toInt());
            ports.append(text + QLatin1Char('/') +
                         port.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP")));
        }
        QStringList selector;
        const QJsonObject sel = spec.value(QStringLiteral("selector")).toObject();
        for (auto it = sel.begin(); it != sel.end(); ++it)
            selector.append(it.key() + QLatin1Char('=') + it.value().toString());
        QStringList external;
        for (const auto &ip : spec.value(QStringLiteral("externalIPs")).toArray())
            external.append(ip.toString());
        for (const auto &ingress : status.value(QStringLiteral("loadBalancer"))
                                       .toObject()
                                       .value(QStringLiteral("ingress"))
                                       .toArray())
            external.append(ingress.toObject().value(QStringLiteral("ip")).toString());
        QString externalText = external.join(QLatin1Char(','));
        if (externalText.isEmpty())
            externalText =
                spec.value(QStringLiteral("type")).toString() == QLatin1String("LoadBalancer")
                    ? QStringLiteral("<pending>")
                    : QStringLiteral("<none>");
        return {name,
                spec.value(QStringLiteral("type")).toString(),
                orNone(spec.value(QStringLiteral("clusterIP")).toString()),
                externalText,
                ports.isEmpty() ? QStringLiteral("<none>") : ports.join(QLatin1Char(',')),
                age(object, now),
                orNone(selector.join(QLatin1Char(',')))};
    }
    if (&type == &catalog.namespaces())
        return {name, status.value(QStringLiteral("phase")).toString(), age(object, now)};
    if (&type == &catalog.nodes()) {
        QString ready = QStringLiteral("Unknown");
        for (const auto &c : status.value(QStringLiteral("conditions")).toArray()) {
            if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
                ready =
                    c.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True")
                        ? QStringLiteral("Ready")
                        : QStringLiteral("NotReady");
        }
        if (spec.value(QStringLiteral("unschedulable")).toBool())
            ready += QStringLiteral(",SchedulingDisabled");
        QStringList roles;
        const QJsonObject labels = util::labels(object);
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (it.key().startsWith(QLatin1String("node-role.kubernetes.io/")))
                roles.append(it.key().mid(24));
        }
        QString internal;
        QString externalIp;
        for (const auto &a : status.value(QStringLiteral("addresses")).toArray()) {
            if (a.toObject().value(QStringLiteral("type")).toString() ==
                QLatin1String("InternalIP"))
                internal = a.toObject().value(QStringLiteral("address")).toString();
            if (a.toObject().value(QStringLiteral("type")).toString() ==
                QLatin1String("ExternalIP"))
                externalIp = a.toObject().value(QStringLiteral("address")).toString();
        }
        const QJsonObject info = status.value(QStringLiteral("nodeInfo")).toObject();
        return {name,
                ready,
                orNone(roles.join(QLatin1Char(','))),
                age(object, now),
                info.value(QStringLiteral("kubeletVersion")).toString(),
                orNone(internal),
                orNone(externalIp),
                info.value(QStringLiteral("osImage")).toString(),
                info.value(QStringLiteral("kernelVersion")).toString(),
                info.value(QStringLiteral("containerRuntimeVersion")).toString()};
    }
    if (&type == &catalog.events()) {
        const QJsonObject involved = object.value(QStringLiteral("involvedObject")).toObject();
        QString last = object.value(QStringLiteral("lastTimestamp")).toString();
        if (last.isEmpty())
            last = object.value(QStringLiteral("eventTime")).toString();
        QString first = object.value(QStringLiteral("firstTimestamp")).toString();
        if (first.isEmpty())
            first = object.value(QStringLiteral("eventTime")).toString();
        const QJsonObject source = object.value(QStringLiteral("source")).toObject();
        QString sourceText = source.value(QStringLiteral("component")).toString();
        if (!source.value(QStringLiteral("host")).toString().isEmpty())
            sourceText += QStringLiteral(", ") + source.value(QStringLiteral("host")).toString();
        return {since(last, now),
                object.value(QStringLiteral("type")).toString(),
                object.value(QStringLiteral("reason")).toString(),
                involved.value(QStringLiteral("kind")).toString().toLower() + QLatin1Char('/') +
                    involved.value(QStringLiteral("name")).toString(),
                involved.value(QStringLiteral("fieldPath")).toString(),
                sourceText,
                object.value(QStringLiteral("message")).toString().trimmed(),
                since(first, now),
                QString::number(qMax<qint64>(1, object.value(QStringLiteral("count")).toInteger())),
                name};
    }
    return {name, age(object, now)};
}

QJsonObject TableConverter::row(const ResourceType &type, const QJsonObject &object,
                                const QDateTime &now, IncludeObject include) {
    QJsonObject row{{QStringLiteral("cells"), cells(type, object, now)}};
    if (include == IncludeObject::Object) {
        row.insert(QStringLiteral("object"), object);
    } else if (include == IncludeObject::Metadata) {
        QJsonObject meta = object.value(QStringLiteral("metadata")).toObject();
        meta.remove(QStringLiteral("managedFields"));
        row.insert(QStringLiteral("object"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                               {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                               {QStringLiteral("metadata"), meta}});
    }
    return row;
}

} // namespace kiosk::sim
