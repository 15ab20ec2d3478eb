#include "ai_brain_sim_command.h"

#include "sim/ai_brain_simulator.h"

#include "cli/cli_output.h"
#include "cli/run_until_terminated.h"
#include "cli/subcommand_parser.h"

#include <QCoreApplication>
#include <QHash>
#include <QTextStream>

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;

kiosk::cli::Subcommand aiBrainSimCommand() {
    return {
        QStringLiteral("ai-brain-sim"),
        QStringLiteral(
            "run the AI Brain simulator (modes good, error500, garbage, hang, slow, unauthorized)"),
        [](const QStringList &arguments) -> int {
            using kiosk::sim::AiBrainSimulator;
            SubcommandParser parser(QStringLiteral("ai-brain-sim"));
            parser.setDescription(
                QStringLiteral("Runs a stand-in for the cluster's AI Brain service (POST "
                               "/analyze/prescription, GET /health)\n"
                               "in the foreground until SIGINT/SIGTERM. Prints its URL on stdout.\n"
                               "Modes: %1 (default good).\n"
                               "  good          the answer for a photo in --fixtures DIR (NNNN.jpg "
                               "+ NNNN.json), else a fixed answer\n"
                               "  error500      500 {\"detail\": ...}\n"
                               "  garbage       200 with something that is not the expected JSON "
                               "(a different kind each time)\n"
                               "  hang          accepts the upload and never answers\n"
                               "  slow          good, after --slow-ms N (default 3000)\n"
                               "  unauthorized  401 unless the request carries --token T")
                    .arg(AiBrainSimulator::modeNames().join(QStringLiteral(", "))));
            parser.addOption({QStringLiteral("port"),
                              QStringLiteral("TCP port (default 0: a free one)"),
                              QStringLiteral("P"), QStringLiteral("0")});
            parser.addOption({QStringLiteral("address"),
                              QStringLiteral("IP address to listen on (default 127.0.0.1)"),
                              QStringLiteral("A"), QStringLiteral("127.0.0.1")});
            parser.addOption({QStringLiteral("mode"), QStringLiteral("how it answers (see above)"),
                              QStringLiteral("MODE")});
            parser.addOption({QStringLiteral("slow-ms"), QStringLiteral("the delay of mode slow"),
                              QStringLiteral("N"), QStringLiteral("3000")});
            parser.addOption({QStringLiteral("token"),
                              QStringLiteral("the token mode unauthorized wants"),
                              QStringLiteral("T")});
            parser.addOption({QStringLiteral("health"),
                              QStringLiteral("what GET /health does: ok, down or hang"),
                              QStringLiteral("ok|down|hang"), QStringLiteral("ok")});
            parser.addOption({QStringLiteral("fixtures"),
                              QStringLiteral("photos it recognises: NNNN.jpg with NNNN.json"),
                              QStringLiteral("DIR")});
            if (const auto status = parser.parseOrExit(arguments))
                return *status;

            const auto invalid = [&parser](const QString &name) {
                return CliOutput::fail(
                    QStringLiteral("ai-brain-sim: invalid value for --%1: \"%2\"")
                        .arg(name, parser.value(name)));
            };
            bool ok = false;
            const int port = parser.value(QStringLiteral("port")).toInt(&ok);
            if (!ok || port < 0 || port > 65535)
                return invalid(QStringLiteral("port"));
            const QString address = parser.value(QStringLiteral("address"));
            AiBrainSimulator::Mode mode = AiBrainSimulator::Mode::Good;
            if (parser.isSet(QStringLiteral("mode"))) {
                const QString value = parser.value(QStringLiteral("mode"));
                const auto parsed = AiBrainSimulator::parseMode(value);
                if (!parsed)
                    return CliOutput::fail(
                        QStringLiteral("ai-brain-sim: unknown mode \"%1\" (known: %2)")
                            .arg(value, AiBrainSimulator::modeNames().join(QStringLiteral(", "))));
                mode = *parsed;
            }
            const int slowMs = parser.value(QStringLiteral("slow-ms")).toInt(&ok);
            if (!ok || slowMs < 0)
                return invalid(QStringLiteral("slow-ms"));
            const QString token = parser.value(QStringLiteral("token"));
            if (parser.isSet(QStringLiteral("token")) && token.isEmpty())
                return invalid(QStringLiteral("token"));
            static const QHash<QString, AiBrainSimulator::HealthMode> healthModes{
                {QStringLiteral("ok"), AiBrainSimulator::HealthMode::Ok},
                {QStringLiteral("down"), AiBrainSimulator::HealthMode::Down},
                {QStringLiteral("hang"), AiBrainSimulator::HealthMode::Hang}};
            const auto health = healthModes.constFind(parser.value(QStringLiteral("health")));
            if (health == healthModes.cend())
                return invalid(QStringLiteral("health"));
            const QString fixtures = parser.value(QStringLiteral("fixtures"));
            const QHostAddress host(address);
            if (host.isNull())
                return CliOutput::fail(
                    QStringLiteral("ai-brain-sim: --address must be an IP address, got \"%1\"")
                        .arg(address));

            AiBrainSimulator simulator;
            simulator.setMode(mode);
            simulator.setHealthMode(*health);
            simulator.setSlowDelayMs(slowMs);
            simulator.setToken(token);
            QTextStream err(stderr);
            if (!fixtures.isEmpty()) {
                const int n = simulator.loadFixtureDir(fixtures);
                if (n == 0)
                    return CliOutput::fail(
                        QStringLiteral("ai-brain-sim: no fixtures (NNNN.jpg with NNNN.json) in %1")
                            .arg(fixtures));
                err << "kilo-kiosk: recognises " << n << " fixture photos from " << fixtures
                    << '\n';
            }
            if (!simulator.listen(host, quint16(port)))
                return CliOutput::fail(QStringLiteral("ai-brain-sim: ") + simulator.errorString());
            QTextStream out(stdout);
            out << simulator.url().toString() << Qt::endl;
            err << "kilo-kiosk: AI Brain simulator in mode " << AiBrainSimulator::modeName(mode)
                << "; try: kilo-kiosk ocr --engine ai-brain --ai-brain "
                << simulator.url().toString() << " PHOTO.jpg   (stop with Ctrl+C)\n";
            err.flush();
            QObject::connect(&simulator, &AiBrainSimulator::requestHandled, qApp,
                             [](const QString &method, const QString &path, int status) {
                                 QTextStream(stderr) << "kilo-kiosk: " << method << ' ' << path
                                                     << " -> " << status << '\n';
                             });

            const auto status = kiosk::cli::runUntilTerminated();
            simulator.close();
            if (!status)
                return CliOutput::fail(
                    QStringLiteral("ai-brain-sim: cannot set up signal handling"));
            err << "kilo-kiosk: AI Brain simulator stopped\n";
            return *status;
        }};
}
