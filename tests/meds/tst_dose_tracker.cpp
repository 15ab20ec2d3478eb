// The day's doses and the dose log on an injected clock: midnight, summer time both ways in
// Europe/Madrid and America/New_York, a tablet that was off for a day, two doses close
// together, a new time zone, the as-needed guard, refills and the reminder scheduler.
#include "meds/as_needed_rule.h"
#include "meds/dose_day.h"
#include "meds/dose_tracker.h"
#include "meds/manual_clock.h"
#include "meds/medication_store.h"
#include "meds/refill_estimate.h"
#include "meds/reminder_scheduler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kiosk::meds;

namespace {

const QTimeZone kMadrid("Europe/Madrid");
const QTimeZone kNewYork("America/New_York");

QDateTime wall(const QDate &date, const QTime &time, const QTimeZone &zone) {
    return DosePlanner::atWallTime(date, time, zone);
}

// Real time plus an offset: a clock that ticks, for the QTimer of the scheduler.
class OffsetClock : public Clock {
public:
    OffsetClock(qint64 offsetMs, const QTimeZone &zone)
        : m_offsetMs(offsetMs)
        , m_zone(zone) {}
    QDateTime now() const override { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs); }
    QTimeZone timeZone() const override { return m_zone; }

private:
    qint64 m_offsetMs;
    QTimeZone m_zone;
};

struct Household {
    explicit Household(const QDateTime &now, const QTimeZone &zone = kMadrid)
        : store(dir.filePath(QStringLiteral("meds.sqlite")))
        , clock(now, zone)
        , tracker(store, clock) {
        QString error;
        opened = store.open(&error);
        if (!opened)
            qWarning("%s", qPrintable(error));
    }
    Medication add(const QString &name, const QString &schedule, const QString &instructions = {},
                   const QStringList &times = {}) {
        Medication m;
        m.medicationName = name;
        m.dosage = QStringLiteral("10 mg");
        m.schedule = schedule;
        m.instructions = instructions;
        for (const QString &t : times)
            m.doseTimes.append(QTime::fromString(t, QStringLiteral("HH:mm")));
        QString error;
        const auto stored = store.add(m, &error);
        if (!stored)
            qFatal("add failed: %s", qPrintable(error));
        return *stored;
    }
    QList<DoseSlot> day(const QDate &date) {
        QString error;
        const auto daySlots = tracker.day(date, &error);
        if (!daySlots)
            qFatal("day failed: %s", qPrintable(error));
        return *daySlots;
    }
    QList<DoseSlot> today() { return day(clock.today()); }
    DoseTracker::LogResult give(const Medication &m, const QDateTime &at = {}, bool force = false) {
        DoseTracker::LogRequest request;
        request.medicationUuid = m.uuid;
        request.at = at;
        request.force = force;
        request.givenBy = QStringLiteral("Ana");
        return tracker.logDose(request);
    }

    QTemporaryDir dir;
    MedicationStore store;
    ManualClock clock;
    DoseTracker tracker;
    bool opened = false;
};

QStringList statuses(const QList<DoseSlot> &daySlots, const QString &uuid = {}) {
    QStringList out;
    for (const DoseSlot &slot : daySlots) {
        if (uuid.isEmpty() || slot.medication.uuid == uuid)
            out.append(DoseSlot::statusName(slot.status));
    }
    return out;
}

QStringList localTimes(const QList<DoseSlot> &daySlots, const QTimeZone &zone) {
    QStringList out;
    for (const DoseSlot &slot : daySlots) {
        if (slot.scheduledAt.isValid())
            out.append(slot.scheduledAt.toTimeZone(zone).toString(QStringLiteral("HH:mm t")));
    }
    return out;
}

} // namespace

