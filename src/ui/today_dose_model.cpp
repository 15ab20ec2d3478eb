#include "ui/today_dose_model.h"

#include "ui/medication_store_controller.h"
#include "ui/schedule_text.h"

#include <algorithm>

namespace kiosk::ui {

TodayDoseModel::TodayDoseModel(QObject *parent)
    : QAbstractListModel(parent) {
    m_clock.setInterval(60 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &TodayDoseModel::tick);
    m_clock.start();
}

void TodayDoseModel::setStore(MedicationStoreController *store) {
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &MedicationStoreController::recordsChanged, this,
                &TodayDoseModel::rebuild);
    emit storeChanged();
    rebuild();
}

void TodayDoseModel::setDoses(DoseController *doses) {
    if (doses == m_doses)
        return;
    if (m_doses)
        disconnect(m_doses, nullptr, this, nullptr);
    m_doses = doses;
    if (m_doses)
        connect(m_doses, &DoseController::todayChanged, this, &TodayDoseModel::rebuild);
    emit storeChanged();
    rebuild();
}

void TodayDoseModel::setNow(const QDateTime &now) {
    if (now == m_now)
        return;
    const QDate before = effectiveNow().date();
    m_now = now;
    emit nowChanged();
    if (effectiveNow().date() != before)
        rebuild();
    else
        tick();
}

QDateTime TodayDoseModel::effectiveNow() const {
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

QString TodayDoseModel::periodOf(const QTime &time) {
    if (!time.isValid())
        return tr("When needed");
    if (time.hour() < 5 || time.hour() >= 21)
        return tr("Night");
    if (time.hour() < 12)
        return tr("Morning");
    if (time.hour() < 17)
        return tr("Afternoon");
    return tr("Evening");
}

void TodayDoseModel::rebuild() {
    QList<Row> rows;
    const QDate date = effectiveNow().date();
    if (m_doses && m_doses->tracker()) {
        // The dose plan with the log, in the tracker's order and words.
        meds::DoseTracker *tracker = m_doses->tracker();
        QString error;
        const auto daySlots = tracker->today(&error);
        for (const meds::DoseSlot &slot : daySlots.value_or(QList<meds::DoseSlot>())) {
            Row row;
            row.medicationId = slot.medication.id;
            const QDateTime when = slot.sortTime();
            row.time =
                when.isValid() ? when.toTimeZone(tracker->clock().timeZone()).time() : QTime();
            row.title = slot.medication.title();
            row.schedule = slot.medication.schedule;
            row.instructions = slot.medication.instructions;
            row.status = meds::DoseSlot::statusName(slot.status);
            row.detail = tracker->detailText(slot);
            row.key = slot.scheduledAt.isValid() ? slot.key() : QString();
            row.asNeeded = slot.status == meds::DoseSlot::Status::AsNeeded;
            rows.append(row);
        }
        beginResetModel();
        m_rows = rows;
        m_builtFor = tracker->clock().today();
        endResetModel();
        emit countChanged();
        emit progressChanged();
        return;
    }
    if (m_store) {
        for (const meds::Medication &m : m_store->records()) {
            if (!m.active)
                continue;
            const QList<QTime> times = m_store->planner().dueTimes(m, date);
            for (const QTime &time : times)
                rows.append({m.id, time, m.title(), m.schedule, m.instructions, {}, {}, {}, false});
            if (times.isEmpty() && m.asNeeded)
                rows.append(
                    {m.id, QTime(), m.title(), m.schedule, m.instructions, {}, {}, {}, true});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.time.isValid() != b.time.isValid())
            return a.time.isValid();
        if (a.time != b.time)
            return a.time < b.time;
        return a.title.compare(b.title, Qt::CaseInsensitive) < 0;
    });
    beginResetModel();
    m_rows = rows;
    m_builtFor = date;
    endResetModel();
    emit countChanged();
    emit progressChanged();
}

void TodayDoseModel::tick() {
    if (m_doses && m_doses->tracker()) {
        rebuild(); // statuses move with the clock
        return;
    }
    if (effectiveNow().date() != m_builtFor) {
        rebuild(); // past midnight: a new day's plan
        return;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {PastRole, NextRole});
    emit progressChanged();
}

int TodayDoseModel::scheduledCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.time.isValid() && !row.asNeeded; }));
}

int TodayDoseModel::remainingCount() const {
    if (m_doses && m_doses->tracker())
        return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) {
            return row.status == u"due" || row.status == u"upcoming";
        }));
    const QTime now = effectiveNow().time();
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [&now](const Row &row) {
        return row.time.isValid() && row.time >= now;
    }));
}

int TodayDoseModel::nextRow() const {
    if (m_doses && m_doses->tracker()) {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].status == u"due" || m_rows[i].status == u"upcoming")
                return int(i);
        }
        return -1;
    }
    const QTime now = effectiveNow().time();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].time.isValid() && m_rows[i].time >= now)
            return int(i);
    }
    return -1;
}

int TodayDoseModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TodayDoseModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case MedicationIdRole:
        return row.medicationId;
    case TimeRole:
        return row.time.isValid() ? row.time.toString(QStringLiteral("HH:mm")) : QString();
    case ScheduleRole: // for showing: in the UI's language
        return ScheduleText::describe(row.schedule);
    case InstructionsRole:
        return row.instructions;
    case PeriodRole:
        return periodOf(row.time);
    case PastRole:
        if (!row.status.isEmpty())
            return row.status == u"given" || row.status == u"skipped" || row.status == u"missed";
        return row.time.isValid() && row.time < effectiveNow().time();
    case NextRole: {
        const int next = nextRow();
        return next >= 0 && m_rows[next].time == row.time; // every dose due at the next time
    }
    case AsNeededRole:
        return row.asNeeded || !row.time.isValid();
    case StatusRole:
        return row.status;
    case DetailRole:
        return row.detail;
    case DoseKeyRole:
        return row.key;
    default:
        return {};
    }
}

QHash<int, QByteArray> TodayDoseModel::roleNames() const {
    return {{MedicationIdRole, "medicationId"},
            {TimeRole, "time"},
            {TitleRole, "title"},
            {ScheduleRole, "schedule"},
            {InstructionsRole, "instructions"},
            {PeriodRole, "period"},
            {PastRole, "past"},
            {NextRole, "isNext"},
            {AsNeededRole, "asNeeded"},
            {StatusRole, "status"},
            {DetailRole, "detail"},
            {DoseKeyRole, "doseKey"}};
}

} // namespace kiosk::ui
