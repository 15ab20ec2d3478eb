#include "ai_brain_sim_command.h"

#include "sim/ai_brain_simulator.h"

#include "cli/run_until_terminated.h"

#include <QCoreApplication>
#include <QTextStream>


namespace {


QString usage()
{
    return QStringLiteral(
        "usage: kilo-kiosk ai-brain-sim [--port P] [--address A] [--mode MODE] [--slow-ms N]\n"
        "                               [--token T] [--health ok|down|hang] [--fixtures DIR]\n"
        "Runs a stand-in for the cluster's AI Brain service (POST /analyze/prescription, GET /health)\n"
        "in the foreground until SIGINT/SIGTERM. Prints its URL on stdout.\n"
        "Modes: %1 (default good).\n"
        "  good          the answer for a photo in --fixtures DIR (NNNN.jpg + NNNN.json), else a fixed answer\n"
        "  error500      500 {\"detail\": ...}\n"
        "  garbage       200 with something that is not the expected JSON (a different kind each time)\n"
        "  hang          accepts the upload and never answers\n"
        "  slow          good, after --slow-ms N (default 3000)\n"
        "  unauthorized  401 unless the request carries --token T\n")
        .arg(kiosk::sim::AiBrainSimulator::modeNames().join(QStringLiteral(", ")));
}

int fail(const QString &message)
{
    QTextStream(stderr) << "kilo-kiosk: error: ai-brain-sim: " << message << '\n';
    return 1;
}

} // namespace

kiosk::cli::Subcommand aiBrainSimCommand()
{
    return {QStringLiteral("ai-brain-sim"), QStringLiteral("run the AI Brain simulator (modes good, error500, garbage, hang, slow, unauthorized)"),
            [](const QStringList &arguments) -> int {
                using kiosk::sim::AiBrainSimulator;
                QString address = QStringLiteral("127.0.0.1");
                int port = 0;
                AiBrainSimulator::Mode mode = AiBrainSimulator::Mode::Good;
                AiBrainSimulator::HealthMode health = AiBrainSimulator::HealthMode::Ok;
                int slowMs = 3000;
                QString token;
                QString fixtures;
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
                    static const QStringList valued = {QStringLiteral("--port"), QStringLiteral("--address"), QStringLiteral("--mode"),
                                                       QStringLiteral("--slow-ms"), QStringLiteral("--token"), QStringLiteral("--health"),
                                                       QStringLiteral("--fixtures")};
                    if (!valued.contains(name))
                        return fail(QStringLiteral("unknown option %1 (see kilo-kiosk ai-brain-sim --help)").arg(arg));
                    if (!inlineValue) {
                        if (i + 1 >= arguments.size())
                            return fail(QStringLiteral("%1 needs a value").arg(name));
                        value = arguments.at(++i);
                    }
                    bool ok = true;
                    if (name == QLatin1String("--port")) {
                        port = value.toInt(&ok);
                        ok = ok && port >= 0 && port <= 65535;
                    } else if (name == QLatin1String("--address")) {
                        address = value;
                    } else if (name == QLatin1String("--mode")) {
                        const auto parsed = AiBrainSimulator::parseMode(value);
                        if (!parsed)
                            return fail(QStringLiteral("unknown mode \"%1\" (known: %2)")
                                            .arg(value, AiBrainSimulator::modeNames().join(QStringLiteral(", "))));
                        mode = *parsed;
                    } else if (name == QLatin1String("--slow-ms")) {
                        slowMs = value.toInt(&ok);
                        ok = ok && slowMs >= 0;
                    } else if (name == QLatin1String("--token")) {
                        token = value;
                        ok = !value.isEmpty();
                    } else if (name == QLatin1String("--health")) {
                        if (value == QLatin1String("ok"))
                            health = AiBrainSimulator::HealthMode::Ok;
                        else if (value == QLatin1String("down"))
                            health = AiBrainSimulator::HealthMode::Down;
                        else if (value == QLatin1String("hang"))
                            health = AiBrainSimulator::HealthMode::Hang;
                        else
                            ok = false;
                    } else if (name == QLatin1String("--fixtures")) {
                        fixtures = value;
                    }
                    if (!ok)
                        return fail(QStringLiteral("invalid value for %1: \"%2\"").arg(name, value));
                }
                const QHostAddress host(address);
                if (host.isNull())
                    return fail(QStringLiteral("--address must be an IP address, got \"%1\"").arg(address));

                AiBrainSimulator simulator;
                simulator.setMode(mode);
                simulator.setHealthMode(health);
                simulator.setSlowDelayMs(slowMs);
                simulator.setToken(token);
                QTextStream err(stderr);
                if (!fixtures.isEmpty()) {
                    const int n = simulator.loadFixtureDir(fixtures);
                    if (n == 0)
                        return fail(QStringLiteral("no fixtures (NNNN.jpg with NNNN.json) in %1").arg(fixtures));
                    err << "kilo-kiosk: recognises " << n << " fixture photos from " << fixtures << '\n';
                }
                if (!simulator.listen(host, quint16(port)))
                    return fail(simulator.errorString());
                QTextStream out(stdout);
                out << simulator.url().toString() << Qt::endl;
                err << "kilo-kiosk: AI Brain simulator in mode " << AiBrainSimulator::modeName(mode)
                    << "; try: kilo-kiosk ocr --engine ai-brain --ai-brain " << simulator.url().toString()
                    << " PHOTO.jpg   (stop with Ctrl+C)\n";
                err.flush();
                QObject::connect(&simulator, &AiBrainSimulator::requestHandled, qApp,
                                 [](const QString &method, const QString &path, int status) {
                                     QTextStream(stderr) << "kilo-kiosk: " << method << ' ' << path << " -> " << status << '\n';
                                 });

                const auto status = kiosk::cli::runUntilTerminated();
                simulator.close();
                if (!status)
                    return fail(QStringLiteral("cannot set up signal handling"));
                err << "kilo-kiosk: AI Brain simulator stopped\n";
                return *status;
            }};
}
