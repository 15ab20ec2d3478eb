// cluster_scale_bench: loads the simulator's `scale` namespace (5,000 Deployments, 25,000
// ReplicaSets, 5,000 Pods) the way the kiosk's Cluster page does -- ClusterController, its
// informers and list models, until the first complete report -- in a fresh child process,
// beside `kubectl get deployments,replicasets,pods -o json -n scale` and `kilo-kiosk cluster
// status --json`, all against one `kilo-kiosk sim --scenario scale` on a loopback port,
// interleaved run by run so machine load hits every side alike. Prints each side's median wall
// time, the ratio to kubectl and each side's peak RSS (wait4's ru_maxrss).
//
//   cluster_scale_bench [--runs N] [--kiosk PATH] [--kubectl PATH]
//   cluster_scale_bench --load-as-kiosk URL NAMESPACE   (the child: prints what it loaded)
#include "child_process.h"
#include "k8s/cluster_connection.h"
#include "ui/cluster_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
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

// The child: the Cluster page's controller, until its first report covers the whole namespace.
int loadAsKiosk(const QString &url, const QString &nameSpace) {
    kiosk::k8s::ClusterConnection connection;
    connection.server = QUrl(url);
    connection.nameSpace = nameSpace;
    kiosk::ui::ClusterController cluster;
    int status = 1;
    QObject::connect(&cluster, &kiosk::ui::ClusterController::reportChanged, qApp, [&] {
        const QVariantMap summary = cluster.summary();
        std::printf("{\"deployments\":%d,\"replicasets\":%d,\"pods\":%d,\"deploymentRows\":%d,"
                    "\"podRows\":%d}\n",
                    summary.value(QStringLiteral("deploymentsTotal")).toInt(),
                    summary.value(QStringLiteral("replicaSetsTotal")).toInt(),
                    summary.value(QStringLiteral("podsTotal")).toInt(),
                    cluster.deployments()->rowCount(), cluster.pods()->rowCount());
        status = 0;
        QCoreApplication::quit();
    });
    QTimer::singleShot(120000, qApp, [] {
        std::fprintf(stderr, "cluster_scale_bench: the kiosk side did not load within 120 s\n");
        QCoreApplication::quit();
    });
    cluster.connectTo(connection, false);
    QCoreApplication::exec();
    return status;
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
    if (args.size() == 3 && args[0] == QLatin1String("--load-as-kiosk"))
        return loadAsKiosk(args[1], args[2]);

    QString kiosk = QStringLiteral(KIOSK_APP_PATH);
    QString kubectl = QStringLiteral("/usr/bin/kubectl");
    int runs = 5;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--kiosk"))
            kiosk = args[i + 1];
        else if (args[i] == QLatin1String("--kubectl"))
            kubectl = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    if (args.size() % 2 != 0) {
        std::fprintf(stderr,
                     "usage: cluster_scale_bench [--runs N] [--kiosk PATH] [--kubectl PATH]\n");
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
    std::vector<double> controllerMs, statusMs, kubectlMs;
    long controllerRss = 0, statusRss = 0, kubectlRss = 0;
    int failures = 0;
    for (int i = 1; i <= runs; ++i) {
        const kiosk::bench::ChildRun c = kiosk::bench::runChild(
            {self, QStringLiteral("--load-as-kiosk"), url, QStringLiteral("scale")}, output);
        const bool cOk = c.status == 0 && kioskLoadedEverything(readAll(output));
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
        controllerRss = std::max(controllerRss, c.maxRssKb);
        statusRss = std::max(statusRss, s.maxRssKb);
        kubectlRss = std::max(kubectlRss, k.maxRssKb);
        std::printf("run %d: kiosk (Cluster page) %6.0f ms%s  cluster status --json %6.0f ms%s  "
                    "kubectl %6.0f ms%s\n",
                    i, c.ms, cOk ? "" : " (FAILED)", s.ms, sOk ? "" : " (FAILED)", k.ms,
                    kOk ? "" : " (FAILED)");
        std::fflush(stdout);
    }
    simulator.terminate();
    simulator.waitForFinished(10000);

    const double mc = kiosk::bench::median(controllerMs), ms = kiosk::bench::median(statusMs),
                 mk = kiosk::bench::median(kubectlMs);
    std::printf("median wall time over %d runs:\n", runs);
    std::printf("  kiosk, Cluster page's ClusterController  %6.0f ms  ratio to kubectl %.2f  peak "
                "RSS %4.0f MB\n",
                mc, mk > 0 ? mc / mk : 0.0, controllerRss / 1024.0);
    std::printf("  kilo-kiosk cluster status --json          %6.0f ms  ratio to kubectl %.2f  peak "
                "RSS %4.0f MB\n",
                ms, mk > 0 ? ms / mk : 0.0, statusRss / 1024.0);
    std::printf("  kubectl get deployments,replicasets,pods  %6.0f ms                        peak "
                "RSS %4.0f MB\n",
                mk, kubectlRss / 1024.0);
    std::printf(
        "(ratio below 1: the kiosk is faster; target: ratio <= 1 and peak RSS <= 400 MB)\n");
    if (failures)
        std::printf("%d runs did not load the whole namespace\n", failures);
    return failures ? 1 : 0;
}
