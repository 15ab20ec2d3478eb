#pragma once

#include "meds/dose_slot.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace kiosk::meds {

class DoseTracker;

// Says when a dose becomes due. A single-shot QTimer is armed to the next moment something
// changes (a dose's time, a due dose turning missed, a snooze ending), never longer than a
// minute, so a clock set by hand, a jump after sleep or a new time zone is noticed within a
// minute (at once with a Clock that emits jumped()). Each dose is announced once, and again
// when its snooze ends; a logged dose stops being due.
class ReminderScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr int kSnoozeSeconds = 10 * 60;
    static constexpr int kMaxSleepMs = 60 * 1000;
    // Wall time and elapsed time disagreeing by more than this is a jump.
    static constexpr int kJumpToleranceMs = 2 * 60 * 1000;

    explicit ReminderScheduler(DoseTracker &tracker, QObject *parent = nullptr);

    // Checks now and keeps checking.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // Due now and not snoozed, oldest first.
    QList<DoseSlot> dueNow() const { return m_due; }
    // Hides a due dose for kSnoozeSeconds; it is announced again after.
    void snooze(const QString &key);
    QDateTime snoozedUntil(const QString &key) const { return m_snoozed.value(key); }
    // When the next thing will change (UTC), invalid when nothing is planned; and the timer's wait.
    QDateTime nextChange() const { return m_nextChange; }
    int timerInterval() const { return m_timer.isActive() ? m_timer.interval() : -1; }
    QString lastError() const { return m_lastError; }

public slots:
    // Looks again now (after a dose was logged, the list changed, or the clock moved).
    void recheck();

signals:
    // A dose became due (or its snooze ended).
    void doseDue(const kiosk::meds::DoseSlot &slot);
    // dueNow() changed.
    void dueChanged();
    // The wall clock or the time zone moved other than by ticking.
    void clockJumped();

private:
    void arm();

    DoseTracker &m_tracker;
    QTimer m_timer;
    bool m_running = false;
    QList<DoseSlot> m_due;
    QSet<QString> m_announced;
    QHash<QString, QDateTime> m_snoozed;
    QDateTime m_nextChange;
    QElapsedTimer m_elapsed;
    QDateTime m_lastWall;
    QByteArray m_zoneId;
    QString m_lastError;
};

} // namespace kiosk::meds
