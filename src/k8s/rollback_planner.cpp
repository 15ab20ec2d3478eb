#include "k8s/rollback_planner.h"

#include "k8s/deployment_health.h"
#include "k8s/object_fields.h"

#include <QJsonDocument>

#include <algorithm>

namespace kiosk::k8s {

QByteArray RollbackPlan::patchBody() const {
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

QJsonObject RollbackPlan::toJson() const {
    static const char *const outcomes[] = {"patch", "noop", "refused"};
    return QJsonObject{
        {QStringLiteral("deployment"), deployment},
        {QStringLiteral("outcome"), QLatin1String(outcomes[static_cast<int>(outcome)])},
        {QStringLiteral("toRevision"), toRevision},
        {QStringLiteral("revision"), outcome == Outcome::Refused && replicaSetName.isEmpty()
                                         ? QJsonValue(QJsonValue::Null)
                                         : QJsonValue(revision)},
        {QStringLiteral("replicaSet"), replicaSetName},
        {QStringLiteral("images"), QJsonArray::fromStringList(images)},
        {QStringLiteral("currentImages"), QJsonArray::fromStringList(currentImages)},
        {QStringLiteral("message"), message},
        {QStringLiteral("patch"), patch}};
}

QJsonArray revisionHistoryToJson(const QList<RevisionEntry> &history) {
    QJsonArray out;
    for (const RevisionEntry &e : history)
        out.append(QJsonObject{{QStringLiteral("revision"), e.revision},
                               {QStringLiteral("replicaSet"), e.replicaSetName},
                               {QStringLiteral("images"), QJsonArray::fromStringList(e.images)},
                               {QStringLiteral("created"),
                                e.created.isValid() ? QJsonValue(e.created.toString(Qt::ISODate))
                                                    : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("current"), e.current},
                               {QStringLiteral("replicas"), e.replicas},
                               {QStringLiteral("readyReplicas"), e.readyReplicas},
                               {QStringLiteral("everRan"), e.everRan},
                               {QStringLiteral("ranEvidence"), e.ranEvidence},
                               {QStringLiteral("changeCause"), e.changeCause}});
    return out;
}

QStringList rollbackAnnotationsToSkip() {
    return {QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
            QStringLiteral("deployment.kubernetes.io/revision"),
            QStringLiteral("deployment.kubernetes.io/revision-history"),
            QStringLiteral("deployment.kubernetes.io/desired-replicas"),
            QStringLiteral("deployment.kubernetes.io/max-replicas"),
            QStringLiteral("deprecated.deployment.rollback.to")};
}

namespace {

// The deployment's own ReplicaSets in the order kubectl's deploymentutil hands them to the
// rollback: old ones by creation time, then the new one (oldest whose template matches).
QList<int> ownedInKubectlOrder(const QJsonObject &deployment,
                               const QList<QJsonObject> &replicaSets) {
    QList<int> owned;
    for (int i = 0; i < replicaSets.size(); ++i) {
        if (fields::isControlledBy(replicaSets.at(i), deployment))
            owned << i;
    }
    std::stable_sort(owned.begin(), owned.end(), [&](int a, int b) {
        return fields::creationTime(replicaSets.at(a)) < fields::creationTime(replicaSets.at(b));
    });
    const QJsonObject tmpl = fields::podTemplate(deployment);
    for (int k = 0; k < owned.size(); ++k) {
        if (fields::templatesEqualIgnoringHash(fields::podTemplate(replicaSets.at(owned.at(k))),
                                               tmpl)) {
            const int newRs = owned.takeAt(k);
            owned << newRs;
            break;
        }
    }
    return owned;
}

QString imagesText(const QStringList &images) {
    return images.size() == 1 ? QStringLiteral("image ") + images.first()
                              : QStringLiteral("images ") + images.join(QStringLiteral(", "));
}

} // namespace

int chooseRollbackReplicaSet(const QJsonObject &deployment, const QList<QJsonObject> &replicaSets,
                             qint64 toRevision, QString *error) {
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return -1;
    };
    const QString notFound =
        QStringLiteral("unable to find specified revision %1 in history").arg(toRevision);
    if (toRevision < 0)
        return fail(notFound);
    int latest = -1;
    qint64 latestRevision = -1;
    int previous = -1;
    qint64 previousRevision = -1;
    for (int i : ownedInKubectlOrder(deployment, replicaSets)) {
        bool ok = false;
        const qint64 v = fields::revision(replicaSets.at(i), &ok);
        if (!ok)
            continue;
        if (toRevision == 0) {
            if (latestRevision < v) {
                previousRevision = latestRevision;
                previous = latest;
                latestRevision = v;
                latest = i;
            } else if (previousRevision < v) {
                previousRevision = v;
                previous = i;
            }
        } else if (toRevision == v) {
            return i;
        }
    }
    if (toRevision > 0)
        return fail(notFound);
    if (previous < 0)
        return fail(QStringLiteral("no rollout history found for deployment \"%1\"")
                        .arg(fields::name(deployment)));
    return previous;
}

RollbackPlan planRollback(const QJsonObject &deployment, const QList<QJsonObject> &replicaSets,
                          qint64 toRevision) {
    RollbackPlan plan;
    plan.deployment = fields::name(deployment);
    plan.toRevision = toRevision;
    plan.currentImages = fields::templateImages(fields::podTemplate(deployment));

    QString error;
    const int index = chooseRollbackReplicaSet(deployment, replicaSets, toRevision, &error);
    if (index < 0) {
        plan.message = error;
        return plan;
    }
    const QJsonObject &rs = replicaSets.at(index);
    plan.revision = fields::revision(rs);
    plan.replicaSetName = fields::name(rs);
    plan.images = fields::templateImages(fields::podTemplate(rs));
    plan.podTemplate = fields::withoutHashLabel(fields::podTemplate(rs));

    if (fields::spec(deployment).value(QLatin1String("paused")).toBool()) {
        plan.message =
            QStringLiteral("you cannot rollback a paused deployment; resume it first with "
                           "'kubectl rollout resume deployment/%1' and try again")
                .arg(plan.deployment);
        return plan;
    }
    if (fields::templatesEqualIgnoringHash(fields::podTemplate(rs),
                                           fields::podTemplate(deployment))) {
        plan.outcome = RollbackPlan::Outcome::NoOp;
        plan.message =
            QStringLiteral("skipped rollback (current template already matches revision %1)")
                .arg(plan.revision);
        return plan;
    }

    const QStringList skip = rollbackAnnotationsToSkip();
    const QJsonObject deploymentAnnotations = fields::annotations(deployment);
    for (const QString &key : skip) {
        if (deploymentAnnotations.contains(key))
            plan.annotations.insert(key, deploymentAnnotations.value(key));
    }
    const QJsonObject rsAnnotations = fields::annotations(rs);
    for (auto it = rsAnnotations.begin(); it != rsAnnotations.end(); ++it) {
        if (!skip.contains(it.key()) && it.key() != QLatin1String(kEverRanAnnotation))
            plan.annotations.insert(it.key(), it.value());
    }
    plan.patch = QJsonArray{
        QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                    {QStringLiteral("path"), QStringLiteral("/spec/template")},
                    {QStringLiteral("value"), plan.podTemplate}},
        QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                    {QStringLiteral("path"), QStringLiteral("/metadata/annotations")},
                    {QStringLiteral("value"), plan.annotations}},
    };
    plan.outcome = RollbackPlan::Outcome::Patch;
    plan.message = QStringLiteral("deployment.apps/%1 rolled back").arg(plan.deployment);
    return plan;
}

