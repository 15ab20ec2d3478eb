#include "sim/event_recorder.h"

#include "sim/object_service.h"
#include "sim/object_util.h"

#include <QDateTime>

namespace kiosk::sim {

EventRecorder::EventRecorder(ObjectService *service)
    : m_service(service) {}

void EventRecorder::record(const QJsonObject &involved, const QString &type, const QString &reason,
                           const QString &message, const QString &component, const QString &host,
                           const QString &fieldPath) {
    if (!m_enabled)
        return;
    const auto &events = ResourceCatalog::instance().events();
    const QString ns = util::namespaceOf(involved).isEmpty() ? QStringLiteral("default")
                                                             : util::namespaceOf(involved);
    const QString key = util::uid(involved) + QLatin1Char('\n') + reason + QLatin1Char('\n') +
                        message + QLatin1Char('\n') + fieldPath;
    const QString now = util::now();
    if (const auto it = m_names.constFind(key); it != m_names.cend()) {
        if (auto existing = m_service->store()->get(events, ns, *it)) {
            QJsonObject event = *existing;
            event.insert(QStringLiteral("count"),
                         event.value(QStringLiteral("count")).toInteger(1) + 1);
            event.insert(QStringLiteral("lastTimestamp"), now);
            m_service->writeInternal(events, event);
            return;
        }
    }
    const qint64 nanos =
        QDateTime::currentMSecsSinceEpoch() * 1000000 + qint64(++m_sequence % 1000000);
    const QString name =
        util::name(involved) + QLatin1Char('.') + QString::number(quint64(nanos), 16);
    QJsonObject involvedObject{
        {QStringLiteral("kind"), involved.value(QStringLiteral("kind"))},
        {QStringLiteral("name"), util::name(involved)},
        {QStringLiteral("uid"), util::uid(involved)},
        {QStringLiteral("apiVersion"), involved.value(QStringLiteral("apiVersion"))},
        {QStringLiteral("resourceVersion"), involved.value(QStringLiteral("metadata"))
                                                .toObject()
                                                .value(QStringLiteral("resourceVersion"))}};
    if (!util::namespaceOf(involved).isEmpty())
        involvedObject.insert(QStringLiteral("namespace"), util::namespaceOf(involved));
    if (!fieldPath.isEmpty())
        involvedObject.insert(QStringLiteral("fieldPath"), fieldPath);
    QJsonObject source{{QStringLiteral("component"), component}};
    if (!host.isEmpty())
        source.insert(QStringLiteral("host"), host);
    const QJsonObject event{
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), involvedObject},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), source},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("count"), 1},
        {QStringLiteral("type"), type},
        {QStringLiteral("eventTime"), QJsonValue::Null},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), host},
    };
    m_service->writeInternal(events, event);
    m_names.insert(key, name);
}

} // namespace kiosk::sim
