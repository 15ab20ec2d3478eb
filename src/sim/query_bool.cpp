#include "sim/query_bool.h"

namespace kiosk::sim {

std::optional<bool> QueryBool::parseGo(QStringView text) {
    for (const char *yes : {"1", "t", "T", "TRUE", "true", "True"}) {
        if (text == QLatin1String(yes))
            return true;
    }
    for (const char *no : {"0", "f", "F", "FALSE", "false", "False"}) {
        if (text == QLatin1String(no))
            return false;
    }
    return std::nullopt;
}

bool QueryBool::optionValue(QStringView text) {
    // Go's strings.EqualFold folds Unicode simply, as Qt's case-insensitive compare does: the
    // long s (U+017F) matches the s of "false" in both.
    return !(text == QLatin1String("0") ||
             text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0);
}

bool QueryBool::option(const HttpRequest &request, const QString &name) {
    return request.hasQuery(name) && optionValue(request.queryValue(name));
}

bool QueryBool::pretty(const HttpRequest &request) {
    return parseGo(request.queryValue(QStringLiteral("pretty"))).value_or(false);
}

} // namespace kiosk::sim
