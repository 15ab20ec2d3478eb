#pragma once

#include "meds/as_needed_rule.h"
#include "meds/dose_day.h"
#include "meds/dose_entry.h"
#include "meds/dose_log.h"
#include "meds/dose_planner.h"
#include "meds/dose_slot.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace kiosk::meds {

class Clock;
class MedicationStore;

// The day's doses and the logging of one, on the injected clock: the one place that decides
// which planned dose a "given" belongs to and whether an as-needed dose is too soon. The CLI,
// the Today view and the reminder all go through it, so they say the same.
class DoseTracker {
public:
    // A dose logged up to this long before its time counts for it (at most half the gap since
    // the dose before).
    static constexpr int kEarlySeconds = 3600;

    struct LogRequest {
        QString medicationUuid;
        DoseEntry::Status status = DoseEntry::Status::Given;
        QString reason;
        QString givenBy;
        QDateTime at; // invalid: now
        std::optional<QDateTime>
            scheduledAt;    // the planned dose (the reminder knows it); nullopt: find it
        bool force = false; // log even when too soon / nothing due / logged already
    };
    struct LogResult {
        enum class Outcome {
            Logged,
            TooSoon,       // as needed: before the minimum gap since the last one
            TooMany,       // as needed: the daily maximum is reached
            NothingDue,    // a fixed schedule with no open dose near that time
            AlreadyLogged, // the planned dose has an entry already
            Failed,
        };
        Outcome outcome = Outcome::Failed;
        std::optional<DoseEntry> entry; // Logged: as stored
        std::optional<DoseEntry>
            lastGiven;         // the medication's last dose given before the time asked
        QDateTime allowedFrom; // TooSoon / TooMany: the first time the rule allows
        int givenInLastDay = 0;
        AsNeededRule rule;
        QString message; // one sentence for every outcome but Logged
        bool ok() const { return outcome == Outcome::Logged; }
        // True for outcomes a person may override after reading message.
        bool needsConfirmation() const {
            return outcome != Outcome::Logged && outcome != Outcome::Failed;
        }
    };

    DoseTracker(MedicationStore &store, Clock &clock, DosePlanner planner = DosePlanner());

    DoseLog &log() { return m_log; }
    Clock &clock() const { return m_clock; }
    const DosePlanner &planner() const { return m_planner; }

    // The doses of a day on the household's wall clock, with statuses as of now (or as of at).
    std::optional<QList<DoseSlot>> day(const QDate &date, QString *error,
                                       const QDateTime &at = {}) const;
    std::optional<QList<DoseSlot>> today(QString *error) const;
    // Due and missed doses of today and yesterday: what a reminder or a "you missed" note shows.
    std::optional<QList<DoseSlot>> openDoses(QString *error) const;

    LogResult logDose(const LogRequest &request);

    // Entries of the last `days` days (1 = today only) on the wall clock, newest first.
    std::optional<QList<DoseEntry>> history(const QString &medicationUuid, int days,
                                            QString *error) const;
    std::optional<DoseEntry> lastGiven(const QString &medicationUuid, const QDateTime &before,
                                       QString *error) const;

    // "14:05 today", "23:10 yesterday", "Mon 3 Mar 14:05" on the household's clock.
    QString describeMoment(const QDateTime &moment) const;
    // What the Today view and `doses today` show for a row (one wording for both):
    // "08:00" (the planned time, else when it was given, else "any time") and a detail such as
    // "given 08:05 by Ana", "due since 08:00", "missed", "in 2 h 10 min", "last given 09:10 today".
    QString timeText(const DoseSlot &slot) const;
    QString detailText(const DoseSlot &slot) const;
    // The same row as JSON (doses today --json and the UI's model share it).
    QJsonObject slotJson(const DoseSlot &slot) const;

private:
    std::optional<QList<Medication>> medications(QString *error) const;

    MedicationStore &m_store;
    Clock &m_clock;
    DosePlanner m_planner;
    DoseLog m_log;
};

} // namespace kiosk::meds
