#include "meds/medication_store.h"

#include "meds/dosage_strength.h"
#include "meds/medication_validator.h"
#include "meds/migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::meds {

namespace {

constexpr QFile::Permissions kOwnerDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr qint64 kMaxPhotoBytes = 30 * 1024 * 1024;

const char kColumns[] =
    "id, medication_name, dosage, dosage_form, schedule, times_per_day, as_needed, instructions, "
    "prescriber, quantity, refills, rx_number, pharmacy, patient, date, engine, needs_review, "
    "photo_path, raw_text, active, stopped_at, created_at, updated_at, uuid, dose_times, "
    "CASE WHEN EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.uuid = medications.uuid) THEN 'conflict' "
    "WHEN EXISTS (SELECT 1 FROM sync_outbox o WHERE o.uuid = medications.uuid) THEN 'pending' ELSE 'synced' END";

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : time;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant intOrNull(const std::optional<int> &number)
{
    return number ? QVariant(*number) : QVariant(QMetaType(QMetaType::Int));
}

QString sqlError(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

QString normalisedName(const QString &name)
{
    QString out;
    for (const QChar c : name.toCaseFolded()) {
        if (c.isLetterOrNumber())
            out.append(c);
    }
    return out;
}

// Tightens a file we own to owner-only; files of others are left alone.
void restrictFile(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && info.st_uid == ::geteuid()
        && (info.st_mode & 077) != 0)
        ::chmod(QFile::encodeName(path).constData(), info.st_mode & 0700);
}

} // namespace

QString MedicationStore::defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("KILO_KIOSK_MEDS_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/medications.sqlite");
}

MedicationStore::MedicationStore(QString databasePath)
    : m_path(QFileInfo(databasePath).absoluteFilePath())
    , m_connection(QStringLiteral("kiosk-meds-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

MedicationStore::~MedicationStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

QString MedicationStore::photoDirectory() const
{
    const QFileInfo info(m_path);
    return info.absolutePath() + u'/' + info.completeBaseName() + QStringLiteral("-photos");
}

bool MedicationStore::isOpen() const
{
    return QSqlDatabase::database(m_connection, false).isOpen();
}

bool MedicationStore::ensureFiles(QString *error)
{
    const QFileInfo info(m_path);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder)) {
            *error = QStringLiteral("cannot create the folder %1").arg(folder);
            return false;
        }
        QFile::setPermissions(folder, kOwnerDir);
    } else if (!QFileInfo(folder).isDir()) {
        *error = QStringLiteral("%1 is not a folder").arg(folder);
        return false;
    }
    // The app's own data folder is owner-only even when something else created it.
    if (folder == QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        QFile::setPermissions(folder, kOwnerDir);

    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1 is not a file").arg(m_path);
        return false;
    }
    // Created 0600 before SQLite opens it; SQLite gives -wal and -shm the same mode.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    ::close(fd);
    restrictFile(m_path);
    return true;
}

bool MedicationStore::open(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (isOpen())
        return true;
    if (!ensureFiles(error))
        return false;

    QSqlDatabase db = QSqlDatabase::contains(m_connection)
        ? QSqlDatabase::database(m_connection, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid()) {
        *error = QStringLiteral("the SQLite driver for Qt is not installed (Debian package libqt6sql6-sqlite)");
        return false;
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    if (!db.open()) {
        *error = QStringLiteral("cannot open the medication database %1: %2").arg(m_path, sqlError(db.lastError()));
        return false;
    }
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("the medication database %1 %2").arg(m_path, what);
        db.close();
        return false;
    };
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
            || query.value(0).toString().toLower() != u"wal")
            return fail(QStringLiteral("cannot be switched to write-ahead logging: %1").arg(sqlError(query.lastError())));
    }
    if (!exec(QStringLiteral("PRAGMA foreign_keys=ON"), error) || !exec(QStringLiteral("PRAGMA synchronous=FULL"), error))
        return fail(*error);
    if (!migrate(error)) {
        db.close();
        return false;
    }
    restrictFile(m_path + QStringLiteral("-wal"));
    restrictFile(m_path + QStringLiteral("-shm"));
    return true;
}

int MedicationStore::schemaVersion() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool MedicationStore::exec(const QString &sql, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(sql)) {
        if (error)
            *error = sqlError(query.lastError());
        return false;
    }
    return true;
}

bool MedicationStore::begin(QString *error)
{
    // IMMEDIATE takes the write lock now (waiting for other writers) instead of failing later.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), error)) {
        *error = QStringLiteral("the medication database is busy or locked: %1").arg(*error);
        return false;
    }
    return true;
}

