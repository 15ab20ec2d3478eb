#include "ocr/rx_scorer.h"

#include <QJsonArray>
#include <QTest>

using kiosk::ocr::RxScorer;

class TestRxScorer : public QObject {
    Q_OBJECT
private slots:
    void rules() {
        const QJsonObject truth{
            {QStringLiteral("medication_name"), QStringLiteral("Lisinopril")},
            {QStringLiteral("dosage"), QStringLiteral("10 mg")},
            {QStringLiteral("schedule"), QStringLiteral("twice daily")},
            {QStringLiteral("prescriber"), QStringLiteral("Jane Smith")},
            {QStringLiteral("instructions"),
             QStringLiteral("Take one tablet by mouth twice daily with food")},
            {QStringLiteral("printed_sig"), QStringLiteral("1 tab PO BID with food")}};
        QVERIFY(RxScorer::fieldRight(QStringLiteral("dosage"), QStringLiteral("10mg"), truth));
        QVERIFY(!RxScorer::fieldRight(QStringLiteral("dosage"), QStringLiteral("1.0 mg"), truth));
        QVERIFY(RxScorer::fieldRight(QStringLiteral("prescriber"),
                                     QStringLiteral("Dr. Jane Smith, MD"), truth));
        QVERIFY(RxScorer::fieldRight(QStringLiteral("medication_name"),
                                     QStringLiteral("LISINOPRIL"), truth));
        QVERIFY(RxScorer::fieldRight(QStringLiteral("instructions"),
                                     QStringLiteral("1 TAB PO BID WITH FOOD"), truth));
        QVERIFY(!RxScorer::fieldRight(QStringLiteral("instructions"),
                                      QStringLiteral("Take one tablet by mouth"), truth));
        QVERIFY(
            !RxScorer::fieldRight(QStringLiteral("schedule"), QStringLiteral("once daily"), truth));
        QCOMPARE(RxScorer::wordSimilarity(QStringLiteral("a b c d"), QStringLiteral("a b c d")),
                 1.0);
    }
    void silentErrors() {
        const QJsonObject truth{{QStringLiteral("medication_name"), QStringLiteral("Lisinopril")},
                                {QStringLiteral("dosage"), QStringLiteral("10 mg")}};
        QJsonObject reading{
            {QStringLiteral("medication_name"), QStringLiteral("Losartan")},
            {QStringLiteral("dosage"), QStringLiteral("10 mg")},
            {QStringLiteral("confidence"), QJsonObject{{QStringLiteral("medication_name"), 0.9}}},
            {QStringLiteral("needs_review"), QJsonArray()}};
        RxScorer::Totals totals;
        totals.add(RxScorer::score(reading, truth), false);
        QCOMPARE(totals.silentErrors, 1);
        reading.insert(QStringLiteral("needs_review"),
                       QJsonArray{QStringLiteral("medication_name")});
        RxScorer::Totals flagged;
        flagged.add(RxScorer::score(reading, truth), false);
        QCOMPARE(flagged.silentErrors, 0);
        QCOMPARE(flagged.wholeRecords, 0);
    }
};

QTEST_GUILESS_MAIN(TestRxScorer)
#include "tst_rx_scorer.moc"
