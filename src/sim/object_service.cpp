#include "sim/object_service.h"

#include "sim/defaulter.h"
#include "sim/object_util.h"
#include "sim/validator.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

namespace kiosk::sim {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");
const QString kFinalizers = QStringLiteral("finalizers");
const QString kForeground = QStringLiteral("foregroundDeletion");
const QString kOrphan = QStringLiteral("orphan");

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

QJsonObject withoutResourceVersion(QJsonObject object) {
    QJsonObject metadata = object.value(kMetadata).toObject();
    metadata.remove(QStringLiteral("resourceVersion"));
    metadata.remove(QStringLiteral("managedFields"));
    object.insert(kMetadata, metadata);
    return object;
}

QJsonArray finalizersOf(const QJsonObject &object) {
    return object.value(kMetadata).toObject().value(kFinalizers).toArray();
}

} // namespace

ObjectService::ObjectService(ObjectStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    connect(store, &ObjectStore::changed, this, &ObjectService::onStoreChanged);
}

QString ObjectService::allocateClusterIp() {
    for (;;) {
        const int n = m_nextIp++;
        const QString ip = QStringLiteral("10.43.%1.%2").arg((n / 250) % 250).arg(n % 250 + 1);
        if (!m_usedClusterIps.contains(ip)) {
            m_usedClusterIps.insert(ip);
            return ip;
        }
    }
}

