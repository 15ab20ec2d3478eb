#include "ops/deployment_patch_operation.h"

#include "k8s/api_client.h"
#include "k8s/resource_path.h"
#include "k8s/rollout_follower.h"

#include <QUrlQuery>

namespace kiosk::ops {

DeploymentPatchOperation::DeploymentPatchOperation(QString action, k8s::ApiClient *client,
                                                   QString nameSpace, QString deployment,
                                                   ActionGate *gate, security::AuditLog audit,
                                                   QObject *parent)
    : Operation(std::move(action), QStringLiteral("deployment/%1").arg(deployment), gate,
                std::move(audit), parent)
    , m_client(client)
    , m_nameSpace(std::move(nameSpace))
    , m_deployment(std::move(deployment)) {}

DeploymentPatchOperation::~DeploymentPatchOperation() = default;

bool DeploymentPatchOperation::previewAndApply() {
    if (!authorize())
        return false;
    m_applyWhenReady = true;
    preview();
    return true;
}

bool DeploymentPatchOperation::apply() {
    if (phase() != Phase::Ready || !authorize())
        return false;
    setPhase(Phase::Running, runningMessage());
    sendPatch(false);
    return true;
}

void DeploymentPatchOperation::checkWithServer(const QString &checkingMessage) {
    setPhase(Phase::Checking, checkingMessage);
    sendPatch(true);
}

void DeploymentPatchOperation::sendPatch(bool dryRun) {
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
        patchBody(), patchContentType(), this, [this, dryRun](const k8s::ApiResponse &response) {
            if (response.error.isError()) {
                // A refused dry run changed nothing: not audited; a failed patch is.
                if (dryRun)
                    setPhase(Phase::Failed, QStringLiteral("The server refused the %1: %2")
                                                .arg(noun(), response.error.message));
                else
                    fail(QStringLiteral("The %1 failed: %2").arg(noun(), response.error.message));
                return;
            }
            if (dryRun) {
                setPreviewAccepted();
                setPhase(Phase::Ready, readyMessage());
                if (m_applyWhenReady)
                    apply();
                return;
            }
            emit progressLine(appliedLine());
            follow();
        });
}

void DeploymentPatchOperation::follow() {
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
                      auditDetail(line));
                setPhase(ok ? Phase::Succeeded : Phase::Failed, line);
            });
    m_follower->start(m_rolloutTimeoutMs);
}

void DeploymentPatchOperation::fail(const QString &message) {
    audit(security::AuditEntry::Outcome::Failure, message);
    setPhase(Phase::Failed, message);
}

} // namespace kiosk::ops
