#include "meds/sync_ledger.h"

#include "meds/medication_store.h"
#include "meds/medication_validator.h"
#include "meds/record_merge.h"
#include "meds/sync_payload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

namespace kiosk::meds {

namespace {

QString isoUtc(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString compact(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant &text) {
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString sqlError(const QSqlError &error) {
    return (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
}

} // namespace

QString SyncConflict::title() const {
    if (local)
        return local->title();
    const QString name = remote.value(QStringLiteral("medication_name")).toString();
    const QString dosage = remote.value(QStringLiteral("dosage")).toString();
    return dosage.isEmpty() ? name : name + u' ' + dosage;
}

QString SyncConflict::remoteDevice() const {
    return remote.value(QStringLiteral("updated_by")).toString();
}

SyncLedger::SyncLedger(MedicationStore &store)
    : m_store(store) {}

QString SyncLedger::defaultDeviceName() {
    const QString configured = qEnvironmentVariable("KILO_KIOSK_DEVICE_NAME").trimmed();
    return configured.isEmpty() ? QSysInfo::machineHostName() : configured;
}

bool SyncLedger::run(const QString &sql, const QVariantList &values, QString *error) const {
    return m_store.runStatement(sql, values, QStringLiteral("the medication database"), error);
}

template <typename Body> bool SyncLedger::transaction(QString *error, Body body) {
    return m_store.inTransaction(error, std::move(body));
}

std::optional<SyncLedger::Known> SyncLedger::known(const QString &uuid) const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.prepare(QStringLiteral(
        "SELECT remote_version, base, extra, remote_deleted FROM sync_records WHERE uuid = ?"));
    query.addBindValue(uuid);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Known{query.value(0).toLongLong(), objectOf(query.value(1)), objectOf(query.value(2)),
                 query.value(3).toInt() != 0};
}

bool SyncLedger::remember(const QString &uuid, const QJsonObject &record, QString *error) {
    // A tombstone may carry no content; what was agreed before stays the base.
    QJsonObject base = SyncPayload::contentOf(record);
    if (base.isEmpty()) {
        if (const auto before = known(uuid))
            base = before->base;
    }
    return run(QStringLiteral("INSERT INTO sync_records (uuid, remote_version, base, extra, "
                              "remote_deleted) VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET remote_version = "
                              "excluded.remote_version, base = excluded.base, "
                              "extra = excluded.extra, remote_deleted = excluded.remote_deleted"),
               {uuid, qMax<qint64>(0, SyncPayload::versionOf(record)), compact(base),
                compact(SyncPayload::extraOf(record)), SyncPayload::isDeleted(record) ? 1 : 0},
               error);
}

bool SyncLedger::dropFromOutbox(const QString &uuid, std::optional<qint64> seq, QString *error) {
    // With a seq, only that entry: a newer change made meanwhile replaced it and must still go.
    return seq ? run(QStringLiteral("DELETE FROM sync_outbox WHERE seq = ?"), {*seq}, error)
               : run(QStringLiteral("DELETE FROM sync_outbox WHERE uuid = ?"), {uuid}, error);
}

bool SyncLedger::addConflict(const QString &uuid, const std::optional<Medication> &local,
                             const QJsonObject &remote, const QStringList &fields, QString *error) {
    return dropFromOutbox(uuid, std::nullopt, error) &&
           run(QStringLiteral("INSERT INTO sync_conflicts (uuid, local, remote, fields, "
                              "detected_at) VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (uuid) DO UPDATE SET local = excluded.local, remote = "
                              "excluded.remote, "
                              "fields = excluded.fields"),
               {uuid,
                local ? QVariant(compact(local->toJson()))
                      : QVariant(QMetaType(QMetaType::QString)),
                compact(remote),
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(fields))
                                      .toJson(QJsonDocument::Compact)),
                isoUtc(QDateTime::currentDateTimeUtc())},
               error);
}

bool SyncLedger::applyHere(const QJsonObject &record, const std::optional<Medication> &local,
                           QString *error) {
    const QString uuid = record.value(QStringLiteral("id")).toString();
    if (SyncPayload::isDeleted(record)) {
        if (!local)
            return true;
        return run(QStringLiteral("DELETE FROM medications WHERE uuid = ?"), {uuid}, error);
    }
    QStringList problems;
    auto incoming = SyncPayload::fromService(record, &problems);
    if (incoming)
        problems += MedicationValidator::validate(*incoming);
    if (!incoming || !problems.isEmpty()) {
        *error =
            QStringLiteral("the service's record %1 is not a medication this tablet can keep: %2")
                .arg(uuid, problems.join(QStringLiteral("; ")));
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    incoming->updatedAt = now;
    if (local) {
        incoming->id = local->id;
        incoming->photoPath = local->photoPath;
        incoming->createdAt = local->createdAt;
        incoming->stoppedAt =
            incoming->active ? QDateTime() : (local->active ? now : local->stoppedAt);
        return m_store.writeRecord(*incoming, false, true, error);
    }
    if (!incoming->createdAt.isValid())
        incoming->createdAt = now;
    incoming->stoppedAt = incoming->active ? QDateTime() : now;
    return m_store.writeRecord(*incoming, true, false, error);
}

bool SyncLedger::writeMerged(const Medication &local, const QJsonObject &content, QString *error) {
    Medication merged = local;
    QStringList problems;
    if (!merged.applyJson(content, &problems)) {
        *error = problems.join(QStringLiteral("; "));
        return false;
    }
    const bool wasActive = local.active;
    merged.updatedAt = QDateTime::currentDateTimeUtc();
    if (merged.active)
        merged.stoppedAt = QDateTime();
    else if (wasActive)
        merged.stoppedAt = merged.updatedAt;
    return m_store.writeRecord(merged, false, true, error);
}

std::optional<QList<OutboxEntry>> SyncLedger::pending(QString *error) const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT seq, uuid, op, attempts FROM sync_outbox "
                                   "WHERE op IN ('put', 'delete') AND uuid NOT IN (SELECT uuid "
                                   "FROM sync_conflicts) ORDER BY seq"))) {
        *error = QStringLiteral("cannot read the sync outbox: %1").arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    QList<OutboxEntry> entries;
    while (query.next()) {
        OutboxEntry entry;
        entry.seq = query.value(0).toLongLong();
        entry.uuid = query.value(1).toString();
        entry.op =
            query.value(2).toString() == u"delete" ? OutboxEntry::Op::Delete : OutboxEntry::Op::Put;
        entry.attempts = query.value(3).toInt();
        entries.append(entry);
    }
    query.finish();
    QList<OutboxEntry> ready;
    for (OutboxEntry &entry : entries) {
        const auto before = known(entry.uuid);
        QJsonObject extra;
        if (before) {
            entry.baseVersion = before->version;
            extra = before->extra;
            entry.title = SyncConflict{entry.uuid, std::nullopt, before->base, {}, {}}.title();
        }
        if (entry.op == OutboxEntry::Op::Put) {
            QString readError;
            const auto local = m_store.readByUuid(entry.uuid, &readError);
            if (!local) {
                if (!readError.isEmpty()) {
                    *error = readError;
                    return std::nullopt;
                }
                continue; // deleted meanwhile; its delete entry replaced this one
            }
            entry.title = local->title();
            entry.body = SyncPayload::toService(*local, extra, m_deviceName);
        }
        ready.append(entry);
    }
    return ready;
}

