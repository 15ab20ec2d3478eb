#include "k8s/cleanup_executor.h"

#include "k8s/api_client.h"
#include "k8s/resource_path.h"

#include <QJsonDocument>

namespace kiosk::k8s {

CleanupExecutor::CleanupExecutor(ApiClient *client, QString nameSpace, CleanupPlan plan,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_namespace(std::move(nameSpace))
    , m_plan(std::move(plan)) {}

QString CleanupExecutor::statusName(ItemResult::Status status) {
    switch (status) {
    case ItemResult::Status::Done:
        return QStringLiteral("done");
    case ItemResult::Status::Skipped:
        return QStringLiteral("skipped");
    case ItemResult::Status::Failed:
        break;
    }
    return QStringLiteral("failed");
}

int CleanupExecutor::count(ItemResult::Status status) const {
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
                             [status](const ItemResult &r) { return r.status == status; }));
}

void CleanupExecutor::start(bool dryRun) {
    if (m_running)
        return;
    m_dryRun = dryRun;
    m_running = true;
    m_results.clear();
    m_index = 0;
    next();
}

void CleanupExecutor::record(ItemResult result) {
    m_results.append(std::move(result));
    ++m_index;
    emit progress(m_index, total());
    next();
}

void CleanupExecutor::next() {
    if (!m_client || m_index >= total()) {
        m_running = false;
        emit finished();
        return;
    }
    QUrlQuery query;
    if (m_dryRun)
        query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));

    // Deletes first, then the history caps: capping first would let the controller delete the
    // same ReplicaSets behind our back, and the per-item results would say "already gone".
    const int deleteCount = int(m_plan.deletes.size());
    if (m_index >= deleteCount) {
        const PlannedPatch &patch = m_plan.patches.at(m_index - deleteCount);
        m_client->send(
            "PATCH", ResourcePath::object(ResourceKind::Deployment, m_namespace, patch.deployment),
            query, QJsonDocument(patch.body()).toJson(QJsonDocument::Compact),
            "application/merge-patch+json", this, [this, patch](const ApiResponse &response) {
                ItemResult r{
                    QStringLiteral("patch"), patch.deployment, ItemResult::Status::Done,
                    QStringLiteral("revisionHistoryLimit %1 -> %2")
                        .arg(patch.from < 0 ? QStringLiteral("unset") : QString::number(patch.from))
                        .arg(patch.to)};
                if (response.error.isError()) {
                    r.status = response.error.kind == ApiError::Kind::NotFound
                                   ? ItemResult::Status::Skipped
                                   : ItemResult::Status::Failed;
                    r.message = response.error.message;
                }
                record(std::move(r));
            });
        return;
    }
    const PlannedDelete &item = m_plan.deletes.at(m_index);
    m_client->send("DELETE", ResourcePath::object(ResourceKind::ReplicaSet, m_namespace, item.name),
                   query,
                   QJsonDocument(item.deleteOptions(m_dryRun)).toJson(QJsonDocument::Compact),
                   "application/json", this, [this, item](const ApiResponse &response) {
                       ItemResult r{QStringLiteral("delete"), item.name, ItemResult::Status::Done,
                                    item.reason};
                       if (response.error.kind == ApiError::Kind::NotFound) {
                           r.status = ItemResult::Status::Skipped;
                           r.message = QStringLiteral("already gone");
                       } else if (response.error.kind == ApiError::Kind::Conflict) {
                           r.status = ItemResult::Status::Skipped;
                           r.message = QStringLiteral("changed since the preview, left alone (%1)")
                                           .arg(response.error.message);
                       } else if (response.error.isError()) {
                           r.status = ItemResult::Status::Failed;
                           r.message = response.error.message;
                       }
                       record(std::move(r));
                   });
}

} // namespace kiosk::k8s
