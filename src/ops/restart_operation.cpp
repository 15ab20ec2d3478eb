#include "ops/restart_operation.h"

#include "k8s/object_fields.h"

#include <QJsonDocument>

namespace kiosk::ops {

RestartOperation::RestartOperation(k8s::ApiClient *client, QString nameSpace,
                                   const QJsonObject &deployment, ActionGate *gate,
                                   security::AuditLog audit, QObject *parent)
    : DeploymentPatchOperation(QStringLiteral("cluster.restart"), client, std::move(nameSpace),
                               k8s::fields::name(deployment), gate, std::move(audit), parent)
    , m_paused(deployment.value(u"spec").toObject().value(u"paused").toBool()) {}

RestartOperation::~RestartOperation() = default;

QString RestartOperation::rfc3339(const QDateTime &at) {
    const QDateTime local = at.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

QByteArray RestartOperation::patchBody(const QString &restartedAt) {
    const QJsonObject annotations{{QLatin1String(kRestartedAtAnnotation), restartedAt}};
    const QJsonObject metadata{{QStringLiteral("annotations"), annotations}};
    const QJsonObject podTemplate{{QStringLiteral("metadata"), metadata}};
    const QJsonObject spec{{QStringLiteral("template"), podTemplate}};
    return QJsonDocument(QJsonObject{{QStringLiteral("spec"), spec}})
        .toJson(QJsonDocument::Compact);
}

QByteArray RestartOperation::patchBody() {
    // Every send, the dry run too, carries the time it was sent, as kubectl's one send does.
    m_restartedAt = rfc3339(QDateTime::currentDateTime());
    return patchBody(m_restartedAt);
}

void RestartOperation::preview() {
    if (busy())
        return;
    if (m_paused) {
        // kubectl's words: a paused deployment would not roll the restart out.
        const QString why =
            QStringLiteral("can't restart paused deployment (run rollout resume first)");
        audit(security::AuditEntry::Outcome::Denied, why);
        setPhase(Phase::Failed, why);
        return;
    }
    checkWithServer(
        QStringLiteral("Checking the restart of %1 with the server\u2026").arg(deployment()));
}

QString RestartOperation::readyMessage() const {
    return QStringLiteral("Restart the pods of %1, replaced one by one as its rollout allows: "
                          "the server accepts it.")
        .arg(deployment());
}

QString RestartOperation::runningMessage() const {
    return QStringLiteral("Restarting %1\u2026").arg(deployment());
}

QString RestartOperation::appliedLine() const {
    return QStringLiteral("deployment.apps/%1 restarted").arg(deployment());
}

QString RestartOperation::auditDetail(const QString &rolloutLine) const {
    return QStringLiteral("restartedAt %1: %2").arg(m_restartedAt, rolloutLine);
}

} // namespace kiosk::ops