QList<RevisionEntry> revisionHistory(const QJsonObject &deployment,
                                     const QList<QJsonObject> &replicaSets,
                                     const QList<QJsonObject> &pods) {
    QList<RevisionEntry> history;
    const QJsonObject tmpl = fields::podTemplate(deployment);
    int currentIndex = -1;
    for (const QJsonObject &rs : replicaSets) {
        if (!fields::isControlledBy(rs, deployment))
            continue;
        RevisionEntry e;
        e.revision = fields::revision(rs);
        e.replicaSetName = fields::name(rs);
        e.images = fields::templateImages(fields::podTemplate(rs));
        e.created = fields::creationTime(rs);
        e.replicas = fields::spec(rs).value(QLatin1String("replicas")).toInt();
        e.readyReplicas = fields::statusInt(rs, "readyReplicas");
        e.changeCause =
            fields::annotations(rs).value(QLatin1String("kubernetes.io/change-cause")).toString();
        if (e.readyReplicas > 0) {
            e.ranEvidence = QStringLiteral("ready replicas");
        } else if (fields::statusInt(rs, "availableReplicas") > 0) {
            e.ranEvidence = QStringLiteral("available replicas");
        } else if (fields::annotations(rs).value(QLatin1String(kEverRanAnnotation)).toString() ==
                   QLatin1String("true")) {
            e.ranEvidence = QStringLiteral("annotation");
        } else {
            for (const QJsonObject &pod : pods) {
                if (!fields::isControlledBy(pod, rs))
                    continue;
                bool ready = fields::condition(pod, QStringLiteral("Ready"))
                                 .value(QLatin1String("status"))
                                 .toString() == QLatin1String("True");
                for (const QJsonValue &cs :
                     fields::status(pod).value(QLatin1String("containerStatuses")).toArray())
                    ready = ready || cs.toObject().value(QLatin1String("ready")).toBool();
                if (ready) {
                    e.ranEvidence = QStringLiteral("ready pod");
                    break;
                }
            }
        }
        e.everRan = !e.ranEvidence.isEmpty();
        if (fields::templatesEqualIgnoringHash(fields::podTemplate(rs), tmpl) &&
            (currentIndex < 0 || e.revision > history.at(currentIndex).revision))
            currentIndex = history.size();
        history << e;
    }
    if (currentIndex >= 0)
        history[currentIndex].current = true;
    std::stable_sort(
        history.begin(), history.end(),
        [](const RevisionEntry &a, const RevisionEntry &b) { return a.revision > b.revision; });
    return history;
}

RollbackSuggestion rollbackSuggestion(const QJsonObject &deployment,
                                      const QList<QJsonObject> &replicaSets,
                                      const QList<QJsonObject> &pods) {
    RollbackSuggestion s;
    if (deploymentHealth(deployment, pods).healthy)
        return s;
    const RollbackPlan plan = planRollback(deployment, replicaSets, 0);
    if (plan.outcome != RollbackPlan::Outcome::Patch)
        return s;
    for (const RevisionEntry &e : revisionHistory(deployment, replicaSets, pods)) {
        if (e.replicaSetName != plan.replicaSetName)
            continue;
        if (!e.everRan)
            return s;
        s.applicable = true;
        s.revision = plan.revision;
        s.images = plan.images;
        s.text = QStringLiteral("Roll back to revision %1 (%2)")
                     .arg(plan.revision)
                     .arg(imagesText(plan.images));
        return s;
    }
    return s;
}

} // namespace kiosk::k8s
