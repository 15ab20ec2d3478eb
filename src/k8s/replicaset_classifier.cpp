#include "k8s/replicaset_classifier.h"

#include "k8s/object_fields.h"

#include <QHash>

#include <algorithm>

namespace kiosk::k8s {

QString replicaSetClassName(ReplicaSetClass c) {
    switch (c) {
    case ReplicaSetClass::Current:
        return QStringLiteral("current");
    case ReplicaSetClass::Old:
        return QStringLiteral("old");
    case ReplicaSetClass::Stale:
        return QStringLiteral("stale");
    case ReplicaSetClass::Orphaned:
        return QStringLiteral("orphaned");
    case ReplicaSetClass::Foreign:
        return QStringLiteral("foreign");
    }
    return {};
}

const DeploymentReplicaSets *ReplicaSetClassification::forDeployment(const QString &name) const {
    if (!deploymentIndexes.isEmpty()) {
        const int i = deploymentIndexes.value(name, -1);
        return i >= 0 ? &deployments.at(i) : nullptr;
    }
    for (const DeploymentReplicaSets &d : deployments) {
        if (d.deployment == name)
            return &d;
    }
    return nullptr;
}

static bool newerFirst(const ReplicaSetInfo &a, const ReplicaSetInfo &b) {
    if (a.revision != b.revision)
        return a.revision > b.revision;
    if (a.created != b.created)
        return a.created > b.created;
    return a.name < b.name;
}

QList<ReplicaSetInfo> ReplicaSetClassification::ownedBy(const QString &deployment) const {
    QList<ReplicaSetInfo> out;
    for (int i : ownedIndexes.value(deployment))
        out << replicaSets.at(i);
    std::sort(out.begin(), out.end(), newerFirst);
    return out;
}

QList<ReplicaSetInfo> ReplicaSetClassification::ofKind(ReplicaSetClass kind) const {
    QList<ReplicaSetInfo> out;
    for (const ReplicaSetInfo &rs : replicaSets) {
        if (rs.kind == kind)
            out << rs;
    }
    return out;
}

ReplicaSetClassification classifyReplicaSets(const QList<QJsonObject> &deployments,
                                             const QList<QJsonObject> &replicaSets) {
    ReplicaSetClassification result;
    QHash<QString, int> byUid;
    QHash<QString, int> byName;
    for (int i = 0; i < deployments.size(); ++i) {
        const QJsonObject &d = deployments.at(i);
        DeploymentReplicaSets entry;
        entry.deployment = fields::name(d);
        const QJsonValue limit = fields::spec(d).value(QLatin1String("revisionHistoryLimit"));
        if (limit.isDouble())
            entry.revisionHistoryLimit = limit.toInt();
        result.deployments << entry;
        if (!result.deploymentIndexes.contains(entry.deployment))
            result.deploymentIndexes.insert(entry.deployment, i); // the first, as a walk finds
        if (!fields::uid(d).isEmpty())
            byUid.insert(fields::uid(d), i);
        byName.insert(entry.deployment, i);
    }

    // Pass 1: facts and ownership.
    QList<int> ownerIndex;
    for (const QJsonObject &rs : replicaSets) {
        ReplicaSetInfo info;
        info.object = rs;
        info.name = fields::name(rs);
        info.uid = fields::uid(rs);
        info.resourceVersion = fields::resourceVersion(rs);
        bool ok = false;
        info.revision = fields::revision(rs, &ok);
        info.hasRevision =
            ok && fields::annotations(rs).contains(QLatin1String(kRevisionAnnotation));
        info.specReplicas = fields::spec(rs)
                                .value(QLatin1String("replicas"))
                                .toInt(fields::hasSpecReplicas(rs) ? 0 : 1);
        info.statusReplicas = fields::statusInt(rs, "replicas");
        info.readyReplicas = fields::statusInt(rs, "readyReplicas");
        info.availableReplicas = fields::statusInt(rs, "availableReplicas");
        info.images = fields::templateImages(fields::podTemplate(rs));
        info.created = fields::creationTime(rs);
        info.beingDeleted = fields::beingDeleted(rs);
        info.generationAhead = fields::generation(rs) > fields::observedGeneration(rs);

        const QJsonObject ref = fields::controllerRef(rs);
        info.ownerKind = ref.value(QLatin1String("kind")).toString();
        info.ownerName = ref.value(QLatin1String("name")).toString();
        int owner = -1;
        if (ref.isEmpty()) {
            info.kind = ReplicaSetClass::Orphaned;
        } else if (info.ownerKind != QLatin1String("Deployment")) {
            info.kind = ReplicaSetClass::Foreign;
        } else {
            const QString refUid = ref.value(QLatin1String("uid")).toString();
            if (!refUid.isEmpty())
                owner = byUid.value(refUid, -1);
            if (owner < 0) {
                // Objects without uids (hand-made): the name decides, as in fields::isControlledBy.
                const int candidate = byName.value(info.ownerName, -1);
                if (candidate >= 0 &&
                    (refUid.isEmpty() || fields::uid(deployments.at(candidate)).isEmpty()))
                    owner = candidate;
            }
            info.kind = owner >= 0 ? ReplicaSetClass::Old : ReplicaSetClass::Orphaned;
        }
        if (owner >= 0) {
            info.deployment = result.deployments.at(owner).deployment;
            result.ownedIndexes[info.deployment] << result.replicaSets.size();
        }
        ownerIndex << owner;
        result.replicaSets << info;
    }

    // Pass 2: the current ReplicaSet of each deployment.
    for (int d = 0; d < deployments.size(); ++d) {
        DeploymentReplicaSets &entry = result.deployments[d];
        const QList<int> owned = result.ownedIndexes.value(entry.deployment);
        if (owned.isEmpty())
            continue;
        const QJsonObject deploymentTemplate = fields::podTemplate(deployments.at(d));
        const QJsonObject tmpl = fields::comparableTemplate(deploymentTemplate);
        const QStringList images = fields::templateImages(deploymentTemplate);
        const qint64 deploymentRevision = fields::revision(deployments.at(d));
        int best = -1;
        int byRevision = -1;
        for (int i : owned) {
            ++entry.owned;
            const ReplicaSetInfo &rs = result.replicaSets.at(i);
            // Other images mean another template: only the same images need the full comparison.
            if (rs.images == images &&
                fields::comparableTemplate(fields::podTemplate(rs.object)) == tmpl) {
                ++entry.templateMatches;
                if (best < 0 || rs.revision > result.replicaSets.at(best).revision ||
                    (rs.revision == result.replicaSets.at(best).revision &&
                     rs.created < result.replicaSets.at(best).created))
                    best = i;
            }
            if (deploymentRevision > 0 && rs.revision == deploymentRevision)
                byRevision = i;
        }
        if (best < 0)
            best = byRevision;
        if (best >= 0) {
            result.replicaSets[best].kind = ReplicaSetClass::Current;
            entry.current = 1;
            entry.currentName = result.replicaSets.at(best).name;
            entry.currentRevision = result.replicaSets.at(best).revision;
        }
    }

    // Pass 3: stale flags and counts.
    for (int i = 0; i < result.replicaSets.size(); ++i) {
        ReplicaSetInfo &rs = result.replicaSets[i];
        const bool zero = rs.specReplicas == 0 && rs.statusReplicas == 0;
        if (rs.kind == ReplicaSetClass::Old && zero)
            rs.kind = ReplicaSetClass::Stale;
        rs.stale =
            zero && (rs.kind == ReplicaSetClass::Stale || rs.kind == ReplicaSetClass::Orphaned);
        ++result.total;
        switch (rs.kind) {
        case ReplicaSetClass::Current:
            ++result.current;
            break;
        case ReplicaSetClass::Old:
        case ReplicaSetClass::Stale:
            ++result.old;
            ++result.deployments[ownerIndex.at(i)].old;
            if (rs.kind == ReplicaSetClass::Stale)
                ++result.deployments[ownerIndex.at(i)].stale;
            break;
        case ReplicaSetClass::Orphaned:
            ++result.orphaned;
            break;
        case ReplicaSetClass::Foreign:
            ++result.foreign;
            break;
        }
        if (rs.stale)
            ++result.stale;
    }
    return result;
}

} // namespace kiosk::k8s