bool MedicationStore::commit(QString *error)
{
    if (!exec(QStringLiteral("COMMIT"), error)) {
        *error = QStringLiteral("cannot save to the medication database: %1").arg(*error);
        rollback();
        return false;
    }
    return true;
}

void MedicationStore::rollback()
{
    exec(QStringLiteral("ROLLBACK"), nullptr);
}

bool MedicationStore::migrate(QString *error)
{
    const int latest = Migrations::latestVersion();
    int version = schemaVersion();
    if (version > latest) {
        *error = QStringLiteral("the medication database %1 was written by a newer kilo-kiosk (schema %2, this one knows up to %3)")
                     .arg(m_path).arg(version).arg(latest);
        return false;
    }
    if (version == latest)
        return true;
    if (!begin(error))
        return false;
    version = schemaVersion();  // another process may have migrated meanwhile
    for (int step = version; step < latest; ++step) {
        for (const QString &sql : Migrations::steps().at(step)) {
            if (!exec(sql, error)) {
                *error = QStringLiteral("cannot update the medication database to schema %1: %2").arg(step + 1).arg(*error);
                rollback();
                return false;
            }
        }
    }
    if (version < latest && !exec(QStringLiteral("PRAGMA user_version=%1").arg(latest), error)) {
        rollback();
        return false;
    }
    return commit(error);
}

bool MedicationStore::writeRecord(Medication &m, bool insert, bool keepId, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    const QString fields = QStringLiteral(
        "medication_name, dosage, dosage_form, schedule, times_per_day, as_needed, instructions, "
        "prescriber, quantity, refills, rx_number, pharmacy, patient, date, engine, needs_review, "
        "photo_path, raw_text, active, stopped_at, created_at, updated_at, uuid, dose_times");
    if (insert) {
        query.prepare(keepId ? QStringLiteral("INSERT INTO medications (id, %1) VALUES (:id, %2)")
                                   .arg(fields, QStringLiteral(":n, :d, :f, :s, :t, :a, :i, :p, :q, :r, :x, :ph, :pa, :dt, :e, :nr, :photo, :raw, :active, :stopped, :created, :updated, :uuid, :times"))
                             : QStringLiteral("INSERT INTO medications (%1) VALUES (%2)")
                                   .arg(fields, QStringLiteral(":n, :d, :f, :s, :t, :a, :i, :p, :q, :r, :x, :ph, :pa, :dt, :e, :nr, :photo, :raw, :active, :stopped, :created, :updated, :uuid, :times")));
    } else {
        query.prepare(QStringLiteral(
            "UPDATE medications SET medication_name = :n, dosage = :d, dosage_form = :f, schedule = :s, "
            "times_per_day = :t, as_needed = :a, instructions = :i, prescriber = :p, quantity = :q, refills = :r, "
            "rx_number = :x, pharmacy = :ph, patient = :pa, date = :dt, engine = :e, needs_review = :nr, "
            "photo_path = :photo, raw_text = :raw, active = :active, stopped_at = :stopped, created_at = :created, "
            "updated_at = :updated, uuid = :uuid, dose_times = :times WHERE id = :id"));
    }
    if (!insert || keepId)
        query.bindValue(QStringLiteral(":id"), m.id);
    query.bindValue(QStringLiteral(":n"), text(m.medicationName));
    query.bindValue(QStringLiteral(":d"), text(m.dosage));
    query.bindValue(QStringLiteral(":f"), text(m.dosageForm));
    query.bindValue(QStringLiteral(":s"), text(m.schedule));
    query.bindValue(QStringLiteral(":t"), intOrNull(m.timesPerDay));
    query.bindValue(QStringLiteral(":a"), m.asNeeded ? 1 : 0);
    query.bindValue(QStringLiteral(":i"), text(m.instructions));
    query.bindValue(QStringLiteral(":p"), text(m.prescriber));
    query.bindValue(QStringLiteral(":q"), intOrNull(m.quantity));
    query.bindValue(QStringLiteral(":r"), intOrNull(m.refills));
    query.bindValue(QStringLiteral(":x"), textOrNull(m.rxNumber));
    query.bindValue(QStringLiteral(":ph"), textOrNull(m.pharmacy));
    query.bindValue(QStringLiteral(":pa"), textOrNull(m.patient));
    query.bindValue(QStringLiteral(":dt"), m.date.isValid() ? QVariant(m.date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(QStringLiteral(":e"), text(m.engine));
    query.bindValue(QStringLiteral(":nr"), QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m.needsReview)).toJson(QJsonDocument::Compact)));
    query.bindValue(QStringLiteral(":photo"), textOrNull(m.photoPath));
    query.bindValue(QStringLiteral(":raw"), textOrNull(m.rawText));
    query.bindValue(QStringLiteral(":active"), m.active ? 1 : 0);
    query.bindValue(QStringLiteral(":stopped"), m.stoppedAt.isValid() ? QVariant(isoUtc(m.stoppedAt)) : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(QStringLiteral(":created"), isoUtc(m.createdAt));
    query.bindValue(QStringLiteral(":updated"), isoUtc(m.updatedAt));
    query.bindValue(QStringLiteral(":uuid"), m.uuid);
    query.bindValue(QStringLiteral(":times"), QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m.doseTimeTexts())).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        *error = QStringLiteral("cannot save %1: %2").arg(m.title(), sqlError(query.lastError()));
        return false;
    }
    if (!insert && query.numRowsAffected() != 1) {
        *error = QStringLiteral("there is no medication with id %1").arg(m.id);
        return false;
    }
    const qint64 id = insert && !keepId ? query.lastInsertId().toLongLong() : m.id;
    query.finish();

    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM field_confidence WHERE medication_id = ?"));
    clear.addBindValue(id);
    if (!clear.exec()) {
        *error = sqlError(clear.lastError());
        return false;
    }
    QSqlQuery confidence(db);
    confidence.prepare(QStringLiteral("INSERT INTO field_confidence (medication_id, field, confidence) VALUES (?, ?, ?)"));
    for (auto it = m.confidence.cbegin(); it != m.confidence.cend(); ++it) {
        confidence.bindValue(0, id);
        confidence.bindValue(1, it.key());
        confidence.bindValue(2, it.value());
        if (!confidence.exec()) {
            *error = sqlError(confidence.lastError());
            return false;
        }
    }
    m.id = id;
    return true;
}

