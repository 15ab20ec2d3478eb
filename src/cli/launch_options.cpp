#include "cli/launch_options.h"

namespace kiosk::cli {

namespace {
// UI options that take a value, and the field each one fills.
QString *valueTarget(LaunchOptions &o, const QString &name) {
    if (name == u"--screenshot-dir")
        return &o.screenshotDir;
    if (name == u"--server")
        return &o.server;
    if (name == u"--kubeconfig")
        return &o.kubeconfig;
    if (name == u"--context")
        return &o.context;
    if (name == u"--namespace" || name == u"-n")
        return &o.nameSpace;
    if (name == u"--lang")
        return &o.language;
    return nullptr;
}

LaunchOptions failure(QString message) {
    LaunchOptions o;
    o.mode = LaunchOptions::Mode::Error;
    o.error = std::move(message);
    return o;
}
} // namespace

LaunchOptions LaunchOptions::parse(const QStringList &arguments,
                                   const QStringList &knownSubcommands) {
    LaunchOptions o;
    // arguments[0] is the program name, as in QCoreApplication::arguments().
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--version" || arg == u"-v") {
            o.mode = Mode::Version;
            return o;
        }
        if (arg == u"--help" || arg == u"-h") {
            o.mode = Mode::Help;
            return o;
        }
        if (arg == u"--demo") {
            o.demo = true;
            continue;
        }
        if (arg == u"--kiosk") {
            o.kiosk = true;
            continue;
        }
        if (arg == u"--large-text") {
            o.largeText = true;
            continue;
        }
        QString name = arg;
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(u"--") && arg.contains(u'=')) {
            name = arg.section(u'=', 0, 0);
            value = arg.section(u'=', 1);
            inlineValue = true;
        }
        if (QString *target = valueTarget(o, name)) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size())
                    return failure(QStringLiteral("option %1 needs a value").arg(name));
                value = arguments.at(++i);
            }
            if (value.isEmpty())
                return failure(QStringLiteral("option %1 needs a value").arg(name));
            *target = value;
            continue;
        }
        if (arg.startsWith(u'-'))
            return failure(QStringLiteral("unknown option '%1' (see --help)").arg(arg));
        if (!knownSubcommands.contains(arg))
            return failure(QStringLiteral("unknown command '%1' (see --help)").arg(arg));
        o.mode = Mode::Subcommand;
        o.subcommand = arg;
        o.subcommandArgs = arguments.mid(i + 1);
        return o;
    }
    if (!o.language.isEmpty() && o.language != u"en" && o.language != u"es")
        return failure(QStringLiteral("option --lang takes en or es, not '%1'").arg(o.language));
    if (o.kiosk && !o.screenshotDir.isEmpty())
        return failure(QStringLiteral("--kiosk and --screenshot-dir cannot be combined"));
    return o;
}

QString LaunchOptions::uiUsage() {
    return QStringLiteral(
        "Usage: kilo-kiosk [OPTIONS]            start the touch UI\n"
        "       kilo-kiosk COMMAND [ARGS...]    run a command headless\n"
        "\n"
        "Options:\n"
        "  --demo                 run against the built-in cluster simulator\n"
        "  --kiosk                full screen, locked down (for the wall tablet)\n"
        "  --screenshot-dir DIR   render every page to DIR/<page>.png and exit\n"
        "  --lang en|es           UI language for this run (default: the Settings choice)\n"
        "  --large-text           larger text (x1.3) for this run (default: the Settings choice)\n"
        "  --server URL           Kubernetes API server URL (plain, e.g. the simulator)\n"
        "  --kubeconfig FILE      kubeconfig file (default: $KUBECONFIG, ~/.kube/config)\n"
        "  --context NAME         kubeconfig context\n"
        "  --namespace NS         namespace (default: the context's, else kilo-guardian)\n"
        "  -h, --help             this help\n"
        "  -v, --version          the version\n");
}

} // namespace kiosk::cli
