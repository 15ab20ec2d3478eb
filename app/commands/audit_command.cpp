#include "commands/audit_command.h"

#include "security/audit_log.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

kiosk::cli::Subcommand auditCommand()
{
    return {QStringLiteral("audit"), QStringLiteral("administrator actions recorded on this kiosk: audit [--json] [--last N]"),
            [](const QStringList &arguments) {
                QCommandLineParser parser;
                parser.addHelpOption();
                parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines, newest first")});
                parser.addOption({QStringLiteral("last"), QStringLiteral("how many entries (default 50)"), QStringLiteral("n"), QStringLiteral("50")});
                if (!parser.parse(QStringList{QStringLiteral("kilo-kiosk audit")} + arguments)) {
                    QTextStream(stderr) << "kilo-kiosk: error: " << parser.errorText() << '\n';
                    return 2;
                }
                if (parser.isSet(QStringLiteral("help"))) {
                    QTextStream(stdout) << parser.helpText();
                    return 0;
                }
                bool ok = false;
                const int last = parser.value(QStringLiteral("last")).toInt(&ok);
                if (!ok || last <= 0) {
                    QTextStream(stderr) << "kilo-kiosk: error: --last needs a positive number\n";
                    return 2;
                }
                const kiosk::security::AuditLog log;
                QTextStream out(stdout);
                const auto entries = log.lastEntries(last);
                for (const auto &entry : entries) {
                    if (parser.isSet(QStringLiteral("json")))
                        out << QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) << '\n';
                    else
                        out << entry.time.toLocalTime().toString(Qt::ISODate) << "  " << entry.actor << "  " << entry.action << "  "
                            << entry.target << "  " << kiosk::security::AuditEntry::outcomeName(entry.outcome)
                            << (entry.detail.isEmpty() ? QString() : QStringLiteral("  ") + entry.detail) << '\n';
                }
                if (entries.isEmpty() && !parser.isSet(QStringLiteral("json")))
                    out << "No administrator actions recorded yet (" << log.filePath() << ").\n";
                return 0;
            }};
}