std::optional<OutboxEntry> SyncLedger::pendingFor(const QString &uuid, QString *error) const {
    const auto all = pending(error);
    if (!all)
        return std::nullopt;
    for (const OutboxEntry &entry : *all) {
        if (entry.uuid == uuid)
            return entry;
    }
    return std::nullopt;
}

bool SyncLedger::acknowledge(const QList<QPair<OutboxEntry, QJsonObject>> &stored, QString *error) {
    return transaction(error, [&] {
        for (const auto &[entry, record] : stored) {
            if (!remember(entry.uuid, record, error) ||
                !dropFromOutbox(entry.uuid, entry.seq, error))
                return false;
        }
        return true;
    });
}

std::optional<SyncLedger::Outcome>
SyncLedger::reconcile(const OutboxEntry &entry, const QJsonObject &current, QString *error) {
    Outcome outcome = Outcome::Settled;
    const bool ok = transaction(error, [&] {
        const auto before = known(entry.uuid);
        QString readError;
        const auto local = m_store.readByUuid(entry.uuid, &readError);
        if (!readError.isEmpty()) {
            *error = readError;
            return false;
        }
        const QJsonObject theirs = SyncPayload::contentOf(current);
        if (entry.op == OutboxEntry::Op::Delete || !local) {
            if (SyncPayload::isDeleted(current)) {
                outcome = Outcome::Settled;
                return remember(entry.uuid, current, error) &&
                       dropFromOutbox(entry.uuid, std::nullopt, error);
            }
            // Unchanged there since we saw it (or our own unacknowledged create): delete that
            // version.
            if (!before || before->base == theirs) {
                outcome = Outcome::Retry;
                return remember(entry.uuid, current, error);
            }
            outcome = Outcome::Conflict;
            return remember(entry.uuid, current, error) &&
                   addConflict(entry.uuid, std::nullopt, current, {}, error);
        }
        const QJsonObject mine = SyncPayload::content(*local);
        if (SyncPayload::isDeleted(current)) {
            outcome = Outcome::Conflict;
            return remember(entry.uuid, current, error) &&
                   addConflict(entry.uuid, local, current, {}, error);
        }
        if (mine == theirs) {
            outcome = Outcome::Settled; // our own earlier push, its answer lost
            return remember(entry.uuid, current, error) &&
                   dropFromOutbox(entry.uuid, std::nullopt, error);
        }
        // Without an agreed version the service's copy is our own earlier, unacknowledged push.
        const MergeResult merge = RecordMerge::merge(before ? before->base : theirs, mine, theirs);
        if (!merge.conflicts.isEmpty()) {
            outcome = Outcome::Conflict;
            return remember(entry.uuid, current, error) &&
                   addConflict(entry.uuid, local, current, merge.conflicts, error);
        }
        outcome = Outcome::Retry;
        return remember(entry.uuid, current, error) &&
               (merge.merged == mine || writeMerged(*local, merge.merged, error));
    });
    if (!ok)
        return std::nullopt;
    return outcome;
}

