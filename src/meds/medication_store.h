#pragma once

#include "meds/medication.h"

#include <QList>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <optional>

namespace kiosk::meds {

// Why a MedicationStore method failed, for callers that word it their own way (the UI and the
// CLI's --json). The store's own message (*error) already says it in words a caregiver can act on.
enum class StoreFault {
    None,
    Rejected, // the request itself: a record that breaks a rule, no such record
    NotOpen,
    Busy,         // another program held the database longer than the store waits
    StorageFull,  // no room left on the tablet's storage (or the file size limit was reached)
    ReadOnly,     // the storage cannot be written: the list can be read, not changed
    Damaged,      // the database file is damaged: never written to, read as far as it can be
    StorageError, // the storage failed in another way (an I/O error)
    Other,        // anything else (a newer schema, a missing SQLite driver, ...)
};

// The medications kept on this tablet: one SQLite database (WAL, foreign keys on, every write
// in one IMMEDIATE transaction with synchronous=FULL, so a write that returned is on disk and
// survives a kill of this or any other process) and a folder of label photos beside it. The
// folders are created owner-only (0700) and the files 0600. Several processes may use the same
// database at once; a busy database is waited for.
//
// Every change is recorded in the sync outbox in the same transaction (SyncLedger pushes it to
// the medication service), so a change that returned is never lost to the other devices.
//
// Every method reports failure through its return value and one sentence in *error, and
// lastFault() says what kind of failure it was. A failed write changes nothing; a write that
// returned a record is on disk.
//
// Faults of the storage (see README.md "Faults"): a full disk or a read-only storage refuse the
// change and keep every saved record readable; writing works again once the cause is gone, with
// no restart. A read-only storage opens the list read-only. A damaged database file is never
// written to and never replaced: it opens read-only when SQLite can still read it (the records
// that can be read are shown), else open() fails and says what is wrong with which file.
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
    // Why the open database cannot be changed: None (it can), ReadOnly, Damaged, or StorageFull
    // (opened on a full disk; the next change tries to open it for writing again).
    StoreFault readOnlyReason() const { return m_readOnlyReason; }
    // The sentence that says so (empty when the database can be changed).
    QString readOnlyMessage() const { return m_readOnlyMessage; }
    // The kind of the last failure of any method; None after a method that worked.
    StoreFault lastFault() const { return m_lastFault; }
    // "storage-full", "read-only", "damaged", ... (stable names for --json and QML).
    static QString faultName(StoreFault fault);
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
    friend class SyncLedger; // the sync side of the same database and transactions
    friend class DoseLog;    // the dose log, in the same database and transactions

    // Records a local change in the outbox, in the caller's transaction.
    bool queueChange(const QString &uuid, const QString &op, QString *error);
    bool ensureFiles(bool *readOnlyStorage, QString *error);
    bool createDatabase(QString *error);
    // immutable: read the file as it is, with no log or lock files (nobody can be writing it).
    bool openConnection(bool readOnly, QString *error, bool immutable = false);
    bool checkReadOnlyOpen(QString *error);
    // Classifies a failed statement, remembers the kind in lastFault() and returns the sentence
    // to report: the caregiver's words for a fault of the storage, else "context: SQLite's text".
    QString fault(const QSqlError &error, const QString &context) const;
    QString fault(StoreFault kind, const QString &message) const;
    // A storage fault's sentence: what is wrong, that nothing was changed, what to do; detail is
    // SQLite's own words, kept for an administrator.
    QString faultMessage(StoreFault kind, const QString &detail) const;
    QString faultCondition(StoreFault kind) const;
    static QString faultAdvice(StoreFault kind);
    void setReadOnly(StoreFault kind, const QString &detail) const;
    // Why an I/O error happened: the storage is read-only, full, or failing.
    StoreFault diagnoseStorage() const;
    void markDamaged(const QString &detail);
    bool refuseWrite(QString *error) const;
    bool migrate(QString *error);
    bool exec(const QString &sql, QString *error) const;
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    // For the store's friends: one prepared statement with its values (failure classified as the
    // store's own, with context naming the part), and body run in one transaction.
    bool runStatement(const QString &sql, const QVariantList &values, const QString &context,
                      QString *error) const;
    template <typename Body> bool inTransaction(QString *error, Body body) {
        if (!isOpen()) {
            *error = QStringLiteral("the medication database is not open");
            return false;
        }
        if (!begin(error))
            return false;
        if (!body()) {
            rollback();
            return false;
        }
        return commit(error);
    }
    bool writeRecord(Medication &medication, bool insert, bool keepId, QString *error);
    std::optional<Medication> readRecord(qint64 id, QString *error) const;
    // The record just committed, as stored; the written one when reading it back fails.
    std::optional<Medication> readBack(Medication record, QString *error) const;
    // Every record of a damaged file that can still be read, one by one.
    std::optional<QList<Medication>> salvage(QString *error) const;
    std::optional<QList<Medication>> query(const QString &where, const QVariant &key,
                                           QString *error) const;

    QString m_path;
    QString m_connection;
    // Damage found while working makes the store read-only from then on, in const methods too.
    mutable StoreFault m_readOnlyReason = StoreFault::None;
    mutable QString m_readOnlyDetail;
    mutable QString m_readOnlyMessage;
    mutable StoreFault m_lastFault = StoreFault::None;
};

} // namespace kiosk::meds
