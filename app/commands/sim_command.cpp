#include "sim_command.h"

#include "sim/api_server.h"

#include "cli/run_until_terminated.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>


namespace {


QString usage()
{
    return QStringLiteral(
        "usage: kilo-kiosk sim [--port P] [--address A] [--scenario NAME] [--token T] [--read-only-token T]\n"
        "                      [--tls-cert FILE --tls-key FILE [--client-ca FILE]]\n"
        "                      [--latency-ms N] [--fail-rate F] [--drop-watch-after SECONDS]\n"
        "                      [--write-kubeconfig FILE]\n"
        "Runs a Kubernetes API server simulator in the foreground until SIGINT/SIGTERM.\n"
        "Prints its URL on stdout. Scenarios: %1 (default kilo-guardian).\n")
        .arg(kiosk::sim::ApiServer::scenarios().join(QStringLiteral(", ")));
}

int fail(const QString &message)
{
    QTextStream(stderr) << "kilo-kiosk: error: " << message << '\n';
    return 1;
}

} // namespace

kiosk::cli::Subcommand simCommand()
{
    return {QStringLiteral("sim"), QStringLiteral("run the Kubernetes API simulator (kubectl works against it)"),
            [](const QStringList &arguments) -> int {
                kiosk::sim::ApiServerOptions options;
                QString address = QStringLiteral("127.0.0.1");
                int port = 0;
                QString kubeconfigPath;
                for (qsizetype i = 0; i < arguments.size(); ++i) {
                    const QString &arg = arguments.at(i);
                    if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
                        QTextStream(stdout) << usage();
                        return 0;
                    }
                    QString name = arg;
                    QString value;
                    bool inlineValue = false;
                    if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
                        name = arg.section(QLatin1Char('='), 0, 0);
                        value = arg.section(QLatin1Char('='), 1);
                        inlineValue = true;
                    }
                    static const QStringList valued = {QStringLiteral("--port"), QStringLiteral("--address"), QStringLiteral("--scenario"),
                                                       QStringLiteral("--token"), QStringLiteral("--read-only-token"), QStringLiteral("--tls-cert"),
                                                       QStringLiteral("--tls-key"), QStringLiteral("--client-ca"), QStringLiteral("--latency-ms"),
                                                       QStringLiteral("--fail-rate"), QStringLiteral("--drop-watch-after"),
                                                       QStringLiteral("--write-kubeconfig")};
                    if (!valued.contains(name))
                        return fail(QStringLiteral("sim: unknown option %1 (see kilo-kiosk sim --help)").arg(arg));
                    if (!inlineValue) {
                        if (i + 1 >= arguments.size())
                            return fail(QStringLiteral("sim: %1 needs a value").arg(name));
                        value = arguments.at(++i);
                    }
                    bool ok = true;
                    if (name == QLatin1String("--port")) {
                        port = value.toInt(&ok);
                        ok = ok && port >= 0 && port <= 65535;
                    } else if (name == QLatin1String("--address")) {
                        address = value;
                    } else if (name == QLatin1String("--scenario")) {
                        options.scenario = value;
                    } else if (name == QLatin1String("--token")) {
                        options.token = value;
                        ok = !value.isEmpty();
                    } else if (name == QLatin1String("--read-only-token")) {
                        options.readOnlyToken = value;
                        ok = !value.isEmpty();
                    } else if (name == QLatin1String("--tls-cert")) {
                        options.tlsCertificateFile = value;
                    } else if (name == QLatin1String("--tls-key")) {
                        options.tlsKeyFile = value;
                    } else if (name == QLatin1String("--client-ca")) {
                        options.clientCaFile = value;
                    } else if (name == QLatin1String("--latency-ms")) {
                        options.latencyMs = value.toInt(&ok);
                        ok = ok && options.latencyMs >= 0;
                    } else if (name == QLatin1String("--fail-rate")) {
                        options.failRate = value.toDouble(&ok);
                        ok = ok && options.failRate >= 0.0 && options.failRate <= 1.0;
                    } else if (name == QLatin1String("--drop-watch-after")) {
                        options.dropWatchAfterSeconds = value.toInt(&ok);
                        ok = ok && options.dropWatchAfterSeconds >= 0;
                    } else if (name == QLatin1String("--write-kubeconfig")) {
                        kubeconfigPath = value;
                    }
                    if (!ok)
                        return fail(QStringLiteral("sim: invalid value for %1: \"%2\"").arg(name, value));
                }
                if (!kiosk::sim::ApiServer::scenarios().contains(options.scenario))
                    return fail(QStringLiteral("sim: unknown scenario \"%1\" (known: %2)")
                                    .arg(options.scenario, kiosk::sim::ApiServer::scenarios().join(QStringLiteral(", "))));
                const QHostAddress host(address);
                if (host.isNull())
                    return fail(QStringLiteral("sim: --address must be an IP address, got \"%1\"").arg(address));

                kiosk::sim::ApiServer server(options);
                if (!server.listen(host, quint16(port)))
                    return fail(QStringLiteral("sim: ") + server.errorString());

                const QString ns = options.scenario == QLatin1String("scale") ? QStringLiteral("scale") : QStringLiteral("kilo-guardian");
                if (!kubeconfigPath.isEmpty()) {
                    QFile file(kubeconfigPath);
                    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                        return fail(QStringLiteral("sim: cannot write %1: %2").arg(kubeconfigPath, file.errorString()));
                    const QString ca = options.tlsCertificateFile.isEmpty() ? QString() : QFileInfo(options.tlsCertificateFile).absoluteFilePath();
                    file.write(server.kubeconfig(ns, ca).toUtf8());
                }
                QTextStream out(stdout);
                out << server.url().toString() << Qt::endl;
                QTextStream err(stderr);
                err << "kilo-kiosk: simulating scenario \"" << options.scenario << "\" (loaded in " << server.scenarioLoadMilliseconds()
                    << " ms); stop with Ctrl+C\n";
                if (!kubeconfigPath.isEmpty())
                    err << "kilo-kiosk: try: kubectl --kubeconfig " << kubeconfigPath << " get deployments\n";
                else if (options.tlsCertificateFile.isEmpty() && options.token.isEmpty())
                    err << "kilo-kiosk: try: kubectl --server " << server.url().toString() << " -n " << ns
                        << " get deployments   (or --write-kubeconfig FILE for a kubeconfig)\n";
                else
                    err << "kilo-kiosk: write a kubeconfig with --write-kubeconfig FILE, then: kubectl --kubeconfig FILE get deployments\n";
                err.flush();

                const auto status = kiosk::cli::runUntilTerminated();
                server.close();
                if (!status)
                    return fail(QStringLiteral("sim: cannot set up signal handling"));
                err << "kilo-kiosk: simulator stopped\n";
                return *status;
            }};
}
