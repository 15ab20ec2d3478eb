#pragma once

#include "k8s/cluster_connection.h"
#include "k8s/cluster_health_report.h"
#include "k8s/cluster_monitor.h"
#include "k8s/log_follower.h"
#include "k8s/owner_index.h"
#include "ops/cleanup_operation.h"
#include "ops/restart_operation.h"
#include "ops/rollback_operation.h"
#include "ops/service_checks.h"
#include "ui/admin_session.h"
#include "ui/cluster_summary.h"
#include "ui/row_list_model.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// The Cluster page's view of one namespace: connection state and data age, the summary and
// checklist, deployments and pods as list models, and a pod's detail (containers, events, log).
class ClusterController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // The admin session that lets cluster actions through (unlocked by the PIN) and whose audit
    // log records them; without one every action is refused.
    Q_PROPERTY(kiosk::ui::AdminSession *adminSession READ adminSession WRITE setAdminSession NOTIFY
                   adminSessionChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString warningText READ warningText NOTIFY stateChanged)
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY stateChanged)
    Q_PROPERTY(QString nameSpace READ nameSpace NOTIFY stateChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY stateChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY reportChanged)
    Q_PROPERTY(QString dataAgeText READ dataAgeText NOTIFY dataAgeChanged)
    Q_PROPERTY(kiosk::ui::ClusterSummary summary READ summary NOTIFY reportChanged)
    Q_PROPERTY(kiosk::ui::RowListModel *deployments READ deployments CONSTANT)
    Q_PROPERTY(kiosk::ui::RowListModel *pods READ pods CONSTANT)
    Q_PROPERTY(kiosk::ui::RowListModel *checks READ checks CONSTANT)
    Q_PROPERTY(QString selectedDeployment READ selectedDeployment NOTIFY podDetailChanged)
    Q_PROPERTY(QString selectedPod READ selectedPod NOTIFY podDetailChanged)
    Q_PROPERTY(QVariantMap podDetail READ podDetail NOTIFY podDetailChanged)
    Q_PROPERTY(QString podLog READ podLog NOTIFY podLogChanged)
    Q_PROPERTY(QString podLogTitle READ podLogTitle NOTIFY podLogChanged)
    Q_PROPERTY(bool podLogLoading READ podLogLoading NOTIFY podLogChanged)
    Q_PROPERTY(bool podLogFollowing READ podLogFollowing NOTIFY podLogChanged)
    Q_PROPERTY(bool podLogPaused READ podLogPaused NOTIFY podLogChanged)
    Q_PROPERTY(int podLogHeldLines READ podLogHeldLines NOTIFY podLogChanged)
    Q_PROPERTY(QString podLogNotice READ podLogNotice NOTIFY podLogChanged)
    // The revisions of historyDeployment, newest first (see showHistory()).
    Q_PROPERTY(QString historyDeployment READ historyDeployment NOTIFY historyChanged)
    Q_PROPERTY(QVariantList revisionHistory READ revisionHistory NOTIFY historyChanged)
    // Cluster actions run only while the admin session is unlocked.
    Q_PROPERTY(bool actionsUnlocked READ actionsUnlocked NOTIFY actionsUnlockedChanged)
    Q_PROPERTY(ActionPhase cleanupPhase READ cleanupPhase NOTIFY cleanupChanged)
    Q_PROPERTY(QVariantMap cleanupPreview READ cleanupPreview NOTIFY cleanupChanged)
    Q_PROPERTY(QVariantMap cleanupResult READ cleanupResult NOTIFY cleanupChanged)
    Q_PROPERTY(int cleanupDone READ cleanupDone NOTIFY cleanupChanged)
    Q_PROPERTY(ActionPhase rollbackPhase READ rollbackPhase NOTIFY rollbackChanged)
    Q_PROPERTY(QString rollbackDeployment READ rollbackDeployment NOTIFY rollbackChanged)
    Q_PROPERTY(QString rollbackMessage READ rollbackMessage NOTIFY rollbackChanged)
    Q_PROPERTY(ActionPhase restartPhase READ restartPhase NOTIFY restartChanged)
    Q_PROPERTY(QString restartDeployment READ restartDeployment NOTIFY restartChanged)
    Q_PROPERTY(QString restartMessage READ restartMessage NOTIFY restartChanged)

