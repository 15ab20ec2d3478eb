#include "meds/dose_tracker.h"

#include "meds/clock.h"
#include "meds/medication_store.h"

#include <algorithm>

namespace kiosk::meds {

namespace {

QString duration(qint64 seconds) {
    const qint64 minutes = qMax<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    return minutes % 60 == 0 ? QStringLiteral("%1 h").arg(minutes / 60)
                             : QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

DoseTracker::DoseTracker(MedicationStore &store, Clock &clock, DosePlanner planner)
    : m_store(store)
    , m_clock(clock)
    , m_planner(planner)
    , m_log(store) {}

std::optional<QList<Medication>> DoseTracker::medications(QString *error) const {
    return m_store.list(error);
}

std::optional<QList<DoseSlot>> DoseTracker::day(const QDate &date, QString *error,
                                                const QDateTime &at) const {
    const auto all = medications(error);
    if (!all)
        return std::nullopt;
    const QTimeZone zone = m_clock.timeZone();
    const auto entries = m_log.entries(DoseDay::startOf(date.addDays(-1), zone),
                                       DoseDay::endOf(date.addDays(1), zone), QString(), error);
    if (!entries)
        return std::nullopt;
    return DoseDay::build(*all, *entries, date, zone, at.isValid() ? at : m_clock.now(), m_planner);
}

std::optional<QList<DoseSlot>> DoseTracker::today(QString *error) const {
    return day(m_clock.today(), error);
}

std::optional<QList<DoseSlot>> DoseTracker::openDoses(QString *error) const {
    QList<DoseSlot> open;
    for (const QDate &date : {m_clock.today().addDays(-1), m_clock.today()}) {
        const auto daySlots = day(date, error);
        if (!daySlots)
            return std::nullopt;
        for (const DoseSlot &slot : *daySlots) {
            if (slot.status == DoseSlot::Status::Due || slot.status == DoseSlot::Status::Missed)
                open.append(slot);
        }
    }
    return open;
}

std::optional<DoseEntry> DoseTracker::lastGiven(const QString &medicationUuid,
                                                const QDateTime &before, QString *error) const {
    // Two days back is enough for every limit a label states.
    const auto entries =
        m_log.entries(before.addDays(-2), before.addSecs(1), medicationUuid, error);
    if (!entries)
        return std::nullopt;
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        if (it->given() && it->at <= before)
            return *it;
    }
    return std::nullopt;
}

QString DoseTracker::describeMoment(const QDateTime &moment) const {
    const QDateTime local = moment.toTimeZone(m_clock.timeZone());
    const QDate today = m_clock.today();
    const QString time = local.toString(QStringLiteral("HH:mm"));
    if (local.date() == today)
        return QStringLiteral("%1 today").arg(time);
    if (local.date() == today.addDays(-1))
        return QStringLiteral("%1 yesterday").arg(time);
    if (local.date() == today.addDays(1))
        return QStringLiteral("%1 tomorrow").arg(time);
    return local.toString(QStringLiteral("ddd d MMM HH:mm"));
}

QString DoseTracker::timeText(const DoseSlot &slot) const {
    const QDateTime moment = slot.sortTime();
    if (!moment.isValid())
        return QStringLiteral("any time");
    return moment.toTimeZone(m_clock.timeZone()).toString(QStringLiteral("HH:mm"));
}

QString DoseTracker::detailText(const DoseSlot &slot) const {
    const auto local = [this](const QDateTime &t) {
        return t.toTimeZone(m_clock.timeZone()).toString(QStringLiteral("HH:mm"));
    };
    switch (slot.status) {
    case DoseSlot::Status::Given:
    case DoseSlot::Status::Skipped: {
        const DoseEntry &e = *slot.entry;
        QString text = QStringLiteral("%1 %2").arg(DoseEntry::statusName(e.status), local(e.at));
        if (!e.givenBy.isEmpty())
            text += QStringLiteral(" by %1").arg(e.givenBy);
        if (!e.reason.isEmpty())
            text += QStringLiteral(": %1").arg(e.reason);
        if (slot.extra)
            text +=
                e.scheduledAt.isValid()
                    ? QStringLiteral(" (a second entry for the %1 dose)").arg(local(e.scheduledAt))
                    : QStringLiteral(" (not a planned dose)");
        return text;
    }
    case DoseSlot::Status::Due:
        return QStringLiteral("due since %1").arg(local(slot.scheduledAt));
    case DoseSlot::Status::Missed:
        return QStringLiteral("missed: nothing logged by %1").arg(local(slot.dueUntil));
    case DoseSlot::Status::Upcoming: {
        const qint64 seconds = m_clock.now().secsTo(slot.scheduledAt);
        return seconds < 24 * 3600 ? QStringLiteral("in %1").arg(duration(seconds))
                                   : QStringLiteral("planned");
    }
    case DoseSlot::Status::AsNeeded: {
        QString error;
        const auto last = lastGiven(slot.medication.uuid, m_clock.now(), &error);
        QString text = last ? QStringLiteral("last given %1").arg(describeMoment(last->at))
                            : QStringLiteral("not given in the last two days");
        const QString limits = AsNeededRule::forMedication(slot.medication).describe();
        if (!limits.isEmpty())
            text += QStringLiteral("; %1").arg(limits);
        return text;
    }
    }
    return {};
}

QJsonObject DoseTracker::slotJson(const DoseSlot &slot) const {
    QJsonObject out{
        {QStringLiteral("key"), slot.key()},
        {QStringLiteral("medication_id"), slot.medication.id},
        {QStringLiteral("medication_uuid"), slot.medication.uuid},
        {QStringLiteral("medication"), slot.medication.title()},
        {QStringLiteral("directions"), slot.medication.instructions},
        {QStringLiteral("status"), DoseSlot::statusName(slot.status)},
        {QStringLiteral("time"), timeText(slot)},
        {QStringLiteral("detail"), detailText(slot)},
        {QStringLiteral("extra"), slot.extra},
        {QStringLiteral("scheduled_at"),
         slot.scheduledAt.isValid() ? QJsonValue(slot.scheduledAt.toUTC().toString(Qt::ISODate))
                                    : QJsonValue()},
        {QStringLiteral("due_until"), slot.dueUntil.isValid()
                                          ? QJsonValue(slot.dueUntil.toUTC().toString(Qt::ISODate))
                                          : QJsonValue()},
        {QStringLiteral("entry"),
         slot.entry ? QJsonValue(slot.entry->toServiceJson()) : QJsonValue()}};
    return out;
}

DoseTracker::LogResult DoseTracker::logDose(const LogRequest &request) {
    LogResult result;
    QString error;
    const QDateTime now = m_clock.now();
    const QDateTime at = request.at.isValid() ? request.at.toUTC() : now;
    const auto medication = m_store.readByUuid(request.medicationUuid, &error);
    if (!medication) {
        result.message =
            error.isEmpty()
                ? QStringLiteral("there is no medication %1").arg(request.medicationUuid)
                : error;
        return result;
    }
    if (at > now.addSecs(5 * 60)) {
        result.message = QStringLiteral("a dose cannot be logged for a time still to come (%1)")
                             .arg(describeMoment(at));
        return result;
    }
    const QString title = medication->title();
    result.lastGiven = lastGiven(medication->uuid, at, &error);
    const QString lastText =
        result.lastGiven ? QStringLiteral("the last one was given at %1%2 (%3 before)")
                               .arg(describeMoment(result.lastGiven->at),
                                    result.lastGiven->givenBy.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" by %1").arg(result.lastGiven->givenBy),
                                    duration(result.lastGiven->at.secsTo(at)))
                         : QStringLiteral("none was given in the last two days");
    const bool giving = request.status == DoseEntry::Status::Given;

