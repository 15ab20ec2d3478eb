#include "k8s/deployment_health.h"

#include "k8s/label_selector.h"
#include "k8s/object_fields.h"
#include "k8s/pod_status.h"

#include <QDateTime>
#include <QJsonArray>

namespace kiosk::k8s {

bool isFailingPodStatus(const QString &status) {
    static const QStringList failing = {
        QStringLiteral("CrashLoopBackOff"),
        QStringLiteral("ImagePullBackOff"),
        QStringLiteral("ErrImagePull"),
        QStringLiteral("InvalidImageName"),
        QStringLiteral("ErrImageNeverPull"),
        QStringLiteral("CreateContainerConfigError"),
        QStringLiteral("CreateContainerError"),
        QStringLiteral("RunContainerError"),
        QStringLiteral("ContainerCannotRun"),
        QStringLiteral("Error"),
        QStringLiteral("OOMKilled"),
        QStringLiteral("Evicted"),
        QStringLiteral("Unknown"),
    };
    QString s = status;
    if (s.startsWith(QLatin1String("Init:"))) {
        s = s.mid(5);
        // Init:1/3 is progress, not failure.
        if (!s.isEmpty() && s.at(0).isDigit())
            return false;
    }
    return failing.contains(s) || s.startsWith(QLatin1String("ExitCode:")) ||
           s.startsWith(QLatin1String("Signal:"));
}

namespace {

bool podIsGone(const QJsonObject &pod) {
    const QString phase = fields::status(pod).value(QLatin1String("phase")).toString();
    return fields::beingDeleted(pod) || phase == QLatin1String("Failed") ||
           phase == QLatin1String("Succeeded");
}

} // namespace

DeploymentHealth deploymentHealth(const QJsonObject &deployment, const QList<QJsonObject> &pods) {
    return deploymentHealthOfPods(deployment, pods.isEmpty() ? pods : selectedBy(deployment, pods));
}

DeploymentHealth deploymentHealthOfPods(const QJsonObject &deployment,
                                        const QList<QJsonObject> &ownPods) {
    const QJsonObject spec = fields::spec(deployment);
    DeploymentHealth h;
    h.name = fields::name(deployment);
    h.desired = fields::specReplicas(deployment);
    h.current = fields::statusInt(deployment, "replicas");
    h.updated = fields::statusInt(deployment, "updatedReplicas");
    h.ready = fields::statusInt(deployment, "readyReplicas");
    h.available = fields::statusInt(deployment, "availableReplicas");
    h.unavailable = fields::statusInt(deployment, "unavailableReplicas");
    h.readyText = QStringLiteral("%1/%2").arg(h.ready).arg(h.desired);
    const QJsonObject tmpl = fields::podTemplate(deployment);
    h.images = fields::templateImages(tmpl);
    for (const QJsonValue &c :
         tmpl.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        h.containers << c.toObject().value(QLatin1String("name")).toString();
    h.paused = spec.value(QLatin1String("paused")).toBool();
    h.observed = fields::generation(deployment) <= fields::observedGeneration(deployment);
    h.revision = fields::revision(deployment);
    if (spec.contains(QLatin1String("revisionHistoryLimit")) &&
        !spec.value(QLatin1String("revisionHistoryLimit")).isNull())
        h.revisionHistoryLimit = spec.value(QLatin1String("revisionHistoryLimit")).toInt();

    const QJsonObject progressing = fields::condition(deployment, QStringLiteral("Progressing"));
    h.progressingStatus = progressing.value(QLatin1String("status")).toString();
    h.progressingReason = progressing.value(QLatin1String("reason")).toString();
    h.progressingMessage = progressing.value(QLatin1String("message")).toString();
    h.progressDeadlineExceeded = h.progressingReason == QLatin1String("ProgressDeadlineExceeded");
    h.availableStatus = fields::condition(deployment, QStringLiteral("Available"))
                            .value(QLatin1String("status"))
                            .toString();
    const QJsonObject failure = fields::condition(deployment, QStringLiteral("ReplicaFailure"));
    h.replicaFailure = failure.value(QLatin1String("status")).toString() == QLatin1String("True");
    h.replicaFailureMessage = failure.value(QLatin1String("message")).toString();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonObject &pod : ownPods) {
        // Finished pods (Evicted, Failed) and pods on their way out no longer count as
        // replicas; the ReplicaSet has replaced them.
        if (podIsGone(pod))
            continue;
        const PodRow row = podRow(pod, now);
        if (isFailingPodStatus(row.status))
            h.failingPods << row.name + QLatin1Char(' ') + row.status;
    }

    const QString counts = QStringLiteral("%1/%2 available").arg(h.available).arg(h.desired);
    const QString podNote =
        h.failingPods.isEmpty()
            ? QString()
            : QStringLiteral(" (%1)").arg(h.failingPods.join(QStringLiteral(", ")));
    if (h.progressDeadlineExceeded) {
        h.healthy = false;
        h.reasonCode = DeploymentHealth::Reason::ProgressDeadlineExceeded;
        h.reason = QStringLiteral("progress deadline exceeded, %1%2").arg(counts, podNote);
    } else if (h.replicaFailure) {
        h.healthy = false;
        h.reasonCode = DeploymentHealth::Reason::ReplicaFailure;
        h.reason = QStringLiteral("replica failure: %1")
                       .arg(h.replicaFailureMessage.isEmpty() ? counts : h.replicaFailureMessage);
    } else if (h.desired == 0) {
        h.healthy = true;
        h.reasonCode = DeploymentHealth::Reason::ScaledToZero;
        h.reason = QStringLiteral("scaled to 0");
    } else if (h.available < h.desired) {
        h.healthy = false;
        h.reasonCode = DeploymentHealth::Reason::Unavailable;
        h.reason = counts + podNote;
    } else if (!h.failingPods.isEmpty()) {
        h.healthy = false;
        h.reasonCode = DeploymentHealth::Reason::FailingPods;
        h.reason =
            QStringLiteral("%1, but %2").arg(counts, h.failingPods.join(QStringLiteral(", ")));
    } else {
        h.healthy = true;
        if (h.paused) {
            h.reasonCode = DeploymentHealth::Reason::Paused;
            h.reason = QStringLiteral("%1, paused").arg(counts);
        } else if (!h.observed) {
            h.reasonCode = DeploymentHealth::Reason::NotObserved;
            h.reason = QStringLiteral("%1, update not yet observed").arg(counts);
        } else if (h.updated < h.desired) {
            h.reasonCode = DeploymentHealth::Reason::RollingOut;
            h.reason = QStringLiteral("%1, rolling out: %2 of %3 updated")
                           .arg(counts)
                           .arg(h.updated)
                           .arg(h.desired);
        } else if (h.current > h.updated) {
            h.reasonCode = DeploymentHealth::Reason::OldReplicasTerminating;
            h.reason = QStringLiteral("%1, %2 old replicas pending termination")
                           .arg(counts)
                           .arg(h.current - h.updated);
        } else {
            h.reasonCode = DeploymentHealth::Reason::Available;
            h.reason = counts;
        }
    }
    return h;
}

QList<DeploymentHealth> deploymentHealths(const QList<QJsonObject> &deployments,
                                          const QList<QJsonObject> &pods) {
    const LabelIndex index(pods);
    QList<DeploymentHealth> out;
    out.reserve(deployments.size());
    for (const QJsonObject &d : deployments)
        out << deploymentHealthOfPods(d, index.selectedBy(d));
    return out;
}

namespace {

QString withWarning(const QString &message, const QJsonObject &deployment,
                    const QList<QJsonObject> &pods) {
    static const QStringList warnReasons = {
        QStringLiteral("ImagePullBackOff"), QStringLiteral("ErrImagePull"),
        QStringLiteral("CrashLoopBackOff"), QStringLiteral("CreateContainerConfigError"),
        QStringLiteral("CreateContainerError")};
    for (const QJsonObject &pod : selectedBy(deployment, pods)) {
        const QJsonObject status = fields::status(pod);
        for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(QLatin1String("type")).toString() == QLatin1String("PodScheduled") &&
                o.value(QLatin1String("status")).toString() == QLatin1String("False") &&
                o.value(QLatin1String("reason")).toString() == QLatin1String("Unschedulable"))
                return QStringLiteral("%1 (Warning: %2)")
                    .arg(message, o.value(QLatin1String("message")).toString());
        }
        for (const QJsonValue &v : status.value(QLatin1String("containerStatuses")).toArray()) {
            const QJsonObject waiting = v.toObject()
                                            .value(QLatin1String("state"))
                                            .toObject()
                                            .value(QLatin1String("waiting"))
                                            .toObject();
            const QString reason = waiting.value(QLatin1String("reason")).toString();
            if (warnReasons.contains(reason))
                return QStringLiteral("%1 (Warning: %2 - %3)")
                    .arg(message, reason, waiting.value(QLatin1String("message")).toString());
        }
    }
    return message;
}

} // namespace

