#pragma once

#include "meds/dose_entry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace kiosk::meds {

class MedicationStore;

// A dose entry waiting in the sync outbox.
struct QueuedDose {
    qint64 seq = 0;
    DoseEntry entry;
};

// The dose log in the medication database (table doses, migration 4). Appending is one
// transaction with synchronous=FULL that also queues the entry in the sync outbox (op 'dose'),
// so a dose acknowledged on screen or by the CLI survives a kill and reaches the service.
// Entries are never changed or deleted here; the service's copies are merged in by UUID.
class DoseLog {
public:
    explicit DoseLog(MedicationStore &store);

    // Stores a new entry (a UUID, logged_at and the device are filled in when missing) and
    // returns it as stored.
    std::optional<DoseEntry> append(DoseEntry entry, QString *error);

    // Entries with from <= at < to (either may be invalid: open), of one medication when
    // medicationUuid is set, oldest first.
    std::optional<QList<DoseEntry>> entries(const QDateTime &from, const QDateTime &to,
                                            const QString &medicationUuid, QString *error) const;
    std::optional<DoseEntry> entry(const QString &uuid, QString *error) const;
    int count() const;

    // Sync: the entries queued for the service, oldest first.
    std::optional<QList<QueuedDose>> pending(QString *error) const;
    // The service stored these (its answers): out of the outbox, its version kept.
    bool acknowledge(const QList<QPair<QueuedDose, QJsonObject>> &stored, QString *error);
    // The service holds a different entry under the same UUID: its copy wins (an entry is never
    // edited, so this only happens to a corrupt or forged copy) and ours leaves the outbox.
    bool takeRemote(const QueuedDose &queued, const QJsonObject &current, QString *error);
    bool noteFailure(const QList<QueuedDose> &entries, const QString &why, QString *error);
    // One page of the service's dose entries and the cursor after it, in one transaction;
    // returns how many were new here. Records that cannot be a dose go to *rejected.
    std::optional<int> applyRemote(const QList<QJsonObject> &records, const QString &cursor,
                                   QStringList *rejected, QString *error);
    QString cursor() const;

    QString deviceName() const { return m_deviceName; }
    void setDeviceName(const QString &name) { m_deviceName = name; }

private:
    bool run(const QString &sql, const QVariantList &values, QString *error) const;
    bool insert(const DoseEntry &entry, QString *error);
    template <typename Body> bool transaction(QString *error, Body body);

    MedicationStore &m_store;
    QString m_deviceName;
};

} // namespace kiosk::meds
