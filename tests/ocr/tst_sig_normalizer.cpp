#include "ocr/sig_normalizer.h"

#include <QTest>

using kiosk::ocr::SigNormalizer;

class TestSigNormalizer : public QObject {
    Q_OBJECT
private slots:
    void schedules_data() {
        QTest::addColumn<QString>("sig");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<int>("timesPerDay"); // -1: none
        QTest::addColumn<bool>("asNeeded");
        QTest::newRow("bid") << "1 tab PO BID"
                             << "twice daily" << 2 << false;
        QTest::newRow("2 times a day") << "Take one tablet by mouth 2 times a day"
                                       << "twice daily" << 2 << false;
        QTest::newRow("two times daily") << "TAKE ONE TABLET BY MOUTH TWO TIMES DAILY WITH FOOD"
                                         << "twice daily" << 2 << false;
        QTest::newRow("tid") << "1 cap po tid"
                             << "three times daily" << 3 << false;
        QTest::newRow("qid") << "1 tab PO QID with a full glass of water"
                             << "four times daily" << 4 << false;
        QTest::newRow("daily") << "1 cap PO daily with meals"
                               << "once daily" << 1 << false;
        QTest::newRow("every day") << "Take one tablet by mouth every day"
                                   << "once daily" << 1 << false;
        QTest::newRow("qd dotted") << "1 tab p.o. q.d."
                                   << "once daily" << 1 << false;
        QTest::newRow("qam") << "2 tab PO QAM with meals"
                             << "every morning" << 1 << false;
        QTest::newRow("hs") << "2 tab PO HS"
                            << "at bedtime" << 1 << false;
        QTest::newRow("qhs") << "1 tab PO QHS"
                             << "at bedtime" << 1 << false;
        QTest::newRow("q8h") << "1 cap PO Q8H with a full glass of water"
                             << "every 8 hours" << 3 << false;
        QTest::newRow("every 12 hours") << "Take one capsule by mouth every 12 hours"
                                        << "every 12 hours" << 2 << false;
        QTest::newRow("q6h prn") << "1 tab PO Q6H PRN for pain"
                                 << "every 6 hours as needed" << -1 << true;
        QTest::newRow("every 4 hours as needed") << "Take 2 tablets every 4 hours as needed"
                                                 << "every 4 hours as needed" << -1 << true;
        QTest::newRow("when needed") << "Take one capsule by mouth when needed for pain"
                                     << "as needed" << -1 << true;
        QTest::newRow("weekly") << "1 tab PO once weekly on an empty stomach"
                                << "once weekly" << -1 << false;
        QTest::newRow("once a week") << "Take one tablet once a week"
                                     << "once weekly" << -1 << false;
        QTest::newRow("nothing") << "Use as directed"
                                 << "" << -1 << false;
    }
    void schedules() {
        QFETCH(QString, sig);
        QFETCH(QString, schedule);
        QFETCH(int, timesPerDay);
        QFETCH(bool, asNeeded);
        const auto r = SigNormalizer::normalise(sig);
        QCOMPARE(r.schedule, schedule);
        QCOMPARE(r.timesPerDay.value_or(-1), timesPerDay);
        QCOMPARE(r.asNeeded, asNeeded);
        if (!schedule.isEmpty())
            QVERIFY(r.certainty > 0.9);
    }
    void conflictingSchedulesAreUncertain() {
        const auto r =
            SigNormalizer::normalise(QStringLiteral("1 tab PO BID and 2 tab at bedtime"));
        QVERIFY(!r.schedule.isEmpty());
        QVERIFY(r.certainty < 0.5);
    }
    void expandsLatin() {
        QCOMPARE(SigNormalizer::expand(QStringLiteral("1 tab PO Q6H PRN for pain")),
                 QStringLiteral("Take one tablet by mouth every 6 hours as needed for pain"));
        QCOMPARE(SigNormalizer::expand(QStringLiteral("1 cap PO BID")),
                 QStringLiteral("Take one capsule by mouth twice daily"));
        QCOMPARE(SigNormalizer::expand(QStringLiteral("1/2 tab PO daily")),
                 QStringLiteral("Take one-half tablet by mouth daily"));
        QCOMPARE(SigNormalizer::expand(QStringLiteral("TAKE ONE TABLET BY MOUTH DAILY")),
                 QStringLiteral("Take one tablet by mouth daily"));
    }
};

QTEST_GUILESS_MAIN(TestSigNormalizer)
#include "tst_sig_normalizer.moc"
