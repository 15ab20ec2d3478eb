#include "meds/dose_entry.h"

#include <QUuid>

namespace kiosk::meds {

namespace {

const QStringList &serviceKeys() {
    static const QStringList keys = {
        QStringLiteral("id"),       QStringLiteral("medication_id"), QStringLiteral("scheduled_at"),
        QStringLiteral("at"),       QStringLiteral("status"),        QStringLiteral("reason"),
        QStringLiteral("given_by"), QStringLiteral("device"),        QStringLiteral("logged_at"),
        QStringLiteral("version"),  QStringLiteral("updated_at"),    QStringLiteral("updated_by"),
        QStringLiteral("deleted")};
    return keys;
}

QString isoUtc(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime readTime(const QJsonValue &value) {
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

bool hasControlCharacters(const QString &text) {
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

QString DoseEntry::statusName(Status status) {
    return status == Status::Given ? QStringLiteral("given") : QStringLiteral("skipped");
}

std::optional<DoseEntry::Status> DoseEntry::statusFromName(const QString &name) {
    if (name == u"given")
        return Status::Given;
    if (name == u"skipped")
        return Status::Skipped;
    return std::nullopt;
}

QJsonObject DoseEntry::toServiceJson() const {
    QJsonObject out = extra;
    out.insert(QStringLiteral("id"), uuid);
    out.insert(QStringLiteral("medication_id"), medicationUuid);
    out.insert(QStringLiteral("scheduled_at"),
               scheduledAt.isValid() ? QJsonValue(isoUtc(scheduledAt)) : QJsonValue());
    out.insert(QStringLiteral("at"), isoUtc(at));
    out.insert(QStringLiteral("status"), statusName(status));
    out.insert(QStringLiteral("reason"), reason);
    out.insert(QStringLiteral("given_by"), givenBy);
    out.insert(QStringLiteral("device"), device);
    out.insert(QStringLiteral("logged_at"), isoUtc(loggedAt.isValid() ? loggedAt : at));
    return out;
}

std::optional<DoseEntry> DoseEntry::fromServiceJson(const QJsonObject &object,
                                                    QStringList *errors) {
    QStringList problems;
    DoseEntry entry;
    entry.uuid = object.value(QStringLiteral("id")).toString();
    entry.medicationUuid = object.value(QStringLiteral("medication_id")).toString();
    if (QUuid::fromString(entry.uuid).isNull())
        problems.append(QStringLiteral("a dose without a UUID as its id"));
    if (entry.medicationUuid.isEmpty())
        problems.append(QStringLiteral("a dose without its medication_id"));
    const QJsonValue scheduled = object.value(QStringLiteral("scheduled_at"));
    if (!scheduled.isNull() && !scheduled.isUndefined()) {
        entry.scheduledAt = readTime(scheduled);
        if (!entry.scheduledAt.isValid())
            problems.append(QStringLiteral("scheduled_at is not an RFC 3339 time"));
    }
    entry.at = readTime(object.value(QStringLiteral("at")));
    if (!entry.at.isValid())
        problems.append(QStringLiteral("at is not an RFC 3339 time"));
    const auto status = statusFromName(object.value(QStringLiteral("status")).toString());
    if (!status)
        problems.append(QStringLiteral("status must be \"given\" or \"skipped\""));
    else
        entry.status = *status;
    entry.reason = object.value(QStringLiteral("reason")).toString();
    entry.givenBy = object.value(QStringLiteral("given_by")).toString();
    entry.device = object.value(QStringLiteral("device")).toString();
    entry.loggedAt = readTime(object.value(QStringLiteral("logged_at")));
    if (!entry.loggedAt.isValid())
        entry.loggedAt = entry.at;
    if (object.value(QStringLiteral("version")).isDouble())
        entry.remoteVersion = object.value(QStringLiteral("version")).toInteger();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!serviceKeys().contains(it.key()))
            entry.extra.insert(it.key(), it.value());
    }
    problems += entry.problems();
    if (!problems.isEmpty()) {
        if (errors)
            *errors += problems;
        return std::nullopt;
    }
    return entry;
}

QStringList DoseEntry::problems() const {
    QStringList out;
    if (medicationUuid.isEmpty())
        out.append(QStringLiteral("the dose names no medication"));
    if (!at.isValid())
        out.append(QStringLiteral("the dose has no time"));
    if (reason.size() > 500 || hasControlCharacters(reason))
        out.append(QStringLiteral("the reason must be one line of at most 500 characters"));
    if (givenBy.size() > 60 || hasControlCharacters(givenBy))
        out.append(
            QStringLiteral("the caregiver's name must be one line of at most 60 characters"));
    if (device.size() > 200 || hasControlCharacters(device))
        out.append(QStringLiteral("the device name must be one line of at most 200 characters"));
    return out;
}

} // namespace kiosk::meds
