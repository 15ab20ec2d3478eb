#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::ocr {

// What was read from one prescription photo, in the shape of rx-eval/CONTRACT.md.
struct Prescription {
    QString medicationName;
    QString dosage;
    QString dosageForm;
    QString schedule;
    std::optional<int> timesPerDay;
    bool asNeeded = false;
    QString instructions;      // the sig as printed (sentence case)
    QString instructionsPlain; // the sig with Latin codes expanded
    QString prescriber;
    std::optional<int> quantity;
    std::optional<int> refills;
    QString rxNumber;
    QString pharmacy;
    QString patient;
    QString date;                            // ISO 8601
    QString language = QStringLiteral("en"); // the label's language: "en" or "es"
    QMap<QString, double> confidence;        // per contract field name, 0..1
    QStringList needsReview;                 // contract field names a person must check

    static const QStringList &coreFields();
    static const QStringList &allFields();
    // The field's value as a string for comparisons and tables ("" when absent).
    QString valueText(const QString &field) const;
    // Contract JSON (without file, engine, ms: the caller adds those).
    QJsonObject toJson() const;
};

} // namespace kiosk::ocr
