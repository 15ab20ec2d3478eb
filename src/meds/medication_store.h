#pragma once

#include "meds/medication.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace kiosk::meds {

// The medications kept on this tablet: one SQLite database (WAL, foreign keys on, every write
// in one IMMEDIATE transaction with synchronous=FULL, so a write that returned is on disk and
// survives a kill of this or any other process) and a folder of label photos beside it. The
// folders are created owner-only (0700) and the files 0600. Several processes may use the same
// database at once; a busy database is waited for.
//
// Every change is recorded in the sync outbox in the same transaction (SyncLedger pushes it to
// the medication service), so a change that returned is never lost to the other devices.
//
// Every method reports failure through its return value and one sentence in *error.
class MedicationStore {
public:
    // AppDataLocation/medications.sqlite, or $KILO_KIOSK_MEDS_DB when set.
    static QString defaultDatabasePath();

    explicit MedicationStore(QString databasePath = defaultDatabasePath());
    ~MedicationStore();
    MedicationStore(const MedicationStore &) = delete;
    MedicationStore &operator=(const MedicationStore &) = delete;

    // Creates the folder and the database when missing, then brings the schema up to date.
    bool open(QString *error);
    bool isOpen() const;
    QString databasePath() const { return m_path; }
    // <database folder>/<database name>-photos
    QString photoDirectory() const;
    int schemaVersion() const;

    // Validates, stores and returns the stored record (with id and times).
    std::optional<Medication> add(const Medication &medication, QString *error);
    // Replaces the record with medication.id; created_at is kept, updated_at set.
    std::optional<Medication> update(const Medication &medication, QString *error);
    // Stops (active = false) or restarts a medication.
    std::optional<Medication> setActive(qint64 id, bool active, QString *error);
    // Deletes the record and returns it as it was (for undo). The photo file stays until
    // discardPhoto() is called for it.
    std::optional<Medication> remove(qint64 id, QString *error);
    // Puts a removed record back with its id and times (undo of remove).
    std::optional<Medication> restore(const Medication &medication, QString *error);

    std::optional<Medication> get(qint64 id, QString *error) const;
    // The record with this UUID, or nullopt (error empty when there is none).
    std::optional<Medication> readByUuid(const QString &uuid, QString *error) const;
    // Every record, active first, then by name.
    std::optional<QList<Medication>> list(QString *error) const;
    // Records with the same drug and strength as medication (other than medication.id itself).
    QList<Medication> findDuplicates(const Medication &medication, QString *error = nullptr) const;
    // Same drug, compared without case, spacing and punctuation.
    static bool sameDrug(const Medication &a, const Medication &b);

    // Copies a JPEG or PNG label photo into the photo folder; returns the stored file's path.
    std::optional<QString> importPhoto(const QString &sourcePath, QString *error);
    // Deletes a stored photo when it is in the photo folder and no record refers to it.
    bool discardPhoto(const QString &photoPath, QString *error);

    // PRAGMA data_version: changes when another connection (another process, or another store
    // in this one) commits; -1 when the database is not open.
    qint64 dataVersion() const;

    // PRAGMA integrity_check: "ok" or what is wrong.
    QString integrityCheck() const;

private:
    friend class SyncLedger;  // the sync side of the same database and transactions
    friend class DoseLog;     // the dose log, in the same database and transactions

    // Records a local change in the outbox, in the caller's transaction.
    bool queueChange(const QString &uuid, const QString &op, QString *error);
    bool ensureFiles(QString *error);
    bool migrate(QString *error);
    bool exec(const QString &sql, QString *error) const;
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    bool writeRecord(Medication &medication, bool insert, bool keepId, QString *error);
    std::optional<Medication> readRecord(qint64 id, QString *error) const;
    std::optional<QList<Medication>> query(const QString &where, const QVariant &key, QString *error) const;

    QString m_path;
    QString m_connection;
};

} // namespace kiosk::meds
