#include "sim/object_store.h"

#include "sim/object_util.h"

#include <QJsonArray>

#include <algorithm>

namespace kiosk::sim {

namespace {
const QString kMetadata = QStringLiteral("metadata");
} // namespace

ObjectStore::ObjectStore(QObject *parent)
    : QObject(parent) {
    for (const auto &type : ResourceCatalog::instance().types())
        m_tables.insert(&type, Table());
}

void ObjectStore::compact() {
    m_history.clear();
    m_compacted = m_revision;
}

std::optional<QJsonObject> ObjectStore::get(const ResourceType &type, const QString &ns,
                                            const QString &name) const {
    const Table &table = m_tables[&type];
    const auto it = table.constFind(key(type.namespaced ? ns : QString(), name));
    if (it == table.cend())
        return std::nullopt;
    return it->object;
}

bool ObjectStore::contains(const ResourceType &type, const QString &ns, const QString &name) const {
    return m_tables[&type].contains(key(type.namespaced ? ns : QString(), name));
}

int ObjectStore::count(const ResourceType &type) const {
    return int(m_tables[&type].size());
}

void ObjectStore::visit(const ResourceType &type, const QString &ns, const QString &afterKey,
                        const std::function<bool(const QString &, const QJsonObject &,
                                                 const QByteArray &)> &visitor) const {
    const Table &table = m_tables[&type];
    const QString prefix = ns.isEmpty() ? QString() : ns + QLatin1Char('/');
    auto it = table.cbegin();
    if (!afterKey.isEmpty())
        it = table.upperBound(afterKey);
    else if (!prefix.isEmpty())
        it = table.lowerBound(prefix);
    for (; it != table.cend(); ++it) {
        if (!prefix.isEmpty() && !it.key().startsWith(prefix))
            break;
        if (it->json.isEmpty()) {
            // List items carry no kind/apiVersion, as the apiserver serializes them.
            QJsonObject item = it->object;
            item.remove(QStringLiteral("kind"));
            item.remove(QStringLiteral("apiVersion"));
            it->json = util::toJson(item);
        }
        if (!visitor(it.key(), it->object, it->json))
            break;
    }
}

QList<QJsonObject> ObjectStore::list(const ResourceType &type, const QString &ns) const {
    QList<QJsonObject> result;
    visit(type, ns, {}, [&](const QString &, const QJsonObject &object, const QByteArray &) {
        result.append(object);
        return true;
    });
    return result;
}

QJsonObject ObjectStore::create(const ResourceType &type, QJsonObject object) {
    QJsonObject metadata = object.value(kMetadata).toObject();
    if (!metadata.contains(QStringLiteral("uid")))
        metadata.insert(QStringLiteral("uid"), util::newUid());
    if (!metadata.contains(QStringLiteral("creationTimestamp")))
        metadata.insert(QStringLiteral("creationTimestamp"), util::now());
    if (!type.namespaced)
        metadata.remove(QStringLiteral("namespace"));
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(++m_revision));
    object.insert(kMetadata, metadata);
    const QString k =
        key(type.namespaced ? metadata.value(QStringLiteral("namespace")).toString() : QString(),
            metadata.value(QStringLiteral("name")).toString());
    m_tables[&type].insert(k, Entry{object, {}});
    indexOwners(type, k, object, true);
    record({QStringLiteral("ADDED"), &type, object, {}, m_revision});
    return object;
}

QJsonObject ObjectStore::update(const ResourceType &type, QJsonObject object) {
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString k =
        key(type.namespaced ? metadata.value(QStringLiteral("namespace")).toString() : QString(),
            metadata.value(QStringLiteral("name")).toString());
    Table &table = m_tables[&type];
    auto it = table.find(k);
    if (it == table.end())
        return create(type, object);
    const QJsonObject previous = it->object;
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(++m_revision));
    object.insert(kMetadata, metadata);
    indexOwners(type, k, previous, false);
    it->object = object;
    it->json.clear();
    indexOwners(type, k, object, true);
    record({QStringLiteral("MODIFIED"), &type, object, previous, m_revision});
    return object;
}

