#include "sim/scenario.h"

#include "sim/defaulter.h"
#include "sim/deployment_controller.h"
#include "sim/kubelet.h"
#include "sim/object_service.h"
#include "sim/object_util.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace kiosk::sim {

const QString Scenario::kNodeName = QStringLiteral("kilo-server");

namespace {

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

// A deterministic uid, so a scenario looks the same on every start.
QString stableUid(const QString &seed) {
    const QByteArray hex = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                               hex.mid(16, 4) + '-' + hex.mid(20, 12));
}

QString stableSuffix(const QString &seed) {
    quint32 hash = 2166136261u;
    for (const QChar c : seed) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return util::safeEncode(QString::number(hash)).left(5);
}

QString ago(const QDateTime &now, qint64 seconds) {
    return util::timestamp(now.addSecs(-seconds));
}

QJsonObject metadata(const QString &name, const QString &ns, const QString &created,
                     const QString &seed) {
    QJsonObject meta{{QStringLiteral("name"), name},
                     {QStringLiteral("uid"), stableUid(seed)},
                     {QStringLiteral("creationTimestamp"), created}};
    if (!ns.isEmpty())
        meta.insert(QStringLiteral("namespace"), ns);
    return meta;
}

QStringList uvicornLog(int port) {
    return {QStringLiteral("INFO:     Started server process [1]"),
            QStringLiteral("INFO:     Waiting for application startup."),
            QStringLiteral("INFO:     Application startup complete."),
            QStringLiteral("INFO:     Uvicorn running on http://0.0.0.0:%1 (Press CTRL+C to quit)")
                .arg(port)};
}

QStringList nginxLog() {
    return {QStringLiteral("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will "
                           "attempt to perform configuration"),
            QStringLiteral("/docker-entrypoint.sh: Launching "
                           "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"),
            QStringLiteral("/docker-entrypoint.sh: Configuration complete; ready for start up"),
            QStringLiteral("2026/01/06 09:12:41 [notice] 1#1: using the \"epoll\" event method"),
            QStringLiteral("2026/01/06 09:12:41 [notice] 1#1: nginx/1.27.3"),
            QStringLiteral("2026/01/06 09:12:41 [notice] 1#1: start worker processes")};
}

QStringList medsCrashLog() {
    return {QStringLiteral("Traceback (most recent call last):"),
            QStringLiteral("  File \"/usr/local/bin/uvicorn\", line 8, in <module>"),
            QStringLiteral("    sys.exit(main())"),
            QStringLiteral("  File \"/usr/local/lib/python3.11/site-packages/uvicorn/main.py\", "
                           "line 410, in main"),
            QStringLiteral("    run("),
            QStringLiteral("  File \"/usr/local/lib/python3.11/site-packages/uvicorn/config.py\", "
                           "line 467, in load"),
            QStringLiteral("    self.loaded_app = import_from_string(self.app)"),
            QStringLiteral("  File \"/usr/local/lib/python3.11/importlib/__init__.py\", line 126, "
                           "in import_module"),
            QStringLiteral("    return _bootstrap._gcd_import(name[level:], package, level)"),
            QStringLiteral("  File \"/app/meds/main.py\", line 14, in <module>"),
            QStringLiteral("    from meds.ocr.ai_brain_client import AIBrainOCRClient"),
            QStringLiteral("  File \"/app/meds/ocr/ai_brain_client.py\", line 9, in <module>"),
            QStringLiteral("    from prometheus_client import Counter, Histogram"),
            QStringLiteral("ModuleNotFoundError: No module named 'prometheus_client'")};
}

void registerPublicImages(Kubelet *kubelet) {
    ImageProfile nginx;
    nginx.startupLog = nginxLog();
    for (const char *image : {"nginx", "docker.io/library/nginx", "registry.k8s.io/pause",
                              "busybox", "docker.io/library/busybox", "alpine", "redis",
                              "docker.io/library/redis", "postgres", "httpd"})
        kubelet->registerImage(QString::fromLatin1(image), nginx);
    ImageProfile failing;
    failing.behaviour = ImageProfile::Behaviour::CrashLoop;
    failing.startupLog = {QStringLiteral("starting")};
    failing.crashLog = {
        QStringLiteral("fatal: simulated failure (image registry.local/crashloop)")};
    kubelet->registerImage(QStringLiteral("registry.local/crashloop"), failing);
}

