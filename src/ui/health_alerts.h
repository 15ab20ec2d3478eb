#pragma once

#include "k8s/cluster_health_report.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

class AdminSession;
class ClusterController;

// The banner every page shows when the cluster's health turns worse: a pod crash-looping, a
// deployment unavailable, the API unreachable for more than a minute, a service check failing.
// One alert per problem (a service is one problem however many checks say so), raised once,
// cleared by itself when health returns, each recorded in the audit log as an event (actor
// "kiosk", actions "event.alert" and "event.recovered"). The words are for a caregiver; `detail`
// is for the administrator.
class HealthAlerts : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        kiosk::ui::ClusterController *cluster READ cluster WRITE setCluster NOTIFY clusterChanged)
    Q_PROPERTY(kiosk::ui::AdminSession *adminSession READ adminSession WRITE setAdminSession NOTIFY
                   adminSessionChanged)
    Q_PROPERTY(int unreachableGraceMs READ unreachableGraceMs WRITE setUnreachableGraceMs NOTIFY
                   alertsChanged)
    // The banner: shown while an alert is active and not dismissed.
    Q_PROPERTY(bool showing READ showing NOTIFY alertsChanged)
    Q_PROPERTY(int count READ count NOTIFY alertsChanged)
    Q_PROPERTY(QString message READ message NOTIFY alertsChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY alertsChanged)

public:
    struct Problem {
        QString key;     // "service:kilo-meds", "api-unreachable", ...
        QString message; // for a caregiver
        QString detail;  // for the administrator

        friend bool operator==(const Problem &, const Problem &) = default;
    };
    static constexpr int kDefaultUnreachableGraceMs = 60000;

    explicit HealthAlerts(QObject *parent = nullptr);
    ~HealthAlerts() override;

    ClusterController *cluster() const { return m_cluster; }
    void setCluster(ClusterController *cluster);
    AdminSession *adminSession() const { return m_adminSession; }
    void setAdminSession(AdminSession *session);
    int unreachableGraceMs() const { return m_graceMs; }
    void setUnreachableGraceMs(int ms);

    bool showing() const { return !m_active.isEmpty() && !m_dismissed; }
    int count() const { return int(m_active.size()); }
    QString message() const;
    QString detail() const;
    QStringList activeKeys() const;

    // Hides the banner until a new problem is raised (the same one is not shown again).
    Q_INVOKABLE void dismiss();

    // The problems a report shows (services ordered as the report lists them); apiUnreachable:
    // the API has not answered for longer than the grace time.
    static QList<Problem> problemsOf(const k8s::ClusterHealthReport &report, bool hasReport,
                                     bool apiUnreachable);

signals:
    void clusterChanged();
    void adminSessionChanged();
    void alertsChanged();
    void raised(const QString &key, const QString &message);
    void cleared(const QString &key);

private:
    void evaluate();
    void record(const QString &action, const Problem &problem, bool failure);

    QPointer<ClusterController> m_cluster;
    QPointer<AdminSession> m_adminSession;
    QList<Problem> m_active; // oldest first; the banner shows the newest
    bool m_dismissed = false;
    int m_graceMs = kDefaultUnreachableGraceMs;
    QDateTime m_unreachableSince;
    QTimer m_graceTimer;
};

} // namespace kiosk::ui
