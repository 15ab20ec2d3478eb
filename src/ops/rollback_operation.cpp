#include "ops/rollback_operation.h"

#include "k8s/api_client.h"
#include "k8s/object_fields.h"
#include "k8s/resource_path.h"
#include "k8s/rollout_follower.h"

#include <QUrlQuery>

namespace kiosk::ops {

RollbackOperation::RollbackOperation(k8s::ApiClient *client, QString nameSpace,
                                     const QJsonObject &deployment,
                                     const QList<QJsonObject> &replicaSets, qint64 toRevision,
                                     ActionGate *gate, security::AuditLog audit, QObject *parent)
    : Operation(QStringLiteral("cluster.rollback"),
                QStringLiteral("deployment/%1").arg(k8s::fields::name(deployment)), gate,
                std::move(audit), parent)
    , m_client(client)
    , m_nameSpace(std::move(nameSpace))
    , m_deployment(k8s::fields::name(deployment))
    , m_plan(k8s::planRollback(deployment, replicaSets, toRevision)) {}

RollbackOperation::~RollbackOperation() = default;

bool RollbackOperation::previewAndApply() {
    if (!authorize())
        return false;
    m_applyWhenReady = true;
    preview();
    return true;
}

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
    setPhase(Phase::Checking,
             QStringLiteral("Checking the rollback to revision %1 with the server\u2026")
                 .arg(m_plan.revision));
    sendPatch(true);
}

bool RollbackOperation::apply() {
    if (phase() != Phase::Ready || !authorize())
        return false;
    setPhase(Phase::Running, QStringLiteral("Rolling back to revision %1 (%2)\u2026")
                                 .arg(m_plan.revision)
                                 .arg(m_plan.images.join(QStringLiteral(", "))));
    sendPatch(false);
    return true;
}

void RollbackOperation::sendPatch(bool dryRun) {
    if (!m_client) {
        fail(QStringLiteral("no connection to the cluster"));
        return;
    }
    QUrlQuery query;
    if (dryRun)
        query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    m_client->send(
        "PATCH",
        k8s::ResourcePath::object(k8s::ResourceKind::Deployment, m_nameSpace, m_deployment), query,
        m_plan.patchBody(), "application/json-patch+json", this,
        [this, dryRun](const k8s::ApiResponse &response) {
            if (response.error.isError()) {
                // A refused dry run changed nothing: not audited; a failed patch is.
                if (dryRun)
                    setPhase(Phase::Failed, QStringLiteral("The server refused the rollback: %1")
                                                .arg(response.error.message));
                else
                    fail(QStringLiteral("The rollback failed: %1").arg(response.error.message));
                return;
            }
            if (dryRun) {
                setPreviewAccepted();
                setPhase(Phase::Ready,
                         QStringLiteral(
                             "Roll %1 back to revision %2 (%3, now %4): the server accepts it.")
                             .arg(m_deployment)
                             .arg(m_plan.revision)
                             .arg(m_plan.images.join(QStringLiteral(", ")),
                                  m_plan.currentImages.join(QStringLiteral(", "))));
                if (m_applyWhenReady)
                    apply();
                return;
            }
            emit progressLine(QStringLiteral("deployment.apps/%1 rolled back to revision %2 (%3)")
                                  .arg(m_deployment)
                                  .arg(m_plan.revision)
                                  .arg(m_plan.images.join(QStringLiteral(", "))));
            follow();
        });
}

void RollbackOperation::follow() {
    delete m_follower;
    m_follower = new k8s::RolloutFollower(m_client, m_nameSpace, m_deployment, this);
    connect(m_follower, &k8s::RolloutFollower::statusChanged, this, [this](const QString &line) {
        setMessage(line);
        emit progressLine(line);
    });
    connect(m_follower, &k8s::RolloutFollower::finished, this,
            [this](bool ok, const QString &line) {
                m_rolledOut = ok;
                audit(ok ? security::AuditEntry::Outcome::Success
                         : security::AuditEntry::Outcome::Failure,
                      QStringLiteral("to revision %1 (%2): %3")
                          .arg(m_plan.revision)
                          .arg(m_plan.images.join(QStringLiteral(", ")), line));
                setPhase(ok ? Phase::Succeeded : Phase::Failed, line);
            });
    m_follower->start(m_rolloutTimeoutMs);
}

void RollbackOperation::fail(const QString &message) {
    audit(security::AuditEntry::Outcome::Failure, message);
    setPhase(Phase::Failed, message);
}

} // namespace kiosk::ops
