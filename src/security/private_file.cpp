#include "security/private_file.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace kiosk::security {
namespace {
constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerDir = kOwnerFile | QFileDevice::ExeOwner;

void setError(QString *error, const QString &message) {
    if (error)
        *error = message;
}
} // namespace

bool ensurePrivateDirectory(const QString &dir, QString *error) {
    if (dir.isEmpty()) {
        setError(error, QStringLiteral("no directory given"));
        return false;
    }
    const QFileInfo info(dir);
    if (!info.exists() && !QDir().mkpath(dir)) {
        setError(error, QStringLiteral("cannot create directory %1").arg(dir));
        return false;
    }
    if (!QFileInfo(dir).isDir()) {
        setError(error, QStringLiteral("%1 exists and is not a directory").arg(dir));
        return false;
    }
    if (!QFile::setPermissions(dir, kOwnerDir)) {
        setError(error, QStringLiteral("cannot make directory %1 owner-only (0700)").arg(dir));
        return false;
    }
    return true;
}

bool writePrivateFile(const QString &path, const QByteArray &data, QString *error) {
    if (!ensurePrivateDirectory(QFileInfo(path).absolutePath(), error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    // Restrict the temporary file before any byte is written; rename keeps the mode.
    if (!file.setPermissions(kOwnerFile)) {
        file.cancelWriting();
        setError(error, QStringLiteral("cannot make %1 owner-only (0600)").arg(path));
        return false;
    }
    if (file.write(data) != data.size() || !file.commit()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

bool isOwnerOnly(const QString &path) {
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (info.permissions() & others) == 0;
}

} // namespace kiosk::security
