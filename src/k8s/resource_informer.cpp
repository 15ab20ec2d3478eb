#include "k8s/resource_informer.h"

#include "k8s/api_client.h"
#include "k8s/watch_event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

#include <algorithm>
#include <utility>
#include <vector>

namespace kiosk::k8s {

namespace {
// Watch events share subtrees with each other through a pool; past its limit it starts over. The
// limit follows the cache (4 subtrees per cached object, 500 to 20,000): most pooled subtrees of a
// long watch belong to versions of objects that are gone, and a small namespace must not keep
// 20,000 of them.
constexpr qsizetype kWatchPoolPerObject = 4;
constexpr qsizetype kWatchPoolMinimum = 500;
constexpr qsizetype kWatchPoolMaximum = 20000;

QString nameOf(const QJsonObject &object) {
    return object.value(u"metadata").toObject().value(u"name").toString();
}
} // namespace

ResourceInformer::ResourceInformer(ApiClient *client, QString collectionPath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(collectionPath))
    , m_trimmer(CacheTrimmer::kindOfCollection(m_path)) {
    m_retryTimer.setSingleShot(true);
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(50);
    connect(&m_batchTimer, &QTimer::timeout, this, &ResourceInformer::flushChanges);
}

ResourceInformer::~ResourceInformer() {
    stop();
}

void ResourceInformer::setBackoff(int initialMs, int maximumMs) {
    m_initialBackoffMs = initialMs;
    m_maximumBackoffMs = maximumMs;
    m_backoffMs = initialMs;
}

void ResourceInformer::start() {
    if (m_running)
        return;
    m_running = true;
    relist();
}

void ResourceInformer::stop() {
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    if (m_watch) {
        m_watch->disconnect(this);
        m_watch->abort();
        m_watch->deleteLater();
    }
    setState(State::Idle);
}

QList<QJsonObject> ResourceInformer::sortedByName(const QHash<QString, QJsonObject> &objects) {
    // The keys are the names: sorting them never looks into an object's metadata.
    using Entry = QHash<QString, QJsonObject>::const_iterator;
    std::vector<Entry> entries;
    entries.reserve(size_t(objects.size()));
    for (auto it = objects.cbegin(); it != objects.cend(); ++it)
        entries.push_back(it);
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.key() < b.key(); });
    QList<QJsonObject> list;
    list.reserve(qsizetype(entries.size()));
    for (const Entry &e : entries)
        list.append(e.value());
    return list;
}

void ResourceInformer::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void ResourceInformer::touch() {
    m_lastContact = QDateTime::currentDateTimeUtc();
}

void ResourceInformer::markChanged(const QString &name) {
    if (name.isEmpty())
        m_relisted = true;
    else
        m_changedNames.insert(name);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void ResourceInformer::flushChanges() {
    const bool relisted = std::exchange(m_relisted, false);
    const QSet<QString> names = std::exchange(m_changedNames, {});
    emit objectsChanged(relisted ? QStringList() : QStringList(names.cbegin(), names.cend()),
                        relisted);
    emit changed();
}

QJsonObject ResourceInformer::prepareForCache(const QJsonObject &object) {
    return m_interner.intern(m_trimmer.trim(object));
}

void ResourceInformer::relist() {
    if (!m_running)
        return;
    ++m_generation;
    m_listing.clear();
    m_interner.clear();
    if (m_state != State::Reconnecting)
        setState(State::Listing);
    listPage(QString());
}

void ResourceInformer::listPage(const QString &continueToken) {
    if (!m_client)
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!continueToken.isEmpty())
        query.addQueryItem(QStringLiteral("continue"), continueToken);
    const int generation = m_generation;
    m_client->get(m_path, query, this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation || !m_running)
            return;
        if (response.error.isError()) {
            // An expired continue token (410) restarts the list; anything else waits and retries.
            fail(response.error, true);
            return;
        }
        if (!response.object.value(u"items").isArray()) {
            fail(ApiError::make(ApiError::Kind::Malformed,
                                QStringLiteral("the list of %1 has no items").arg(m_path)),
                 true);
            return;
        }
        const QJsonObject metadata = response.object.value(u"metadata").toObject();
        const QString next = metadata.value(u"continue").toString();
        // Ask for the next page first: the server prepares it while this one is cached.
        if (!next.isEmpty())
            listPage(next);
        for (const auto &item : response.object.value(u"items").toArray()) {
            const QJsonObject object = prepareForCache(item.toObject());
            const QString name = nameOf(object);
            if (!name.isEmpty())
                m_listing.insert(name, object);
        }
        if (!next.isEmpty())
            return;
        m_objects = std::move(m_listing);
        m_listing.clear();
        // The cached objects keep their shared subtrees; the pool itself is not needed any more.
        m_interner.clear();
        m_resourceVersion = metadata.value(u"resourceVersion").toString();
        m_synced = true;
        m_lastError = {};
        m_backoffMs = m_initialBackoffMs;
        touch();
        markChanged();
        setState(State::Live);
        startWatch();
    });
}

