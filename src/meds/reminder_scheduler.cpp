#include "meds/reminder_scheduler.h"

#include "meds/clock.h"
#include "meds/dose_tracker.h"

#include <algorithm>

namespace kiosk::meds {

ReminderScheduler::ReminderScheduler(DoseTracker &tracker, QObject *parent)
    : QObject(parent)
    , m_tracker(tracker) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::recheck);
    connect(&m_tracker.clock(), &Clock::jumped, this, [this] {
        if (m_running)
            recheck();
    });
}

void ReminderScheduler::start() {
    m_running = true;
    m_lastWall = QDateTime();
    recheck();
}

void ReminderScheduler::stop() {
    m_running = false;
    m_timer.stop();
}

void ReminderScheduler::snooze(const QString &key) {
    m_snoozed.insert(key, m_tracker.clock().now().addSecs(kSnoozeSeconds));
    m_announced.remove(key);
    recheck();
}

void ReminderScheduler::recheck() {
    const Clock &clock = m_tracker.clock();
    const QDateTime now = clock.now();
    const QByteArray zone = clock.timeZone().id();
    if (m_lastWall.isValid()) {
        const qint64 wall = m_lastWall.msecsTo(now);
        const qint64 elapsed = m_elapsed.elapsed();
        if (qAbs(wall - elapsed) > kJumpToleranceMs || zone != m_zoneId)
            emit clockJumped();
    }
    m_lastWall = now;
    m_zoneId = zone;
    m_elapsed.start();

    QList<DoseSlot> due;
    QDateTime next;
    const auto consider = [&](const QDateTime &moment) {
        if (moment.isValid() && moment > now && (!next.isValid() || moment < next))
            next = moment;
    };
    m_lastError.clear();
    const QDate today = clock.today();
    for (const QDate &date : {today.addDays(-1), today, today.addDays(1)}) {
        QString error;
        const auto daySlots = m_tracker.day(date, &error);
        if (!daySlots) {
            m_lastError = error;
            continue;
        }
        for (const DoseSlot &slot : *daySlots) {
            if (slot.status == DoseSlot::Status::Upcoming)
                consider(slot.scheduledAt);
            if (slot.status != DoseSlot::Status::Due)
                continue;
            consider(slot.dueUntil);
            const auto snoozed = m_snoozed.constFind(slot.key());
            if (snoozed != m_snoozed.constEnd() && *snoozed > now) {
                consider(*snoozed);
                continue;
            }
            due.append(slot);
        }
    }
    // Snoozes that ended or whose dose is no longer due are forgotten.
    QSet<QString> dueKeys;
    for (const DoseSlot &slot : std::as_const(due))
        dueKeys.insert(slot.key());
    for (auto it = m_snoozed.begin(); it != m_snoozed.end();) {
        if (*it <= now)
            it = m_snoozed.erase(it);
        else
            ++it;
    }
    for (auto it = m_announced.begin(); it != m_announced.end();) {
        if (!dueKeys.contains(*it))
            it = m_announced.erase(it);
        else
            ++it;
    }

    QStringList before, after;
    for (const DoseSlot &slot : std::as_const(m_due))
        before.append(slot.key());
    for (const DoseSlot &slot : std::as_const(due))
        after.append(slot.key());
    m_due = due;
    m_nextChange = next;
    if (before != after)
        emit dueChanged();
    for (const DoseSlot &slot : std::as_const(due)) {
        if (!m_announced.contains(slot.key())) {
            m_announced.insert(slot.key());
            emit doseDue(slot);
        }
    }
    arm();
}

void ReminderScheduler::arm() {
    if (!m_running)
        return;
    qint64 wait = kMaxSleepMs;
    if (m_nextChange.isValid())
        wait =
            std::clamp<qint64>(m_tracker.clock().now().msecsTo(m_nextChange) + 50, 0, kMaxSleepMs);
    m_timer.start(int(wait));
}

} // namespace kiosk::meds