bool SyncLedger::forgetRemote(const OutboxEntry &entry, QString *error) {
    return transaction(error, [&] {
        if (!run(QStringLiteral("DELETE FROM sync_records WHERE uuid = ?"), {entry.uuid}, error))
            return false;
        return entry.op == OutboxEntry::Op::Put || dropFromOutbox(entry.uuid, entry.seq, error);
    });
}

bool SyncLedger::noteFailure(const QList<OutboxEntry> &entries, const QString &why,
                             QString *error) {
    return transaction(error, [&] {
        for (const OutboxEntry &entry : entries) {
            if (!run(QStringLiteral("UPDATE sync_outbox SET attempts = attempts + 1, last_error = "
                                    "? WHERE seq = ?"),
                     {why, entry.seq}, error))
                return false;
        }
        return true;
    });
}

std::optional<PullResult> SyncLedger::applyRemote(const QList<QJsonObject> &records,
                                                  const QString &cursor, QString *error) {
    PullResult result;
    const bool ok = transaction(error, [&] {
        for (const QJsonObject &record : records) {
            const QString uuid = record.value(QStringLiteral("id")).toString();
            const qint64 version = SyncPayload::versionOf(record);
            if (uuid.isEmpty() || version < 0) {
                result.rejected.append(QStringLiteral("a record without an id or a version"));
                continue;
            }
            const auto before = known(uuid);
            if (before && version <= before->version)
                continue; // seen already (often our own push coming back)
            QStringList problems;
            const QJsonObject theirs = SyncPayload::contentOf(record, &problems);
            if (!SyncPayload::isDeleted(record) && theirs.isEmpty()) {
                result.rejected.append(
                    QStringLiteral("%1: %2").arg(uuid, problems.join(QStringLiteral("; "))));
                continue;
            }
            QString readError;
            const auto local = m_store.readByUuid(uuid, &readError);
            if (!readError.isEmpty()) {
                *error = readError;
                return false;
            }

            QSqlQuery state(QSqlDatabase::database(m_store.m_connection, false));
            state.prepare(QStringLiteral("SELECT (SELECT op FROM sync_outbox WHERE uuid = ?), "
                                         "(SELECT count(*) FROM sync_conflicts WHERE uuid = ?)"));
            state.addBindValue(uuid);
            state.addBindValue(uuid);
            if (!state.exec() || !state.next()) {
                *error = sqlError(state.lastError());
                return false;
            }
            const QString queued = state.value(0).toString();
            const bool inConflict = state.value(1).toInt() > 0;
            state.finish();

            if (inConflict) {
                // The other side moved on: the conflict shows its newest version.
                if (!remember(uuid, record, error) ||
                    !run(QStringLiteral("UPDATE sync_conflicts SET remote = ? WHERE uuid = ?"),
                         {compact(record), uuid}, error))
                    return false;
                continue;
            }
            if (queued == u"put" && local) {
                const QJsonObject mine = SyncPayload::content(*local);
                if (SyncPayload::isDeleted(record)) {
                    if (!remember(uuid, record, error) ||
                        !addConflict(uuid, local, record, {}, error))
                        return false;
                    ++result.conflicts;
                    continue;
                }
                if (mine == theirs) {
                    if (!remember(uuid, record, error) ||
                        !dropFromOutbox(uuid, std::nullopt, error))
                        return false;
                    continue;
                }
                const MergeResult merge =
                    RecordMerge::merge(before ? before->base : theirs, mine, theirs);
                if (!remember(uuid, record, error))
                    return false;
                if (!merge.conflicts.isEmpty()) {
                    if (!addConflict(uuid, local, record, merge.conflicts, error))
                        return false;
                    ++result.conflicts;
                } else {
                    if (merge.merged != mine && !writeMerged(*local, merge.merged, error))
                        return false;
                    ++result.merged;
                }
                continue;
            }
            if (queued == u"delete") {
                if (SyncPayload::isDeleted(record)) {
                    if (!remember(uuid, record, error) ||
                        !dropFromOutbox(uuid, std::nullopt, error))
                        return false;
                } else if (!before || before->base == theirs) {
                    if (!remember(uuid, record, error)) // our delete goes on, against this version
                        return false;
                } else {
                    if (!remember(uuid, record, error) ||
                        !addConflict(uuid, std::nullopt, record, {}, error))
                        return false;
                    ++result.conflicts;
                }
                continue;
            }
            QString applyError;
            if (!applyHere(record, local, &applyError)) {
                if (applyError.startsWith(QStringLiteral("the service's record"))) {
                    result.rejected.append(applyError);
                    continue;
                }
                *error = applyError;
                return false;
            }
            if (!remember(uuid, record, error))
                return false;
            ++result.applied;
        }
        return setMeta(QStringLiteral("cursor"), cursor, error);
    });
    if (!ok)
        return std::nullopt;
    return result;
}

