// cluster_soak: the kiosk's informers and health report against a faulty simulator for a long
// while, with an administrator changing the cluster through kubectl all along. Starts
// `kilo-kiosk sim --fail-rate F --latency-ms L --drop-watch-after S` on a loopback port, runs the
// kiosk's ClusterMonitor in this process through the kubeconfig the simulator writes (as the app
// does), and a seeded driver that scales, rolls out, deletes pods, rolls back and rolls out
// crash-looping and missing images with kubectl. Samples this process's RSS, counts the
// informers' reconnects and times the longest stretch the monitor was not Live. At the end it
// stops the driver, waits (with a deadline) until the kiosk's view equals kubectl's -- pods with
// READY, STATUS and RESTARTS as `kubectl get pods` prints them, ReplicaSets and Deployments with
// their replica counts and images -- and prints the figures.
//
// Exit status 1 when the views never became equal, RSS grew more than --max-growth percent
// between the baseline (after the first minute) and the end, the monitor stayed not Live longer
// than --stuck-seconds, or the simulator or a kubectl crashed; 2 for bad arguments or a soak that
// could not start.
//
//   cluster_soak [--seconds 600] [--seed 1] [--interval-ms 1500] [--fail-rate 0.2]
//                [--latency-ms 300] [--drop-watch-after 20] [--baseline-seconds 60]
//                [--max-growth 10] [--stuck-seconds 60] [--settle-seconds 120]
//                [--progress-seconds 60] [--kiosk PATH] [--kubectl PATH] [--verbose]
#include "kubectl_binary.h"
#include "soak/kubectl_runner.h"
#include "soak/monitor_observer.h"
#include "soak/process_memory.h"
#include "soak/soak_driver.h"
#include "soak/view_settler.h"

#include "k8s/cluster_monitor.h"
#include "k8s/kubeconfig_loader.h"
#include "k8s/resource_informer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

struct Options {
    int seconds = 600;
    quint32 seed = 1;
    int intervalMs = 1500;
    double failRate = 0.2;
    int latencyMs = 300;
    int dropWatchAfter = 20;
    int baselineSeconds = -1; // default: 60, or a third of a shorter soak
    double maxGrowthPercent = 10;
    int stuckSeconds = 60;
    int settleSeconds = 120;
    int sampleSeconds = 2;
    int progressSeconds = 60;
    QString kiosk = QStringLiteral(KIOSK_APP_PATH);
    QString kubectl;
    bool verbose = false;
};

const char kUsage[] =
    "usage: cluster_soak [--seconds N] [--seed S] [--interval-ms N] [--fail-rate F] [--latency-ms "
    "N]\n"
    "                    [--drop-watch-after S] [--baseline-seconds S] [--max-growth PERCENT]\n"
    "                    [--stuck-seconds S] [--settle-seconds S] [--progress-seconds S]\n"
    "                    [--kiosk PATH] [--kubectl PATH] [--verbose]\n";

bool parse(const QStringList &args, Options *o) {
    for (qsizetype i = 0; i < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--verbose")) {
            o->verbose = true;
            --i;
            continue;
        }
        if (i + 1 >= args.size())
            return false;
        const QString &name = args.at(i);
        const QString &value = args.at(i + 1);
        bool ok = true;
        if (name == QLatin1String("--seconds"))
            o->seconds = value.toInt(&ok), ok = ok && o->seconds >= 10;
        else if (name == QLatin1String("--seed"))
            o->seed = value.toUInt(&ok);
        else if (name == QLatin1String("--interval-ms"))
            o->intervalMs = value.toInt(&ok), ok = ok && o->intervalMs >= 100;
        else if (name == QLatin1String("--fail-rate"))
            o->failRate = value.toDouble(&ok), ok = ok && o->failRate >= 0 && o->failRate < 1;
        else if (name == QLatin1String("--latency-ms"))
            o->latencyMs = value.toInt(&ok), ok = ok && o->latencyMs >= 0;
        else if (name == QLatin1String("--drop-watch-after"))
            o->dropWatchAfter = value.toInt(&ok), ok = ok && o->dropWatchAfter >= 0;
        else if (name == QLatin1String("--baseline-seconds"))
            o->baselineSeconds = value.toInt(&ok), ok = ok && o->baselineSeconds >= 1;
        else if (name == QLatin1String("--max-growth"))
            o->maxGrowthPercent = value.toDouble(&ok);
        else if (name == QLatin1String("--stuck-seconds"))
            o->stuckSeconds = value.toInt(&ok), ok = ok && o->stuckSeconds >= 1;
        else if (name == QLatin1String("--settle-seconds"))
            o->settleSeconds = value.toInt(&ok), ok = ok && o->settleSeconds >= 1;
        else if (name == QLatin1String("--progress-seconds"))
            o->progressSeconds = value.toInt(&ok), ok = ok && o->progressSeconds >= 1;
        else if (name == QLatin1String("--kiosk"))
            o->kiosk = value;
        else if (name == QLatin1String("--kubectl"))
            o->kubectl = value;
        else
            ok = false;
        if (!ok)
            return false;
    }
    if (o->baselineSeconds < 0)
        o->baselineSeconds = std::min(60, o->seconds / 3);
    return o->baselineSeconds < o->seconds;
}