QJsonObject ObjectStore::remove(const ResourceType &type, const QString &ns, const QString &name) {
    const QString k = key(type.namespaced ? ns : QString(), name);
    Table &table = m_tables[&type];
    auto it = table.find(k);
    if (it == table.end())
        return {};
    const QJsonObject previous = it->object;
    table.erase(it);
    indexOwners(type, k, previous, false);
    QJsonObject last = previous;
    QJsonObject metadata = last.value(kMetadata).toObject();
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(++m_revision));
    last.insert(kMetadata, metadata);
    record({QStringLiteral("DELETED"), &type, last, previous, m_revision});
    return last;
}

QList<QJsonObject> ObjectStore::uncontrolled(const ResourceType &type, const QString &ns) const {
    const QString prefix = ns.isEmpty() ? QString() : ns + QLatin1Char('/');
    QStringList keys;
    for (const QString &k : m_uncontrolled.value(&type)) {
        if (prefix.isEmpty() || k.startsWith(prefix))
            keys << k;
    }
    keys.sort(); // the table's (QMap's) order
    const Table &table = m_tables[&type];
    QList<QJsonObject> result;
    for (const QString &k : std::as_const(keys)) {
        const auto found = table.constFind(k);
        if (found != table.cend())
            result.append(found->object);
    }
    return result;
}

QList<std::pair<const ResourceType *, QJsonObject>>
ObjectStore::dependents(const QString &ownerUid) const {
    QList<std::pair<const ResourceType *, QJsonObject>> result;
    const auto it = m_dependents.constFind(ownerUid);
    if (it == m_dependents.cend())
        return result;
    QStringList entries(it->cbegin(), it->cend());
    entries.sort();
    for (const QString &entry : std::as_const(entries)) {
        const auto newline = entry.indexOf(QLatin1Char('\n'));
        const QString plural = entry.left(newline);
        const QString k = entry.mid(newline + 1);
        for (auto t = m_tables.cbegin(); t != m_tables.cend(); ++t) {
            if (t.key()->plural != plural)
                continue;
            const auto found = t->constFind(k);
            if (found != t->cend())
                result.append({t.key(), found->object});
        }
    }
    return result;
}

std::vector<StoreEvent> ObjectStore::eventsSince(qint64 resourceVersion) const {
    std::vector<StoreEvent> result;
    auto it = std::upper_bound(
        m_history.cbegin(), m_history.cend(), resourceVersion,
        [](qint64 rv, const StoreEvent &event) { return rv < event.resourceVersion; });
    for (; it != m_history.cend(); ++it)
        result.push_back(*it);
    return result;
}

void ObjectStore::record(StoreEvent event) {
    m_history.push_back(event);
    while (int(m_history.size()) > m_historyLimit) {
        m_compacted = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    emit changed(event);
}

void ObjectStore::indexOwners(const ResourceType &type, const QString &key,
                              const QJsonObject &object, bool add) {
    const QJsonArray refs =
        object.value(kMetadata).toObject().value(QStringLiteral("ownerReferences")).toArray();
    if (!add)
        m_uncontrolled[&type].remove(key);
    else if (util::controllerRef(object).isEmpty())
        m_uncontrolled[&type].insert(key);
    const QString entry = type.plural + QLatin1Char('\n') + key;
    for (const auto &ref : refs) {
        const QString owner = ref.toObject().value(QStringLiteral("uid")).toString();
        if (add) {
            m_dependents[owner].insert(entry);
        } else {
            auto it = m_dependents.find(owner);
            if (it != m_dependents.end()) {
                it->remove(entry);
                if (it->isEmpty())
                    m_dependents.erase(it);
            }
        }
    }
}

} // namespace kiosk::sim
