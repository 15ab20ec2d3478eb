#include "sim/kubelet.h"

#include "sim/event_recorder.h"
#include "sim/object_service.h"
#include "sim/object_util.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTimer>

namespace kiosk::sim {

namespace {

const QString kKubelet = QStringLiteral("kubelet");

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

QString fullImageName(const QString &image) {
    const QString first = image.section(QLatin1Char('/'), 0, 0);
    if (image.contains(QLatin1Char('/')) &&
        (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) ||
         first == QLatin1String("localhost")))
        return image;
    if (image.contains(QLatin1Char('/')))
        return QStringLiteral("docker.io/") + image;
    return QStringLiteral("docker.io/library/") + image;
}

QString repositoryOf(const QString &image) {
    const QString last = image.section(QLatin1Char('/'), -1);
    const auto colon = last.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return image;
    return image.left(image.size() - last.size() + colon);
}

QString sha256(const QString &text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonArray containerStatuses(const QJsonObject &pod) {
    return pod.value(QStringLiteral("status"))
        .toObject()
        .value(QStringLiteral("containerStatuses"))
        .toArray();
}

QJsonObject containerStatus(const QJsonObject &pod, const QString &container) {
    for (const auto &c : containerStatuses(pod)) {
        if (c.toObject().value(QStringLiteral("name")).toString() == container)
            return c.toObject();
    }
    return {};
}

void setContainerStatus(QJsonObject &pod, const QJsonObject &status) {
    QJsonObject podStatus = pod.value(QStringLiteral("status")).toObject();
    QJsonArray statuses = podStatus.value(QStringLiteral("containerStatuses")).toArray();
    bool replaced = false;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        if (statuses.at(i).toObject().value(QStringLiteral("name")) ==
            status.value(QStringLiteral("name"))) {
            statuses.replace(i, status);
            replaced = true;
        }
    }
    if (!replaced)
        statuses.append(status);
    podStatus.insert(QStringLiteral("containerStatuses"), statuses);
    pod.insert(QStringLiteral("status"), podStatus);
}

QJsonObject containerSpec(const QJsonObject &pod, const QString &container) {
    for (const auto &c : pod.value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("containers"))
                             .toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() == container)
            return c.toObject();
    }
    return {};
}

QString fieldPath(const QString &container) {
    return QStringLiteral("spec.containers{%1}").arg(container);
}

void setPodCondition(QJsonObject &pod, const QString &type, bool value, const QString &reason = {},
                     const QString &message = {}) {
    QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    const QString text = value ? QStringLiteral("True") : QStringLiteral("False");
    QJsonObject condition{{QStringLiteral("type"), type},
                          {QStringLiteral("status"), text},
                          {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                          {QStringLiteral("lastTransitionTime"), util::now()}};
    if (!reason.isEmpty())
        condition.insert(QStringLiteral("reason"), reason);
    if (!message.isEmpty())
        condition.insert(QStringLiteral("message"), message);
    bool found = false;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QJsonObject existing = conditions.at(i).toObject();
        if (existing.value(QStringLiteral("type")).toString() != type)
            continue;
        found = true;
        if (existing.value(QStringLiteral("status")).toString() == text) {
            condition.insert(QStringLiteral("lastTransitionTime"),
                             existing.value(QStringLiteral("lastTransitionTime")));
        }
        conditions.replace(i, condition);
    }
    if (!found)
        conditions.append(condition);
    status.insert(QStringLiteral("conditions"), conditions);
    pod.insert(QStringLiteral("status"), status);
}

} // namespace

Kubelet::Kubelet(ObjectService *service, EventRecorder *events, const QString &nodeName,
                 QObject *parent)
    : LogSource(parent)
    , m_service(service)
    , m_store(service->store())
    , m_events(events)
    , m_nodeName(nodeName) {
    connect(m_store, &ObjectStore::changed, this, &Kubelet::onChange);
}

void Kubelet::registerImage(const QString &image, const ImageProfile &profile) {
    m_images.insert(image, profile);
}