void createSystem(ObjectStore *store, const QDateTime &now, qint64 clusterAgeSeconds) {
    const QString created = ago(now, clusterAgeSeconds);
    for (const char *ns : {"default", "kube-node-lease", "kube-public", "kube-system"}) {
        QJsonObject object{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                           {QStringLiteral("metadata"),
                            metadata(QString::fromLatin1(ns), {}, created,
                                     QStringLiteral("ns/") + QString::fromLatin1(ns))}};
        Defaulter::apply(catalog().namespaces(), object);
        store->create(catalog().namespaces(), object);
    }
    const auto condition = [&](const char *type, const char *status, const char *reason,
                               const char *message) {
        return QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                           {QStringLiteral("status"), QString::fromLatin1(status)},
                           {QStringLiteral("lastHeartbeatTime"), ago(now, 20)},
                           {QStringLiteral("lastTransitionTime"), created},
                           {QStringLiteral("reason"), QString::fromLatin1(reason)},
                           {QStringLiteral("message"), QString::fromLatin1(message)}};
    };
    QJsonObject nodeMeta = metadata(Scenario::kNodeName, {}, created, QStringLiteral("node"));
    nodeMeta.insert(
        QStringLiteral("labels"),
        QJsonObject{
            {QStringLiteral("beta.kubernetes.io/arch"), QStringLiteral("amd64")},
            {QStringLiteral("beta.kubernetes.io/os"), QStringLiteral("linux")},
            {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
            {QStringLiteral("kubernetes.io/hostname"), Scenario::kNodeName},
            {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
            {QStringLiteral("node-role.kubernetes.io/control-plane"), QStringLiteral("true")},
            {QStringLiteral("node-role.kubernetes.io/master"), QStringLiteral("true")},
            {QStringLiteral("node.kubernetes.io/instance-type"), QStringLiteral("k3s")}});
    const QJsonObject node{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("metadata"), nodeMeta},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("podCIDR"), QStringLiteral("10.42.0.0/24")},
                     {QStringLiteral("podCIDRs"), QJsonArray{QStringLiteral("10.42.0.0/24")}},
                     {QStringLiteral("providerID"), QStringLiteral("k3s://kilo-server")}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("addresses"),
              QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")},
                                     {QStringLiteral("address"), QStringLiteral("192.168.1.50")}},
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")},
                                     {QStringLiteral("address"), Scenario::kNodeName}}}},
             {QStringLiteral("allocatable"),
              QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")},
                          {QStringLiteral("memory"), QStringLiteral("32622532Ki")},
                          {QStringLiteral("pods"), QStringLiteral("110")}}},
             {QStringLiteral("capacity"),
              QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")},
                          {QStringLiteral("memory"), QStringLiteral("32622532Ki")},
                          {QStringLiteral("pods"), QStringLiteral("110")}}},
             {QStringLiteral("conditions"),
              QJsonArray{
                  condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                            "kubelet has sufficient memory available"),
                  condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                            "kubelet has no disk pressure"),
                  condition("PIDPressure", "False", "KubeletHasSufficientPID",
                            "kubelet has sufficient PID available"),
                  condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")}},
             {QStringLiteral("daemonEndpoints"),
              QJsonObject{{QStringLiteral("kubeletEndpoint"),
                           QJsonObject{{QStringLiteral("Port"), 10250}}}}},
             // Every field NodeSystemInfo marks required: typed clients (the Python one) refuse a
             // Node without them.
             {QStringLiteral("nodeInfo"),
              QJsonObject{
                  {QStringLiteral("architecture"), QStringLiteral("amd64")},
                  {QStringLiteral("bootID"),
                   QStringLiteral("5f0c2b7e-9a41-4d3c-8e6b-1f2a3c4d5e6f")},
                  {QStringLiteral("machineID"), QStringLiteral("9c1d2e3f4a5b46c7d8e9f0a1b2c3d4e5")},
                  {QStringLiteral("systemUUID"),
                   QStringLiteral("4c4c4544-0042-3510-8051-b4c04f4b4e32")},
                  {QStringLiteral("containerRuntimeVersion"),
                   QStringLiteral("containerd://1.7.23-k3s2")},
                  {QStringLiteral("kernelVersion"), QStringLiteral("6.8.0-51-generic")},
                  {QStringLiteral("kubeProxyVersion"), QStringLiteral("v1.31.4+k3s1")},
                  {QStringLiteral("kubeletVersion"), QStringLiteral("v1.31.4+k3s1")},
                  {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                  {QStringLiteral("osImage"), QStringLiteral("Ubuntu 24.04.1 LTS")}}}}}};
    store->create(catalog().nodes(), node);
    QJsonObject kubernetes{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Service")},
        {QStringLiteral("metadata"),
         metadata(QStringLiteral("kubernetes"), QStringLiteral("default"), created,
                  QStringLiteral("svc/kubernetes"))},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("clusterIP"), QStringLiteral("10.43.0.1")},
                     {QStringLiteral("clusterIPs"), QJsonArray{QStringLiteral("10.43.0.1")}},
                     {QStringLiteral("ports"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("https")},
                                             {QStringLiteral("port"), 443},
                                             {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                             {QStringLiteral("targetPort"), 6443}}}}}}};
    QJsonObject meta = kubernetes.value(QStringLiteral("metadata")).toObject();
    meta.insert(QStringLiteral("labels"),
                QJsonObject{{QStringLiteral("component"), QStringLiteral("apiserver")},
                            {QStringLiteral("provider"), QStringLiteral("kubernetes")}});
    kubernetes.insert(QStringLiteral("metadata"), meta);
    Defaulter::apply(catalog().services(), kubernetes);
    store->create(catalog().services(), kubernetes);
}

struct AppSpec {
    QString name;      // deployment name
    QString container; // container name
    int port = 8000;
    int oldCount = 0;
    qint64 podAgeSeconds = 0;
};