std::optional<Medication> MedicationStore::add(const Medication &medication, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!isOpen()) {
        *error = QStringLiteral("the medication database is not open");
        return std::nullopt;
    }
    Medication record = medication;
    const QStringList problems = MedicationValidator::validate(record);
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    record.id = 0;
    if (record.uuid.isEmpty())
        record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.createdAt = now;
    record.updatedAt = now;
    record.stoppedAt = record.active ? QDateTime() : now;
    if (!begin(error))
        return std::nullopt;
    if (!writeRecord(record, true, false, error) || !queueChange(record.uuid, QStringLiteral("put"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return get(record.id, error);
}

std::optional<Medication> MedicationStore::update(const Medication &medication, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    Medication record = medication;
    const QStringList problems = MedicationValidator::validate(record);
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return std::nullopt;
    }
    if (!begin(error))
        return std::nullopt;
    const auto current = readRecord(record.id, error);
    if (!current) {
        rollback();
        return std::nullopt;
    }
    record.createdAt = current->createdAt;
    record.uuid = current->uuid;
    record.updatedAt = QDateTime::currentDateTimeUtc();
    if (record.active)
        record.stoppedAt = QDateTime();
    else if (current->active || !current->stoppedAt.isValid())
        record.stoppedAt = record.updatedAt;
    else
        record.stoppedAt = current->stoppedAt;
    if (!writeRecord(record, false, true, error) || !queueChange(record.uuid, QStringLiteral("put"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return get(record.id, error);
}

std::optional<Medication> MedicationStore::setActive(qint64 id, bool active, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    auto record = get(id, error);
    if (!record)
        return std::nullopt;
    if (record->active == active)
        return record;
    record->active = active;
    return update(*record, error);
}

std::optional<Medication> MedicationStore::remove(qint64 id, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!begin(error))
        return std::nullopt;
    auto record = readRecord(id, error);
    if (!record) {
        rollback();
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("DELETE FROM medications WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = QStringLiteral("cannot delete %1: %2").arg(record->title(), sqlError(query.lastError()));
        rollback();
        return std::nullopt;
    }
    query.finish();
    if (!queueChange(record->uuid, QStringLiteral("delete"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return record;
}

std::optional<Medication> MedicationStore::restore(const Medication &medication, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (medication.id <= 0 || !medication.createdAt.isValid()) {
        *error = QStringLiteral("only a record that was stored can be restored");
        return std::nullopt;
    }
    Medication record = medication;
    const QStringList problems = MedicationValidator::validate(record);
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return std::nullopt;
    }
    if (record.uuid.isEmpty())
        record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!begin(error))
        return std::nullopt;
    if (!writeRecord(record, true, true, error) || !queueChange(record.uuid, QStringLiteral("put"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return get(record.id, error);
}

std::optional<QList<Medication>> MedicationStore::query(const QString &where, const QVariant &key, QString *error) const
{
    QString localError;
    if (!error)
        error = &localError;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen()) {
        *error = QStringLiteral("the medication database is not open");
        return std::nullopt;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM medications %2 ORDER BY active DESC, medication_name COLLATE NOCASE, id")
                      .arg(QLatin1String(kColumns), where));
    if (!where.isEmpty())
        query.addBindValue(key);
    if (!query.exec()) {
        *error = QStringLiteral("cannot read the medication database: %1").arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    QList<Medication> records;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        Medication m;
        m.id = query.value(0).toLongLong();
        m.medicationName = query.value(1).toString();
        m.dosage = query.value(2).toString();
        m.dosageForm = query.value(3).toString();
        m.schedule = query.value(4).toString();
        if (!query.value(5).isNull())
            m.timesPerDay = query.value(5).toInt();
        m.asNeeded = query.value(6).toInt() != 0;
        m.instructions = query.value(7).toString();
        m.prescriber = query.value(8).toString();
        if (!query.value(9).isNull())
            m.quantity = query.value(9).toInt();
        if (!query.value(10).isNull())
            m.refills = query.value(10).toInt();
        m.rxNumber = query.value(11).toString();
        m.pharmacy = query.value(12).toString();
        m.patient = query.value(13).toString();
        m.date = QDate::fromString(query.value(14).toString(), Qt::ISODate);
        m.engine = query.value(15).toString();
        for (const QJsonValue &field : QJsonDocument::fromJson(query.value(16).toByteArray()).array())
            m.needsReview.append(field.toString());
        m.photoPath = query.value(17).toString();
        m.rawText = query.value(18).toString();
        m.active = query.value(19).toInt() != 0;
        m.stoppedAt = fromIso(query.value(20));
        m.createdAt = fromIso(query.value(21));
        m.updatedAt = fromIso(query.value(22));
        m.uuid = query.value(23).toString();
        QStringList timeTexts;
        for (const QJsonValue &time : QJsonDocument::fromJson(query.value(24).toByteArray()).array())
            timeTexts.append(time.toString());
        m.doseTimes = Medication::parseDoseTimes(timeTexts.join(u','), nullptr).value_or(QList<QTime>());
        m.syncState = query.value(25).toString();
        index.insert(m.id, records.size());
        records.append(m);
    }
    query.finish();
    if (records.isEmpty())
        return records;

    QSqlQuery confidence(db);
    confidence.setForwardOnly(true);
    confidence.prepare(records.size() > 1 ? QStringLiteral("SELECT medication_id, field, confidence FROM field_confidence")
                                          : QStringLiteral("SELECT medication_id, field, confidence FROM field_confidence WHERE medication_id = ?"));
    if (records.size() == 1)
        confidence.addBindValue(records.constFirst().id);
    if (!confidence.exec()) {
        *error = QStringLiteral("cannot read the medication database: %1").arg(sqlError(confidence.lastError()));
        return std::nullopt;
    }
    while (confidence.next()) {
        const auto it = index.constFind(confidence.value(0).toLongLong());
        if (it != index.constEnd())
            records[*it].confidence.insert(confidence.value(1).toString(), confidence.value(2).toDouble());
    }
    return records;
}

std::optional<Medication> MedicationStore::readRecord(qint64 id, QString *error) const
{
    const auto records = query(QStringLiteral("WHERE id = ?"), id, error);
    if (!records)
        return std::nullopt;
    if (records->isEmpty()) {
        *error = QStringLiteral("there is no medication with id %1").arg(id);
        return std::nullopt;
    }
    return records->constFirst();
}

std::optional<Medication> MedicationStore::readByUuid(const QString &uuid, QString *error) const
{
    const auto records = query(QStringLiteral("WHERE uuid = ?"), uuid, error);
    if (!records || records->isEmpty())
        return std::nullopt;
    return records->constFirst();
}

bool MedicationStore::queueChange(const QString &uuid, const QString &op, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const auto run = [&](const QString &sql, const QVariantList &values) {
        QSqlQuery step(db);
        step.prepare(sql);
        for (const QVariant &value : values)
            step.addBindValue(value);
        if (step.exec())
            return true;
        *error = QStringLiteral("cannot queue the change for the medication service: %1").arg(sqlError(step.lastError()));
        return false;
    };
    // One entry per record: a newer change replaces the older one and moves to the end, since
    // the service is always sent the record as it is now.
    if (!run(QStringLiteral("DELETE FROM sync_outbox WHERE uuid = ?"), {uuid})
        || !run(QStringLiteral("INSERT INTO sync_outbox (uuid, op, queued_at) VALUES (?, ?, ?)"),
                {uuid, op, isoUtc(QDateTime::currentDateTimeUtc())}))
        return false;
    // A record deleted here while in conflict keeps the conflict, with "deleted here" as its local side.
    return op != u"delete" || run(QStringLiteral("UPDATE sync_conflicts SET local = NULL WHERE uuid = ?"), {uuid});
}

std::optional<Medication> MedicationStore::get(qint64 id, QString *error) const
{
    QString localError;
    return readRecord(id, error ? error : &localError);
}

std::optional<QList<Medication>> MedicationStore::list(QString *error) const
{
    return query(QString(), QVariant(), error);
}

bool MedicationStore::sameDrug(const Medication &a, const Medication &b)
{
    const QString name = normalisedName(a.medicationName);
    return !name.isEmpty() && name == normalisedName(b.medicationName);
}

QList<Medication> MedicationStore::findDuplicates(const Medication &medication, QString *error) const
{
    QList<Medication> duplicates;
    const auto records = list(error);
    if (!records)
        return duplicates;
    const auto strength = DosageStrength::parse(medication.dosage);
    for (const Medication &other : *records) {
        if (other.id == medication.id && medication.id != 0)
            continue;
        if (!sameDrug(medication, other))
            continue;
        const auto otherStrength = DosageStrength::parse(other.dosage);
        const bool sameStrength = strength && otherStrength
            ? *strength == *otherStrength
            : medication.dosage.simplified().compare(other.dosage.simplified(), Qt::CaseInsensitive) == 0;
        if (sameStrength)
            duplicates.append(other);
    }
    return duplicates;
}

std::optional<QString> MedicationStore::importPhoto(const QString &sourcePath, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the photo %1: %2").arg(sourcePath, source.errorString());
        return std::nullopt;
    }
    if (source.size() > kMaxPhotoBytes) {
        *error = QStringLiteral("the photo %1 is too large (%2 MB, at most %3 MB)")
                     .arg(sourcePath).arg(source.size() / (1024 * 1024)).arg(kMaxPhotoBytes / (1024 * 1024));
        return std::nullopt;
    }
    const QByteArray data = source.readAll();
    QString suffix;
    if (data.startsWith("\xFF\xD8\xFF"))
        suffix = QStringLiteral("jpg");
    else if (data.startsWith("\x89PNG\r\n\x1A\n"))
        suffix = QStringLiteral("png");
    else {
        *error = QStringLiteral("the photo %1 is not a JPEG or PNG image").arg(sourcePath);
        return std::nullopt;
    }
    const QString folder = photoDirectory();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder)) {
            *error = QStringLiteral("cannot create the photo folder %1").arg(folder);
            return std::nullopt;
        }
    }
    QFile::setPermissions(folder, kOwnerDir);
    const QString target = folder + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'.' + suffix;
    QSaveFile file(target);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot store the photo in %1: %2").arg(folder, file.errorString());
        return std::nullopt;
    }
    QFile::setPermissions(target, kOwnerFile);
    return target;
}

bool MedicationStore::discardPhoto(const QString &photoPath, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (photoPath.isEmpty())
        return true;
    const QFileInfo info(photoPath);
    if (info.absolutePath() != QFileInfo(photoDirectory()).absoluteFilePath()) {
        *error = QStringLiteral("%1 is not in the photo folder").arg(photoPath);
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT count(*) FROM medications WHERE photo_path = ?"));
    query.addBindValue(photoPath);
    if (!query.exec() || !query.next()) {
        *error = sqlError(query.lastError());
        return false;
    }
    if (query.value(0).toInt() > 0)
        return true;  // still in use (restored by undo, or shared)
    if (info.exists() && !QFile::remove(photoPath)) {
        *error = QStringLiteral("cannot delete the photo %1").arg(photoPath);
        return false;
    }
    return true;
}

qint64 MedicationStore::dataVersion() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString MedicationStore::integrityCheck() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(query.lastError());
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(u'\n');
}

} // namespace kiosk::meds
