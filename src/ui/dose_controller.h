#pragma once

#include "meds/clock.h"
#include "meds/dose_tracker.h"
#include "meds/reminder_scheduler.h"
#include "ui/medication_store_controller.h"

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace kiosk::ui {

class ChimeSound;

// Dose time for the touch UI: the reminder shown over any page (the oldest dose due and not
// snoozed), Given / Skip / Snooze, today's rows with their status, the history, refill
// estimates, the chime and the caregiver's first name for the shift. Every decision is the
// meds library's (DoseTracker, ReminderScheduler, RefillEstimate); QML only shows and taps.
class DoseController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        kiosk::ui::MedicationStoreController *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY storeChanged)
    Q_PROPERTY(bool reminderVisible READ reminderVisible NOTIFY reminderChanged)
    // {key, medicationId, title, name, strength, directions, time, photoUrl, due}
    Q_PROPERTY(QVariantMap reminder READ reminder NOTIFY reminderChanged)
    Q_PROPERTY(int dueCount READ dueCount NOTIFY reminderChanged)
    Q_PROPERTY(QString caregiver READ caregiver NOTIFY caregiverChanged)
    // True once a name was given (or declined) in this shift: it is asked once per shift.
    Q_PROPERTY(bool caregiverAsked READ caregiverAsked NOTIFY caregiverChanged)
    Q_PROPERTY(bool chimeEnabled READ chimeEnabled WRITE setChimeEnabled NOTIFY soundChanged)
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY soundChanged)
    Q_PROPERTY(int chimeCount READ chimeCount NOTIFY soundChanged)
    // An INI file for the settings (tests); empty: the app's settings.
    Q_PROPERTY(QString settingsFile READ settingsFile WRITE setSettingsFile NOTIFY soundChanged)
    // Changes whenever a dose was logged or the day's rows may have changed.
    Q_PROPERTY(int revision READ revision NOTIFY todayChanged)

public:
    static constexpr int kShiftHours = 12;

    explicit DoseController(QObject *parent = nullptr);
    ~DoseController() override;

    MedicationStoreController *store() const { return m_store; }
    void setStore(MedicationStoreController *store);
    bool ready() const { return m_tracker != nullptr; }
    // Before setStore: the clock to plan on (tests, the demo); the controller does not own it.
    void setClock(meds::Clock *clock);
    meds::Clock *clock() const { return m_clock; }
    meds::DoseTracker *tracker() const { return m_tracker.get(); }
    meds::ReminderScheduler *scheduler() const { return m_scheduler.get(); }

    bool reminderVisible() const { return !m_reminder.isEmpty(); }
    QVariantMap reminder() const { return m_reminder; }
    int dueCount() const { return m_dueCount; }
    QString caregiver() const;
    bool caregiverAsked() const;
    bool chimeEnabled() const;
    void setChimeEnabled(bool on);
    bool muted() const;
    void setMuted(bool on);
    int chimeCount() const { return m_chimeCount; }
    QString settingsFile() const { return m_settingsFile; }
    void setSettingsFile(const QString &file);
    int revision() const { return m_revision; }

    // The caregiver's first name for this shift (empty: declined).
    Q_INVOKABLE void setCaregiver(const QString &name);
    // A planned dose (its key) given now, or skipped with a reason. {ok, message,
    // needsConfirmation}
    Q_INVOKABLE QVariantMap give(const QString &key, bool force = false);
    Q_INVOKABLE QVariantMap skip(const QString &key, const QString &reason);
    Q_INVOKABLE void snooze(const QString &key);
    // An as-needed (or extra) dose of a medication now: refused when too soon / too many unless
    // forced, with a message that says when the last one was given.
    Q_INVOKABLE QVariantMap giveNow(qint64 medicationId, bool force = false);
    // Today's rows as the Today view and `doses today --json` show them.
    Q_INVOKABLE QVariantList todayRows() const;
    // The log, newest first, of one medication (0: all) over days, each with "day" for sections.
    Q_INVOKABLE QVariantList history(qint64 medicationId, int days) const;
    // {text: "about 5 days left", warning: bool}; empty text when there is no estimate.
    Q_INVOKABLE QVariantMap refill(qint64 medicationId) const;
    // [{id, title}] of every medication, for the history's filter.
    Q_INVOKABLE QVariantList medicationChoices() const;
    Q_INVOKABLE void refresh();

signals:
    void storeChanged();
    void reminderChanged();
    void caregiverChanged();
    void soundChanged();
    void todayChanged();
    // A dose became due (after the chime, if any).
    void doseDue(const QString &key);

private:
    void build();
    void updateReminder();
    void onDoseDue(const meds::DoseSlot &slot);
    std::optional<meds::DoseSlot> findSlot(const QString &key) const;
    QVariantMap log(const meds::DoseTracker::LogRequest &request);
    std::unique_ptr<QSettings> settings() const;
    void changed();

    QPointer<MedicationStoreController> m_store;
    std::unique_ptr<meds::Clock> m_ownClock;
    meds::Clock *m_clock = nullptr;
    std::unique_ptr<meds::DoseTracker> m_tracker;
    std::unique_ptr<meds::ReminderScheduler> m_scheduler;
    ChimeSound *m_chime = nullptr;
    QVariantMap m_reminder;
    int m_dueCount = 0;
    int m_chimeCount = 0;
    int m_revision = 0;
    QString m_settingsFile;
};

} // namespace kiosk::ui
