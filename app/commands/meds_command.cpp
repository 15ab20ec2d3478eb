#include "commands/meds_command.h"
#include "cli/cli_output.h"

#include "meds/dose_log.h"
#include "meds/dose_planner.h"
#include "meds/medication.h"
#include "meds/medication_exporter.h"
#include "meds/medication_store.h"
#include "meds/medication_validator.h"
#include "meds/sync_ledger.h"
#include "meds/sync_payload.h"
#include "sync/medication_sync.h"
#include "sync/service_config.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

#include <cstdio>
#include <optional>

using kiosk::meds::DosePlanner;
using kiosk::meds::Medication;
using kiosk::meds::MedicationExporter;
using kiosk::meds::MedicationStore;

namespace {

const char kUsage[] =
    "Usage: kilo-kiosk meds [--db FILE] COMMAND ...\n"
    "  list [--active|--stopped] [--search TEXT] [--json]   the medications (JSON: an array)\n"
    "  show ID [--json]                                    one medication\n"
    "  add --json FILE|- [--photo IMAGE] [--allow-duplicate]\n"
    "                                                      store one record in the shape of `ocr --json`;\n"
    "                                                      prints the stored record with its id\n"
    "  edit ID (--json FILE|- | --set FIELD=VALUE...) [--photo IMAGE] [--json-output]\n"
    "  stop ID | resume ID                                 mark as stopped / taken again\n"
    "  delete ID [--json]                                  delete the record and its photo\n"
    "  import --json FILE|- [--allow-duplicate]            many records: JSON Lines or a JSON array (as\n"
    "                                                      `export --json` writes); all are checked first,\n"
    "                                                      then each is saved and printed as one line\n"
    "  export (--csv [FILE] | --json [FILE] | --pdf FILE)  the whole list (stdout when no FILE)\n"
    "  check                                               PRAGMA integrity_check of the database\n"
    "  sync [--service URL] [--json]                       one round with the household's medication service:\n"
    "                                                      push the changes made here, then pull the others;\n"
    "                                                      prints {\"pushed\": N, \"pulled\": N, \"conflicts\": N}\n"
    "  service [--url URL [--token-stdin | --no-token]] [--json]\n"
    "                                                      show or save the service's address (token to the keychain)\n"
    "  conflicts [--json]                                  records changed here and on another device, both versions\n"
    "  resolve ID|UUID --keep local|remote                 settle a conflict with one of the two versions\n"
    "--db FILE picks the database (default $KILO_KIOSK_MEDS_DB, else the app data folder).\n";

constexpr int kFailure = 1;
constexpr int kUsageError = 2;

int fail(const QString &message, int status = kFailure)
{
    return kiosk::cli::CliOutput::fail(message, status);
}

void warn(const QString &message)
{
    QTextStream(stderr) << "kilo-kiosk: warning: " << message << '\n';
}

void printJson(const QJsonValue &value, bool indented)
{
    kiosk::cli::CliOutput::printJson(value, indented);
}

// The arguments of one command: flags, options with a value, and positionals, in any order.
struct Arguments {
    QStringList positional;
    QStringList flags;
    QMultiHash<QString, QString> options;
    QString error;

    bool has(const QString &flag) const { return flags.contains(flag); }
    QString value(const QString &option) const { return options.value(option); }

    static Arguments parse(const QStringList &args, const QStringList &flagNames, const QStringList &optionNames,
                           const QStringList &optionalValueNames = {})
    {
        Arguments parsed;
        for (int i = 0; i < args.size(); ++i) {
            const QString &arg = args[i];
            QString name = arg;
            QString inlineValue;
            bool hasInline = false;
            if (arg.startsWith(QStringLiteral("--")) && arg.contains(u'=')) {
                name = arg.section(u'=', 0, 0);
                inlineValue = arg.section(u'=', 1);
                hasInline = true;
            }
            if (flagNames.contains(name) && !hasInline) {
                parsed.flags.append(name);
            } else if (optionNames.contains(name)) {
                if (hasInline) {
                    parsed.options.insert(name, inlineValue);
                } else if (i + 1 < args.size()) {
                    parsed.options.insert(name, args[++i]);
                } else {
                    parsed.error = QStringLiteral("%1 needs a value").arg(name);
                    return parsed;
                }
            } else if (optionalValueNames.contains(name)) {
                parsed.flags.append(name);
                if (hasInline)
                    parsed.options.insert(name, inlineValue);
                else if (i + 1 < args.size() && (!args[i + 1].startsWith(u'-') || args[i + 1] == u"-"))
                    parsed.options.insert(name, args[++i]);
            } else if (arg.startsWith(u'-') && arg != u"-") {
                parsed.error = QStringLiteral("unknown option %1").arg(arg);
                return parsed;
            } else {
                parsed.positional.append(arg);
            }
        }
        return parsed;
    }
};

std::optional<qint64> parseId(const QStringList &positional, QString *error)
{
    if (positional.isEmpty()) {
        *error = QStringLiteral("which medication? Give its id (see `kilo-kiosk meds list`)");
        return std::nullopt;
    }
    if (positional.size() > 1) {
        *error = QStringLiteral("unexpected argument %1").arg(positional.at(1));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = positional.first().toLongLong(&ok);
    if (!ok || id <= 0) {
        *error = QStringLiteral("\"%1\" is not a medication id (a positive number)").arg(positional.first());
        return std::nullopt;
    }
    return id;
}

std::optional<QByteArray> readInput(const QString &source, QString *error)
{
    QByteArray data;
    if (source == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read standard input");
            return std::nullopt;
        }
        data = in.readAll();
    } else {
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(source, in.errorString());
            return std::nullopt;
        }
        data = in.readAll();
    }
    return data;
}

