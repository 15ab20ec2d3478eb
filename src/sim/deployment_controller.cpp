#include "sim/deployment_controller.h"

#include "sim/event_recorder.h"
#include "sim/label_selector.h"
#include "sim/object_service.h"
#include "sim/object_util.h"

#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace kiosk::sim {

const QString DeploymentController::kRevision = QStringLiteral("deployment.kubernetes.io/revision");
const QString DeploymentController::kRevisionHistory =
    QStringLiteral("deployment.kubernetes.io/revision-history");
const QString DeploymentController::kDesiredReplicas =
    QStringLiteral("deployment.kubernetes.io/desired-replicas");
const QString DeploymentController::kMaxReplicas =
    QStringLiteral("deployment.kubernetes.io/max-replicas");

namespace {

const QString kHashLabel = QStringLiteral("pod-template-hash");
const QString kComponent = QStringLiteral("deployment-controller");

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

qint64 replicasOf(const QJsonObject &object) {
    return object.value(QStringLiteral("spec"))
        .toObject()
        .value(QStringLiteral("replicas"))
        .toInteger(1);
}

qint64 statusInt(const QJsonObject &object, const QString &field) {
    return object.value(QStringLiteral("status")).toObject().value(field).toInteger();
}

qint64 revisionOf(const QJsonObject &rs) {
    return util::annotations(rs).value(DeploymentController::kRevision).toString().toLongLong();
}

QJsonObject templateWithoutHash(QJsonObject podTemplate) {
    QJsonObject meta = podTemplate.value(QStringLiteral("metadata")).toObject();
    QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
    labels.remove(kHashLabel);
    meta.insert(QStringLiteral("labels"), labels);
    meta.remove(QStringLiteral("creationTimestamp"));
    podTemplate.insert(QStringLiteral("metadata"), meta);
    return podTemplate;
}

qint64 resolveIntOrPercent(const QJsonValue &value, qint64 total, bool roundUp,
                           qint64 fallbackPercent) {
    if (value.isDouble())
        return value.toInteger();
    QString text = value.toString();
    if (text.isEmpty())
        text = QString::number(fallbackPercent) + QLatin1Char('%');
    if (!text.endsWith(QLatin1Char('%')))
        return text.toLongLong();
    const double percent = text.chopped(1).toDouble();
    const double exact = percent * double(total) / 100.0;
    return roundUp ? qint64(std::ceil(exact)) : qint64(std::floor(exact));
}

bool isPodReadyForRecreate(const QJsonObject &pod) {
    const QString phase =
        pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    return phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed");
}

QJsonObject condition(const QString &type, const QString &status, const QString &reason,
                      const QString &message, const QString &now) {
    return QJsonObject{
        {QStringLiteral("type"), type},          {QStringLiteral("status"), status},
        {QStringLiteral("lastUpdateTime"), now}, {QStringLiteral("lastTransitionTime"), now},
        {QStringLiteral("reason"), reason},      {QStringLiteral("message"), message}};
}

QJsonObject findCondition(const QJsonArray &conditions, const QString &type) {
    for (const auto &c : conditions) {
        if (c.toObject().value(QStringLiteral("type")).toString() == type)
            return c.toObject();
    }
    return {};
}

// Sets a condition, keeping lastTransitionTime when the status does not change.
void setCondition(QJsonArray &conditions, QJsonObject updated) {
    const QString type = updated.value(QStringLiteral("type")).toString();
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject existing = conditions.at(i).toObject();
        if (existing.value(QStringLiteral("type")).toString() != type)
            continue;
        if (existing.value(QStringLiteral("status")) == updated.value(QStringLiteral("status")) &&
            existing.value(QStringLiteral("reason")) == updated.value(QStringLiteral("reason")) &&
            existing.value(QStringLiteral("message")) == updated.value(QStringLiteral("message")))
            return; // unchanged: keep both timestamps
        if (existing.value(QStringLiteral("status")) == updated.value(QStringLiteral("status")))
            updated.insert(QStringLiteral("lastTransitionTime"),
                           existing.value(QStringLiteral("lastTransitionTime")));
        conditions.replace(i, updated);
        return;
    }
    conditions.append(updated);
}

} // namespace