std::optional<ImageProfile> Kubelet::profileFor(const QString &image) const {
    if (const auto it = m_images.constFind(image); it != m_images.cend())
        return *it;
    if (const auto it = m_images.constFind(repositoryOf(image)); it != m_images.cend())
        return *it;
    for (auto it = m_images.cbegin(); it != m_images.cend(); ++it) {
        if (it.key().endsWith(QLatin1Char('*')) && image.startsWith(it.key().chopped(1)))
            return *it;
    }
    return std::nullopt;
}

int Kubelet::backoffSeconds(qint64 restarts) {
    if (restarts <= 0)
        return 1;
    qint64 seconds = 10;
    for (qint64 i = 1; i < restarts && seconds < 300; ++i)
        seconds *= 2;
    return int(qMin<qint64>(seconds, 300));
}

bool Kubelet::managed(const QJsonObject &pod) const {
    return util::controllerRef(pod).value(QStringLiteral("kind")).toString() ==
           QLatin1String("ReplicaSet");
}

std::optional<QJsonObject> Kubelet::currentPod(const QString &uid) const {
    const auto it = m_pods.constFind(uid);
    if (it == m_pods.cend())
        return std::nullopt;
    const auto pod = m_store->get(catalog().pods(), it->ns, it->name);
    if (!pod || util::uid(*pod) != uid)
        return std::nullopt;
    return pod;
}

void Kubelet::writePod(const QJsonObject &pod) {
    m_service->writeInternal(catalog().pods(), pod);
}

void Kubelet::later(int ms, const QString &uid, std::function<void()> action) {
    QTimer::singleShot(ms, this, [this, uid, action = std::move(action)]() {
        const auto it = m_pods.constFind(uid);
        if (it == m_pods.cend() || it->terminating)
            return;
        action();
    });
}

QString Kubelet::nextIp() {
    const int n = m_nextIp++;
    if (m_nextIp > 250 * 254)
        m_nextIp = 2;
    return QStringLiteral("10.42.%1.%2").arg(n / 254).arg(n % 254 + 1);
}

void Kubelet::onChange(const StoreEvent &event) {
    if (event.resource != &catalog().pods())
        return;
    const QString uid = util::uid(event.object);
    if (event.type == QLatin1String("DELETED")) {
        const auto it = m_pods.constFind(uid);
        if (it != m_pods.cend()) {
            const QStringList names = it->containers.keys();
            m_pods.remove(uid);
            for (const QString &name : names)
                emit containerStopped(uid, name);
        }
        return;
    }
    const QJsonObject &pod = event.object;
    const bool scheduled = !pod.value(QStringLiteral("spec"))
                                .toObject()
                                .value(QStringLiteral("nodeName"))
                                .toString()
                                .isEmpty();
    if (util::isTerminating(pod)) {
        if (m_pods.contains(uid)) {
            terminate(uid);
        } else if (scheduled) {
            // A pod the kubelet does not run (its status is the client's): end the deletion.
            const QString ns = util::namespaceOf(pod);
            const QString name = util::name(pod);
            QTimer::singleShot(300, this,
                               [this, ns, name]() { m_service->finishPodDeletion(ns, name); });
        }
        return;
    }
    if (event.type == QLatin1String("ADDED") && managed(pod) && !m_pods.contains(uid)) {
        PodRun run;
        run.ns = util::namespaceOf(pod);
        run.name = util::name(pod);
        m_pods.insert(uid, run);
        if (!scheduled)
            later(50, uid, [this, uid]() { bind(uid); });
        else
            later(50, uid, [this, uid]() { startPod(uid); });
    }
}

void Kubelet::bind(const QString &uid) {
    auto pod = currentPod(uid);
    if (!pod)
        return;
    QJsonObject spec = pod->value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("nodeName"), m_nodeName);
    pod->insert(QStringLiteral("spec"), spec);
    setPodCondition(*pod, QStringLiteral("PodScheduled"), true);
    writePod(*pod);
    m_pods[uid].scheduled = true;
    m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                     QStringLiteral("Successfully assigned %1/%2 to %3")
                         .arg(util::namespaceOf(*pod), util::name(*pod), m_nodeName),
                     QStringLiteral("default-scheduler"));
    later(100, uid, [this, uid]() { startPod(uid); });
}

