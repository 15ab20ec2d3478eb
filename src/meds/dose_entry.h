#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::meds {

// One line of the dose log: a dose of one medication given or skipped, by whom, on which
// tablet. Written once and never changed (a mistake is corrected by a later entry), so two
// tablets never disagree about an entry, only about which entries they have seen.
struct DoseEntry {
    enum class Status { Given, Skipped };

    QString uuid;           // the entry's own name on every device and the service
    QString medicationUuid; // Medication::uuid
    QDateTime scheduledAt;  // UTC; invalid for an as-needed or extra dose
    QDateTime at;           // UTC: when it was given or skipped
    Status status = Status::Given;
    QString reason;                      // why skipped (or a note)
    QString givenBy;                     // the caregiver's first name, optional
    QString device;                      // the tablet that logged it
    QDateTime loggedAt;                  // UTC: when it was entered
    QJsonObject extra;                   // fields a newer service added, kept and sent back
    std::optional<qint64> remoteVersion; // the service's version, once it has the entry

    bool given() const { return status == Status::Given; }
    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);

    // The entry as the medication service keeps it: {"id", "medication_id", "scheduled_at",
    // "at", "status", "reason", "given_by", "device", "logged_at"} plus the extra fields.
    QJsonObject toServiceJson() const;
    // Reads an entry the service sent (its "version" becomes remoteVersion); nullopt and one
    // sentence per problem when it cannot be a dose.
    static std::optional<DoseEntry> fromServiceJson(const QJsonObject &object, QStringList *errors);
    // Sentences for what is wrong with an entry about to be written; empty when it is fine.
    QStringList problems() const;
};

} // namespace kiosk::meds
