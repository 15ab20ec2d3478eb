#include "sim_command.h"

#include "sim/api_server.h"

#include "cli/cli_output.h"
#include "cli/run_until_terminated.h"
#include "cli/subcommand_parser.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;

kiosk::cli::Subcommand simCommand() {
    return {
        QStringLiteral("sim"),
        QStringLiteral("run the Kubernetes API simulator (kubectl works against it)"),
        [](const QStringList &arguments) -> int {
            SubcommandParser parser(QStringLiteral("sim"));
            parser.setDescription(
                QStringLiteral("Runs a Kubernetes API server simulator in the foreground until "
                               "SIGINT/SIGTERM.\n"
                               "Prints its URL on stdout. Scenarios: %1 (default kilo-guardian).")
                    .arg(kiosk::sim::ApiServer::scenarios().join(QStringLiteral(", "))));
            parser.addOption({QStringLiteral("port"),
                              QStringLiteral("TCP port (default 0: a free one)"),
                              QStringLiteral("P")});
            parser.addOption({QStringLiteral("address"),
                              QStringLiteral("IP address to listen on (default 127.0.0.1)"),
                              QStringLiteral("A")});
            parser.addOption({QStringLiteral("scenario"), QStringLiteral("the cluster to simulate"),
                              QStringLiteral("NAME")});
            parser.addOption({QStringLiteral("token"),
                              QStringLiteral("require Authorization: Bearer T"),
                              QStringLiteral("T")});
            parser.addOption({QStringLiteral("read-only-token"),
                              QStringLiteral("a token that may only read"), QStringLiteral("T")});
            parser.addOption({QStringLiteral("tls-cert"),
                              QStringLiteral("serve HTTPS with this certificate (PEM)"),
                              QStringLiteral("FILE")});
            parser.addOption({QStringLiteral("tls-key"),
                              QStringLiteral("the certificate's private key (PEM)"),
                              QStringLiteral("FILE")});
            parser.addOption(
                {QStringLiteral("client-ca"),
                 QStringLiteral("require client certificates signed by this CA (needs TLS)"),
                 QStringLiteral("FILE")});
            parser.addOption({QStringLiteral("latency-ms"),
                              QStringLiteral("delay every answer by N ms"), QStringLiteral("N")});
            parser.addOption({QStringLiteral("fail-rate"),
                              QStringLiteral("answer this share of requests with an error (0..1)"),
                              QStringLiteral("F")});
            parser.addOption({QStringLiteral("drop-watch-after"),
                              QStringLiteral("end every watch after this many seconds"),
                              QStringLiteral("SECONDS")});
            parser.addOption({QStringLiteral("write-kubeconfig"),
                              QStringLiteral("write a kubeconfig for kubectl to FILE"),
                              QStringLiteral("FILE")});
            if (const auto status = parser.parseOrExit(arguments))
                return *status;

            kiosk::sim::ApiServerOptions options;
            QString address = QStringLiteral("127.0.0.1");
            int port = 0;
            const QString kubeconfigPath = parser.value(QStringLiteral("write-kubeconfig"));
            // Each value as the option gives it; the first that does not fit is the error.
            const auto invalid = [&parser](const QString &name) {
                return CliOutput::fail(QStringLiteral("sim: invalid value for --%1: \"%2\"")
                                           .arg(name, parser.value(name)));
            };
            bool ok = true;
            if (parser.isSet(QStringLiteral("port"))) {
                port = parser.value(QStringLiteral("port")).toInt(&ok);
                if (!ok || port < 0 || port > 65535)
                    return invalid(QStringLiteral("port"));
            }
            if (parser.isSet(QStringLiteral("address")))
                address = parser.value(QStringLiteral("address"));
            if (parser.isSet(QStringLiteral("scenario")))
                options.scenario = parser.value(QStringLiteral("scenario"));
            for (const QString &name :
                 {QStringLiteral("token"), QStringLiteral("read-only-token")}) {
                if (parser.isSet(name) && parser.value(name).isEmpty())
                    return invalid(name);
            }
            options.token = parser.value(QStringLiteral("token"));
            options.readOnlyToken = parser.value(QStringLiteral("read-only-token"));
            options.tlsCertificateFile = parser.value(QStringLiteral("tls-cert"));
            options.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
            options.clientCaFile = parser.value(QStringLiteral("client-ca"));
            if (parser.isSet(QStringLiteral("latency-ms"))) {
                options.latencyMs = parser.value(QStringLiteral("latency-ms")).toInt(&ok);
                if (!ok || options.latencyMs < 0)
                    return invalid(QStringLiteral("latency-ms"));
            }
            if (parser.isSet(QStringLiteral("fail-rate"))) {
                options.failRate = parser.value(QStringLiteral("fail-rate")).toDouble(&ok);
                if (!ok || options.failRate < 0.0 || options.failRate > 1.0)
                    return invalid(QStringLiteral("fail-rate"));
            }
            if (parser.isSet(QStringLiteral("drop-watch-after"))) {
                options.dropWatchAfterSeconds =
                    parser.value(QStringLiteral("drop-watch-after")).toInt(&ok);
                if (!ok || options.dropWatchAfterSeconds < 0)
                    return invalid(QStringLiteral("drop-watch-after"));
            }
            if (!kiosk::sim::ApiServer::scenarios().contains(options.scenario))
                return CliOutput::fail(
                    QStringLiteral("sim: unknown scenario \"%1\" (known: %2)")
                        .arg(options.scenario,
                             kiosk::sim::ApiServer::scenarios().join(QStringLiteral(", "))));
            const QHostAddress host(address);
            if (host.isNull())
                return CliOutput::fail(
                    QStringLiteral("sim: --address must be an IP address, got \"%1\"")
                        .arg(address));

            kiosk::sim::ApiServer server(options);
            if (!server.listen(host, quint16(port)))
                return CliOutput::fail(QStringLiteral("sim: ") + server.errorString());

            const QString ns = options.scenario == QLatin1String("scale")
                                   ? QStringLiteral("scale")
                                   : QStringLiteral("kilo-guardian");
            if (!kubeconfigPath.isEmpty()) {
                QFile file(kubeconfigPath);
                if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return CliOutput::fail(QStringLiteral("sim: cannot write %1: %2")
                                               .arg(kubeconfigPath, file.errorString()));
                const QString ca = options.tlsCertificateFile.isEmpty()
                                       ? QString()
                                       : QFileInfo(options.tlsCertificateFile).absoluteFilePath();
                file.write(server.kubeconfig(ns, ca).toUtf8());
            }
            QTextStream out(stdout);
            out << server.url().toString() << Qt::endl;
            QTextStream err(stderr);
            err << "kilo-kiosk: simulating scenario \"" << options.scenario << "\" (loaded in "
                << server.scenarioLoadMilliseconds() << " ms); stop with Ctrl+C\n";
            if (!kubeconfigPath.isEmpty())
                err << "kilo-kiosk: try: kubectl --kubeconfig " << kubeconfigPath
                    << " get deployments\n";
            else if (options.tlsCertificateFile.isEmpty() && options.token.isEmpty())
                err << "kilo-kiosk: try: kubectl --server " << server.url().toString() << " -n "
                    << ns << " get deployments   (or --write-kubeconfig FILE for a kubeconfig)\n";
            else
                err << "kilo-kiosk: write a kubeconfig with --write-kubeconfig FILE, then: kubectl "
                       "--kubeconfig FILE get deployments\n";
            err.flush();

            const auto status = kiosk::cli::runUntilTerminated();
            server.close();
            if (!status)
                return CliOutput::fail(QStringLiteral("sim: cannot set up signal handling"));
            err << "kilo-kiosk: simulator stopped\n";
            return *status;
        }};
}