// Everything one deployment needs, written straight into the store.
class DeploymentBuilder {
public:
    DeploymentBuilder(ObjectStore *store, const QDateTime &now, QString ns)
        : m_store(store)
        , m_now(now)
        , m_ns(std::move(ns)) {}

    QJsonObject podTemplate(const QString &app, const QString &container, const QString &image,
                            int port, bool lean) const {
        QJsonObject c{
            {QStringLiteral("name"), container},
            {QStringLiteral("image"), image},
            {QStringLiteral("ports"),
             QJsonArray{QJsonObject{{QStringLiteral("containerPort"), port},
                                    {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}};
        if (!lean)
            c.insert(
                QStringLiteral("env"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("SERVICE_NAME")},
                                       {QStringLiteral("value"), app}},
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("KILO_NAMESPACE")},
                                       {QStringLiteral("value"), m_ns}}});
        QJsonObject t{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), app}}}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{c}}}}};
        Defaulter::applyPodTemplate(t);
        return t;
    }

    struct Revision {
        QString image;
        qint64 ageSeconds = 0; // when this revision was rolled out
        QString changeCause;
    };

    // Creates the deployment, one ReplicaSet per revision (the last is current) and the pod.
    // crashLoop: the current revision's pod crash-loops (with the previous revision at 0).
    void build(const AppSpec &app, const QList<Revision> &revisions, bool crashLoop, bool recreate,
               bool lean) {
        const QString dName = app.name;
        const qint64 dAge = revisions.first().ageSeconds + 3600;
        const Revision &current = revisions.last();
        const QJsonObject currentTemplate =
            podTemplate(dName, app.container, current.image, app.port, lean);
        const qint64 generation = qint64(revisions.size()) * 2 - 1;
        QJsonObject dMeta =
            metadata(dName, m_ns, ago(m_now, dAge), QStringLiteral("deploy/") + m_ns + dName);
        QJsonObject dAnnotations{
            {DeploymentController::kRevision, QString::number(revisions.size())}};
        if (!current.changeCause.isEmpty())
            dAnnotations.insert(QStringLiteral("kubernetes.io/change-cause"), current.changeCause);
        dMeta.insert(QStringLiteral("annotations"), dAnnotations);
        dMeta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), dName}});
        dMeta.insert(QStringLiteral("generation"), generation);
        QJsonObject strategy =
            recreate ? QJsonObject{{QStringLiteral("type"), QStringLiteral("Recreate")}}
                     : QJsonObject();
        QJsonObject deployment{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("Deployment")},
            {QStringLiteral("metadata"), dMeta},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"), 1},
                         {QStringLiteral("revisionHistoryLimit"), 10},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("matchLabels"),
                                       QJsonObject{{QStringLiteral("app"), dName}}}}},
                         {QStringLiteral("strategy"), strategy},
                         {QStringLiteral("template"), currentTemplate}}}};
        Defaulter::apply(catalog().deployments(), deployment);
        const QJsonObject owner{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                {QStringLiteral("metadata"), dMeta}};
        QString currentRsName;
        QJsonObject currentRs;
        QString previousRsName;
        for (int i = 0; i < revisions.size(); ++i) {
            const Revision &revision = revisions.at(i);
            const bool isCurrent = i == revisions.size() - 1;
            const QJsonObject plain =
                podTemplate(dName, app.container, revision.image, app.port, lean);
            QJsonObject hashed = plain;
            {
                QJsonObject noHash = plain;
                QJsonObject m = noHash.value(QStringLiteral("metadata")).toObject();
                m.remove(QStringLiteral("creationTimestamp"));
                noHash.insert(QStringLiteral("metadata"), m);
                m_hash = util::podTemplateHash(noHash, 0);
            }
            const QString rsName = dName + QLatin1Char('-') + m_hash;
            QJsonObject tMeta = hashed.value(QStringLiteral("metadata")).toObject();
            QJsonObject labels{{QStringLiteral("app"), dName},
                               {QStringLiteral("pod-template-hash"), m_hash}};
            tMeta.insert(QStringLiteral("labels"), labels);
            hashed.insert(QStringLiteral("metadata"), tMeta);
            QJsonObject rsMeta = metadata(rsName, m_ns, ago(m_now, revision.ageSeconds),
                                          QStringLiteral("rs/") + m_ns + rsName);
            rsMeta.insert(QStringLiteral("labels"), labels);
            QJsonObject annotations{{DeploymentController::kRevision, QString::number(i + 1)},
                                    {DeploymentController::kDesiredReplicas, QStringLiteral("1")},
                                    {DeploymentController::kMaxReplicas,
                                     recreate ? QStringLiteral("1") : QStringLiteral("2")}};
            if (!revision.changeCause.isEmpty())
                annotations.insert(QStringLiteral("kubernetes.io/change-cause"),
                                   revision.changeCause);
            // Every old revision of the scenario served before the next one replaced it; the kiosk
            // reads this mark (k8s::kEverRanAnnotation) to suggest a rollback target that once ran.
            if (!isCurrent)
                annotations.insert(QStringLiteral("kiosk.kilo-guardian.io/ever-ran"),
                                   QStringLiteral("true"));
            rsMeta.insert(QStringLiteral("annotations"), annotations);
            rsMeta.insert(QStringLiteral("ownerReferences"),
                          QJsonArray{util::ownerReference(owner, true)});
            rsMeta.insert(QStringLiteral("generation"), isCurrent ? 1 : 2);
            QJsonObject status;
            if (isCurrent) {
                status = QJsonObject{{QStringLiteral("replicas"), 1},
                                     {QStringLiteral("fullyLabeledReplicas"), 1},
                                     {QStringLiteral("observedGeneration"), 1}};
                if (!crashLoop) {
                    status.insert(QStringLiteral("readyReplicas"), 1);
                    status.insert(QStringLiteral("availableReplicas"), 1);
                }
            } else {
                status = QJsonObject{{QStringLiteral("replicas"), 0},
                                     {QStringLiteral("observedGeneration"), 2}};
            }
            QJsonObject rs{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                           {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                           {QStringLiteral("metadata"), rsMeta},
                           {QStringLiteral("spec"),
                            QJsonObject{{QStringLiteral("replicas"), isCurrent ? 1 : 0},
                                        {QStringLiteral("selector"),
                                         QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                        {QStringLiteral("template"), hashed}}},
                           {QStringLiteral("status"), status}};
            rs = m_store->create(catalog().replicaSets(), rs);
            if (isCurrent) {
                currentRsName = rsName;
                currentRs = rs;
            } else {
                previousRsName = rsName;
            }
        }
        // Deployment status.
        QJsonObject status{{QStringLiteral("observedGeneration"), generation},
                           {QStringLiteral("replicas"), 1},
                           {QStringLiteral("updatedReplicas"), 1}};
        const QString rolled = ago(m_now, current.ageSeconds);
        const auto condition = [](const QString &type, const QString &value, const QString &reason,
                                  const QString &message, const QString &update,
                                  const QString &transition) {
            return QJsonObject{{QStringLiteral("type"), type},
                               {QStringLiteral("status"), value},
                               {QStringLiteral("lastUpdateTime"), update},
                               {QStringLiteral("lastTransitionTime"), transition},
                               {QStringLiteral("reason"), reason},
                               {QStringLiteral("message"), message}};
        };
        if (crashLoop) {
            status.insert(QStringLiteral("unavailableReplicas"), 1);
            const QString deadline = ago(m_now, current.ageSeconds - 600);
            status.insert(
                QStringLiteral("conditions"),
                QJsonArray{
                    condition(QStringLiteral("Available"), QStringLiteral("False"),
                              QStringLiteral("MinimumReplicasUnavailable"),
                              QStringLiteral("Deployment does not have minimum availability."),
                              rolled, rolled),
                    condition(QStringLiteral("Progressing"), QStringLiteral("False"),
                              QStringLiteral("ProgressDeadlineExceeded"),
                              QStringLiteral("ReplicaSet \"%1\" has timed out progressing.")
                                  .arg(currentRsName),
                              deadline, deadline)});
        } else {
            status.insert(QStringLiteral("readyReplicas"), 1);
            status.insert(QStringLiteral("availableReplicas"), 1);
            const QString available = ago(m_now, app.podAgeSeconds - 3);
            status.insert(
                QStringLiteral("conditions"),
                QJsonArray{
                    condition(QStringLiteral("Available"), QStringLiteral("True"),
                              QStringLiteral("MinimumReplicasAvailable"),
                              QStringLiteral("Deployment has minimum availability."), available,
                              available),
                    condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                              QStringLiteral("NewReplicaSetAvailable"),
                              QStringLiteral("ReplicaSet \"%1\" has successfully progressed.")
                                  .arg(currentRsName),
                              available, ago(m_now, dAge - 5))});
        }
        deployment.insert(QStringLiteral("status"), status);
        m_store->create(catalog().deployments(), deployment);

        // The pod.
        const QString podName = currentRsName + QLatin1Char('-') + stableSuffix(currentRsName);
        QJsonObject podMeta = metadata(podName, m_ns, ago(m_now, app.podAgeSeconds),
                                       QStringLiteral("pod/") + m_ns + podName);
        podMeta.insert(QStringLiteral("generateName"), currentRsName + QLatin1Char('-'));
        podMeta.insert(QStringLiteral("labels"), currentRs.value(QStringLiteral("spec"))
                                                     .toObject()
                                                     .value(QStringLiteral("template"))
                                                     .toObject()
                                                     .value(QStringLiteral("metadata"))
                                                     .toObject()
                                                     .value(QStringLiteral("labels")));
        podMeta.insert(QStringLiteral("ownerReferences"),
                       QJsonArray{util::ownerReference(currentRs, true)});
        QJsonObject podSpec = currentTemplate.value(QStringLiteral("spec")).toObject();
        podSpec.insert(QStringLiteral("nodeName"), Scenario::kNodeName);
        QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Pod")},
                        {QStringLiteral("metadata"), podMeta},
                        {QStringLiteral("spec"), podSpec}};
        Defaulter::apply(catalog().pods(), pod);
        const QString started = ago(m_now, app.podAgeSeconds - 2);
        const auto podCondition = [&](const QString &type, bool value, const QString &at) {
            QJsonObject c{{QStringLiteral("type"), type},
                          {QStringLiteral("status"),
                           value ? QStringLiteral("True") : QStringLiteral("False")},
                          {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                          {QStringLiteral("lastTransitionTime"), at}};
            if (!value) {
                c.insert(QStringLiteral("reason"), QStringLiteral("ContainersNotReady"));
                c.insert(QStringLiteral("message"),
                         QStringLiteral("containers with unready status: [%1]").arg(app.container));
            }
            return c;
        };
        const QString created = ago(m_now, app.podAgeSeconds);
        QJsonObject containerStatus{
            {QStringLiteral("name"), app.container},
            {QStringLiteral("image"), current.image},
            {QStringLiteral("imageID"),
             QStringLiteral("docker.io/library/") + current.image.section(QLatin1Char(':'), 0, 0) +
                 QStringLiteral("@sha256:") +
                 QString::fromLatin1(
                     QCryptographicHash::hash(current.image.toUtf8(), QCryptographicHash::Sha256)
                         .toHex())},
            {QStringLiteral("containerID"),
             QStringLiteral("containerd://") +
                 QString::fromLatin1(
                     QCryptographicHash::hash(podName.toUtf8(), QCryptographicHash::Sha256)
                         .toHex())}};
        QJsonArray conditions;
        if (crashLoop) {
            const qint64 restarts = app.podAgeSeconds / 300 + 4;
            const QString lastStart = ago(m_now, 125);
            const QString lastFinish = ago(m_now, 122);
            containerStatus.insert(QStringLiteral("ready"), false);
            containerStatus.insert(QStringLiteral("started"), false);
            containerStatus.insert(QStringLiteral("restartCount"), restarts);
            containerStatus.insert(
                QStringLiteral("state"),
                QJsonObject{
                    {QStringLiteral("waiting"),
                     QJsonObject{{QStringLiteral("reason"), QStringLiteral("CrashLoopBackOff")},
                                 {QStringLiteral("message"),
                                  QStringLiteral(
                                      "back-off 5m0s restarting failed container=%1 pod=%2_%3(%4)")
                                      .arg(app.container, podName, m_ns,
                                           podMeta.value(QStringLiteral("uid")).toString())}}}});
            containerStatus.insert(
                QStringLiteral("lastState"),
                QJsonObject{{QStringLiteral("terminated"),
                             QJsonObject{{QStringLiteral("exitCode"), 1},
                                         {QStringLiteral("reason"), QStringLiteral("Error")},
                                         {QStringLiteral("startedAt"), lastStart},
                                         {QStringLiteral("finishedAt"), lastFinish},
                                         {QStringLiteral("containerID"),
                                          containerStatus.value(QStringLiteral("containerID"))}}}});
            conditions = {podCondition(QStringLiteral("PodReadyToStartContainers"), true, started),
                          podCondition(QStringLiteral("Initialized"), true, created),
                          podCondition(QStringLiteral("Ready"), false, lastFinish),
                          podCondition(QStringLiteral("ContainersReady"), false, lastFinish),
                          podCondition(QStringLiteral("PodScheduled"), true, created)};
        } else {
            containerStatus.insert(QStringLiteral("ready"), true);
            containerStatus.insert(QStringLiteral("started"), true);
            containerStatus.insert(QStringLiteral("restartCount"), 0);
            containerStatus.insert(QStringLiteral("lastState"), QJsonObject());
            containerStatus.insert(
                QStringLiteral("state"),
                QJsonObject{{QStringLiteral("running"),
                             QJsonObject{{QStringLiteral("startedAt"), started}}}});
            conditions = {podCondition(QStringLiteral("PodReadyToStartContainers"), true, started),
                          podCondition(QStringLiteral("Initialized"), true, created),
                          podCondition(QStringLiteral("Ready"), true, started),
                          podCondition(QStringLiteral("ContainersReady"), true, started),
                          podCondition(QStringLiteral("PodScheduled"), true, created)};
        }
        const QString ip =
            QStringLiteral("10.42.%1.%2").arg(m_ipCounter / 250).arg(m_ipCounter % 250 + 3);
        ++m_ipCounter;
        pod.insert(
            QStringLiteral("status"),
            QJsonObject{
                {QStringLiteral("phase"), QStringLiteral("Running")},
                {QStringLiteral("conditions"), conditions},
                {QStringLiteral("hostIP"), QStringLiteral("192.168.1.50")},
                {QStringLiteral("hostIPs"),
                 QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("192.168.1.50")}}}},
                {QStringLiteral("podIP"), ip},
                {QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}}},
                {QStringLiteral("startTime"), created},
                {QStringLiteral("qosClass"), QStringLiteral("BestEffort")},
                {QStringLiteral("containerStatuses"), QJsonArray{containerStatus}}});
        m_lastPod = m_store->create(catalog().pods(), pod);
        m_lastDeployment = deployment;
        m_lastCurrentRs = currentRsName;
        m_lastPreviousRs = previousRsName;
    }

    QJsonObject m_lastPod;
    QJsonObject m_lastDeployment;
    QString m_lastCurrentRs;
    QString m_lastPreviousRs;