public:
    enum class State { NotConfigured, ConfigError, Connecting, Live, Reconnecting };
    Q_ENUM(State)
    // The phases of ops::Operation, in the same order, for QML.
    enum class ActionPhase { Idle, Checking, Ready, Running, Succeeded, Failed };
    Q_ENUM(ActionPhase)

    explicit ClusterController(QObject *parent = nullptr);
    AdminSession *adminSession() const { return m_adminSession; }
    void setAdminSession(AdminSession *session);
    ~ClusterController() override;

    // Starts watching the namespace of `connection`.
    void connectTo(const k8s::ClusterConnection &connection, bool demo,
                   const QString &warning = {});
    void setNotConfigured();
    void setConfigError(const QString &error);

    State state() const { return m_state; }
    QString stateText() const;
    QString errorText() const { return m_error; }
    QString warningText() const { return m_warning; }
    QString sourceText() const;
    QString nameSpace() const { return m_connection.nameSpace; }
    bool demo() const { return m_demo; }
    bool hasData() const { return m_hasData; }
    QString dataAgeText() const;
    ClusterSummary summary() const { return m_summary; }
    RowListModel *deployments() const { return m_deployments; }
    RowListModel *pods() const { return m_pods; }
    RowListModel *checks() const { return m_checks; }
    QString selectedDeployment() const { return m_selectedDeployment; }
    QString selectedPod() const { return m_selectedPod; }
    QVariantMap podDetail() const { return m_podDetail; }
    QString podLog() const { return m_podLog; }
    QString podLogTitle() const { return m_podLogTitle; }
    bool podLogLoading() const { return m_podLogLoading; }
    bool podLogFollowing() const { return !m_logFollower.isNull(); }
    bool podLogPaused() const { return m_podLogPaused; }
    int podLogHeldLines() const { return m_podLogHeld; }
    QString podLogNotice() const { return m_podLogNotice; }
    QString historyDeployment() const { return m_historyDeployment; }
    QVariantList revisionHistory() const { return m_revisionHistory; }
    k8s::ClusterMonitor *monitor() const { return m_monitor; }
    const k8s::ClusterHealthReport &report() const { return m_report; }

    // Shows a pod's detail and fetches its events and the last 200 log lines of its previous
    // (crashed) container, or of the running one when there is no previous.
    Q_INVOKABLE void selectPod(const QString &name);
    // Shows a deployment's detail on its first failing pod (else its first) and, when that pod
    // goes (a rollback replaced it), moves on to the deployment's pod that replaced it.
    Q_INVOKABLE void selectDeployment(const QString &name);
    Q_INVOKABLE void clearSelection();
    Q_INVOKABLE void retry();
    // Pods of one deployment, failing first (for the deployment card's detail).
    Q_INVOKABLE QVariantList podsOfDeployment(const QString &deployment) const;
    // Keeps revisionHistory filled with the revisions of `deployment` (empty: none), as maps with
    // revision, images, age, ran, ranEvidence, current, canRollBack, changeCause and replicaSet;
    // it follows the cluster until clearSelection().
    Q_INVOKABLE void showHistory(const QString &deployment);

    bool actionsUnlocked() const { return m_adminSession && m_adminSession->unlocked(); }
    ActionPhase cleanupPhase() const;
    QVariantMap cleanupPreview() const { return m_cleanupPreview; }
    QVariantMap cleanupResult() const { return m_cleanupResult; }
    int cleanupDone() const { return m_cleanup ? m_cleanup->done() : 0; }
    ActionPhase rollbackPhase() const;
    QString rollbackDeployment() const { return m_rollback ? m_rollback->deployment() : QString(); }
    QString rollbackMessage() const { return m_rollback ? m_rollback->message() : QString(); }

    // Plans the cleanup from what is on screen and has the server dry-run every request.
    Q_INVOKABLE void previewCleanup(int keep, bool includeOrphans);
    // Carries out the previewed plan (deletes with preconditions); needs actionsUnlocked.
    Q_INVOKABLE bool runCleanup();
    Q_INVOKABLE void resetCleanup();
    // Rolls `deployment` back as kubectl rollout undo does (0 = the previous revision) and
    // follows the rollout; needs actionsUnlocked.
    Q_INVOKABLE bool rollback(const QString &deployment, qint64 toRevision = 0);
    Q_INVOKABLE void resetRollback();
    // Restarts `deployment` as kubectl rollout restart does and follows the rollout; needs
    // actionsUnlocked.
    Q_INVOKABLE bool restart(const QString &deployment);
    Q_INVOKABLE void resetRestart();
    ActionPhase restartPhase() const;
    QString restartDeployment() const { return m_restart ? m_restart->deployment() : QString(); }
    QString restartMessage() const { return m_restart ? m_restart->message() : QString(); }

    // Streams the shown log live as kubectl logs -f does: the shown deployment's newest pod
    // (followed across replacements, the lines kept), else the shown pod. Off: the last lines
    // again.
    Q_INVOKABLE void followPodLog(bool follow);
    // Holds the shown log still while lines keep arriving (podLogHeldLines counts them).
    Q_INVOKABLE void pausePodLog(bool paused);
    static constexpr int kFollowedLogLines = 1000;

    // The services a pod status cannot vouch for (AI Brain, the medication service): asked where
    // they are before every round, probed now and every intervalMs; their rows join the checks.
    void watchServices(ops::ServiceChecks::EndpointSource source,
                       int intervalMs = kServiceCheckIntervalMs);
    Q_INVOKABLE void checkServicesNow();
    ops::ServiceChecks *serviceChecks() const { return m_services; }
    static constexpr int kServiceCheckIntervalMs = 30000;