void Kubelet::startPod(const QString &uid) {
    auto pod = currentPod(uid);
    if (!pod)
        return;
    PodRun &run = m_pods[uid];
    run.started = true;
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
    status.insert(QStringLiteral("hostIP"), QStringLiteral("192.168.1.50"));
    status.insert(QStringLiteral("hostIPs"),
                  QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("192.168.1.50")}}});
    status.insert(QStringLiteral("startTime"), util::now());
    pod->insert(QStringLiteral("status"), status);
    QStringList names;
    for (const auto &c : pod->value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("containers"))
                             .toArray()) {
        const QJsonObject container = c.toObject();
        const QString name = container.value(QStringLiteral("name")).toString();
        names.append(name);
        run.containers.insert(name, ContainerRun());
        setContainerStatus(
            *pod, QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("image"), container.value(QStringLiteral("image"))},
                              {QStringLiteral("imageID"), QString()},
                              {QStringLiteral("ready"), false},
                              {QStringLiteral("restartCount"), 0},
                              {QStringLiteral("started"), false},
                              {QStringLiteral("lastState"), QJsonObject()},
                              {QStringLiteral("state"),
                               QJsonObject{{QStringLiteral("waiting"),
                                            QJsonObject{{QStringLiteral("reason"),
                                                         QStringLiteral("ContainerCreating")}}}}}});
    }
    setPodCondition(*pod, QStringLiteral("PodReadyToStartContainers"), false);
    setPodCondition(*pod, QStringLiteral("Initialized"), true);
    updateReadiness(*pod);
    setPodCondition(*pod, QStringLiteral("PodScheduled"), true);
    writePod(*pod);
    for (const QString &name : std::as_const(names))
        later(350, uid, [this, uid, name]() { startContainer(uid, name, false); });
}

void Kubelet::updateReadiness(QJsonObject &pod) const {
    QStringList unready;
    const QJsonArray statuses = containerStatuses(pod);
    for (const auto &c : pod.value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("containers"))
                             .toArray()) {
        const QString name = c.toObject().value(QStringLiteral("name")).toString();
        if (!containerStatus(pod, name).value(QStringLiteral("ready")).toBool())
            unready.append(name);
    }
    if (unready.isEmpty()) {
        setPodCondition(pod, QStringLiteral("Ready"), true);
        setPodCondition(pod, QStringLiteral("ContainersReady"), true);
    } else {
        const QString message = QStringLiteral("containers with unready status: [%1]")
                                    .arg(unready.join(QLatin1Char(' ')));
        setPodCondition(pod, QStringLiteral("Ready"), false, QStringLiteral("ContainersNotReady"),
                        message);
        setPodCondition(pod, QStringLiteral("ContainersReady"), false,
                        QStringLiteral("ContainersNotReady"), message);
    }
}

