#pragma once

#include "ops/operation.h"

#include <QPointer>

namespace kiosk::k8s {
class ApiClient;
class RolloutFollower;
} // namespace kiosk::k8s

namespace kiosk::ops {

// What a rollback and a restart share: one patch to a deployment, first as a server dry run
// (preview), then for real behind the gate, then the rollout followed until it is done, fails or
// times out, and the outcome audited. Subclasses say what to send and how to word it.
class DeploymentPatchOperation : public Operation {
    Q_OBJECT

public:
    ~DeploymentPatchOperation() override;

    QString deployment() const { return m_deployment; }
    // How long apply() follows the rollout; default 5 minutes.
    void setRolloutTimeout(int milliseconds) { m_rolloutTimeoutMs = milliseconds; }
    // True once the rollout was followed to completion.
    bool rolledOut() const { return m_rolledOut; }

    virtual void preview() = 0;
    // False (and nothing sent) when the gate refuses or the preview is not Ready.
    bool apply();
    // False when the gate refuses; otherwise previews and applies once the preview is Ready.
    bool previewAndApply();

protected:
    DeploymentPatchOperation(QString action, k8s::ApiClient *client, QString nameSpace,
                             QString deployment, ActionGate *gate, security::AuditLog audit,
                             QObject *parent);

    // Checking: the patch sent as a server dry run; Ready when the server accepts it.
    void checkWithServer(const QString &checkingMessage);
    void fail(const QString &message);

    virtual QString noun() const = 0; // "rollback": "The server refused the rollback: ..."
    virtual QByteArray patchBody() = 0;
    virtual QByteArray patchContentType() const = 0;
    virtual QString readyMessage() const = 0;
    virtual QString runningMessage() const = 0;
    virtual QString appliedLine() const = 0; // kubectl's line once the patch is in
    virtual QString auditDetail(const QString &rolloutLine) const = 0;

private:
    void sendPatch(bool dryRun);
    void follow();

    QPointer<k8s::ApiClient> m_client;
    QString m_nameSpace;
    QString m_deployment;
    int m_rolloutTimeoutMs = 300000;
    bool m_applyWhenReady = false;
    bool m_rolledOut = false;
    QPointer<k8s::RolloutFollower> m_follower;
};

} // namespace kiosk::ops
