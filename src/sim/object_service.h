#pragma once

#include "sim/api_error.h"
#include "sim/object_store.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <optional>

namespace kiosk::sim {

struct DeleteOptions {
    QString propagationPolicy; // Background (default), Foreground, Orphan
    std::optional<qint64> gracePeriodSeconds;
    QString preconditionUid;
    QString preconditionResourceVersion;
    bool dryRun = false;
};

// The result of a write: the object as stored (or as it would be, for a dry run) or an error.
struct WriteResult {
    QJsonObject object;
    std::optional<ApiError> error;
    bool deletedNow = false; // delete: the object is gone (not just marked for deletion)
    bool ok() const { return !error.has_value(); }
};

// The registry layer between the REST handler (and the controllers) and the store: defaults,
// validation, system metadata, optimistic concurrency, status/spec separation, graceful and
// finalizer-driven deletion, and the garbage collector (owner references, propagation policies,
// namespace deletion).
class ObjectService : public QObject {
    Q_OBJECT

public:
    explicit ObjectService(ObjectStore *store, QObject *parent = nullptr);

    ObjectStore *store() const { return m_store; }

    WriteResult create(const ResourceType &type, const QString &ns, QJsonObject object,
                       bool dryRun);
    // `subresource`: "" (the main resource: status is kept) or "status" (only status changes).
    WriteResult update(const ResourceType &type, const QString &ns, const QString &name,
                       QJsonObject object, const QString &subresource, bool dryRun);
    WriteResult remove(const ResourceType &type, const QString &ns, const QString &name,
                       const DeleteOptions &options);

    // Controller-side writes: no validation, no precondition; a no-op write is skipped.
    QJsonObject writeInternal(const ResourceType &type, const QJsonObject &object);
    // Removes a terminating pod for good (the kubelet's last word on a graceful deletion).
    void finishPodDeletion(const QString &ns, const QString &name);

    // Allocations a scenario makes directly.
    QString allocateClusterIp();

private:
    void onStoreChanged(const StoreEvent &event);
    void scheduleGc();
    void runGc();
    void processOwnerGone(const QString &ownerUid);
    void processFinalizers(const ResourceType &type, const QJsonObject &object);
    void processNamespaceDeletion(const QString &ns);
    QJsonObject removeFinalizer(const ResourceType &type, QJsonObject object,
                                const QString &finalizer);
    bool ownerExists(const QJsonObject &ref, const QString &ns) const;

    ObjectStore *m_store;
    QSet<QString> m_usedClusterIps;
    QSet<int> m_usedNodePorts;
    int m_nextIp = 10;
    QStringList m_goneOwners;
    QList<std::pair<const ResourceType *, QString>> m_finalizing; // (type, key)
    QStringList m_terminatingNamespaces;
    bool m_gcScheduled = false;
};

} // namespace kiosk::sim
