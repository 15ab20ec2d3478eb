#include "commands/doses_command.h"
#include "cli/cli_output.h"
#include "cli/subcommand_parser.h"

#include "meds/dose_tracker.h"
#include "meds/manual_clock.h"
#include "meds/medication_store.h"
#include "meds/refill_estimate.h"
#include "meds/system_clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <memory>

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;
using kiosk::meds::DoseEntry;
using kiosk::meds::DoseSlot;
using kiosk::meds::DoseTracker;
using kiosk::meds::Medication;
using kiosk::meds::MedicationStore;

namespace {

// The commands of `doses`, as the help of `kilo-kiosk doses --help` lists them.
const char kCommands[] =
    "  today [--json]                                   today's doses: given, skipped, missed, "
    "due, upcoming\n"
    "  log MED_ID --given|--skipped [--reason TEXT] [--at TIME] [--by NAME] [--force] [--json]\n"
    "                                                   log a dose (MED_ID: the id `meds list` "
    "shows, or the UUID);\n"
    "                                                   TIME: HH:MM today or YYYY-MM-DDTHH:MM, "
    "local time. Refused\n"
    "                                                   without --force when an as-needed dose is "
    "too soon or too many,\n"
    "                                                   or no planned dose is due\n"
    "  history [--med MED_ID] [--days N] [--json]       the log, newest first (default 7 days)\n"
    "--db FILE picks the database (default $KILO_KIOSK_MEDS_DB, else the app data folder).\n"
    "KILO_KIOSK_NOW=ISO-TIME fixes the clock (tests, support); TZ picks the time zone.";

constexpr int kUsageError = SubcommandParser::kUsageError;
constexpr int kNeedsConfirmation = 3;

// --db goes before the command or after it: every parser of `doses` takes it.
void addDatabaseOption(SubcommandParser &parser) {
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("the database (default $KILO_KIOSK_MEDS_DB, else the app data folder)"),
         QStringLiteral("FILE")});
}

void addJsonOption(SubcommandParser &parser) {
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output")});
}

void printTable(const QList<QStringList> &rows) {
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QTextStream out(stdout);
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        out << line << '\n';
    }
}

class DosesCli {
public:
    int run(const QStringList &arguments) {
        SubcommandParser parser(QStringLiteral("doses"));
        parser.setSynopsis(QStringLiteral("[--db FILE] COMMAND ..."));
        parser.setDescription(QString::fromLatin1(kCommands));
        addDatabaseOption(parser);
        parser.addPositional(
            QStringLiteral("COMMAND"), QStringLiteral("today, log or history"),
            SubcommandParser::Count::One,
            QStringLiteral("needs a command: today, log or history (see kilo-kiosk doses --help)"));
        parser.addPositional(QStringLiteral("ARGUMENTS"),
                             QStringLiteral("the command's options and arguments"),
                             SubcommandParser::Count::Any);
        parser.setStopAtFirstPositional();
        if (const auto status = parser.parseOrExit(arguments))
            return *status;
        QStringList rest = parser.positionalArguments();
        const QString verb = rest.takeFirst();
        if (verb == u"help") {
            QTextStream(stdout) << parser.helpText();
            return 0;
        }
        m_dbPath = parser.value(QStringLiteral("db"));
        if (verb == u"today")
            return today(rest);
        if (verb == u"log")
            return log(rest);
        if (verb == u"history")
            return history(rest);
        return CliOutput::fail(
            QStringLiteral("unknown doses command \"%1\" (today, log, history)").arg(verb),
            kUsageError);
    }

private:
    // Parses one command's arguments; its --db, when given, wins over one before the command.
    std::optional<int> parseCommand(SubcommandParser &parser, const QStringList &arguments) {
        if (const auto status = parser.parseOrExit(arguments))
            return status;
        if (parser.isSet(QStringLiteral("db")))
            m_dbPath = parser.value(QStringLiteral("db"));
        m_json = parser.isSet(QStringLiteral("json"));
        return std::nullopt;
    }

