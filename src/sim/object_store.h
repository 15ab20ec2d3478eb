#pragma once

#include "sim/resource_type.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <optional>

namespace kiosk::sim {

// One change to the store, as a watch delivers it.
struct StoreEvent {
    QString type; // ADDED, MODIFIED, DELETED
    const ResourceType *resource = nullptr;
    QJsonObject
        object; // the new state (for DELETED: the last state, with the deletion's resourceVersion)
    QJsonObject previous; // the state before (MODIFIED and DELETED)
    qint64 resourceVersion = 0;
};

// The simulator's etcd: every object of every resource, one global revision counter that
// becomes each write's metadata.resourceVersion, keys ordered the way etcd orders
// /registry/<resource>/<namespace>/<name>, a bounded history of changes for watches (older
// revisions are "compacted" and answer 410), and an index of dependents by owner uid.
class ObjectStore : public QObject {
    Q_OBJECT

public:
    explicit ObjectStore(QObject *parent = nullptr);

    qint64 resourceVersion() const { return m_revision; }
    // The newest revision whose history has been dropped: watching from an older one is 410.
    qint64 compactedRevision() const { return m_compacted; }
    void setHistoryLimit(int events) { m_historyLimit = qMax(1, events); }
    // Drops the whole watch history (as etcd compaction does).
    void compact();

    static QString key(const QString &ns, const QString &name) {
        return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
    }

    std::optional<QJsonObject> get(const ResourceType &type, const QString &ns,
                                   const QString &name) const;
    bool contains(const ResourceType &type, const QString &ns, const QString &name) const;
    int count(const ResourceType &type) const;
    // Visits objects of `type` in key order, restricted to `ns` when not empty, starting after
    // `afterKey` when not empty; the visitor returns false to stop. It receives the key, the object
    // and its compact JSON as a list item (no kind/apiVersion; cached).
    void visit(const ResourceType &type, const QString &ns, const QString &afterKey,
               const std::function<bool(const QString &, const QJsonObject &, const QByteArray &)>
                   &visitor) const;
    QList<QJsonObject> list(const ResourceType &type, const QString &ns = {}) const;

    // Writes. The store sets metadata.resourceVersion (and, on create, uid and
    // creationTimestamp when missing) and records the change. They return the stored object.
    QJsonObject create(const ResourceType &type, QJsonObject object);
    QJsonObject update(const ResourceType &type, QJsonObject object);
    QJsonObject remove(const ResourceType &type, const QString &ns, const QString &name);

    // Objects of `type` (in `ns` when not empty) that no controller owns, in key order: what a
    // controller may adopt, found without visiting every object of the type.
    QList<QJsonObject> uncontrolled(const ResourceType &type, const QString &ns = {}) const;
    // Objects (of any resource) that name `ownerUid` in their ownerReferences.
    QList<std::pair<const ResourceType *, QJsonObject>> dependents(const QString &ownerUid) const;

    // Changes after `resourceVersion`, oldest first (only those still in the history).
    std::vector<StoreEvent> eventsSince(qint64 resourceVersion) const;

signals:
    void changed(const kiosk::sim::StoreEvent &event);

private:
    struct Entry {
        QJsonObject object;
        mutable QByteArray json;
    };
    using Table = QMap<QString, Entry>;

    void record(StoreEvent event);
    void indexOwners(const ResourceType &type, const QString &key, const QJsonObject &object,
                     bool add);

    QHash<const ResourceType *, Table> m_tables;
    QHash<QString, QSet<QString>> m_dependents;                // owner uid -> "plural\nkey"
    QHash<const ResourceType *, QSet<QString>> m_uncontrolled; // keys without a controller ref
    std::deque<StoreEvent> m_history;
    qint64 m_revision = 1;
    qint64 m_compacted = 0;
    int m_historyLimit = 20000;
};

} // namespace kiosk::sim