private:
    ObjectStore *m_store;
    QDateTime m_now;
    QString m_ns;
    QString m_hash;
    int m_ipCounter = 0;
};

QJsonObject namespaceObject(const QString &name, const QString &created) {
    QJsonObject object{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Namespace")},
        {QStringLiteral("metadata"), metadata(name, {}, created, QStringLiteral("ns/") + name)}};
    Defaulter::apply(catalog().namespaces(), object);
    return object;
}

QJsonObject event(const QJsonObject &involved, const QString &type, const QString &reason,
                  const QString &message, const QString &component, const QString &first,
                  const QString &last, int count, const QString &fieldPath = {}) {
    const QString ns = util::namespaceOf(involved);
    QJsonObject involvedObject{
        {QStringLiteral("kind"), involved.value(QStringLiteral("kind"))},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("name"), util::name(involved)},
        {QStringLiteral("uid"), util::uid(involved)},
        {QStringLiteral("apiVersion"), involved.value(QStringLiteral("apiVersion"))}};
    if (!fieldPath.isEmpty())
        involvedObject.insert(QStringLiteral("fieldPath"), fieldPath);
    QJsonObject source{{QStringLiteral("component"), component}};
    if (component == QLatin1String("kubelet"))
        source.insert(QStringLiteral("host"), Scenario::kNodeName);
    const QString name = util::name(involved) + QLatin1Char('.') +
                         QString::fromLatin1(QCryptographicHash::hash((reason + message).toUtf8(),
                                                                      QCryptographicHash::Md5)
                                                 .toHex()
                                                 .left(16));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"), metadata(name, ns, first, QStringLiteral("event/") + name)},
        {QStringLiteral("involvedObject"), involvedObject},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), source},
        {QStringLiteral("firstTimestamp"), first},
        {QStringLiteral("lastTimestamp"), last},
        {QStringLiteral("count"), count},
        {QStringLiteral("type"), type},
        {QStringLiteral("eventTime"), QJsonValue::Null},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"),
         component == QLatin1String("kubelet") ? Scenario::kNodeName : QString()}};
}

