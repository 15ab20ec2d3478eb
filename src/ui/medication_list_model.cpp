#include "ui/medication_list_model.h"

#include "meds/medication_search.h"
#include "meds/refill_estimate.h"

#include "ui/medication_store_controller.h"
#include "ui/refill_text.h"
#include "ui/schedule_text.h"

#include <QLocale>
#include <QUrl>

#include <algorithm>

namespace kiosk::ui {

MedicationListModel::MedicationListModel(QObject *parent)
    : QAbstractListModel(parent) {}

void MedicationListModel::setStore(MedicationStoreController *store) {
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &MedicationStoreController::recordsChanged, this,
                &MedicationListModel::rebuild);
    emit storeChanged();
    rebuild();
}

void MedicationListModel::setSearchText(const QString &text) {
    if (text == m_searchText)
        return;
    m_searchText = text;
    emit filterChanged();
    rebuild();
}

void MedicationListModel::setStatusFilter(StatusFilter filter) {
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    emit filterChanged();
    rebuild();
}

void MedicationListModel::setSortOrder(SortOrder order) {
    if (order == m_sortOrder)
        return;
    m_sortOrder = order;
    emit filterChanged();
    rebuild();
}

void MedicationListModel::setNow(const QDateTime &now) {
    if (now == m_now)
        return;
    m_now = now;
    emit filterChanged();
    rebuild();
}

QDateTime MedicationListModel::effectiveNow() const {
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

int MedicationListModel::totalCount() const {
    return m_store ? m_store->count() : 0;
}

void MedicationListModel::rebuild() {
    QList<Row> rows;
    if (m_store) {
        const QDateTime now = effectiveNow();
        const meds::MedicationSearch search(m_searchText);
        for (const meds::Medication &m : m_store->records()) {
            if ((m_statusFilter == StatusFilter::Active && !m.active) ||
                (m_statusFilter == StatusFilter::Stopped && m.active))
                continue;
            if (!search.matches(m))
                continue;
            rows.append({m, m_store->planner().nextDose(m, now)});
        }
    }
    const auto byName = [](const Row &a, const Row &b) {
        const int order =
            a.medication.medicationName.compare(b.medication.medicationName, Qt::CaseInsensitive);
        if (order != 0)
            return order < 0;
        return a.medication.id < b.medication.id;
    };
    if (m_sortOrder == SortOrder::ByName) {
        std::stable_sort(rows.begin(), rows.end(), byName);
    } else {
        // Soonest first; then as-needed; then stopped; each group by name.
        const auto group = [](const Row &row) {
            if (row.nextDose.isValid())
                return 0;
            return row.medication.active ? 1 : 2;
        };
        std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
            if (group(a) != group(b))
                return group(a) < group(b);
            if (group(a) == 0 && a.nextDose != b.nextDose)
                return a.nextDose < b.nextDose;
            return byName(a, b);
        });
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    emit countChanged();
}

int MedicationListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString MedicationListModel::describeNextDose(const meds::Medication &m, const QDateTime &next,
                                              const QDateTime &now) {
    if (!m.active)
        return tr("Stopped");
    if (!next.isValid())
        return m.asNeeded ? tr("When needed") : tr("No fixed time");
    const QString time = next.time().toString(QStringLiteral("HH:mm"));
    const qint64 days = now.date().daysTo(next.date());
    if (days == 0)
        return tr("Today %1").arg(time);
    if (days == 1)
        return tr("Tomorrow %1").arg(time);
    return QStringLiteral("%1 %2").arg(
        QLocale().dayName(next.date().dayOfWeek(), QLocale::LongFormat), time);
}

QVariant MedicationListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const meds::Medication &m = row.medication;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return m.title();
    case IdRole:
        return m.id;
    case NameRole:
        return m.medicationName;
    case DosageRole:
        return m.dosage;
    case DosageFormRole:
        return m.dosageForm;
    case ScheduleRole: // for showing: in the UI's language
        return ScheduleText::describe(m.schedule);
    case InstructionsRole:
        return m.instructions;
    case PrescriberRole:
        return m.prescriber;
    case ActiveRole:
        return m.active;
    case AsNeededRole:
        return m.asNeeded;
    case NextDoseRole:
        return row.nextDose;
    case NextDoseTextRole:
        return describeNextDose(m, row.nextDose, effectiveNow());
    case RefillTextRole:
    case RefillWarningRole: {
        const auto estimate = meds::RefillEstimate::estimate(
            m, effectiveNow().date(), m_store ? m_store->planner() : meds::DosePlanner());
        if (role == RefillTextRole)
            return estimate ? RefillText::describe(*estimate) : QString();
        return estimate && estimate->warning();
    }
    case PhotoUrlRole:
        return m.photoPath.isEmpty() ? QUrl() : QUrl::fromLocalFile(m.photoPath);
    case NeedsReviewRole:
        return m.needsReview;
    default:
        return {};
    }
}

QHash<int, QByteArray> MedicationListModel::roleNames() const {
    return {{IdRole, "medicationId"},
            {NameRole, "name"},
            {DosageRole, "dosage"},
            {TitleRole, "title"},
            {DosageFormRole, "dosageForm"},
            {ScheduleRole, "schedule"},
            {InstructionsRole, "instructions"},
            {PrescriberRole, "prescriber"},
            {ActiveRole, "active"},
            {AsNeededRole, "asNeeded"},
            {NextDoseRole, "nextDose"},
            {NextDoseTextRole, "nextDoseText"},
            {PhotoUrlRole, "photoUrl"},
            {NeedsReviewRole, "needsReview"},
            {RefillTextRole, "refillText"},
            {RefillWarningRole, "refillWarning"}};
}

int MedicationListModel::indexOfId(qint64 id) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].medication.id == id)
            return int(i);
    }
    return -1;
}

} // namespace kiosk::ui
