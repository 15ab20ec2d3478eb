#include "meds/medication_exporter.h"

#include "meds/dose_planner.h"

#include <QFileInfo>
#include <QHash>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>

namespace kiosk::meds {

namespace {

QByteArray csvCell(QString text) {
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') ||
        text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        text = u'"' + text + u'"';
    }
    return text.toUtf8();
}

QString optionalNumber(const std::optional<int> &number) {
    return number ? QString::number(*number) : QString();
}

QString dueTimesText(const Medication &m) {
    const DosePlanner planner;
    const QList<QTime> times =
        planner.dueTimes(m, m.date.isValid() ? m.date : QDate::currentDate());
    QStringList parts;
    for (const QTime &time : times)
        parts.append(time.toString(QStringLiteral("HH:mm")));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QByteArray MedicationExporter::toCsv(const QList<Medication> &medications) {
    const QStringList header{QStringLiteral("id"),
                             QStringLiteral("status"),
                             QStringLiteral("medication_name"),
                             QStringLiteral("dosage"),
                             QStringLiteral("dosage_form"),
                             QStringLiteral("schedule"),
                             QStringLiteral("times_per_day"),
                             QStringLiteral("as_needed"),
                             QStringLiteral("instructions"),
                             QStringLiteral("prescriber"),
                             QStringLiteral("quantity"),
                             QStringLiteral("refills"),
                             QStringLiteral("rx_number"),
                             QStringLiteral("pharmacy"),
                             QStringLiteral("patient"),
                             QStringLiteral("date"),
                             QStringLiteral("engine"),
                             QStringLiteral("created_at"),
                             QStringLiteral("updated_at"),
                             QStringLiteral("stopped_at")};
    QByteArray out = header.join(u',').toUtf8() + "\r\n";
    for (const Medication &m : medications) {
        const QStringList row{QString::number(m.id),
                              m.active ? QStringLiteral("active") : QStringLiteral("stopped"),
                              m.medicationName,
                              m.dosage,
                              m.dosageForm,
                              m.schedule,
                              optionalNumber(m.timesPerDay),
                              m.asNeeded ? QStringLiteral("true") : QStringLiteral("false"),
                              m.instructions,
                              m.prescriber,
                              optionalNumber(m.quantity),
                              optionalNumber(m.refills),
                              m.rxNumber,
                              m.pharmacy,
                              m.patient,
                              m.date.isValid() ? m.date.toString(Qt::ISODate) : QString(),
                              m.engine,
                              m.createdAt.toUTC().toString(Qt::ISODate),
                              m.updatedAt.toUTC().toString(Qt::ISODate),
                              m.stoppedAt.isValid() ? m.stoppedAt.toUTC().toString(Qt::ISODate)
                                                    : QString()};
        QList<QByteArray> cells;
        for (const QString &cell : row)
            cells.append(csvCell(cell));
        out += cells.join(',') + "\r\n";
    }
    return out;
}

QString MedicationExporter::toHtml(const QList<Medication> &medications, const QDateTime &printedAt,
                                   const QList<DoseEntry> &doses) {
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QStringList patients;
    for (const Medication &m : medications) {
        if (!m.patient.isEmpty() && !patients.contains(m.patient))
            patients.append(m.patient);
    }
    QString html = QStringLiteral("<html><body style=\"font-family: sans-serif; font-size: 10pt;\">"
                                  "<h1 style=\"font-size: 18pt;\">Medication list</h1>");
    if (!patients.isEmpty())
        html += QStringLiteral("<p style=\"font-size: 12pt;\"><b>Patient:</b> %1</p>")
                    .arg(esc(patients.join(QStringLiteral(", "))));
    html += QStringLiteral("<p>Printed %1 from Kilo Guardian Kiosk. Please check with the pharmacy "
                           "label before use.</p>")
                .arg(esc(QLocale().toString(printedAt.toLocalTime(), QLocale::LongFormat)));

    for (const bool active : {true, false}) {
        QList<const Medication *> section;
        for (const Medication &m : medications) {
            if (m.active == active)
                section.append(&m);
        }
        if (section.isEmpty() && !active)
            continue;
        html += QStringLiteral("<h2 style=\"font-size: 14pt;\">%1 (%2)</h2>")
                    .arg(active ? QStringLiteral("Taking now") : QStringLiteral("Stopped"))
                    .arg(section.size());
        if (section.isEmpty()) {
            html += QStringLiteral("<p>None.</p>");
            continue;
        }
        html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" "
                               "cellpadding=\"5\" style=\"border-collapse: collapse;\">"
                               "<tr style=\"background-color: #e0e0e0;\"><th align=\"left\" "
                               "width=\"19%\">Medication</th>"
                               "<th align=\"left\" width=\"27%\">How to take</th><th "
                               "align=\"left\" width=\"10%\">Times</th>"
                               "<th align=\"left\" width=\"15%\">Prescriber</th><th align=\"left\" "
                               "width=\"16%\">Pharmacy / Rx</th>"
                               "<th align=\"left\" width=\"13%\">%1</th></tr>")
                    .arg(active ? QStringLiteral("Label date") : QStringLiteral("Stopped"));
        for (const Medication *m : section) {
            QString name = QStringLiteral("<b>%1</b>").arg(esc(m->medicationName));
            if (!m->dosage.isEmpty())
                name += u' ' + esc(m->dosage);
            if (!m->dosageForm.isEmpty())
                name += QStringLiteral("<br>%1").arg(esc(m->dosageForm));
            QString how = esc(m->schedule);
            if (!m->instructions.isEmpty())
                how += QStringLiteral("<br>%1").arg(esc(m->instructions));
            QString pharmacy = esc(m->pharmacy);
            if (!m->rxNumber.isEmpty())
                pharmacy += (pharmacy.isEmpty() ? QString() : QStringLiteral("<br>")) +
                            QStringLiteral("Rx %1").arg(esc(m->rxNumber));
            const QString when =
                active ? (m->date.isValid() ? m->date.toString(Qt::ISODate) : QString())
                       : (m->stoppedAt.isValid()
                              ? m->stoppedAt.toLocalTime().date().toString(Qt::ISODate)
                              : QString());
            html +=
                QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                    .arg(name, how,
                         esc(active
                                 ? (m->asNeeded ? QStringLiteral("when needed") : dueTimesText(*m))
                                 : QString()),
                         esc(m->prescriber), pharmacy, esc(when));
        }
        html += QStringLiteral("</table>");
    }
    if (!doses.isEmpty()) {
        QHash<QString, QString> titles;
        for (const Medication &m : medications)
            titles.insert(m.uuid, m.title());
        html += QStringLiteral("<h2 style=\"font-size: 14pt;\">Doses in the last %1 days (%2)</h2>")
                    .arg(kDoseLogDays)
                    .arg(doses.size());
        html += QStringLiteral(
            "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
            "style=\"border-collapse: collapse;\">"
            "<tr style=\"background-color: #e0e0e0;\"><th align=\"left\" width=\"18%\">When</th>"
            "<th align=\"left\" width=\"28%\">Medication</th><th align=\"left\" "
            "width=\"12%\">Planned</th>"
            "<th align=\"left\" width=\"12%\">Status</th><th align=\"left\" width=\"30%\">By / "
            "note</th></tr>");
        QList<DoseEntry> newestFirst = doses;
        std::sort(newestFirst.begin(), newestFirst.end(),
                  [](const DoseEntry &a, const DoseEntry &b) { return a.at > b.at; });
        for (const DoseEntry &entry : std::as_const(newestFirst)) {
            QStringList note;
            if (!entry.givenBy.isEmpty())
                note.append(entry.givenBy);
            if (!entry.reason.isEmpty())
                note.append(entry.reason);
            html +=
                QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                         esc(titles.value(entry.medicationUuid,
                                          QStringLiteral("(no longer on the list)"))),
                         esc(entry.scheduledAt.isValid()
                                 ? entry.scheduledAt.toLocalTime().toString(QStringLiteral("HH:mm"))
                                 : QStringLiteral("as needed")),
                         esc(DoseEntry::statusName(entry.status)),
                         esc(note.join(QStringLiteral(": "))));
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("</body></html>");
    return html;
}

bool MedicationExporter::writePdf(const QList<Medication> &medications, const QString &path,
                                  QString *error, const QList<DoseEntry> &doses) {
    QString localError;
    if (!error)
        error = &localError;
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("PDF export needs fonts, which need a QGuiApplication, and this "
                                "process runs without one "
                                "(use export --csv or --json instead)");
        return false;
    }
    // Written to a temporary file and renamed, so a failed export never leaves half a PDF.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(QStringLiteral("Medication list"));
        writer.setCreator(QStringLiteral("Kilo Guardian Kiosk"));
        writer.setResolution(300);
        const bool us = QLocale().measurementSystem() == QLocale::ImperialUSSystem;
        writer.setPageLayout(QPageLayout(QPageSize(us ? QPageSize::Letter : QPageSize::A4),
                                         QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                         QPageLayout::Millimeter));
        QTextDocument document;
        document.setDocumentMargin(0);
        document.setHtml(toHtml(medications, QDateTime::currentDateTime(), doses));
        document.print(&writer);
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace kiosk::meds
