#include "commands/meds_command.h"
#include "cli/cli_output.h"
#include "cli/subcommand_parser.h"

#include "meds/dose_log.h"
#include "meds/dose_planner.h"
#include "meds/medication.h"
#include "meds/medication_exporter.h"
#include "meds/medication_search.h"
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

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;
using kiosk::meds::DosePlanner;
using kiosk::meds::Medication;
using kiosk::meds::MedicationExporter;
using kiosk::meds::MedicationStore;

namespace {

// The commands of `meds`, as `kilo-kiosk meds --help` lists them.
const char kCommands[] =
    "  list [--active|--stopped] [--search TEXT] [--json]   the medications (JSON: an array)\n"
    "  show ID [--json]                                    one medication\n"
    "  add --json FILE|- [--photo IMAGE] [--allow-duplicate]\n"
    "                                                      store one record in the shape of `ocr "
    "--json`;\n"
    "                                                      prints the stored record with its id\n"
    "  edit ID (--json FILE|- | --set FIELD=VALUE...) [--photo IMAGE] [--json-output]\n"
    "  stop ID | resume ID                                 mark as stopped / taken again\n"
    "  delete ID [--json]                                  delete the record and its photo\n"
    "  import --json FILE|- [--allow-duplicate]            many records: JSON Lines or a JSON "
    "array (as\n"
    "                                                      `export --json` writes); all are "
    "checked first,\n"
    "                                                      then each is saved and printed as one "
    "line\n"
    "  export (--csv [FILE] | --json [FILE] | --pdf FILE)  the whole list (stdout when no FILE)\n"
    "  check                                               PRAGMA integrity_check of the database\n"
    "  sync [--service URL] [--json]                       one round with the household's "
    "medication service:\n"
    "                                                      push the changes made here, then pull "
    "the others;\n"
    "                                                      prints {\"pushed\": N, \"pulled\": N, "
    "\"conflicts\": N}\n"
    "  service [--url URL [--token-stdin | --no-token]] [--json]\n"
    "                                                      show or save the service's address "
    "(token to the keychain)\n"
    "  conflicts [--json]                                  records changed here and on another "
    "device, both versions\n"
    "  resolve ID|UUID --keep local|remote                 settle a conflict with one of the two "
    "versions\n"
    "--db FILE picks the database (default $KILO_KIOSK_MEDS_DB, else the app data folder).";

constexpr int kUsageError = SubcommandParser::kUsageError;

// --db goes before the command or after it: every parser of `meds` takes it.
void addDatabaseOption(SubcommandParser &parser) {
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("the database (default $KILO_KIOSK_MEDS_DB, else the app data folder)"),
         QStringLiteral("FILE")});
}

void addJsonOption(SubcommandParser &parser,
                   const QString &description = QStringLiteral("JSON output")) {
    parser.addOption({QStringLiteral("json"), description});
}

void addIdArgument(SubcommandParser &parser) {
    parser.addPositional(
        QStringLiteral("ID"), QStringLiteral("the medication's id (see kilo-kiosk meds list)"),
        SubcommandParser::Count::One,
        QStringLiteral("which medication? Give its id (see `kilo-kiosk meds list`)"));
}

std::optional<qint64> parseId(const QString &text, QString *error) {
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        *error = QStringLiteral("\"%1\" is not a medication id (a positive number)").arg(text);
        return std::nullopt;
    }
    return id;
}

