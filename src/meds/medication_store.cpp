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
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace kiosk::meds {

namespace {

constexpr QFile::Permissions kOwnerDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr qint64 kMaxPhotoBytes = 30 * 1024 * 1024;
// Less free space than this after a failed write means the storage is full.
constexpr qint64 kFullBelowBytes = 1024 * 1024;
// A file this close to the file size limit (RLIMIT_FSIZE) cannot take another page.
constexpr qint64 kLimitMarginBytes = 64 * 1024;
// A damaged file's ids are tried one by one up to this many.
constexpr qint64 kMaxSalvagedIds = 100000;

const char kColumns[] =
    "id, medication_name, dosage, dosage_form, schedule, times_per_day, as_needed, instructions, "
    "prescriber, quantity, refills, rx_number, pharmacy, patient, date, engine, needs_review, "
    "photo_path, raw_text, active, stopped_at, created_at, updated_at, uuid, dose_times, "
    "CASE WHEN EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.uuid = medications.uuid) THEN "
    "'conflict' "
    "WHEN EXISTS (SELECT 1 FROM sync_outbox o WHERE o.uuid = medications.uuid) THEN 'pending' ELSE "
    "'synced' END";

QString isoUtc(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant &value) {
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : time;
}

QVariant textOrNull(const QString &text) {
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QVariant text(const QString &value) {
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant intOrNull(const std::optional<int> &number) {
    return number ? QVariant(*number) : QVariant(QMetaType(QMetaType::Int));
}

QString sqlError(const QSqlError &error) {
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

// SQLite's primary result codes (the driver reports extended codes; the low byte is the primary).
enum SqliteCode {
    kBusy = 5,
    kLocked = 6,
    kReadOnly = 8,
    kIoError = 10,
    kCorrupt = 11,
    kFull = 13,
    kCantOpen = 14,
    kConstraint = 19,
    kMismatch = 20,
    kNotADatabase = 26
};

int primaryCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

StoreFault faultOfErrno(int number) {
    switch (number) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return StoreFault::StorageFull;
    case EROFS:
    case EACCES:
    case EPERM:
        return StoreFault::ReadOnly;
    default:
        return StoreFault::StorageError;
    }
}

// The folder itself, or the nearest one above it that exists.
QString existingFolder(const QString &path) {
    QFileInfo info(QFileInfo(path).absolutePath());
    while (!info.exists() && !info.isRoot())
        info = QFileInfo(info.absolutePath());
    return info.absoluteFilePath();
}

QString normalisedName(const QString &name) {
    QString out;
    for (const QChar c : name.toCaseFolded()) {
        if (c.isLetterOrNumber())
            out.append(c);
    }
    return out;
}

// Tightens a file we own to owner-only; files of others are left alone.
void restrictFile(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && info.st_uid == ::geteuid() &&
        (info.st_mode & 077) != 0)
        ::chmod(QFile::encodeName(path).constData(), info.st_mode & 0700);
}

// One row of SELECT kColumns as a record (without its confidence).
Medication recordFromRow(const QSqlQuery &query) {
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
    m.doseTimes =
        Medication::parseDoseTimes(timeTexts.join(u','), nullptr).value_or(QList<QTime>());
    m.syncState = query.value(25).toString();
    return m;
}

} // namespace

QString MedicationStore::defaultDatabasePath() {
    const QString fromEnvironment = qEnvironmentVariable("KILO_KIOSK_MEDS_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/medications.sqlite");
}

MedicationStore::MedicationStore(QString databasePath)
    : m_path(QFileInfo(databasePath).absoluteFilePath())
    , m_connection(QStringLiteral("kiosk-meds-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

MedicationStore::~MedicationStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

QString MedicationStore::photoDirectory() const {
    const QFileInfo info(m_path);
    return info.absolutePath() + u'/' + info.completeBaseName() + QStringLiteral("-photos");
}

bool MedicationStore::isOpen() const {
    return QSqlDatabase::database(m_connection, false).isOpen();
}

QString MedicationStore::faultName(StoreFault fault) {
    switch (fault) {
    case StoreFault::None:
        return QStringLiteral("none");
    case StoreFault::Rejected:
        return QStringLiteral("rejected");
    case StoreFault::NotOpen:
        return QStringLiteral("not-open");
    case StoreFault::Busy:
        return QStringLiteral("busy");
    case StoreFault::StorageFull:
        return QStringLiteral("storage-full");
    case StoreFault::ReadOnly:
        return QStringLiteral("read-only");
    case StoreFault::Damaged:
        return QStringLiteral("damaged");
    case StoreFault::StorageError:
        return QStringLiteral("storage-error");
    case StoreFault::Other:
        break;
    }
    return QStringLiteral("other");
}

QString MedicationStore::faultCondition(StoreFault kind) const {
    switch (kind) {
    case StoreFault::StorageFull:
        return QStringLiteral("the tablet's storage is full (no room left to write %1)")
            .arg(m_path);
    case StoreFault::ReadOnly:
        return QStringLiteral("the storage that holds %1 is read-only (for example a memory card "
                              "switched to read-only after an error)")
            .arg(m_path);
    case StoreFault::Damaged:
        return QStringLiteral("the medication list file %1 is damaged").arg(m_path);
    case StoreFault::Busy:
        return QStringLiteral("another program has held the medication list %1 for too long")
            .arg(m_path);
    default:
        return QStringLiteral("the tablet's storage could not write %1 (it may be failing)")
            .arg(m_path);
    }
}

QString MedicationStore::faultAdvice(StoreFault kind) {
    switch (kind) {
    case StoreFault::StorageFull:
        return QStringLiteral("free some space (old photos, downloads) and try again");
    case StoreFault::ReadOnly:
        return QStringLiteral("the list can still be read; restart the tablet or check its memory "
                              "card, then try again");
    case StoreFault::Damaged:
        return QStringLiteral(
            "the file is kept as it is and never written to; ask an administrator to restore the "
            "list from a backup or from the household's medication service");
    case StoreFault::Busy:
        return QStringLiteral("try again in a moment");
    default:
        return QStringLiteral(
            "try again, and have the tablet's storage checked if it happens again");
    }
}

QString MedicationStore::faultMessage(StoreFault kind, const QString &detail) const {
    const QString sentence =
        QStringLiteral("%1. Nothing was changed; %2").arg(faultCondition(kind), faultAdvice(kind));
    return detail.isEmpty() ? sentence : QStringLiteral("%1 (%2)").arg(sentence, detail);
}

void MedicationStore::setReadOnly(StoreFault kind, const QString &detail) const {
    m_readOnlyReason = kind;
    m_readOnlyDetail = detail;
    const QString because = detail.isEmpty()
                                ? faultCondition(kind)
                                : QStringLiteral("%1 (%2)").arg(faultCondition(kind), detail);
    QString advice;
    if (kind == StoreFault::Damaged)
        advice =
            QStringLiteral("The medications that can still be read are shown; the file is kept as "
                           "it is and never written to. Ask an administrator to restore the list "
                           "from a backup or from the household's medication service");
    else if (kind == StoreFault::StorageFull)
        advice = QStringLiteral(
            "Free some space (old photos, downloads); changes can be saved again then");
    else
        advice = QStringLiteral("Restart the tablet or check its memory card");
    m_readOnlyMessage = QStringLiteral("The medication list can be read but not changed: %1. %2.")
                            .arg(because, advice);
}

StoreFault MedicationStore::diagnoseStorage() const {
    struct statvfs fs {};
    if (::statvfs(QFile::encodeName(existingFolder(m_path)).constData(), &fs) == 0) {
        if (fs.f_flag & ST_RDONLY)
            return StoreFault::ReadOnly;
        // Root may write into the blocks the filesystem keeps back for it.
        const qint64 freeBytes =
            qint64(::geteuid() == 0 ? fs.f_bfree : fs.f_bavail) * qint64(fs.f_frsize);
        if (freeBytes < kFullBelowBytes)
            return StoreFault::StorageFull;
    }
    const QByteArray file = QFile::encodeName(m_path);
    if (::access(file.constData(), F_OK) == 0 && ::access(file.constData(), W_OK) != 0 &&
        faultOfErrno(errno) == StoreFault::ReadOnly)
        return StoreFault::ReadOnly;
    // A file size limit (RLIMIT_FSIZE, e.g. a service's LimitFSIZE=) is the same as a full disk
    // for this file.
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        for (const QString &name :
             {m_path, m_path + QStringLiteral("-wal"), m_path + QStringLiteral("-shm")}) {
            if (QFileInfo(name).size() + kLimitMarginBytes >= qint64(limit.rlim_cur))
                return StoreFault::StorageFull;
        }
    }
    return StoreFault::StorageError;
}

QString MedicationStore::fault(StoreFault kind, const QString &message) const {
    m_lastFault = kind;
    return message;
}

QString MedicationStore::fault(const QSqlError &error, const QString &context) const {
    StoreFault kind = StoreFault::Other;
    switch (primaryCode(error)) {
    case kFull:
        kind = StoreFault::StorageFull;
        break;
    case kReadOnly:
        kind = StoreFault::ReadOnly;
        break;
    case kCorrupt:
    case kNotADatabase:
        kind = StoreFault::Damaged;
        break;
    case kBusy:
    case kLocked:
        kind = StoreFault::Busy;
        break;
    case kIoError:
    case kCantOpen:
        kind = diagnoseStorage();
        break;
    case kConstraint:
    case kMismatch:
        kind = StoreFault::Rejected;
        break;
    default:
        break;
    }
    m_lastFault = kind;
    const QString detail = QStringLiteral("SQLite: %1").arg(sqlError(error));
    switch (kind) {
    case StoreFault::Damaged:
        // Found while working: from now on the file is only read.
        if (m_readOnlyReason != StoreFault::Damaged)
            setReadOnly(StoreFault::Damaged, detail);
        [[fallthrough]];
    case StoreFault::StorageFull:
    case StoreFault::ReadOnly:
    case StoreFault::Busy:
    case StoreFault::StorageError:
        return context.isEmpty()
                   ? faultMessage(kind, detail)
                   : QStringLiteral("%1: %2").arg(context, faultMessage(kind, detail));
    default:
        return context.isEmpty() ? sqlError(error)
                                 : QStringLiteral("%1: %2").arg(context, sqlError(error));
    }
}

bool MedicationStore::refuseWrite(QString *error) const {
    if (m_readOnlyReason == StoreFault::None)
        return false;
    *error = fault(m_readOnlyReason, QStringLiteral("the medication list could not be saved: %1")
                                         .arg(faultMessage(m_readOnlyReason, m_readOnlyDetail)));
    return true;
}

bool MedicationStore::ensureFiles(bool *readOnlyStorage, QString *error) {
    *readOnlyStorage = false;
    const QFileInfo info(m_path);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder)) {
            const StoreFault kind = diagnoseStorage();
            *error =
                fault(kind, QStringLiteral("the medication list could not be created: %1")
                                .arg(kind == StoreFault::StorageError
                                         ? QStringLiteral("cannot create the folder %1").arg(folder)
                                         : faultMessage(kind, {})));
            return false;
        }
        QFile::setPermissions(folder, kOwnerDir);
    } else if (!QFileInfo(folder).isDir()) {
        *error = fault(StoreFault::Other, QStringLiteral("%1 is not a folder").arg(folder));
        return false;
    }
    // The app's own data folder is owner-only even when something else created it.
    if (folder == QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        QFile::setPermissions(folder, kOwnerDir);

    if (info.exists() && !info.isFile()) {
        *error = fault(StoreFault::Other, QStringLiteral("%1 is not a file").arg(m_path));
        return false;
    }
    if (!info.exists())
        return createDatabase(error);
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        const int number = errno;
        // A file that is there but cannot be written (a read-only memory card): read it.
        if (faultOfErrno(number) == StoreFault::ReadOnly &&
            ::access(QFile::encodeName(m_path).constData(), R_OK) == 0) {
            *readOnlyStorage = true;
            return true;
        }
        *error =
            fault(faultOfErrno(number), QStringLiteral("cannot open %1: %2")
                                            .arg(m_path, QString::fromLocal8Bit(strerror(number))));
        return false;
    }
    ::close(fd);
    // The store makes a database whole before it has this name (createDatabase), so an empty file
    // here is a list that lost its contents (a power cut, a failing card), not a new one.
    if (info.size() == 0 && QFileInfo(m_path + QStringLiteral("-wal")).size() == 0) {
        *error = fault(StoreFault::Damaged,
                       QStringLiteral("the medication list could not be opened: %1")
                           .arg(faultMessage(StoreFault::Damaged,
                                             QStringLiteral("the file is empty: 0 bytes"))));
        return false;
    }
    restrictFile(m_path);
    return true;
}