    bool open(QString *error) {
        m_store = std::make_unique<MedicationStore>(
            m_dbPath.isEmpty() ? MedicationStore::defaultDatabasePath() : m_dbPath);
        if (!m_store->open(error))
            return false;
        const QString fixed = qEnvironmentVariable("KILO_KIOSK_NOW");
        if (!fixed.isEmpty()) {
            const QDateTime now = QDateTime::fromString(fixed, Qt::ISODateWithMs);
            if (!now.isValid()) {
                *error = QStringLiteral("KILO_KIOSK_NOW=\"%1\" is not an ISO 8601 time").arg(fixed);
                return false;
            }
            m_clock = std::make_unique<kiosk::meds::ManualClock>(now);
        } else {
            m_clock = std::make_unique<kiosk::meds::SystemClock>();
        }
        m_tracker = std::make_unique<DoseTracker>(*m_store, *m_clock);
        return true;
    }

    std::optional<Medication> findMedication(const QString &idOrUuid, QString *error) {
        bool numeric = false;
        const qint64 id = idOrUuid.toLongLong(&numeric);
        std::optional<Medication> found =
            numeric ? m_store->get(id, error) : m_store->readByUuid(idOrUuid, error);
        if (!found && error->isEmpty())
            *error = QStringLiteral("there is no medication %1 (see kilo-kiosk meds list)")
                         .arg(idOrUuid);
        return found;
    }

    int today(const QStringList &arguments) {
        SubcommandParser parser(QStringLiteral("doses today"));
        parser.setDescription(
            QStringLiteral("Today's doses: given, skipped, missed, due, upcoming."));
        addDatabaseOption(parser);
        addJsonOption(parser);
        if (const auto status = parseCommand(parser, arguments))
            return *status;
        QString error;
        if (!open(&error))
            return CliOutput::fail(error);
        const auto daySlots = m_tracker->today(&error);
        if (!daySlots)
            return CliOutput::fail(error);
        const QDateTime now = m_clock->localNow();
        if (m_json) {
            QJsonArray rows;
            for (const DoseSlot &slot : *daySlots)
                rows.append(m_tracker->slotJson(slot));
            CliOutput::printJson(
                QJsonObject{
                    {QStringLiteral("date"), now.date().toString(Qt::ISODate)},
                    {QStringLiteral("time_zone"), QString::fromUtf8(m_clock->timeZone().id())},
                    {QStringLiteral("now"), m_clock->now().toString(Qt::ISODate)},
                    {QStringLiteral("doses"), rows}},
                true);
            return 0;
        }
        QTextStream(stdout) << QStringLiteral("Today, %1 (%2)\n")
                                   .arg(now.date().toString(QStringLiteral("dddd d MMMM yyyy")),
                                        QString::fromUtf8(m_clock->timeZone().id()));
        if (daySlots->isEmpty()) {
            QTextStream(stdout) << "No doses today.\n";
            return 0;
        }
        QList<QStringList> rows{{QStringLiteral("TIME"), QStringLiteral("ID"),
                                 QStringLiteral("MEDICATION"), QStringLiteral("STATUS"),
                                 QStringLiteral("DETAILS")}};
        for (const DoseSlot &slot : *daySlots) {
            rows.append(
                {m_tracker->timeText(slot),
                 slot.medication.id > 0 ? QString::number(slot.medication.id) : QStringLiteral("-"),
                 slot.medication.title(), DoseSlot::statusName(slot.status),
                 m_tracker->detailText(slot)});
        }
        printTable(rows);
        return 0;
    }

    // HH:MM (today; yesterday when that is still to come), or a full local date and time.
    std::optional<QDateTime> parseTime(const QString &text, QString *error) const {
        const QString trimmed = text.trimmed();
        const QTimeZone zone = m_clock->timeZone();
        QTime time = QTime::fromString(trimmed, QStringLiteral("H:mm"));
        if (time.isValid()) {
            QDateTime moment = kiosk::meds::DosePlanner::atWallTime(m_clock->today(), time, zone);
            if (moment > m_clock->now().addSecs(5 * 60))
                moment =
                    kiosk::meds::DosePlanner::atWallTime(m_clock->today().addDays(-1), time, zone);
            return moment;
        }
        QDateTime full = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (full.isValid()) {
            if (full.timeSpec() == Qt::LocalTime) // no offset written: the household's wall clock
                return kiosk::meds::DosePlanner::atWallTime(full.date(), full.time(), zone);
            return full.toUTC();
        }
        *error =
            QStringLiteral("--at \"%1\" is not a time such as 08:05 or 2030-03-31T08:05").arg(text);
        return std::nullopt;
    }