DeploymentController::DeploymentController(ObjectService *service, EventRecorder *events,
                                           QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_store(service->store())
    , m_events(events) {
    connect(m_store, &ObjectStore::changed, this, &DeploymentController::onChange);
}

void DeploymentController::enqueue(const QString &ns, const QString &name) {
    m_queue.insert(ObjectStore::key(ns, name));
    schedule();
}

void DeploymentController::resyncIncomplete() {
    for (const QJsonObject &d : m_store->list(catalog().deployments())) {
        const qint64 generation = d.value(QStringLiteral("metadata"))
                                      .toObject()
                                      .value(QStringLiteral("generation"))
                                      .toInteger(1);
        const bool observed = statusInt(d, QStringLiteral("observedGeneration")) >= generation;
        const bool complete = statusInt(d, QStringLiteral("updatedReplicas")) == replicasOf(d) &&
                              statusInt(d, QStringLiteral("availableReplicas")) == replicasOf(d) &&
                              statusInt(d, QStringLiteral("replicas")) == replicasOf(d);
        if (!observed || !complete)
            enqueue(util::namespaceOf(d), util::name(d));
    }
}

void DeploymentController::onChange(const StoreEvent &event) {
    if (event.resource == &catalog().deployments()) {
        if (event.type != QLatin1String("DELETED"))
            enqueue(util::namespaceOf(event.object), util::name(event.object));
    } else if (event.resource == &catalog().replicaSets()) {
        const QJsonObject ref = util::controllerRef(event.object);
        if (ref.value(QStringLiteral("kind")).toString() == QLatin1String("Deployment"))
            enqueue(util::namespaceOf(event.object), ref.value(QStringLiteral("name")).toString());
    } else if (event.resource == &catalog().pods() && event.type == QLatin1String("DELETED")) {
        // Recreate waits for the old pods to be gone.
        const QJsonObject ref = util::controllerRef(event.previous);
        if (ref.value(QStringLiteral("kind")).toString() == QLatin1String("ReplicaSet")) {
            if (const auto rs =
                    m_store->get(catalog().replicaSets(), util::namespaceOf(event.previous),
                                 ref.value(QStringLiteral("name")).toString())) {
                const QJsonObject owner = util::controllerRef(*rs);
                if (owner.value(QStringLiteral("kind")).toString() == QLatin1String("Deployment"))
                    enqueue(util::namespaceOf(*rs), owner.value(QStringLiteral("name")).toString());
            }
        }
    }
}

void DeploymentController::schedule() {
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(20, this, &DeploymentController::run);
}

void DeploymentController::run() {
    m_scheduled = false;
    const QSet<QString> queue = std::exchange(m_queue, {});
    for (const QString &key : queue)
        sync(key);
}

void DeploymentController::sync(const QString &key) {
    const QString ns = key.section(QLatin1Char('/'), 0, 0);
    const QString name = key.section(QLatin1Char('/'), 1);
    const auto found = m_store->get(catalog().deployments(), ns, name);
    if (!found || util::isTerminating(*found))
        return;
    QJsonObject d = *found;
    const QString uid = util::uid(d);
    const QJsonObject spec = d.value(QStringLiteral("spec")).toObject();
    const qint64 desired = replicasOf(d);
    const bool paused = spec.value(QStringLiteral("paused")).toBool();
    const QJsonObject strategy = spec.value(QStringLiteral("strategy")).toObject();
    const bool recreate =
        strategy.value(QStringLiteral("type")).toString() == QLatin1String("Recreate");
    const QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
    qint64 maxSurge = recreate ? 0
                               : resolveIntOrPercent(rolling.value(QStringLiteral("maxSurge")),
                                                     desired, true, 25);
    qint64 maxUnavailable =
        recreate ? desired
                 : resolveIntOrPercent(rolling.value(QStringLiteral("maxUnavailable")), desired,
                                       false, 25);
    if (!recreate && maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;
    if (maxUnavailable > desired)
        maxUnavailable = desired;
    const QString now = util::now();
    const QJsonObject templateNoHash =
        templateWithoutHash(spec.value(QStringLiteral("template")).toObject());

    // Adopt orphan ReplicaSets the selector matches (as after a delete with --cascade=orphan).
    if (const auto selector =
            LabelSelector::fromJson(spec.value(QStringLiteral("selector")).toObject());
        selector && !selector->isEmpty()) {
        QList<QJsonObject> adopted;
        // Only ReplicaSets without a controller can be adopted: not a walk over all of them.
        for (const QJsonObject &rs : m_store->uncontrolled(catalog().replicaSets(), ns)) {
            if (!util::isTerminating(rs) && selector->matches(util::labels(rs))) {
                QJsonObject meta = rs.value(QStringLiteral("metadata")).toObject();
                QJsonArray refs = meta.value(QStringLiteral("ownerReferences")).toArray();
                refs.append(util::ownerReference(d, true));
                meta.insert(QStringLiteral("ownerReferences"), refs);
                QJsonObject updated = rs;
                updated.insert(QStringLiteral("metadata"), meta);
                adopted.append(updated);
            }
        }
        for (const QJsonObject &rs : std::as_const(adopted))
            m_service->writeInternal(catalog().replicaSets(), rs);
    }

    // The deployment's own ReplicaSets.
    QList<QJsonObject> all;
    for (const auto &[type, dependent] : m_store->dependents(uid)) {
        if (type == &catalog().replicaSets() &&
            util::controllerRef(dependent).value(QStringLiteral("uid")).toString() == uid)
            all.append(dependent);
    }
    std::sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString ca = a.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("creationTimestamp"))
                               .toString();
        const QString cb = b.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("creationTimestamp"))
                               .toString();
        return ca == cb ? util::name(a) < util::name(b) : ca < cb;
    });
    int newIndex = -1;
    for (int i = 0; i < all.size(); ++i) {
        if (templateWithoutHash(all.at(i)
                                    .value(QStringLiteral("spec"))
                                    .toObject()
                                    .value(QStringLiteral("template"))
                                    .toObject()) == templateNoHash) {
            newIndex = i;
            break;
        }
    }
    const auto writeRs = [this](QJsonObject rs) {
        return m_service->writeInternal(catalog().replicaSets(), rs);
    };
    const auto scaleRs = [&](QJsonObject &rs, qint64 to) {
        const qint64 from = replicasOf(rs);
        QJsonObject rsSpec = rs.value(QStringLiteral("spec")).toObject();
        QJsonObject meta = rs.value(QStringLiteral("metadata")).toObject();
        QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
        const bool annotationsChanged =
            annotations.value(kDesiredReplicas).toString() != QString::number(desired) ||
            annotations.value(kMaxReplicas).toString() != QString::number(desired + maxSurge);
        if (from == to && !annotationsChanged)
            return;
        annotations.insert(kDesiredReplicas, QString::number(desired));
        annotations.insert(kMaxReplicas, QString::number(desired + maxSurge));
        meta.insert(QStringLiteral("annotations"), annotations);
        if (from != to)
            meta.insert(QStringLiteral("generation"),
                        meta.value(QStringLiteral("generation")).toInteger(1) + 1);
        rs.insert(QStringLiteral("metadata"), meta);
        rsSpec.insert(QStringLiteral("replicas"), to);
        rs.insert(QStringLiteral("spec"), rsSpec);
        rs = writeRs(rs);
        if (from != to)
            m_events->record(
                d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                QStringLiteral("Scaled %1 replica set %2 from %3 to %4")
                    .arg(to > from ? QStringLiteral("up") : QStringLiteral("down"), util::name(rs))
                    .arg(from)
                    .arg(to),
                kComponent);
    };

    QJsonArray conditions =
        d.value(QStringLiteral("status")).toObject().value(QStringLiteral("conditions")).toArray();
    qint64 maxOldRevision = 0;
    for (int i = 0; i < all.size(); ++i) {
        if (i != newIndex)
            maxOldRevision = qMax(maxOldRevision, revisionOf(all.at(i)));
    }
    const bool templateChanged = newIndex < 0 || revisionOf(all.at(newIndex)) <= maxOldRevision;
    QString progressReason;
    QString progressMessage;

    // Paused deployments only scale; the template is not rolled out.
    const bool rollout = !paused;
    if (rollout) {
        if (newIndex < 0) {
            // A new ReplicaSet for the new template.
            const qint64 collisionCount = statusInt(d, QStringLiteral("collisionCount"));
            const QString hash = util::podTemplateHash(templateNoHash, collisionCount);
            const QString rsName = name + QLatin1Char('-') + hash;
            if (m_store->contains(catalog().replicaSets(), ns, rsName)) {
                QJsonObject status = d.value(QStringLiteral("status")).toObject();
                status.insert(QStringLiteral("collisionCount"), collisionCount + 1);
                d.insert(QStringLiteral("status"), status);
                m_service->writeInternal(catalog().deployments(), d);
                return;
            }
            QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
            QJsonObject templateMeta = podTemplate.value(QStringLiteral("metadata")).toObject();
            QJsonObject templateLabels = templateMeta.value(QStringLiteral("labels")).toObject();
            templateLabels.insert(kHashLabel, hash);
            templateMeta.insert(QStringLiteral("labels"), templateLabels);
            podTemplate.insert(QStringLiteral("metadata"), templateMeta);
            QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
            QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
            matchLabels.insert(kHashLabel, hash);
            selector.insert(QStringLiteral("matchLabels"), matchLabels);
            QJsonObject annotations;
            const QJsonObject dAnnotations = util::annotations(d);
            for (auto it = dAnnotations.begin(); it != dAnnotations.end(); ++it) {
                if (it.key() == QLatin1String("kubectl.kubernetes.io/last-applied-configuration") ||
                    it.key() == kRevision || it.key() == kRevisionHistory ||
                    it.key() == kDesiredReplicas || it.key() == kMaxReplicas ||
                    it.key() == QLatin1String("deprecated.deployment.rollback.to"))
                    continue;
                annotations.insert(it.key(), it.value());
            }
            annotations.insert(kRevision, QString::number(maxOldRevision + 1));
            annotations.insert(kDesiredReplicas, QString::number(desired));
            annotations.insert(kMaxReplicas, QString::number(desired + maxSurge));
            qint64 initial = 0;
            if (!recreate) {
                qint64 current = 0;
                for (const auto &rs : std::as_const(all))
                    current += replicasOf(rs);
                initial = qMax<qint64>(0, qMin(desired + maxSurge - current, desired));
            }
            QJsonObject rsSpec{{QStringLiteral("replicas"), initial},
                               {QStringLiteral("selector"), selector},
                               {QStringLiteral("template"), podTemplate}};
            if (spec.contains(QStringLiteral("minReadySeconds")))
                rsSpec.insert(QStringLiteral("minReadySeconds"),
                              spec.value(QStringLiteral("minReadySeconds")));
            const QJsonObject rs{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                 {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                 {QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("name"), rsName},
                                              {QStringLiteral("namespace"), ns},
                                              {QStringLiteral("labels"), templateLabels},
                                              {QStringLiteral("annotations"), annotations},
                                              {QStringLiteral("ownerReferences"),
                                               QJsonArray{util::ownerReference(d, true)}}}},
                                 {QStringLiteral("spec"), rsSpec}};
            const WriteResult created = m_service->create(catalog().replicaSets(), ns, rs, false);
            if (!created.ok()) {
                m_events->record(d, QStringLiteral("Warning"),
                                 QStringLiteral("ReplicaSetCreateError"),
                                 QStringLiteral("Failed to create new replica set \"%1\": %2")
                                     .arg(rsName, created.error->message),
                                 kComponent);
                return;
            }
            if (initial > 0)
                m_events->record(d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                                 QStringLiteral("Scaled up replica set %1 from 0 to %2")
                                     .arg(rsName)
                                     .arg(initial),
                                 kComponent);
            all.append(created.object);
            newIndex = int(all.size()) - 1;
            progressReason = QStringLiteral("NewReplicaSetCreated");
            progressMessage = QStringLiteral("Created new replica set \"%1\"").arg(rsName);
        } else if (templateChanged) {
            // An old ReplicaSet matches again (a rollback): it gets the next revision.
            QJsonObject rs = all.at(newIndex);
            QJsonObject meta = rs.value(QStringLiteral("metadata")).toObject();
            QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
            const QString oldRevision = annotations.value(kRevision).toString();
            QString history = annotations.value(kRevisionHistory).toString();
            if (!oldRevision.isEmpty())
                history =
                    history.isEmpty() ? oldRevision : history + QLatin1Char(',') + oldRevision;
            if (!history.isEmpty())
                annotations.insert(kRevisionHistory, history);
            annotations.insert(kRevision, QString::number(maxOldRevision + 1));
            const QJsonObject dAnnotations = util::annotations(d);
            if (dAnnotations.contains(QStringLiteral("kubernetes.io/change-cause")))
                annotations.insert(
                    QStringLiteral("kubernetes.io/change-cause"),
                    dAnnotations.value(QStringLiteral("kubernetes.io/change-cause")));
            meta.insert(QStringLiteral("annotations"), annotations);
            rs.insert(QStringLiteral("metadata"), meta);
            all[newIndex] = writeRs(rs);
            progressReason = QStringLiteral("FoundNewReplicaSet");
            progressMessage = QStringLiteral("Found new replica set \"%1\"").arg(util::name(rs));
        }
    }

    QJsonObject *newRs = newIndex >= 0 ? &all[newIndex] : nullptr;
    QList<int> oldIndexes;
    for (int i = 0; i < all.size(); ++i) {
        if (i != newIndex)
            oldIndexes.append(i);
    }
    const auto totalSpec = [&]() {
        qint64 total = 0;
        for (const auto &rs : std::as_const(all))
            total += replicasOf(rs);
        return total;
    };

    if (!rollout) {
        // Scaling only: put the difference on the active (or newest) ReplicaSet.
        int target = -1;
        for (int i = int(all.size()) - 1; i >= 0; --i) {
            if (replicasOf(all.at(i)) > 0) {
                target = i;
                break;
            }
        }
        if (target < 0 && !all.isEmpty())
            target = newIndex >= 0 ? newIndex : int(all.size()) - 1;
        if (target >= 0) {
            const qint64 others = totalSpec() - replicasOf(all.at(target));
            scaleRs(all[target], qMax<qint64>(0, desired - others));
        }
    } else if (recreate) {
        bool oldPodsRunning = false;
        for (int i : std::as_const(oldIndexes)) {
            scaleRs(all[i], 0);
            for (const auto &[type, pod] : m_store->dependents(util::uid(all.at(i)))) {
                if (type == &catalog().pods() && isPodReadyForRecreate(pod))
                    oldPodsRunning = true;
            }
        }
        if (!oldPodsRunning && newRs)
            scaleRs(*newRs, desired);
    } else if (newRs) {
        // reconcileNewReplicaSet
        const qint64 newReplicas = replicasOf(*newRs);
        if (newReplicas > desired) {
            scaleRs(*newRs, desired);
        } else if (newReplicas < desired) {
            const qint64 current = totalSpec();
            const qint64 maxTotal = desired + maxSurge;
            if (current < maxTotal)
                scaleRs(*newRs, newReplicas + qMin(maxTotal - current, desired - newReplicas));
        } else {
            scaleRs(*newRs, desired);
        }
        // reconcileOldReplicaSets
        qint64 oldCount = 0;
        for (int i : std::as_const(oldIndexes))
            oldCount += replicasOf(all.at(i));
        if (oldCount > 0) {
            const qint64 minAvailable = desired - maxUnavailable;
            const qint64 newUnavailable =
                replicasOf(*newRs) - statusInt(*newRs, QStringLiteral("availableReplicas"));
            qint64 maxScaledDown = totalSpec() - minAvailable - newUnavailable;
            if (maxScaledDown > 0) {
                // Unhealthy old replicas go first.
                for (int i : std::as_const(oldIndexes)) {
                    if (maxScaledDown <= 0)
                        break;
                    const qint64 replicas = replicasOf(all.at(i));
                    const qint64 unhealthy =
                        replicas - statusInt(all.at(i), QStringLiteral("availableReplicas"));
                    if (replicas == 0 || unhealthy <= 0)
                        continue;
                    const qint64 down = qMin(maxScaledDown, unhealthy);
                    scaleRs(all[i], replicas - down);
                    maxScaledDown -= down;
                }
                qint64 available = 0;
                for (const auto &rs : std::as_const(all))
                    available += statusInt(rs, QStringLiteral("availableReplicas"));
                qint64 toScaleDown = available - minAvailable;
                for (int i : std::as_const(oldIndexes)) {
                    if (toScaleDown <= 0)
                        break;
                    const qint64 replicas = replicasOf(all.at(i));
                    if (replicas == 0)
                        continue;
                    const qint64 down = qMin(replicas, toScaleDown);
                    scaleRs(all[i], replicas - down);
                    toScaleDown -= down;
                }
            }
        }
    }

    // Status.
    QJsonObject status = d.value(QStringLiteral("status")).toObject();
    const QJsonObject oldStatus = status;
    qint64 replicas = 0, ready = 0, available = 0;
    for (const auto &rs : std::as_const(all)) {
        replicas += statusInt(rs, QStringLiteral("replicas"));
        ready += statusInt(rs, QStringLiteral("readyReplicas"));
        available += statusInt(rs, QStringLiteral("availableReplicas"));
    }
    const qint64 updated = newRs ? statusInt(*newRs, QStringLiteral("replicas")) : 0;
    const qint64 generation = d.value(QStringLiteral("metadata"))
                                  .toObject()
                                  .value(QStringLiteral("generation"))
                                  .toInteger(1);
    status.insert(QStringLiteral("observedGeneration"), generation);
    status.insert(QStringLiteral("replicas"), replicas);
    status.insert(QStringLiteral("updatedReplicas"), updated);
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("availableReplicas"), available);
    if (desired - available > 0)
        status.insert(QStringLiteral("unavailableReplicas"), desired - available);
    else
        status.remove(QStringLiteral("unavailableReplicas"));
    for (const char *field :
         {"replicas", "updatedReplicas", "readyReplicas", "availableReplicas"}) {
        if (status.value(QString::fromLatin1(field)).toInteger() == 0)
            status.remove(QString::fromLatin1(field));
    }
    if (available >= desired - (recreate ? 0 : maxUnavailable))
        setCondition(conditions,
                     condition(QStringLiteral("Available"), QStringLiteral("True"),
                               QStringLiteral("MinimumReplicasAvailable"),
                               QStringLiteral("Deployment has minimum availability."), now));
    else
        setCondition(conditions,
                     condition(QStringLiteral("Available"), QStringLiteral("False"),
                               QStringLiteral("MinimumReplicasUnavailable"),
                               QStringLiteral("Deployment does not have minimum availability."),
                               now));
    const QJsonObject progressing = findCondition(conditions, QStringLiteral("Progressing"));
    const QString newName = newRs ? util::name(*newRs) : QString();
    const bool complete = newRs && updated == desired && replicas == desired &&
                          available == desired && replicasOf(*newRs) == desired;
    qint64 deadline = spec.value(QStringLiteral("progressDeadlineSeconds")).toInteger(600);
    QDateTime recheck;
    if (paused) {
        setCondition(conditions, condition(QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                                           QStringLiteral("DeploymentPaused"),
                                           QStringLiteral("Deployment is paused"), now));
    } else {
        if (progressing.value(QStringLiteral("reason")).toString() ==
            QLatin1String("DeploymentPaused"))
            setCondition(conditions,
                         condition(QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                                   QStringLiteral("DeploymentResumed"),
                                   QStringLiteral("Deployment is resumed"), now));
        if (!progressReason.isEmpty())
            setCondition(conditions,
                         condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                                   progressReason, progressMessage, now));
        const QJsonObject current = findCondition(conditions, QStringLiteral("Progressing"));
        const bool progressed =
            updated > oldStatus.value(QStringLiteral("updatedReplicas")).toInteger() ||
            (replicas - updated) <
                (oldStatus.value(QStringLiteral("replicas")).toInteger() -
                 oldStatus.value(QStringLiteral("updatedReplicas")).toInteger()) ||
            ready > oldStatus.value(QStringLiteral("readyReplicas")).toInteger() ||
            available > oldStatus.value(QStringLiteral("availableReplicas")).toInteger();
        if (complete &&
            generation <= status.value(QStringLiteral("observedGeneration")).toInteger()) {
            setCondition(
                conditions,
                condition(
                    QStringLiteral("Progressing"), QStringLiteral("True"),
                    QStringLiteral("NewReplicaSetAvailable"),
                    QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(newName),
                    now));
        } else if (progressed && progressReason.isEmpty()) {
            QJsonObject c =
                condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                          QStringLiteral("ReplicaSetUpdated"),
                          QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(newName), now);
            // Progress refreshes lastUpdateTime even when the condition text is unchanged.
            bool replaced = false;
            for (qsizetype i = 0; i < conditions.size() && !replaced; ++i) {
                const QJsonObject existing = conditions.at(i).toObject();
                if (existing.value(QStringLiteral("type")).toString() !=
                    QLatin1String("Progressing"))
                    continue;
                if (existing.value(QStringLiteral("status")).toString() == QLatin1String("True"))
                    c.insert(QStringLiteral("lastTransitionTime"),
                             existing.value(QStringLiteral("lastTransitionTime")));
                conditions.replace(i, c);
                replaced = true;
            }
            if (!replaced)
                conditions.append(c);
        } else if (!complete && !current.isEmpty() &&
                   current.value(QStringLiteral("reason")).toString() !=
                       QLatin1String("NewReplicaSetAvailable") &&
                   current.value(QStringLiteral("reason")).toString() !=
                       QLatin1String("ProgressDeadlineExceeded")) {
            const QDateTime last =
                util::parseTimestamp(current.value(QStringLiteral("lastUpdateTime")).toString());
            const QDateTime due = last.addSecs(deadline);
            if (due <= QDateTime::currentDateTimeUtc())
                setCondition(
                    conditions,
                    condition(
                        QStringLiteral("Progressing"), QStringLiteral("False"),
                        QStringLiteral("ProgressDeadlineExceeded"),
                        QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(newName),
                        now));
            else
                recheck = due;
        } else if (!complete && current.isEmpty() && newRs) {
            setCondition(conditions,
                         condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                                   QStringLiteral("ReplicaSetUpdated"),
                                   QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(newName),
                                   now));
        }
    }
    // Conditions are listed Available then Progressing, as the controller writes them.
    QList<QJsonObject> sorted;
    for (const auto &c : std::as_const(conditions))
        sorted.append(c.toObject());
    std::sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("type")).toString() <
               b.value(QStringLiteral("type")).toString();
    });
    conditions = QJsonArray();
    for (const auto &c : std::as_const(sorted))
        conditions.append(c);
    status.insert(QStringLiteral("conditions"), conditions);

    // Cleanup: old ReplicaSets beyond revisionHistoryLimit, oldest revision first, once settled.
    if ((complete || paused) && spec.contains(QStringLiteral("revisionHistoryLimit"))) {
        const qint64 limit = spec.value(QStringLiteral("revisionHistoryLimit")).toInteger();
        QList<QJsonObject> cleanable;
        for (int i : std::as_const(oldIndexes)) {
            if (!util::isTerminating(all.at(i)))
                cleanable.append(all.at(i));
        }
        qint64 diff = qint64(cleanable.size()) - limit;
        if (diff > 0) {
            std::sort(cleanable.begin(), cleanable.end(),
                      [](const QJsonObject &a, const QJsonObject &b) {
                          return revisionOf(a) == revisionOf(b) ? util::name(a) < util::name(b)
                                                                : revisionOf(a) < revisionOf(b);
                      });
            for (qint64 i = 0; i < qint64(cleanable.size()) && diff > 0; ++i) {
                const QJsonObject &rs = cleanable.at(i);
                if (statusInt(rs, QStringLiteral("replicas")) != 0 || replicasOf(rs) != 0 ||
                    rs.value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("generation"))
                            .toInteger(1) > statusInt(rs, QStringLiteral("observedGeneration")))
                    continue;
                m_service->remove(catalog().replicaSets(), ns, util::name(rs), DeleteOptions{});
                --diff;
            }
        }
    }

    // The deployment's revision annotation follows its new ReplicaSet.
    QJsonObject latest = m_store->get(catalog().deployments(), ns, name).value_or(d);
    QJsonObject meta = latest.value(QStringLiteral("metadata")).toObject();
    if (newRs && rollout) {
        QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
        const QString revision = util::annotations(*newRs).value(kRevision).toString();
        if (annotations.value(kRevision).toString() != revision) {
            annotations.insert(kRevision, revision);
            meta.insert(QStringLiteral("annotations"), annotations);
            latest.insert(QStringLiteral("metadata"), meta);
        }
    }
    latest.insert(QStringLiteral("status"), status);
    m_service->writeInternal(catalog().deployments(), latest);
    if (recheck.isValid()) {
        const qint64 delay =
            qMax<qint64>(100, QDateTime::currentDateTimeUtc().msecsTo(recheck) + 50);
        QTimer::singleShot(delay, this, [this, ns, name]() { enqueue(ns, name); });
    }
}

} // namespace kiosk::sim