void Kubelet::startContainer(const QString &uid, const QString &container, bool restart) {
    auto pod = currentPod(uid);
    if (!pod)
        return;
    const QJsonObject spec = containerSpec(*pod, container);
    const QString image = spec.value(QStringLiteral("image")).toString();
    const auto profile = profileFor(image);
    if (!profile) {
        failPull(uid, container);
        return;
    }
    PodRun &run = m_pods[uid];
    ContainerRun &c = run.containers[container];
    const QString path = fieldPath(container);
    if (!restart && !c.started &&
        spec.value(QStringLiteral("imagePullPolicy")).toString() == QLatin1String("Always")) {
        m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Pulling"),
                         QStringLiteral("Pulling image \"%1\"").arg(image), kKubelet, m_nodeName,
                         path);
        m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                         QStringLiteral("Successfully pulled image \"%1\" in 412ms (412ms "
                                        "including waiting). Image size: 48213504 bytes.")
                             .arg(image),
                         kKubelet, m_nodeName, path);
    } else {
        m_events->record(
            *pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
            QStringLiteral("Container image \"%1\" already present on machine").arg(image),
            kKubelet, m_nodeName, path);
    }
    m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Created"),
                     QStringLiteral("Created container %1").arg(container), kKubelet, m_nodeName,
                     path);
    m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Started"),
                     QStringLiteral("Started container %1").arg(container), kKubelet, m_nodeName,
                     path);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (c.started)
        c.previous = c.current;
    c.current.clear();
    for (int i = 0; i < profile->startupLog.size(); ++i) {
        const LogLine line{now.addMSecs(i * 7), profile->startupLog.at(i)};
        c.current.append(line);
        emit lineAppended(uid, container, line);
    }
    c.started = true;
    c.running = true;

    QJsonObject status = containerStatus(*pod, container);
    const qint64 restarts =
        status.value(QStringLiteral("restartCount")).toInteger() + (restart ? 1 : 0);
    const QString containerId =
        QStringLiteral("containerd://") + sha256(uid + container + QString::number(restarts));
    status.insert(QStringLiteral("restartCount"), restarts);
    status.insert(QStringLiteral("image"), image);
    status.insert(QStringLiteral("imageID"),
                  fullImageName(repositoryOf(image)) + QStringLiteral("@sha256:") + sha256(image));
    status.insert(QStringLiteral("containerID"), containerId);
    // A crash-looping service never passes its readiness check before it dies.
    status.insert(QStringLiteral("ready"), profile->behaviour == ImageProfile::Behaviour::Healthy);
    status.insert(QStringLiteral("started"), true);
    status.insert(QStringLiteral("state"),
                  QJsonObject{{QStringLiteral("running"),
                               QJsonObject{{QStringLiteral("startedAt"), util::timestamp(now)}}}});
    setContainerStatus(*pod, status);
    QJsonObject podStatus = pod->value(QStringLiteral("status")).toObject();
    podStatus.insert(QStringLiteral("phase"), QStringLiteral("Running"));
    if (run.ip.isEmpty())
        run.ip = podStatus.value(QStringLiteral("podIP")).toString().isEmpty()
                     ? nextIp()
                     : podStatus.value(QStringLiteral("podIP")).toString();
    podStatus.insert(QStringLiteral("podIP"), run.ip);
    podStatus.insert(QStringLiteral("podIPs"),
                     QJsonArray{QJsonObject{{QStringLiteral("ip"), run.ip}}});
    pod->insert(QStringLiteral("status"), podStatus);
    setPodCondition(*pod, QStringLiteral("PodReadyToStartContainers"), true);
    updateReadiness(*pod);
    writePod(*pod);
    if (profile->behaviour == ImageProfile::Behaviour::CrashLoop)
        later(profile->runMilliseconds, uid,
              [this, uid, container]() { crashContainer(uid, container); });
}

