#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace kiosk::k8s {

// One line of a watch stream: {"type": "ADDED|MODIFIED|DELETED|BOOKMARK|ERROR", "object": {...}}.
struct WatchEvent {
    enum class Type { Added, Modified, Deleted, Bookmark, Error };

    Type type = Type::Added;
    QJsonObject object;

    QString resourceVersion() const;
    // ERROR events carry a Status; 410 means the resourceVersion is too old.
    int errorCode() const;

    static std::optional<WatchEvent> parse(const QByteArray &line, QString *error);
};

} // namespace kiosk::k8s
