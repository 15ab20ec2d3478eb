#pragma once

#include <QDateTime>
#include <QString>

// kubectl's human durations (k8s.io/apimachinery/pkg/util/duration), reimplemented.
namespace kiosk::k8s {

// HumanDuration: "45s", "5m30s", "15m", "3h20m", "36h", "3d4h", "30d", "2y5d", "9y";
// "0s" for -1 s..0, "<invalid>" further in the future. kubectl's AGE and "(5m ago)" use it.
QString humanDuration(qint64 milliseconds);
// ShortHumanDuration: one unit, "45s", "5m", "3h", "30d", "2y".
QString shortHumanDuration(qint64 milliseconds);
// humanDuration(now - then), or "<unknown>" for an invalid `then`, as translateTimestampSince.
QString humanAge(const QDateTime &then, const QDateTime &now);

} // namespace kiosk::k8s
