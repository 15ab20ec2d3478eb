#include "sim/replica_set_controller.h"

#include "sim/event_recorder.h"
#include "sim/label_selector.h"
#include "sim/object_service.h"
#include "sim/object_util.h"

#include <QJsonArray>
#include <QMap>
#include <QTimer>

#include <algorithm>

namespace kiosk::sim {

namespace {

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

bool podReady(const QJsonObject &pod) {
    for (const auto &c : pod.value(QStringLiteral("status"))
                             .toObject()
                             .value(QStringLiteral("conditions"))
                             .toArray()) {
        if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True");
    }
    return false;
}

QDateTime readySince(const QJsonObject &pod) {
    for (const auto &c : pod.value(QStringLiteral("status"))
                             .toObject()
                             .value(QStringLiteral("conditions"))
                             .toArray()) {
        if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
            return util::parseTimestamp(
                c.toObject().value(QStringLiteral("lastTransitionTime")).toString());
    }
    return {};
}

int phaseRank(const QJsonObject &pod) {
    const QString phase =
        pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    if (phase == QLatin1String("Pending"))
        return 0;
    if (phase == QLatin1String("Unknown"))
        return 1;
    return 2;
}

qint64 restarts(const QJsonObject &pod) {
    qint64 total = 0;
    for (const auto &c : pod.value(QStringLiteral("status"))
                             .toObject()
                             .value(QStringLiteral("containerStatuses"))
                             .toArray())
        total += c.toObject().value(QStringLiteral("restartCount")).toInteger();
    return total;
}

} // namespace

ReplicaSetController::ReplicaSetController(ObjectService *service, EventRecorder *events,
                                           QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_store(service->store())
    , m_events(events) {
    connect(m_store, &ObjectStore::changed, this, &ReplicaSetController::onChange);
}

void ReplicaSetController::enqueue(const QString &ns, const QString &name) {
    m_queue.insert(ObjectStore::key(ns, name));
    schedule();
}

void ReplicaSetController::onChange(const StoreEvent &event) {
    if (event.resource == &catalog().replicaSets()) {
        if (event.type != QLatin1String("DELETED"))
            enqueue(util::namespaceOf(event.object), util::name(event.object));
    } else if (event.resource == &catalog().pods()) {
        for (const QJsonObject *pod : {&event.object, &event.previous}) {
            const QJsonObject ref = util::controllerRef(*pod);
            if (ref.value(QStringLiteral("kind")).toString() == QLatin1String("ReplicaSet"))
                enqueue(util::namespaceOf(*pod), ref.value(QStringLiteral("name")).toString());
        }
    }
}

void ReplicaSetController::schedule(int delayMs) {
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(delayMs, this, &ReplicaSetController::run);
}

void ReplicaSetController::run() {
    m_scheduled = false;
    const QSet<QString> queue = std::exchange(m_queue, {});
    for (const QString &key : queue)
        sync(key);
}

void ReplicaSetController::sync(const QString &key) {
    const QString ns = key.section(QLatin1Char('/'), 0, 0);
    const QString name = key.section(QLatin1Char('/'), 1);
    const auto found = m_store->get(catalog().replicaSets(), ns, name);
    if (!found || util::isTerminating(*found))
        return;
    const QJsonObject rs = *found;
    const QString uid = util::uid(rs);
    const QJsonObject spec = rs.value(QStringLiteral("spec")).toObject();
    const qint64 desired = spec.value(QStringLiteral("replicas")).toInteger(1);
    const qint64 minReady = spec.value(QStringLiteral("minReadySeconds")).toInteger();

    // Adopt orphan pods the selector matches; release owned pods it no longer matches.
    if (const auto selector =
            LabelSelector::fromJson(spec.value(QStringLiteral("selector")).toObject());
        selector && !selector->isEmpty()) {
        QList<QJsonObject> changes;
        // The only pods that can change: those without a controller and this one's own, in
        // key order as a walk over all pods would meet them.
        QMap<QString, QJsonObject> candidates;
        for (const QJsonObject &pod : m_store->uncontrolled(catalog().pods(), ns))
            candidates.insert(ObjectStore::key(ns, util::name(pod)), pod);
        for (const auto &[type, pod] : m_store->dependents(uid)) {
            if (type == &catalog().pods() && util::namespaceOf(pod) == ns)
                candidates.insert(ObjectStore::key(ns, util::name(pod)), pod);
        }
        const auto visit = [&](const QJsonObject &pod) {
            if (util::isTerminating(pod))
                return true;
            const QJsonObject ref = util::controllerRef(pod);
            const bool matches = selector->matches(util::labels(pod));
            QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
            if (ref.isEmpty() && matches) {
                QJsonArray refs = meta.value(QStringLiteral("ownerReferences")).toArray();
                refs.append(util::ownerReference(rs, true));
                meta.insert(QStringLiteral("ownerReferences"), refs);
            } else if (ref.value(QStringLiteral("uid")).toString() == uid && !matches) {
                QJsonArray refs;
                for (const auto &r : meta.value(QStringLiteral("ownerReferences")).toArray()) {
                    if (r.toObject().value(QStringLiteral("uid")).toString() != uid)
                        refs.append(r);
                }
                if (refs.isEmpty())
                    meta.remove(QStringLiteral("ownerReferences"));
                else
                    meta.insert(QStringLiteral("ownerReferences"), refs);
            } else {
                return true;
            }
            QJsonObject updated = pod;
            updated.insert(QStringLiteral("metadata"), meta);
            changes.append(updated);
            return true;
        };
        for (const QJsonObject &pod : std::as_const(candidates))
            visit(pod);
        for (const QJsonObject &pod : std::as_const(changes))
            m_service->writeInternal(catalog().pods(), pod);
    }

    QList<QJsonObject> active;
    for (const auto &[type, dependent] : m_store->dependents(uid)) {
        if (type != &catalog().pods() ||
            util::controllerRef(dependent).value(QStringLiteral("uid")).toString() != uid)
            continue;
        const QString phase = dependent.value(QStringLiteral("status"))
                                  .toObject()
                                  .value(QStringLiteral("phase"))
                                  .toString();
        if (util::isTerminating(dependent) || phase == QLatin1String("Succeeded") ||
            phase == QLatin1String("Failed"))
            continue;
        active.append(dependent);
    }
    const qint64 diff = qint64(active.size()) - desired;
    if (diff < 0) {
        const QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
        for (qint64 i = 0; i < qMin<qint64>(-diff, 500); ++i) {
            QJsonObject metadata{
                {QStringLiteral("generateName"), name + QLatin1Char('-')},
                {QStringLiteral("namespace"), ns},
                {QStringLiteral("ownerReferences"), QJsonArray{util::ownerReference(rs, true)}}};
            const QJsonObject templateMeta =
                podTemplate.value(QStringLiteral("metadata")).toObject();
            if (templateMeta.contains(QStringLiteral("labels")))
                metadata.insert(QStringLiteral("labels"),
                                templateMeta.value(QStringLiteral("labels")));
            if (templateMeta.contains(QStringLiteral("annotations")))
                metadata.insert(QStringLiteral("annotations"),
                                templateMeta.value(QStringLiteral("annotations")));
            const QJsonObject pod{
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("Pod")},
                {QStringLiteral("metadata"), metadata},
                {QStringLiteral("spec"), podTemplate.value(QStringLiteral("spec"))}};
            const WriteResult result = m_service->create(catalog().pods(), ns, pod, false);
            if (result.ok())
                m_events->record(rs, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                                 QStringLiteral("Created pod: %1").arg(util::name(result.object)),
                                 QStringLiteral("replicaset-controller"));
            else
                m_events->record(rs, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                                 QStringLiteral("Error creating: %1").arg(result.error->message),
                                 QStringLiteral("replicaset-controller"));
        }
    } else if (diff > 0) {
        std::sort(active.begin(), active.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const bool aScheduled = !a.value(QStringLiteral("spec"))
                                         .toObject()
                                         .value(QStringLiteral("nodeName"))
                                         .toString()
                                         .isEmpty();
            const bool bScheduled = !b.value(QStringLiteral("spec"))
                                         .toObject()
                                         .value(QStringLiteral("nodeName"))
                                         .toString()
                                         .isEmpty();
            if (aScheduled != bScheduled)
                return !aScheduled;
            if (phaseRank(a) != phaseRank(b))
                return phaseRank(a) < phaseRank(b);
            if (podReady(a) != podReady(b))
                return !podReady(a);
            if (restarts(a) != restarts(b))
                return restarts(a) > restarts(b);
            const QString ca = a.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("creationTimestamp"))
                                   .toString();
            const QString cb = b.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("creationTimestamp"))
                                   .toString();
            return ca > cb;
        });
        for (qint64 i = 0; i < diff; ++i) {
            const QString podName = util::name(active.at(i));
            const WriteResult result =
                m_service->remove(catalog().pods(), ns, podName, DeleteOptions{});
            if (result.ok())
                m_events->record(rs, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                                 QStringLiteral("Deleted pod: %1").arg(podName),
                                 QStringLiteral("replicaset-controller"));
        }
    }

    qint64 ready = 0;
    qint64 available = 0;
    qint64 labeled = 0;
    QDateTime nextCheck;
    const QJsonObject templateLabels = spec.value(QStringLiteral("template"))
                                           .toObject()
                                           .value(QStringLiteral("metadata"))
                                           .toObject()
                                           .value(QStringLiteral("labels"))
                                           .toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonObject &pod : std::as_const(active)) {
        const QJsonObject labels = util::labels(pod);
        bool fully = true;
        for (auto it = templateLabels.begin(); it != templateLabels.end(); ++it)
            fully = fully && labels.value(it.key()) == it.value();
        labeled += fully ? 1 : 0;
        if (!podReady(pod))
            continue;
        ++ready;
        const QDateTime since = readySince(pod);
        if (minReady <= 0 || (since.isValid() && since.addSecs(minReady) <= now)) {
            ++available;
        } else if (since.isValid()) {
            const QDateTime at = since.addSecs(minReady);
            if (!nextCheck.isValid() || at < nextCheck)
                nextCheck = at;
        }
    }
    QJsonObject status = rs.value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("replicas"), qint64(active.size()));
    status.insert(QStringLiteral("fullyLabeledReplicas"), labeled);
    status.insert(QStringLiteral("observedGeneration"), rs.value(QStringLiteral("metadata"))
                                                            .toObject()
                                                            .value(QStringLiteral("generation"))
                                                            .toInteger(1));
    for (const auto &[field, value] : {std::pair{QStringLiteral("readyReplicas"), ready},
                                       std::pair{QStringLiteral("availableReplicas"), available}}) {
        if (value > 0)
            status.insert(field, value);
        else
            status.remove(field);
    }
    if (labeled == 0)
        status.remove(QStringLiteral("fullyLabeledReplicas"));
    if (status != rs.value(QStringLiteral("status")).toObject()) {
        if (auto latest = m_store->get(catalog().replicaSets(), ns, name)) {
            QJsonObject updated = *latest;
            updated.insert(QStringLiteral("status"), status);
            m_service->writeInternal(catalog().replicaSets(), updated);
        }
    }
    if (nextCheck.isValid()) {
        QTimer::singleShot(qMax<qint64>(50, now.msecsTo(nextCheck) + 20), this,
                           [this, ns, name]() { enqueue(ns, name); });
    }
}

} // namespace kiosk::sim
