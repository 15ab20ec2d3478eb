#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace kiosk::sim {

struct LogLine {
    QDateTime time;
    QString text;
};

// Where pod logs come from (the kubelet stand-in): the lines of a container's current or
// previous instance, and a signal for each new line while it runs (for follow=true).
class LogSource : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    // nullopt with *error set (a BadRequest message, as the kubelet answers) when there is no
    // such log: the container is waiting to start, or has no previous instance.
    virtual std::optional<QList<LogLine>> logs(const QJsonObject &pod, const QString &container,
                                               bool previous, QString *error) const = 0;

signals:
    void lineAppended(const QString &podUid, const QString &container,
                      const kiosk::sim::LogLine &line);
    void containerStopped(const QString &podUid, const QString &container);
};

} // namespace kiosk::sim
