#pragma once

#include "ops/deployment_patch_operation.h"

#include <QDateTime>
#include <QJsonObject>

namespace kiosk::ops {

// Restarts one deployment's pods as `kubectl rollout restart` does, for the CLI and the UI alike:
// the pod template's `kubectl.kubernetes.io/restartedAt` annotation set to now, so the deployment
// controller rolls out a new ReplicaSet of the same pods.
//   preview(): a paused deployment is refused (audited as Denied, as kubectl refuses it);
//              otherwise the server dry-runs the patch: Ready, or Failed with its reason;
//   apply():   asks the gate, sends the patch, follows the rollout until it is done, fails or
//              times out, and audits the outcome.
class RestartOperation : public DeploymentPatchOperation {
    Q_OBJECT

public:
    static constexpr const char *kRestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    RestartOperation(k8s::ApiClient *client, QString nameSpace, const QJsonObject &deployment,
                     ActionGate *gate, security::AuditLog audit, QObject *parent = nullptr);
    ~RestartOperation() override;

    // The annotation's value the last patch carried.
    QString restartedAt() const { return m_restartedAt; }

    // kubectl's strategic merge patch for a restart at `restartedAt`.
    static QByteArray patchBody(const QString &restartedAt);
    // `at` as kubectl writes it (Go's time.RFC3339 of the local time: "Z" when that is UTC).
    static QString rfc3339(const QDateTime &at);

    void preview() override;

protected:
    QString noun() const override { return QStringLiteral("restart"); }
    QByteArray patchBody() override;
    QByteArray patchContentType() const override {
        return "application/strategic-merge-patch+json";
    }
    QString readyMessage() const override;
    QString runningMessage() const override;
    QString appliedLine() const override;
    QString auditDetail(const QString &rolloutLine) const override;

private:
    bool m_paused = false;
    QString m_restartedAt;
};

} // namespace kiosk::ops