bool MedicationStore::createDatabase(QString *error) {
    // Made whole (an SQLite header in WAL mode) under a temporary name, then linked into place:
    // a database file at m_path is never legitimately empty, so an empty one is damage. Owner-only
    // (0600) before SQLite opens it; SQLite gives -wal and -shm the same mode.
    const QFileInfo info(m_path);
    const QString temporary = info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                              QStringLiteral(".new-") +
                              QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto failed = [&](int number) {
        const StoreFault kind = faultOfErrno(number);
        *error = fault(
            kind, QStringLiteral("the medication list could not be created: %1")
                      .arg(kind == StoreFault::StorageError
                               ? QStringLiteral("cannot write %1: %2")
                                     .arg(m_path, QString::fromLocal8Bit(strerror(number)))
                               : faultMessage(kind, QString::fromLocal8Bit(strerror(number)))));
        QFile::remove(temporary);
        return false;
    };
    const int fd = ::open(QFile::encodeName(temporary).constData(),
                          O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed(errno);
    ::close(fd);
    const QString connection = m_connection + QStringLiteral("-create");
    QString sqlFailure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(temporary);
        if (!db.open()) {
            sqlFailure =
                fault(db.lastError(), QStringLiteral("the medication list could not be created"));
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
                sqlFailure = fault(query.lastError(),
                                   QStringLiteral("the medication list could not be created"));
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!sqlFailure.isEmpty()) {
        *error = sqlFailure;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(temporary + QLatin1String(suffix));
        return false;
    }
    // Another process may have made the database meanwhile: then that one is used.
    if (::link(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) !=
            0 &&
        errno != EEXIST)
        return failed(errno);
    QFile::remove(temporary);
    const int folder = ::open(QFile::encodeName(info.absolutePath()).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder); // the new name survives a power cut
        ::close(folder);
    }
    return true;
}

