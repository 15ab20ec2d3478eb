#include "commands/doses_command.h"
#include "cli/cli_output.h"

#include "meds/dose_tracker.h"
#include "meds/manual_clock.h"
#include "meds/medication_store.h"
#include "meds/refill_estimate.h"
#include "meds/system_clock.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <memory>

using kiosk::meds::DoseEntry;
using kiosk::meds::DoseSlot;
using kiosk::meds::DoseTracker;
using kiosk::meds::Medication;
using kiosk::meds::MedicationStore;

namespace {

const char kUsage[] =
    "Usage: kilo-kiosk doses [--db FILE] COMMAND ...\n"
    "  today [--json]                                   today's doses: given, skipped, missed, due, upcoming\n"
    "  log MED_ID --given|--skipped [--reason TEXT] [--at TIME] [--by NAME] [--force] [--json]\n"
    "                                                   log a dose (MED_ID: the id `meds list` shows, or the UUID);\n"
    "                                                   TIME: HH:MM today or YYYY-MM-DDTHH:MM, local time. Refused\n"
    "                                                   without --force when an as-needed dose is too soon or too many,\n"
    "                                                   or no planned dose is due\n"
    "  history [--med MED_ID] [--days N] [--json]       the log, newest first (default 7 days)\n"
    "--db FILE picks the database (default $KILO_KIOSK_MEDS_DB, else the app data folder).\n"
    "KILO_KIOSK_NOW=ISO-TIME fixes the clock (tests, support); TZ picks the time zone.\n";

constexpr int kFailure = 1;
constexpr int kUsageError = 2;
constexpr int kNeedsConfirmation = 3;

int fail(const QString &message, int status = kFailure)
{
    return kiosk::cli::CliOutput::fail(message, status);
}

void printJson(const QJsonValue &value)
{
    kiosk::cli::CliOutput::printJson(value, true);
}

void printTable(const QList<QStringList> &rows)
{
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
    int run(const QStringList &arguments)
    {
        if (arguments.isEmpty())
            return fail(QStringLiteral("doses needs a command: today, log or history (see kilo-kiosk doses --help)"), kUsageError);
        QCommandLineParser parser;
        parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
        const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("the database"), QStringLiteral("FILE"));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
        const QCommandLineOption given(QStringLiteral("given"), QStringLiteral("the dose was given"));
        const QCommandLineOption skipped(QStringLiteral("skipped"), QStringLiteral("the dose was skipped"));
        const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("why (skipped) or a note"), QStringLiteral("TEXT"));
        const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("when"), QStringLiteral("TIME"));
        const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("the caregiver's first name"), QStringLiteral("NAME"));
        const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("log although too soon or not due"));
        const QCommandLineOption med(QStringLiteral("med"), QStringLiteral("one medication"), QStringLiteral("MED_ID"));
        const QCommandLineOption days(QStringLiteral("days"), QStringLiteral("how many days"), QStringLiteral("N"));
        const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("usage"));
        parser.addOptions({db, json, given, skipped, reason, at, by, force, med, days, help});
        if (!parser.parse(QStringList{QStringLiteral("kilo-kiosk doses")} + arguments))
            return fail(parser.errorText(), kUsageError);
        if (parser.isSet(help) || parser.positionalArguments().value(0) == u"help") {
            QTextStream(stdout) << kUsage;
            return 0;
        }
        QStringList positional = parser.positionalArguments();
        if (positional.isEmpty())
            return fail(QStringLiteral("doses needs a command: today, log or history"), kUsageError);
        const QString verb = positional.takeFirst();
        const auto only = [&](const QList<const QCommandLineOption *> &allowed) -> QString {
            for (const QString &name : parser.optionNames()) {
                const bool ok = name == u"db" || std::any_of(allowed.cbegin(), allowed.cend(), [&](const QCommandLineOption *o) {
                                    return o->names().contains(name);
                                });
                if (!ok)
                    return QStringLiteral("--%1 does not go with doses %2").arg(name, verb);
            }
            return {};
        };
        m_dbPath = parser.value(db);
        m_json = parser.isSet(json);
        if (verb == u"today") {
            if (const QString problem = only({&json}); !problem.isEmpty())
                return fail(problem, kUsageError);
            if (!positional.isEmpty())
                return fail(QStringLiteral("unexpected argument %1").arg(positional.first()), kUsageError);
            return today();
        }
        if (verb == u"log") {
            if (const QString problem = only({&json, &given, &skipped, &reason, &at, &by, &force}); !problem.isEmpty())
                return fail(problem, kUsageError);
            if (positional.size() != 1)
                return fail(QStringLiteral("usage: kilo-kiosk doses log MED_ID --given|--skipped [--reason TEXT] [--at TIME] [--by NAME] [--force]"), kUsageError);
            if (parser.isSet(given) == parser.isSet(skipped))
                return fail(QStringLiteral("say --given or --skipped (one of them)"), kUsageError);
            return log(positional.first(), parser.isSet(given), parser.value(reason), parser.value(at), parser.value(by), parser.isSet(force));
        }
        if (verb == u"history") {
            if (const QString problem = only({&json, &med, &days}); !problem.isEmpty())
                return fail(problem, kUsageError);
            if (!positional.isEmpty())
                return fail(QStringLiteral("unexpected argument %1").arg(positional.first()), kUsageError);
            int dayCount = 7;
            if (parser.isSet(days)) {
                bool ok = false;
                dayCount = parser.value(days).toInt(&ok);
                if (!ok || dayCount < 1 || dayCount > 3660)
                    return fail(QStringLiteral("--days must be a whole number from 1 to 3660, not \"%1\"").arg(parser.value(days)), kUsageError);
            }
            return history(parser.value(med), dayCount);
        }
        return fail(QStringLiteral("unknown doses command \"%1\" (today, log, history)").arg(verb), kUsageError);
    }

