#pragma once

#include "k8s/api_error.h"
#include "k8s/cache_trimmer.h"
#include "k8s/json_subtree_interner.h"
#include "k8s/line_splitter.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

class QNetworkReply;

namespace kiosk::k8s {

class ApiClient;

// An informer for one collection: lists it in pages, then watches from the list's
// resourceVersion; re-lists on 410 Gone, reconnects with capped exponential backoff, and keeps
// the last known objects while offline. change notifications are batched. Objects are cached
// trimmed (CacheTrimmer) and with equal subtrees shared (JsonSubtreeInterner).
class ResourceInformer : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Listing, Live, Reconnecting };
    Q_ENUM(State)

    ResourceInformer(ApiClient *client, QString collectionPath, QObject *parent = nullptr);
    ~ResourceInformer() override;

    void start();
    void stop();

    State state() const { return m_state; }
    bool hasSynced() const { return m_synced; }
    const ApiError &lastError() const { return m_lastError; }
    // When the data was last known to be current (list done, or an event or bookmark arrived).
    QDateTime lastContact() const { return m_lastContact; }
    QString resourceVersion() const { return m_resourceVersion; }
    QString collectionPath() const { return m_path; }

    const QHash<QString, QJsonObject> &objects() const { return m_objects; }
    // Subtrees the interner holds for sharing with later events (for soaks and benchmarks).
    qsizetype pooledSubtrees() const { return m_interner.pooledSubtrees(); }
    QList<QJsonObject> sortedObjects() const { return sortedByName(m_objects); }
    // The objects of a copy of objects() (keyed by name), sorted by name: a report worker sorts
    // its own copy instead of the UI thread sorting thousands of objects on every change.
    static QList<QJsonObject> sortedByName(const QHash<QString, QJsonObject> &objects);

    void setPageSize(int size) { m_pageSize = size; }
    void setBackoff(int initialMs, int maximumMs);
    void setWatchTimeoutSeconds(int seconds) { m_watchTimeoutSeconds = seconds; }
    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }

signals:
    // One batch (50 ms) of changes: the names that were added, modified or deleted, or `relisted`
    // when the whole collection was replaced. Emitted just before changed().
    void objectsChanged(const QStringList &names, bool relisted);
    void changed();
    void stateChanged();
    void errorOccurred(const kiosk::k8s::ApiError &error);

private:
    void relist();
    void listPage(const QString &continueToken);
    void startWatch();
    void onWatchData();
    void onWatchFinished();
    void scheduleRetry(bool relistAfter);
    void setState(State state);
    void fail(const ApiError &error, bool relistAfter);
    void markChanged(const QString &name = {});
    void flushChanges();
    void touch();
    QJsonObject prepareForCache(const QJsonObject &object);

    QPointer<ApiClient> m_client;
    QString m_path;
    State m_state = State::Idle;
    bool m_synced = false;
    bool m_running = false;
    ApiError m_lastError;
    QDateTime m_lastContact;
    QString m_resourceVersion;
    QHash<QString, QJsonObject> m_objects;
    QHash<QString, QJsonObject> m_listing; // the list in progress; shown only when complete
    CacheTrimmer m_trimmer;
    JsonSubtreeInterner m_interner;
    QPointer<QNetworkReply> m_watch;
    LineSplitter m_lines;
    bool m_watchNeedsRelist = false;
    int m_generation = 0; // invalidates callbacks of a list that was restarted
    int m_pageSize = 500;
    int m_watchTimeoutSeconds = 290;
    int m_initialBackoffMs = 500;
    int m_maximumBackoffMs = 30000;
    int m_backoffMs = 500;
    QTimer m_retryTimer;
    QTimer m_batchTimer;
    QSet<QString> m_changedNames; // of the batch in progress
    bool m_relisted = false;      // the batch in progress replaced every object
};

} // namespace kiosk::k8s
