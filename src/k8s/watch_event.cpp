#include "k8s/watch_event.h"

#include <QJsonDocument>

namespace kiosk::k8s {

QString WatchEvent::resourceVersion() const {
    return object.value(u"metadata").toObject().value(u"resourceVersion").toString();
}

int WatchEvent::errorCode() const {
    return object.value(u"code").toInt();
}

std::optional<WatchEvent> WatchEvent::parse(const QByteArray &line, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("malformed watch event: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    const QString type = root.value(u"type").toString();
    WatchEvent event;
    if (type == u"ADDED")
        event.type = Type::Added;
    else if (type == u"MODIFIED")
        event.type = Type::Modified;
    else if (type == u"DELETED")
        event.type = Type::Deleted;
    else if (type == u"BOOKMARK")
        event.type = Type::Bookmark;
    else if (type == u"ERROR")
        event.type = Type::Error;
    else {
        *error = QStringLiteral("watch event of unknown type \"%1\"").arg(type.left(40));
        return std::nullopt;
    }
    if (!root.value(u"object").isObject()) {
        *error = QStringLiteral("watch event without an object");
        return std::nullopt;
    }
    event.object = root.value(u"object").toObject();
    if (event.type != Type::Error && event.type != Type::Bookmark &&
        event.object.value(u"metadata").toObject().value(u"name").toString().isEmpty()) {
        *error = QStringLiteral("watch event for an object without a name");
        return std::nullopt;
    }
    return event;
}

} // namespace kiosk::k8s
