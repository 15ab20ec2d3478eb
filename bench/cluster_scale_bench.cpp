// cluster_scale_bench: loads the simulator's `scale` namespace (5,000 Deployments, 25,000
// ReplicaSets, 5,000 Pods) the way the kiosk's Cluster page does -- ClusterController, its
// informers and list models, until the first complete report -- in a fresh child process,
// beside `kubectl get deployments,replicasets,pods -o json -n scale` and `kilo-kiosk cluster
// status --json`, all against one `kilo-kiosk sim --scenario scale` on a loopback port,
// interleaved run by run so machine load hits every side alike, after one untimed list that
// warms the simulator's JSON cache. Prints each side's median wall
// time, the ratio to kubectl and each side's peak RSS (wait4's ru_maxrss). Then, in one more
// child once loaded, --events times watch events: it scales one deployment at a time on the
// simulator (a merge patch of spec.replicas) and times from sending the patch to the deployment
// list model's signal that shows the new replica count; prints p50, p99 and the slowest.
//
//   cluster_scale_bench [--runs N] [--events N] [--kiosk PATH] [--kubectl PATH]
//   cluster_scale_bench --load-as-kiosk URL NAMESPACE [EVENTS]   (the child: prints what it loaded)
#include "child_process.h"
#include "k8s/cluster_connection.h"
#include "ui/cluster_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

constexpr int kDeployments = 5000;
constexpr int kReplicaSets = 25000;
constexpr int kPods = 5000;

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// This process's own peak RSS in kB (VmHWM of its address space since exec). wait4's ru_maxrss
// is no good for it: Linux carries the forking parent's high-water mark into the child.
long ownPeakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

// The deployment list's `desired` for `name`, -1 while the row is not there.
int desiredOf(const kiosk::ui::ClusterController &cluster, const QString &name) {
    const int row = cluster.deployments()->indexOf(name);
    return row < 0 ? -1 : cluster.deployments()->get(row).value(QStringLiteral("desired")).toInt();
}

// Scales `events` deployments one after another and returns each patch's time until the list
// model showed it (ms); a patch the model never showed within 10 s counts as 10 s.
QJsonArray timeEvents(kiosk::ui::ClusterController &cluster, const QString &url,
                      const QString &nameSpace, int events) {
    QNetworkAccessManager network;
    QJsonArray samples;
    QAbstractItemModel *model = cluster.deployments();
    for (int i = 0; i < events && model->rowCount() > 0; ++i) {
        // Spread over the list: the first rows, the middle and the last.
        const int row = int((qint64(i) * 7919) % model->rowCount());
        const QString name =
            cluster.deployments()->get(row).value(QStringLiteral("name")).toString();
        const int target = desiredOf(cluster, name) + 1;
        QEventLoop loop;
        QElapsedTimer timer;
        double ms = 10000;
        const auto check = [&] {
            if (desiredOf(cluster, name) == target) {
                ms = double(timer.nsecsElapsed()) / 1e6;
                loop.quit();
            }
        };
        const QList<QMetaObject::Connection> connections = {
            QObject::connect(model, &QAbstractItemModel::dataChanged, &loop, check),
            QObject::connect(model, &QAbstractItemModel::rowsInserted, &loop, check),
            QObject::connect(model, &QAbstractItemModel::rowsMoved, &loop, check),
            QObject::connect(model, &QAbstractItemModel::modelReset, &loop, check)};
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        QNetworkRequest request(QUrl(
            url +
            QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(nameSpace, name)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/merge-patch+json"));
        timer.start();
        QNetworkReply *reply = network.sendCustomRequest(
            request, "PATCH",
            QJsonDocument(QJsonObject{{"spec", QJsonObject{{"replicas", target}}}}).toJson());
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        loop.exec();
        for (const auto &c : connections)
            QObject::disconnect(c);
        samples.append(ms);
    }
    return samples;
}

// The child: the Cluster page's controller, until its first report covers the whole namespace;
// then, with `events`, the time from a change on the server to the model.
int loadAsKiosk(const QString &url, const QString &nameSpace, int events) {
    kiosk::k8s::ClusterConnection connection;
    connection.server = QUrl(url);
    connection.nameSpace = nameSpace;
    kiosk::ui::ClusterController cluster;
    int status = 1;
    QJsonObject loaded;
    QMetaObject::Connection first;
    first = QObject::connect(&cluster, &kiosk::ui::ClusterController::reportChanged, qApp, [&] {
        QObject::disconnect(first);
        const kiosk::ui::ClusterSummary summary = cluster.summary();
        loaded = {{"deployments", summary.deploymentsTotal},
                  {"replicasets", summary.replicaSetsTotal},
                  {"pods", summary.podsTotal},
                  {"deploymentRows", cluster.deployments()->rowCount()},
                  {"podRows", cluster.pods()->rowCount()},
                  {"peakRssKb", qint64(ownPeakRssKb())}};
        status = 0;
        QCoreApplication::quit();
    });
    QTimer::singleShot(120000, qApp, [] {
        std::fprintf(stderr, "cluster_scale_bench: the kiosk side did not load within 120 s\n");
        QCoreApplication::quit();
    });
    cluster.connectTo(connection, false);
    QCoreApplication::exec();
    if (status == 0 && events > 0)
        loaded.insert(QStringLiteral("eventMs"), timeEvents(cluster, url, nameSpace, events));
    std::printf("%s\n", QJsonDocument(loaded).toJson(QJsonDocument::Compact).constData());
    return status;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(std::ceil(p / 100.0 * double(v.size())) - 1))];
}

