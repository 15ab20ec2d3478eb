#include "meds/sync_payload.h"

namespace kiosk::meds {

namespace {

// The service's bookkeeping and this tablet's own keys: never content, never "unknown".
const QStringList &reservedKeys() {
    static const QStringList keys = {QStringLiteral("id"),         QStringLiteral("uuid"),
                                     QStringLiteral("version"),    QStringLiteral("deleted"),
                                     QStringLiteral("updated_at"), QStringLiteral("updated_by"),
                                     QStringLiteral("created_at"), QStringLiteral("stopped_at"),
                                     QStringLiteral("photo"),      QStringLiteral("sync_state")};
    return keys;
}

} // namespace

QJsonObject SyncPayload::content(const Medication &medication) {
    const QJsonObject all = medication.toJson();
    QJsonObject out;
    for (const QString &key : Medication::editableFields())
        out.insert(key, all.value(key));
    return out;
}

std::optional<Medication> SyncPayload::fromService(const QJsonObject &record, QStringList *errors) {
    auto medication = Medication::fromJson(record, errors);
    if (!medication)
        return std::nullopt;
    medication->uuid = record.value(QStringLiteral("id")).toString();
    const QDateTime created = QDateTime::fromString(
        record.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    if (created.isValid())
        medication->createdAt = created.toUTC();
    return medication;
}

QJsonObject SyncPayload::contentOf(const QJsonObject &record, QStringList *errors) {
    const auto medication = fromService(record, errors);
    return medication ? content(*medication) : QJsonObject();
}

QJsonObject SyncPayload::extraOf(const QJsonObject &record) {
    const QStringList known = Medication::editableFields();
    QJsonObject extra;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!known.contains(it.key()) && !reservedKeys().contains(it.key()))
            extra.insert(it.key(), it.value());
    }
    return extra;
}

QJsonObject SyncPayload::toService(const Medication &medication, const QJsonObject &extra,
                                   const QString &deviceName) {
    QJsonObject out = extra;
    const QJsonObject fields = content(medication);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        out.insert(it.key(), it.value());
    out.insert(QStringLiteral("id"), medication.uuid);
    if (medication.createdAt.isValid())
        out.insert(QStringLiteral("created_at"),
                   medication.createdAt.toUTC().toString(Qt::ISODateWithMs));
    out.insert(QStringLiteral("updated_by"), deviceName);
    return out;
}

qint64 SyncPayload::versionOf(const QJsonObject &record) {
    return record.value(QStringLiteral("version")).toInteger(-1);
}

bool SyncPayload::isDeleted(const QJsonObject &record) {
    return record.value(QStringLiteral("deleted")).toBool(false);
}

} // namespace kiosk::meds