void loadKiloGuardian(ObjectService *registry, Kubelet *kubelet) {
    ObjectStore *store = registry->store();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 day = 86400;
    createSystem(store, now, 120 * day);
    const QString ns = QStringLiteral("kilo-guardian");
    store->create(catalog().namespaces(), namespaceObject(ns, ago(now, 118 * day)));

    // Name, container, port, old ReplicaSets (the incident report's list), pod age (its uptimes).
    const QList<AppSpec> apps = {
        {QStringLiteral("kilo-ai-brain"), QStringLiteral("ai-brain"), 9004, 2, 8 * day},
        {QStringLiteral("kilo-cam"), QStringLiteral("cam"), 9002, 7, 3 * day + 5 * 3600},
        {QStringLiteral("kilo-financial"), QStringLiteral("financial"), 9005, 8, 17 * 3600},
        {QStringLiteral("kilo-frontend"), QStringLiteral("frontend"), 80, 10, 18 * 3600},
        {QStringLiteral("kilo-gateway"), QStringLiteral("gateway"), 8000, 5, 17 * 3600},
        {QStringLiteral("kilo-habits"), QStringLiteral("habits"), 9006, 4, 23 * 3600},
        {QStringLiteral("kilo-library"), QStringLiteral("library"), 9007, 3, 3 * day + 5 * 3600},
        {QStringLiteral("kilo-meds"), QStringLiteral("meds"), 9001, 7, 2 * 3600 + 11 * 60},
        {QStringLiteral("kilo-ml-engine"), QStringLiteral("ml-engine"), 9008, 3,
         3 * day + 5 * 3600},
        {QStringLiteral("kilo-ollama"), QStringLiteral("ollama"), 11434, 3, 3 * day + 5 * 3600},
        {QStringLiteral("kilo-reminder"), QStringLiteral("reminder"), 9009, 4, 23 * 3600},
        {QStringLiteral("kilo-socketio"), QStringLiteral("socketio"), 9010, 1, 3 * day + 5 * 3600},
        {QStringLiteral("kilo-usb-transfer"), QStringLiteral("usb-transfer"), 9011, 3,
         3 * day + 5 * 3600},
        {QStringLiteral("kilo-voice"), QStringLiteral("voice"), 9003, 3, 3 * day + 5 * 3600},
    };
    DeploymentBuilder builder(store, now, ns);
    QJsonObject medsDeployment;
    QJsonObject medsPod;
    QString medsCurrentRs;
    QString medsPreviousRs;
    for (const AppSpec &app : apps) {
        QList<DeploymentBuilder::Revision> revisions;
        const int total = app.oldCount + 1;
        const bool meds = app.name == QLatin1String("kilo-meds");
        for (int r = 1; r <= total; ++r) {
            DeploymentBuilder::Revision revision;
            revision.image = QStringLiteral("%1:v1.%2.0").arg(app.name).arg(r - 1);
            // Revisions a few days apart; the current one went out when the pod started.
            revision.ageSeconds = r == total
                                      ? app.podAgeSeconds
                                      : app.podAgeSeconds + qint64(total - r) * 4 * day + 3600;
            if (meds && r == total - 1) {
                revision.image = QStringLiteral("kilo-meds:cb1");
                revision.changeCause =
                    QStringLiteral("kubectl set image deployment/kilo-meds meds=kilo-meds:cb1");
            } else if (meds && r == total) {
                revision.image = QStringLiteral("kilo-meds:ai-brain-ocr-v2");
                revision.changeCause = QStringLiteral(
                    "kubectl set image deployment/kilo-meds meds=kilo-meds:ai-brain-ocr-v2");
            }
            revisions.append(revision);
            ImageProfile profile;
            profile.startupLog =
                app.container == QLatin1String("frontend") ? nginxLog() : uvicornLog(app.port);
            if (meds && r == total) {
                profile.behaviour = ImageProfile::Behaviour::CrashLoop;
                profile.startupLog = {
                    QStringLiteral("INFO:     kilo-meds ai-brain-ocr-v2 starting"),
                    QStringLiteral(
                        "INFO:     Loading AI Brain OCR integration (meds.ocr.ai_brain_client)")};
                profile.crashLog = medsCrashLog();
                profile.exitCode = 1;
            }
            kubelet->registerImage(revision.image, profile);
        }
        builder.build(app, revisions, meds, meds, false);
        if (meds) {
            medsDeployment = builder.m_lastDeployment;
            medsPod = builder.m_lastPod;
            medsCurrentRs = builder.m_lastCurrentRs;
            medsPreviousRs = builder.m_lastPreviousRs;
        }
        QJsonObject service{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"),
             metadata(app.name, ns, ago(now, 118 * day - 60), QStringLiteral("svc/") + app.name)},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("selector"), QJsonObject{{QStringLiteral("app"), app.name}}},
                 {QStringLiteral("ports"),
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                         {QStringLiteral("port"), app.port},
                                         {QStringLiteral("targetPort"), app.port}}}}}}};
        QJsonObject spec = service.value(QStringLiteral("spec")).toObject();
        const QString ip = registry->allocateClusterIp();
        spec.insert(QStringLiteral("clusterIP"), ip);
        spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
        service.insert(QStringLiteral("spec"), spec);
        QJsonObject meta = service.value(QStringLiteral("metadata")).toObject();
        meta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), app.name}});
        service.insert(QStringLiteral("metadata"), meta);
        Defaulter::apply(catalog().services(), service);
        store->create(catalog().services(), service);
    }
    // The 15th service: the gateway's NodePort for the LAN.
    {
        QJsonObject service{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"),
             metadata(QStringLiteral("kilo-gateway-external"), ns, ago(now, 100 * day),
                      QStringLiteral("svc/kilo-gateway-external"))},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("NodePort")},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("app"), QStringLiteral("kilo-gateway")}}},
                         {QStringLiteral("externalTrafficPolicy"), QStringLiteral("Cluster")},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                                 {QStringLiteral("port"), 8000},
                                                 {QStringLiteral("targetPort"), 8000},
                                                 {QStringLiteral("nodePort"), 30080}}}}}}};
        QJsonObject spec = service.value(QStringLiteral("spec")).toObject();
        const QString ip = registry->allocateClusterIp();
        spec.insert(QStringLiteral("clusterIP"), ip);
        spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
        service.insert(QStringLiteral("spec"), spec);
        Defaulter::apply(catalog().services(), service);
        store->create(catalog().services(), service);
    }
    // The orphan: an old ReplicaSet of a deployment deleted with --cascade=orphan long ago.
    {
        DeploymentBuilder orphanTemplate(store, now, ns);
        QJsonObject podTemplate = orphanTemplate.podTemplate(
            QStringLiteral("kilo-ocr-worker"), QStringLiteral("ocr-worker"),
            QStringLiteral("kilo-ocr-worker:v0.3.1"), 9012, false);
        QJsonObject noHash = podTemplate;
        QJsonObject m = noHash.value(QStringLiteral("metadata")).toObject();
        m.remove(QStringLiteral("creationTimestamp"));
        noHash.insert(QStringLiteral("metadata"), m);
        const QString hash = util::podTemplateHash(noHash, 0);
        const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("kilo-ocr-worker")},
                                 {QStringLiteral("pod-template-hash"), hash}};
        QJsonObject tMeta = podTemplate.value(QStringLiteral("metadata")).toObject();
        tMeta.insert(QStringLiteral("labels"), labels);
        podTemplate.insert(QStringLiteral("metadata"), tMeta);
        const QString name = QStringLiteral("kilo-ocr-worker-") + hash;
        QJsonObject meta = metadata(name, ns, ago(now, 61 * day), QStringLiteral("rs/orphan"));
        meta.insert(QStringLiteral("labels"), labels);
        meta.insert(QStringLiteral("annotations"),
                    QJsonObject{{DeploymentController::kRevision, QStringLiteral("3")},
                                {DeploymentController::kDesiredReplicas, QStringLiteral("1")},
                                {DeploymentController::kMaxReplicas, QStringLiteral("2")}});
        meta.insert(QStringLiteral("generation"), 2);
        kubelet->registerImage(
            QStringLiteral("kilo-ocr-worker:v0.3.1"),
            ImageProfile{ImageProfile::Behaviour::Healthy, uvicornLog(9012), {}, 1, 2500});
        store->create(
            catalog().replicaSets(),
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                        {QStringLiteral("metadata"), meta},
                        {QStringLiteral("spec"),
                         QJsonObject{{QStringLiteral("replicas"), 0},
                                     {QStringLiteral("selector"),
                                      QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                     {QStringLiteral("template"), podTemplate}}},
                        {QStringLiteral("status"),
                         QJsonObject{{QStringLiteral("replicas"), 0},
                                     {QStringLiteral("observedGeneration"), 2}}}});
    }
    // What kubectl describe shows for the crash loop.
    const QString podStarted = medsPod.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("creationTimestamp"))
                                   .toString();
    const qint64 restarts = medsPod.value(QStringLiteral("status"))
                                .toObject()
                                .value(QStringLiteral("containerStatuses"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("restartCount"))
                                .toInteger();
    const QString path = QStringLiteral("spec.containers{meds}");
    const QString rolledOut = ago(now, 2 * 3600 + 11 * 60);
    for (const QJsonObject &e :
         {event(medsDeployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                QStringLiteral("Scaled down replica set %1 from 1 to 0").arg(medsPreviousRs),
                QStringLiteral("deployment-controller"), rolledOut, rolledOut, 1),
          event(medsDeployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                QStringLiteral("Scaled up replica set %1 from 0 to 1").arg(medsCurrentRs),
                QStringLiteral("deployment-controller"), rolledOut, rolledOut, 1),
          event(medsPod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                QStringLiteral("Successfully assigned %1/%2 to %3")
                    .arg(ns, util::name(medsPod), Scenario::kNodeName),
                QStringLiteral("default-scheduler"), podStarted, podStarted, 1),
          event(medsPod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                QStringLiteral(
                    "Container image \"kilo-meds:ai-brain-ocr-v2\" already present on machine"),
                QStringLiteral("kubelet"), podStarted, ago(now, 125), int(restarts + 1), path),
          event(medsPod, QStringLiteral("Normal"), QStringLiteral("Created"),
                QStringLiteral("Created container meds"), QStringLiteral("kubelet"), podStarted,
                ago(now, 125), int(restarts + 1), path),
          event(medsPod, QStringLiteral("Normal"), QStringLiteral("Started"),
                QStringLiteral("Started container meds"), QStringLiteral("kubelet"), podStarted,
                ago(now, 125), int(restarts + 1), path),
          event(medsPod, QStringLiteral("Warning"), QStringLiteral("BackOff"),
                QStringLiteral("Back-off restarting failed container meds in pod %1_%2(%3)")
                    .arg(util::name(medsPod), ns, util::uid(medsPod)),
                QStringLiteral("kubelet"), ago(now, 2 * 3600 + 10 * 60), ago(now, 40),
                int(restarts * 9), path)}) {
        store->create(catalog().events(), e);
    }
}

