#include "security/audit_log.h"

#include "security/private_file.h"
#include "security/redaction.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QStandardPaths>

#include <algorithm>

namespace kiosk::security {
namespace {
constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString capped(const QString &text) {
    if (text.size() <= AuditLog::kMaxFieldLength)
        return text;
    return text.left(AuditLog::kMaxFieldLength - 1) + QChar(0x2026);
}
} // namespace

AuditLog::AuditLog(const QString &filePath, qint64 maxBytes, int keepRotated)
    : m_filePath(filePath)
    , m_maxBytes(std::max<qint64>(maxBytes, 1024))
    , m_keepRotated(std::max(keepRotated, 0)) {}

QString AuditLog::defaultFilePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/audit.jsonl");
}

QString AuditLog::rotatedPath(int index) const {
    return m_filePath + u'.' + QString::number(index);
}

bool AuditLog::append(const AuditEntry &entry) {
    AuditEntry clean = entry.redacted();
    if (!clean.time.isValid())
        clean.time = QDateTime::currentDateTimeUtc();
    if (clean.actor.isEmpty())
        clean.actor = QStringLiteral("admin");
    clean.actor = capped(clean.actor);
    clean.action = capped(clean.action);
    clean.target = capped(clean.target);
    clean.detail = capped(clean.detail);
    if (clean.action.isEmpty()) {
        m_lastError = QStringLiteral("audit entry without an action");
        return false;
    }
    const QByteArray line = QJsonDocument(clean.toJson()).toJson(QJsonDocument::Compact) + '\n';

    if (!ensurePrivateDirectory(QFileInfo(m_filePath).absolutePath(), &m_lastError))
        return false;
    QLockFile lock(m_filePath + QStringLiteral(".lock"));
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(5000)) {
        m_lastError = QStringLiteral("audit log %1 is locked by another process").arg(m_filePath);
        return false;
    }
    if (!rotateIfNeeded(line.size()))
        return false;

    QFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, kOwnerFile)) {
        m_lastError =
            QStringLiteral("cannot open audit log %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    // A file created by someone else (or an older version) is made owner-only too.
    if (!file.setPermissions(kOwnerFile)) {
        m_lastError = QStringLiteral("cannot make audit log %1 owner-only (0600)").arg(m_filePath);
        return false;
    }
    // One write of one whole line: O_APPEND keeps concurrent lines from interleaving.
    if (file.write(line) != line.size() || !file.flush()) {
        m_lastError =
            QStringLiteral("cannot write audit log %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    m_lastError.clear();
    return true;
}

bool AuditLog::record(const QString &action, const QString &target, AuditEntry::Outcome outcome,
                      const QString &detail) {
    AuditEntry entry;
    entry.action = action;
    entry.target = target;
    entry.outcome = outcome;
    entry.detail = detail;
    return append(entry);
}

bool AuditLog::rotateIfNeeded(qint64 incomingBytes) {
    const qint64 size = QFileInfo(m_filePath).size();
    if (size == 0 || size + incomingBytes <= m_maxBytes)
        return true;
    if (m_keepRotated == 0) {
        if (!QFile::remove(m_filePath)) {
            m_lastError = QStringLiteral("cannot rotate audit log %1").arg(m_filePath);
            return false;
        }
        return true;
    }
    QFile::remove(rotatedPath(m_keepRotated));
    for (int i = m_keepRotated - 1; i >= 1; --i) {
        if (QFile::exists(rotatedPath(i)) && !QFile::rename(rotatedPath(i), rotatedPath(i + 1))) {
            m_lastError = QStringLiteral("cannot rotate audit log %1").arg(rotatedPath(i));
            return false;
        }
    }
    if (!QFile::rename(m_filePath, rotatedPath(1))) {
        m_lastError = QStringLiteral("cannot rotate audit log %1").arg(m_filePath);
        return false;
    }
    return true;
}

QList<AuditEntry> AuditLog::lastEntries(int count) const {
    QList<AuditEntry> entries;
    if (count <= 0)
        return entries;
    for (int index = 0; index <= m_keepRotated && entries.size() < count; ++index) {
        QFile file(index == 0 ? m_filePath : rotatedPath(index));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (auto it = lines.crbegin(); it != lines.crend() && entries.size() < count; ++it) {
            if (it->trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(*it, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject())
                continue;
            if (auto entry = AuditEntry::fromJson(document.object()))
                entries.append(*entry);
        }
    }
    return entries;
}

} // namespace kiosk::security