    DoseEntry entry;
    entry.medicationUuid = medication->uuid;
    entry.at = at;
    entry.status = request.status;
    entry.reason = request.reason;
    entry.givenBy = request.givenBy;

    if (medication->asNeeded) {
        result.rule = AsNeededRule::forMedication(*medication);
        const auto window =
            m_log.entries(at.addSecs(-24 * 3600), at.addSecs(1), medication->uuid, &error);
        if (!window) {
            result.message = error;
            return result;
        }
        QList<QDateTime> given;
        for (const DoseEntry &e : *window) {
            if (e.given())
                given.append(e.at);
        }
        result.givenInLastDay = int(given.size());
        if (giving && !request.force) {
            if (result.rule.maxPerDay && result.givenInLastDay >= *result.rule.maxPerDay) {
                result.outcome = LogResult::Outcome::TooMany;
                result.allowedFrom =
                    given.at(given.size() - *result.rule.maxPerDay).addSecs(24 * 3600);
                result.message = QStringLiteral("%1 of %2 given in the last 24 hours, the most the "
                                                "directions allow; %3; the next is allowed from %4")
                                     .arg(result.givenInLastDay)
                                     .arg(title, lastText, describeMoment(result.allowedFrom));
                return result;
            }
            if (result.rule.minIntervalMinutes && result.lastGiven &&
                result.lastGiven->at.addSecs(qint64(*result.rule.minIntervalMinutes) * 60) > at) {
                result.outcome = LogResult::Outcome::TooSoon;
                result.allowedFrom =
                    result.lastGiven->at.addSecs(qint64(*result.rule.minIntervalMinutes) * 60);
                result.message = QStringLiteral("too soon for another dose of %1: %2; the "
                                                "directions say %3, so the next is allowed from %4")
                                     .arg(title, lastText, result.rule.describe(),
                                          describeMoment(result.allowedFrom));
                return result;
            }
        }
    } else {
        // Which planned dose this is: the one named, else the earliest one due at that time,
        // else one coming within the hour.
        QList<DoseSlot> candidates;
        const QDate atDate = at.toTimeZone(m_clock.timeZone()).date();
        for (const QDate &date : {atDate.addDays(-1), atDate, atDate.addDays(1)}) {
            const auto daySlots = day(date, &error, at);
            if (!daySlots) {
                result.message = error;
                return result;
            }
            for (const DoseSlot &slot : *daySlots) {
                if (slot.medication.uuid == medication->uuid && slot.scheduledAt.isValid())
                    candidates.append(slot);
            }
        }
        std::optional<DoseSlot> chosen;
        if (request.scheduledAt && request.scheduledAt->isValid()) {
            for (const DoseSlot &slot : candidates) {
                if (slot.scheduledAt == request.scheduledAt->toUTC())
                    chosen = slot;
            }
            if (!chosen) {
                // Planned for a day not in view (or times changed since): keep what was asked.
                entry.scheduledAt = request.scheduledAt->toUTC();
            } else if (chosen->entry && !request.force) {
                result.outcome = LogResult::Outcome::AlreadyLogged;
                result.message =
                    QStringLiteral("the %1 dose of %2 was already logged as %3 at %4%5")
                        .arg(chosen->scheduledAt.toTimeZone(m_clock.timeZone())
                                 .toString(QStringLiteral("HH:mm")),
                             title, DoseEntry::statusName(chosen->entry->status),
                             describeMoment(chosen->entry->at),
                             chosen->entry->givenBy.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" by %1").arg(chosen->entry->givenBy));
                return result;
            }
        } else {
            for (const DoseSlot &slot : candidates) {
                if (!slot.entry && slot.status == DoseSlot::Status::Due &&
                    (!chosen || slot.scheduledAt < chosen->scheduledAt))
                    chosen = slot;
            }
            if (!chosen) {
                // Early, but no closer to the dose before than to this one: with doses at 08:00
                // and 09:00, a second "given" at 08:10 is not the 09:00 dose.
                for (qsizetype i = 0; i < candidates.size(); ++i) {
                    const DoseSlot &slot = candidates.at(i);
                    if (slot.entry || slot.status != DoseSlot::Status::Upcoming)
                        continue;
                    qint64 early = kEarlySeconds;
                    if (i > 0)
                        early = qMin(early,
                                     candidates.at(i - 1).scheduledAt.secsTo(slot.scheduledAt) / 2);
                    if (slot.scheduledAt <= at.addSecs(early) &&
                        (!chosen || slot.scheduledAt < chosen->scheduledAt))
                        chosen = slot;
                }
            }
            if (!chosen && !request.force) {
                result.outcome = LogResult::Outcome::NothingDue;
                const QDateTime next = [&] {
                    for (const DoseSlot &slot : candidates) {
                        if (slot.status == DoseSlot::Status::Upcoming && !slot.entry)
                            return slot.scheduledAt;
                    }
                    return QDateTime();
                }();
                result.message =
                    QStringLiteral("no dose of %1 is due at %2; %3%4")
                        .arg(title, describeMoment(at), lastText,
                             next.isValid() ? QStringLiteral("; the next is planned for %1")
                                                  .arg(describeMoment(next))
                                            : QString());
                return result;
            }
        }
        if (chosen)
            entry.scheduledAt = chosen->scheduledAt;
    }

    const auto stored = m_log.append(entry, &error);
    if (!stored) {
        result.message = error;
        return result;
    }
    result.outcome = LogResult::Outcome::Logged;
    result.entry = stored;
    return result;
}

std::optional<QList<DoseEntry>> DoseTracker::history(const QString &medicationUuid, int days,
                                                     QString *error) const {
    const QDate today = m_clock.today();
    const QDateTime from =
        DoseDay::startOf(today.addDays(-(qMax(1, days) - 1)), m_clock.timeZone());
    auto entries = m_log.entries(from, QDateTime(), medicationUuid, error);
    if (!entries)
        return std::nullopt;
    std::reverse(entries->begin(), entries->end());
    return entries;
}

} // namespace kiosk::meds