std::optional<QByteArray> readInput(const QString &source, QString *error) {
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
std::optional<QJsonObject> readObject(const QString &source, QString *error) {
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
                     .arg(where, parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error =
            QStringLiteral("%1 holds a JSON %2, expected one object (one record)")
                .arg(where, document.isArray() ? QStringLiteral("array") : QStringLiteral("value"));
        return std::nullopt;
    }
    return document.object();
}

QString nextDoseText(const Medication &m) {
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

void printTable(const QList<Medication> &records) {
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("MEDICATION"),
                             QStringLiteral("SCHEDULE"), QStringLiteral("NEXT DOSE"),
                             QStringLiteral("STATUS")}};
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

void printDetails(const Medication &m) {
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
    line("status",
         m.active
             ? QStringLiteral("active")
             : QStringLiteral("stopped %1")
                   .arg(m.stoppedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    line("read by", m.engine);
    line("to review", m.needsReview.join(QStringLiteral(", ")));
    line("photo", m.photoPath);
    line("added", m.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    line("updated", m.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

bool writeOutput(const QString &file, const QByteArray &data, QString *error) {
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
bool applySet(const QStringList &assignments, QJsonObject *changes, QString *error) {
    static const QStringList numbers{QStringLiteral("times_per_day"), QStringLiteral("quantity"),
                                     QStringLiteral("refills")};
    static const QStringList booleans{QStringLiteral("as_needed"), QStringLiteral("active")};
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0) {
            *error = QStringLiteral("--set needs FIELD=VALUE, not \"%1\"").arg(assignment);
            return false;
        }
        const QString field = assignment.left(eq).trimmed();
        const QString value = assignment.mid(eq + 1).trimmed();
        if (field == u"confidence" || field == u"needs_review" ||
            !Medication::editableFields().contains(field)) {
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
                    *error = QStringLiteral("%1 must be a whole number or null, not \"%2\"")
                                 .arg(field, value);
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
    int run(const QStringList &arguments) {
        SubcommandParser parser(QStringLiteral("meds"));
        parser.setSynopsis(QStringLiteral("[--db FILE] COMMAND ..."));
        parser.setDescription(QString::fromLatin1(kCommands));
        addDatabaseOption(parser);
        parser.addPositional(
            QStringLiteral("COMMAND"), QStringLiteral("what to do (see above)"),
            SubcommandParser::Count::One,
            QStringLiteral("needs a command: list, show, add, edit, stop, resume, delete, import, "
                           "export, check, sync, "
                           "service, conflicts or resolve (see kilo-kiosk meds --help)"));
        parser.addPositional(QStringLiteral("ARGUMENTS"),
                             QStringLiteral("the command's options and arguments"),
                             SubcommandParser::Count::Any);
        parser.setStopAtFirstPositional();
        if (const auto status = parser.parseOrExit(arguments))
            return *status;
        m_dbPath = parser.value(QStringLiteral("db"));
        QStringList args = parser.positionalArguments();
        if (args.first() == u"help") {
            QTextStream(stdout) << parser.helpText();
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
        return CliOutput::fail(
            QStringLiteral("unknown meds command \"%1\" (list, show, add, edit, stop, resume, "
                           "delete, import, export, check, sync, service, conflicts, resolve)")
                .arg(verb),
            kUsageError);
    }

private:
    // Parses one command's arguments; its --db, when given, wins over one before the command.
    std::optional<int> parseCommand(SubcommandParser &parser, const QStringList &arguments) {
        addDatabaseOption(parser);
        if (const auto status = parser.parseOrExit(arguments))
            return status;
        if (parser.isSet(QStringLiteral("db")))
            m_dbPath = parser.value(QStringLiteral("db"));
        return std::nullopt;
    }

    // The store's sentence for a fault of the storage already says nothing was saved.
    QString notSaved(const QString &prefix, const QString &error) const {
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
    bool openStore(QString *error, Purpose purpose = Writing) {
        m_store = std::make_unique<MedicationStore>(
            m_dbPath.isEmpty() ? MedicationStore::defaultDatabasePath() : m_dbPath);
        if (!m_store->open(error))
            return false;
        if (purpose == Reading && !m_store->readOnlyMessage().isEmpty())
            CliOutput::warn(m_store->readOnlyMessage());
        return true;
    }

    int list(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds list"));
        parsed.setDescription(QStringLiteral("The medications, as a table or (--json) an array."));
        addJsonOption(parsed);
        parsed.addOption({QStringLiteral("active"), QStringLiteral("only those taken now")});
        parsed.addOption({QStringLiteral("stopped"), QStringLiteral("only those stopped")});
        parsed.addOption(
            {QStringLiteral("search"),
             QStringLiteral("only those that match every word (as on the Medications page)"),
             QStringLiteral("TEXT")});
        if (const auto status = parseCommand(parsed, args))
            return *status;
        if (parsed.isSet(QStringLiteral("active")) && parsed.isSet(QStringLiteral("stopped")))
            return CliOutput::fail(QStringLiteral("--active and --stopped exclude each other"),
                                   kUsageError);
        QString error;
        if (!openStore(&error, Reading))
            return CliOutput::fail(error);
        const auto records = m_store->list(&error);
        if (!records)
            return CliOutput::fail(error);
        const kiosk::meds::MedicationSearch search(parsed.value(QStringLiteral("search")));
        QList<Medication> shown;
        for (const Medication &m : *records) {
            if (parsed.isSet(QStringLiteral("active")) && !m.active)
                continue;
            if (parsed.isSet(QStringLiteral("stopped")) && m.active)
                continue;
            if (!search.matches(m))
                continue;
            shown.append(m);
        }
        if (parsed.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const Medication &m : shown)
                array.append(m.toJson());
            CliOutput::printJson(array, true);
        } else if (shown.isEmpty()) {
            QTextStream(stdout) << (records->isEmpty() ? "No medications saved.\n"
                                                       : "No medication matches.\n");
        } else {
            printTable(shown);
        }
        return 0;
    }

    int show(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds show"));
        parsed.setDescription(QStringLiteral("One medication."));
        addJsonOption(parsed);
        addIdArgument(parsed);
        if (const auto status = parseCommand(parsed, args))
            return *status;
        QString error;
        const auto id = parseId(parsed.positionalArguments().first(), &error);
        if (!id)
            return CliOutput::fail(error, kUsageError);
        if (!openStore(&error, Reading))
            return CliOutput::fail(error);
        const auto record = m_store->get(*id, &error);
        if (!record)
            return CliOutput::fail(error);
        if (parsed.isSet(QStringLiteral("json")))
            CliOutput::printJson(record->toJson(), true);
        else
            printDetails(*record);
        return 0;
    }

    int add(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds add"));
        parsed.setDescription(QStringLiteral("Stores one record in the shape of `ocr --json`; "
                                             "prints the stored record with its id."));
        parsed.addOption({QStringLiteral("json"),
                          QStringLiteral("the record: a file, or - for standard input"),
                          QStringLiteral("FILE|-")});
        parsed.addOption({QStringLiteral("photo"),
                          QStringLiteral("the label photo (default: the record's \"file\")"),
                          QStringLiteral("IMAGE")});
        parsed.addOption(
            {QStringLiteral("allow-duplicate"),
             QStringLiteral("add it although the same drug and strength is on the list")});
        if (const auto status = parseCommand(parsed, args))
            return *status;
        if (!parsed.isSet(QStringLiteral("json")))
            return CliOutput::fail(
                QStringLiteral("meds add needs --json FILE or --json - (standard input)"),
                kUsageError);

        QString error;
        const auto object = readObject(parsed.value(QStringLiteral("json")), &error);
        if (!object)
            return CliOutput::fail(error);
        QStringList problems;
        auto medication = Medication::fromJson(*object, &problems);
        if (!medication)
            return CliOutput::fail(QStringLiteral("the record was not saved: %1")
                                       .arg(problems.join(QStringLiteral("; "))));
        if (!openStore(&error))
            return CliOutput::fail(error);
        if (!parsed.isSet(QStringLiteral("allow-duplicate"))) {
            const auto duplicates = m_store->findDuplicates(*medication, &error);
            if (!duplicates.isEmpty()) {
                const Medication &existing = duplicates.first();
                return CliOutput::fail(
                    QStringLiteral("%1 is already in the list (id %2%3); pass --allow-duplicate to "
                                   "add it anyway")
                        .arg(existing.title())
                        .arg(existing.id)
                        .arg(existing.active ? QString() : QStringLiteral(", stopped")));
            }
        }
        // The label photo: --photo, else the contract's "file" when it is there.
        QString photo = parsed.value(QStringLiteral("photo"));
        const bool explicitPhoto = !photo.isEmpty();
        if (!explicitPhoto && object->value(QStringLiteral("file")).isString()) {
            photo = object->value(QStringLiteral("file")).toString();
            if (!QFileInfo::exists(photo)) {
                CliOutput::warn(QStringLiteral("the photo %1 was not found; saving without a photo")
                                    .arg(photo));
                photo.clear();
            }
        }
        std::optional<QString> storedPhoto;
        if (!photo.isEmpty()) {
            storedPhoto = m_store->importPhoto(photo, &error);
            if (!storedPhoto) {
                if (explicitPhoto)
                    return CliOutput::fail(
                        notSaved(QStringLiteral("the record was not saved"), error));
                CliOutput::warn(QStringLiteral("%1; saving without a photo").arg(error));
            } else {
                medication->photoPath = *storedPhoto;
            }
        }
        const auto stored = m_store->add(*medication, &error);
        if (!stored) {
            if (storedPhoto)
                QFile::remove(*storedPhoto);
            return CliOutput::fail(notSaved(QStringLiteral("the record was not saved"), error));
        }
        CliOutput::printJson(stored->toJson(), false);
        return 0;
    }

    int edit(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds edit"));
        parsed.setSynopsis(QStringLiteral(
            "ID (--json FILE|- | --set FIELD=VALUE...) [--photo IMAGE] [--json-output]"));
        parsed.setDescription(QStringLiteral("Changes fields of one medication."));
        parsed.addOption({QStringLiteral("json"),
                          QStringLiteral("the fields to change: a file, or - for standard input"),
                          QStringLiteral("FILE|-")});
        parsed.addOption({QStringLiteral("set"), QStringLiteral("one field (may be repeated)"),
                          QStringLiteral("FIELD=VALUE")});
        parsed.addOption({QStringLiteral("photo"), QStringLiteral("a new label photo"),
                          QStringLiteral("IMAGE")});
        parsed.addOption(
            {QStringLiteral("json-output"), QStringLiteral("print the changed record as JSON")});
        addIdArgument(parsed);
        if (const auto status = parseCommand(parsed, args))
            return *status;
        QString error;
        const auto id = parseId(parsed.positionalArguments().first(), &error);
        if (!id)
            return CliOutput::fail(error, kUsageError);
        QJsonObject changes;
        if (parsed.isSet(QStringLiteral("json"))) {
            const auto object = readObject(parsed.value(QStringLiteral("json")), &error);
            if (!object)
                return CliOutput::fail(error);
            changes = *object;
        }
        if (!applySet(parsed.values(QStringLiteral("set")), &changes, &error))
            return CliOutput::fail(error, kUsageError);
        const QString photo = parsed.value(QStringLiteral("photo"));
        if (changes.isEmpty() && photo.isEmpty())
            return CliOutput::fail(
                QStringLiteral(
                    "nothing to change: give --set FIELD=VALUE, --json FILE|- or --photo IMAGE"),
                kUsageError);
        if (!openStore(&error))
            return CliOutput::fail(error);
        auto record = m_store->get(*id, &error);
        if (!record)
            return CliOutput::fail(error);
        QStringList problems;
        if (!record->applyJson(changes, &problems))
            return CliOutput::fail(
                QStringLiteral("nothing was changed: %1").arg(problems.join(QStringLiteral("; "))));
        const QString oldPhoto = record->photoPath;
        if (!photo.isEmpty()) {
            const auto storedPhoto = m_store->importPhoto(photo, &error);
            if (!storedPhoto)
                return CliOutput::fail(notSaved(QStringLiteral("nothing was changed"), error));
            record->photoPath = *storedPhoto;
        }
        const auto updated = m_store->update(*record, &error);
        if (!updated) {
            if (record->photoPath != oldPhoto)
                QFile::remove(record->photoPath);
            return CliOutput::fail(notSaved(QStringLiteral("nothing was changed"), error));
        }
        if (updated->photoPath != oldPhoto && !m_store->discardPhoto(oldPhoto, &error))
            CliOutput::warn(error);
        if (parsed.isSet(QStringLiteral("json-output")))
            CliOutput::printJson(updated->toJson(), false);
        else
            QTextStream(stdout) << "Updated " << updated->id << ": " << updated->title() << '\n';
        return 0;
    }

    int setActive(const QStringList &args, bool active) {
        SubcommandParser parsed(active ? QStringLiteral("meds resume")
                                       : QStringLiteral("meds stop"));
        parsed.setDescription(active ? QStringLiteral("Marks a medication as taken again.")
                                     : QStringLiteral("Marks a medication as stopped."));
        addJsonOption(parsed, QStringLiteral("print the record as JSON"));
        addIdArgument(parsed);
        if (const auto status = parseCommand(parsed, args))
            return *status;
        QString error;
        const auto id = parseId(parsed.positionalArguments().first(), &error);
        if (!id)
            return CliOutput::fail(error, kUsageError);
        if (!openStore(&error))
            return CliOutput::fail(error);
        const auto updated = m_store->setActive(*id, active, &error);
        if (!updated)
            return CliOutput::fail(error);
        if (parsed.isSet(QStringLiteral("json")))
            CliOutput::printJson(updated->toJson(), false);
        else
            QTextStream(stdout) << (active ? "Taking again " : "Stopped ") << updated->id << ": "
                                << updated->title() << '\n';
        return 0;
    }

    int remove(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds delete"));
        parsed.setDescription(QStringLiteral("Deletes the record and its photo."));
        addJsonOption(parsed, QStringLiteral("print the deleted record as JSON"));
        addIdArgument(parsed);
        if (const auto status = parseCommand(parsed, args))
            return *status;
        QString error;
        const auto id = parseId(parsed.positionalArguments().first(), &error);
        if (!id)
            return CliOutput::fail(error, kUsageError);
        if (!openStore(&error))
            return CliOutput::fail(error);
        const auto removed = m_store->remove(*id, &error);
        if (!removed)
            return CliOutput::fail(error);
        if (!m_store->discardPhoto(removed->photoPath, &error))
            CliOutput::warn(error);
        if (parsed.isSet(QStringLiteral("json")))
            CliOutput::printJson(removed->toJson(), false);
        else
            QTextStream(stdout) << "Deleted " << removed->id << ": " << removed->title() << '\n';
        return 0;
    }

    int importList(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds import"));
        parsed.setDescription(QStringLiteral("Many records: JSON Lines or a JSON array (as `export "
                                             "--json` writes). All are checked first,\n"
                                             "then each is saved and printed as one line."));
        parsed.addOption({QStringLiteral("json"),
                          QStringLiteral("the records: a file, or - for standard input"),
                          QStringLiteral("FILE|-")});
        parsed.addOption({QStringLiteral("allow-duplicate"),
                          QStringLiteral("import records although they are on the list")});
        if (const auto status = parseCommand(parsed, args))
            return *status;
        if (!parsed.isSet(QStringLiteral("json")))
            return CliOutput::fail(
                QStringLiteral("meds import needs --json FILE or --json - (standard input)"),
                kUsageError);
        const QString source = parsed.value(QStringLiteral("json"));
        const QString where = source == u"-" ? QStringLiteral("standard input") : source;
        QString error;
        const auto data = readInput(source, &error);
        if (!data)
            return CliOutput::fail(error);

        // Every record is read and checked before anything is written.
        QList<QJsonObject> objects;
        const QByteArray trimmed = data->trimmed();
        if (trimmed.isEmpty())
            return CliOutput::fail(
                QStringLiteral("%1 is empty: expected JSON Lines or a JSON array of records")
                    .arg(where));
        if (trimmed.startsWith('[')) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return CliOutput::fail(QStringLiteral("%1 is not a JSON array: %2 at offset %3")
                                           .arg(where, parseError.errorString())
                                           .arg(parseError.offset));
            int index = 0;
            for (const QJsonValue &value : document.array()) {
                ++index;
                if (!value.isObject())
                    return CliOutput::fail(
                        QStringLiteral("nothing was imported: record %1 is not an object")
                            .arg(index));
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
                    return CliOutput::fail(
                        QStringLiteral(
                            "nothing was imported: line %1 of %2 is not one JSON object%3")
                            .arg(lineNumber)
                            .arg(where)
                            .arg(parseError.error != QJsonParseError::NoError
                                     ? QStringLiteral(" (%1)").arg(parseError.errorString())
                                     : QString()));
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
                return CliOutput::fail(QStringLiteral("nothing was imported: record %1: %2")
                                           .arg(i + 1)
                                           .arg(problems.join(QStringLiteral("; "))));
            medication->photoPath.clear(); // photos are not carried by an import
            records.append(*medication);
        }
        if (!openStore(&error))
            return CliOutput::fail(error);
        if (!parsed.isSet(QStringLiteral("allow-duplicate"))) {
            for (qsizetype i = 0; i < records.size(); ++i) {
                const auto duplicates = m_store->findDuplicates(records[i], &error);
                if (!duplicates.isEmpty())
                    return CliOutput::fail(
                        QStringLiteral("nothing was imported: record %1, %2, is already in the "
                                       "list (id %3); pass --allow-duplicate to import anyway")
                            .arg(i + 1)
                            .arg(records[i].title())
                            .arg(duplicates.first().id));
                for (qsizetype j = 0; j < i; ++j) {
                    if (MedicationStore::sameDrug(records[i], records[j]) &&
                        records[i].dosage.simplified() == records[j].dosage.simplified())
                        return CliOutput::fail(
                            QStringLiteral("nothing was imported: records %1 and %2 are both %3; "
                                           "pass --allow-duplicate to import anyway")
                                .arg(j + 1)
                                .arg(i + 1)
                                .arg(records[i].title()));
                }
            }
        }
        // Each record is its own transaction; its line is printed once it is on disk.
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
            return CliOutput::fail(QStringLiteral("cannot write to standard output"));
        for (qsizetype i = 0; i < records.size(); ++i) {
            const auto stored = m_store->add(records[i], &error);
            if (!stored)
                return CliOutput::fail(
                    QStringLiteral("record %1 was not saved (%2 before it were): %3")
                        .arg(i + 1)
                        .arg(i)
                        .arg(error));
            out.write(QJsonDocument(stored->toJson()).toJson(QJsonDocument::Compact) + '\n');
            out.flush();
        }
        return 0;
    }

    int exportList(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds export"));
        parsed.setSynopsis(QStringLiteral("(--csv [FILE] | --json [FILE] | --pdf FILE)"));
        parsed.setDescription(QStringLiteral("The whole list (to standard output when no FILE); "
                                             "the PDF adds the last 30 days of doses."));
        parsed.addOptionalValueOption(QStringLiteral("csv"), QStringLiteral("CSV"),
                                      QStringLiteral("FILE"));
        parsed.addOptionalValueOption(QStringLiteral("json"),
                                      QStringLiteral("a JSON array, as `import` reads it"),
                                      QStringLiteral("FILE"));
        parsed.addOption({QStringLiteral("pdf"),
                          QStringLiteral("a PDF to print for a doctor's visit"),
                          QStringLiteral("FILE")});
        if (const auto status = parseCommand(parsed, args))
            return *status;
        const int formats = int(parsed.isSet(QStringLiteral("csv"))) +
                            int(parsed.isSet(QStringLiteral("json"))) +
                            int(parsed.isSet(QStringLiteral("pdf")));
        if (formats != 1)
            return CliOutput::fail(
                QStringLiteral(
                    "meds export needs exactly one of --csv [FILE], --json [FILE], --pdf FILE"),
                kUsageError);
        QString error;
        if (!openStore(&error, Reading))
            return CliOutput::fail(error);
        const auto records = m_store->list(&error);
        if (!records)
            return CliOutput::fail(error);
        if (parsed.isSet(QStringLiteral("pdf"))) {
            const QString file = parsed.value(QStringLiteral("pdf"));
            if (file.isEmpty() || file == u"-")
                return CliOutput::fail(QStringLiteral("--pdf needs a file name"), kUsageError);
            // The last 30 days of the dose log go with the list, for a doctor's visit.
            const auto doses = kiosk::meds::DoseLog(*m_store).entries(
                QDateTime::currentDateTimeUtc().addDays(-MedicationExporter::kDoseLogDays),
                QDateTime(), QString(), &error);
            if (!doses)
                return CliOutput::fail(error);
            if (!MedicationExporter::writePdf(*records, file, &error, *doses))
                return CliOutput::fail(QStringLiteral("no PDF was written: %1").arg(error));
            QTextStream(stderr) << "Wrote " << records->size() << " medications and "
                                << doses->size() << " logged doses to " << file << '\n';
            return 0;
        }
        QByteArray data;
        QString file;
        if (parsed.isSet(QStringLiteral("csv"))) {
            data = MedicationExporter::toCsv(*records);
            file = parsed.value(QStringLiteral("csv"));
        } else {
            QJsonArray array;
            for (const Medication &m : *records)
                array.append(m.toJson());
            data = QJsonDocument(array).toJson(QJsonDocument::Indented);
            file = parsed.value(QStringLiteral("json"));
        }
        if (!writeOutput(file, data, &error))
            return CliOutput::fail(error);
        return 0;
    }

    int check(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds check"));
        parsed.setDescription(QStringLiteral(
            "PRAGMA integrity_check of the database: prints ok, or fails saying what is damaged."));
        if (const auto status = parseCommand(parsed, args))
            return *status;
        QString error;
        if (!openStore(&error, Reading))
            return CliOutput::fail(error);
        const QString result = m_store->integrityCheck();
        if (result != u"ok")
            return CliOutput::fail(QStringLiteral("the medication database %1 is damaged: %2")
                                       .arg(m_store->databasePath(), result));
        QTextStream(stdout) << "ok\n";
        return 0;
    }

    int sync(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds sync"));
        parsed.setDescription(QStringLiteral("One round with the household's medication service: "
                                             "push the changes made here, then pull\n"
                                             "the others."));
        addJsonOption(
            parsed, QStringLiteral(
                        "print {\"pushed\": N, \"pulled\": N, \"conflicts\": N, ...} on one line"));
        parsed.addOption(
            {QStringLiteral("service"),
             QStringLiteral("the service's address (default: the one saved by meds service)"),
             QStringLiteral("URL")});
        if (const auto status = parseCommand(parsed, args))
            return *status;
        const auto config =
            kiosk::sync::ServiceConfig::resolve(parsed.value(QStringLiteral("service")));
        if (!config.configured())
            return CliOutput::fail(QStringLiteral("no medication service is set: kilo-kiosk meds "
                                                  "service --url URL, or meds sync --service URL"));
        if (!config.ok())
            return CliOutput::fail(config.error);
        for (const QString &note : config.notes)
            CliOutput::warn(note);
        QString error;
        if (!openStore(&error))
            return CliOutput::fail(error);
        kiosk::sync::MedicationSync sync(*m_store);
        config.apply(sync.client());
        const auto report = sync.syncBlocking();
        for (const QString &rejected : report.rejected)
            CliOutput::warn(QStringLiteral("kept off this tablet: %1").arg(rejected));
        const auto status = sync.ledger().status();
        if (!report.ok())
            return CliOutput::fail(
                QStringLiteral("%1; nothing is lost: %2 change(s) stay queued for the next sync")
                    .arg(report.error)
                    .arg(status.pending));
        if (parsed.isSet(QStringLiteral("json"))) {
            CliOutput::printJson(
                QJsonObject{{QStringLiteral("pushed"), report.pushed},
                            {QStringLiteral("pulled"), report.pulled},
                            {QStringLiteral("conflicts"), report.conflicts},
                            {QStringLiteral("doses_pushed"), report.dosesPushed},
                            {QStringLiteral("doses_pulled"), report.dosesPulled},
                            {QStringLiteral("pending"), status.pending},
                            {QStringLiteral("unresolved_conflicts"), status.conflicts}},
                false);
        } else {
            QTextStream(stdout) << QStringLiteral("Synced with %1: %2 sent, %3 received, %4 new "
                                                  "conflict(s), %5 dose(s) sent, %6 received%7.\n")
                                       .arg(config.url.toString())
                                       .arg(report.pushed)
                                       .arg(report.pulled)
                                       .arg(report.conflicts)
                                       .arg(report.dosesPushed)
                                       .arg(report.dosesPulled)
                                       .arg(status.conflicts > 0
                                                ? QStringLiteral("; %1 to settle (meds conflicts)")
                                                      .arg(status.conflicts)
                                                : QString());
        }
        return 0;
    }

    int service(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds service"));
        parsed.setDescription(QStringLiteral(
            "Shows or saves the medication service's address (its token goes to the keychain)."));
        addJsonOption(parsed,
                      QStringLiteral("print {\"url\": ..., \"token\": true|false} on one line"));
        parsed.addOption(
            {QStringLiteral("url"), QStringLiteral("save this address"), QStringLiteral("URL")});
        parsed.addOption({QStringLiteral("token-stdin"),
                          QStringLiteral("read the address's token from standard input")});
        parsed.addOption(
            {QStringLiteral("no-token"), QStringLiteral("forget the address's token")});
        if (const auto status = parseCommand(parsed, args))
            return *status;
        const bool setting = parsed.isSet(QStringLiteral("url"));
        if (!setting && (parsed.isSet(QStringLiteral("token-stdin")) ||
                         parsed.isSet(QStringLiteral("no-token"))))
            return CliOutput::fail(
                QStringLiteral(
                    "--token-stdin and --no-token need --url (the address the token belongs to)"),
                kUsageError);
        if (parsed.isSet(QStringLiteral("token-stdin")) && parsed.isSet(QStringLiteral("no-token")))
            return CliOutput::fail(
                QStringLiteral("--token-stdin and --no-token exclude each other"), kUsageError);
        if (setting) {
            const QUrl url =
                kiosk::sync::ServiceConfig::normalised(parsed.value(QStringLiteral("url")));
            QString token;
            if (parsed.isSet(QStringLiteral("token-stdin"))) {
                QFile in;
                if (!in.open(stdin, QIODevice::ReadOnly))
                    return CliOutput::fail(QStringLiteral("cannot read standard input"));
                token = QString::fromUtf8(in.read(64 * 1024)).trimmed();
                if (token.isEmpty())
                    return CliOutput::fail(
                        QStringLiteral("--token-stdin: no token on standard input"));
            }
            // The token first: an address is never saved with a token that did not reach the
            // keychain.
            if (!token.isEmpty() && !url.isEmpty()) {
                if (const QString problem = kiosk::sync::ServiceConfig::saveToken(url, token);
                    !problem.isEmpty())
                    return CliOutput::fail(problem);
            } else if (parsed.isSet(QStringLiteral("no-token")) && !url.isEmpty()) {
                if (const QString problem = kiosk::sync::ServiceConfig::forgetToken(url);
                    !problem.isEmpty())
                    return CliOutput::fail(problem);
            }
            if (const QString problem = kiosk::sync::ServiceConfig::save(url); !problem.isEmpty())
                return CliOutput::fail(problem);
        }
        const auto config = kiosk::sync::ServiceConfig::resolve();
        for (const QString &note : config.notes)
            CliOutput::warn(note);
        if (parsed.isSet(QStringLiteral("json"))) {
            CliOutput::printJson(
                QJsonObject{{QStringLiteral("url"), config.configured()
                                                        ? QJsonValue(config.url.toString())
                                                        : QJsonValue()},
                            {QStringLiteral("token"), !config.token.isEmpty()}},
                false);
        } else if (!config.configured()) {
            QTextStream(stdout) << "No medication service is set: the list stays on this tablet.\n";
        } else {
            QTextStream(stdout) << QStringLiteral("Medication service: %1 (%2)\n")
                                       .arg(config.url.toString(),
                                            config.token.isEmpty()
                                                ? QStringLiteral("no token")
                                                : QStringLiteral("token in the keychain"));
        }
        return 0;
    }

    static QJsonObject conflictJson(const kiosk::meds::SyncConflict &conflict) {
        return QJsonObject{
            {QStringLiteral("uuid"), conflict.uuid},
            {QStringLiteral("id"), conflict.local ? QJsonValue(conflict.local->id) : QJsonValue()},
            {QStringLiteral("title"), conflict.title()},
            {QStringLiteral("fields"), QJsonArray::fromStringList(conflict.fields)},
            {QStringLiteral("local"),
             conflict.local ? QJsonValue(conflict.local->toJson()) : QJsonValue()},
            {QStringLiteral("remote"), conflict.remote},
            {QStringLiteral("detected_at"), conflict.detectedAt.toUTC().toString(Qt::ISODate)}};
    }

    int conflicts(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds conflicts"));
        parsed.setDescription(
            QStringLiteral("Records changed here and on another device, with both versions."));
        addJsonOption(parsed);
        if (const auto status = parseCommand(parsed, args))
            return *status;
        QString error;
        if (!openStore(&error))
            return CliOutput::fail(error);
        kiosk::meds::SyncLedger ledger(*m_store);
        const auto all = ledger.conflicts(&error);
        if (!all)
            return CliOutput::fail(error);
        if (parsed.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const auto &conflict : *all)
                array.append(conflictJson(conflict));
            CliOutput::printJson(array, true);
            return 0;
        }
        QTextStream out(stdout);
        if (all->isEmpty())
            out << "No conflicts.\n";
        for (const auto &conflict : *all) {
            const QString there = conflict.remoteDevice().isEmpty()
                                      ? QStringLiteral("another device")
                                      : conflict.remoteDevice();
            QString what;
            if (!conflict.local)
                what = QStringLiteral("deleted here, changed on %1").arg(there);
            else if (kiosk::meds::SyncPayload::isDeleted(conflict.remote))
                what = QStringLiteral("changed here, deleted on %1").arg(there);
            else
                what = QStringLiteral("%1 changed here and on %2")
                           .arg(conflict.fields.join(QStringLiteral(", ")), there);
            out << conflict.uuid << "  " << conflict.title() << ": " << what << '\n';
        }
        return 0;
    }

    int resolve(const QStringList &args) {
        SubcommandParser parsed(QStringLiteral("meds resolve"));
        parsed.setDescription(QStringLiteral("Settles a conflict with one of the two versions."));
        parsed.addOption({QStringLiteral("keep"), QStringLiteral("which version stays"),
                          QStringLiteral("local|remote")});
        parsed.addPositional(QStringLiteral("ID|UUID"),
                             QStringLiteral("the record (see kilo-kiosk meds conflicts)"));
        if (const auto status = parseCommand(parsed, args))
            return *status;
        const QString keep = parsed.value(QStringLiteral("keep"));
        if (keep != u"local" && keep != u"remote")
            return CliOutput::fail(
                QStringLiteral("usage: kilo-kiosk meds resolve ID|UUID --keep local|remote"),
                kUsageError);
        QString error;
        if (!openStore(&error))
            return CliOutput::fail(error);
        kiosk::meds::SyncLedger ledger(*m_store);
        const auto all = ledger.conflicts(&error);
        if (!all)
            return CliOutput::fail(error);
        const QString wanted = parsed.positionalArguments().first();
        for (const auto &conflict : *all) {
            if (conflict.uuid == wanted ||
                (conflict.local && QString::number(conflict.local->id) == wanted)) {
                if (!ledger.resolve(conflict.uuid,
                                    keep == u"local" ? kiosk::meds::SyncLedger::Keep::Local
                                                     : kiosk::meds::SyncLedger::Keep::Remote,
                                    &error))
                    return CliOutput::fail(error);
                QTextStream(stdout)
                    << (keep == u"local"
                            ? QStringLiteral("Kept this tablet's version of %1; it goes to the "
                                             "service with the next sync.\n")
                            : QStringLiteral("Kept the service's version of %1.\n"))
                           .arg(conflict.title());
                return 0;
            }
        }
        return CliOutput::fail(
            QStringLiteral("no conflict for %1 (see kilo-kiosk meds conflicts)").arg(wanted));
    }

    QString m_dbPath;
    std::unique_ptr<MedicationStore> m_store;
};

} // namespace

kiosk::cli::Subcommand medsCommand() {
    return {QStringLiteral("meds"),
            QStringLiteral("list, add, edit, stop, delete, export and sync medications"),
            [](const QStringList &arguments) { return MedsCli().run(arguments); },
            [](const QStringList &arguments) {
                return arguments.contains(QStringLiteral("export")) &&
                       std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) {
                           return a == u"--pdf" || a.startsWith(u"--pdf=");
                       });
            }};
}
