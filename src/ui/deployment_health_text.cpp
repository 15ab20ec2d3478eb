#include "ui/deployment_health_text.h"

namespace kiosk::ui {

QString DeploymentHealthText::reason(const k8s::DeploymentHealth &h) {
    using Reason = k8s::DeploymentHealth::Reason;
    const QString counts = tr("%1/%2 available").arg(h.available).arg(h.desired);
    const QString pods = h.failingPods.join(QStringLiteral(", "));
    const QString countsAndPods =
        pods.isEmpty() ? counts : tr("%1 (%2)", "counts (failing pods)").arg(counts, pods);
    switch (h.reasonCode) {
    case Reason::ProgressDeadlineExceeded:
        return tr("progress deadline exceeded, %1").arg(countsAndPods);
    case Reason::ReplicaFailure:
        return tr("replica failure: %1")
            .arg(h.replicaFailureMessage.isEmpty() ? counts : h.replicaFailureMessage);
    case Reason::ScaledToZero:
        return tr("scaled to 0");
    case Reason::Unavailable:
        return countsAndPods;
    case Reason::FailingPods:
        return tr("%1, but %2").arg(counts, pods);
    case Reason::Paused:
        return tr("%1, paused").arg(counts);
    case Reason::NotObserved:
        return tr("%1, update not yet observed").arg(counts);
    case Reason::RollingOut:
        return tr("%1, rolling out: %2 of %3 updated").arg(counts).arg(h.updated).arg(h.desired);
    case Reason::OldReplicasTerminating:
        return tr("%1, %n old replica(s) pending termination", nullptr, h.current - h.updated)
            .arg(counts);
    case Reason::Available:
        break;
    }
    return counts;
}

QString DeploymentHealthText::suggestion(const k8s::RollbackSuggestion &s) {
    if (!s.applicable)
        return {};
    return tr("Roll back to revision %1 (image(s) %2)", nullptr, int(s.images.size()))
        .arg(s.revision)
        .arg(s.images.join(QStringLiteral(", ")));
}

} // namespace kiosk::ui
