#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace kiosk::security {

// One administrator action as recorded in the audit log (one JSON object per line):
// {"time":"2026-11-26T09:30:00.000Z","actor":"admin","action":"cluster.cleanup",
//  "target":"kilo-guardian/kilo-meds","outcome":"success","detail":"deleted 7 ReplicaSets"}
struct AuditEntry {
    enum class Outcome { Success, Failure, Denied };

    QDateTime time; // UTC; filled in by AuditLog::append when invalid
    QString actor = QStringLiteral("admin");
    QString action; // dotted verb, e.g. "pin.change", "cluster.rollback"
    QString target; // what the action touched, e.g. "deployment/kilo-meds"
    Outcome outcome = Outcome::Success;
    QString detail; // free text, redacted before it is written

    // The entry with every text field passed through redact().
    AuditEntry redacted() const;

    QJsonObject toJson() const;
    // Null when `object` is not an audit entry (missing time or action, unknown outcome).
    static std::optional<AuditEntry> fromJson(const QJsonObject &object);

    static QString outcomeName(Outcome outcome);
    static std::optional<Outcome> outcomeFromName(const QString &name);

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

} // namespace kiosk::security
