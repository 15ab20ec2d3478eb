#include "cluster_view.h"

#include "k8s/cluster_health_report.h"
#include "k8s/cluster_monitor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace kiosk::bench {

namespace {

QString nameOf(const QJsonObject &object) {
    return object.value(u"metadata").toObject().value(u"name").toString();
}

// Read straight from the JSON (not through the kiosk's helpers): this side is the reference.
ClusterView::Workload workloadOf(const QJsonObject &object) {
    const QJsonObject spec = object.value(u"spec").toObject();
    const QJsonObject status = object.value(u"status").toObject();
    ClusterView::Workload w;
    w.specReplicas = spec.contains(u"replicas") ? spec.value(u"replicas").toInt() : 1;
    w.replicas = status.value(u"replicas").toInt();
    w.readyReplicas = status.value(u"readyReplicas").toInt();
    w.availableReplicas = status.value(u"availableReplicas").toInt();
    QStringList images;
    for (const auto &c : spec.value(u"template")
                             .toObject()
                             .value(u"spec")
                             .toObject()
                             .value(u"containers")
                             .toArray())
        images.append(c.toObject().value(u"image").toString());
    w.images = images.join(u',');
    return w;
}

int jsonRestarts(const QJsonObject &pod) {
    int sum = 0;
    for (const auto &c : pod.value(u"status").toObject().value(u"containerStatuses").toArray())
        sum += c.toObject().value(u"restartCount").toInt();
    return sum;
}

QString describe(const ClusterView::Pod &p) {
    return QStringLiteral("%1 %2 restarts %3").arg(p.ready, p.status).arg(p.restarts);
}

QString describe(const ClusterView::Workload &w) {
    return QStringLiteral("spec %1 replicas %2 ready %3 available %4 image %5")
        .arg(w.specReplicas)
        .arg(w.replicas)
        .arg(w.readyReplicas)
        .arg(w.availableReplicas)
        .arg(w.images);
}

template <typename T>
void compare(const QString &kind, const QMap<QString, T> &kiosk, const QMap<QString, T> &kubectl,
             QStringList *out) {
    QSet<QString> names;
    for (auto it = kiosk.cbegin(); it != kiosk.cend(); ++it)
        names.insert(it.key());
    for (auto it = kubectl.cbegin(); it != kubectl.cend(); ++it)
        names.insert(it.key());
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    for (const QString &name : sorted) {
        const auto k = kiosk.constFind(name);
        const auto c = kubectl.constFind(name);
        if (k == kiosk.cend())
            out->append(
                QStringLiteral("%1 %2: only kubectl has it (%3)").arg(kind, name, describe(*c)));
        else if (c == kubectl.cend())
            out->append(
                QStringLiteral("%1 %2: only the kiosk has it (%3)").arg(kind, name, describe(*k)));
        else if (!(*k == *c))
            out->append(QStringLiteral("%1 %2: kiosk %3; kubectl %4")
                            .arg(kind, name, describe(*k), describe(*c)));
    }
}

} // namespace

ClusterView ClusterView::fromMonitor(const k8s::ClusterMonitor &monitor) {
    ClusterView view;
    const QList<QJsonObject> deployments = monitor.deployments();
    const QList<QJsonObject> replicaSets = monitor.replicaSets();
    const k8s::ClusterHealthReport report = k8s::ClusterHealthReport::build(
        deployments, replicaSets, monitor.pods(), QDateTime::currentDateTimeUtc());
    for (const k8s::PodRow &row : report.pods)
        view.pods.insert(row.name, Pod{row.ready, row.status, row.restarts});
    for (const QJsonObject &rs : replicaSets)
        view.replicaSets.insert(nameOf(rs), workloadOf(rs));
    for (const QJsonObject &d : deployments)
        view.deployments.insert(nameOf(d), workloadOf(d));
    return view;
}

ClusterView ClusterView::fromKubectl(const QByteArray &json, const QByteArray &podTable,
                                     QString *error) {
    ClusterView view;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("kubectl's JSON does not parse: %1").arg(parseError.errorString());
        return view;
    }
    QMap<QString, int> restartsInJson;
    for (const auto &value : document.object().value(u"items").toArray()) {
        const QJsonObject item = value.toObject();
        const QString kind = item.value(u"kind").toString();
        if (kind == QLatin1String("Pod"))
            restartsInJson.insert(nameOf(item), jsonRestarts(item));
        else if (kind == QLatin1String("ReplicaSet"))
            view.replicaSets.insert(nameOf(item), workloadOf(item));
        else if (kind == QLatin1String("Deployment"))
            view.deployments.insert(nameOf(item), workloadOf(item));
    }
    // NAME READY STATUS RESTARTS AGE; RESTARTS may read "3 (12s ago)" (kubectl 1.22+).
    for (const QByteArray &line : podTable.split('\n')) {
        const QStringList cells =
            QString::fromUtf8(line).simplified().split(u' ', Qt::SkipEmptyParts);
        if (cells.isEmpty())
            continue;
        bool ok = false;
        const int restarts = cells.size() >= 5 ? cells.at(3).toInt(&ok) : 0;
        if (!ok) {
            *error = QStringLiteral("kubectl get pods printed a line that is not a pod row: %1")
                         .arg(QString::fromUtf8(line));
            return view;
        }
        view.pods.insert(cells.at(0), Pod{cells.at(1), cells.at(2), restarts});
    }
    // Two commands, two moments: they must agree before they count as kubectl's view.
    if (view.pods.keys() != restartsInJson.keys()) {
        *error = QStringLiteral("the pods changed between kubectl's two answers");
        return view;
    }
    for (auto it = view.pods.cbegin(); it != view.pods.cend(); ++it) {
        if (it->restarts != restartsInJson.value(it.key())) {
            *error = QStringLiteral("pod %1 restarted between kubectl's two answers").arg(it.key());
            return view;
        }
    }
    error->clear();
    return view;
}

QStringList ClusterView::differences(const ClusterView &kiosk, const ClusterView &kubectl) {
    QStringList out;
    compare(QStringLiteral("pod"), kiosk.pods, kubectl.pods, &out);
    compare(QStringLiteral("replicaset"), kiosk.replicaSets, kubectl.replicaSets, &out);
    compare(QStringLiteral("deployment"), kiosk.deployments, kubectl.deployments, &out);
    return out;
}

} // namespace kiosk::bench
