#pragma once

#include <QByteArray>
#include <QString>

namespace kiosk::security {

// Owner-only files for everything the security library writes (audit log, PIN state).

// Creates `dir` (and its parents) if needed and makes `dir` itself 0700.
bool ensurePrivateDirectory(const QString &dir, QString *error = nullptr);

// Atomically replaces `path` with `data` (write to a temporary file, then rename), mode 0600,
// creating the parent directory 0700 if needed.
bool writePrivateFile(const QString &path, const QByteArray &data, QString *error = nullptr);

// True when `path` exists and neither group nor others may read or write it.
bool isOwnerOnly(const QString &path);

} // namespace kiosk::security
