// The review between reading and saving: doubtful fields must be touched, values are checked,
// the record keeps where it came from, and a duplicate is pointed out.
#include "language_preference.h"
#include "medication_store_controller.h"
#include "prescription_review.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using kiosk::ui::MedicationStoreController;
using kiosk::ui::PrescriptionReview;

namespace {

kiosk::aibrain::ReadingResult lisinopril() {
    kiosk::aibrain::ReadingResult r;
    r.engine = kiosk::aibrain::ReadingResult::LocalEngine;
    auto &rx = r.prescription;
    rx.medicationName = QStringLiteral("Lisinopril");
    rx.dosage = QStringLiteral("10 mg");
    rx.dosageForm = QStringLiteral("tablet");
    rx.schedule = QStringLiteral("twice daily");
    rx.timesPerDay = 2;
    rx.instructions = QStringLiteral("Take one tablet by mouth twice daily");
    rx.prescriber = QStringLiteral("Jane Smith");
    rx.quantity = 60;
    rx.confidence = {{QStringLiteral("medication_name"), 0.97},
                     {QStringLiteral("dosage"), 0.93},
                     {QStringLiteral("schedule"), 0.45},
                     {QStringLiteral("prescriber"), 0.88}};
    rx.needsReview = {QStringLiteral("schedule"), QStringLiteral("refills")};
    return r;
}

QVariantMap row(const PrescriptionReview &review, const QString &field) {
    for (int i = 0; i < review.rowCount(); ++i) {
        const QModelIndex index = review.index(i);
        if (review.data(index, PrescriptionReview::FieldRole).toString() == field) {
            QVariantMap out;
            const auto roles = review.roleNames();
            for (auto it = roles.cbegin(); it != roles.cend(); ++it)
                out.insert(QString::fromLatin1(it.value()), review.data(index, it.key()));
            return out;
        }
    }
    return {};
}

} // namespace