RolloutStatus rolloutStatus(const QJsonObject &deployment, qint64 revision,
                            const QList<QJsonObject> &pods) {
    RolloutStatus r;
    const QString name = fields::name(deployment);
    if (revision > 0) {
        bool ok = true;
        const qint64 running = fields::revision(deployment, &ok);
        if (!ok) {
            r.failed = true;
            r.message = QStringLiteral("cannot get the revision of deployment \"%1\"").arg(name);
            return r;
        }
        if (running != revision) {
            r.failed = true;
            r.message =
                QStringLiteral("desired revision (%1) is different from the running revision (%2)")
                    .arg(revision)
                    .arg(running);
            return r;
        }
    }
    if (fields::generation(deployment) <= fields::observedGeneration(deployment)) {
        const QJsonObject progressing =
            fields::condition(deployment, QStringLiteral("Progressing"));
        if (progressing.value(QLatin1String("reason")).toString() ==
            QLatin1String("ProgressDeadlineExceeded")) {
            r.failed = true;
            r.message =
                QStringLiteral("deployment \"%1\" exceeded its progress deadline").arg(name);
            return r;
        }
        const int updated = fields::statusInt(deployment, "updatedReplicas");
        const int replicas = fields::statusInt(deployment, "replicas");
        const int available = fields::statusInt(deployment, "availableReplicas");
        if (fields::hasSpecReplicas(deployment) && updated < fields::specReplicas(deployment)) {
            r.message = withWarning(
                QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2 out of %3 new "
                               "replicas have been updated...")
                    .arg(name)
                    .arg(updated)
                    .arg(fields::specReplicas(deployment)),
                deployment, pods);
            return r;
        }
        if (replicas > updated) {
            r.message =
                withWarning(QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2 "
                                           "old replicas are pending termination...")
                                .arg(name)
                                .arg(replicas - updated),
                            deployment, pods);
            return r;
        }
        if (available < updated) {
            r.message =
                withWarning(QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2 of "
                                           "%3 updated replicas are available...")
                                .arg(name)
                                .arg(available)
                                .arg(updated),
                            deployment, pods);
            return r;
        }
        r.done = true;
        r.message = QStringLiteral("deployment \"%1\" successfully rolled out").arg(name);
        return r;
    }
    r.message = withWarning(QStringLiteral("Waiting for deployment spec update to be observed..."),
                            deployment, pods);
    return r;
}

} // namespace kiosk::k8s
