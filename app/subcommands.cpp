#include "subcommands.h"

#include "commands/ocr_command.h"
#include "commands/audit_command.h"
#include "commands/cluster_command.h"
#include "commands/meds_command.h"
#include "commands/doses_command.h"
#include "commands/sim_command.h"
#include "commands/ai_brain_sim_command.h"
#include "commands/meds_sim_command.h"

#include <QCoreApplication>
#include <QTextStream>

// Feature commands live in app/commands/<name>_command.{h,cpp}; include and add them below.

namespace {

// `kilo-kiosk version`: the same as --version, for scripts that only pass subcommands.
kiosk::cli::Subcommand versionCommand() {
    return {QStringLiteral("version"), QStringLiteral("print the version and exit"),
            [](const QStringList &) {
                QTextStream(stdout) << QCoreApplication::applicationName() << ' '
                                    << QCoreApplication::applicationVersion() << '\n';
                return 0;
            }};
}

} // namespace

kiosk::cli::CommandRegistry buildCommandRegistry() {
    kiosk::cli::CommandRegistry registry;
    registry.add(versionCommand());
    registry.add(ocrCommand());
    registry.add(medsCommand());
    registry.add(dosesCommand());
    registry.add(clusterCommand());
    registry.add(auditCommand());
    registry.add(simCommand());
    registry.add(aiBrainSimCommand());
    registry.add(medsSimCommand());
    return registry;
}
