#include "security/audit_entry.h"

#include "security/redaction.h"

namespace kiosk::security {

AuditEntry AuditEntry::redacted() const {
    AuditEntry copy = *this;
    copy.actor = redact(actor);
    copy.action = redact(action);
    copy.target = redact(target);
    copy.detail = redact(detail);
    return copy;
}

QJsonObject AuditEntry::toJson() const {
    return QJsonObject{
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("actor"), actor},
        {QStringLiteral("action"), action},
        {QStringLiteral("target"), target},
        {QStringLiteral("outcome"), outcomeName(outcome)},
        {QStringLiteral("detail"), detail},
    };
}

std::optional<AuditEntry> AuditEntry::fromJson(const QJsonObject &object) {
    AuditEntry entry;
    entry.time =
        QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    entry.action = object.value(QStringLiteral("action")).toString();
    const auto outcome = outcomeFromName(object.value(QStringLiteral("outcome")).toString());
    if (!entry.time.isValid() || entry.action.isEmpty() || !outcome)
        return std::nullopt;
    entry.time = entry.time.toUTC();
    entry.outcome = *outcome;
    entry.actor = object.value(QStringLiteral("actor")).toString();
    entry.target = object.value(QStringLiteral("target")).toString();
    entry.detail = object.value(QStringLiteral("detail")).toString();
    return entry;
}

QString AuditEntry::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::Failure:
        return QStringLiteral("failure");
    case Outcome::Denied:
        return QStringLiteral("denied");
    }
    return QStringLiteral("failure");
}

std::optional<AuditEntry::Outcome> AuditEntry::outcomeFromName(const QString &name) {
    if (name == u"success")
        return Outcome::Success;
    if (name == u"failure")
        return Outcome::Failure;
    if (name == u"denied")
        return Outcome::Denied;
    return std::nullopt;
}

} // namespace kiosk::security
