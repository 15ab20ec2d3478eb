#include "k8s/duration_format.h"

namespace kiosk::k8s {

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

// Go's int(d.Seconds()) truncates toward zero.
qint64 seconds(qint64 ms) {
    return ms / kSecond;
}
} // namespace

QString humanDuration(qint64 ms) {
    const qint64 s = seconds(ms);
    if (s < -1)
        return QStringLiteral("<invalid>");
    if (s < 0)
        return QStringLiteral("0s");
    if (s < 60 * 2)
        return QStringLiteral("%1s").arg(s);
    const qint64 minutes = ms / kMinute;
    if (minutes < 10) {
        const qint64 rest = s % 60;
        return rest == 0 ? QStringLiteral("%1m").arg(minutes)
                         : QStringLiteral("%1m%2s").arg(minutes).arg(rest);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = ms / kHour;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours)
                      : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                       : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(dy);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString shortHumanDuration(qint64 ms) {
    const qint64 s = seconds(ms);
    if (s < -1)
        return QStringLiteral("<invalid>");
    if (s < 0)
        return QStringLiteral("0s");
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    const qint64 minutes = ms / kMinute;
    if (minutes < 60)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = ms / kHour;
    if (hours < 24)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 365)
        return QStringLiteral("%1d").arg(hours / 24);
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString humanAge(const QDateTime &then, const QDateTime &now) {
    if (!then.isValid())
        return QStringLiteral("<unknown>");
    return humanDuration(then.msecsTo(now));
}

} // namespace kiosk::k8s