void loadScale(ObjectService *service, Kubelet *kubelet) {
    ObjectStore *store = service->store();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    createSystem(store, now, 30 * 86400);
    const QString ns = QStringLiteral("scale");
    store->create(catalog().namespaces(), namespaceObject(ns, ago(now, 29 * 86400)));
    ImageProfile healthy;
    healthy.startupLog = uvicornLog(8080);
    kubelet->registerImage(QStringLiteral("registry.local/scale/*"), healthy);
    DeploymentBuilder builder(store, now, ns);
    for (int i = 1; i <= 5000; ++i) {
        const QString name = QStringLiteral("svc-%1").arg(i, 4, 10, QLatin1Char('0'));
        const AppSpec app{name, QStringLiteral("app"), 8080, 4, 3600 + (i % 97) * 600};
        QList<DeploymentBuilder::Revision> revisions;
        for (int r = 1; r <= 5; ++r)
            revisions.append({QStringLiteral("registry.local/scale/%1:v%2").arg(name).arg(r),
                              app.podAgeSeconds + (5 - r) * 86400,
                              {}});
        builder.build(app, revisions, false, false, true);
    }
}

} // namespace

QStringList Scenario::names() {
    return {QStringLiteral("kilo-guardian"), QStringLiteral("scale"), QStringLiteral("empty")};
}

bool Scenario::load(const QString &name, ObjectService *service, Kubelet *kubelet, QString *error) {
    registerPublicImages(kubelet);
    if (name == QLatin1String("kilo-guardian")) {
        loadKiloGuardian(service, kubelet);
    } else if (name == QLatin1String("scale")) {
        loadScale(service, kubelet);
    } else if (name == QLatin1String("empty")) {
        createSystem(service->store(), QDateTime::currentDateTimeUtc(), 3600);
    } else {
        if (error)
            *error = QStringLiteral("unknown scenario \"%1\" (known: %2)")
                         .arg(name, names().join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

} // namespace kiosk::sim
