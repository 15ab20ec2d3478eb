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

    // A Spanish label's directions read to the same canonical schedule as their English twin.
    void spanishTwins_data() {
        QTest::addColumn<QString>("spanish");
        QTest::addColumn<QString>("english");
        QTest::newRow("dos veces al dia") << "Tome 1 tableta por vía oral dos veces al día"
                                          << "Take 1 tablet by mouth twice daily";
        QTest::newRow("capitals, accents lost") << "TOME UNA TABLETA POR VIA ORAL CADA 8 HORAS"
                                                << "TAKE ONE TABLET BY MOUTH EVERY 8 HOURS";
        QTest::newRow("c/12 hrs") << "1 cápsula c/12 hrs"
                                  << "1 cap PO Q12H";
        QTest::newRow("una vez al dia") << "Tome una tableta una vez al día con alimentos"
                                        << "Take one tablet once daily with food";
        QTest::newRow("diariamente") << "Tome 1 comprimido diariamente"
                                     << "Take 1 tablet daily";
        QTest::newRow("tres veces") << "Tome 2 cápsulas tres veces al día después de las comidas"
                                    << "Take 2 capsules three times a day after meals";
        QTest::newRow("cuatro veces") << "Aplique 2 gotas en cada ojo 4 veces al día"
                                      << "Instill 2 drops in each eye 4 times a day";
        QTest::newRow("al acostarse") << "Tome 1 tableta al acostarse"
                                      << "Take 1 tablet at bedtime";
        QTest::newRow("por la manana") << "Tome 1 tableta por la mañana en ayunas"
                                       << "Take 1 tablet every morning";
        QTest::newRow("semana") << "Tome 1 tableta una vez a la semana"
                                << "Take 1 tablet once a week";
        QTest::newRow("cada 6 horas si es necesario")
            << "Tome 1 tableta cada 6 horas si es necesario para el dolor"
            << "Take 1 tablet every 6 hours as needed for pain";
        QTest::newRow("en caso de dolor") << "Tome 1 tableta en caso de dolor"
                                          << "Take 1 tablet as needed for pain";
        QTest::newRow("cada 24 horas") << "Tome 1 tableta cada 24 horas"
                                       << "Take 1 tablet every 24 hours";
        QTest::newRow("cada tercer dia") << "Tome 1 tableta cada tercer día"
                                         << "Take 1 tablet every other day";
    }
    void spanishTwins() {
        QFETCH(QString, spanish);
        QFETCH(QString, english);
        const auto es = SigNormalizer::normalise(spanish);
        const auto en = SigNormalizer::normalise(english);
        QCOMPARE(es.schedule, en.schedule);
        QCOMPARE(es.timesPerDay, en.timesPerDay);
        QCOMPARE(es.asNeeded, en.asNeeded);
        QCOMPARE(es.certainty, en.certainty);
    }

    void spanishStaysSpanish() {
        // Plain text keeps the label's language; only the abbreviations are spelt out.
        QCOMPARE(SigNormalizer::expand(QStringLiteral("Tome 1 tableta VO c/8 hrs")),
                 QStringLiteral("Tome 1 tableta por vía oral cada 8 horas"));
        QCOMPARE(SigNormalizer::expand(QStringLiteral("TOME UNA TABLETA CADA DÍA")),
                 QStringLiteral("Tome una tableta cada día"));
        // "Ud." is "usted" on a Spanish label, not the Latin "as directed".
        QCOMPARE(SigNormalizer::expand(QStringLiteral("Tome 1 tableta como Ud. sabe cada día")),
                 QStringLiteral("Tome 1 tableta como Ud. sabe cada día"));
    }
};

QTEST_GUILESS_MAIN(TestSigNormalizer)
#include "tst_sig_normalizer.moc"