private:
    bool open(QString *error)
    {
        m_store = std::make_unique<MedicationStore>(m_dbPath.isEmpty() ? MedicationStore::defaultDatabasePath() : m_dbPath);
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

    std::optional<Medication> findMedication(const QString &idOrUuid, QString *error)
    {
        bool numeric = false;
        const qint64 id = idOrUuid.toLongLong(&numeric);
        std::optional<Medication> found = numeric ? m_store->get(id, error) : m_store->readByUuid(idOrUuid, error);
        if (!found && error->isEmpty())
            *error = QStringLiteral("there is no medication %1 (see kilo-kiosk meds list)").arg(idOrUuid);
        return found;
    }

    int today()
    {
        QString error;
        if (!open(&error))
            return fail(error);
        const auto daySlots = m_tracker->today(&error);
        if (!daySlots)
            return fail(error);
        const QDateTime now = m_clock->localNow();
        if (m_json) {
            QJsonArray rows;
            for (const DoseSlot &slot : *daySlots)
                rows.append(m_tracker->slotJson(slot));
            printJson(QJsonObject{{QStringLiteral("date"), now.date().toString(Qt::ISODate)},
                                  {QStringLiteral("time_zone"), QString::fromUtf8(m_clock->timeZone().id())},
                                  {QStringLiteral("now"), m_clock->now().toString(Qt::ISODate)},
                                  {QStringLiteral("doses"), rows}});
            return 0;
        }
        QTextStream(stdout) << QStringLiteral("Today, %1 (%2)\n")
                                   .arg(now.date().toString(QStringLiteral("dddd d MMMM yyyy")), QString::fromUtf8(m_clock->timeZone().id()));
        if (daySlots->isEmpty()) {
            QTextStream(stdout) << "No doses today.\n";
            return 0;
        }
        QList<QStringList> rows{{QStringLiteral("TIME"), QStringLiteral("ID"), QStringLiteral("MEDICATION"), QStringLiteral("STATUS"),
                                 QStringLiteral("DETAILS")}};
        for (const DoseSlot &slot : *daySlots) {
            rows.append({m_tracker->timeText(slot), slot.medication.id > 0 ? QString::number(slot.medication.id) : QStringLiteral("-"),
                         slot.medication.title(), DoseSlot::statusName(slot.status), m_tracker->detailText(slot)});
        }
        printTable(rows);
        return 0;
    }

    // HH:MM (today; yesterday when that is still to come), or a full local date and time.
    std::optional<QDateTime> parseTime(const QString &text, QString *error) const
    {
        const QString trimmed = text.trimmed();
        const QTimeZone zone = m_clock->timeZone();
        QTime time = QTime::fromString(trimmed, QStringLiteral("H:mm"));
        if (time.isValid()) {
            QDateTime moment = kiosk::meds::DosePlanner::atWallTime(m_clock->today(), time, zone);
            if (moment > m_clock->now().addSecs(5 * 60))
                moment = kiosk::meds::DosePlanner::atWallTime(m_clock->today().addDays(-1), time, zone);
            return moment;
        }
        QDateTime full = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (full.isValid()) {
            if (full.timeSpec() == Qt::LocalTime)  // no offset written: the household's wall clock
                return kiosk::meds::DosePlanner::atWallTime(full.date(), full.time(), zone);
            return full.toUTC();
        }
        *error = QStringLiteral("--at \"%1\" is not a time such as 08:05 or 2030-03-31T08:05").arg(text);
        return std::nullopt;
    }

    QJsonObject entryJson(const DoseEntry &entry, const QString &title) const
    {
        QJsonObject out = entry.toServiceJson();
        out.insert(QStringLiteral("medication"), title);
        out.insert(QStringLiteral("local_time"), entry.at.toTimeZone(m_clock->timeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        out.insert(QStringLiteral("planned"), entry.scheduledAt.isValid()
                                                  ? QJsonValue(entry.scheduledAt.toTimeZone(m_clock->timeZone()).toString(QStringLiteral("HH:mm")))
                                                  : QJsonValue());
        return out;
    }

    int log(const QString &medication, bool given, const QString &reason, const QString &atText, const QString &by, bool force)
    {
        QString error;
        if (!open(&error))
            return fail(error);
        const auto record = findMedication(medication, &error);
        if (!record)
            return fail(error);
        DoseTracker::LogRequest request;
        request.medicationUuid = record->uuid;
        request.status = given ? DoseEntry::Status::Given : DoseEntry::Status::Skipped;
        request.reason = reason;
        request.givenBy = by;
        request.force = force;
        if (!atText.isEmpty()) {
            const auto when = parseTime(atText, &error);
            if (!when)
                return fail(error, kUsageError);
            request.at = *when;
        }
        const auto result = m_tracker->logDose(request);
        if (!result.ok()) {
            if (result.needsConfirmation())
                return fail(result.message + QStringLiteral(" (add --force to log it anyway)"), kNeedsConfirmation);
            return fail(result.message);
        }
        if (m_json) {
            printJson(entryJson(*result.entry, record->title()));
            return 0;
        }
        const DoseEntry &entry = *result.entry;
        QTextStream(stdout) << QStringLiteral("Logged: %1 %2 at %3%4%5.\n")
                                   .arg(record->title(), DoseEntry::statusName(entry.status), m_tracker->describeMoment(entry.at),
                                        entry.scheduledAt.isValid()
                                            ? QStringLiteral(" (the %1 dose)").arg(entry.scheduledAt.toTimeZone(m_clock->timeZone()).toString(QStringLiteral("HH:mm")))
                                            : QString(),
                                        entry.givenBy.isEmpty() ? QString() : QStringLiteral(" by %1").arg(entry.givenBy));
        return 0;
    }

    int history(const QString &medication, int days)
    {
        QString error;
        if (!open(&error))
            return fail(error);
        QString uuid;
        if (!medication.isEmpty()) {
            const auto record = findMedication(medication, &error);
            if (!record)
                return fail(error);
            uuid = record->uuid;
        }
        const auto entries = m_tracker->history(uuid, days, &error);
        if (!entries)
            return fail(error);
        const auto records = m_store->list(&error);
        if (!records)
            return fail(error);
        QHash<QString, QString> titles;
        for (const Medication &m : *records)
            titles.insert(m.uuid, m.title());
        const auto titleOf = [&](const QString &medUuid) { return titles.value(medUuid, QStringLiteral("(no longer on the list)")); };
        if (m_json) {
            QJsonArray array;
            for (const DoseEntry &entry : *entries)
                array.append(entryJson(entry, titleOf(entry.medicationUuid)));
            printJson(array);
            return 0;
        }
        if (entries->isEmpty()) {
            QTextStream(stdout) << QStringLiteral("No doses logged in the last %1 day(s).\n").arg(days);
            return 0;
        }
        QList<QStringList> rows{{QStringLiteral("WHEN"), QStringLiteral("MEDICATION"), QStringLiteral("PLANNED"), QStringLiteral("STATUS"),
                                 QStringLiteral("BY"), QStringLiteral("DEVICE"), QStringLiteral("REASON")}};
        for (const DoseEntry &entry : *entries) {
            rows.append({entry.at.toTimeZone(m_clock->timeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")), titleOf(entry.medicationUuid),
                         entry.scheduledAt.isValid() ? entry.scheduledAt.toTimeZone(m_clock->timeZone()).toString(QStringLiteral("HH:mm"))
                                                     : QStringLiteral("-"),
                         DoseEntry::statusName(entry.status), entry.givenBy.isEmpty() ? QStringLiteral("-") : entry.givenBy,
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

kiosk::cli::Subcommand dosesCommand()
{
    return {QStringLiteral("doses"), QStringLiteral("today's doses, log a dose given or skipped, and the dose history"),
            [](const QStringList &arguments) { return DosesCli().run(arguments); }};
}
