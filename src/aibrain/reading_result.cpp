#include "aibrain/reading_result.h"

namespace kiosk::aibrain {

QJsonObject ReadingResult::toJson(const QString &file) const {
    QJsonObject o;
    if (!ok()) {
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("error"), cancelled ? QStringLiteral("cancelled") : error);
        return o;
    }
    o = prescription.toJson();
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("engine"), engine);
    o.insert(QStringLiteral("ms"), ms);
    if (quality)
        o.insert(QStringLiteral("quality"), quality->toJson());
    if (!fallbackReason.isEmpty())
        o.insert(QStringLiteral("fallback_reason"), fallbackReason);
    return o;
}

} // namespace kiosk::aibrain
