#pragma once

#include "k8s/cleanup_executor.h"
#include "k8s/cleanup_planner.h"
#include "ops/operation.h"

#include <QPointer>

namespace kiosk::k8s {
class ApiClient;
}

namespace kiosk::ops {

// Cleans up old ReplicaSets and caps revisionHistoryLimit from a plan (k8s::planCleanup), for the
// CLI and the UI alike:
//   preview(): the server dry-runs every request (dryRun=All): Ready, or Failed when it refuses
//              any (nothing changed, not audited);
//   apply():   asks the gate, sends the plan for real (deletes with uid/resourceVersion
//              preconditions, then patches), one progressLine per request, and audits the counts.
class CleanupOperation : public Operation {
    Q_OBJECT

public:
    CleanupOperation(k8s::ApiClient *client, QString nameSpace, k8s::CleanupPlan plan,
                     ActionGate *gate, security::AuditLog audit, QObject *parent = nullptr);
    ~CleanupOperation() override;

    const k8s::CleanupPlan &plan() const { return m_plan; }
    // The server's answers to the dry run, and to the real run (null before each has started).
    const k8s::CleanupExecutor *dryRun() const { return m_dryRun; }
    const k8s::CleanupExecutor *run() const { return m_run; }
    // Requests answered so far in the current pass.
    int done() const { return m_done; }
    int total() const { return int(m_plan.deletes.size() + m_plan.patches.size()); }

    void preview();
    // False (and nothing sent) when the gate refuses or the preview is not Ready.
    bool apply();

private:
    QPointer<k8s::ApiClient> m_client;
    QString m_nameSpace;
    k8s::CleanupPlan m_plan;
    QPointer<k8s::CleanupExecutor> m_dryRun;
    QPointer<k8s::CleanupExecutor> m_run;
    int m_done = 0;
};

} // namespace kiosk::ops