WriteResult ObjectService::create(const ResourceType &type, const QString &ns, QJsonObject object,
                                  bool dryRun) {
    QJsonObject metadata = object.value(kMetadata).toObject();
    if (type.namespaced) {
        const QString bodyNs = metadata.value(QStringLiteral("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != ns)
            return {
                {},
                ApiError::badRequest(QStringLiteral("the namespace of the provided object does not "
                                                    "match the namespace sent on the request")),
                false};
        const auto nsObject = m_store->get(catalog().namespaces(), {}, ns);
        if (!nsObject)
            return {{}, ApiError::notFound(catalog().namespaces(), ns), false};
        if (util::isTerminating(*nsObject))
            return {{},
                    ApiError::forbidden(
                        QStringLiteral("%1 \"%2\" is forbidden: unable to create new content in "
                                       "namespace %3 because it is being terminated")
                            .arg(type.groupResource(),
                                 metadata.value(QStringLiteral("name")).toString(), ns)),
                    false};
        metadata.insert(QStringLiteral("namespace"), ns);
    }
    if (!metadata.value(QStringLiteral("resourceVersion")).toString().isEmpty())
        return {{},
                ApiError::badRequest(
                    QStringLiteral("resourceVersion should not be set on objects to be created")),
                false};
    QString name = metadata.value(QStringLiteral("name")).toString();
    const QString generateName = metadata.value(QStringLiteral("generateName")).toString();
    if (name.isEmpty() && !generateName.isEmpty()) {
        do {
            name = generateName.left(58) + util::randomSuffix(5);
        } while (m_store->contains(type, ns, name));
        metadata.insert(QStringLiteral("name"), name);
    }
    for (const char *field :
         {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
          "managedFields", "selfLink", "generation"})
        metadata.remove(QString::fromLatin1(field));
    if (type.hasGeneration)
        metadata.insert(QStringLiteral("generation"), 1);
    object.insert(kMetadata, metadata);
    object.insert(QStringLiteral("apiVersion"), type.apiVersion());
    object.insert(QStringLiteral("kind"), type.kind);
    if (&type == &catalog().pods() || &type == &catalog().deployments() ||
        &type == &catalog().replicaSets() || &type == &catalog().services() ||
        &type == &catalog().namespaces())
        object.remove(kStatus);
    Defaulter::apply(type, object);
    const QJsonArray causes = Validator::validate(type, object, nullptr);
    if (!causes.isEmpty())
        return {{}, ApiError::invalid(type, name, causes), false};
    if (&type == &catalog().services()) {
        QJsonObject spec = object.value(kSpec).toObject();
        const QString requested = spec.value(QStringLiteral("clusterIP")).toString();
        if (spec.value(QStringLiteral("type")).toString() == QLatin1String("ExternalName")) {
            // no cluster IP
        } else if (requested == QLatin1String("None")) {
            spec.insert(QStringLiteral("clusterIPs"), QJsonArray{requested});
        } else if (!requested.isEmpty()) {
            if (QHostAddress(requested).isNull())
                return {{},
                        ApiError::invalid(
                            type, name,
                            QJsonArray{invalidCause(
                                QStringLiteral("FieldValueInvalid"),
                                QStringLiteral("spec.clusterIPs[0]"),
                                QStringLiteral("Invalid value: \"%1\": must be a valid IP address")
                                    .arg(requested))}),
                        false};
            if (m_usedClusterIps.contains(requested))
                return {
                    {},
                    ApiError::invalid(
                        type, name,
                        QJsonArray{invalidCause(
                            QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.clusterIPs"),
                            QStringLiteral("Invalid value: []string{\"%1\"}: failed to allocate IP "
                                           "%1: provided IP is already allocated")
                                .arg(requested))}),
                    false};
            spec.insert(QStringLiteral("clusterIPs"), QJsonArray{requested});
        } else {
            const QString ip = dryRun ? QStringLiteral("10.43.255.254") : allocateClusterIp();
            spec.insert(QStringLiteral("clusterIP"), ip);
            spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
        }
        if (!requested.isEmpty() && requested != QLatin1String("None") && !dryRun)
            m_usedClusterIps.insert(requested);
        const QString serviceType = spec.value(QStringLiteral("type")).toString();
        if (serviceType == QLatin1String("NodePort") ||
            serviceType == QLatin1String("LoadBalancer")) {
            QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
            for (qsizetype i = 0; i < ports.size(); ++i) {
                QJsonObject port = ports.at(i).toObject();
                if (!port.contains(QStringLiteral("nodePort"))) {
                    int candidate = 0;
                    do {
                        candidate = 30000 + int(QRandomGenerator::global()->bounded(2768));
                    } while (m_usedNodePorts.contains(candidate));
                    if (!dryRun)
                        m_usedNodePorts.insert(candidate);
                    port.insert(QStringLiteral("nodePort"), candidate);
                }
                ports.replace(i, port);
            }
            spec.insert(QStringLiteral("ports"), ports);
            spec.insert(QStringLiteral("externalTrafficPolicy"),
                        spec.value(QStringLiteral("externalTrafficPolicy"))
                            .toString(QStringLiteral("Cluster")));
        }
        object.insert(kSpec, spec);
    }
    if (m_store->contains(type, ns, name))
        return {{}, ApiError::alreadyExists(type, name), false};
    if (dryRun) {
        metadata = object.value(kMetadata).toObject();
        metadata.insert(QStringLiteral("uid"), util::newUid());
        metadata.insert(QStringLiteral("creationTimestamp"), util::now());
        object.insert(kMetadata, metadata);
        return {object, std::nullopt, false};
    }
    return {m_store->create(type, object), std::nullopt, false};
}

WriteResult ObjectService::update(const ResourceType &type, const QString &ns, const QString &name,
                                  QJsonObject object, const QString &subresource, bool dryRun) {
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString bodyName = metadata.value(QStringLiteral("name")).toString();
    if (bodyName.isEmpty()) {
        metadata.insert(QStringLiteral("name"), name);
    } else if (bodyName != name) {
        return {{},
                ApiError::badRequest(
                    QStringLiteral(
                        "the name of the object (%1) does not match the name on the URL (%2)")
                        .arg(bodyName, name)),
                false};
    }
    if (type.namespaced) {
        const QString bodyNs = metadata.value(QStringLiteral("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != ns)
            return {
                {},
                ApiError::badRequest(QStringLiteral("the namespace of the provided object does not "
                                                    "match the namespace sent on the request")),
                false};
        metadata.insert(QStringLiteral("namespace"), ns);
    }
    const auto existing = m_store->get(type, ns, name);
    if (!existing) {
        if (&type == &catalog().events() && subresource.isEmpty()) {
            object.insert(kMetadata, metadata);
            metadata.remove(QStringLiteral("resourceVersion"));
            object.insert(kMetadata, metadata);
            return create(type, ns, object, dryRun);
        }
        return {{}, ApiError::notFound(type, name), false};
    }
    const QJsonObject oldMeta = existing->value(kMetadata).toObject();
    const QString requestedRv = metadata.value(QStringLiteral("resourceVersion")).toString();
    if (!requestedRv.isEmpty() &&
        requestedRv != oldMeta.value(QStringLiteral("resourceVersion")).toString())
        return {{},
                ApiError::conflict(type, name,
                                   QStringLiteral("the object has been modified; please apply your "
                                                  "changes to the latest version and try again")),
                false};
    const QString requestedUid = metadata.value(QStringLiteral("uid")).toString();
    if (!requestedUid.isEmpty() && requestedUid != oldMeta.value(QStringLiteral("uid")).toString())
        return {{},
                ApiError::conflict(
                    type, name,
                    QStringLiteral(
                        "Precondition failed: UID in precondition: %1, UID in object meta: %2")
                        .arg(requestedUid, oldMeta.value(QStringLiteral("uid")).toString())),
                false};

    QJsonObject updated;
    if (subresource == QLatin1String("status")) {
        updated = *existing;
        updated.insert(kStatus, object.value(kStatus));
        if (!object.contains(kStatus))
            updated.remove(kStatus);
    } else {
        updated = object;
        // System metadata is the server's.
        for (const char *field : {"uid", "creationTimestamp", "deletionTimestamp",
                                  "deletionGracePeriodSeconds", "generation"}) {
            const QString key = QString::fromLatin1(field);
            if (oldMeta.contains(key))
                metadata.insert(key, oldMeta.value(key));
            else
                metadata.remove(key);
        }
        metadata.remove(QStringLiteral("managedFields"));
        metadata.remove(QStringLiteral("selfLink"));
        if (util::isTerminating(*existing)) {
            // A terminating object can lose finalizers but not gain them.
            QJsonArray kept;
            const QJsonArray oldFinalizers = finalizersOf(*existing);
            for (const auto &f : metadata.value(kFinalizers).toArray()) {
                if (oldFinalizers.contains(f))
                    kept.append(f);
            }
            if (kept.isEmpty())
                metadata.remove(kFinalizers);
            else
                metadata.insert(kFinalizers, kept);
        }
        updated.insert(kMetadata, metadata);
        updated.insert(QStringLiteral("apiVersion"), type.apiVersion());
        updated.insert(QStringLiteral("kind"), type.kind);
        if (existing->contains(kStatus) && &type != &catalog().events())
            updated.insert(kStatus, existing->value(kStatus));
        else if (&type != &catalog().events())
            updated.remove(kStatus);
        if (&type == &catalog().namespaces())
            updated.insert(kSpec, existing->value(kSpec));
        if (&type == &catalog().services()) {
            // Cluster IPs and node ports are allocated once.
            QJsonObject spec = updated.value(kSpec).toObject();
            const QJsonObject oldSpec = existing->value(kSpec).toObject();
            for (const char *field : {"clusterIP", "clusterIPs"}) {
                const QString key = QString::fromLatin1(field);
                if (!spec.contains(key) && oldSpec.contains(key))
                    spec.insert(key, oldSpec.value(key));
            }
            if (spec.value(QStringLiteral("clusterIP")) !=
                oldSpec.value(QStringLiteral("clusterIP")))
                return {{},
                        ApiError::invalid(
                            type, name,
                            QJsonArray{invalidCause(
                                QStringLiteral("FieldValueInvalid"),
                                QStringLiteral("spec.clusterIPs[0]"),
                                QStringLiteral("Invalid value: %1: may not change once set")
                                    .arg(spec.value(QStringLiteral("clusterIP")).toString()))}),
                        false};
            updated.insert(kSpec, spec);
        }
        Defaulter::apply(type, updated);
        if (type.hasGeneration && updated.value(kSpec) != existing->value(kSpec)) {
            QJsonObject m = updated.value(kMetadata).toObject();
            m.insert(QStringLiteral("generation"),
                     oldMeta.value(QStringLiteral("generation")).toInteger(1) + 1);
            updated.insert(kMetadata, m);
        }
    }
    const QJsonArray causes = Validator::validate(type, updated, &*existing);
    if (!causes.isEmpty())
        return {{}, ApiError::invalid(type, name, causes), false};
    {
        QJsonObject m = updated.value(kMetadata).toObject();
        m.insert(QStringLiteral("resourceVersion"),
                 oldMeta.value(QStringLiteral("resourceVersion")));
        updated.insert(kMetadata, m);
    }
    if (withoutResourceVersion(updated) == withoutResourceVersion(*existing))
        return {*existing, std::nullopt, false};
    if (dryRun)
        return {updated, std::nullopt, false};
    // The last finalizer gone on a terminating object: it is deleted now.
    if (util::isTerminating(updated) && finalizersOf(updated).isEmpty() &&
        !(&type == &catalog().pods() && !updated.value(kSpec)
                                             .toObject()
                                             .value(QStringLiteral("nodeName"))
                                             .toString()
                                             .isEmpty()) &&
        &type != &catalog().namespaces()) {
        m_store->update(type, updated);
        return {m_store->remove(type, ns, name), std::nullopt, true};
    }
    return {m_store->update(type, updated), std::nullopt, false};
}

WriteResult ObjectService::remove(const ResourceType &type, const QString &ns, const QString &name,
                                  const DeleteOptions &options) {
    const auto existing = m_store->get(type, ns, name);
    if (!existing)
        return {{}, ApiError::notFound(type, name), false};
    const QJsonObject meta = existing->value(kMetadata).toObject();
    if (!options.preconditionUid.isEmpty() &&
        options.preconditionUid != meta.value(QStringLiteral("uid")).toString())
        return {
            {},
            ApiError::conflict(
                type, name,
                QStringLiteral(
                    "Precondition failed: UID in precondition: %1, UID in object meta: %2")
                    .arg(options.preconditionUid, meta.value(QStringLiteral("uid")).toString())),
            false};
    if (!options.preconditionResourceVersion.isEmpty() &&
        options.preconditionResourceVersion !=
            meta.value(QStringLiteral("resourceVersion")).toString())
        return {{},
                ApiError::conflict(
                    type, name,
                    QStringLiteral("Precondition failed: ResourceVersion in precondition: %1, "
                                   "ResourceVersion in object meta: %2")
                        .arg(options.preconditionResourceVersion,
                             meta.value(QStringLiteral("resourceVersion")).toString())),
                false};
    const QString policy = options.propagationPolicy;
    if (!policy.isEmpty() && policy != QLatin1String("Background") &&
        policy != QLatin1String("Foreground") && policy != QLatin1String("Orphan"))
        return {{},
                ApiError::invalid(type, name,
                                  QJsonArray{invalidCause(
                                      QStringLiteral("FieldValueNotSupported"),
                                      QStringLiteral("propagationPolicy"),
                                      QStringLiteral("Unsupported value: \"%1\": supported values: "
                                                     "\"Foreground\", \"Background\", \"Orphan\"")
                                          .arg(policy))}),
                false};
    if (options.gracePeriodSeconds && *options.gracePeriodSeconds < 0)
        return {{},
                ApiError::invalid(
                    type, name,
                    QJsonArray{invalidCause(QStringLiteral("FieldValueInvalid"),
                                            QStringLiteral("gracePeriodSeconds"),
                                            QStringLiteral("Invalid value: %1: must be >= 0")
                                                .arg(*options.gracePeriodSeconds))}),
                false};

    QJsonObject marked = *existing;
    QJsonObject markedMeta = meta;
    QJsonArray finalizers = meta.value(kFinalizers).toArray();
    bool pending = !finalizers.isEmpty();
    const bool alreadyTerminating = util::isTerminating(*existing);
    if (policy == QLatin1String("Foreground") && !finalizers.contains(kForeground) &&
        !m_store->dependents(meta.value(QStringLiteral("uid")).toString()).isEmpty()) {
        finalizers.append(kForeground);
        pending = true;
    } else if (policy == QLatin1String("Orphan") && !finalizers.contains(kOrphan)) {
        finalizers.append(kOrphan);
        pending = true;
    }
    if (!finalizers.isEmpty())
        markedMeta.insert(kFinalizers, finalizers);

    qint64 grace = 0;
    if (&type == &catalog().pods()) {
        grace = options.gracePeriodSeconds.value_or(
            existing->value(kSpec)
                .toObject()
                .value(QStringLiteral("terminationGracePeriodSeconds"))
                .toInteger(30));
        const QString phase =
            existing->value(kStatus).toObject().value(QStringLiteral("phase")).toString();
        if (existing->value(kSpec)
                .toObject()
                .value(QStringLiteral("nodeName"))
                .toString()
                .isEmpty() ||
            phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            grace = 0;
        if (grace > 0) {
            pending = true;
            if (alreadyTerminating) {
                const qint64 current =
                    meta.value(QStringLiteral("deletionGracePeriodSeconds")).toInteger(grace);
                grace = qMin(grace, current);
            }
            markedMeta.insert(QStringLiteral("deletionGracePeriodSeconds"), grace);
        }
    } else if (&type == &catalog().namespaces()) {
        pending = true;
        QJsonObject status = marked.value(kStatus).toObject();
        status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        marked.insert(kStatus, status);
    }

    if (!pending || (&type == &catalog().pods() && grace == 0 && finalizers.isEmpty())) {
        if (options.dryRun)
            return {*existing, std::nullopt, true};
        return {m_store->remove(type, ns, name), std::nullopt, true};
    }
    if (!alreadyTerminating || &type == &catalog().pods()) {
        QDateTime when = QDateTime::currentDateTimeUtc().addSecs(grace);
        if (alreadyTerminating && &type != &catalog().pods())
            when = util::parseTimestamp(meta.value(QStringLiteral("deletionTimestamp")).toString());
        markedMeta.insert(QStringLiteral("deletionTimestamp"), util::timestamp(when));
        if (!markedMeta.contains(QStringLiteral("deletionGracePeriodSeconds")))
            markedMeta.insert(QStringLiteral("deletionGracePeriodSeconds"), 0);
    }
    marked.insert(kMetadata, markedMeta);
    if (options.dryRun)
        return {marked, std::nullopt, false};
    if (marked == *existing)
        return {*existing, std::nullopt, false};
    const QJsonObject stored = m_store->update(type, marked);
    if (&type == &catalog().namespaces() && !m_terminatingNamespaces.contains(name)) {
        // The namespace controller gets to it after a moment, as in a real cluster.
        m_terminatingNamespaces.append(name);
        QTimer::singleShot(1000, this, [this, name]() { processNamespaceDeletion(name); });
    }
    return {stored, std::nullopt, false};
}

QJsonObject ObjectService::writeInternal(const ResourceType &type, const QJsonObject &object) {
    const auto existing = m_store->get(type, util::namespaceOf(object), util::name(object));
    if (existing && withoutResourceVersion(*existing) == withoutResourceVersion(object))
        return *existing;
    if (existing && util::isTerminating(object) && finalizersOf(object).isEmpty() &&
        &type != &catalog().pods() && &type != &catalog().namespaces()) {
        m_store->update(type, object);
        return m_store->remove(type, util::namespaceOf(object), util::name(object));
    }
    return existing ? m_store->update(type, object) : m_store->create(type, object);
}

void ObjectService::finishPodDeletion(const QString &ns, const QString &name) {
    const auto pod = m_store->get(catalog().pods(), ns, name);
    if (!pod || !util::isTerminating(*pod))
        return;
    if (!finalizersOf(*pod).isEmpty())
        return;
    m_store->remove(catalog().pods(), ns, name);
}

void ObjectService::onStoreChanged(const StoreEvent &event) {
    if (event.type == QLatin1String("DELETED")) {
        m_goneOwners.append(util::uid(event.previous));
        // An owner waiting in foreground deletion may now be free to go.
        for (const auto &ref : event.previous.value(kMetadata)
                                   .toObject()
                                   .value(QStringLiteral("ownerReferences"))
                                   .toArray()) {
            const QJsonObject r = ref.toObject();
            const ResourceType *ownerType =
                catalog().findByKind(r.value(QStringLiteral("apiVersion")).toString(),
                                     r.value(QStringLiteral("kind")).toString());
            if (ownerType)
                m_finalizing.append(
                    {ownerType,
                     ObjectStore::key(ownerType->namespaced ? util::namespaceOf(event.previous)
                                                            : QString(),
                                      r.value(QStringLiteral("name")).toString())});
        }
        scheduleGc();
        return;
    }
    if (util::isTerminating(event.object)) {
        const QJsonArray finalizers = finalizersOf(event.object);
        if (finalizers.contains(kForeground) || finalizers.contains(kOrphan)) {
            m_finalizing.append({event.resource, ObjectStore::key(util::namespaceOf(event.object),
                                                                  util::name(event.object))});
            scheduleGc();
        }
    }
}

void ObjectService::scheduleGc() {
    if (m_gcScheduled)
        return;
    m_gcScheduled = true;
    QTimer::singleShot(0, this, &ObjectService::runGc);
}

void ObjectService::runGc() {
    m_gcScheduled = false;
    const QStringList gone = std::exchange(m_goneOwners, {});
    for (const QString &uid : gone)
        processOwnerGone(uid);
    const auto finalizing = std::exchange(m_finalizing, {});
    for (const auto &[type, key] : finalizing) {
        const auto slash = key.indexOf(QLatin1Char('/'));
        const QString ns = type->namespaced ? key.left(slash) : QString();
        const QString name = type->namespaced ? key.mid(slash + 1) : key;
        if (const auto object = m_store->get(*type, ns, name))
            processFinalizers(*type, *object);
    }
}

bool ObjectService::ownerExists(const QJsonObject &ref, const QString &ns) const {
    const ResourceType *ownerType =
        catalog().findByKind(ref.value(QStringLiteral("apiVersion")).toString(),
                             ref.value(QStringLiteral("kind")).toString());
    if (!ownerType)
        return true; // unknown kinds are not ours to judge
    const auto owner = m_store->get(*ownerType, ns, ref.value(QStringLiteral("name")).toString());
    return owner && util::uid(*owner) == ref.value(QStringLiteral("uid")).toString();
}

void ObjectService::processOwnerGone(const QString &ownerUid) {
    for (const auto &[type, dependent] : m_store->dependents(ownerUid)) {
        const QString ns = util::namespaceOf(dependent);
        QJsonArray remaining;
        for (const auto &ref : dependent.value(kMetadata)
                                   .toObject()
                                   .value(QStringLiteral("ownerReferences"))
                                   .toArray()) {
            if (ref.toObject().value(QStringLiteral("uid")).toString() != ownerUid &&
                ownerExists(ref.toObject(), ns))
                remaining.append(ref);
        }
        if (remaining.isEmpty()) {
            if (!util::isTerminating(dependent))
                remove(*type, ns, util::name(dependent), DeleteOptions{});
        } else {
            QJsonObject updated = dependent;
            QJsonObject meta = updated.value(kMetadata).toObject();
            meta.insert(QStringLiteral("ownerReferences"), remaining);
            updated.insert(kMetadata, meta);
            m_store->update(*type, updated);
        }
    }
}

QJsonObject ObjectService::removeFinalizer(const ResourceType &type, QJsonObject object,
                                           const QString &finalizer) {
    QJsonObject meta = object.value(kMetadata).toObject();
    QJsonArray finalizers = meta.value(kFinalizers).toArray();
    for (qsizetype i = finalizers.size() - 1; i >= 0; --i) {
        if (finalizers.at(i).toString() == finalizer)
            finalizers.removeAt(i);
    }
    if (finalizers.isEmpty())
        meta.remove(kFinalizers);
    else
        meta.insert(kFinalizers, finalizers);
    object.insert(kMetadata, meta);
    return writeInternal(type, object);
}

void ObjectService::processFinalizers(const ResourceType &type, const QJsonObject &object) {
    if (!util::isTerminating(object))
        return;
    const QJsonArray finalizers = finalizersOf(object);
    const QString uid = util::uid(object);
    if (finalizers.contains(kOrphan)) {
        for (const auto &[depType, dependent] : m_store->dependents(uid)) {
            QJsonObject updated = dependent;
            QJsonObject meta = updated.value(kMetadata).toObject();
            QJsonArray refs;
            for (const auto &ref : meta.value(QStringLiteral("ownerReferences")).toArray()) {
                if (ref.toObject().value(QStringLiteral("uid")).toString() != uid)
                    refs.append(ref);
            }
            if (refs.isEmpty())
                meta.remove(QStringLiteral("ownerReferences"));
            else
                meta.insert(QStringLiteral("ownerReferences"), refs);
            updated.insert(kMetadata, meta);
            m_store->update(*depType, updated);
        }
        removeFinalizer(type, object, kOrphan);
        return;
    }
    if (finalizers.contains(kForeground)) {
        bool blocking = false;
        for (const auto &[depType, dependent] : m_store->dependents(uid)) {
            blocking = true;
            if (!util::isTerminating(dependent)) {
                DeleteOptions options;
                options.propagationPolicy = QStringLiteral("Foreground");
                remove(*depType, util::namespaceOf(dependent), util::name(dependent), options);
            }
        }
        if (!blocking)
            removeFinalizer(type, object, kForeground);
    }
}

void ObjectService::processNamespaceDeletion(const QString &ns) {
    const auto nsObject = m_store->get(catalog().namespaces(), {}, ns);
    if (!nsObject) {
        m_terminatingNamespaces.removeAll(ns);
        return;
    }
    bool remaining = false;
    for (const auto &type : catalog().types()) {
        if (!type.namespaced)
            continue;
        for (const QJsonObject &object : m_store->list(type, ns)) {
            remaining = true;
            if (!util::isTerminating(object))
                remove(type, ns, util::name(object),
                       DeleteOptions{QStringLiteral("Background"), 0, {}, {}, false});
            else if (&type == &catalog().pods())
                finishPodDeletion(ns, util::name(object));
        }
    }
    if (!remaining) {
        m_terminatingNamespaces.removeAll(ns);
        m_store->remove(catalog().namespaces(), {}, ns);
    } else {
        QTimer::singleShot(200, this, [this, ns]() { processNamespaceDeletion(ns); });
    }
}

} // namespace kiosk::sim
