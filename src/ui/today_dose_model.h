#pragma once

#include "ui/dose_controller.h"
#include "ui/medication_store_controller.h"

#include <QAbstractListModel>
#include <QDate>
#include <QDateTime>
#include <QPointer>
#include <QTime>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// What is due when on one day (today by default): one row per planned dose of each active
// medication, in time order, then the as-needed medications. Rows know whether their time has
// passed and which dose is next; that is refreshed every minute.
class TodayDoseModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        kiosk::ui::MedicationStoreController *store READ store WRITE setStore NOTIFY storeChanged)
    // With doses set, the rows are the dose plan with the log: each has a status (given,
    // skipped, missed, due, upcoming, as needed) and a detail line, as `doses today` prints them.
    Q_PROPERTY(kiosk::ui::DoseController *doses READ doses WRITE setDoses NOTIFY storeChanged)
    // The moment the plan is for; invalid (the default) means now, following the clock.
    Q_PROPERTY(QDateTime now READ now WRITE setNow NOTIFY nowChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int scheduledCount READ scheduledCount NOTIFY countChanged)
    Q_PROPERTY(int remainingCount READ remainingCount NOTIFY progressChanged)

public:
    enum Role {
        MedicationIdRole = Qt::UserRole + 1,
        TimeRole, // "08:00", empty for as-needed rows
        TitleRole,
        ScheduleRole,
        InstructionsRole,
        PeriodRole, // Morning, Afternoon, Evening, Night, When needed
        PastRole,
        NextRole,
        AsNeededRole,
        StatusRole,  // "due", "given", ...; empty without doses
        DetailRole,  // "given 08:05 by Ana", "due since 08:00", ...
        DoseKeyRole, // for DoseController.give / skip
    };
    Q_ENUM(Role)

    explicit TodayDoseModel(QObject *parent = nullptr);

    MedicationStoreController *store() const { return m_store; }
    void setStore(MedicationStoreController *store);
    DoseController *doses() const { return m_doses; }
    void setDoses(DoseController *doses);
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &now);
    int count() const { return int(m_rows.size()); }
    int scheduledCount() const;
    int remainingCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString periodOf(const QTime &time);

signals:
    void storeChanged();
    void nowChanged();
    void countChanged();
    void progressChanged();

private:
    struct Row {
        qint64 medicationId = 0;
        QTime time; // invalid: as needed
        QString title;
        QString schedule;
        QString instructions;
        QString status;
        QString detail;
        QString key;
        bool asNeeded = false;
    };
    void rebuild();
    void tick();
    QDateTime effectiveNow() const;
    int nextRow() const;

    QPointer<MedicationStoreController> m_store;
    QPointer<DoseController> m_doses;
    QDateTime m_now;
    QDate m_builtFor;
    QList<Row> m_rows;
    QTimer m_clock;
};

} // namespace kiosk::ui
