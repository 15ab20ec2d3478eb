#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

namespace kiosk::test {

// Whether the Secret Service's own store (a "keyrings" folder below the scanned one, encrypted by
// gnome-keyring) is searched too: a test that checks the keyring itself asks for it.
enum class SecretStore { Skip, Search };

// The files under `dir` whose bytes contain `secret` in plain text: a token, key or PIN must
// never be among them. Only folders named "keyrings" *below* `dir` are left out (unless asked
// for), so scanning the keyring folder itself searches its files.
inline QStringList filesHoldingPlainText(const QString &dir, const QString &secret,
                                         SecretStore store = SecretStore::Skip) {
    QStringList found;
    const QByteArray needle = secret.toUtf8();
    const QDir root(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        const QString relative = root.relativeFilePath(file.fileName());
        if (store == SecretStore::Skip && (relative.startsWith(QLatin1String("keyrings/")) ||
                                           relative.contains(QLatin1String("/keyrings/"))))
            continue;
        // A file that cannot be opened cannot leak to a reader without rights either; list it
        // anyway so a test notices something unexpected.
        if (!file.open(QIODevice::ReadOnly) || file.readAll().contains(needle))
            found.append(file.fileName());
    }
    return found;
}

} // namespace kiosk::test
