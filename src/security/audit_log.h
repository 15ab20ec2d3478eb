#pragma once

#include "security/audit_entry.h"

#include <QList>
#include <QString>

namespace kiosk::security {

// The append-only record of administrator actions: JSON Lines (one AuditEntry per line) in the
// app data folder, owner-only (0600 file in a 0700 folder). Every text field is passed through
// redact() before it is written, so no token, key or PIN reaches the file. When the file would
// grow past maxBytes it is rotated: audit.jsonl -> audit.jsonl.1 -> ... -> audit.jsonl.<keep>,
// the oldest dropped. Appends from several processes (UI and CLI) are serialised by a lock file.
class AuditLog {
public:
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024;
    static constexpr int kDefaultKeepRotated = 3;
    static constexpr qsizetype kMaxFieldLength = 2000; // longer fields are cut (with "…")

    explicit AuditLog(const QString &filePath = defaultFilePath(),
                      qint64 maxBytes = kDefaultMaxBytes, int keepRotated = kDefaultKeepRotated);

    // <AppDataLocation>/audit.jsonl, e.g. ~/.local/share/Kilo Guardian/kilo-kiosk/audit.jsonl.
    static QString defaultFilePath();

    QString filePath() const { return m_filePath; }
    qint64 maxBytes() const { return m_maxBytes; }
    int keepRotated() const { return m_keepRotated; }

    // Appends one line. The time is set to now (UTC) when `entry.time` is invalid; an empty actor
    // becomes "admin". False (and lastError()) when the file cannot be written.
    bool append(const AuditEntry &entry);
    // Shorthand for append() with actor "admin" and the current time.
    bool record(const QString &action, const QString &target, AuditEntry::Outcome outcome,
                const QString &detail = QString());

    // The newest `count` entries, newest first, across the rotated files; malformed lines are
    // skipped.
    QList<AuditEntry> lastEntries(int count) const;

    QString lastError() const { return m_lastError; }

private:
    bool rotateIfNeeded(qint64 incomingBytes);
    QString rotatedPath(int index) const;

    QString m_filePath;
    qint64 m_maxBytes;
    int m_keepRotated;
    QString m_lastError;
};

} // namespace kiosk::security
