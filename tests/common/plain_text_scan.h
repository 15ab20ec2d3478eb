#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

namespace kiosk::test {

// The files under `dir` whose bytes contain `secret` in plain text: a token, key or PIN must
// never be among them. The Secret Service's own encrypted store ("keyrings") is not searched.
inline QStringList filesHoldingPlainText(const QString &dir, const QString &secret)
{
    QStringList found;
    const QByteArray needle = secret.toUtf8();
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.fileName().contains(QLatin1String("/keyrings/")))
            continue;
        // A file that cannot be opened cannot leak to a reader without rights either; list it
        // anyway so a test notices something unexpected.
        if (!file.open(QIODevice::ReadOnly) || file.readAll().contains(needle))
            found.append(file.fileName());
    }
    return found;
}

} // namespace kiosk::test