QString SyncLedger::cursor() const {
    return meta(QStringLiteral("cursor"));
}

std::optional<QList<SyncConflict>> SyncLedger::conflicts(QString *error) const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT uuid, remote, fields, detected_at FROM sync_conflicts "
                                   "ORDER BY detected_at, uuid"))) {
        *error =
            QStringLiteral("cannot read the sync conflicts: %1").arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    QList<SyncConflict> out;
    while (query.next()) {
        SyncConflict conflict;
        conflict.uuid = query.value(0).toString();
        conflict.remote = objectOf(query.value(1));
        for (const QJsonValue &field :
             QJsonDocument::fromJson(query.value(2).toString().toUtf8()).array())
            conflict.fields.append(field.toString());
        conflict.detectedAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
        out.append(conflict);
    }
    query.finish();
    for (SyncConflict &conflict : out) {
        QString readError;
        conflict.local = m_store.readByUuid(conflict.uuid, &readError);
        if (!readError.isEmpty()) {
            *error = readError;
            return std::nullopt;
        }
    }
    return out;
}

bool SyncLedger::resolve(const QString &uuid, Keep keep, QString *error) {
    return transaction(error, [&] {
        QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
        query.prepare(QStringLiteral("SELECT remote FROM sync_conflicts WHERE uuid = ?"));
        query.addBindValue(uuid);
        if (!query.exec() || !query.next()) {
            *error = QStringLiteral("there is no conflict for the medication %1").arg(uuid);
            return false;
        }
        const QJsonObject remote = objectOf(query.value(0));
        query.finish();
        QString readError;
        const auto local = m_store.readByUuid(uuid, &readError);
        if (!readError.isEmpty()) {
            *error = readError;
            return false;
        }
        if (!run(QStringLiteral("DELETE FROM sync_conflicts WHERE uuid = ?"), {uuid}, error) ||
            !remember(uuid, remote, error))
            return false;
        if (keep == Keep::Local) // sent against the service's version, so it replaces it there
            return m_store.queueChange(
                uuid, local ? QStringLiteral("put") : QStringLiteral("delete"), error);
        return dropFromOutbox(uuid, std::nullopt, error) && applyHere(remote, local, error);
    });
}

SyncStatus SyncLedger::status() const {
    SyncStatus status;
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    if (query.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM sync_outbox), (SELECT count(*) FROM sync_conflicts)")) &&
        query.next()) {
        status.pending = query.value(0).toInt();
        status.conflicts = query.value(1).toInt();
    }
    query.finish();
    status.lastSyncAt =
        QDateTime::fromString(meta(QStringLiteral("last_sync_at")), Qt::ISODateWithMs);
    status.lastAttemptAt =
        QDateTime::fromString(meta(QStringLiteral("last_attempt_at")), Qt::ISODateWithMs);
    status.lastError = meta(QStringLiteral("last_error"));
    status.cursor = meta(QStringLiteral("cursor"));
    return status;
}

bool SyncLedger::noteRound(bool succeeded, const QString &why) {
    QString error;
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    return transaction(&error, [&] {
        return setMeta(QStringLiteral("last_attempt_at"), now, &error) &&
               (!succeeded || setMeta(QStringLiteral("last_sync_at"), now, &error)) &&
               setMeta(QStringLiteral("last_error"), succeeded ? QString() : why, &error);
    });
}

bool SyncLedger::setMeta(const QString &key, const QString &value, QString *error) {
    return run(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                              "DO UPDATE SET value = excluded.value"),
               {key, value.isNull() ? QStringLiteral("") : value}, error);
}

QString SyncLedger::meta(const QString &key) const {
    QSqlQuery query(QSqlDatabase::database(m_store.m_connection, false));
    query.prepare(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace kiosk::meds