QByteArray tail(const QString &path, qint64 bytes) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > bytes)
        f.seek(f.size() - bytes);
    return f.readAll();
}

double mib(long kib) {
    return kib / 1024.0;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    Options options;
    if (!parse(app.arguments().mid(1), &options)) {
        std::fprintf(stderr, "%s", kUsage);
        return 2;
    }
    if (options.kubectl.isEmpty()) {
        const kiosk::test::Kubectl found = kiosk::test::findKubectl();
        if (found.path.isEmpty()) {
            std::fprintf(stderr, "cluster_soak: %s\n", qPrintable(found.error));
            return 2;
        }
        options.kubectl = found.path;
    }

    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    const QString simLog = dir.filePath(QStringLiteral("sim.log"));
    QProcess simulator;
    simulator.setStandardErrorFile(
        simLog); // never buffered in this process, whose memory is measured
    simulator.start(options.kiosk,
                    {QStringLiteral("sim"), QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--fail-rate"), QString::number(options.failRate),
                     QStringLiteral("--latency-ms"), QString::number(options.latencyMs),
                     QStringLiteral("--drop-watch-after"), QString::number(options.dropWatchAfter),
                     QStringLiteral("--write-kubeconfig"), kubeconfig});
    QElapsedTimer startup;
    startup.start();
    while (!simulator.canReadLine() && simulator.state() != QProcess::NotRunning &&
           startup.elapsed() < 60000)
        simulator.waitForReadyRead(1000);
    const QString url = QString::fromUtf8(simulator.readLine()).trimmed();
    if (!url.startsWith(QLatin1String("http"))) {
        std::fprintf(stderr, "cluster_soak: the simulator did not start: %s\n",
                     tail(simLog, 2000).constData());
        return 2;
    }
    const auto loaded = kiosk::k8s::KubeconfigLoader::loadFile(kubeconfig, QString(), QString());
    if (!loaded.connection) {
        std::fprintf(stderr, "cluster_soak: the simulator's kubeconfig: %s\n",
                     qPrintable(loaded.error));
        return 2;
    }
    const QString nameSpace = loaded.connection->nameSpace;
    std::printf("cluster_soak: simulator %s (fail rate %.2f, latency %d ms, watches dropped after "
                "%d s), namespace %s\n",
                qPrintable(url), options.failRate, options.latencyMs, options.dropWatchAfter,
                qPrintable(nameSpace));
    std::printf("cluster_soak: %d s, seed %u, a kubectl command every ~%d ms (%s), RSS baseline "
                "after %d s\n",
                options.seconds, options.seed, options.intervalMs, qPrintable(options.kubectl),
                options.baselineSeconds);
    std::fflush(stdout);

    kiosk::bench::KubectlRunner kubectl(options.kubectl, kubeconfig, nameSpace,
                                        dir.filePath(QStringLiteral("kube-cache")));
    kiosk::k8s::ClusterMonitor monitor(*loaded.connection);
    kiosk::bench::MonitorObserver observer(&monitor);
    kiosk::bench::ViewSettler settler(&monitor, &kubectl, options.settleSeconds * 1000);
    settler.setVerbose(options.verbose);
    kiosk::bench::SoakDriver *driver = nullptr;

    QElapsedTimer clock;
    long baselineKib = 0;
    long endKib = 0;
    long peakAfterBaselineKib = 0;
    int exitCode = 0;
    QStringList failures;

    QTimer sampler;
    sampler.setInterval(options.sampleSeconds * 1000);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const long kib = kiosk::bench::residentKib();
        if (clock.elapsed() >= qint64(options.baselineSeconds) * 1000) {
            if (baselineKib == 0)
                baselineKib = kib;
            peakAfterBaselineKib = std::max(peakAfterBaselineKib, kib);
        }
    });
    QTimer progress;
    progress.setInterval(options.progressSeconds * 1000);
    QObject::connect(&progress, &QTimer::timeout, [&] {
        std::printf("  %4lld s: %d kubectl commands, %d reconnects, monitor %s, RSS %.1f MiB, "
                    "cached %lld deployments %lld ReplicaSets %lld pods, pooled subtrees %lld\n",
                    static_cast<long long>(clock.elapsed() / 1000),
                    driver ? driver->operations() : 0, observer.reconnects(),
                    observer.live() ? "Live" : "not Live", mib(kiosk::bench::residentKib()),
                    static_cast<long long>(monitor.deploymentInformer()->objects().size()),
                    static_cast<long long>(monitor.replicaSetInformer()->objects().size()),
                    static_cast<long long>(monitor.podInformer()->objects().size()),
                    static_cast<long long>(monitor.deploymentInformer()->pooledSubtrees() +
                                           monitor.replicaSetInformer()->pooledSubtrees() +
                                           monitor.podInformer()->pooledSubtrees()));
        std::fflush(stdout);
    });

    auto report = [&] {
        std::printf("\n== cluster_soak figures ==\n");
        std::printf("duration                %lld s of driving (+ %.1f s settling)\n",
                    static_cast<long long>(options.seconds), settler.elapsedMs() / 1000.0);
        std::printf("kubectl commands        %d\n", driver->operations());
        for (auto it = driver->tallies().cbegin(); it != driver->tallies().cend(); ++it)
            std::printf("  %-20s %4d done, %3d refused, %3d failed after retries (%d retries)\n",
                        qPrintable(it.key()), it->done, it->refused, it->failed, it->retries);
        for (const QString &f : driver->lastFailures())
            std::printf("  last refusals/failures: %s\n", qPrintable(f));
        std::printf("informer reconnects     %d (watch drops and failed requests)\n",
                    observer.reconnects());
        QStringList errors;
        for (auto it = observer.errors().cbegin(); it != observer.errors().cend(); ++it)
            errors.append(QStringLiteral("%1 %2").arg(it.key()).arg(*it));
        std::printf("informer errors         %s\n",
                    errors.isEmpty() ? "none" : qPrintable(errors.join(QStringLiteral(", "))));
        std::printf("longest not Live        %.1f s (limit %d s)\n",
                    observer.longestNotLiveMs() / 1000.0, options.stuckSeconds);
        std::printf("health reports built    %d (slowest %lld ms)\n", observer.reportsBuilt(),
                    static_cast<long long>(observer.slowestReportMs()));
        const double growth =
            baselineKib > 0 ? 100.0 * double(endKib - baselineKib) / double(baselineKib) : 0.0;
        std::printf("RSS after %d s          %.1f MiB\n", options.baselineSeconds,
                    mib(baselineKib));
        std::printf("RSS at end              %.1f MiB (peak after the baseline %.1f MiB)\n",
                    mib(endKib), mib(peakAfterBaselineKib));
        std::printf("RSS growth              %+.1f %% (limit %.0f %%)\n", growth,
                    options.maxGrowthPercent);
        std::printf("crashes                 simulator %s, kubectl %d\n",
                    simulator.state() == QProcess::Running ? "running" : "GONE", kubectl.crashes());
        std::printf("equal                   %s", settler.equal() ? "yes" : "no");
        if (settler.equal())
            std::printf(" (after %.1f s, %d kubectl views)\n", settler.elapsedMs() / 1000.0,
                        settler.snapshots());
        else
            std::printf(" (%d kubectl views in %d s)\n", settler.snapshots(),
                        options.settleSeconds);
        for (const QString &d : settler.differences())
            std::printf("  %s\n", qPrintable(d));
        if (!settler.equal() && settler.differences().isEmpty())
            std::printf("  no kubectl view to compare with: %s\n",
                        qPrintable(settler.lastKubectlError()));

        if (!settler.equal())
            failures.append(QStringLiteral("the kiosk's view never became equal to kubectl's"));
        if (baselineKib == 0 || growth > options.maxGrowthPercent)
            failures.append(
                QStringLiteral("RSS grew %1 % after the baseline").arg(growth, 0, 'f', 1));
        if (observer.longestNotLiveMs() > qint64(options.stuckSeconds) * 1000)
            failures.append(QStringLiteral("the monitor stayed not Live for %1 s")
                                .arg(observer.longestNotLiveMs() / 1000.0, 0, 'f', 1));
        if (simulator.state() != QProcess::Running)
            failures.append(QStringLiteral("the simulator exited: %1")
                                .arg(QString::fromUtf8(tail(simLog, 2000))));
        if (kubectl.crashes() > 0)
            failures.append(QStringLiteral("%1 kubectl commands crashed").arg(kubectl.crashes()));
        std::printf("verdict                 %s\n", failures.isEmpty() ? "PASS" : "FAIL");
        for (const QString &f : failures)
            std::printf("  %s\n", qPrintable(f));
        std::fflush(stdout);
        exitCode = failures.isEmpty() ? 0 : 1;
    };

    QObject::connect(&settler, &kiosk::bench::ViewSettler::finished, [&] {
        report();
        QCoreApplication::quit();
    });

    // The deployments and their containers, for `kubectl set image`; retried over injected 503s.
    std::function<void(int)> begin = [&](int attempt) {
        kubectl.run(
            {QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-o"),
             QStringLiteral("json")},
            [&, attempt](const kiosk::bench::KubectlResult &r) {
                QMap<QString, QString> containers;
                for (const auto &item :
                     QJsonDocument::fromJson(r.out).object().value(u"items").toArray()) {
                    const QJsonObject d = item.toObject();
                    const QString name = d.value(u"metadata").toObject().value(u"name").toString();
                    const QJsonArray list = d.value(u"spec")
                                                .toObject()
                                                .value(u"template")
                                                .toObject()
                                                .value(u"spec")
                                                .toObject()
                                                .value(u"containers")
                                                .toArray();
                    if (!name.isEmpty() && !list.isEmpty())
                        containers.insert(name, list.first().toObject().value(u"name").toString());
                }
                if (containers.isEmpty()) {
                    if (attempt < 10) {
                        QTimer::singleShot(1000, [&, attempt] { begin(attempt + 1); });
                        return;
                    }
                    std::fprintf(stderr, "cluster_soak: kubectl get deployments failed: %s\n",
                                 r.err.constData());
                    exitCode = 2;
                    QCoreApplication::quit();
                    return;
                }
                driver = new kiosk::bench::SoakDriver(&kubectl, containers, options.seed,
                                                      options.intervalMs, &app);
                QObject::connect(driver, &kiosk::bench::SoakDriver::stopped, [&] {
                    endKib = kiosk::bench::residentKib();
                    sampler.stop();
                    progress.stop();
                    std::printf("  %4lld s: driver stopped; waiting for the kiosk's view to equal "
                                "kubectl's (at most %d s)\n",
                                static_cast<long long>(clock.elapsed() / 1000),
                                options.settleSeconds);
                    std::fflush(stdout);
                    settler.start();
                });
                driver->start();
                QTimer::singleShot(options.seconds * 1000, driver, [&] { driver->stop(); });
            });
    };

    clock.start();
    monitor.start();
    sampler.start();
    progress.start();
    begin(1);
    app.exec();

    // kubectl commands still running call back into objects of this scope: let them end first.
    QElapsedTimer drain;
    drain.start();
    while (kubectl.running() > 0 && drain.elapsed() < 70000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 200);
    monitor.stop();
    simulator.terminate();
    if (!simulator.waitForFinished(10000))
        simulator.kill();
    return exitCode;
}
