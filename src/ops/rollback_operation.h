#pragma once

#include "k8s/rollback_planner.h"
#include "ops/operation.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace kiosk::k8s {
class ApiClient;
class RolloutFollower;
} // namespace kiosk::k8s

namespace kiosk::ops {

// Rolls one deployment back as `kubectl rollout undo` does, for the CLI and the UI alike:
//   preview(): plan from the deployment and its ReplicaSets; a refused plan fails (audited as
//              Denied), a no-op succeeds at once (nothing to change, not audited); otherwise the
//              server dry-runs the patch: Ready, or Failed with the server's reason;
//   apply():   asks the gate, sends the patch, follows the rollout until it is done, fails or
//              times out, and audits the outcome.
// previewAndApply() is the one-tap path: apply as soon as the preview is Ready.
class RollbackOperation : public Operation {
    Q_OBJECT

public:
    RollbackOperation(k8s::ApiClient *client, QString nameSpace, const QJsonObject &deployment,
                      const QList<QJsonObject> &replicaSets, qint64 toRevision, ActionGate *gate,
                      security::AuditLog audit, QObject *parent = nullptr);
    ~RollbackOperation() override;

    const k8s::RollbackPlan &plan() const { return m_plan; }
    QString deployment() const { return m_deployment; }
    // How long apply() follows the rollout; default 5 minutes.
    void setRolloutTimeout(int milliseconds) { m_rolloutTimeoutMs = milliseconds; }
    // True once the rollout was followed to completion.
    bool rolledOut() const { return m_rolledOut; }

    void preview();
    // False (and nothing sent) when the gate refuses or the preview is not Ready.
    bool apply();
    // False when the gate refuses; otherwise previews and applies once the preview is Ready.
    bool previewAndApply();

private:
    void sendPatch(bool dryRun);
    void follow();
    void fail(const QString &message);

    QPointer<k8s::ApiClient> m_client;
    QString m_nameSpace;
    QString m_deployment;
    k8s::RollbackPlan m_plan;
    int m_rolloutTimeoutMs = 300000;
    bool m_applyWhenReady = false;
    bool m_rolledOut = false;
    QPointer<k8s::RolloutFollower> m_follower;
};

} // namespace kiosk::ops
