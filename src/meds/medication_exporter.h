#pragma once

#include "meds/dose_entry.h"
#include "meds/medication.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kiosk::meds {

// The medication list for other people: CSV for a spreadsheet, PDF to print for a doctor's visit.
class MedicationExporter {
public:
    // RFC 4180 CSV (UTF-8, CRLF), one header row, one row per record. Cells that a spreadsheet
    // would take for a formula (=, +, -, @ first) are prefixed with an apostrophe.
    static QByteArray toCsv(const QList<Medication> &medications);

    // Days of the dose log the PDF shows (for a doctor's visit).
    static constexpr int kDoseLogDays = 30;

    // The HTML the PDF is printed from (active medications first, then stopped ones), then the
    // dose log given (newest first, local time), when there is one.
    static QString toHtml(const QList<Medication> &medications, const QDateTime &printedAt,
                          const QList<DoseEntry> &doses = {});

    // A printable PDF (Letter in the US, A4 elsewhere). Needs a QGuiApplication (fonts).
    static bool writePdf(const QList<Medication> &medications, const QString &path, QString *error,
                         const QList<DoseEntry> &doses = {});
};

} // namespace kiosk::meds