void Kubelet::crashContainer(const QString &uid, const QString &container) {
    auto pod = currentPod(uid);
    if (!pod)
        return;
    const QJsonObject spec = containerSpec(*pod, container);
    const QString image = spec.value(QStringLiteral("image")).toString();
    const auto profile = profileFor(image);
    ContainerRun &c = m_pods[uid].containers[container];
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (profile) {
        for (int i = 0; i < profile->crashLog.size(); ++i) {
            const LogLine line{now.addMSecs(-int(profile->crashLog.size() - i) * 3),
                               profile->crashLog.at(i)};
            c.current.append(line);
            emit lineAppended(uid, container, line);
        }
    }
    c.running = false;
    emit containerStopped(uid, container);
    QJsonObject status = containerStatus(*pod, container);
    const qint64 restarts = status.value(QStringLiteral("restartCount")).toInteger();
    const QJsonObject terminated{
        {QStringLiteral("exitCode"), profile ? profile->exitCode : 1},
        {QStringLiteral("reason"), QStringLiteral("Error")},
        {QStringLiteral("startedAt"), status.value(QStringLiteral("state"))
                                          .toObject()
                                          .value(QStringLiteral("running"))
                                          .toObject()
                                          .value(QStringLiteral("startedAt"))},
        {QStringLiteral("finishedAt"), util::timestamp(now)},
        {QStringLiteral("containerID"), status.value(QStringLiteral("containerID"))}};
    const int backoff = backoffSeconds(restarts);
    status.insert(QStringLiteral("ready"), false);
    status.insert(QStringLiteral("started"), false);
    if (restarts == 0) {
        status.insert(QStringLiteral("state"),
                      QJsonObject{{QStringLiteral("terminated"), terminated}});
    } else {
        status.insert(QStringLiteral("lastState"),
                      QJsonObject{{QStringLiteral("terminated"), terminated}});
        status.insert(
            QStringLiteral("state"),
            QJsonObject{
                {QStringLiteral("waiting"),
                 QJsonObject{
                     {QStringLiteral("reason"), QStringLiteral("CrashLoopBackOff")},
                     {QStringLiteral("message"),
                      QStringLiteral("back-off %1 restarting failed container=%2 pod=%3_%4(%5)")
                          .arg(backoff >= 60 ? QStringLiteral("%1m0s").arg(backoff / 60)
                                             : QStringLiteral("%1s").arg(backoff),
                               container, util::name(*pod), util::namespaceOf(*pod), uid)}}}});
        m_events->record(*pod, QStringLiteral("Warning"), QStringLiteral("BackOff"),
                         QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                             .arg(container, util::name(*pod), util::namespaceOf(*pod), uid),
                         kKubelet, m_nodeName, fieldPath(container));
    }
    setContainerStatus(*pod, status);
    updateReadiness(*pod);
    writePod(*pod);
    later(backoff * 1000, uid, [this, uid, container, terminated]() {
        // The exit becomes lastState when the container starts again.
        if (auto current = currentPod(uid)) {
            QJsonObject s = containerStatus(*current, container);
            s.insert(QStringLiteral("lastState"),
                     QJsonObject{{QStringLiteral("terminated"), terminated}});
            setContainerStatus(*current, s);
            writePod(*current);
        }
        startContainer(uid, container, true);
    });
}

void Kubelet::failPull(const QString &uid, const QString &container) {
    auto pod = currentPod(uid);
    if (!pod)
        return;
    ContainerRun &c = m_pods[uid].containers[container];
    ++c.attempts;
    const QString image = containerSpec(*pod, container).value(QStringLiteral("image")).toString();
    const QString full = fullImageName(image);
    const QString reference = fullImageName(image);
    const QString error =
        QStringLiteral("rpc error: code = NotFound desc = failed to pull and unpack image \"%1\": "
                       "failed to resolve reference \"%1\": %1: not found")
            .arg(reference.contains(QLatin1Char(':')) ? reference
                                                      : reference + QStringLiteral(":latest"));
    const QString path = fieldPath(container);
    m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Pulling"),
                     QStringLiteral("Pulling image \"%1\"").arg(image), kKubelet, m_nodeName, path);
    m_events->record(*pod, QStringLiteral("Warning"), QStringLiteral("Failed"),
                     QStringLiteral("Failed to pull image \"%1\": %2").arg(image, error), kKubelet,
                     m_nodeName, path);
    m_events->record(*pod, QStringLiteral("Warning"), QStringLiteral("Failed"),
                     QStringLiteral("Error: ErrImagePull"), kKubelet, m_nodeName, path);
    QJsonObject status = containerStatus(*pod, container);
    status.insert(
        QStringLiteral("state"),
        QJsonObject{{QStringLiteral("waiting"),
                     QJsonObject{{QStringLiteral("reason"), QStringLiteral("ErrImagePull")},
                                 {QStringLiteral("message"), error}}}});
    setContainerStatus(*pod, status);
    writePod(*pod);
    Q_UNUSED(full);
    later(1000, uid, [this, uid, container, image]() {
        auto current = currentPod(uid);
        if (!current)
            return;
        const QString path = fieldPath(container);
        m_events->record(*current, QStringLiteral("Normal"), QStringLiteral("BackOff"),
                         QStringLiteral("Back-off pulling image \"%1\"").arg(image), kKubelet,
                         m_nodeName, path);
        m_events->record(*current, QStringLiteral("Warning"), QStringLiteral("Failed"),
                         QStringLiteral("Error: ImagePullBackOff"), kKubelet, m_nodeName, path);
        QJsonObject s = containerStatus(*current, container);
        s.insert(QStringLiteral("state"),
                 QJsonObject{
                     {QStringLiteral("waiting"),
                      QJsonObject{{QStringLiteral("reason"), QStringLiteral("ImagePullBackOff")},
                                  {QStringLiteral("message"),
                                   QStringLiteral("Back-off pulling image \"%1\"").arg(image)}}}});
        setContainerStatus(*current, s);
        writePod(*current);
        const int attempts = m_pods[uid].containers[container].attempts;
        later(backoffSeconds(attempts) * 1000, uid,
              [this, uid, container]() { startContainer(uid, container, false); });
    });
}