bool MedicationStore::openConnection(bool readOnly, QString *error, bool immutable) {
    {
        QSqlDatabase current = QSqlDatabase::database(m_connection, false);
        if (current.isOpen())
            current.close();
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid()) {
        *error = fault(
            StoreFault::Other,
            QStringLiteral(
                "the SQLite driver for Qt is not installed (Debian package libqt6sql6-sqlite)"));
        return false;
    }
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000");
    QString name = m_path;
    if (readOnly) {
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        // With no write-ahead log and no way to make its index file, SQLite reads a WAL database
        // only as immutable; a log with changes in it must be read, so the file is then opened as
        // is.
        if (immutable ||
            (QFileInfo(m_path + QStringLiteral("-wal")).size() == 0 &&
             ::access(QFile::encodeName(existingFolder(m_path)).constData(), W_OK) != 0)) {
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            name = QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                   QStringLiteral("?immutable=1");
        }
    }
    db.setDatabaseName(name);
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = fault(db.lastError(), QStringLiteral("the medication list could not be opened"));
        if (m_lastFault == StoreFault::Other)
            *error = QStringLiteral("cannot open the medication database %1: %2")
                         .arg(m_path, sqlError(db.lastError()));
        return false;
    }
    return true;
}

bool MedicationStore::open(QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    if (isOpen())
        return true;
    m_readOnlyReason = StoreFault::None;
    m_readOnlyDetail.clear();
    m_readOnlyMessage.clear();
    bool readOnlyStorage = false;
    if (!ensureFiles(&readOnlyStorage, error))
        return false;

    // First read-only, to look for damage: a read-only connection never writes the file, not even
    // the checkpoint a closing connection makes.
    if (!openConnection(true, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // A full disk may leave no room for the log's index file (-shm), which SQLite makes at the
    // first read: then the file is read as it is. Safe when the log is empty: with no room to
    // grow it, no one can commit a change meanwhile.
    bool fullAtOpen = false;
    {
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("PRAGMA user_version"))) {
            const QString message =
                fault(probe.lastError(), QStringLiteral("the medication list could not be opened"));
            probe.finish();
            if (m_lastFault == StoreFault::StorageFull &&
                QFileInfo(m_path + QStringLiteral("-wal")).size() == 0) {
                if (!openConnection(true, error, true))
                    return false;
                db = QSqlDatabase::database(m_connection, false);
                fullAtOpen = true;
            } else if (m_lastFault != StoreFault::Damaged) {
                *error = m_lastFault == StoreFault::Other
                             ? QStringLiteral("the medication database %1 cannot be read: %2")
                                   .arg(m_path, sqlError(probe.lastError()))
                             : message;
                db.close();
                return false;
            }
        }
    }
    const auto fail = [&](const QString &message) {
        *error = message;
        db.close();
        return false;
    };
    {
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA quick_check"))) {
            const QString message =
                fault(check.lastError(), QStringLiteral("the medication list could not be opened"));
            const QString detail = QStringLiteral("SQLite: %1").arg(sqlError(check.lastError()));
            check.finish();
            // Too damaged to check (a truncated file: SQLite refuses a file shorter than its header
            // says unless writable_schema is on, which changes nothing on this read-only
            // connection), yet its schema still reads: show what can be read.
            if (m_lastFault == StoreFault::Damaged) {
                QSqlQuery relax(db);
                relax.exec(QStringLiteral("PRAGMA writable_schema=ON"));
            }
            if (m_lastFault == StoreFault::Damaged &&
                schemaVersion() == Migrations::latestVersion()) {
                setReadOnly(StoreFault::Damaged, detail);
                m_lastFault = StoreFault::None;
                return true;
            }
            if (m_lastFault == StoreFault::Other)
                return fail(QStringLiteral("the medication database %1 cannot be read: %2")
                                .arg(m_path, sqlError(check.lastError())));
            return fail(message);
        }
        QStringList problems;
        while (check.next())
            problems.append(check.value(0).toString());
        check.finish();
        if (problems != QStringList{QStringLiteral("ok")}) {
            // Damaged but readable: show what can be read, never write (the connection stays
            // read-only).
            problems.removeIf(
                [](const QString &line) { return line.startsWith(QStringLiteral("***")); });
            const QString found = problems.mid(0, 3).join(QStringLiteral("; ")).simplified();
            // quick_check's own lines may all be "***" headers: then say so without an empty list.
            const QString detail = found.isEmpty()
                                       ? QStringLiteral("SQLite's integrity check fails")
                                       : QStringLiteral("SQLite finds: %1").arg(found);
            setReadOnly(StoreFault::Damaged, detail);
            if (schemaVersion() != Migrations::latestVersion())
                return fail(fault(StoreFault::Damaged,
                                  QStringLiteral("the medication list could not be opened: %1")
                                      .arg(faultMessage(StoreFault::Damaged, detail))));
            return true;
        }
    }
    if (readOnlyStorage || fullAtOpen) {
        setReadOnly(fullAtOpen ? StoreFault::StorageFull : StoreFault::ReadOnly, {});
        const int version = schemaVersion();
        if (version > Migrations::latestVersion())
            return fail(fault(StoreFault::Other,
                              QStringLiteral("the medication database %1 was written by a newer "
                                             "kilo-kiosk (schema %2, this one knows up to %3)")
                                  .arg(m_path)
                                  .arg(version)
                                  .arg(Migrations::latestVersion())));
        if (version < Migrations::latestVersion())
            return fail(fault(m_readOnlyReason,
                              QStringLiteral("the medication list could not be opened: it needs an "
                                             "update (schema %1 to %2), but %3")
                                  .arg(version)
                                  .arg(Migrations::latestVersion())
                                  .arg(faultMessage(m_readOnlyReason, {}))));
        return true;
    }
    if (!openConnection(false, error))
        return false;
    db = QSqlDatabase::database(m_connection, false);
    const auto failOpen = [&](const QString &what) {
        return fail(QStringLiteral("the medication database %1 %2").arg(m_path, what));
    };
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next() ||
            query.value(0).toString().toLower() != u"wal") {
            const QString message =
                fault(query.lastError(), QStringLiteral("the medication list could not be opened"));
            return m_lastFault == StoreFault::Other
                       ? failOpen(QStringLiteral("cannot be switched to write-ahead logging: %1")
                                      .arg(sqlError(query.lastError())))
                       : fail(message);
        }
    }
    if (!exec(QStringLiteral("PRAGMA foreign_keys=ON"), error) ||
        !exec(QStringLiteral("PRAGMA synchronous=FULL"), error))
        return failOpen(*error);
    if (!migrate(error)) {
        db.close();
        return false;
    }
    restrictFile(m_path + QStringLiteral("-wal"));
    restrictFile(m_path + QStringLiteral("-shm"));
    m_lastFault = StoreFault::None;
    return true;
}

