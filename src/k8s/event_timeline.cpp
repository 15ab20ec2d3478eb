#include "k8s/event_timeline.h"

#include <algorithm>

namespace kiosk::k8s {

namespace {

QDateTime timeOf(const QJsonObject &o, QLatin1String key) {
    const QString text = o.value(key).toString();
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

std::optional<EventRow> EventTimeline::fromEvent(const QJsonObject &event) {
    EventRow row;
    row.reason = event.value(u"reason").toString();
    row.message = event.value(u"message").toString().trimmed();
    if (row.reason.isEmpty() && row.message.isEmpty())
        return std::nullopt;
    row.type = event.value(u"type").toString(QStringLiteral("Normal"));
    const QJsonObject involved = event.value(u"involvedObject").toObject();
    row.objectKind = involved.value(u"kind").toString();
    row.objectName = involved.value(u"name").toString();
    const QJsonObject series = event.value(u"series").toObject();
    row.count = std::max(1, series.contains(u"count") ? series.value(u"count").toInt(1)
                                                      : event.value(u"count").toInt(1));
    const QJsonObject metadata = event.value(u"metadata").toObject();
    const QDateTime created = timeOf(metadata, QLatin1String("creationTimestamp"));
    const QDateTime eventTime = timeOf(event, QLatin1String("eventTime"));
    row.firstSeen = timeOf(event, QLatin1String("firstTimestamp"));
    if (!row.firstSeen.isValid())
        row.firstSeen = eventTime.isValid() ? eventTime : created;
    row.lastSeen = timeOf(event, QLatin1String("lastTimestamp"));
    if (!row.lastSeen.isValid())
        row.lastSeen = timeOf(series, QLatin1String("lastObservedTime"));
    if (!row.lastSeen.isValid())
        row.lastSeen = row.firstSeen;
    return row;
}

QList<EventRow> EventTimeline::fromList(const QJsonArray &items) {
    QList<EventRow> rows;
    rows.reserve(items.size());
    for (const QJsonValue &item : items)
        if (const auto row = fromEvent(item.toObject()))
            rows.push_back(*row);
    // Newest first; an event with no time at all goes last.
    std::stable_sort(rows.begin(), rows.end(), [](const EventRow &a, const EventRow &b) {
        if (a.lastSeen.isValid() != b.lastSeen.isValid())
            return a.lastSeen.isValid();
        return a.lastSeen > b.lastSeen;
    });
    return rows;
}

QJsonArray EventTimeline::toJson(const QList<EventRow> &rows) {
    QJsonArray out;
    const auto iso = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue();
    };
    for (const EventRow &r : rows)
        out.append(
            QJsonObject{{QStringLiteral("type"), r.type},
                        {QStringLiteral("reason"), r.reason},
                        {QStringLiteral("object"),
                         r.objectName.isEmpty() ? QString() : r.objectKind + u'/' + r.objectName},
                        {QStringLiteral("count"), r.count},
                        {QStringLiteral("first_seen"), iso(r.firstSeen)},
                        {QStringLiteral("last_seen"), iso(r.lastSeen)},
                        {QStringLiteral("message"), r.message}});
    return out;
}

std::optional<EventTimeline::Involved> EventTimeline::parseInvolved(const QString &text,
                                                                    QString *error) {
    const qsizetype slash = text.indexOf(u'/');
    const QString kind = text.left(slash).toLower();
    const QString name = slash < 0 ? QString() : text.mid(slash + 1);
    static const QList<std::pair<QStringList, QString>> kinds = {
        {{QStringLiteral("pod"), QStringLiteral("pods"), QStringLiteral("po")},
         QStringLiteral("Pod")},
        {{QStringLiteral("deployment"), QStringLiteral("deployments"), QStringLiteral("deploy")},
         QStringLiteral("Deployment")},
        {{QStringLiteral("replicaset"), QStringLiteral("replicasets"), QStringLiteral("rs")},
         QStringLiteral("ReplicaSet")}};
    for (const auto &[spellings, apiKind] : kinds) {
        if (spellings.contains(kind) && !name.isEmpty() && !name.contains(u'/'))
            return Involved{apiKind, name};
    }
    if (error)
        *error = QStringLiteral("'%1' is not KIND/NAME (pod/NAME, deployment/NAME or "
                                "replicaset/NAME)")
                     .arg(text);
    return std::nullopt;
}

QString EventTimeline::fieldSelector(const Involved &involved) {
    return QStringLiteral("involvedObject.kind=%1,involvedObject.name=%2")
        .arg(involved.kind, involved.name);
}

} // namespace kiosk::k8s