class TestPrescriptionReview : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_photo;
    std::unique_ptr<kiosk::ui::LanguagePreference> m_language;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // English as the app shows it: its plural forms (%n) come from kilo-kiosk_en.qm.
        m_language = std::make_unique<kiosk::ui::LanguagePreference>(std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("language.ini")), QSettings::IniFormat));
        m_language->overrideForThisRun(QStringLiteral("en"));
        m_photo = m_dir.filePath(QStringLiteral("label.jpg"));
        QVERIFY(
            QFile::copy(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0000.jpg"), m_photo));
    }

    void doubtfulFieldsAreHighlightedWithTheirReason() {
        PrescriptionReview review;
        QAbstractItemModelTester tester(&review,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        review.load(lisinopril(), m_photo);
        QCOMPARE(review.rowCount(), 12);
        QCOMPARE(row(review, QStringLiteral("medication_name"))
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("Lisinopril"));
        QCOMPARE(row(review, QStringLiteral("medication_name"))
                     .value(QStringLiteral("needsReview"))
                     .toBool(),
                 false);
        QCOMPARE(
            row(review, QStringLiteral("pharmacy")).value(QStringLiteral("confidence")).toDouble(),
            -1.0);

        const QVariantMap schedule = row(review, QStringLiteral("schedule"));
        QVERIFY(schedule.value(QStringLiteral("needsReview")).toBool());
        QVERIFY(!schedule.value(QStringLiteral("resolved")).toBool());
        QVERIFY2(schedule.value(QStringLiteral("reason")).toString().contains(QLatin1String("45%")),
                 qPrintable(schedule.value(QStringLiteral("reason")).toString()));
        QCOMPARE(schedule.value(QStringLiteral("kind")).toString(), QStringLiteral("schedule"));
        const QVariantMap refills = row(review, QStringLiteral("refills"));
        QVERIFY(refills.value(QStringLiteral("reason"))
                    .toString()
                    .startsWith(QLatin1String("Not found")));
        QCOMPARE(refills.value(QStringLiteral("kind")).toString(), QStringLiteral("number"));

        QCOMPARE(review.unresolvedCount(), 2);
        QVERIFY(!review.canSave());
        QCOMPARE(review.saveBlocker(), QStringLiteral("Check the 2 highlighted fields"));
        QCOMPARE(review.title(), QStringLiteral("Lisinopril 10 mg"));
        QCOMPARE(review.engineText(), QStringLiteral("Read on this tablet"));
        QCOMPARE(review.photoUrl(), QUrl::fromLocalFile(m_photo));
    }

    void aLowConfidenceFieldIsFlaggedEvenWhenTheReaderDidNot() {
        auto result = lisinopril();
        result.engine = kiosk::aibrain::ReadingResult::AiBrainEngine;
        result.prescription.confidence.insert(QStringLiteral("prescriber"), 0.3);
        result.prescription.needsReview.clear();
        PrescriptionReview review;
        review.load(result, m_photo);
        QVERIFY(row(review, QStringLiteral("prescriber"))
                    .value(QStringLiteral("needsReview"))
                    .toBool());
        QCOMPARE(review.unresolvedCount(), 2); // prescriber (30%) and schedule (45%)
        QCOMPARE(review.engineText(), QStringLiteral("Read by AI Brain"));
    }

    void editsAreCheckedAndResolveTheField() {
        PrescriptionReview review;
        QAbstractItemModelTester tester(&review,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        review.load(lisinopril(), m_photo);
        QSignalSpy changed(&review, &QAbstractItemModel::dataChanged);
        QSignalSpy reviewChanged(&review, &PrescriptionReview::reviewChanged);

        QVERIFY(review.setValue(QStringLiteral("quantity"), QStringLiteral("sixty"))
                    .contains(QLatin1String("whole number")));
        QVERIFY(review.setValue(QStringLiteral("refills"), QStringLiteral("-1"))
                    .contains(QLatin1String("whole number")));
        QVERIFY(review.setValue(QStringLiteral("date"), QStringLiteral("2026-13-01"))
                    .contains(QLatin1String("date")));
        QVERIFY(review.setValue(QStringLiteral("schedule"), QStringLiteral("now and then"))
                    .contains(QLatin1String("schedules")));
        QVERIFY(!review.setValue(QStringLiteral("no_such_field"), QStringLiteral("x")).isEmpty());
        QVERIFY(!review.setValue(QStringLiteral("prescriber"), QString(600, QLatin1Char('x')))
                     .isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(review.unresolvedCount(), 2);

        QCOMPARE(review.setValue(QStringLiteral("schedule"), QStringLiteral("  Twice Daily ")),
                 QString());
        QCOMPARE(row(review, QStringLiteral("schedule")).value(QStringLiteral("value")).toString(),
                 QStringLiteral("twice daily"));
        QVERIFY(row(review, QStringLiteral("schedule")).value(QStringLiteral("resolved")).toBool());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(review.saveBlocker(), QStringLiteral("Check the highlighted field"));

        review.confirm(QStringLiteral("refills"));
        QVERIFY(review.canSave());
        QVERIFY(reviewChanged.count() >= 2);

        QCOMPARE(review.setValue(QStringLiteral("medication_name"), QStringLiteral("   ")),
                 QString());
        QCOMPARE(review.saveBlocker(), QStringLiteral("Type the medication name"));
        QCOMPARE(review.setValue(QStringLiteral("medication_name"), QStringLiteral("Lisinopril")),
                 QString());
        QCOMPARE(review.setValue(QStringLiteral("date"), QStringLiteral("2026-11-20")), QString());
        QVERIFY(review.canSave());
    }

    void theRecordKeepsProvenanceAndTheEdits() {
        PrescriptionReview review;
        review.load(lisinopril(), m_photo);
        review.setValue(QStringLiteral("schedule"), QStringLiteral("three times daily"));
        review.setValue(QStringLiteral("refills"), QStringLiteral("2"));
        const QVariantMap record = review.record();
        QCOMPARE(record.value(QStringLiteral("medication_name")).toString(),
                 QStringLiteral("Lisinopril"));
        QCOMPARE(record.value(QStringLiteral("schedule")).toString(),
                 QStringLiteral("three times daily"));
        QCOMPARE(record.value(QStringLiteral("times_per_day")).toInt(), 3);
        QCOMPARE(record.value(QStringLiteral("as_needed")).toBool(), false);
        QCOMPARE(record.value(QStringLiteral("refills")).toInt(), 2);
        QCOMPARE(record.value(QStringLiteral("quantity")).toInt(), 60);
        QVERIFY(record.value(QStringLiteral("pharmacy")).isNull());
        QCOMPARE(record.value(QStringLiteral("engine")).toString(), QStringLiteral("local"));
        QCOMPARE(record.value(QStringLiteral("file")).toString(), m_photo);
        QVERIFY(record.value(QStringLiteral("needs_review")).toList().isEmpty());
        const QVariantMap confidence = record.value(QStringLiteral("confidence")).toMap();
        QCOMPARE(confidence.value(QStringLiteral("schedule")).toDouble(), 1.0);
        QCOMPARE(confidence.value(QStringLiteral("medication_name")).toDouble(), 0.97);
        QVERIFY(!review.record(false).contains(QStringLiteral("file")));
    }

    void saveStoresTheRecordAndPointsOutDuplicates() {
        MedicationStoreController store;
        store.setDatabasePath(m_dir.filePath(QStringLiteral("meds.sqlite")));
        QVERIFY2(store.open(), qPrintable(store.error()));

        PrescriptionReview review;
        review.setStore(&store);
        review.load(lisinopril(), m_photo);
        QVERIFY(review.duplicates().isEmpty());
        QCOMPARE(review.save().value(QStringLiteral("error")).toString(),
                 QStringLiteral("Check the 2 highlighted fields"));
        QCOMPARE(store.count(), 0);

        review.confirm(QStringLiteral("schedule"));
        review.confirm(QStringLiteral("refills"));
        const QVariantMap saved = review.save();
        QVERIFY2(saved.value(QStringLiteral("id")).toLongLong() > 0,
                 qPrintable(saved.value(QStringLiteral("error")).toString()));
        const QVariantMap stored = store.get(saved.value(QStringLiteral("id")).toLongLong());
        QCOMPARE(stored.value(QStringLiteral("medication_name")).toString(),
                 QStringLiteral("Lisinopril"));
        QCOMPARE(stored.value(QStringLiteral("engine")).toString(), QStringLiteral("local"));
        QVERIFY2(!stored.value(QStringLiteral("photoUrl")).toString().isEmpty(),
                 "the label photo is kept with the record");
        // The record now on the list is the same drug and strength as this reading.
        QCOMPARE(review.duplicates(), QStringList{QStringLiteral("Lisinopril 10 mg")});

        PrescriptionReview second;
        second.setStore(&store);
        second.load(lisinopril(), m_photo);
        QCOMPARE(second.duplicates(), QStringList{QStringLiteral("Lisinopril 10 mg")});
        second.setValue(QStringLiteral("dosage"), QStringLiteral("20 mg"));
        QVERIFY(second.duplicates().isEmpty());
        second.confirm(QStringLiteral("schedule"));
        second.confirm(QStringLiteral("refills"));
        const QVariantMap withoutPhoto = second.save(false);
        QVERIFY(withoutPhoto.value(QStringLiteral("id")).toLongLong() > 0);
        QVERIFY(store.get(withoutPhoto.value(QStringLiteral("id")).toLongLong())
                    .value(QStringLiteral("photoUrl"))
                    .toString()
                    .isEmpty());
        QCOMPARE(store.count(), 2);
    }

    void withoutAStoreSavingSaysSo() {
        PrescriptionReview review;
        QVERIFY(!review.canSave());
        QCOMPARE(review.save().value(QStringLiteral("error")).toString(),
                 QStringLiteral("Nothing has been read yet"));
        review.load(lisinopril(), m_photo);
        review.confirm(QStringLiteral("schedule"));
        review.confirm(QStringLiteral("refills"));
        QCOMPARE(review.save().value(QStringLiteral("error")).toString(),
                 QStringLiteral("The medication list is not open"));
        review.clear();
        QCOMPARE(review.rowCount(), 0);
        QVERIFY(!review.loaded());
    }
};

QTEST_GUILESS_MAIN(TestPrescriptionReview)
#include "tst_prescription_review.moc"
