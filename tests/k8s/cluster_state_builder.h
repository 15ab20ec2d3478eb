#pragma once
// Hand-made Kubernetes objects for the pure k8s tests (no fixture files): deployments,
// ReplicaSets and pods shaped like the API server's, and the kilo-guardian incident state as
// DESIGN.md describes it. Header-only, included by several tst_*.cpp.

#include "k8s/object_fields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace testk8s {

inline const QDateTime kBase =
    QDateTime::fromString(QStringLiteral("2025-12-01T00:00:00Z"), Qt::ISODate);
inline const QDateTime kNow =
    QDateTime::fromString(QStringLiteral("2026-01-06T12:00:00Z"), Qt::ISODate);

inline QString ts(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

inline QString containerName(const QString &deployment) {
    return deployment.startsWith(QLatin1String("kilo-")) ? deployment.mid(5) : deployment;
}

inline QJsonObject podTemplate(const QString &app, const QString &container, const QString &image) {
    return QJsonObject{
        {"metadata", QJsonObject{{"creationTimestamp", QJsonValue::Null},
                                 {"labels", QJsonObject{{"app", app}}}}},
        {"spec",
         QJsonObject{{"containers",
                      QJsonArray{QJsonObject{{"name", container},
                                             {"image", image},
                                             {"imagePullPolicy", "IfNotPresent"},
                                             {"terminationMessagePath", "/dev/termination-log"}}}},
                     {"restartPolicy", "Always"},
                     {"dnsPolicy", "ClusterFirst"}}}};
}

struct DeploymentSpec {
    QString name;
    QString image;
    qint64 revision = 1;
    int replicas = 1;
    int historyLimit = 10; // -1: unset
    bool healthy = true;   // status: all available, or nothing available + deadline exceeded
    bool paused = false;
    QJsonObject extraAnnotations;
};

inline QJsonObject deployment(const DeploymentSpec &s) {
    QJsonObject annotations{
        {QString::fromLatin1(kiosk::k8s::kRevisionAnnotation), QString::number(s.revision)}};
    for (auto it = s.extraAnnotations.begin(); it != s.extraAnnotations.end(); ++it)
        annotations.insert(it.key(), it.value());
    QJsonObject spec{{"replicas", s.replicas},
                     {"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", s.name}}}}},
                     {"template", podTemplate(s.name, containerName(s.name), s.image)},
                     {"progressDeadlineSeconds", 600}};
    if (s.historyLimit >= 0)
        spec.insert("revisionHistoryLimit", s.historyLimit);
    if (s.paused)
        spec.insert("paused", true);
    const int available = s.healthy ? s.replicas : 0;
    QJsonArray conditions{
        QJsonObject{
            {"type", "Available"},
            {"status", s.healthy ? "True" : "False"},
            {"reason", s.healthy ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable"}},
        QJsonObject{{"type", "Progressing"},
                    {"status", s.healthy ? "True" : "False"},
                    {"reason", s.healthy ? "NewReplicaSetAvailable" : "ProgressDeadlineExceeded"}}};
    QJsonObject status{{"observedGeneration", s.revision}, {"replicas", s.replicas},
                       {"updatedReplicas", s.replicas},    {"readyReplicas", available},
                       {"availableReplicas", available},   {"conditions", conditions}};
    if (!s.healthy)
        status.insert("unavailableReplicas", s.replicas);
    return QJsonObject{{"apiVersion", "apps/v1"},
                       {"kind", "Deployment"},
                       {"metadata", QJsonObject{{"name", s.name},
                                                {"namespace", "kilo-guardian"},
                                                {"uid", "uid-deploy-" + s.name},
                                                {"resourceVersion", "100"},
                                                {"generation", s.revision},
                                                {"creationTimestamp", ts(kBase)},
                                                {"labels", QJsonObject{{"app", s.name}}},
                                                {"annotations", annotations}}},
                       {"spec", spec},
                       {"status", status}};
}

struct ReplicaSetSpec {
    QString deployment; // owner name ("" for an orphan)
    QString ownerKind = QStringLiteral("Deployment");
    qint64 revision = 1;
    QString image;
    int replicas = 0;        // spec.replicas
    int statusReplicas = -1; // -1: same as replicas
    int ready = -1;          // -1: same as status replicas
    bool everRan = false;
    bool beingDeleted = false;
    bool generationAhead = false;
    QString name;     // "" = <deployment>-r<revision>
    QString labelApp; // "" = deployment
    QJsonObject extraAnnotations;
};

inline QJsonObject replicaSet(const ReplicaSetSpec &s) {
    const QString app = s.labelApp.isEmpty() ? s.deployment : s.labelApp;
    const QString hash = QStringLiteral("h%1%2").arg(qHash(app) % 9000 + 1000).arg(s.revision);
    const QString name = s.name.isEmpty() ? app + "-" + hash : s.name;
    QJsonObject tmpl = podTemplate(app, containerName(app), s.image);
    QJsonObject tmeta = tmpl["metadata"].toObject();
    tmeta["labels"] = QJsonObject{{"app", app}, {"pod-template-hash", hash}};
    tmpl["metadata"] = tmeta;
    QJsonObject annotations{
        {QString::fromLatin1(kiosk::k8s::kRevisionAnnotation), QString::number(s.revision)},
        {"deployment.kubernetes.io/desired-replicas", "1"},
        {"deployment.kubernetes.io/max-replicas", "2"}};
    if (s.everRan)
        annotations.insert(QString::fromLatin1(kiosk::k8s::kEverRanAnnotation), "true");
    for (auto it = s.extraAnnotations.begin(); it != s.extraAnnotations.end(); ++it)
        annotations.insert(it.key(), it.value());
    QJsonObject meta{{"name", name},
                     {"namespace", "kilo-guardian"},
                     {"uid", "uid-rs-" + name},
                     {"resourceVersion", QString::number(1000 + s.revision)},
                     {"generation", s.generationAhead ? 3 : 2},
                     {"creationTimestamp", ts(kBase.addDays(s.revision))},
                     {"labels", QJsonObject{{"app", app}, {"pod-template-hash", hash}}},
                     {"annotations", annotations}};
    if (!s.deployment.isEmpty()) {
        const QString ownerUid = s.ownerKind == QLatin1String("Deployment")
                                     ? "uid-deploy-" + s.deployment
                                     : "uid-other-" + s.deployment;
        meta.insert("ownerReferences", QJsonArray{QJsonObject{{"apiVersion", "apps/v1"},
                                                              {"kind", s.ownerKind},
                                                              {"name", s.deployment},
                                                              {"uid", ownerUid},
                                                              {"controller", true},
                                                              {"blockOwnerDeletion", true}}});
    }
    if (s.beingDeleted)
        meta.insert("deletionTimestamp", ts(kNow));
    const int statusReplicas = s.statusReplicas < 0 ? s.replicas : s.statusReplicas;
    const int ready = s.ready < 0 ? statusReplicas : s.ready;
    return QJsonObject{
        {"apiVersion", "apps/v1"},
        {"kind", "ReplicaSet"},
        {"metadata", meta},
        {"spec",
         QJsonObject{
             {"replicas", s.replicas},
             {"selector",
              QJsonObject{{"matchLabels", QJsonObject{{"app", app}, {"pod-template-hash", hash}}}}},
             {"template", tmpl}}},
        {"status", QJsonObject{{"replicas", statusReplicas},
                               {"fullyLabeledReplicas", statusReplicas},
                               {"readyReplicas", ready},
                               {"availableReplicas", ready},
                               {"observedGeneration", 2}}}};
}

// A pod of `rs` (a ReplicaSet object), running and ready, or crash-looping.
inline QJsonObject pod(const QJsonObject &rs, bool crashLooping = false) {
    const QString rsName = rs["metadata"].toObject()["name"].toString();
    const QJsonObject rsLabels = rs["metadata"].toObject()["labels"].toObject();
    const QString container = containerName(rsLabels["app"].toString());
    QJsonObject containerStatus{{"name", container},
                                {"image", rs["spec"]
                                              .toObject()["template"]
                                              .toObject()["spec"]
                                              .toObject()["containers"]
                                              .toArray()
                                              .at(0)
                                              .toObject()["image"]},
                                {"ready", !crashLooping},
                                {"started", !crashLooping},
                                {"restartCount", crashLooping ? 12 : 0}};
    if (crashLooping) {
        containerStatus.insert(
            "state",
            QJsonObject{{"waiting",
                         QJsonObject{{"reason", "CrashLoopBackOff"},
                                     {"message", "back-off 5m0s restarting failed container"}}}});
        containerStatus.insert(
            "lastState",
            QJsonObject{{"terminated", QJsonObject{{"exitCode", 1},
                                                   {"reason", "Error"},
                                                   {"finishedAt", ts(kNow.addSecs(-120))}}}});
    } else {
        containerStatus.insert("state",
                               QJsonObject{{"running", QJsonObject{{"startedAt", ts(kBase)}}}});
    }
    QJsonArray conditions{
        QJsonObject{{"type", "Initialized"}, {"status", "True"}},
        QJsonObject{{"type", "Ready"}, {"status", crashLooping ? "False" : "True"}},
        QJsonObject{{"type", "PodScheduled"}, {"status", "True"}}};
    return QJsonObject{
        {"apiVersion", "v1"},
        {"kind", "Pod"},
        {"metadata", QJsonObject{{"name", rsName + "-x7k2p"},
                                 {"namespace", "kilo-guardian"},
                                 {"uid", "uid-pod-" + rsName},
                                 {"creationTimestamp", ts(kBase)},
                                 {"labels", rsLabels},
                                 {"ownerReferences",
                                  QJsonArray{QJsonObject{{"apiVersion", "apps/v1"},
                                                         {"kind", "ReplicaSet"},
                                                         {"name", rsName},
                                                         {"uid", rs["metadata"].toObject()["uid"]},
                                                         {"controller", true}}}}}},
        {"spec", QJsonObject{{"containers", QJsonArray{QJsonObject{{"name", container}}}}}},
        {"status", QJsonObject{{"phase", "Running"},
                               {"conditions", conditions},
                               {"containerStatuses", QJsonArray{containerStatus}}}}};
}

struct ClusterState {
    QList<QJsonObject> deployments;
    QList<QJsonObject> replicaSets;
    QList<QJsonObject> pods;

    QJsonObject deploymentNamed(const QString &name) const {
        for (const QJsonObject &d : deployments)
            if (d["metadata"].toObject()["name"].toString() == name)
                return d;
        return {};
    }
    // Apply the planner's deletes (by name) and history-limit patches, as the API would.
    void removeReplicaSets(const QStringList &names) {
        QList<QJsonObject> kept;
        for (const QJsonObject &rs : replicaSets)
            if (!names.contains(rs["metadata"].toObject()["name"].toString()))
                kept << rs;
        replicaSets = kept;
    }
    void setHistoryLimit(const QString &deploymentName, int limit) {
        for (QJsonObject &d : deployments) {
            if (d["metadata"].toObject()["name"].toString() != deploymentName)
                continue;
            QJsonObject spec = d["spec"].toObject();
            spec["revisionHistoryLimit"] = limit;
            d["spec"] = spec;
        }
    }
};

// One deployment with `old` old ReplicaSets (revisions 1..old, 0 replicas, once ran) and a
// current one (revision old+1) with `replicas` replicas and a pod.
inline void addDeployment(ClusterState &state, const QString &name, int old,
                          const QString &currentImage = QString(), bool healthy = true,
                          const QString &previousImage = QString(), int historyLimit = 10) {
    const qint64 current = old + 1;
    const QString image =
        currentImage.isEmpty() ? QStringLiteral("%1:r%2").arg(name).arg(current) : currentImage;
    DeploymentSpec d;
    d.name = name;
    d.image = image;
    d.revision = current;
    d.healthy = healthy;
    d.historyLimit = historyLimit;
    state.deployments << deployment(d);
    for (qint64 r = 1; r <= old; ++r) {
        ReplicaSetSpec rs;
        rs.deployment = name;
        rs.revision = r;
        rs.image = (r == old && !previousImage.isEmpty())
                       ? previousImage
                       : QStringLiteral("%1:r%2").arg(name).arg(r);
        rs.everRan = true;
        state.replicaSets << replicaSet(rs);
    }
    ReplicaSetSpec rs;
    rs.deployment = name;
    rs.revision = current;
    rs.image = image;
    rs.replicas = 1;
    rs.ready = healthy ? 1 : 0;
    rs.everRan = healthy;
    state.replicaSets << replicaSet(rs);
    state.pods << pod(state.replicaSets.last(), !healthy);
}

// The kilo-guardian namespace of the incident report, per DESIGN.md: 14 deployments, one pod
// each, revisionHistoryLimit 10, 63 stale ReplicaSets itemised per deployment plus one orphan
// (78 ReplicaSets), kilo-meds crash-looping on kilo-meds:ai-brain-ocr-v2 after kilo-meds:cb1.
inline ClusterState kiloGuardian() {
    const QList<QPair<QString, int>> stale{
        {"kilo-ai-brain", 2},     {"kilo-cam", 7},    {"kilo-financial", 8}, {"kilo-frontend", 10},
        {"kilo-gateway", 5},      {"kilo-habits", 4}, {"kilo-library", 3},   {"kilo-meds", 7},
        {"kilo-ml-engine", 3},    {"kilo-ollama", 3}, {"kilo-reminder", 4},  {"kilo-socketio", 1},
        {"kilo-usb-transfer", 3}, {"kilo-voice", 3}};
    ClusterState state;
    for (const auto &[name, old] : stale) {
        if (name == QLatin1String("kilo-meds"))
            addDeployment(state, name, old, "kilo-meds:ai-brain-ocr-v2", false, "kilo-meds:cb1");
        else
            addDeployment(state, name, old);
    }
    ReplicaSetSpec orphan;
    orphan.labelApp = "kilo-legacy";
    orphan.revision = 3;
    orphan.image = "kilo-legacy:old";
    state.replicaSets << replicaSet(orphan);
    return state;
}

} // namespace testk8s