int MedicationStore::schemaVersion() const {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool MedicationStore::exec(const QString &sql, QString *error) const {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(sql)) {
        const QString message = fault(query.lastError(), QString()); // remembers the kind
        if (error)
            *error = message;
        return false;
    }
    return true;
}

bool MedicationStore::begin(QString *error) {
    m_lastFault = StoreFault::None;
    // Opened for reading on a full disk: once there is room, the list opens for writing again.
    if (m_readOnlyReason == StoreFault::StorageFull) {
        QSqlDatabase::database(m_connection, false).close();
        QString reopenError;
        if (!open(&reopenError)) {
            *error = reopenError;
            return false;
        }
        m_lastFault = StoreFault::None;
    }
    if (refuseWrite(error))
        return false;
    if (!isOpen()) {
        *error = fault(StoreFault::NotOpen, QStringLiteral("the medication database is not open"));
        return false;
    }
    // IMMEDIATE takes the write lock now (waiting for other writers) instead of failing later.
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = fault(query.lastError(), QStringLiteral("the medication list could not be saved"));
        if (m_lastFault == StoreFault::Other)
            *error = QStringLiteral("the medication database is busy or locked: %1")
                         .arg(sqlError(query.lastError()));
        return false;
    }
    return true;
}

bool MedicationStore::commit(QString *error) {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("COMMIT"))) {
        // Most often here: the changes are written to the log at commit, so a full disk shows now.
        *error = fault(query.lastError(), QStringLiteral("the medication list could not be saved"));
        query.finish();
        rollback();
        return false;
    }
    return true;
}

