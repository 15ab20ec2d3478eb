#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace kiosk::meds {

// One medication on the list: the fields of the OCR contract (rx-eval/CONTRACT.md), where the
// record came from, and its life on this tablet. Plain data; MedicationValidator checks it and
// MedicationStore keeps it.
struct Medication {
    qint64 id = 0; // 0 until stored
    QString uuid;  // the name every device and the medication service know it by; set when stored

    // The contract's fields.
    QString medicationName;
    QString dosage;
    QString dosageForm;
    QString schedule;
    std::optional<int> timesPerDay;
    bool asNeeded = false;
    QString instructions;
    QString prescriber;
    std::optional<int> quantity;
    std::optional<int> refills;
    QString rxNumber;
    QString pharmacy;
    QString patient;
    QDate date;
    // The clock times the caregiver set for the doses (local wall time), replacing the planner's
    // defaults for fixed schedules; empty: the planner's. Synced like the contract's fields.
    QList<QTime> doseTimes;

    // Provenance.
    QString engine = QStringLiteral("manual"); // local, ai-brain or manual
    QMap<QString, double> confidence;          // per contract field, 0..1
    QStringList needsReview;
    QString photoPath; // a file in the store's photo folder, or empty
    QString rawText;

    // Life on this tablet.
    bool active = true;
    QDateTime stoppedAt; // UTC, set while stopped
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    QString syncState;   // "synced", "pending" or "conflict", as the store read it (empty before)

    // "Lisinopril 10 mg"
    QString title() const;

    // The stored record in the contract's shape plus id, uuid, provenance and state.
    QJsonObject toJson() const;

    // Builds a record from an object in the contract's shape (what `kilo-kiosk ocr --json`
    // prints). Unknown keys are ignored; a key of the wrong type is an error. Returns nullopt
    // and fills errors (one sentence each) when the object cannot be read.
    static std::optional<Medication> fromJson(const QJsonObject &object, QStringList *errors);

    // Sets the keys present in changes (an edit); same rules as fromJson. Read-only keys (id,
    // created_at, updated_at, stopped_at) are refused. Leaves this record unchanged on error.
    bool applyJson(const QJsonObject &changes, QStringList *errors);

    // The contract's field names, in its order.
    static QStringList contractFields();
    // Keys applyJson accepts.
    static QStringList editableFields();
    // "08:00, 20:30" -> two times; nullopt (and a sentence in *error) for anything else.
    static std::optional<QList<QTime>> parseDoseTimes(const QString &text, QString *error);
    // {"08:00", "20:30"}
    QStringList doseTimeTexts() const;
};

} // namespace kiosk::meds
