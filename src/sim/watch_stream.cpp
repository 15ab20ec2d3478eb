#include "sim/watch_stream.h"

#include "sim/http_connection.h"
#include "sim/object_util.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kiosk::sim {

WatchStream::WatchStream(HttpConnection *connection, ObjectStore *store, const Options &options,
                         QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_store(store)
    , m_options(options) {
    connect(connection, &HttpConnection::closed, this, [this]() {
        m_done = true;
        deleteLater();
    });
}

bool WatchStream::matches(const QJsonObject &object) const {
    if (!m_options.ns.isEmpty() && util::namespaceOf(object) != m_options.ns)
        return false;
    return m_options.labels.matches(util::labels(object)) && m_options.fields.matches(object);
}

void WatchStream::start(bool initialEvents, bool initialEventsEndBookmark, qint64 fromRevision) {
    m_connection->beginStream(200, "application/json");
    if (initialEvents) {
        m_store->visit(*m_options.type, m_options.ns, {},
                       [&](const QString &, const QJsonObject &object, const QByteArray &) {
                           if (matches(object))
                               send(QStringLiteral("ADDED"), object);
                           return true;
                       });
        if (initialEventsEndBookmark)
            sendBookmark(true);
    } else {
        for (const StoreEvent &event : m_store->eventsSince(fromRevision))
            onChange(event);
    }
    connect(m_store, &ObjectStore::changed, this, &WatchStream::onChange);
    if (m_options.bookmarks) {
        connect(&m_bookmarkTimer, &QTimer::timeout, this, [this]() { sendBookmark(false); });
        m_bookmarkTimer.start(m_options.bookmarkIntervalMs);
    }
    if (m_options.timeoutSeconds > 0)
        QTimer::singleShot(qint64(m_options.timeoutSeconds) * 1000, this, &WatchStream::finish);
    if (m_options.dropAfterSeconds > 0) {
        QTimer::singleShot(qint64(m_options.dropAfterSeconds) * 1000, this, [this]() {
            m_done = true;
            if (m_connection)
                m_connection->abort();
        });
    }
}

void WatchStream::failWith(const QJsonObject &status) {
    m_connection->beginStream(200, "application/json");
    const QJsonObject event{{QStringLiteral("type"), QStringLiteral("ERROR")},
                            {QStringLiteral("object"), status}};
    m_connection->writeChunk(util::toJson(event) + '\n');
    finish();
}

void WatchStream::onChange(const StoreEvent &event) {
    if (m_done || event.resource != m_options.type)
        return;
    const bool now = matches(event.object);
    if (event.type == QLatin1String("ADDED")) {
        if (now)
            send(event.type, event.object);
    } else if (event.type == QLatin1String("DELETED")) {
        if (matches(event.previous))
            send(event.type, event.object);
    } else {
        const bool before = matches(event.previous);
        if (before && now)
            send(event.type, event.object);
        else if (!before && now)
            send(QStringLiteral("ADDED"), event.object);
        else if (before && !now)
            send(QStringLiteral("DELETED"), event.object);
    }
}

QJsonObject WatchStream::render(const QJsonObject &object) {
    if (m_options.partialMetadata) {
        QJsonObject meta = object.value(QStringLiteral("metadata")).toObject();
        meta.remove(QStringLiteral("managedFields"));
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                           {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                           {QStringLiteral("metadata"), meta}};
    }
    if (!m_options.table)
        return object;
    QJsonObject table{
        {QStringLiteral("kind"), QStringLiteral("Table")},
        {QStringLiteral("apiVersion"), m_options.tableApiVersion},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                  object.value(QStringLiteral("metadata"))
                                                      .toObject()
                                                      .value(QStringLiteral("resourceVersion"))}}},
        {QStringLiteral("columnDefinitions"),
         m_firstTable ? TableConverter::columnDefinitions(*m_options.type) : QJsonArray()},
        {QStringLiteral("rows"),
         QJsonArray{TableConverter::row(*m_options.type, object, QDateTime::currentDateTimeUtc(),
                                        m_options.include)}}};
    m_firstTable = false;
    return table;
}

void WatchStream::send(const QString &type, const QJsonObject &object) {
    if (!m_connection || m_done)
        return;
    const QJsonObject event{{QStringLiteral("type"), type},
                            {QStringLiteral("object"), render(object)}};
    m_connection->writeChunk(util::toJson(event) + '\n');
}

void WatchStream::sendBookmark(bool initialEventsEnd) {
    if (!m_connection || m_done)
        return;
    QJsonObject metadata{
        {QStringLiteral("resourceVersion"), QString::number(m_store->resourceVersion())},
        {QStringLiteral("creationTimestamp"), QJsonValue::Null}};
    if (initialEventsEnd)
        metadata.insert(
            QStringLiteral("annotations"),
            QJsonObject{{QStringLiteral("k8s.io/initial-events-end"), QStringLiteral("true")}});
    const QJsonObject object{{QStringLiteral("kind"), m_options.type->kind},
                             {QStringLiteral("apiVersion"), m_options.type->apiVersion()},
                             {QStringLiteral("metadata"), metadata}};
    const QJsonObject event{{QStringLiteral("type"), QStringLiteral("BOOKMARK")},
                            {QStringLiteral("object"), object}};
    m_connection->writeChunk(util::toJson(event) + '\n');
}

void WatchStream::finish() {
    if (m_done)
        return;
    m_done = true;
    m_bookmarkTimer.stop();
    if (m_connection)
        m_connection->endStream();
    deleteLater();
}

} // namespace kiosk::sim