void MedicationStore::rollback() {
    // Not through exec(): SQLite may have rolled back already (after an I/O error), and the
    // failure being reported is the one that matters.
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.exec(QStringLiteral("ROLLBACK"));
}

bool MedicationStore::migrate(QString *error) {
    const int latest = Migrations::latestVersion();
    int version = schemaVersion();
    if (version > latest) {
        *error = fault(StoreFault::Other,
                       QStringLiteral("the medication database %1 was written by a newer "
                                      "kilo-kiosk (schema %2, this one knows up to %3)")
                           .arg(m_path)
                           .arg(version)
                           .arg(latest));
        return false;
    }
    if (version == latest)
        return true;
    if (!begin(error))
        return false;
    version = schemaVersion(); // another process may have migrated meanwhile
    for (int step = version; step < latest; ++step) {
        for (const QString &sql : Migrations::steps().at(step)) {
            if (!exec(sql, error)) {
                *error = QStringLiteral("cannot update the medication database to schema %1: %2")
                             .arg(step + 1)
                             .arg(*error);
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

bool MedicationStore::writeRecord(Medication &m, bool insert, bool keepId, QString *error) {
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    const QString fields = QStringLiteral(
        "medication_name, dosage, dosage_form, schedule, times_per_day, as_needed, instructions, "
        "prescriber, quantity, refills, rx_number, pharmacy, patient, date, engine, needs_review, "
        "photo_path, raw_text, active, stopped_at, created_at, updated_at, uuid, dose_times");
    if (insert) {
        query.prepare(
            keepId
                ? QStringLiteral("INSERT INTO medications (id, %1) VALUES (:id, %2)")
                      .arg(
                          fields,
                          QStringLiteral(
                              ":n, :d, :f, :s, :t, :a, :i, :p, :q, :r, :x, :ph, :pa, :dt, :e, :nr, "
                              ":photo, :raw, :active, :stopped, :created, :updated, :uuid, :times"))
                : QStringLiteral("INSERT INTO medications (%1) VALUES (%2)")
                      .arg(fields, QStringLiteral(":n, :d, :f, :s, :t, :a, :i, :p, :q, :r, :x, "
                                                  ":ph, :pa, :dt, :e, :nr, :photo, :raw, :active, "
                                                  ":stopped, :created, :updated, :uuid, :times")));
    } else {
        query.prepare(QStringLiteral(
            "UPDATE medications SET medication_name = :n, dosage = :d, dosage_form = :f, schedule "
            "= :s, "
            "times_per_day = :t, as_needed = :a, instructions = :i, prescriber = :p, quantity = "
            ":q, refills = :r, "
            "rx_number = :x, pharmacy = :ph, patient = :pa, date = :dt, engine = :e, needs_review "
            "= :nr, "
            "photo_path = :photo, raw_text = :raw, active = :active, stopped_at = :stopped, "
            "created_at = :created, "
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
    query.bindValue(QStringLiteral(":dt"), m.date.isValid()
                                               ? QVariant(m.date.toString(Qt::ISODate))
                                               : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(QStringLiteral(":e"), text(m.engine));
    query.bindValue(QStringLiteral(":nr"),
                    QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m.needsReview))
                                          .toJson(QJsonDocument::Compact)));
    query.bindValue(QStringLiteral(":photo"), textOrNull(m.photoPath));
    query.bindValue(QStringLiteral(":raw"), textOrNull(m.rawText));
    query.bindValue(QStringLiteral(":active"), m.active ? 1 : 0);
    query.bindValue(QStringLiteral(":stopped"), m.stoppedAt.isValid()
                                                    ? QVariant(isoUtc(m.stoppedAt))
                                                    : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(QStringLiteral(":created"), isoUtc(m.createdAt));
    query.bindValue(QStringLiteral(":updated"), isoUtc(m.updatedAt));
    query.bindValue(QStringLiteral(":uuid"), m.uuid);
    query.bindValue(QStringLiteral(":times"),
                    QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m.doseTimeTexts()))
                                          .toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        *error = fault(query.lastError(), QStringLiteral("cannot save %1").arg(m.title()));
        return false;
    }
    if (!insert && query.numRowsAffected() != 1) {
        *error = fault(StoreFault::Rejected,
                       QStringLiteral("there is no medication with id %1").arg(m.id));
        return false;
    }
    const qint64 id = insert && !keepId ? query.lastInsertId().toLongLong() : m.id;
    query.finish();

    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM field_confidence WHERE medication_id = ?"));
    clear.addBindValue(id);
    if (!clear.exec()) {
        *error = fault(clear.lastError(), QStringLiteral("cannot save %1").arg(m.title()));
        return false;
    }
    QSqlQuery confidence(db);
    confidence.prepare(QStringLiteral(
        "INSERT INTO field_confidence (medication_id, field, confidence) VALUES (?, ?, ?)"));
    for (auto it = m.confidence.cbegin(); it != m.confidence.cend(); ++it) {
        confidence.bindValue(0, id);
        confidence.bindValue(1, it.key());
        confidence.bindValue(2, it.value());
        if (!confidence.exec()) {
            *error = fault(confidence.lastError(), QStringLiteral("cannot save %1").arg(m.title()));
            return false;
        }
    }
    m.id = id;
    return true;
}

std::optional<Medication> MedicationStore::add(const Medication &medication, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    if (!isOpen()) {
        *error = fault(StoreFault::NotOpen, QStringLiteral("the medication database is not open"));
        return std::nullopt;
    }
    Medication record = medication;
    const QStringList problems = MedicationValidator::validate(record);
    if (!problems.isEmpty()) {
        *error = fault(StoreFault::Rejected, problems.join(QStringLiteral("; ")));
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
    if (!writeRecord(record, true, false, error) ||
        !queueChange(record.uuid, QStringLiteral("put"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return readBack(record, error);
}

std::optional<Medication> MedicationStore::update(const Medication &medication, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    Medication record = medication;
    const QStringList problems = MedicationValidator::validate(record);
    if (!problems.isEmpty()) {
        *error = fault(StoreFault::Rejected, problems.join(QStringLiteral("; ")));
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
    if (!writeRecord(record, false, true, error) ||
        !queueChange(record.uuid, QStringLiteral("put"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return readBack(record, error);
}

std::optional<Medication> MedicationStore::setActive(qint64 id, bool active, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    auto record = get(id, error);
    if (!record)
        return std::nullopt;
    if (record->active == active)
        return record;
    record->active = active;
    return update(*record, error);
}

std::optional<Medication> MedicationStore::remove(qint64 id, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
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
        *error = fault(query.lastError(), QStringLiteral("cannot delete %1").arg(record->title()));
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

std::optional<Medication> MedicationStore::restore(const Medication &medication, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    if (medication.id <= 0 || !medication.createdAt.isValid()) {
        *error = fault(StoreFault::Rejected,
                       QStringLiteral("only a record that was stored can be restored"));
        return std::nullopt;
    }
    Medication record = medication;
    const QStringList problems = MedicationValidator::validate(record);
    if (!problems.isEmpty()) {
        *error = fault(StoreFault::Rejected, problems.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    if (record.uuid.isEmpty())
        record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!begin(error))
        return std::nullopt;
    if (!writeRecord(record, true, true, error) ||
        !queueChange(record.uuid, QStringLiteral("put"), error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error))
        return std::nullopt;
    return readBack(record, error);
}

std::optional<QList<Medication>> MedicationStore::query(const QString &where, const QVariant &key,
                                                        QString *error) const {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen()) {
        *error = fault(StoreFault::NotOpen, QStringLiteral("the medication database is not open"));
        return std::nullopt;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM medications %2 ORDER BY active DESC, "
                                 "medication_name COLLATE NOCASE, id")
                      .arg(QLatin1String(kColumns), where));
    if (!where.isEmpty())
        query.addBindValue(key);
    if (!query.exec()) {
        *error = fault(query.lastError(), QStringLiteral("cannot read the medication database"));
        if (m_lastFault == StoreFault::Damaged && where.isEmpty())
            return salvage(error);
        return std::nullopt;
    }
    QList<Medication> records;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        const Medication m = recordFromRow(query);
        index.insert(m.id, records.size());
        records.append(m);
    }
    // A page that cannot be read ends the scan: never a shorter list as if it were whole.
    if (query.lastError().type() != QSqlError::NoError) {
        *error = fault(query.lastError(), QStringLiteral("cannot read the medication database"));
        if (m_lastFault == StoreFault::Damaged && where.isEmpty())
            return salvage(error);
        return std::nullopt;
    }
    query.finish();
    if (records.isEmpty())
        return records;

    QSqlQuery confidence(db);
    confidence.setForwardOnly(true);
    confidence.prepare(
        records.size() > 1
            ? QStringLiteral("SELECT medication_id, field, confidence FROM field_confidence")
            : QStringLiteral("SELECT medication_id, field, confidence FROM field_confidence WHERE "
                             "medication_id = ?"));
    if (records.size() == 1)
        confidence.addBindValue(records.constFirst().id);
    if (confidence.exec()) {
        while (confidence.next()) {
            const auto it = index.constFind(confidence.value(0).toLongLong());
            if (it != index.constEnd())
                records[*it].confidence.insert(confidence.value(1).toString(),
                                               confidence.value(2).toDouble());
        }
    }
    if (confidence.lastError().type() != QSqlError::NoError) {
        *error =
            fault(confidence.lastError(), QStringLiteral("cannot read the medication database"));
        if (m_lastFault == StoreFault::Damaged && where.isEmpty())
            return salvage(error);
        return std::nullopt;
    }
    return records;
}

std::optional<QList<Medication>> MedicationStore::salvage(QString *error) const {
    // A damaged file: each record looked up by its id, which reads only the pages on the way to
    // it, so records on pages that are still whole are shown. Ids run up to the highest one
    // SQLite can still name.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    qint64 highest = 0;
    for (const char *sql : {"SELECT seq FROM sqlite_sequence WHERE name = 'medications'",
                            "SELECT max(id) FROM medications"}) {
        QSqlQuery bound(db);
        if (bound.exec(QLatin1String(sql)) && bound.next())
            highest = std::max(highest, bound.value(0).toLongLong());
    }
    highest = std::min<qint64>(highest, kMaxSalvagedIds);
    const QString columns = QString::fromLatin1(kColumns).section(QStringLiteral(", CASE"), 0, 0) +
                            QStringLiteral(", ''");
    QList<Medication> records;
    for (qint64 id = 1; id <= highest; ++id) {
        QSqlQuery row(db);
        row.setForwardOnly(true);
        row.prepare(QStringLiteral("SELECT %1 FROM medications WHERE id = ?").arg(columns));
        row.addBindValue(id);
        if (!row.exec() || !row.next())
            continue;
        Medication m = recordFromRow(row);
        row.finish();
        // A row read from a page cut short comes back with fields missing: never shown as a record.
        Medication checked = m;
        if (!m.createdAt.isValid() || !m.updatedAt.isValid() || m.uuid.isEmpty() ||
            !MedicationValidator::validate(checked).isEmpty())
            continue;
        QSqlQuery confidence(db);
        confidence.prepare(QStringLiteral(
            "SELECT field, confidence FROM field_confidence WHERE medication_id = ?"));
        confidence.addBindValue(id);
        if (confidence.exec()) {
            while (confidence.next())
                m.confidence.insert(confidence.value(0).toString(), confidence.value(1).toDouble());
        }
        records.append(m);
    }
    if (records.isEmpty())
        return std::nullopt; // *error already says the file is damaged
    std::sort(records.begin(), records.end(), [](const Medication &a, const Medication &b) {
        if (a.active != b.active)
            return a.active;
        const int byName = a.medicationName.compare(b.medicationName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    error->clear();
    m_lastFault = StoreFault::None;
    return records;
}

std::optional<Medication> MedicationStore::readRecord(qint64 id, QString *error) const {
    const auto records = query(QStringLiteral("WHERE id = ?"), id, error);
    if (!records)
        return std::nullopt;
    if (records->isEmpty()) {
        *error = fault(StoreFault::Rejected,
                       QStringLiteral("there is no medication with id %1").arg(id));
        return std::nullopt;
    }
    return records->constFirst();
}

std::optional<Medication> MedicationStore::readByUuid(const QString &uuid, QString *error) const {
    const auto records = query(QStringLiteral("WHERE uuid = ?"), uuid, error);
    if (!records || records->isEmpty())
        return std::nullopt;
    return records->constFirst();
}

bool MedicationStore::queueChange(const QString &uuid, const QString &op, QString *error) {
    const QString context = QStringLiteral("cannot queue the change for the medication service");
    const auto run = [&](const QString &sql, const QVariantList &values) {
        return runStatement(sql, values, context, error);
    };
    // One entry per record: a newer change replaces the older one and moves to the end, since
    // the service is always sent the record as it is now.
    if (!run(QStringLiteral("DELETE FROM sync_outbox WHERE uuid = ?"), {uuid}) ||
        !run(QStringLiteral("INSERT INTO sync_outbox (uuid, op, queued_at) VALUES (?, ?, ?)"),
             {uuid, op, isoUtc(QDateTime::currentDateTimeUtc())}))
        return false;
    // A record deleted here while in conflict keeps the conflict, with "deleted here" as its local
    // side.
    return op != u"delete" ||
           run(QStringLiteral("UPDATE sync_conflicts SET local = NULL WHERE uuid = ?"), {uuid});
}

std::optional<Medication> MedicationStore::readBack(Medication record, QString *error) const {
    if (auto stored = get(record.id, error))
        return stored;
    // The change is committed: it is reported as saved even when reading it back failed.
    record.syncState = QStringLiteral("pending");
    error->clear();
    m_lastFault = StoreFault::None;
    return record;
}

std::optional<Medication> MedicationStore::get(qint64 id, QString *error) const {
    QString localError;
    return readRecord(id, error ? error : &localError);
}

std::optional<QList<Medication>> MedicationStore::list(QString *error) const {
    return query(QString(), QVariant(), error);
}

bool MedicationStore::sameDrug(const Medication &a, const Medication &b) {
    const QString name = normalisedName(a.medicationName);
    return !name.isEmpty() && name == normalisedName(b.medicationName);
}

QList<Medication> MedicationStore::findDuplicates(const Medication &medication,
                                                  QString *error) const {
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
                                      : medication.dosage.simplified().compare(
                                            other.dosage.simplified(), Qt::CaseInsensitive) == 0;
        if (sameStrength)
            duplicates.append(other);
    }
    return duplicates;
}

std::optional<QString> MedicationStore::importPhoto(const QString &sourcePath, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = fault(
            StoreFault::Rejected,
            QStringLiteral("cannot read the photo %1: %2").arg(sourcePath, source.errorString()));
        return std::nullopt;
    }
    if (source.size() > kMaxPhotoBytes) {
        *error = fault(StoreFault::Rejected,
                       QStringLiteral("the photo %1 is too large (%2 MB, at most %3 MB)")
                           .arg(sourcePath)
                           .arg(source.size() / (1024 * 1024))
                           .arg(kMaxPhotoBytes / (1024 * 1024)));
        return std::nullopt;
    }
    const QByteArray data = source.readAll();
    QString suffix;
    if (data.startsWith("\xFF\xD8\xFF"))
        suffix = QStringLiteral("jpg");
    else if (data.startsWith("\x89PNG\r\n\x1A\n"))
        suffix = QStringLiteral("png");
    else {
        *error = fault(StoreFault::Rejected,
                       QStringLiteral("the photo %1 is not a JPEG or PNG image").arg(sourcePath));
        return std::nullopt;
    }
    const QString folder = photoDirectory();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder)) {
            *error = fault(diagnoseStorage(),
                           QStringLiteral("cannot create the photo folder %1").arg(folder));
            return std::nullopt;
        }
    }
    QFile::setPermissions(folder, kOwnerDir);
    const QString target =
        folder + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'.' + suffix;
    QSaveFile file(target);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        const StoreFault kind = diagnoseStorage();
        *error = fault(
            kind,
            kind == StoreFault::StorageError
                ? QStringLiteral("cannot store the photo in %1: %2").arg(folder, file.errorString())
                : QStringLiteral("the photo could not be saved: %1")
                      .arg(faultMessage(kind, file.errorString())));
        return std::nullopt;
    }
    QFile::setPermissions(target, kOwnerFile);
    return target;
}

bool MedicationStore::discardPhoto(const QString &photoPath, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    m_lastFault = StoreFault::None;
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
        return true; // still in use (restored by undo, or shared)
    if (info.exists() && !QFile::remove(photoPath)) {
        *error = QStringLiteral("cannot delete the photo %1").arg(photoPath);
        return false;
    }
    return true;
}

qint64 MedicationStore::dataVersion() const {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString MedicationStore::integrityCheck() const {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(query.lastError());
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(u'\n');
}

bool MedicationStore::runStatement(const QString &sql, const QVariantList &values,
                                   const QString &context, QString *error) const {
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    *error = fault(query.lastError(), context);
    return false;
}

} // namespace kiosk::meds
