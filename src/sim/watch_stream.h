#pragma once

#include "sim/label_selector.h"
#include "sim/object_store.h"
#include "sim/table_converter.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace kiosk::sim {

class HttpConnection;

// One open watch: filters the store's changes by namespace and selectors (turning objects that
// leave or enter the selection into DELETED / ADDED, as the apiserver does), writes them as
// newline-delimited JSON events on a chunked response, sends bookmarks when asked, and ends at
// timeoutSeconds (or is cut after a configured time, for fault injection).
class WatchStream : public QObject {
    Q_OBJECT

public:
    struct Options {
        const ResourceType *type = nullptr;
        QString ns;
        LabelSelector labels;
        FieldSelector fields;
        bool bookmarks = false;
        int bookmarkIntervalMs = 60000;
        int timeoutSeconds = 1800;
        int dropAfterSeconds = 0;
        bool table = false;
        QString tableApiVersion = QStringLiteral("meta.k8s.io/v1");
        TableConverter::IncludeObject include = TableConverter::IncludeObject::Metadata;
        bool partialMetadata = false;
    };

    WatchStream(HttpConnection *connection, ObjectStore *store, const Options &options,
                QObject *parent = nullptr);

    // Starts streaming: synthetic ADDED events for what exists (when `initialEvents`), then the
    // history after `fromRevision`, then live changes.
    void start(bool initialEvents, bool initialEventsEndBookmark, qint64 fromRevision);
    // Sends one ERROR event carrying `status` and ends the stream.
    void failWith(const QJsonObject &status);

private:
    bool matches(const QJsonObject &object) const;
    void onChange(const StoreEvent &event);
    void send(const QString &type, const QJsonObject &object);
    void sendBookmark(bool initialEventsEnd);
    void finish();
    QJsonObject render(const QJsonObject &object);

    QPointer<HttpConnection> m_connection;
    ObjectStore *m_store;
    Options m_options;
    QTimer m_bookmarkTimer;
    bool m_firstTable = true;
    bool m_done = false;
};

} // namespace kiosk::sim