class TestDoseTracker : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(kMadrid.isValid());
        QVERIFY(kNewYork.isValid());
    }

    void dayStatusesAsTheClockMoves() {
        Household home(wall(QDate(2030, 6, 3), QTime(7, 0), kMadrid));
        QVERIFY(home.opened);
        const Medication m = home.add(QStringLiteral("Metformin"), QStringLiteral("twice daily"));
        QCOMPARE(statuses(home.today()), (QStringList{"upcoming", "upcoming"}));
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        QCOMPARE(statuses(home.today()), (QStringList{"due", "upcoming"}));
        home.clock.set(wall(QDate(2030, 6, 3), QTime(10, 59), kMadrid));
        QCOMPARE(statuses(home.today()), (QStringList{"due", "upcoming"}));
        home.clock.set(wall(QDate(2030, 6, 3), QTime(11, 0), kMadrid)); // three hours after
        QCOMPARE(statuses(home.today()), (QStringList{"missed", "upcoming"}));
        home.clock.set(wall(QDate(2030, 6, 3), QTime(20, 5), kMadrid));
        const auto logged = home.give(m);
        QVERIFY2(logged.ok(), qPrintable(logged.message));
        QCOMPARE(logged.entry->scheduledAt, wall(QDate(2030, 6, 3), QTime(20, 0), kMadrid));
        QCOMPARE(statuses(home.today()), (QStringList{"missed", "given"}));
        QCOMPARE(home.tracker.detailText(home.today().at(1)), QStringLiteral("given 20:05 by Ana"));
    }

    void midnight() {
        // Every 4 hours runs round the clock: 00:00 belongs to the day it starts.
        Household home(wall(QDate(2030, 6, 3), QTime(23, 30), kMadrid));
        const Medication m =
            home.add(QStringLiteral("Amoxicillin"), QStringLiteral("every 4 hours"));
        const QList<DoseSlot> tomorrow = home.day(QDate(2030, 6, 4));
        QCOMPARE(localTimes(tomorrow, kMadrid).first(), QStringLiteral("00:00 CEST"));
        QCOMPARE(DoseSlot::statusName(tomorrow.first().status), QStringLiteral("upcoming"));
        // Given at 23:30, half an hour early: it is tomorrow's 00:00 dose, shown on tomorrow.
        const auto logged = home.give(m);
        QVERIFY2(logged.ok(), qPrintable(logged.message));
        QCOMPARE(logged.entry->scheduledAt, wall(QDate(2030, 6, 4), QTime(0, 0), kMadrid));
        QCOMPARE(DoseSlot::statusName(home.day(QDate(2030, 6, 4)).first().status),
                 QStringLiteral("given"));
        for (const DoseSlot &slot : home.day(QDate(2030, 6, 3)))
            QVERIFY(!slot.entry); // not also on the day it was given
        // After midnight the new day is "today" and yesterday's 20:00 dose is missed.
        home.clock.set(wall(QDate(2030, 6, 4), QTime(0, 1), kMadrid));
        QCOMPARE(home.clock.today(), QDate(2030, 6, 4));
        QCOMPARE(statuses(home.today()).first(), QStringLiteral("given"));
        QCOMPARE(statuses(home.day(QDate(2030, 6, 3))).last(), QStringLiteral("missed"));
    }

    void summerTime_data() {
        QTest::addColumn<QTimeZone>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("hours");         // the day's length
        QTest::addColumn<QStringList>("times"); // every 6 hours, on the wall clock
        QTest::addColumn<QString>("secondUtc"); // the 02:00 dose in UTC
        QTest::newRow("Madrid, to summer")
            << kMadrid << QDate(2030, 3, 31) << 23
            << QStringList{"03:00 CEST", "08:00 CEST", "14:00 CEST", "20:00 CEST"} << "01:00";
        QTest::newRow("Madrid, from summer")
            << kMadrid << QDate(2030, 10, 27) << 25
            << QStringList{"02:00 CEST", "08:00 CET", "14:00 CET", "20:00 CET"} << "00:00";
        QTest::newRow("New York, to summer")
            << kNewYork << QDate(2030, 3, 10) << 23
            << QStringList{"03:00 EDT", "08:00 EDT", "14:00 EDT", "20:00 EDT"} << "07:00";
        QTest::newRow("New York, from summer")
            << kNewYork << QDate(2030, 11, 3) << 25
            << QStringList{"02:00 EST", "08:00 EST", "14:00 EST", "20:00 EST"} << "07:00";
    }
    void summerTime() {
        QFETCH(QTimeZone, zone);
        QFETCH(QDate, date);
        QFETCH(int, hours);
        QFETCH(QStringList, times);
        QFETCH(QString, secondUtc);
        QCOMPARE(DoseDay::startOf(date, zone).secsTo(DoseDay::endOf(date, zone)),
                 qint64(hours) * 3600);
        Household home(wall(date.addDays(-1), QTime(12, 0), zone), zone);
        const Medication m =
            home.add(QStringLiteral("Amoxicillin"), QStringLiteral("every 6 hours"));
        QList<DoseSlot> daySlots = home.day(date);
        QCOMPARE(localTimes(daySlots, zone), times); // four doses, none twice, none lost
        QCOMPARE(daySlots.first().scheduledAt.toUTC().toString(QStringLiteral("HH:mm")), secondUtc);
        // At the first dose (in the gap's case, the first minute after it) the dose is due, and
        // the 02:00 dose of the day before is missed, not forgotten.
        home.clock.set(daySlots.first().scheduledAt);
        QCOMPARE(statuses(home.day(date)).first(), QStringLiteral("due"));
        QCOMPARE(statuses(home.day(date.addDays(-1))),
                 (QStringList{"missed", "missed", "missed", "missed"}));
        const auto logged = home.give(m);
        QVERIFY2(logged.ok(), qPrintable(logged.message));
        QCOMPARE(logged.entry->scheduledAt, daySlots.first().scheduledAt);
        QCOMPARE(statuses(home.day(date)),
                 (QStringList{"given", "upcoming", "upcoming", "upcoming"}));
        // The repeated hour: a dose at 01:30 (New York) or 02:30 (Madrid) is planned once, at
        // its first occurrence.
        if (hours == 25) {
            const QTime repeated = zone == kMadrid ? QTime(2, 30) : QTime(1, 30);
            const QDateTime first = wall(date, repeated, zone);
            QCOMPARE(first.addSecs(3600).toTimeZone(zone).time(), repeated); // it does occur twice
            QVERIFY(first.toTimeZone(zone).isDaylightTime());
        }
    }

    void tabletOffForADay() {
        Household home(wall(QDate(2030, 6, 3), QTime(7, 0), kMadrid));
        const Medication m = home.add(QStringLiteral("Metformin"), QStringLiteral("twice daily"));
        ReminderScheduler scheduler(home.tracker);
        QSignalSpy due(&scheduler, &ReminderScheduler::doseDue);
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextChange(), wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        // Off until the next evening: three doses passed with nobody there.
        home.clock.set(wall(QDate(2030, 6, 4), QTime(20, 30), kMadrid));
        QCOMPARE(statuses(home.day(QDate(2030, 6, 3))), (QStringList{"missed", "missed"}));
        QCOMPARE(statuses(home.today()), (QStringList{"missed", "due"}));
        QCOMPARE(due.count(), 1); // only the dose that is due now rings
        QCOMPARE(due.first().first().value<DoseSlot>().scheduledAt,
                 wall(QDate(2030, 6, 4), QTime(20, 0), kMadrid));
        QString error;
        const auto open = home.tracker.openDoses(&error);
        QVERIFY(open);
        QCOMPARE(open->size(), 4); // three missed and one due, none dropped
        Q_UNUSED(m);
    }

    void twoDosesCloseTogether() {
        Household home(wall(QDate(2030, 6, 3), QTime(7, 0), kMadrid));
        const Medication m = home.add(QStringLiteral("Levodopa"), QStringLiteral("twice daily"), {},
                                      {"08:00", "09:00"});
        QCOMPARE(localTimes(home.today(), kMadrid), (QStringList{"08:00 CEST", "09:00 CEST"}));
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 5), kMadrid));
        auto result = home.give(m);
        QVERIFY(result.ok());
        QCOMPARE(result.entry->scheduledAt, wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        // A second "given" ten minutes later is not the 09:00 dose: it is refused, saying when
        // the last one was given.
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 10), kMadrid));
        result = home.give(m);
        QCOMPARE(result.outcome, DoseTracker::LogResult::Outcome::NothingDue);
        QVERIFY2(result.message.contains(QStringLiteral("08:05 today by Ana")),
                 qPrintable(result.message));
        QCOMPARE(result.lastGiven->at, wall(QDate(2030, 6, 3), QTime(8, 5), kMadrid));
        // Half way there it counts for 09:00.
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 40), kMadrid));
        result = home.give(m);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.entry->scheduledAt, wall(QDate(2030, 6, 3), QTime(9, 0), kMadrid));
        QCOMPARE(statuses(home.today()), (QStringList{"given", "given"}));
        // Logging the 08:00 dose again by name is refused too; forced, it shows as a second entry.
        DoseTracker::LogRequest again;
        again.medicationUuid = m.uuid;
        again.scheduledAt = wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid);
        result = home.tracker.logDose(again);
        QCOMPARE(result.outcome, DoseTracker::LogResult::Outcome::AlreadyLogged);
        again.force = true;
        QVERIFY(home.tracker.logDose(again).ok());
        const auto daySlots = home.today();
        QCOMPARE(statuses(daySlots), (QStringList{"given", "given", "given"}));
        QCOMPARE(std::count_if(daySlots.cbegin(), daySlots.cend(),
                               [](const DoseSlot &s) { return s.extra; }),
                 1);
    }

    void timeZoneChange() {
        // 07:30 in Madrid, then the tablet moves to New York (same instant, 01:30 there).
        Household home(wall(QDate(2030, 6, 3), QTime(7, 30), kMadrid));
        const Medication m = home.add(QStringLiteral("Lisinopril"), QStringLiteral("once daily"));
        ReminderScheduler scheduler(home.tracker);
        QSignalSpy jumped(&scheduler, &ReminderScheduler::clockJumped);
        QSignalSpy due(&scheduler, &ReminderScheduler::doseDue);
        scheduler.start();
        QCOMPARE(scheduler.nextChange(), wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        home.clock.setTimeZone(kNewYork);
        QCOMPARE(jumped.count(), 1);
        QCOMPARE(home.clock.today(), QDate(2030, 6, 3));
        // The dose follows the wall clock: 08:00 in New York now.
        QCOMPARE(scheduler.nextChange(), wall(QDate(2030, 6, 3), QTime(8, 0), kNewYork));
        home.clock.set(
            wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid)); // what would have been dose time
        QCOMPARE(due.count(), 0);
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 0), kNewYork));
        QCOMPARE(due.count(), 1);
        QVERIFY(home.give(m).ok());
        QCOMPARE(statuses(home.today()), QStringList{"given"});
        scheduler.recheck(); // what the app does after logging
        QVERIFY(scheduler.dueNow().isEmpty());
    }

    void asNeededRules_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("minutes"); // -1: none
        QTest::addColumn<int>("max");     // -1: none
        QTest::newRow("range and max")
            << "Take 1 tablet every 4 to 6 hours as needed, no more than 4 in 24 hours" << 240 << 4;
        QTest::newRow("dash") << "1-2 tabs every 4-6 hrs prn pain. Max 6 tablets per day" << 240
                              << 6;
        QTest::newRow("words") << "every six hours as needed; do not exceed four doses in 24 hours"
                               << 360 << 4;
        QTest::newRow("up to") << "Use up to 3 times a day as needed" << -1 << 3;
        QTest::newRow("nothing") << "Take as needed for sleep" << -1 << -1;
    }
    void asNeededRules() {
        QFETCH(QString, text);
        QFETCH(int, minutes);
        QFETCH(int, max);
        const AsNeededRule rule = AsNeededRule::parse(text);
        QCOMPARE(rule.minIntervalMinutes.value_or(-1), minutes);
        QCOMPARE(rule.maxPerDay.value_or(-1), max);
        // The schedule's interval counts when the directions say less.
        Medication m;
        m.schedule = QStringLiteral("every 8 hours as needed");
        m.asNeeded = true;
        m.instructions = text;
        QCOMPARE(AsNeededRule::forMedication(m).minIntervalMinutes.value_or(-1),
                 qMax(minutes, 480));
    }

    void asNeededTooSoonAndTooMany() {
        Household home(wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        const Medication m =
            home.add(QStringLiteral("Ibuprofen"), QStringLiteral("as needed"),
                     QStringLiteral(
                         "Take 1 tablet every 4 to 6 hours as needed, no more than 4 in 24 hours"));
        QCOMPARE(statuses(home.today()), QStringList{"as needed"});
        QVERIFY(home.give(m).ok());
        home.clock.set(wall(QDate(2030, 6, 3), QTime(10, 30), kMadrid));
        auto result = home.give(m);
        QCOMPARE(result.outcome, DoseTracker::LogResult::Outcome::TooSoon);
        QVERIFY(result.needsConfirmation());
        QCOMPARE(result.lastGiven->at, wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        QCOMPARE(result.allowedFrom, wall(QDate(2030, 6, 3), QTime(12, 0), kMadrid));
        QVERIFY2(result.message.contains(QStringLiteral("08:00 today by Ana")),
                 qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("12:00 today")),
                 qPrintable(result.message));
        QCOMPARE(home.tracker.log().count(), 1); // nothing logged
        // Confirmed, it is logged.
        QVERIFY(home.give(m, {}, true).ok());
        for (const QTime &t : {QTime(15, 0), QTime(19, 0)}) {
            home.clock.set(wall(QDate(2030, 6, 3), t, kMadrid));
            QVERIFY(home.give(m).ok());
        }
        home.clock.set(wall(QDate(2030, 6, 3), QTime(23, 30), kMadrid));
        result = home.give(m);
        QCOMPARE(result.outcome, DoseTracker::LogResult::Outcome::TooMany);
        QCOMPARE(result.givenInLastDay, 4);
        QCOMPARE(result.allowedFrom, wall(QDate(2030, 6, 4), QTime(8, 0),
                                          kMadrid)); // 24 h after the oldest of the four
        const auto daySlots = home.today();
        QCOMPARE(statuses(daySlots),
                 (QStringList{"given", "given", "given", "given", "as needed"}));
        QVERIFY(home.tracker.detailText(daySlots.last())
                    .startsWith(QStringLiteral("last given 19:00 today")));
    }

    void skippedWithReason() {
        Household home(wall(QDate(2030, 6, 3), QTime(21, 10), kMadrid));
        const Medication m = home.add(QStringLiteral("Atorvastatin"), QStringLiteral("at bedtime"));
        DoseTracker::LogRequest request;
        request.medicationUuid = m.uuid;
        request.status = DoseEntry::Status::Skipped;
        request.reason = QStringLiteral("asleep already");
        const auto result = home.tracker.logDose(request);
        QVERIFY(result.ok());
        QCOMPARE(statuses(home.today()), QStringList{"skipped"});
        QCOMPARE(home.tracker.detailText(home.today().first()),
                 QStringLiteral("skipped 21:10: asleep already"));
        QString error;
        const auto history = home.tracker.history(m.uuid, 1, &error);
        QVERIFY(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().reason, QStringLiteral("asleep already"));
        QVERIFY(!history->first().device.isEmpty());
    }

    void historyPerMedicationAndDays() {
        Household home(wall(QDate(2030, 6, 1), QTime(8, 10), kMadrid));
        const Medication a = home.add(QStringLiteral("Lisinopril"), QStringLiteral("once daily"));
        const Medication b = home.add(QStringLiteral("Metformin"), QStringLiteral("once daily"));
        for (int day = 0; day < 5; ++day) {
            home.clock.set(wall(QDate(2030, 6, 1 + day), QTime(8, 10), kMadrid));
            QVERIFY(home.give(a).ok());
            if (day % 2 == 0)
                QVERIFY(home.give(b).ok());
        }
        QString error;
        QCOMPARE(home.tracker.history(QString(), 30, &error)->size(), 8);
        QCOMPARE(home.tracker.history(a.uuid, 30, &error)->size(), 5);
        QCOMPARE(home.tracker.history(b.uuid, 30, &error)->size(), 3);
        const auto lastTwoDays = home.tracker.history(QString(), 2, &error);
        QCOMPARE(lastTwoDays->size(), 3);                          // 4 June: a; 5 June: a and b
        QVERIFY(lastTwoDays->first().at > lastTwoDays->last().at); // newest first
    }

    void refills_data() {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("instructions");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("daysLeft"); // -999: no estimate
        QTest::addColumn<bool>("warning");
        const QDate filled(2030, 3, 1);
        QTest::newRow("twice daily, 20 days in")
            << "twice daily"
            << "Take 1 tablet twice daily" << 60 << filled.addDays(19) << 11 << false;
        QTest::newRow("a week left")
            << "twice daily"
            << "Take 1 tablet twice daily" << 60 << filled.addDays(23) << 7 << true;
        QTest::newRow("two a dose")
            << "twice daily"
            << "Take 2 tablets by mouth twice daily" << 60 << filled.addDays(5) << 10 << false;
        QTest::newRow("ran out") << "once daily"
                                 << "" << 30 << filled.addDays(32) << -2 << true;
        QTest::newRow("weekly") << "once weekly"
                                << "" << 4 << filled.addDays(14) << 14 << false;
        QTest::newRow("as needed") << "every 6 hours as needed"
                                   << "" << 40 << filled.addDays(3) << -999 << false;
    }
    void refills() {
        QFETCH(QString, schedule);
        QFETCH(QString, instructions);
        QFETCH(int, quantity);
        QFETCH(QDate, today);
        QFETCH(int, daysLeft);
        QFETCH(bool, warning);
        Medication m;
        m.medicationName = QStringLiteral("Test");
        m.schedule = schedule;
        m.asNeeded = schedule.contains(QStringLiteral("needed"));
        m.instructions = instructions;
        m.quantity = quantity;
        m.date = QDate(2030, 3, 1);
        const auto estimate = RefillEstimate::estimate(m, today);
        if (daysLeft == -999) {
            QVERIFY(!estimate);
            return;
        }
        QVERIFY(estimate);
        QCOMPARE(estimate->daysLeft, daysLeft);
        QCOMPARE(estimate->warning(), warning);
        if (daysLeft > 1)
            QCOMPARE(estimate->describe(), QStringLiteral("about %1 days left").arg(daysLeft));
    }

    void reminderSnoozeAndGiven() {
        Household home(wall(QDate(2030, 6, 3), QTime(7, 59), kMadrid));
        const Medication m = home.add(QStringLiteral("Metformin"), QStringLiteral("twice daily"));
        ReminderScheduler scheduler(home.tracker);
        QSignalSpy due(&scheduler, &ReminderScheduler::doseDue);
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QVERIFY(scheduler.timerInterval() > 0 && scheduler.timerInterval() <= 60050);
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid));
        QCOMPARE(due.count(), 1);
        const DoseSlot slot = due.first().first().value<DoseSlot>();
        QCOMPARE(slot.medication.uuid, m.uuid);
        scheduler.recheck();
        QCOMPARE(due.count(), 1); // announced once
        scheduler.snooze(slot.key());
        QVERIFY(scheduler.dueNow().isEmpty());
        QCOMPARE(scheduler.nextChange(), wall(QDate(2030, 6, 3), QTime(8, 10), kMadrid));
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 9), kMadrid));
        QCOMPARE(due.count(), 1);
        home.clock.set(wall(QDate(2030, 6, 3), QTime(8, 10), kMadrid));
        QCOMPARE(due.count(), 2); // again after ten minutes
        QCOMPARE(scheduler.dueNow().size(), 1);
        DoseTracker::LogRequest request;
        request.medicationUuid = m.uuid;
        request.scheduledAt = slot.scheduledAt;
        QVERIFY(home.tracker.logDose(request).ok());
        scheduler.recheck();
        QVERIFY(scheduler.dueNow().isEmpty());
        QCOMPARE(scheduler.nextChange(), wall(QDate(2030, 6, 3), QTime(20, 0), kMadrid));
    }

    void reminderTimerFiresOnARealClock() {
        // A clock two seconds before 08:00 that ticks: the scheduler's own timer must ring.
        const QDateTime eight = wall(QDate(2030, 6, 3), QTime(8, 0), kMadrid);
        OffsetClock clock(QDateTime::currentDateTimeUtc().msecsTo(eight) - 2000, kMadrid);
        QTemporaryDir dir;
        MedicationStore store(dir.filePath(QStringLiteral("m.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        Medication m;
        m.medicationName = QStringLiteral("Metformin");
        m.schedule = QStringLiteral("twice daily");
        QVERIFY(store.add(m, &error));
        DoseTracker tracker(store, clock);
        ReminderScheduler scheduler(tracker);
        QSignalSpy due(&scheduler, &ReminderScheduler::doseDue);
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QVERIFY(scheduler.timerInterval() <= 2100); // armed to the dose, not a minute
        QVERIFY(due.wait(10000));
        QVERIFY(clock.now() >= eight);
    }
};

QTEST_GUILESS_MAIN(TestDoseTracker)
#include "tst_dose_tracker.moc"