void Kubelet::terminate(const QString &uid) {
    auto it = m_pods.find(uid);
    if (it == m_pods.end() || it->terminating)
        return;
    it->terminating = true;
    const QString ns = it->ns;
    const QString name = it->name;
    const auto pod = m_store->get(catalog().pods(), ns, name);
    if (!pod)
        return;
    for (auto c = it->containers.cbegin(); c != it->containers.cend(); ++c) {
        if (c->running)
            m_events->record(*pod, QStringLiteral("Normal"), QStringLiteral("Killing"),
                             QStringLiteral("Stopping container %1").arg(c.key()), kKubelet,
                             m_nodeName, fieldPath(c.key()));
    }
    const qint64 grace = pod->value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("deletionGracePeriodSeconds"))
                             .toInteger(30);
    const int delay = int(qMin<qint64>(grace * 1000, 600));
    QTimer::singleShot(delay, this, [this, ns, name]() { m_service->finishPodDeletion(ns, name); });
}

void Kubelet::adoptExisting() {
    for (const QJsonObject &pod : m_store->list(catalog().pods())) {
        if (!managed(pod) || util::isTerminating(pod))
            continue;
        const QString uid = util::uid(pod);
        PodRun run;
        run.ns = util::namespaceOf(pod);
        run.name = util::name(pod);
        run.ip = pod.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("podIP"))
                     .toString();
        run.scheduled = !pod.value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("nodeName"))
                             .toString()
                             .isEmpty();
        run.started = run.scheduled && !containerStatuses(pod).isEmpty();
        m_pods.insert(uid, run);
        if (!run.scheduled) {
            later(50, uid, [this, uid]() { bind(uid); });
            continue;
        }
        if (!run.started) {
            later(50, uid, [this, uid]() { startPod(uid); });
            continue;
        }
        for (const auto &value : containerStatuses(pod)) {
            const QJsonObject status = value.toObject();
            const QString container = status.value(QStringLiteral("name")).toString();
            const QString image =
                containerSpec(pod, container).value(QStringLiteral("image")).toString();
            const auto profile = profileFor(image);
            ContainerRun &c = m_pods[uid].containers[container];
            const QJsonObject state = status.value(QStringLiteral("state")).toObject();
            if (!profile) {
                later(1000, uid, [this, uid, container]() { failPull(uid, container); });
                continue;
            }
            const auto linesAt = [](const QStringList &texts, const QDateTime &at) {
                QList<LogLine> lines;
                for (int i = 0; i < texts.size(); ++i)
                    lines.append({at.addMSecs(i * 7), texts.at(i)});
                return lines;
            };
            if (state.contains(QStringLiteral("running"))) {
                const QDateTime started =
                    util::parseTimestamp(state.value(QStringLiteral("running"))
                                             .toObject()
                                             .value(QStringLiteral("startedAt"))
                                             .toString());
                c.started = true;
                c.running = true;
                c.current = linesAt(profile->startupLog, started);
                if (profile->behaviour == ImageProfile::Behaviour::CrashLoop)
                    later(profile->runMilliseconds, uid,
                          [this, uid, container]() { crashContainer(uid, container); });
                if (status.value(QStringLiteral("restartCount")).toInteger() > 0) {
                    const QJsonObject last = status.value(QStringLiteral("lastState"))
                                                 .toObject()
                                                 .value(QStringLiteral("terminated"))
                                                 .toObject();
                    c.previous = linesAt(
                        profile->startupLog,
                        util::parseTimestamp(last.value(QStringLiteral("startedAt")).toString()));
                }
            } else if (state.contains(QStringLiteral("waiting")) &&
                       profile->behaviour == ImageProfile::Behaviour::CrashLoop) {
                const QJsonObject last = status.value(QStringLiteral("lastState"))
                                             .toObject()
                                             .value(QStringLiteral("terminated"))
                                             .toObject();
                const QDateTime started =
                    util::parseTimestamp(last.value(QStringLiteral("startedAt")).toString());
                const QDateTime finished =
                    util::parseTimestamp(last.value(QStringLiteral("finishedAt")).toString());
                c.started = true;
                c.current = linesAt(profile->startupLog + profile->crashLog, started);
                const qint64 restarts = status.value(QStringLiteral("restartCount")).toInteger();
                if (restarts > 0) {
                    const QDateTime before = started.addSecs(-backoffSeconds(restarts - 1) - 3);
                    c.previous = linesAt(profile->startupLog + profile->crashLog, before);
                }
                const qint64 dueMs = QDateTime::currentDateTimeUtc().msecsTo(
                    finished.addSecs(backoffSeconds(restarts)));
                later(int(qBound(qint64(1000), dueMs, qint64(300000))), uid,
                      [this, uid, container]() { startContainer(uid, container, true); });
            } else if (state.contains(QStringLiteral("waiting"))) {
                later(300, uid,
                      [this, uid, container]() { startContainer(uid, container, false); });
            }
        }
    }
}

