#pragma once

#include "k8s/cleanup_planner.h"

#include <QObject>
#include <QPointer>

namespace kiosk::k8s {

class ApiClient;

// Sends a cleanup plan to the API server, one request at a time: first as a server dry run
// (dryRun=All, so a request the server would refuse shows before anything changes), then for
// real. Deletes carry uid + resourceVersion preconditions: a ReplicaSet that changed since the
// preview is skipped, not deleted.
class CleanupExecutor : public QObject {
    Q_OBJECT

public:
    struct ItemResult {
        enum class Status { Done, Skipped, Failed };
        QString action; // "delete" or "patch"
        QString name;   // ReplicaSet or Deployment
        Status status = Status::Done;
        QString message;
    };

    CleanupExecutor(ApiClient *client, QString nameSpace, CleanupPlan plan,
                    QObject *parent = nullptr);

    void start(bool dryRun);
    bool isRunning() const { return m_running; }
    bool isDryRun() const { return m_dryRun; }
    const QList<ItemResult> &results() const { return m_results; }
    int total() const { return int(m_plan.deletes.size() + m_plan.patches.size()); }
    int count(ItemResult::Status status) const;
    const CleanupPlan &plan() const { return m_plan; }

    static QString statusName(ItemResult::Status status);

signals:
    void progress(int done, int total);
    void finished();

private:
    void next();
    void record(ItemResult result);

    QPointer<ApiClient> m_client;
    QString m_namespace;
    CleanupPlan m_plan;
    QList<ItemResult> m_results;
    bool m_dryRun = true;
    bool m_running = false;
    int m_index = 0;
};

} // namespace kiosk::k8s
