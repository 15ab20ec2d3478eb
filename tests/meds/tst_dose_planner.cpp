// Today's due times from the canonical schedules.
#include "meds/dose_planner.h"

#include <QTest>

using namespace kiosk::meds;

namespace {
Medication withSchedule(const QString &schedule) {
    Medication m;
    m.medicationName = QStringLiteral("Test");
    m.schedule = schedule;
    m.createdAt = QDateTime(QDate(2026, 11, 2), QTime(10, 0)); // a Monday
    return m;
}

QStringList times(const QList<QTime> &list) {
    QStringList out;
    for (const QTime &t : list)
        out.append(t.toString(QStringLiteral("HH:mm")));
    return out;
}
} // namespace

class TestDosePlanner : public QObject {
    Q_OBJECT

private slots:
    void dueTimes_data() {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("once") << "once daily" << QStringList{"08:00"};
        QTest::newRow("twice") << "twice daily" << QStringList{"08:00", "20:00"};
        QTest::newRow("three") << "three times daily" << QStringList{"08:00", "14:00", "20:00"};
        QTest::newRow("four") << "four times daily"
                              << QStringList{"08:00", "12:00", "16:00", "20:00"};
        QTest::newRow("morning") << "every morning" << QStringList{"08:00"};
        QTest::newRow("bedtime") << "at bedtime" << QStringList{"21:00"};
        QTest::newRow("q4h") << "every 4 hours"
                             << QStringList{"00:00", "04:00", "08:00", "12:00", "16:00", "20:00"};
        QTest::newRow("q6h") << "every 6 hours" << QStringList{"02:00", "08:00", "14:00", "20:00"};
        QTest::newRow("q8h") << "every 8 hours" << QStringList{"00:00", "08:00", "16:00"};
        QTest::newRow("q12h") << "every 12 hours" << QStringList{"08:00", "20:00"};
        QTest::newRow("prn") << "as needed" << QStringList{};
        QTest::newRow("q6h prn") << "every 6 hours as needed" << QStringList{};
        QTest::newRow("unknown") << "whenever" << QStringList{};
    }
    void dueTimes() {
        QFETCH(QString, schedule);
        QFETCH(QStringList, expected);
        QCOMPARE(times(DosePlanner().dueTimes(withSchedule(schedule), QDate(2026, 11, 26))),
                 expected);
    }

    void weeklyFallsOnTheAnchorWeekday() {
        Medication m = withSchedule(QStringLiteral("once weekly"));
        const DosePlanner planner;
        QCOMPARE(times(planner.dueTimes(m, QDate(2026, 11, 9))), QStringList{"08:00"}); // Monday
        QVERIFY(planner.dueTimes(m, QDate(2026, 11, 10)).isEmpty());
        m.date = QDate(2026, 11, 5); // a Thursday: the label's date wins
        QVERIFY(planner.dueTimes(m, QDate(2026, 11, 9)).isEmpty());
        QCOMPARE(times(planner.dueTimes(m, QDate(2026, 11, 26))), QStringList{"08:00"});
    }

    void stoppedHasNothingDue() {
        Medication m = withSchedule(QStringLiteral("twice daily"));
        m.active = false;
        QVERIFY(DosePlanner().dueTimes(m, QDate(2026, 11, 26)).isEmpty());
        QVERIFY(!DosePlanner().nextDose(m, QDateTime(QDate(2026, 11, 26), QTime(9, 0))).isValid());
    }

    void customDay() {
        DosePlanner::Day day;
        day.wake = QTime(6, 30);
        day.bedtime = QTime(22, 30);
        const DosePlanner planner(day);
        QCOMPARE(times(planner.dueTimes(withSchedule(QStringLiteral("three times daily")),
                                        QDate(2026, 11, 26))),
                 (QStringList{"06:30", "14:00", "21:30"}));
        QCOMPARE(times(planner.dueTimes(withSchedule(QStringLiteral("at bedtime")),
                                        QDate(2026, 11, 26))),
                 QStringList{"22:30"});
    }

    void nextDose() {
        const DosePlanner planner;
        const Medication twice = withSchedule(QStringLiteral("twice daily"));
        QCOMPARE(planner.nextDose(twice, QDateTime(QDate(2026, 11, 26), QTime(9, 0))),
                 QDateTime(QDate(2026, 11, 26), QTime(20, 0)));
        QCOMPARE(planner.nextDose(twice, QDateTime(QDate(2026, 11, 26), QTime(20, 0))),
                 QDateTime(QDate(2026, 11, 27), QTime(8, 0)));
        const Medication weekly = withSchedule(QStringLiteral("once weekly"));
        QCOMPARE(planner.nextDose(weekly, QDateTime(QDate(2026, 11, 26), QTime(9, 0))),
                 QDateTime(QDate(2026, 11, 30), QTime(8, 0)));
        QVERIFY(
            !planner
                 .nextDose(withSchedule(QStringLiteral("as needed")), QDateTime::currentDateTime())
                 .isValid());
    }
};

QTEST_GUILESS_MAIN(TestDosePlanner)
#include "tst_dose_planner.moc"
