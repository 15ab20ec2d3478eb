#include "ops/cleanup_operation.h"

#include "k8s/api_client.h"

namespace kiosk::ops {

namespace {
using Status = k8s::CleanupExecutor::ItemResult::Status;
}

CleanupOperation::CleanupOperation(k8s::ApiClient *client, QString nameSpace, k8s::CleanupPlan plan,
                                   ActionGate *gate, security::AuditLog audit, QObject *parent)
    : Operation(QStringLiteral("cluster.cleanup"), QStringLiteral("namespace/%1").arg(nameSpace),
                gate, std::move(audit), parent)
    , m_client(client)
    , m_nameSpace(std::move(nameSpace))
    , m_plan(std::move(plan)) {}

CleanupOperation::~CleanupOperation() = default;

void CleanupOperation::preview() {
    if (busy() || m_dryRun)
        return;
    m_done = 0;
    m_dryRun = new k8s::CleanupExecutor(m_client, m_nameSpace, m_plan, this);
    connect(m_dryRun, &k8s::CleanupExecutor::progress, this, [this](int done, int) {
        m_done = done;
        emit changed();
    });
    connect(m_dryRun, &k8s::CleanupExecutor::finished, this, [this] {
        const int refused = m_dryRun->count(Status::Failed);
        if (refused > 0) {
            setPhase(Phase::Failed,
                     QStringLiteral(
                         "The server refused %1 request(s) in the dry run; nothing was changed.")
                         .arg(refused));
            return;
        }
        setPreviewAccepted();
        setPhase(Phase::Ready, QStringLiteral("The server accepts all %1 request(s).")
                                   .arg(m_dryRun->count(Status::Done)));
    });
    setPhase(Phase::Checking,
             QStringLiteral("Checking %1 request(s) with the server\u2026").arg(total()));
    m_dryRun->start(true);
}

bool CleanupOperation::apply() {
    if (phase() != Phase::Ready || !authorize())
        return false;
    m_done = 0;
    m_run = new k8s::CleanupExecutor(m_client, m_nameSpace, m_plan, this);
    connect(m_run, &k8s::CleanupExecutor::progress, this, [this](int done, int total) {
        m_done = done;
        const auto &r = m_run->results().constLast();
        emit progressLine(
            QStringLiteral("[%1/%2] %3 %4: %5%6")
                .arg(done)
                .arg(total)
                .arg(r.action, r.name, k8s::CleanupExecutor::statusName(r.status),
                     r.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.message)));
        emit changed();
    });
    connect(m_run, &k8s::CleanupExecutor::finished, this, [this] {
        const int done = m_run->count(Status::Done);
        const int skipped = m_run->count(Status::Skipped);
        const int failed = m_run->count(Status::Failed);
        audit(failed > 0 ? security::AuditEntry::Outcome::Failure
                         : security::AuditEntry::Outcome::Success,
              QStringLiteral("keep %1: %2 done, %3 skipped, %4 failed")
                  .arg(m_plan.options.keep)
                  .arg(done)
                  .arg(skipped)
                  .arg(failed));
        setPhase(failed > 0 ? Phase::Failed : Phase::Succeeded,
                 QStringLiteral("Done: %1, skipped: %2, failed: %3.")
                     .arg(done)
                     .arg(skipped)
                     .arg(failed));
    });
    setPhase(Phase::Running, QStringLiteral("Cleaning up: %1 request(s)\u2026").arg(total()));
    m_run->start(false);
    return true;
}

} // namespace kiosk::ops
