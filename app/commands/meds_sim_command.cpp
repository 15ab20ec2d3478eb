#include "meds_sim_command.h"

#include "sim/meds_service_simulator.h"

#include "cli/cli_output.h"
#include "cli/run_until_terminated.h"
#include "cli/subcommand_parser.h"

#include <QCoreApplication>
#include <QTextStream>

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;

kiosk::cli::Subcommand medsSimCommand() {
    return {
        QStringLiteral("meds-sim"),
        QStringLiteral(
            "run the kilo-meds medication service simulator (for meds sync and the tests)"),
        [](const QStringList &arguments) -> int {
            using kiosk::sim::MedsServiceSimulator;
            SubcommandParser parser(QStringLiteral("meds-sim"));
            parser.setDescription(QStringLiteral(
                "Runs a stand-in for the household's kilo-meds service (GET "
                "/api/v1/medications?since=,\n"
                "PUT/DELETE /api/v1/medications/{id} with If-Match, GET /healthz) in the "
                "foreground until\n"
                "SIGINT/SIGTERM. Records live in memory. Prints its URL on stdout."));
            parser.addOption({QStringLiteral("port"),
                              QStringLiteral("TCP port (default 0: a free one)"),
                              QStringLiteral("P"), QStringLiteral("0")});
            parser.addOption({QStringLiteral("address"),
                              QStringLiteral("IP address to listen on (default 127.0.0.1)"),
                              QStringLiteral("A"), QStringLiteral("127.0.0.1")});
            parser.addOption({QStringLiteral("token"),
                              QStringLiteral("require Authorization: Bearer T on /api requests"),
                              QStringLiteral("T")});
            parser.addOption({QStringLiteral("fail-rate"),
                              QStringLiteral("answer this share of /api requests 503 (0..1)"),
                              QStringLiteral("F"), QStringLiteral("0")});
            parser.addOption({QStringLiteral("latency-ms"),
                              QStringLiteral("delay every answer by N ms"), QStringLiteral("N"),
                              QStringLiteral("0")});
            parser.addOption({QStringLiteral("seed"),
                              QStringLiteral("seed of the --fail-rate draws (reproducible runs)"),
                              QStringLiteral("N")});
            parser.addOption(
                {QStringLiteral("samples"), QStringLiteral("start with four sample medications")});
            if (const auto status = parser.parseOrExit(arguments))
                return *status;

            bool ok = false;
            const QString portText = parser.value(QStringLiteral("port"));
            const int port = portText.toInt(&ok);
            if (!ok || port < 0 || port > 65535)
                return CliOutput::fail(
                    QStringLiteral("meds-sim: invalid value for --port: \"%1\" (0 to 65535)")
                        .arg(portText),
                    SubcommandParser::kUsageError);
            const QString address = parser.value(QStringLiteral("address"));
            const QHostAddress host(address);
            if (host.isNull())
                return CliOutput::fail(
                    QStringLiteral("meds-sim: --address must be an IP address, got \"%1\"")
                        .arg(address),
                    SubcommandParser::kUsageError);
            if (parser.isSet(QStringLiteral("token")) &&
                parser.value(QStringLiteral("token")).isEmpty())
                return CliOutput::fail(QStringLiteral("meds-sim: --token must not be empty"),
                                       SubcommandParser::kUsageError);
            const QString rateText = parser.value(QStringLiteral("fail-rate"));
            const double failRate = rateText.toDouble(&ok);
            if (!ok || failRate < 0.0 || failRate > 1.0)
                return CliOutput::fail(
                    QStringLiteral(
                        "meds-sim: invalid value for --fail-rate: \"%1\" (a number from 0 to 1)")
                        .arg(rateText),
                    SubcommandParser::kUsageError);
            const QString latencyText = parser.value(QStringLiteral("latency-ms"));
            const int latencyMs = latencyText.toInt(&ok);
            if (!ok || latencyMs < 0)
                return CliOutput::fail(QStringLiteral("meds-sim: invalid value for --latency-ms: "
                                                      "\"%1\" (milliseconds, 0 or more)")
                                           .arg(latencyText),
                                       SubcommandParser::kUsageError);
            std::optional<quint32> seed;
            if (parser.isSet(QStringLiteral("seed"))) {
                const QString seedText = parser.value(QStringLiteral("seed"));
                seed = seedText.toUInt(&ok);
                if (!ok)
                    return CliOutput::fail(
                        QStringLiteral(
                            "meds-sim: invalid value for --seed: \"%1\" (0 to 4294967295)")
                            .arg(seedText),
                        SubcommandParser::kUsageError);
            }

            MedsServiceSimulator simulator;
            simulator.setToken(parser.value(QStringLiteral("token")));
            simulator.setFailRate(failRate);
            simulator.setLatencyMs(latencyMs);
            if (seed)
                simulator.setSeed(*seed);
            if (parser.isSet(QStringLiteral("samples"))) {
                for (const QJsonObject &record : MedsServiceSimulator::sampleRecords())
                    simulator.addRecord(record);
            }
            if (!simulator.listen(host, quint16(port)))
                return CliOutput::fail(QStringLiteral("meds-sim: ") + simulator.errorString());
            QTextStream out(stdout);
            out << simulator.url().toString() << Qt::endl;
            QTextStream err(stderr);
            err << "kilo-kiosk: medication service simulator with " << simulator.records().size()
                << " records; try: kilo-kiosk meds sync --service " << simulator.url().toString()
                << "   (stop with Ctrl+C)\n";
            err.flush();
            QObject::connect(&simulator, &MedsServiceSimulator::requestHandled, qApp,
                             [](const QString &method, const QString &path, int status) {
                                 QTextStream(stderr) << "kilo-kiosk: " << method << ' ' << path
                                                     << " -> " << status << '\n';
                             });

            const auto status = kiosk::cli::runUntilTerminated();
            simulator.close();
            if (!status)
                return CliOutput::fail(QStringLiteral("meds-sim: cannot set up signal handling"));
            err << "kilo-kiosk: medication service simulator stopped\n";
            return *status;
        }};
}
