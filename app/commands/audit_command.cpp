#include "commands/audit_command.h"

#include "cli/cli_output.h"
#include "cli/subcommand_parser.h"
#include "security/audit_log.h"

#include <QJsonObject>
#include <QTextStream>

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;

kiosk::cli::Subcommand auditCommand() {
    return {
        QStringLiteral("audit"),
        QStringLiteral("administrator actions recorded on this kiosk: audit [--json] [--last N]"),
        [](const QStringList &arguments) {
            SubcommandParser parser(QStringLiteral("audit"));
            parser.setDescription(
                QStringLiteral("The administrator actions recorded on this kiosk, newest first."));
            parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines, newest first")});
            parser.addOption({QStringLiteral("last"),
                              QStringLiteral("how many entries (default 50)"), QStringLiteral("n"),
                              QStringLiteral("50")});
            if (const auto status = parser.parseOrExit(arguments))
                return *status;
            bool ok = false;
            const int last = parser.value(QStringLiteral("last")).toInt(&ok);
            if (!ok || last <= 0)
                return CliOutput::fail(QStringLiteral("--last needs a positive number"),
                                       SubcommandParser::kUsageError);
            const bool json = parser.isSet(QStringLiteral("json"));
            const kiosk::security::AuditLog log;
            QTextStream out(stdout);
            const auto entries = log.lastEntries(last);
            for (const auto &entry : entries) {
                if (json)
                    CliOutput::printJson(entry.toJson(), false);
                else
                    out << entry.time.toLocalTime().toString(Qt::ISODate) << "  " << entry.actor
                        << "  " << entry.action << "  " << entry.target << "  "
                        << kiosk::security::AuditEntry::outcomeName(entry.outcome)
                        << (entry.detail.isEmpty() ? QString()
                                                   : QStringLiteral("  ") + entry.detail)
                        << '\n';
            }
            if (entries.isEmpty() && !json)
                out << "No administrator actions recorded yet (" << log.filePath() << ").\n";
            return 0;
        }};
}
