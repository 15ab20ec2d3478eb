#pragma once

#include "k8s/rollback_planner.h"
#include "ops/deployment_patch_operation.h"

#include <QJsonObject>
#include <QList>

namespace kiosk::ops {

// Rolls one deployment back as `kubectl rollout undo` does, for the CLI and the UI alike:
//   preview(): plan from the deployment and its ReplicaSets; a refused plan fails (audited as
//              Denied), a no-op succeeds at once (nothing to change, not audited); otherwise the
//              server dry-runs the patch: Ready, or Failed with the server's reason;
//   apply():   asks the gate, sends the patch, follows the rollout until it is done, fails or
//              times out, and audits the outcome.
// previewAndApply() is the one-tap path: apply as soon as the preview is Ready.
class RollbackOperation : public DeploymentPatchOperation {
    Q_OBJECT

public:
    RollbackOperation(k8s::ApiClient *client, QString nameSpace, const QJsonObject &deployment,
                      const QList<QJsonObject> &replicaSets, qint64 toRevision, ActionGate *gate,
                      security::AuditLog audit, QObject *parent = nullptr);
    ~RollbackOperation() override;

    const k8s::RollbackPlan &plan() const { return m_plan; }

    void preview() override;

protected:
    QString noun() const override { return QStringLiteral("rollback"); }
    QByteArray patchBody() override { return m_plan.patchBody(); }
    QByteArray patchContentType() const override { return "application/json-patch+json"; }
    QString readyMessage() const override;
    QString runningMessage() const override;
    QString appliedLine() const override;
    QString auditDetail(const QString &rolloutLine) const override;

private:
    k8s::RollbackPlan m_plan;
};

} // namespace kiosk::ops
