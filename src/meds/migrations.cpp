#include "meds/migrations.h"

namespace kiosk::meds {

const QList<QStringList> &Migrations::steps() {
    static const QList<QStringList> all = {
        // 1: medications and their per-field confidence.
        {
            QStringLiteral(R"(CREATE TABLE medications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                medication_name TEXT NOT NULL CHECK (length(trim(medication_name)) > 0),
                dosage TEXT NOT NULL DEFAULT '',
                dosage_form TEXT NOT NULL DEFAULT '',
                schedule TEXT NOT NULL,
                times_per_day INTEGER CHECK (times_per_day IS NULL OR times_per_day BETWEEN 1 AND 24),
                as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1)),
                instructions TEXT NOT NULL DEFAULT '',
                prescriber TEXT NOT NULL DEFAULT '',
                quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
                refills INTEGER CHECK (refills IS NULL OR refills >= 0),
                rx_number TEXT,
                pharmacy TEXT,
                patient TEXT,
                date TEXT,
                engine TEXT NOT NULL DEFAULT 'manual',
                needs_review TEXT NOT NULL DEFAULT '[]',
                photo_path TEXT,
                raw_text TEXT,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                stopped_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE field_confidence (
                medication_id INTEGER NOT NULL REFERENCES medications(id) ON DELETE CASCADE,
                field TEXT NOT NULL,
                confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                PRIMARY KEY (medication_id, field)))"),
        },
        // 2: the list is read by name, active first.
        {
            QStringLiteral("CREATE INDEX medications_by_name ON medications (active DESC, "
                           "medication_name COLLATE NOCASE)"),
        },
        // 3: sync with the household's medication service. Every record gets a UUID (the name
        // other devices know it by); changes wait in the outbox; what the service last agreed to
        // is kept per record, so a change on both sides can be merged field by field.
        {
            QStringLiteral("ALTER TABLE medications ADD COLUMN uuid TEXT"),
            // randomblob() in the row's own expression is drawn anew for every record (a
            // subquery may be evaluated once); version 4, variant 10xx, as QUuid makes them.
            QStringLiteral(
                R"(UPDATE medications SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
                || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)
                || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))"),
            QStringLiteral("CREATE UNIQUE INDEX medications_by_uuid ON medications (uuid)"),
            QStringLiteral(R"(CREATE TABLE sync_records (
                uuid TEXT PRIMARY KEY,
                remote_version INTEGER NOT NULL CHECK (remote_version >= 0),
                base TEXT NOT NULL,
                extra TEXT NOT NULL DEFAULT '{}',
                remote_deleted INTEGER NOT NULL DEFAULT 0 CHECK (remote_deleted IN (0, 1))))"),
            QStringLiteral(R"(CREATE TABLE sync_outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                uuid TEXT NOT NULL UNIQUE,
                op TEXT NOT NULL CHECK (op IN ('put', 'delete')),
                queued_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT))"),
            QStringLiteral(R"(CREATE TABLE sync_conflicts (
                uuid TEXT PRIMARY KEY,
                local TEXT,
                remote TEXT NOT NULL,
                fields TEXT NOT NULL DEFAULT '[]',
                detected_at TEXT NOT NULL))"),
            QStringLiteral("CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            // What was on this tablet before sync existed goes to the service on the first round.
            QStringLiteral("INSERT INTO sync_outbox (uuid, op, queued_at) SELECT uuid, 'put', "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM medications ORDER BY id"),
        },
        // 4: the dose log. Each entry is its own record (a UUID) for one medication (by UUID, so
        // it outlives the record and means the same on every tablet), never changed once written,
        // and goes to the medication service through the same outbox as the list ('dose').
        // The caregiver's dose times are a field of the medication, synced with it.
        {
            QStringLiteral(
                "ALTER TABLE medications ADD COLUMN dose_times TEXT NOT NULL DEFAULT '[]'"),
            QStringLiteral(R"(CREATE TABLE doses (
                uuid TEXT PRIMARY KEY,
                medication_uuid TEXT NOT NULL,
                scheduled_at TEXT,
                taken_at TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('given', 'skipped')),
                reason TEXT NOT NULL DEFAULT '',
                given_by TEXT NOT NULL DEFAULT '',
                device TEXT NOT NULL DEFAULT '',
                logged_at TEXT NOT NULL,
                extra TEXT NOT NULL DEFAULT '{}',
                remote_version INTEGER))"),
            QStringLiteral("CREATE INDEX doses_by_medication ON doses (medication_uuid, taken_at)"),
            QStringLiteral("CREATE INDEX doses_by_time ON doses (taken_at)"),
            // SQLite cannot widen a CHECK in place: the outbox is rebuilt with 'dose', seq kept.
            QStringLiteral(R"(CREATE TABLE sync_outbox_v4 (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                uuid TEXT NOT NULL UNIQUE,
                op TEXT NOT NULL CHECK (op IN ('put', 'delete', 'dose')),
                queued_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT))"),
            QStringLiteral(
                "INSERT INTO sync_outbox_v4 (seq, uuid, op, queued_at, attempts, last_error) "
                "SELECT seq, uuid, op, queued_at, attempts, last_error FROM sync_outbox ORDER BY "
                "seq"),
            QStringLiteral("DROP TABLE sync_outbox"),
            QStringLiteral("ALTER TABLE sync_outbox_v4 RENAME TO sync_outbox"),
        },
    };
    return all;
}

} // namespace kiosk::meds
