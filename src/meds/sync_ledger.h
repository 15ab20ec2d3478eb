#pragma once

#include "meds/medication.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::meds {

class MedicationStore;

// One queued change on its way to the medication service.
struct OutboxEntry {
    enum class Op { Put, Delete };
    qint64 seq = 0;
    QString uuid;
    Op op = Op::Put;
    std::optional<qint64>
        baseVersion;  // the service's version this change was made on; none for new
    QJsonObject body; // what a PUT sends
    QString title;    // "Lisinopril 10 mg", for messages
    int attempts = 0;
};

// A record changed both here and elsewhere, kept in both versions until a person picks one.
struct SyncConflict {
    QString uuid;
    std::optional<Medication> local; // nullopt: deleted on this tablet
    QJsonObject remote;              // the service's record (deleted: true when deleted there)
    QStringList fields;              // changed on both sides; empty for an edit against a deletion
    QDateTime detectedAt;
    QString title() const;
    QString remoteDevice() const; // the service's updated_by
};

struct SyncStatus {
    int pending = 0;
    int conflicts = 0;
    QDateTime lastSyncAt; // the last round that finished, UTC
    QDateTime lastAttemptAt;
    QString lastError; // of the last round, empty when it worked
    QString cursor;
};

// What one page of the service's changes did here.
struct PullResult {
    int applied = 0;      // records added, changed or deleted on this tablet
    int merged = 0;       // merged with a change waiting here (pushed next)
    int conflicts = 0;    // new conflicts
    QStringList rejected; // records that cannot be a medication, one sentence each
};

// The sync side of the medication database: the outbox MedicationStore fills, what the service
// last agreed to for each record (its version, content and unknown fields), the conflicts and
// the pull cursor. Every method is one transaction of the store's database, so a kill at any
// moment leaves either the state before or after, and a retried push does nothing twice.
class SyncLedger {
public:
    enum class Outcome { Settled, Retry, Conflict };
    enum class Keep { Local, Remote };

    explicit SyncLedger(MedicationStore &store);

    // The name this device gives the service: KILO_KIOSK_DEVICE_NAME, else the host name.
    static QString defaultDeviceName();
    QString deviceName() const { return m_deviceName; }
    void setDeviceName(const QString &name) { m_deviceName = name; }

    // Queued changes in order, without records waiting in a conflict.
    std::optional<QList<OutboxEntry>> pending(QString *error) const;
    std::optional<OutboxEntry> pendingFor(const QString &uuid, QString *error) const;
    // The service stored the change (its record as answered); for a delete, its tombstone.
    bool acknowledge(const QList<QPair<OutboxEntry, QJsonObject>> &stored, QString *error);
    // The service holds another version (412 with its current record): our own earlier push
    // (settled), a change on a different field (merged; push again) or a conflict.
    std::optional<Outcome> reconcile(const OutboxEntry &entry, const QJsonObject &current,
                                     QString *error);
    // The service does not know the record (404): a delete is done, a put is sent as new.
    bool forgetRemote(const OutboxEntry &entry, QString *error);
    bool noteFailure(const QList<OutboxEntry> &entries, const QString &why, QString *error);

    // One page of the service's changes and the cursor after it, in one transaction.
    std::optional<PullResult> applyRemote(const QList<QJsonObject> &records, const QString &cursor,
                                          QString *error);
    QString cursor() const;

    std::optional<QList<SyncConflict>> conflicts(QString *error) const;
    // Settles a conflict: the kept version becomes the record here and goes to the service.
    bool resolve(const QString &uuid, Keep keep, QString *error);

    SyncStatus status() const;
    bool noteRound(bool succeeded, const QString &error);

private:
    struct Known {
        qint64 version = 0;
        QJsonObject base;
        QJsonObject extra;
        bool deleted = false;
    };
    std::optional<Known> known(const QString &uuid) const;
    bool remember(const QString &uuid, const QJsonObject &record, QString *error);
    bool run(const QString &sql, const QVariantList &values, QString *error) const;
    bool dropFromOutbox(const QString &uuid, std::optional<qint64> seq, QString *error);
    bool addConflict(const QString &uuid, const std::optional<Medication> &local,
                     const QJsonObject &remote, const QStringList &fields, QString *error);
    // Writes the service's record here (insert, update or delete), outside the outbox.
    bool applyHere(const QJsonObject &record, const std::optional<Medication> &local,
                   QString *error);
    bool writeMerged(const Medication &local, const QJsonObject &content, QString *error);
    bool setMeta(const QString &key, const QString &value, QString *error);
    QString meta(const QString &key) const;
    template <typename Body> bool transaction(QString *error, Body body);

    MedicationStore &m_store;
    QString m_deviceName = defaultDeviceName();
};

} // namespace kiosk::meds
