#include "meds/dose_day.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace kiosk::meds {

QDateTime DoseDay::startOf(const QDate &date, const QTimeZone &zone) {
    return DosePlanner::atWallTime(date, QTime(0, 0), zone);
}

QList<DoseSlot> DoseDay::build(const QList<Medication> &medications,
                               const QList<DoseEntry> &entries, const QDate &date,
                               const QTimeZone &zone, const QDateTime &now,
                               const DosePlanner &planner) {
    const QDateTime dayStart = startOf(date, zone);
    const QDateTime dayEnd = endOf(date, zone);
    QHash<QString, Medication> byUuid;
    for (const Medication &m : medications)
        byUuid.insert(m.uuid, m);

    QList<DoseSlot> rows;
    QHash<QString, qsizetype> planned; // slot key -> row
    for (const Medication &m : medications) {
        if (!m.active)
            continue;
        if (m.asNeeded) {
            DoseSlot row;
            row.medication = m;
            row.status = DoseSlot::Status::AsNeeded;
            rows.append(row);
            continue;
        }
        QList<QDateTime> moments = planner.dueMoments(m, date, zone);
        const QList<QDateTime> tomorrow = planner.dueMoments(m, date.addDays(1), zone);
        for (qsizetype i = 0; i < moments.size(); ++i) {
            const QDateTime &at = moments.at(i);
            // A medication added today has no doses before it was added.
            if (m.createdAt.isValid() && at < m.createdAt)
                continue;
            const QDateTime next = i + 1 < moments.size()
                                       ? moments.at(i + 1)
                                       : (tomorrow.isEmpty() ? QDateTime() : tomorrow.first());
            DoseSlot row;
            row.medication = m;
            row.scheduledAt = at;
            row.dueUntil = at.addSecs(kDueWindowSeconds);
            if (next.isValid() && next < row.dueUntil)
                row.dueUntil = next;
            planned.insert(row.key(), rows.size());
            rows.append(row);
        }
    }

    // Entries, oldest first: the first for a planned dose settles it, any other shows on its own.
    QList<DoseEntry> ordered = entries;
    std::sort(ordered.begin(), ordered.end(), [](const DoseEntry &a, const DoseEntry &b) {
        return a.at != b.at ? a.at < b.at : a.uuid < b.uuid;
    });
    QSet<QString> seen;
    for (const DoseEntry &entry : ordered) {
        if (seen.contains(entry.uuid))
            continue;
        seen.insert(entry.uuid);
        // A dose belongs to the day it was planned for, else to the day it was given.
        const QDateTime day = entry.scheduledAt.isValid() ? entry.scheduledAt : entry.at;
        if (day < dayStart || day >= dayEnd)
            continue;
        DoseSlot probe;
        probe.medication.uuid = entry.medicationUuid;
        probe.scheduledAt = entry.scheduledAt;
        const auto slot =
            entry.scheduledAt.isValid() ? planned.constFind(probe.key()) : planned.constEnd();
        if (slot != planned.constEnd() && !rows.at(*slot).entry) {
            DoseSlot &row = rows[*slot];
            row.entry = entry;
            row.status = entry.given() ? DoseSlot::Status::Given : DoseSlot::Status::Skipped;
            continue;
        }
        DoseSlot row;
        row.medication = byUuid.value(entry.medicationUuid);
        if (row.medication.uuid.isEmpty()) {
            row.medication.uuid = entry.medicationUuid;
            row.medication.medicationName = QStringLiteral("A medication no longer on the list");
        }
        row.entry = entry;
        row.status = entry.given() ? DoseSlot::Status::Given : DoseSlot::Status::Skipped;
        row.extra = !row.medication.asNeeded || entry.scheduledAt.isValid();
        rows.append(row);
    }

    for (DoseSlot &row : rows) {
        if (row.entry || !row.scheduledAt.isValid())
            continue;
        if (now < row.scheduledAt)
            row.status = DoseSlot::Status::Upcoming;
        else if (now < row.dueUntil)
            row.status = DoseSlot::Status::Due;
        else
            row.status = DoseSlot::Status::Missed;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const DoseSlot &a, const DoseSlot &b) {
        const QDateTime ta = a.sortTime(), tb = b.sortTime();
        if (ta.isValid() != tb.isValid())
            return ta.isValid(); // as-needed rows last
        if (ta != tb)
            return ta < tb;
        return a.medication.medicationName.compare(b.medication.medicationName,
                                                   Qt::CaseInsensitive) < 0;
    });
    return rows;
}

} // namespace kiosk::meds
