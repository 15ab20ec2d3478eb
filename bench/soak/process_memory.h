#pragma once

#include <QFile>

namespace kiosk::bench {

// This process's resident set (VmRSS in /proc/self/status), in KiB; 0 when unreadable.
inline long residentKib() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    // readAll, not atEnd/readLine: a /proc file reports size 0.
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).simplified().split(' ').value(0).toLong();
    }
    return 0;
}

} // namespace kiosk::bench
