// kilo-kiosk: no subcommand starts the touch UI; a subcommand runs headless on QCoreApplication.
#include "cli/launch_options.h"
#include "openmp_limit.h"
#include "subcommands.h"
#include "ui_main.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

namespace {
void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("Kilo Guardian"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("kilo-guardian.local"));
    QCoreApplication::setApplicationName(QStringLiteral("kilo-kiosk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));
}
} // namespace

int main(int argc, char **argv) {
    describeApplication();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    const kiosk::cli::CommandRegistry registry = buildCommandRegistry();
    QStringList names;
    for (const auto &command : registry.commands())
        names.append(command.name);

    const auto options = kiosk::cli::LaunchOptions::parse(arguments, names);
    switch (options.mode) {
    case kiosk::cli::LaunchOptions::Mode::Version:
        QTextStream(stdout) << "kilo-kiosk " << KIOSK_VERSION << " (Qt " << qVersion() << ")\n";
        return 0;
    case kiosk::cli::LaunchOptions::Mode::Help:
        QTextStream(stdout) << kiosk::cli::LaunchOptions::uiUsage() << '\n' << registry.helpText();
        return 0;
    case kiosk::cli::LaunchOptions::Mode::Error:
        QTextStream(stderr) << "kilo-kiosk: error: " << options.error << '\n';
        return 2;
    case kiosk::cli::LaunchOptions::Mode::Subcommand: {
        if (options.subcommand == QLatin1String("ocr"))
            limitOpenMpThreads(argv);
        const auto command = registry.find(options.subcommand);
        if (command->needsGui && command->needsGui(options.subcommandArgs)) {
            // Still no display: fonts and painting work on the offscreen platform.
            if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            return command->run(options.subcommandArgs);
        }
        QCoreApplication app(argc, argv);
        return command->run(options.subcommandArgs);
    }
    case kiosk::cli::LaunchOptions::Mode::Ui:
        limitOpenMpThreads(argv);
        break;
    }
    return runUi(argc, argv, options);
}
