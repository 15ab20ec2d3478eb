#include "meds/dose_log.h"

#include "meds/medication_store.h"
#include "meds/sync_ledger.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace kiosk::meds {

namespace {

const char kColumns[] = "uuid, medication_uuid, scheduled_at, taken_at, status, reason, given_by, "
                        "device, logged_at, extra, remote_version";

QString isoUtc(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant &value) {
    if (value.isNull() || value.toString().isEmpty())
        return {};
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString sqlError(const QSqlError &error) {
    return (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
}

DoseEntry readRow(const QSqlQuery &query) {
    DoseEntry entry;
    entry.uuid = query.value(0).toString();
    entry.medicationUuid = query.value(1).toString();
    entry.scheduledAt = fromIso(query.value(2));
    entry.at = fromIso(query.value(3));
    entry.status =
        DoseEntry::statusFromName(query.value(4).toString()).value_or(DoseEntry::Status::Given);
    entry.reason = query.value(5).toString();
    entry.givenBy = query.value(6).toString();
    entry.device = query.value(7).toString();
    entry.loggedAt = fromIso(query.value(8));
    entry.extra = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
    if (!query.value(10).isNull())
        entry.remoteVersion = query.value(10).toLongLong();
    return entry;
}

} // namespace

DoseLog::DoseLog(MedicationStore &store)
    : m_store(store)
    , m_deviceName(SyncLedger::defaultDeviceName()) {}

bool DoseLog::run(const QString &sql, const QVariantList &values, QString *error) const {
    return m_store.runStatement(sql, values, QStringLiteral("the dose log"), error);
}

template <typename Body> bool DoseLog::transaction(QString *error, Body body) {
    return m_store.inTransaction(error, std::move(body));
}

bool DoseLog::insert(const DoseEntry &entry, QString *error) {
    const QVariant null{QMetaType(QMetaType::QString)};
    return run(QStringLiteral("INSERT INTO doses (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                   .arg(QLatin1String(kColumns)),
               {entry.uuid, entry.medicationUuid,
                entry.scheduledAt.isValid() ? QVariant(isoUtc(entry.scheduledAt)) : null,
                isoUtc(entry.at), DoseEntry::statusName(entry.status),
                entry.reason.isNull() ? QStringLiteral("") : entry.reason,
                entry.givenBy.isNull() ? QStringLiteral("") : entry.givenBy,
                entry.device.isNull() ? QStringLiteral("") : entry.device, isoUtc(entry.loggedAt),
                QString::fromUtf8(QJsonDocument(entry.extra).toJson(QJsonDocument::Compact)),
                entry.remoteVersion ? QVariant(*entry.remoteVersion)
                                    : QVariant(QMetaType(QMetaType::LongLong))},
               error);
}

std::optional<DoseEntry> DoseLog::append(DoseEntry entry, QString *error) {
    QString localError;
    if (!error)
        error = &localError;
    if (entry.uuid.isEmpty())
        entry.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!entry.loggedAt.isValid())
        entry.loggedAt = QDateTime::currentDateTimeUtc();
    if (entry.device.isEmpty())
        entry.device = m_deviceName;
    entry.reason = entry.reason.simplified();
    entry.givenBy = entry.givenBy.simplified();
    entry.remoteVersion.reset();
    if (const QStringList problems = entry.problems(); !problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return std::nullopt;
    }
    const bool ok = transaction(error, [&] {
        return insert(entry, error) &&
               run(QStringLiteral(
                       "INSERT INTO sync_outbox (uuid, op, queued_at) VALUES (?, 'dose', ?)"),
                   {entry.uuid, isoUtc(QDateTime::currentDateTimeUtc())}, error);
    });
    if (!ok)
        return std::nullopt;
    return entry;
}

std::optional<QList<DoseEntry>> DoseLog::entries(const QDateTime &from, const QDateTime &to,
                                                 const QString &medicationUuid,
                                                 QString *error) const {
    QString localError;
    if (!error)
        error = &localError;
    QStringList where;
    QVariantList values;
    if (from.isValid()) {
        where.append(QStringLiteral("taken_at >= ?"));
        values.append(isoUtc(from));
    }
    if (to.isValid()) {
        where.append(QStringLiteral("taken_at < ?"));
        values.append(isoUtc(to));
    }
    if (!medicationUuid.isEmpty()) {
        where.append(QStringLiteral("medication_uuid = ?"));
        values.append(medicationUuid);
    }
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.setForwardOnly(true);
    // ISO UTC text with milliseconds sorts as time does.
    query.prepare(QStringLiteral("SELECT %1 FROM doses %2 ORDER BY taken_at, logged_at, uuid")
                      .arg(QLatin1String(kColumns),
                           where.isEmpty()
                               ? QString()
                               : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = QStringLiteral("cannot read the dose log: %1").arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    QList<DoseEntry> out;
    while (query.next())
        out.append(readRow(query));
    return out;
}

std::optional<DoseEntry> DoseLog::entry(const QString &uuid, QString *error) const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.prepare(
        QStringLiteral("SELECT %1 FROM doses WHERE uuid = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(uuid);
    if (!query.exec()) {
        if (error)
            *error =
                QStringLiteral("cannot read the dose log: %1").arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return readRow(query);
}

int DoseLog::count() const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM doses")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

std::optional<QList<QueuedDose>> DoseLog::pending(QString *error) const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT o.seq, d.uuid, d.medication_uuid, d.scheduled_at, "
                                   "d.taken_at, d.status, d.reason, "
                                   "d.given_by, d.device, d.logged_at, d.extra, d.remote_version "
                                   "FROM sync_outbox o JOIN doses d ON d.uuid = o.uuid WHERE o.op "
                                   "= 'dose' ORDER BY o.seq"))) {
        *error = QStringLiteral("cannot read the sync outbox: %1").arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    QList<QueuedDose> out;
    while (query.next()) {
        QueuedDose queued;
        queued.seq = query.value(0).toLongLong();
        // readRow reads from column 0: shift by building the entry by hand.
        DoseEntry &entry = queued.entry;
        entry.uuid = query.value(1).toString();
        entry.medicationUuid = query.value(2).toString();
        entry.scheduledAt = fromIso(query.value(3));
        entry.at = fromIso(query.value(4));
        entry.status =
            DoseEntry::statusFromName(query.value(5).toString()).value_or(DoseEntry::Status::Given);
        entry.reason = query.value(6).toString();
        entry.givenBy = query.value(7).toString();
        entry.device = query.value(8).toString();
        entry.loggedAt = fromIso(query.value(9));
        entry.extra = QJsonDocument::fromJson(query.value(10).toString().toUtf8()).object();
        out.append(queued);
    }
    return out;
}

bool DoseLog::acknowledge(const QList<QPair<QueuedDose, QJsonObject>> &stored, QString *error) {
    return transaction(error, [&] {
        for (const auto &[queued, record] : stored) {
            const QVariant version =
                record.value(QStringLiteral("version")).isDouble()
                    ? QVariant(record.value(QStringLiteral("version")).toInteger())
                    : QVariant(QMetaType(QMetaType::LongLong));
            if (!run(QStringLiteral("UPDATE doses SET remote_version = ? WHERE uuid = ?"),
                     {version, queued.entry.uuid}, error) ||
                !run(QStringLiteral("DELETE FROM sync_outbox WHERE seq = ?"), {queued.seq}, error))
                return false;
        }
        return true;
    });
}

bool DoseLog::takeRemote(const QueuedDose &queued, const QJsonObject &current, QString *error) {
    QStringList problems;
    const auto theirs = DoseEntry::fromServiceJson(current, &problems);
    return transaction(error, [&] {
        if (theirs && theirs->uuid == queued.entry.uuid) {
            if (!run(QStringLiteral("DELETE FROM doses WHERE uuid = ?"), {queued.entry.uuid},
                     error) ||
                !insert(*theirs, error))
                return false;
        }
        return run(QStringLiteral("DELETE FROM sync_outbox WHERE seq = ?"), {queued.seq}, error);
    });
}

bool DoseLog::noteFailure(const QList<QueuedDose> &entries, const QString &why, QString *error) {
    return transaction(error, [&] {
        for (const QueuedDose &queued : entries) {
            if (!run(QStringLiteral("UPDATE sync_outbox SET attempts = attempts + 1, last_error = "
                                    "? WHERE seq = ?"),
                     {why, queued.seq}, error))
                return false;
        }
        return true;
    });
}

std::optional<int> DoseLog::applyRemote(const QList<QJsonObject> &records, const QString &cursor,
                                        QStringList *rejected, QString *error) {
    int added = 0;
    const bool ok = transaction(error, [&] {
        for (const QJsonObject &record : records) {
            QStringList problems;
            const auto theirs = DoseEntry::fromServiceJson(record, &problems);
            if (!theirs) {
                if (rejected)
                    rejected->append(QStringLiteral("dose %1: %2")
                                         .arg(record.value(QStringLiteral("id")).toString(),
                                              problems.join(QStringLiteral("; "))));
                continue;
            }
            QSqlQuery existing(QSqlDatabase::database(m_store.m_connection, false));
            existing.prepare(QStringLiteral("SELECT count(*) FROM doses WHERE uuid = ?"));
            existing.addBindValue(theirs->uuid);
            if (!existing.exec() || !existing.next()) {
                *error = sqlError(existing.lastError());
                return false;
            }
            const bool known = existing.value(0).toInt() > 0;
            existing.finish();
            if (known) {
                // Our own entry coming back (or one seen before): only its version is new.
                if (!run(QStringLiteral("UPDATE doses SET remote_version = ? WHERE uuid = ?"),
                         {theirs->remoteVersion ? QVariant(*theirs->remoteVersion)
                                                : QVariant(QMetaType(QMetaType::LongLong)),
                          theirs->uuid},
                         error))
                    return false;
                continue;
            }
            if (!insert(*theirs, error))
                return false;
            ++added;
        }
        return run(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('dose_cursor', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                   {cursor.isNull() ? QStringLiteral("") : cursor}, error);
    });
    if (!ok)
        return std::nullopt;
    return added;
}

QString DoseLog::cursor() const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    if (!query.exec(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'dose_cursor'")) ||
        !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace kiosk::meds
