// libFuzzer target: a watch response body (untrusted, from the API server or anything between)
// through LineSplitter and WatchEvent::parse, as ResourceInformer::onWatchData reads it.
// The first byte chooses the size of the pieces the body arrives in; the rest is the body.
// Invariants: the lines do not depend on how the body was cut, are non-empty, trimmed and hold
// no newline; a parsed event written back as a watch line parses to the same event; a refusal
// says why.
#include "k8s/line_splitter.h"
#include "k8s/watch_event.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

namespace {

using kiosk::k8s::WatchEvent;

QString typeName(WatchEvent::Type type) {
    switch (type) {
    case WatchEvent::Type::Added:
        return QStringLiteral("ADDED");
    case WatchEvent::Type::Modified:
        return QStringLiteral("MODIFIED");
    case WatchEvent::Type::Deleted:
        return QStringLiteral("DELETED");
    case WatchEvent::Type::Bookmark:
        return QStringLiteral("BOOKMARK");
    case WatchEvent::Type::Error:
        return QStringLiteral("ERROR");
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 65536)
        return 0;
    const qsizetype piece = 1 + (data[0] % 61);
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    kiosk::k8s::LineSplitter whole;
    bool overflow = true;
    const QList<QByteArray> lines = whole.feed(body, &overflow);
    if (overflow)
        __builtin_trap(); // no line here comes near the limit
    kiosk::k8s::LineSplitter split;
    QList<QByteArray> splitLines;
    for (qsizetype pos = 0; pos < body.size(); pos += piece)
        splitLines += split.feed(body.mid(pos, piece));
    if (splitLines != lines)
        __builtin_trap(); // the lines depend on where the body was cut

    for (const QByteArray &line : lines) {
        if (line.isEmpty() || line.contains('\n') || line != line.trimmed())
            __builtin_trap();
        QString error;
        const auto event = WatchEvent::parse(line, &error);
        if (!event) {
            if (error.isEmpty())
                __builtin_trap();
            continue;
        }
        (void)event->resourceVersion();
        (void)event->errorCode();
        const QJsonObject written{{QStringLiteral("type"), typeName(event->type)},
                                  {QStringLiteral("object"), event->object}};
        const auto again =
            WatchEvent::parse(QJsonDocument(written).toJson(QJsonDocument::Compact), &error);
        if (!again || again->type != event->type || again->object != event->object)
            __builtin_trap(); // the event does not survive being written out and read back
    }
    return 0;
}
