#include "aibrain/answer_normalizer.h"
#include "sim/ai_brain_simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using kiosk::aibrain::AnswerNormalizer;

class TestAnswerNormalizer : public QObject {
    Q_OBJECT

private:
    static QByteArray json(const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    AnswerNormalizer normalizer;

private slots:
    void initTestCase() {
        QVERIFY2(!kiosk::ocr::DrugLexicon::shared().isEmpty(),
                 "the drug lexicon must load from resources/ocr");
    }

    void simulatorAnswerIsNormalised() {
        const auto out = normalizer.fromBody(json(kiosk::sim::AiBrainSimulator::defaultAnswer()));
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto &rx = out.prescription;
        QCOMPARE(rx.medicationName,
                 QStringLiteral("Lisinopril")); // lexicon spelling, not "LISINOPRIL"
        QCOMPARE(rx.dosage, QStringLiteral("10 mg"));
        QCOMPARE(rx.dosageForm, QStringLiteral("tablet"));
        QCOMPARE(rx.schedule, QStringLiteral("once daily")); // "once a day" -> canonical
        QCOMPARE(rx.timesPerDay, std::optional<int>(1));
        QCOMPARE(rx.asNeeded, false);
        QCOMPARE(rx.prescriber, QStringLiteral("Jane Smith")); // "Dr. Jane Smith, MD"
        QCOMPARE(rx.instructions, QStringLiteral("Take 1 tablet by mouth once daily"));
        QCOMPARE(rx.quantity, std::optional<int>(30));
        QCOMPARE(rx.refills, std::optional<int>(2)); // "2" as a string is fine
        QCOMPARE(rx.date, QStringLiteral("2026-01-06"));
        QVERIFY(out.rawText.startsWith(QStringLiteral("CAREWELL PHARMACY")));
        QCOMPARE(rx.confidence.value(QStringLiteral("medication_name")), 0.96);
        // Every core field was given with a high confidence and checks out.
        for (const QString &field : kiosk::ocr::Prescription::coreFields())
            QVERIFY2(!rx.needsReview.contains(field), qPrintable(field));
        // Fields the answer gave no confidence for get the conservative default: checked by a
        // person.
        QCOMPARE(rx.confidence.value(QStringLiteral("pharmacy")),
                 AnswerNormalizer::kDefaultConfidence);
        QVERIFY(rx.needsReview.contains(QStringLiteral("pharmacy")));
        QVERIFY(rx.needsReview.contains(QStringLiteral("dosage_form")));
    }

    void unknownFieldsAreIgnored() {
        QJsonObject answer = kiosk::sim::AiBrainSimulator::defaultAnswer();
        answer.insert(QStringLiteral("medication_id"),
                      QJsonObject{{QStringLiteral("ndc"), QStringLiteral("0000")}});
        answer.insert(QStringLiteral("__proto__"), QJsonArray{1, 2, 3});
        answer.insert(QStringLiteral("engine"), QStringLiteral("local"));
        const auto out = normalizer.fromBody(json(answer));
        QVERIFY(out.ok());
        const QJsonObject o = out.prescription.toJson();
        QVERIFY(!o.contains(QStringLiteral("medication_id")));
        QVERIFY(!o.contains(QStringLiteral("__proto__")));
        QVERIFY(!o.contains(QStringLiteral("model")));
        QVERIFY(!o.contains(QStringLiteral("engine")));
        QCOMPARE(out.prescription.medicationName, QStringLiteral("Lisinopril"));
    }

    void missingCoreFieldsAreEmptyAndFlagged() {
        const auto out = normalizer.fromBody(
            R"({"medication_name": "Metformin", "confidence": {"medication_name": 0.95}})");
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto &rx = out.prescription;
        QCOMPARE(rx.medicationName, QStringLiteral("Metformin"));
        QVERIFY(!rx.needsReview.contains(QStringLiteral("medication_name")));
        for (const QString &field :
             {QStringLiteral("dosage"), QStringLiteral("schedule"), QStringLiteral("prescriber"),
              QStringLiteral("instructions")}) {
            QVERIFY2(rx.valueText(field).isEmpty(), qPrintable(field));
            QVERIFY2(rx.needsReview.contains(field), qPrintable(field));
            QCOMPARE(rx.confidence.value(field, -1), 0.0);
        }
        QCOMPARE(rx.timesPerDay, std::nullopt);
        QCOMPARE(rx.quantity, std::nullopt);
    }

    void withoutConfidenceNothingLooksSure() {
        QJsonObject answer = kiosk::sim::AiBrainSimulator::defaultAnswer();
        answer.remove(QStringLiteral("confidence"));
        const auto out = normalizer.fromBody(json(answer));
        QVERIFY(out.ok());
        for (auto it = out.prescription.confidence.cbegin();
             it != out.prescription.confidence.cend(); ++it) {
            QVERIFY2(it.value() < 0.8, qPrintable(it.key()));
            QVERIFY2(out.prescription.needsReview.contains(it.key()), qPrintable(it.key()));
        }
    }

    void confidenceIsClampedAndCheckedLocally() {
        QJsonObject answer = kiosk::sim::AiBrainSimulator::defaultAnswer();
        answer.insert(QStringLiteral("confidence"),
                      QJsonObject{{QStringLiteral("medication_name"), 7.0},
                                  {QStringLiteral("dosage"), -2.0},
                                  {QStringLiteral("schedule"), QStringLiteral("high")}});
        auto out = normalizer.fromBody(json(answer));
        QVERIFY(out.ok());
        QCOMPARE(out.prescription.confidence.value(QStringLiteral("medication_name")), 1.0);
        QCOMPARE(out.prescription.confidence.value(QStringLiteral("dosage")), 0.0);
        QVERIFY(out.prescription.confidence.value(QStringLiteral("schedule")) <=
                AnswerNormalizer::kDefaultConfidence);

        // One number for everything.
        answer.insert(QStringLiteral("confidence"), 0.9);
        out = normalizer.fromBody(json(answer));
        QCOMPARE(out.prescription.confidence.value(QStringLiteral("prescriber")), 0.9);

        // A misspelt drug is corrected by the lexicon but has to be looked at.
        answer.insert(QStringLiteral("medication_name"), QStringLiteral("Metfornin"));
        out = normalizer.fromBody(json(answer));
        QCOMPARE(out.prescription.medicationName, QStringLiteral("Metformin"));
        QVERIFY(out.prescription.needsReview.contains(QStringLiteral("medication_name")));

        // A drug the lexicon does not know stays as given, and doubtful.
        answer.insert(QStringLiteral("medication_name"), QStringLiteral("Zorblaxitide"));
        out = normalizer.fromBody(json(answer));
        QCOMPARE(out.prescription.medicationName, QStringLiteral("Zorblaxitide"));
        QVERIFY(out.prescription.confidence.value(QStringLiteral("medication_name")) <= 0.5);
        QVERIFY(out.prescription.needsReview.contains(QStringLiteral("medication_name")));

        // A known drug inside unknown words is not trusted either.
        answer.insert(QStringLiteral("medication_name"), QStringLiteral("Zorbla Aspirin"));
        out = normalizer.fromBody(json(answer));
        QVERIFY(out.prescription.needsReview.contains(QStringLiteral("medication_name")));
    }

    void scheduleGoesThroughTheSigNormaliser_data() {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("instructions");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<bool>("asNeeded");
        QTest::addColumn<bool>("review");
        QTest::newRow("BID") << "BID"
                             << "Take 1 tablet by mouth twice daily"
                             << "twice daily" << false << false;
        QTest::newRow("3 times a day") << "3 times a day"
                                       << ""
                                       << "three times daily" << false << false;
        QTest::newRow("Q6H PRN") << "Q6H PRN"
                                 << "Take 1 tablet every 6 hours as needed for pain"
                                 << "every 6 hours as needed" << true << false;
        QTest::newRow("qhs") << "qhs"
                             << ""
                             << "at bedtime" << false << false;
        QTest::newRow("from the sig") << ""
                                      << "1 tab PO TID"
                                      << "three times daily" << false << true;
        QTest::newRow("not a schedule, sig says") << "whenever"
                                                  << "Take one capsule by mouth every morning"
                                                  << "every morning" << false << true;
        QTest::newRow("conflict") << "once daily"
                                  << "Take 1 tablet by mouth twice daily"
                                  << "once daily" << false << true;
        QTest::newRow("unknown") << "every other blue moon"
                                 << ""
                                 << "" << false << true;
    }
    void scheduleGoesThroughTheSigNormaliser() {
        QFETCH(QString, schedule);
        QFETCH(QString, instructions);
        QFETCH(QString, canonical);
        QFETCH(bool, asNeeded);
        QFETCH(bool, review);
        QJsonObject answer{{QStringLiteral("medication_name"), QStringLiteral("Ibuprofen")},
                           {QStringLiteral("confidence"), 0.95}};
        if (!schedule.isEmpty())
            answer.insert(QStringLiteral("schedule"), schedule);
        if (!instructions.isEmpty())
            answer.insert(QStringLiteral("instructions"), instructions);
        const auto out = normalizer.fromObject(answer);
        QVERIFY(out.ok());
        QCOMPARE(out.prescription.schedule, canonical);
        QCOMPARE(out.prescription.asNeeded, asNeeded);
        QCOMPARE(out.prescription.needsReview.contains(QStringLiteral("schedule")), review);
    }

    void wrongTypesAndSizesAreDroppedAndFlagged() {
        QJsonObject answer{{QStringLiteral("medication_name"), 42},
                           {QStringLiteral("dosage"), QJsonArray{QStringLiteral("10 mg")}},
                           {QStringLiteral("schedule"), QStringLiteral("twice daily")},
                           {QStringLiteral("prescriber"), QString(5000, QLatin1Char('A'))},
                           {QStringLiteral("instructions"),
                            QStringLiteral("Take\u0000 one\u202e tablet\ttwice daily")},
                           {QStringLiteral("quantity"), QStringLiteral("lots")},
                           {QStringLiteral("refills"), 2.5},
                           {QStringLiteral("date"), QStringLiteral("next tuesday")},
                           {QStringLiteral("rx_number"), 6084521},
                           {QStringLiteral("confidence"), 0.99}};
        const auto out = normalizer.fromObject(answer);
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto &rx = out.prescription;
        QVERIFY(rx.medicationName.isEmpty());
        QVERIFY(rx.dosage.isEmpty());
        QVERIFY(rx.prescriber.isEmpty());
        QCOMPARE(rx.instructions,
                 QStringLiteral("Take one tablet twice daily")); // control characters gone
        QCOMPARE(rx.schedule, QStringLiteral("twice daily"));
        QCOMPARE(rx.quantity, std::nullopt);
        QCOMPARE(rx.refills, std::nullopt);
        QVERIFY(rx.date.isEmpty());
        QCOMPARE(rx.rxNumber, QStringLiteral("6084521"));
        for (const QString &field : {QStringLiteral("medication_name"), QStringLiteral("dosage"),
                                     QStringLiteral("prescriber"), QStringLiteral("quantity"),
                                     QStringLiteral("refills"), QStringLiteral("date")})
            QVERIFY2(rx.needsReview.contains(field), qPrintable(field));
        QVERIFY(!rx.needsReview.contains(QStringLiteral("schedule")));
    }

    void garbageIsAClearError() {
        for (const QByteArray &body : kiosk::sim::AiBrainSimulator::garbageBodies()) {
            const auto out = normalizer.fromBody(body);
            QVERIFY2(!out.ok(), body.constData());
            QVERIFY(out.error.startsWith(QStringLiteral("AI Brain's answer")));
        }
        QVERIFY(!normalizer.fromBody("").ok());
        QVERIFY(normalizer.fromBody(QByteArray(AnswerNormalizer::kMaxAnswerBytes + 10, ' '))
                    .error.contains(QStringLiteral("too large")));
    }

    void errorDetail() {
        QCOMPARE(AnswerNormalizer::errorDetail(R"({"detail": "Model inference failed"})"),
                 QStringLiteral("Model inference failed"));
        QCOMPARE(
            AnswerNormalizer::errorDetail(
                R"({"detail":[{"loc":["body","file"],"msg":"field required","type":"value_error.missing"}]})"),
            QStringLiteral("file: field required"));
        QCOMPARE(
            AnswerNormalizer::errorDetail("<html><body><h1>502 Bad Gateway</h1></body></html>"),
            QStringLiteral("502 Bad Gateway"));
        QVERIFY(AnswerNormalizer::errorDetail(QByteArray(100000, 'x')).size() <=
                AnswerNormalizer::kMaxDetailChars);
        QCOMPARE(AnswerNormalizer::errorDetail(""), QString());
    }
};

QTEST_GUILESS_MAIN(TestAnswerNormalizer)
#include "tst_answer_normalizer.moc"
