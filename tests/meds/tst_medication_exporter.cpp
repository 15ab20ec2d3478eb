// CSV and PDF exports of the list.
#include "meds/medication_exporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kiosk::meds;

namespace {
QList<Medication> sampleList() {
    Medication a;
    a.id = 1;
    a.medicationName = QStringLiteral("Lisinopril");
    a.dosage = QStringLiteral("10 mg");
    a.schedule = QStringLiteral("twice daily");
    a.instructions = QStringLiteral("Take one tablet, twice a day \"with food\"");
    a.patient = QStringLiteral("Ivan Chen");
    a.createdAt = a.updatedAt = QDateTime(QDate(2026, 1, 6), QTime(9, 0), Qt::UTC);
    Medication b;
    b.id = 2;
    b.medicationName = QStringLiteral("=cmd|'/c calc'!A1");
    b.schedule = QStringLiteral("as needed");
    b.asNeeded = true;
    b.prescriber = QStringLiteral("<b>Dr</b> & co");
    b.active = false;
    b.stoppedAt = QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
    b.createdAt = b.updatedAt = a.createdAt;
    return {a, b};
}
} // namespace

class TestMedicationExporter : public QObject {
    Q_OBJECT

private slots:
    void csv() {
        const QByteArray csv = MedicationExporter::toCsv(sampleList());
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, empty after the last CRLF
        QVERIFY(lines[0].startsWith("id,status,medication_name,dosage"));
        QVERIFY(lines[0].endsWith('\r'));
        QVERIFY(lines[1].startsWith("1,active,Lisinopril,10 mg,,twice daily,"));
        QVERIFY(lines[1].contains("\"Take one tablet, twice a day \"\"with food\"\"\""));
        // A formula is neutralised.
        QVERIFY(lines[2].startsWith("2,stopped,'=cmd|'/c calc'!A1,"));
        QVERIFY(MedicationExporter::toCsv({}).count('\n') == 1);
    }

    void html() {
        const QString html = MedicationExporter::toHtml(sampleList(), QDateTime::currentDateTime());
        QVERIFY(html.contains(QStringLiteral("Taking now (1)")));
        QVERIFY(html.contains(QStringLiteral("Stopped (1)")));
        QVERIFY(html.contains(QStringLiteral("Ivan Chen")));
        QVERIFY(html.contains(QStringLiteral("08:00, 20:00")));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;Dr&lt;/b&gt; &amp; co")));
        QVERIFY(!html.contains(QStringLiteral("<b>Dr</b>")));
        QVERIFY(!html.contains(QStringLiteral("Doses in the last"))); // no log, no section
    }

    void htmlWithTheDoseLog() {
        QList<Medication> list = sampleList();
        list[0].uuid = QStringLiteral("11111111-1111-4111-8111-111111111111");
        DoseEntry given;
        given.medicationUuid = list[0].uuid;
        given.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(8, 0)).toUTC();
        given.at = QDateTime(QDate(2026, 3, 2), QTime(8, 10)).toUTC();
        given.givenBy = QStringLiteral("Ana");
        DoseEntry skipped = given;
        skipped.status = DoseEntry::Status::Skipped;
        skipped.at = QDateTime(QDate(2026, 3, 2), QTime(20, 5)).toUTC();
        skipped.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(20, 0)).toUTC();
        skipped.reason = QStringLiteral("<refused>");
        DoseEntry unknown = given;
        unknown.medicationUuid = QStringLiteral("33333333-3333-4333-8333-333333333333");
        unknown.scheduledAt = QDateTime();
        const QString html = MedicationExporter::toHtml(list, QDateTime::currentDateTime(),
                                                        {given, skipped, unknown});
        QVERIFY(html.contains(QStringLiteral("Doses in the last 30 days (3)")));
        QVERIFY(html.contains(QStringLiteral("2026-03-02 08:10")));
        QVERIFY(html.contains(QStringLiteral("Ana: &lt;refused&gt;")));
        QVERIFY(html.contains(QStringLiteral("(no longer on the list)")));
        QVERIFY(html.contains(QStringLiteral("as needed")));
        // Newest first.
        QVERIFY(html.indexOf(QStringLiteral("2026-03-02 20:05")) <
                html.indexOf(QStringLiteral("2026-03-02 08:10")));
    }

    void pdf() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("list.pdf"));
        QString error;
        QVERIFY2(MedicationExporter::writePdf(sampleList(), file, &error), qPrintable(error));
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray data = pdf.readAll();
        QVERIFY(data.startsWith("%PDF-"));
        QVERIFY(data.size() > 2000);
        QVERIFY(data.contains("/Title"));

        QVERIFY(!MedicationExporter::writePdf(
            sampleList(), dir.filePath(QStringLiteral("no/such/dir/list.pdf")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
    }
};

QTEST_MAIN(TestMedicationExporter)
#include "tst_medication_exporter.moc"
