#include "ops/rollback_operation.h"

#include "k8s/object_fields.h"

namespace kiosk::ops {

RollbackOperation::RollbackOperation(k8s::ApiClient *client, QString nameSpace,
                                     const QJsonObject &deployment,
                                     const QList<QJsonObject> &replicaSets, qint64 toRevision,
                                     ActionGate *gate, security::AuditLog audit, QObject *parent)
    : DeploymentPatchOperation(QStringLiteral("cluster.rollback"), client, std::move(nameSpace),
                               k8s::fields::name(deployment), gate, std::move(audit), parent)
    , m_plan(k8s::planRollback(deployment, replicaSets, toRevision)) {}

RollbackOperation::~RollbackOperation() = default;

void RollbackOperation::preview() {
    if (busy())
        return;
    switch (m_plan.outcome) {
    case k8s::RollbackPlan::Outcome::Refused:
        audit(security::AuditEntry::Outcome::Denied, m_plan.message);
        setPhase(Phase::Failed, m_plan.message);
        return;
    case k8s::RollbackPlan::Outcome::NoOp:
        setPhase(Phase::Succeeded, m_plan.message);
        return;
    case k8s::RollbackPlan::Outcome::Patch:
        break;
    }
    checkWithServer(QStringLiteral("Checking the rollback to revision %1 with the server\u2026")
                        .arg(m_plan.revision));
}

QString RollbackOperation::readyMessage() const {
    return QStringLiteral("Roll %1 back to revision %2 (%3, now %4): the server accepts it.")
        .arg(deployment())
        .arg(m_plan.revision)
        .arg(m_plan.images.join(QStringLiteral(", ")),
             m_plan.currentImages.join(QStringLiteral(", ")));
}

QString RollbackOperation::runningMessage() const {
    return QStringLiteral("Rolling back to revision %1 (%2)\u2026")
        .arg(m_plan.revision)
        .arg(m_plan.images.join(QStringLiteral(", ")));
}

QString RollbackOperation::appliedLine() const {
    return QStringLiteral("deployment.apps/%1 rolled back to revision %2 (%3)")
        .arg(deployment())
        .arg(m_plan.revision)
        .arg(m_plan.images.join(QStringLiteral(", ")));
}

QString RollbackOperation::auditDetail(const QString &rolloutLine) const {
    return QStringLiteral("to revision %1 (%2): %3")
        .arg(m_plan.revision)
        .arg(m_plan.images.join(QStringLiteral(", ")), rolloutLine);
}

} // namespace kiosk::ops
