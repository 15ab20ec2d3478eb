#pragma once

#include "meds/medication.h"

#include "ui/medication_store_controller.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// The medication list the Medications page shows: searched (meds::MedicationSearch, the same
// search as `meds list --search`), filtered (active / stopped / all) and sorted (by name, or by
// the next dose due).
class MedicationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        kiosk::ui::MedicationStoreController *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(
        StatusFilter statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY filterChanged)
    // The moment "next dose" is counted from; invalid (the default) means the current time.
    Q_PROPERTY(QDateTime now READ now WRITE setNow NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Records in the store before searching and filtering.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)

public:
    enum class StatusFilter { Active, Stopped, All };
    Q_ENUM(StatusFilter)
    enum class SortOrder { ByName, ByNextDose };
    Q_ENUM(SortOrder)
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        DosageRole,
        TitleRole,
        DosageFormRole,
        ScheduleRole,
        InstructionsRole,
        PrescriberRole,
        ActiveRole,
        AsNeededRole,
        NextDoseRole,     // QDateTime, invalid when none
        NextDoseTextRole, // "Today 20:00", "Tomorrow 08:00", "When needed", "Stopped"
        PhotoUrlRole,
        NeedsReviewRole,
        RefillTextRole,    // "about 5 days left" (fixed schedules with a quantity), else empty
        RefillWarningRole, // a week or less left
    };
    Q_ENUM(Role)

    explicit MedicationListModel(QObject *parent = nullptr);

    MedicationStoreController *store() const { return m_store; }
    void setStore(MedicationStoreController *store);
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    StatusFilter statusFilter() const { return m_statusFilter; }
    void setStatusFilter(StatusFilter filter);
    SortOrder sortOrder() const { return m_sortOrder; }
    void setSortOrder(SortOrder order);
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &now);
    int count() const { return int(m_rows.size()); }
    int totalCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of a medication id, -1 when it is not shown.
    Q_INVOKABLE int indexOfId(qint64 id) const;

    // "Today 20:00" and friends, relative to now.
    static QString describeNextDose(const meds::Medication &medication, const QDateTime &next,
                                    const QDateTime &now);

signals:
    void storeChanged();
    void filterChanged();
    void countChanged();

private:
    struct Row {
        meds::Medication medication;
        QDateTime nextDose;
    };
    void rebuild();
    QDateTime effectiveNow() const;

    QPointer<MedicationStoreController> m_store;
    QString m_searchText;
    StatusFilter m_statusFilter = StatusFilter::Active;
    SortOrder m_sortOrder = SortOrder::ByName;
    QDateTime m_now;
    QList<Row> m_rows;
};

} // namespace kiosk::ui