signals:
    void adminSessionChanged();
    void stateChanged();
    void reportChanged();
    void dataAgeChanged();
    void podDetailChanged();
    void podLogChanged();
    void actionsUnlockedChanged();
    void cleanupChanged();
    void rollbackChanged();
    void historyChanged();
    void restartChanged();

protected:
    // A language change (LanguagePreference) rewords the texts made here.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A report made off the UI thread, with the deployment and pod rows it implies.
    struct BuiltReport {
        quint64 generation = 0; // the monitor it was made for
        k8s::ClusterHealthReport report;
        QList<QVariantMap> deploymentRows;
        QList<QVariantMap> podRows;
    };
    // What a report is made from: copies (shared, not deep) of the informers' objects and of the
    // owner indexes, taken on the UI thread and read by the worker only.
    struct ReportInput {
        QHash<QString, QJsonObject> deployments;
        QHash<QString, QJsonObject> replicaSets;
        QHash<QString, QJsonObject> pods;
        k8s::OwnerIndex replicaSetsByOwner;
        k8s::OwnerIndex podsByOwner;
    };
    static BuiltReport buildReport(const ReportInput &input, quint64 generation);
    static QList<QJsonObject> replicaSetsOf(const QJsonObject &deployment,
                                            const k8s::OwnerIndex &replicaSetsByOwner,
                                            const QHash<QString, QJsonObject> &replicaSets);
    static QList<QJsonObject> podsOf(const QJsonObject &deployment,
                                     const k8s::OwnerIndex &replicaSetsByOwner,
                                     const k8s::OwnerIndex &podsByOwner,
                                     const QHash<QString, QJsonObject> &pods);
    // Deployments' and pods' watch batches: their rows change within a frame.
    static constexpr int kRowBatchMs = 4;

    security::AuditLog auditLog() const;
    void applyReport();
    void publishReport();
    void refreshServiceChecks();
    void updateDeploymentRows(const QStringList &names);
    void updatePodRows(const QStringList &names);
    void updateCleanupMaps();
    void rebuild();
    void updateCheckRows();
    void updateState();
    void refreshPodDetail();
    QString preferredPod(const QString &deployment) const;
    void fetchEvents(const QString &pod);
    void fetchLog(const QString &pod, bool previous);
    void stopFollowing();
    void showFollowedLines();
    bool refreshHistory(); // true when the rows changed (and historyChanged was emitted)
    QList<QJsonObject> replicaSetsOf(const QJsonObject &deployment) const;
    QList<QJsonObject> podsOf(const QJsonObject &deployment) const;

    State m_state = State::NotConfigured;
    QString m_error;
    QString m_warning;
    bool m_demo = false;
    bool m_hasData = false;
    k8s::ClusterConnection m_connection;
    QPointer<k8s::ClusterMonitor> m_monitor;
    // ReplicaSets by their Deployment and Pods by their ReplicaSet, kept from the informers'
    // batches, so one deployment's history never walks the namespace.
    k8s::OwnerIndex m_replicaSetsByOwner;
    k8s::OwnerIndex m_podsByOwner;
    k8s::ClusterHealthReport m_report;
    ClusterSummary m_summary;
    RowListModel *m_deployments;
    RowListModel *m_pods;
    RowListModel *m_checks;
    QDateTime m_offlineSince;
    QTimer m_ageTimer;
    QString m_selectedDeployment;
    QString m_selectedPod;
    QVariantMap m_podDetail;
    QVariantList m_podEvents;
    QString m_podLog;
    QString m_podLogTitle;
    bool m_podLogLoading = false;
    QString
        m_podLogFailedAtStatus; // the pod's status when its log could not be had; "" = no failure
    QString m_historyDeployment;
    QVariantList m_revisionHistory;
    QPointer<AdminSession> m_adminSession;
    QVariantMap m_cleanupPreview;
    QVariantMap m_cleanupResult;
    QPointer<ops::CleanupOperation> m_cleanup;
    QPointer<ops::RollbackOperation> m_rollback;
    QPointer<ops::RestartOperation> m_restart;
    QPointer<k8s::LogFollower> m_logFollower;
    QString m_followedDeployment; // "" when the follower reads one pod
    bool m_podLogPaused = false;
    int m_podLogHeld = 0;
    QString m_podLogNotice;
    QTimer m_logFlush; // a burst of lines becomes one podLogChanged
    QFutureWatcher<BuiltReport> m_reportBuild;
    bool m_rebuildPending = false;
    // Deployments and pods changed since the report in the making was copied: their rows are
    // made again after it is applied, so an older report never shows older rows.
    QSet<QString> m_deploymentsSinceCopy;
    QSet<QString> m_podsSinceCopy;
    quint64 m_monitorGeneration = 0;
    ops::ServiceChecks *m_services;
    QTimer m_serviceTimer;
};

} // namespace kiosk::ui