    QJsonObject entryJson(const DoseEntry &entry, const QString &title) const {
        QJsonObject out = entry.toServiceJson();
        out.insert(QStringLiteral("medication"), title);
        out.insert(
            QStringLiteral("local_time"),
            entry.at.toTimeZone(m_clock->timeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        out.insert(QStringLiteral("planned"),
                   entry.scheduledAt.isValid()
                       ? QJsonValue(entry.scheduledAt.toTimeZone(m_clock->timeZone())
                                        .toString(QStringLiteral("HH:mm")))
                       : QJsonValue());
        return out;
    }

    int log(const QStringList &arguments) {
        SubcommandParser parser(QStringLiteral("doses log"));
        parser.setDescription(QStringLiteral("Logs a dose given or skipped. Refused without "
                                             "--force when an as-needed dose is too soon\n"
                                             "or too many, or no planned dose is due."));
        addDatabaseOption(parser);
        addJsonOption(parser);
        parser.addOption({QStringLiteral("given"), QStringLiteral("the dose was given")});
        parser.addOption({QStringLiteral("skipped"), QStringLiteral("the dose was skipped")});
        parser.addOption({QStringLiteral("reason"), QStringLiteral("why (skipped) or a note"),
                          QStringLiteral("TEXT")});
        parser.addOption(
            {QStringLiteral("at"),
             QStringLiteral("when: HH:MM today or YYYY-MM-DDTHH:MM, local time (default now)"),
             QStringLiteral("TIME")});
        parser.addOption({QStringLiteral("by"), QStringLiteral("the caregiver's first name"),
                          QStringLiteral("NAME")});
        parser.addOption(
            {QStringLiteral("force"), QStringLiteral("log although too soon or not due")});
        parser.addPositional(QStringLiteral("MED_ID"),
                             QStringLiteral("the id `meds list` shows, or the UUID"));
        if (const auto status = parseCommand(parser, arguments))
            return *status;
        const bool given = parser.isSet(QStringLiteral("given"));
        if (given == parser.isSet(QStringLiteral("skipped")))
            return CliOutput::fail(QStringLiteral("say --given or --skipped (one of them)"),
                                   kUsageError);
        const QString medication = parser.positionalArguments().first();
        const QString reason = parser.value(QStringLiteral("reason"));
        const QString atText = parser.value(QStringLiteral("at"));
        const QString by = parser.value(QStringLiteral("by"));
        const bool force = parser.isSet(QStringLiteral("force"));
        QString error;
        if (!open(&error))
            return CliOutput::fail(error);
        const auto record = findMedication(medication, &error);
        if (!record)
            return CliOutput::fail(error);
        DoseTracker::LogRequest request;
        request.medicationUuid = record->uuid;
        request.status = given ? DoseEntry::Status::Given : DoseEntry::Status::Skipped;
        request.reason = reason;
        request.givenBy = by;
        request.force = force;
        if (!atText.isEmpty()) {
            const auto when = parseTime(atText, &error);
            if (!when)
                return CliOutput::fail(error, kUsageError);
            request.at = *when;
        }
        const auto result = m_tracker->logDose(request);
        if (!result.ok()) {
            if (result.needsConfirmation())
                return CliOutput::fail(result.message +
                                           QStringLiteral(" (add --force to log it anyway)"),
                                       kNeedsConfirmation);
            return CliOutput::fail(result.message);
        }
        if (m_json) {
            CliOutput::printJson(entryJson(*result.entry, record->title()), true);
            return 0;
        }
        const DoseEntry &entry = *result.entry;
        QTextStream(stdout) << QStringLiteral("Logged: %1 %2 at %3%4%5.\n")
                                   .arg(record->title(), DoseEntry::statusName(entry.status),
                                        m_tracker->describeMoment(entry.at),
                                        entry.scheduledAt.isValid()
                                            ? QStringLiteral(" (the %1 dose)")
                                                  .arg(entry.scheduledAt
                                                           .toTimeZone(m_clock->timeZone())
                                                           .toString(QStringLiteral("HH:mm")))
                                            : QString(),
                                        entry.givenBy.isEmpty()
                                            ? QString()
                                            : QStringLiteral(" by %1").arg(entry.givenBy));
        return 0;
    }

    int history(const QStringList &arguments) {
        SubcommandParser parser(QStringLiteral("doses history"));
        parser.setDescription(QStringLiteral("The dose log, newest first."));
        addDatabaseOption(parser);
        addJsonOption(parser);
        parser.addOption({QStringLiteral("med"), QStringLiteral("one medication: its id or UUID"),
                          QStringLiteral("MED_ID")});
        parser.addOption({QStringLiteral("days"), QStringLiteral("how many days (default 7)"),
                          QStringLiteral("N"), QStringLiteral("7")});
        if (const auto status = parseCommand(parser, arguments))
            return *status;
        bool ok = false;
        const int days = parser.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || days < 1 || days > 3660)
            return CliOutput::fail(
                QStringLiteral("--days must be a whole number from 1 to 3660, not \"%1\"")
                    .arg(parser.value(QStringLiteral("days"))),
                kUsageError);
        const QString medication = parser.value(QStringLiteral("med"));
        QString error;
        if (!open(&error))
            return CliOutput::fail(error);
        QString uuid;
        if (!medication.isEmpty()) {
            const auto record = findMedication(medication, &error);
            if (!record)
                return CliOutput::fail(error);
            uuid = record->uuid;
        }
        const auto entries = m_tracker->history(uuid, days, &error);
        if (!entries)
            return CliOutput::fail(error);
        const auto records = m_store->list(&error);
        if (!records)
            return CliOutput::fail(error);
        QHash<QString, QString> titles;
        for (const Medication &m : *records)
            titles.insert(m.uuid, m.title());
        const auto titleOf = [&](const QString &medUuid) {
            return titles.value(medUuid, QStringLiteral("(no longer on the list)"));
        };
        if (m_json) {
            QJsonArray array;
            for (const DoseEntry &entry : *entries)
                array.append(entryJson(entry, titleOf(entry.medicationUuid)));
            CliOutput::printJson(array, true);
            return 0;
        }
        if (entries->isEmpty()) {
            QTextStream(stdout)
                << QStringLiteral("No doses logged in the last %1 day(s).\n").arg(days);
            return 0;
        }
        QList<QStringList> rows{{QStringLiteral("WHEN"), QStringLiteral("MEDICATION"),
                                 QStringLiteral("PLANNED"), QStringLiteral("STATUS"),
                                 QStringLiteral("BY"), QStringLiteral("DEVICE"),
                                 QStringLiteral("REASON")}};
        for (const DoseEntry &entry : *entries) {
            rows.append({entry.at.toTimeZone(m_clock->timeZone())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         titleOf(entry.medicationUuid),
                         entry.scheduledAt.isValid()
                             ? entry.scheduledAt.toTimeZone(m_clock->timeZone())
                                   .toString(QStringLiteral("HH:mm"))
                             : QStringLiteral("-"),
                         DoseEntry::statusName(entry.status),
                         entry.givenBy.isEmpty() ? QStringLiteral("-") : entry.givenBy,
                         entry.device, entry.reason});
        }
        printTable(rows);
        return 0;
    }

    QString m_dbPath;
    bool m_json = false;
    std::unique_ptr<MedicationStore> m_store;
    std::unique_ptr<kiosk::meds::Clock> m_clock;
    std::unique_ptr<DoseTracker> m_tracker;
};

} // namespace

kiosk::cli::Subcommand dosesCommand() {
    return {QStringLiteral("doses"),
            QStringLiteral("today's doses, log a dose given or skipped, and the dose history"),
            [](const QStringList &arguments) { return DosesCli().run(arguments); }};
}