void ResourceInformer::startWatch() {
    if (!m_running || !m_client)
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("resourceVersion"), m_resourceVersion);
    query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(m_watchTimeoutSeconds));
    m_lines.clear();
    m_watchNeedsRelist = false;
    m_watch = m_client->openStream(m_path, query);
    connect(m_watch, &QNetworkReply::metaDataChanged, this, [this] {
        // Headers of a 200 mean the stream is open: the data is live again.
        if (m_watch &&
            m_watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            m_backoffMs = m_initialBackoffMs;
            m_lastError = {};
            touch();
            setState(State::Live);
        }
    });
    connect(m_watch, &QNetworkReply::readyRead, this, &ResourceInformer::onWatchData);
    connect(m_watch, &QNetworkReply::finished, this, &ResourceInformer::onWatchFinished);
}

void ResourceInformer::onWatchData() {
    if (!m_watch)
        return;
    const int status = m_watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read when the reply finishes
    bool overflow = false;
    const auto lines = m_lines.feed(m_watch->readAll(), &overflow);
    for (const QByteArray &line : lines) {
        QString error;
        const auto event = WatchEvent::parse(line, &error);
        if (!event) {
            m_lastError = ApiError::make(ApiError::Kind::Malformed, error);
            m_watchNeedsRelist = true; // a stream we cannot follow: start over from a list
            m_watch->abort();
            return;
        }
        switch (event->type) {
        case WatchEvent::Type::Added:
        case WatchEvent::Type::Modified:
            if (m_interner.pooledSubtrees() > std::clamp(kWatchPoolPerObject * m_objects.size(),
                                                         kWatchPoolMinimum, kWatchPoolMaximum))
                m_interner.clear();
            m_objects.insert(nameOf(event->object), prepareForCache(event->object));
            markChanged(nameOf(event->object));
            break;
        case WatchEvent::Type::Deleted:
            m_objects.remove(nameOf(event->object));
            markChanged(nameOf(event->object));
            break;
        case WatchEvent::Type::Bookmark:
            break;
        case WatchEvent::Type::Error:
            m_lastError =
                ApiError::fromHttp(event->errorCode() > 0 ? event->errorCode() : 500,
                                   QJsonDocument(event->object).toJson(QJsonDocument::Compact));
            m_watchNeedsRelist = event->errorCode() == 410;
            m_watch->abort();
            return;
        }
        const QString rv = event->resourceVersion();
        if (!rv.isEmpty())
            m_resourceVersion = rv;
        touch();
    }
    if (overflow) {
        m_lastError = ApiError::make(ApiError::Kind::Malformed,
                                     QStringLiteral("a watch event was too large"));
        m_watchNeedsRelist = true;
        m_watch->abort();
        return;
    }
}

void ResourceInformer::onWatchFinished() {
    QNetworkReply *reply = m_watch;
    if (!reply)
        return;
    m_watch = nullptr;
    reply->deleteLater();
    if (!m_running)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_watchNeedsRelist) {
        fail(m_lastError, true);
        return;
    }
    if (status == 200 && reply->error() == QNetworkReply::NoError) {
        // The server ended the watch (timeoutSeconds): continue from where we are.
        startWatch();
        return;
    }
    const ApiError error = ApiClient::errorFor(reply, reply->readAll(), QString());
    fail(error, error.kind == ApiError::Kind::Gone);
}

void ResourceInformer::fail(const ApiError &error, bool relistAfter) {
    m_lastError = error;
    emit errorOccurred(error);
    setState(State::Reconnecting);
    scheduleRetry(relistAfter || !m_synced);
}

void ResourceInformer::scheduleRetry(bool relistAfter) {
    if (!m_running)
        return;
    m_retryTimer.disconnect(this);
    connect(&m_retryTimer, &QTimer::timeout, this, [this, relistAfter] {
        if (relistAfter)
            relist();
        else
            startWatch();
    });
    // A 410 is not a failure of the server: re-list at once the first time.
    const bool gone = m_lastError.kind == ApiError::Kind::Gone && m_backoffMs == m_initialBackoffMs;
    m_retryTimer.start(gone ? 0 : m_backoffMs);
    if (!gone)
        m_backoffMs = std::min(m_backoffMs * 2, m_maximumBackoffMs);
}

} // namespace kiosk::k8s