// Reads a JSON object from a file or "-" (stdin).
std::optional<QJsonObject> readObject(const QString &source, QString *error)
{
    const auto input = readInput(source, error);
    if (!input)
        return std::nullopt;
    const QByteArray &data = *input;
    const QString where = source == u"-" ? QStringLiteral("standard input") : source;
    if (data.trimmed().isEmpty()) {
        *error = QStringLiteral("%1 is empty: expected one JSON object").arg(where);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not one JSON object: %2 at offset %3")
                     .arg(where, parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1 holds a JSON %2, expected one object (one record)")
                     .arg(where, document.isArray() ? QStringLiteral("array") : QStringLiteral("value"));
        return std::nullopt;
    }
    return document.object();
}

QString nextDoseText(const Medication &m)
{
    if (!m.active)
        return QStringLiteral("-");
    if (m.asNeeded)
        return QStringLiteral("when needed");
    const QDateTime next = DosePlanner().nextDose(m, QDateTime::currentDateTime());
    if (!next.isValid())
        return QStringLiteral("-");
    const QDate today = QDate::currentDate();
    const QString time = next.time().toString(QStringLiteral("HH:mm"));
    if (next.date() == today)
        return QStringLiteral("today %1").arg(time);
    if (next.date() == today.addDays(1))
        return QStringLiteral("tomorrow %1").arg(time);
    return next.toString(QStringLiteral("ddd d MMM HH:mm"));
}

void printTable(const QList<Medication> &records)
{
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("MEDICATION"), QStringLiteral("SCHEDULE"),
                             QStringLiteral("NEXT DOSE"), QStringLiteral("STATUS")}};
    for (const Medication &m : records) {
        rows.append({QString::number(m.id), m.title(), m.schedule, nextDoseText(m),
                     m.active ? QStringLiteral("active") : QStringLiteral("stopped")});
    }
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

