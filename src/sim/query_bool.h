#pragma once

#include "sim/http_message.h"

#include <QStringView>

#include <optional>

namespace kiosk::sim {

// How kube-apiserver reads boolean query parameters. Two rules, both never an error:
// - options (ListOptions watch, allowWatchBookmarks, sendInitialEvents; PodLogOptions follow,
//   previous, timestamps; DeleteOptions orphanDependents) go through apimachinery's
//   Convert_Slice_string_To_bool: absent, "0" or "false" in any case is false, anything else,
//   the empty value included, is true (so Python's `watch=True` and `?watch` are watches);
// - `pretty` goes through Go's strconv.ParseBool and an unparsable value is false.
class QueryBool {
public:
    // Go's strconv.ParseBool: 1 t T TRUE true True, 0 f F FALSE false False; nullopt otherwise.
    static std::optional<bool> parseGo(QStringView text);
    // An option parameter's first value as the apiserver converts it (see above).
    static bool optionValue(QStringView text);
    static bool option(const HttpRequest &request, const QString &name);
    // Whether `pretty` asks for indented JSON.
    static bool pretty(const HttpRequest &request);
};

} // namespace kiosk::sim