bool kioskLoadedEverything(const QByteArray &output) {
    const QJsonObject o = QJsonDocument::fromJson(output.trimmed()).object();
    return o.value(u"deployments").toInt() == kDeployments &&
           o.value(u"replicasets").toInt() == kReplicaSets && o.value(u"pods").toInt() == kPods &&
           o.value(u"deploymentRows").toInt() == kDeployments &&
           o.value(u"podRows").toInt() == kPods;
}

bool statusLoadedEverything(const QByteArray &output) {
    const QJsonObject o = QJsonDocument::fromJson(output.trimmed()).object();
    return o.value(u"deployments").toArray().size() == kDeployments &&
           o.value(u"pods").toArray().size() == kPods &&
           o.value(u"replicasets").toObject().value(u"total").toInt() == kReplicaSets;
}

bool kubectlLoadedEverything(const QByteArray &output) {
    return QJsonDocument::fromJson(output).object().value(u"items").toArray().size() ==
           kDeployments + kReplicaSets + kPods;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() >= 3 && args[0] == QLatin1String("--load-as-kiosk"))
        return loadAsKiosk(args[1], args[2], args.size() > 3 ? args[3].toInt() : 0);

    QString kiosk = QStringLiteral(KIOSK_APP_PATH);
    QString kubectl = QStringLiteral("/usr/bin/kubectl");
    int runs = 5;
    int events = 100;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--kiosk"))
            kiosk = args[i + 1];
        else if (args[i] == QLatin1String("--kubectl"))
            kubectl = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--events"))
            events = std::max(0, args[i + 1].toInt());
    }
    if (args.size() % 2 != 0) {
        std::fprintf(
            stderr,
            "usage: cluster_scale_bench [--runs N] [--events N] [--kiosk PATH] [--kubectl PATH]\n");
        return 2;
    }

    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::SeparateChannels);
    simulator.start(kiosk, {QStringLiteral("sim"), QStringLiteral("--scenario"),
                            QStringLiteral("scale"), QStringLiteral("--port"), QStringLiteral("0"),
                            QStringLiteral("--write-kubeconfig"), kubeconfig});
    QElapsedTimer startup;
    startup.start();
    while (!simulator.canReadLine() && simulator.state() != QProcess::NotRunning &&
           startup.elapsed() < 120000)
        simulator.waitForReadyRead(1000);
    const QString url = QString::fromUtf8(simulator.readLine()).trimmed();
    if (!url.startsWith(QLatin1String("http"))) {
        std::fprintf(stderr, "cluster_scale_bench: the simulator did not start: %s\n",
                     simulator.readAllStandardError().constData());
        return 1;
    }
    std::printf("simulator %s, scenario scale (%d deployments, %d ReplicaSets, %d pods), ready "
                "after %lld ms\n",
                qPrintable(url), kDeployments, kReplicaSets, kPods,
                static_cast<long long>(startup.elapsed()));

    const QString self = QCoreApplication::applicationFilePath();
    const QString output = dir.filePath(QStringLiteral("output"));
    // One untimed list first: the simulator serialises each object on the first list and caches
    // it, so whichever side came first would pay for the simulator's warm-up.
    const kiosk::bench::ChildRun warmUp = kiosk::bench::runChild(
        {kubectl, QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
         QStringLiteral("deployments,replicasets,pods"), QStringLiteral("-o"),
         QStringLiteral("json"), QStringLiteral("-n"), QStringLiteral("scale")},
        output);
    std::printf("warm-up (untimed): kubectl %.0f ms\n", warmUp.ms);
    std::vector<double> controllerMs, statusMs, kubectlMs, eventMs;
    long controllerRss = 0, statusRss = 0, kubectlRss = 0, parentInflatedRss = 0;
    int failures = 0;
    for (int i = 1; i <= runs; ++i) {
        const kiosk::bench::ChildRun c = kiosk::bench::runChild(
            {self, QStringLiteral("--load-as-kiosk"), url, QStringLiteral("scale")}, output);
        const QByteArray kioskOutput = readAll(output);
        const bool cOk = c.status == 0 && kioskLoadedEverything(kioskOutput);
        const long kioskPeakKb =
            QJsonDocument::fromJson(kioskOutput.trimmed()).object().value(u"peakRssKb").toInteger();
        const kiosk::bench::ChildRun s = kiosk::bench::runChild(
            {kiosk, QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("--json"),
             QStringLiteral("--server"), url, QStringLiteral("--namespace"),
             QStringLiteral("scale"), QStringLiteral("--timeout"), QStringLiteral("120")},
            output);
        const bool sOk = s.status == 0 && statusLoadedEverything(readAll(output));
        const kiosk::bench::ChildRun k = kiosk::bench::runChild(
            {kubectl, QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
             QStringLiteral("deployments,replicasets,pods"), QStringLiteral("-o"),
             QStringLiteral("json"), QStringLiteral("-n"), QStringLiteral("scale")},
            output);
        const bool kOk = k.status == 0 && kubectlLoadedEverything(readAll(output));
        failures += !cOk + !sOk + !kOk;
        controllerMs.push_back(c.ms);
        statusMs.push_back(s.ms);
        kubectlMs.push_back(k.ms);
        controllerRss = std::max(controllerRss, kioskPeakKb);
        parentInflatedRss = std::max(parentInflatedRss, c.maxRssKb);
        statusRss = std::max(statusRss, s.maxRssKb);
        kubectlRss = std::max(kubectlRss, k.maxRssKb);
        std::printf("run %d: kiosk (Cluster page) %6.0f ms%s  cluster status --json %6.0f ms%s  "
                    "kubectl %6.0f ms%s\n",
                    i, c.ms, cOk ? "" : " (FAILED)", s.ms, sOk ? "" : " (FAILED)", k.ms,
                    kOk ? "" : " (FAILED)");
        std::fflush(stdout);
    }
    // Events in one more child of their own, so that their timing adds nothing to the load times.
    if (events > 0) {
        const kiosk::bench::ChildRun e =
            kiosk::bench::runChild({self, QStringLiteral("--load-as-kiosk"), url,
                                    QStringLiteral("scale"), QString::number(events)},
                                   output);
        for (const auto &sample : QJsonDocument::fromJson(readAll(output).trimmed())
                                      .object()
                                      .value(u"eventMs")
                                      .toArray())
            eventMs.push_back(sample.toDouble());
        if (e.status != 0 || eventMs.size() != size_t(events))
            ++failures;
    }
    simulator.terminate();
    simulator.waitForFinished(10000);

    const double mc = kiosk::bench::median(controllerMs), ms = kiosk::bench::median(statusMs),
                 mk = kiosk::bench::median(kubectlMs);
    std::printf("median wall time over %d runs:\n", runs);
    std::printf("  kiosk, Cluster page's ClusterController  %6.0f ms  ratio to kubectl %.2f  peak "
                "RSS %4.0f MB\n",
                mc, mk > 0 ? mc / mk : 0.0, controllerRss / 1024.0);
    std::printf(
        "  (the Cluster page's peak is its own VmHWM; wait4 said %.0f MB, which includes this "
        "process's own high-water mark, as do the two lines below)\n",
        parentInflatedRss / 1024.0);
    std::printf("  kilo-kiosk cluster status --json          %6.0f ms  ratio to kubectl %.2f  peak "
                "RSS %4.0f MB\n",
                ms, mk > 0 ? ms / mk : 0.0, statusRss / 1024.0);
    std::printf("  kubectl get deployments,replicasets,pods  %6.0f ms                        peak "
                "RSS %4.0f MB\n",
                mk, kubectlRss / 1024.0);
    std::printf(
        "(ratio below 1: the kiosk is faster; target (issue 13): ratio <= 0.25 and peak RSS <= "
        "200 MB)\n");
    if (events > 0)
        std::printf("watch event to the deployment model, %zu events: p50 %.1f ms  p99 %.1f ms  "
                    "slowest %.1f ms  (target p99 <= 50 ms)\n",
                    eventMs.size(), percentile(eventMs, 50), percentile(eventMs, 99),
                    percentile(eventMs, 100));
    if (failures)
        std::printf("%d runs did not load the whole namespace (or time every event)\n", failures);
    return failures ? 1 : 0;
}