std::optional<QList<LogLine>> Kubelet::logs(const QJsonObject &pod, const QString &container,
                                            bool previous, QString *error) const {
    const QString uid = util::uid(pod);
    const QString podName = util::name(pod);
    const QJsonObject status = containerStatus(pod, container);
    const QJsonObject state = status.value(QStringLiteral("state")).toObject();
    const QString waitingReason = state.value(QStringLiteral("waiting"))
                                      .toObject()
                                      .value(QStringLiteral("reason"))
                                      .toString();
    const auto waitingError = [&]() {
        QString reason =
            waitingReason.isEmpty() ? QStringLiteral("ContainerCreating") : waitingReason;
        if (reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("ErrImagePull"))
            reason = QStringLiteral("trying and failing to pull image");
        *error = QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                     .arg(container, podName, reason);
    };
    const auto it = m_pods.constFind(uid);
    if (it == m_pods.cend() || !it->containers.contains(container)) {
        if (previous) {
            if (status.value(QStringLiteral("restartCount")).toInteger() > 0)
                return QList<LogLine>();
            *error = QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found")
                         .arg(container, podName);
            return std::nullopt;
        }
        if (state.contains(QStringLiteral("running")) ||
            state.contains(QStringLiteral("terminated")) ||
            status.value(QStringLiteral("restartCount")).toInteger() > 0)
            return QList<LogLine>();
        waitingError();
        return std::nullopt;
    }
    const ContainerRun &run = it->containers.value(container);
    if (previous) {
        if (run.previous.isEmpty()) {
            *error = QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found")
                         .arg(container, podName);
            return std::nullopt;
        }
        return run.previous;
    }
    if (!run.started) {
        waitingError();
        return std::nullopt;
    }
    return run.current;
}

} // namespace kiosk::sim
