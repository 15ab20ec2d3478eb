#pragma once

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

    // The HTML the PDF is printed from (active medications first, then stopped ones).
    static QString toHtml(const QList<Medication> &medications, const QDateTime &printedAt);

    // A printable PDF (Letter in the US, A4 elsewhere). Needs a QGuiApplication (fonts).
    static bool writePdf(const QList<Medication> &medications, const QString &path, QString *error);
};

} // namespace kiosk::meds