void printDetails(const Medication &m)
{
    QTextStream out(stdout);
    const auto line = [&out](const char *label, const QString &value) {
        if (!value.isEmpty())
            out << QString::fromLatin1(label).leftJustified(14) << value << '\n';
    };
    line("id", QString::number(m.id));
    line("medication", m.title());
    line("form", m.dosageForm);
    line("schedule", m.schedule);
    const QList<QTime> times = DosePlanner().dueTimes(m, QDate::currentDate());
    QStringList due;
    for (const QTime &time : times)
        due.append(time.toString(QStringLiteral("HH:mm")));
    line("due today", due.join(QStringLiteral(", ")));
    line("next dose", nextDoseText(m));
    line("instructions", m.instructions);
    line("prescriber", m.prescriber);
    line("quantity", m.quantity ? QString::number(*m.quantity) : QString());
    line("refills", m.refills ? QString::number(*m.refills) : QString());
    line("rx number", m.rxNumber);
    line("pharmacy", m.pharmacy);
    line("patient", m.patient);
    line("date", m.date.isValid() ? m.date.toString(Qt::ISODate) : QString());
    line("status", m.active ? QStringLiteral("active")
                            : QStringLiteral("stopped %1").arg(m.stoppedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    line("read by", m.engine);
    line("to review", m.needsReview.join(QStringLiteral(", ")));
    line("photo", m.photoPath);
    line("added", m.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    line("updated", m.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

bool writeOutput(const QString &file, const QByteArray &data, QString *error)
{
    if (file.isEmpty() || file == u"-") {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(data) != data.size()) {
            *error = QStringLiteral("cannot write to standard output");
            return false;
        }
        return true;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

// --set FIELD=VALUE, typed by the field.
bool applySet(const QStringList &assignments, QJsonObject *changes, QString *error)
{
    static const QStringList numbers{QStringLiteral("times_per_day"), QStringLiteral("quantity"), QStringLiteral("refills")};
    static const QStringList booleans{QStringLiteral("as_needed"), QStringLiteral("active")};
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0) {
            *error = QStringLiteral("--set needs FIELD=VALUE, not \"%1\"").arg(assignment);
            return false;
        }
        const QString field = assignment.left(eq).trimmed();
        const QString value = assignment.mid(eq + 1).trimmed();
        if (field == u"confidence" || field == u"needs_review" || !Medication::editableFields().contains(field)) {
            *error = QStringLiteral("%1 cannot be set with --set (fields: %2)")
                         .arg(field, Medication::contractFields().join(QStringLiteral(", ")));
            return false;
        }
        if (numbers.contains(field)) {
            if (value.isEmpty() || value == u"null") {
                changes->insert(field, QJsonValue());
            } else {
                bool ok = false;
                const int number = value.toInt(&ok);
                if (!ok) {
                    *error = QStringLiteral("%1 must be a whole number or null, not \"%2\"").arg(field, value);
                    return false;
                }
                changes->insert(field, number);
            }
        } else if (booleans.contains(field)) {
            const QString lower = value.toLower();
            if (lower == u"true" || lower == u"yes" || lower == u"1")
                changes->insert(field, true);
            else if (lower == u"false" || lower == u"no" || lower == u"0")
                changes->insert(field, false);
            else {
                *error = QStringLiteral("%1 must be true or false, not \"%2\"").arg(field, value);
                return false;
            }
        } else {
            changes->insert(field, value);
        }
    }
    return true;
}

class MedsCli {
public:
    int run(const QStringList &arguments)
    {
        QStringList args = arguments;
        // --db may come before or after the command.
        for (int i = 0; i < args.size(); ++i) {
            if (args[i] == u"--db") {
                if (i + 1 >= args.size())
                    return fail(QStringLiteral("--db needs a file"), kUsageError);
                m_dbPath = args[i + 1];
                args.remove(i, 2);
                --i;
            } else if (args[i].startsWith(QStringLiteral("--db="))) {
                m_dbPath = args[i].mid(5);
                args.remove(i);
                --i;
            }
        }
        if (args.isEmpty())
            return fail(QStringLiteral("meds needs a command: list, show, add, edit, stop, resume, delete, import, export, check, sync, service, conflicts or resolve (see kilo-kiosk meds --help)"),
                        kUsageError);
        if (args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
            QTextStream(stdout) << kUsage;
            return 0;
        }
        const QString verb = args.takeFirst();
        if (verb == u"list")
            return list(args);
        if (verb == u"show")
            return show(args);
        if (verb == u"add")
            return add(args);
        if (verb == u"edit")
            return edit(args);
        if (verb == u"stop" || verb == u"resume")
            return setActive(args, verb == u"resume");
        if (verb == u"delete")
            return remove(args);
        if (verb == u"import")
            return importList(args);
        if (verb == u"export")
            return exportList(args);
        if (verb == u"check")
            return check(args);
        if (verb == u"sync")
            return sync(args);
        if (verb == u"service")
            return service(args);
        if (verb == u"conflicts")
            return conflicts(args);
        if (verb == u"resolve")
            return resolve(args);
        return fail(QStringLiteral("unknown meds command \"%1\" (list, show, add, edit, stop, resume, delete, import, export, check, sync, service, conflicts, resolve)").arg(verb),
                    kUsageError);
    }

private:
    // The store's sentence for a fault of the storage already says nothing was saved.
    QString notSaved(const QString &prefix, const QString &error) const
    {
        switch (m_store ? m_store->lastFault() : kiosk::meds::StoreFault::None) {
        case kiosk::meds::StoreFault::StorageFull:
        case kiosk::meds::StoreFault::ReadOnly:
        case kiosk::meds::StoreFault::Damaged:
        case kiosk::meds::StoreFault::Busy:
        case kiosk::meds::StoreFault::StorageError:
            return error;
        default:
            return QStringLiteral("%1: %2").arg(prefix, error);
        }
    }

    enum Purpose { Writing, Reading };
    // A list that opens read-only (read-only storage, damaged file) is read with a warning
    // saying why; a change to it is refused by the store with the same reason.
    bool openStore(QString *error, Purpose purpose = Writing)
    {
        m_store = std::make_unique<MedicationStore>(m_dbPath.isEmpty() ? MedicationStore::defaultDatabasePath() : m_dbPath);
        if (!m_store->open(error))
            return false;
        if (purpose == Reading && !m_store->readOnlyMessage().isEmpty())
            warn(m_store->readOnlyMessage());
        return true;
    }

    int list(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json"), QStringLiteral("--active"), QStringLiteral("--stopped")},
                                             {QStringLiteral("--search")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        if (parsed.has(QStringLiteral("--active")) && parsed.has(QStringLiteral("--stopped")))
            return fail(QStringLiteral("--active and --stopped exclude each other"), kUsageError);
        QString error;
        if (!openStore(&error, Reading))
            return fail(error);
        const auto records = m_store->list(&error);
        if (!records)
            return fail(error);
        const QString search = parsed.value(QStringLiteral("--search")).trimmed();
        QList<Medication> shown;
        for (const Medication &m : *records) {
            if (parsed.has(QStringLiteral("--active")) && !m.active)
                continue;
            if (parsed.has(QStringLiteral("--stopped")) && m.active)
                continue;
            if (!search.isEmpty() && !m.medicationName.contains(search, Qt::CaseInsensitive)
                && !m.prescriber.contains(search, Qt::CaseInsensitive) && !m.instructions.contains(search, Qt::CaseInsensitive))
                continue;
            shown.append(m);
        }
        if (parsed.has(QStringLiteral("--json"))) {
            QJsonArray array;
            for (const Medication &m : shown)
                array.append(m.toJson());
            printJson(array, true);
        } else if (shown.isEmpty()) {
            QTextStream(stdout) << (records->isEmpty() ? "No medications saved.\n" : "No medication matches.\n");
        } else {
            printTable(shown);
        }
        return 0;
    }

    int show(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json")}, {});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        QString error;
        const auto id = parseId(parsed.positional, &error);
        if (!id)
            return fail(error, kUsageError);
        if (!openStore(&error, Reading))
            return fail(error);
        const auto record = m_store->get(*id, &error);
        if (!record)
            return fail(error);
        if (parsed.has(QStringLiteral("--json")))
            printJson(record->toJson(), true);
        else
            printDetails(*record);
        return 0;
    }

    int add(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--allow-duplicate")},
                                             {QStringLiteral("--json"), QStringLiteral("--photo")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        if (!parsed.options.contains(QStringLiteral("--json")))
            return fail(QStringLiteral("meds add needs --json FILE or --json - (standard input)"), kUsageError);

        QString error;
        const auto object = readObject(parsed.value(QStringLiteral("--json")), &error);
        if (!object)
            return fail(error);
        QStringList problems;
        auto medication = Medication::fromJson(*object, &problems);
        if (!medication)
            return fail(QStringLiteral("the record was not saved: %1").arg(problems.join(QStringLiteral("; "))));
        if (!openStore(&error))
            return fail(error);
        if (!parsed.has(QStringLiteral("--allow-duplicate"))) {
            const auto duplicates = m_store->findDuplicates(*medication, &error);
            if (!duplicates.isEmpty()) {
                const Medication &existing = duplicates.first();
                return fail(QStringLiteral("%1 is already in the list (id %2%3); pass --allow-duplicate to add it anyway")
                                .arg(existing.title()).arg(existing.id)
                                .arg(existing.active ? QString() : QStringLiteral(", stopped")));
            }
        }
        // The label photo: --photo, else the contract's "file" when it is there.
        QString photo = parsed.value(QStringLiteral("--photo"));
        const bool explicitPhoto = !photo.isEmpty();
        if (!explicitPhoto && object->value(QStringLiteral("file")).isString()) {
            photo = object->value(QStringLiteral("file")).toString();
            if (!QFileInfo::exists(photo)) {
                warn(QStringLiteral("the photo %1 was not found; saving without a photo").arg(photo));
                photo.clear();
            }
        }
        std::optional<QString> storedPhoto;
        if (!photo.isEmpty()) {
            storedPhoto = m_store->importPhoto(photo, &error);
            if (!storedPhoto) {
                if (explicitPhoto)
                    return fail(notSaved(QStringLiteral("the record was not saved"), error));
                warn(QStringLiteral("%1; saving without a photo").arg(error));
            } else {
                medication->photoPath = *storedPhoto;
            }
        }
        const auto stored = m_store->add(*medication, &error);
        if (!stored) {
            if (storedPhoto)
                QFile::remove(*storedPhoto);
            return fail(notSaved(QStringLiteral("the record was not saved"), error));
        }
        printJson(stored->toJson(), false);
        return 0;
    }

    int edit(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json-output")},
                                             {QStringLiteral("--json"), QStringLiteral("--set"), QStringLiteral("--photo")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        QString error;
        const auto id = parseId(parsed.positional, &error);
        if (!id)
            return fail(error, kUsageError);
        QJsonObject changes;
        if (parsed.options.contains(QStringLiteral("--json"))) {
            const auto object = readObject(parsed.value(QStringLiteral("--json")), &error);
            if (!object)
                return fail(error);
            changes = *object;
        }
        QStringList sets = parsed.options.values(QStringLiteral("--set"));
        std::reverse(sets.begin(), sets.end());  // QMultiHash hands them back newest first
        if (!applySet(sets, &changes, &error))
            return fail(error, kUsageError);
        const QString photo = parsed.value(QStringLiteral("--photo"));
        if (changes.isEmpty() && photo.isEmpty())
            return fail(QStringLiteral("nothing to change: give --set FIELD=VALUE, --json FILE|- or --photo IMAGE"), kUsageError);
        if (!openStore(&error))
            return fail(error);
        auto record = m_store->get(*id, &error);
        if (!record)
            return fail(error);
        QStringList problems;
        if (!record->applyJson(changes, &problems))
            return fail(QStringLiteral("nothing was changed: %1").arg(problems.join(QStringLiteral("; "))));
        const QString oldPhoto = record->photoPath;
        if (!photo.isEmpty()) {
            const auto storedPhoto = m_store->importPhoto(photo, &error);
            if (!storedPhoto)
                return fail(notSaved(QStringLiteral("nothing was changed"), error));
            record->photoPath = *storedPhoto;
        }
        const auto updated = m_store->update(*record, &error);
        if (!updated) {
            if (record->photoPath != oldPhoto)
                QFile::remove(record->photoPath);
            return fail(notSaved(QStringLiteral("nothing was changed"), error));
        }
        if (updated->photoPath != oldPhoto && !m_store->discardPhoto(oldPhoto, &error))
            warn(error);
        if (parsed.has(QStringLiteral("--json-output")))
            printJson(updated->toJson(), false);
        else
            QTextStream(stdout) << "Updated " << updated->id << ": " << updated->title() << '\n';
        return 0;
    }

    int setActive(const QStringList &args, bool active)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json")}, {});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        QString error;
        const auto id = parseId(parsed.positional, &error);
        if (!id)
            return fail(error, kUsageError);
        if (!openStore(&error))
            return fail(error);
        const auto updated = m_store->setActive(*id, active, &error);
        if (!updated)
            return fail(error);
        if (parsed.has(QStringLiteral("--json")))
            printJson(updated->toJson(), false);
        else
            QTextStream(stdout) << (active ? "Taking again " : "Stopped ") << updated->id << ": " << updated->title() << '\n';
        return 0;
    }

    int remove(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json")}, {});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        QString error;
        const auto id = parseId(parsed.positional, &error);
        if (!id)
            return fail(error, kUsageError);
        if (!openStore(&error))
            return fail(error);
        const auto removed = m_store->remove(*id, &error);
        if (!removed)
            return fail(error);
        if (!m_store->discardPhoto(removed->photoPath, &error))
            warn(error);
        if (parsed.has(QStringLiteral("--json")))
            printJson(removed->toJson(), false);
        else
            QTextStream(stdout) << "Deleted " << removed->id << ": " << removed->title() << '\n';
        return 0;
    }

    int importList(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--allow-duplicate")}, {QStringLiteral("--json")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        if (!parsed.options.contains(QStringLiteral("--json")))
            return fail(QStringLiteral("meds import needs --json FILE or --json - (standard input)"), kUsageError);
        const QString source = parsed.value(QStringLiteral("--json"));
        const QString where = source == u"-" ? QStringLiteral("standard input") : source;
        QString error;
        const auto data = readInput(source, &error);
        if (!data)
            return fail(error);

        // Every record is read and checked before anything is written.
        QList<QJsonObject> objects;
        const QByteArray trimmed = data->trimmed();
        if (trimmed.isEmpty())
            return fail(QStringLiteral("%1 is empty: expected JSON Lines or a JSON array of records").arg(where));
        if (trimmed.startsWith('[')) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return fail(QStringLiteral("%1 is not a JSON array: %2 at offset %3").arg(where, parseError.errorString()).arg(parseError.offset));
            int index = 0;
            for (const QJsonValue &value : document.array()) {
                ++index;
                if (!value.isObject())
                    return fail(QStringLiteral("nothing was imported: record %1 is not an object").arg(index));
                objects.append(value.toObject());
            }
        } else {
            int lineNumber = 0;
            for (const QByteArray &line : data->split('\n')) {
                ++lineNumber;
                if (line.trimmed().isEmpty())
                    continue;
                QJsonParseError parseError;
                const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
                if (parseError.error != QJsonParseError::NoError || !document.isObject())
                    return fail(QStringLiteral("nothing was imported: line %1 of %2 is not one JSON object%3")
                                    .arg(lineNumber).arg(where)
                                    .arg(parseError.error != QJsonParseError::NoError ? QStringLiteral(" (%1)").arg(parseError.errorString()) : QString()));
                objects.append(document.object());
            }
        }
        QList<Medication> records;
        for (qsizetype i = 0; i < objects.size(); ++i) {
            QStringList problems;
            auto medication = Medication::fromJson(objects[i], &problems);
            if (medication) {
                Medication checked = *medication;
                problems = kiosk::meds::MedicationValidator::validate(checked);
            }
            if (!problems.isEmpty())
                return fail(QStringLiteral("nothing was imported: record %1: %2").arg(i + 1).arg(problems.join(QStringLiteral("; "))));
            medication->photoPath.clear();  // photos are not carried by an import
            records.append(*medication);
        }
        if (!openStore(&error))
            return fail(error);
        if (!parsed.has(QStringLiteral("--allow-duplicate"))) {
            for (qsizetype i = 0; i < records.size(); ++i) {
                const auto duplicates = m_store->findDuplicates(records[i], &error);
                if (!duplicates.isEmpty())
                    return fail(QStringLiteral("nothing was imported: record %1, %2, is already in the list (id %3); pass --allow-duplicate to import anyway")
                                    .arg(i + 1).arg(records[i].title()).arg(duplicates.first().id));
                for (qsizetype j = 0; j < i; ++j) {
                    if (MedicationStore::sameDrug(records[i], records[j]) && records[i].dosage.simplified() == records[j].dosage.simplified())
                        return fail(QStringLiteral("nothing was imported: records %1 and %2 are both %3; pass --allow-duplicate to import anyway")
                                        .arg(j + 1).arg(i + 1).arg(records[i].title()));
                }
            }
        }
        // Each record is its own transaction; its line is printed once it is on disk.
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
            return fail(QStringLiteral("cannot write to standard output"));
        for (qsizetype i = 0; i < records.size(); ++i) {
            const auto stored = m_store->add(records[i], &error);
            if (!stored)
                return fail(QStringLiteral("record %1 was not saved (%2 before it were): %3").arg(i + 1).arg(i).arg(error));
            out.write(QJsonDocument(stored->toJson()).toJson(QJsonDocument::Compact) + '\n');
            out.flush();
        }
        return 0;
    }

    int exportList(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {}, {QStringLiteral("--pdf")},
                                             {QStringLiteral("--csv"), QStringLiteral("--json")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        const int formats = int(parsed.has(QStringLiteral("--csv"))) + int(parsed.has(QStringLiteral("--json")))
            + int(parsed.options.contains(QStringLiteral("--pdf")));
        if (formats != 1)
            return fail(QStringLiteral("meds export needs exactly one of --csv [FILE], --json [FILE], --pdf FILE"), kUsageError);
        QString error;
        if (!openStore(&error, Reading))
            return fail(error);
        const auto records = m_store->list(&error);
        if (!records)
            return fail(error);
        if (parsed.options.contains(QStringLiteral("--pdf"))) {
            const QString file = parsed.value(QStringLiteral("--pdf"));
            if (file.isEmpty() || file == u"-")
                return fail(QStringLiteral("--pdf needs a file name"), kUsageError);
            // The last 30 days of the dose log go with the list, for a doctor's visit.
            const auto doses = kiosk::meds::DoseLog(*m_store).entries(
                QDateTime::currentDateTimeUtc().addDays(-MedicationExporter::kDoseLogDays), QDateTime(), QString(), &error);
            if (!doses)
                return fail(error);
            if (!MedicationExporter::writePdf(*records, file, &error, *doses))
                return fail(QStringLiteral("no PDF was written: %1").arg(error));
            QTextStream(stderr) << "Wrote " << records->size() << " medications and " << doses->size() << " logged doses to " << file << '\n';
            return 0;
        }
        QByteArray data;
        QString file;
        if (parsed.has(QStringLiteral("--csv"))) {
            data = MedicationExporter::toCsv(*records);
            file = parsed.value(QStringLiteral("--csv"));
        } else {
            QJsonArray array;
            for (const Medication &m : *records)
                array.append(m.toJson());
            data = QJsonDocument(array).toJson(QJsonDocument::Indented);
            file = parsed.value(QStringLiteral("--json"));
        }
        if (!writeOutput(file, data, &error))
            return fail(error);
        return 0;
    }

    int check(const QStringList &args)
    {
        if (!args.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(args.first()), kUsageError);
        QString error;
        if (!openStore(&error, Reading))
            return fail(error);
        const QString result = m_store->integrityCheck();
        if (result != u"ok")
            return fail(QStringLiteral("the medication database %1 is damaged: %2").arg(m_store->databasePath(), result));
        QTextStream(stdout) << "ok\n";
        return 0;
    }

    int sync(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json")}, {QStringLiteral("--service")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        const auto config = kiosk::sync::ServiceConfig::resolve(parsed.value(QStringLiteral("--service")));
        if (!config.configured())
            return fail(QStringLiteral("no medication service is set: kilo-kiosk meds service --url URL, or meds sync --service URL"));
        if (!config.ok())
            return fail(config.error);
        for (const QString &note : config.notes)
            warn(note);
        QString error;
        if (!openStore(&error))
            return fail(error);
        kiosk::sync::MedicationSync sync(*m_store);
        config.apply(sync.client());
        const auto report = sync.syncBlocking();
        for (const QString &rejected : report.rejected)
            warn(QStringLiteral("kept off this tablet: %1").arg(rejected));
        const auto status = sync.ledger().status();
        if (!report.ok())
            return fail(QStringLiteral("%1; nothing is lost: %2 change(s) stay queued for the next sync").arg(report.error).arg(status.pending));
        if (parsed.has(QStringLiteral("--json"))) {
            printJson(QJsonObject{{QStringLiteral("pushed"), report.pushed},
                                  {QStringLiteral("pulled"), report.pulled},
                                  {QStringLiteral("conflicts"), report.conflicts},
                                  {QStringLiteral("doses_pushed"), report.dosesPushed},
                                  {QStringLiteral("doses_pulled"), report.dosesPulled},
                                  {QStringLiteral("pending"), status.pending},
                                  {QStringLiteral("unresolved_conflicts"), status.conflicts}},
                      false);
        } else {
            QTextStream(stdout) << QStringLiteral("Synced with %1: %2 sent, %3 received, %4 new conflict(s), %5 dose(s) sent, %6 received%7.\n")
                                       .arg(config.url.toString())
                                       .arg(report.pushed)
                                       .arg(report.pulled)
                                       .arg(report.conflicts)
                                       .arg(report.dosesPushed)
                                       .arg(report.dosesPulled)
                                       .arg(status.conflicts > 0 ? QStringLiteral("; %1 to settle (meds conflicts)").arg(status.conflicts) : QString());
        }
        return 0;
    }

    int service(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json"), QStringLiteral("--token-stdin"), QStringLiteral("--no-token")},
                                             {QStringLiteral("--url")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        const bool setting = parsed.options.contains(QStringLiteral("--url"));
        if (!setting && (parsed.has(QStringLiteral("--token-stdin")) || parsed.has(QStringLiteral("--no-token"))))
            return fail(QStringLiteral("--token-stdin and --no-token need --url (the address the token belongs to)"), kUsageError);
        if (parsed.has(QStringLiteral("--token-stdin")) && parsed.has(QStringLiteral("--no-token")))
            return fail(QStringLiteral("--token-stdin and --no-token exclude each other"), kUsageError);
        if (setting) {
            const QUrl url = kiosk::sync::ServiceConfig::normalised(parsed.value(QStringLiteral("--url")));
            QString token;
            if (parsed.has(QStringLiteral("--token-stdin"))) {
                QFile in;
                if (!in.open(stdin, QIODevice::ReadOnly))
                    return fail(QStringLiteral("cannot read standard input"));
                token = QString::fromUtf8(in.read(64 * 1024)).trimmed();
                if (token.isEmpty())
                    return fail(QStringLiteral("--token-stdin: no token on standard input"));
            }
            // The token first: an address is never saved with a token that did not reach the keychain.
            if (!token.isEmpty() && !url.isEmpty()) {
                if (const QString problem = kiosk::sync::ServiceConfig::saveToken(url, token); !problem.isEmpty())
                    return fail(problem);
            } else if (parsed.has(QStringLiteral("--no-token")) && !url.isEmpty()) {
                if (const QString problem = kiosk::sync::ServiceConfig::forgetToken(url); !problem.isEmpty())
                    return fail(problem);
            }
            if (const QString problem = kiosk::sync::ServiceConfig::save(url); !problem.isEmpty())
                return fail(problem);
        }
        const auto config = kiosk::sync::ServiceConfig::resolve();
        for (const QString &note : config.notes)
            warn(note);
        if (parsed.has(QStringLiteral("--json"))) {
            printJson(QJsonObject{{QStringLiteral("url"), config.configured() ? QJsonValue(config.url.toString()) : QJsonValue()},
                                  {QStringLiteral("token"), !config.token.isEmpty()}},
                      false);
        } else if (!config.configured()) {
            QTextStream(stdout) << "No medication service is set: the list stays on this tablet.\n";
        } else {
            QTextStream(stdout) << QStringLiteral("Medication service: %1 (%2)\n")
                                       .arg(config.url.toString(), config.token.isEmpty() ? QStringLiteral("no token") : QStringLiteral("token in the keychain"));
        }
        return 0;
    }

    static QJsonObject conflictJson(const kiosk::meds::SyncConflict &conflict)
    {
        return QJsonObject{{QStringLiteral("uuid"), conflict.uuid},
                           {QStringLiteral("id"), conflict.local ? QJsonValue(conflict.local->id) : QJsonValue()},
                           {QStringLiteral("title"), conflict.title()},
                           {QStringLiteral("fields"), QJsonArray::fromStringList(conflict.fields)},
                           {QStringLiteral("local"), conflict.local ? QJsonValue(conflict.local->toJson()) : QJsonValue()},
                           {QStringLiteral("remote"), conflict.remote},
                           {QStringLiteral("detected_at"), conflict.detectedAt.toUTC().toString(Qt::ISODate)}};
    }

    int conflicts(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {QStringLiteral("--json")}, {});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        if (!parsed.positional.isEmpty())
            return fail(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()), kUsageError);
        QString error;
        if (!openStore(&error))
            return fail(error);
        kiosk::meds::SyncLedger ledger(*m_store);
        const auto all = ledger.conflicts(&error);
        if (!all)
            return fail(error);
        if (parsed.has(QStringLiteral("--json"))) {
            QJsonArray array;
            for (const auto &conflict : *all)
                array.append(conflictJson(conflict));
            printJson(array, true);
            return 0;
        }
        QTextStream out(stdout);
        if (all->isEmpty())
            out << "No conflicts.\n";
        for (const auto &conflict : *all) {
            const QString there = conflict.remoteDevice().isEmpty() ? QStringLiteral("another device") : conflict.remoteDevice();
            QString what;
            if (!conflict.local)
                what = QStringLiteral("deleted here, changed on %1").arg(there);
            else if (kiosk::meds::SyncPayload::isDeleted(conflict.remote))
                what = QStringLiteral("changed here, deleted on %1").arg(there);
            else
                what = QStringLiteral("%1 changed here and on %2").arg(conflict.fields.join(QStringLiteral(", ")), there);
            out << conflict.uuid << "  " << conflict.title() << ": " << what << '\n';
        }
        return 0;
    }

    int resolve(const QStringList &args)
    {
        const auto parsed = Arguments::parse(args, {}, {QStringLiteral("--keep")});
        if (!parsed.error.isEmpty())
            return fail(parsed.error, kUsageError);
        const QString keep = parsed.value(QStringLiteral("--keep"));
        if (parsed.positional.size() != 1 || (keep != u"local" && keep != u"remote"))
            return fail(QStringLiteral("usage: kilo-kiosk meds resolve ID|UUID --keep local|remote"), kUsageError);
        QString error;
        if (!openStore(&error))
            return fail(error);
        kiosk::meds::SyncLedger ledger(*m_store);
        const auto all = ledger.conflicts(&error);
        if (!all)
            return fail(error);
        const QString wanted = parsed.positional.first();
        for (const auto &conflict : *all) {
            if (conflict.uuid == wanted || (conflict.local && QString::number(conflict.local->id) == wanted)) {
                if (!ledger.resolve(conflict.uuid, keep == u"local" ? kiosk::meds::SyncLedger::Keep::Local : kiosk::meds::SyncLedger::Keep::Remote, &error))
                    return fail(error);
                QTextStream(stdout) << (keep == u"local"
                                            ? QStringLiteral("Kept this tablet's version of %1; it goes to the service with the next sync.\n")
                                            : QStringLiteral("Kept the service's version of %1.\n"))
                                           .arg(conflict.title());
                return 0;
            }
        }
        return fail(QStringLiteral("no conflict for %1 (see kilo-kiosk meds conflicts)").arg(wanted));
    }

    QString m_dbPath;
    std::unique_ptr<MedicationStore> m_store;
};

} // namespace

kiosk::cli::Subcommand medsCommand()
{
    return {QStringLiteral("meds"), QStringLiteral("list, add, edit, stop, delete, export and sync medications"),
            [](const QStringList &arguments) { return MedsCli().run(arguments); },
            [](const QStringList &arguments) {
                return arguments.contains(QStringLiteral("export"))
                       && std::any_of(arguments.cbegin(), arguments.cend(),
                                      [](const QString &a) { return a == u"--pdf" || a.startsWith(u"--pdf="); });
            }};
}
