#include "meds/migrations.h"

namespace kiosk::meds {

const QList<QStringList> &Migrations::steps()
{
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
            QStringLiteral("CREATE INDEX medications_by_name ON medications (active DESC, medication_name COLLATE NOCASE)"),
        },
    };
    return all;
}

} // namespace kiosk::meds
