#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kiosk::k8s {

// One Kubernetes Event as a person reads it: what happened (reason, message), to what, how often
// and when.
struct EventRow {
    QString type; // "Normal" or "Warning"
    QString reason;
    QString objectKind; // the involved object: "Pod", "Deployment", ...
    QString objectName;
    QString message;
    int count = 1;
    QDateTime firstSeen; // UTC; invalid when the event carries no time at all
    QDateTime lastSeen;
    bool warning() const { return type == QLatin1String("Warning"); }
};

// A namespace's or one object's events as a timeline, newest first, as `kubectl get events`
// reads them: lastTimestamp, else eventTime (events.k8s.io series), else firstTimestamp, else
// the object's creation time; count from series.count when there is one.
class EventTimeline {
public:
    // The items of an EventList; an item without a reason and a message is skipped.
    static QList<EventRow> fromList(const QJsonArray &items);
    static std::optional<EventRow> fromEvent(const QJsonObject &event);
    static QJsonArray toJson(const QList<EventRow> &rows);

    // "deployment/kilo-meds", "pod/x", "rs/y", "Deployment/z" -> the kind as the API names it and
    // the name; nullopt (and why) for anything else.
    struct Involved {
        QString kind;
        QString name;
    };
    static std::optional<Involved> parseInvolved(const QString &text, QString *error);
    // The fieldSelector that lists one object's events.
    static QString fieldSelector(const Involved &involved);
};

} // namespace kiosk::k8s
