// The record itself: canonical schedules, strengths, JSON in the OCR contract's shape, validation.
#include "meds/dosage_strength.h"
#include "meds/medication.h"
#include "meds/medication_validator.h"
#include "meds/schedule.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kiosk::meds;

namespace {
QJsonObject parse(const char *json) {
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// The shape `kilo-kiosk ocr --json` prints (rx-eval/CONTRACT.md).
const char kOcrLine[] =
    R"({"file": "dev/0003.jpg", "medication_name": "Lisinopril", "dosage": "10 mg",
    "dosage_form": "tablet", "schedule": "twice daily", "times_per_day": 2, "as_needed": false,
    "instructions": "Take one tablet by mouth twice daily with food", "prescriber": "Jane Smith",
    "quantity": 60, "refills": 2, "rx_number": "6084521", "pharmacy": "CareWell Pharmacy",
    "patient": "Ivan Chen", "date": "2026-01-06",
    "confidence": {"medication_name": 0.97, "dosage": 0.9, "made_up_field": 0.1},
    "needs_review": ["prescriber"], "engine": "local", "ms": 412})";
} // namespace

class TestMedicationRecord : public QObject {
    Q_OBJECT

private slots:
    void schedules_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("timesPerDay"); // -1 = null
        QTest::addColumn<bool>("asNeeded");
        QTest::newRow("once") << "once daily" << true << "once daily" << 1 << false;
        QTest::newRow("case and spaces")
            << "  Twice   Daily " << true << "twice daily" << 2 << false;
        QTest::newRow("tid") << "three times daily" << true << "three times daily" << 3 << false;
        QTest::newRow("qid") << "four times daily" << true << "four times daily" << 4 << false;
        QTest::newRow("morning") << "every morning" << true << "every morning" << 1 << false;
        QTest::newRow("bedtime") << "at bedtime" << true << "at bedtime" << 1 << false;
        QTest::newRow("q6h") << "every 6 hours" << true << "every 6 hours" << 4 << false;
        QTest::newRow("q4h") << "every 4 hours" << true << "every 4 hours" << 6 << false;
        QTest::newRow("q8h prn") << "every 8 hours as needed" << true << "every 8 hours as needed"
                                 << -1 << true;
        QTest::newRow("weekly") << "once weekly" << true << "once weekly" << -1 << false;
        QTest::newRow("prn") << "as needed" << true << "as needed" << -1 << true;
        QTest::newRow("odd interval") << "every 5 hours" << false << "" << 0 << false;
        QTest::newRow("latin code is not canonical") << "BID" << false << "" << 0 << false;
        QTest::newRow("empty") << "" << false << "" << 0 << false;
    }
    void schedules() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto schedule = Schedule::parse(text);
        QCOMPARE(schedule.has_value(), valid);
        if (!valid)
            return;
        QFETCH(QString, canonical);
        QFETCH(int, timesPerDay);
        QFETCH(bool, asNeeded);
        QCOMPARE(schedule->canonical(), canonical);
        QCOMPARE(schedule->timesPerDay().value_or(-1), timesPerDay);
        QCOMPARE(schedule->asNeeded(), asNeeded);
        QVERIFY(Schedule::canonicalPhrases().contains(canonical));
    }

    void everyCanonicalPhraseParses() {
        const QStringList phrases = Schedule::canonicalPhrases();
        QCOMPARE(phrases.size(), 16);
        for (const QString &phrase : phrases)
            QCOMPARE(Schedule::parse(phrase)->canonical(), phrase);
    }

    void strengths_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("spacing") << "10 mg"
                                 << "10mg" << true;
        QTest::newRow("case") << "10 MG"
                              << "10 mg" << true;
        QTest::newRow("mcg vs mg") << "500 mcg"
                                   << "0.5 mg" << true;
        QTest::newRow("g vs mg") << "1 g"
                                 << "1000 mg" << true;
        QTest::newRow("thousands") << "10,000 units"
                                   << "10000 units" << true;
        QTest::newRow("per 5 mL vs per mL") << "250 mg/5 mL"
                                            << "50 mg/mL" << true;
        QTest::newRow("different amount") << "10 mg"
                                          << "20 mg" << false;
        QTest::newRow("different unit") << "10 mg"
                                        << "10 mL" << false;
        QTest::newRow("combination") << "5-325 mg"
                                     << "5 - 325 mg" << true;
        QTest::newRow("combination differs") << "5-325 mg"
                                             << "10-325 mg" << false;
        QTest::newRow("percent") << "2.5%"
                                 << "2.5 %" << true;
    }
    void strengths() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, equal);
        const auto left = DosageStrength::parse(a);
        const auto right = DosageStrength::parse(b);
        QVERIFY2(left, qPrintable(a));
        QVERIFY2(right, qPrintable(b));
        QCOMPARE(*left == *right, equal);
    }

    void notStrengths() {
        for (const char *text : {"", "mg", "ten mg", "10", "10 kg", "-5 mg", "0 mg", "10 mg twice"})
            QVERIFY2(!DosageStrength::parse(QString::fromUtf8(text)), text);
        QCOMPARE(DosageStrength::parse(QStringLiteral("250mg/5ml"))->display(),
                 QStringLiteral("250 mg/5 mL"));
    }

    void fromOcrJson() {
        QStringList errors;
        auto m = Medication::fromJson(parse(kOcrLine), &errors);
        QVERIFY2(m, qPrintable(errors.join(u'\n')));
        QCOMPARE(m->medicationName, QStringLiteral("Lisinopril"));
        QCOMPARE(m->dosage, QStringLiteral("10 mg"));
        QCOMPARE(m->timesPerDay, std::optional<int>(2));
        QCOMPARE(m->quantity, std::optional<int>(60));
        QCOMPARE(m->date, QDate(2026, 1, 6));
        QCOMPARE(m->engine, QStringLiteral("local"));
        QCOMPARE(m->needsReview, QStringList{QStringLiteral("prescriber")});
        QCOMPARE(m->confidence.size(), 2); // the unknown key is ignored
        QCOMPARE(m->confidence.value(QStringLiteral("medication_name")), 0.97);
        QVERIFY(MedicationValidator::validate(*m, QDate(2026, 2, 1)).isEmpty());

        // And back: the stored shape carries the contract's fields.
        const QJsonObject out = m->toJson();
        for (const QString &field : Medication::contractFields())
            QVERIFY2(out.contains(field), qPrintable(field));
        QCOMPARE(out.value(QStringLiteral("rx_number")).toString(), QStringLiteral("6084521"));
        QVERIFY(out.value(QStringLiteral("photo")).isNull());
    }

    void wrongTypesAreRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mention");
        QTest::newRow("name number") << R"({"medication_name": 5, "schedule": "once daily"})"
                                     << "medication_name must be text";
        QTest::newRow("quantity text") << R"({"medication_name": "A", "quantity": "sixty"})"
                                       << "quantity must be a whole number";
        QTest::newRow("quantity fraction") << R"({"medication_name": "A", "quantity": 1.5})"
                                           << "quantity must be a whole number";
        QTest::newRow("as_needed text") << R"({"medication_name": "A", "as_needed": "yes"})"
                                        << "as_needed must be true or false";
        QTest::newRow("bad date") << R"({"medication_name": "A", "date": "01/06/2026"})"
                                  << "YYYY-MM-DD";
        QTest::newRow("impossible date") << R"({"medication_name": "A", "date": "2026-02-30"})"
                                         << "YYYY-MM-DD";
        QTest::newRow("confidence range")
            << R"({"medication_name": "A", "confidence": {"dosage": 1.5}})"
            << "confidence of dosage";
        QTest::newRow("needs_review type")
            << R"({"medication_name": "A", "needs_review": "dosage"})"
            << "needs_review must be a list";
        QTest::newRow("failed reading") << R"({"file": "x.jpg", "error": "image is too dark"})"
                                        << "failed reading";
    }
    void wrongTypesAreRefused() {
        QFETCH(QString, json);
        QFETCH(QString, mention);
        QStringList errors;
        QVERIFY(!Medication::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &errors));
        QVERIFY2(errors.join(u' ').contains(mention), qPrintable(errors.join(u' ')));
    }

    void applyJsonLeavesRecordOnError() {
        Medication m = *Medication::fromJson(parse(kOcrLine), nullptr);
        QStringList errors;
        QVERIFY(!m.applyJson(parse(R"({"dosage": "20 mg", "quantity": "lots"})"), &errors));
        QCOMPARE(m.dosage, QStringLiteral("10 mg"));
        QVERIFY(!m.applyJson(parse(R"({"id": 4})"), &errors));
        QVERIFY(errors.last().contains(QStringLiteral("id is not a field")));
        QVERIFY(m.applyJson(parse(R"({"dosage": "20 mg", "refills": null})"), &errors));
        QCOMPARE(m.dosage, QStringLiteral("20 mg"));
        QVERIFY(!m.refills);
    }

    void validation_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mention"); // empty: valid
        QTest::newRow("minimal") << R"({"medication_name": "Metformin", "schedule": "twice daily"})"
                                 << "";
        QTest::newRow("no name") << R"({"medication_name": "  ", "schedule": "twice daily"})"
                                 << "medication_name is missing";
        QTest::newRow("digits only") << R"({"medication_name": "123", "schedule": "twice daily"})"
                                     << "has no letters";
        QTest::newRow("no schedule") << R"({"medication_name": "Metformin"})"
                                     << "schedule is missing";
        QTest::newRow("bad schedule") << R"({"medication_name": "Metformin", "schedule": "BID"})"
                                      << "is not one of";
        QTest::newRow("bad dosage")
            << R"({"medication_name": "Metformin", "schedule": "once daily", "dosage": "a lot"})"
            << "is not a strength";
        QTest::newRow("times mismatch")
            << R"({"medication_name": "M", "schedule": "twice daily", "times_per_day": 3})"
            << "means 2";
        QTest::newRow("times on weekly")
            << R"({"medication_name": "M", "schedule": "once weekly", "times_per_day": 1})"
            << "no fixed number";
        QTest::newRow("prn mismatch")
            << R"({"medication_name": "M", "schedule": "once daily", "as_needed": true})"
            << "is a fixed one";
        QTest::newRow("refills")
            << R"({"medication_name": "M", "schedule": "once daily", "refills": 500})"
            << "refills 500";
        QTest::newRow("negative quantity")
            << R"({"medication_name": "M", "schedule": "once daily", "quantity": -1})"
            << "quantity -1";
        QTest::newRow("future")
            << R"({"medication_name": "M", "schedule": "once daily", "date": "2030-01-01"})"
            << "in the future";
        QTest::newRow("engine")
            << R"({"medication_name": "M", "schedule": "once daily", "engine": "magic"})"
            << "engine \"magic\"";
        QTest::newRow("control chars")
            << "{\"medication_name\": \"M\\u0007\", \"schedule\": \"once daily\"}"
            << "control characters";
    }
    void validation() {
        QFETCH(QString, json);
        QFETCH(QString, mention);
        auto m = Medication::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), nullptr);
        QVERIFY(m);
        const Medication before = *m;
        const QStringList errors = MedicationValidator::validate(*m, QDate(2026, 3, 1));
        if (mention.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        } else {
            QVERIFY2(errors.join(u' ').contains(mention), qPrintable(errors.join(u' ')));
            QCOMPARE(m->toJson(), before.toJson()); // unchanged on error
        }
    }

    void validationNormalises() {
        auto m = Medication::fromJson(
            parse(R"({"medication_name": " Ibuprofen ", "schedule": "Every 6 Hours As Needed",
            "dosage_form": "Tablet", "needs_review": ["dosage", "bogus"]})"),
            nullptr);
        QVERIFY(MedicationValidator::validate(*m).isEmpty());
        QCOMPARE(m->medicationName, QStringLiteral("Ibuprofen"));
        QCOMPARE(m->schedule, QStringLiteral("every 6 hours as needed"));
        QVERIFY(m->asNeeded);
        QVERIFY(!m->timesPerDay);
        QCOMPARE(m->dosageForm, QStringLiteral("tablet"));
        QCOMPARE(m->needsReview, QStringList{QStringLiteral("dosage")});
    }
};

QTEST_GUILESS_MAIN(TestMedicationRecord)
#include "tst_medication_record.moc"
