#include "k8s/log_follower.h"

#include "k8s/api_client.h"
#include "k8s/label_selector.h"
#include "k8s/object_fields.h"
#include "k8s/resource_path.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace kiosk::k8s {

namespace {

// The pod `kubectl logs deployment/NAME` would pick: not being deleted, running and ready before
// the rest, then the newest.
QString podToFollow(const QJsonObject &deployment, const QJsonArray &items) {
    QList<QJsonObject> pods;
    for (const QJsonValue &v : items)
        pods.push_back(v.toObject());
    QString best;
    std::tuple<bool, bool, QString> bestRank;
    for (const QJsonObject &pod : selectedBy(deployment, pods)) {
        const QJsonObject metadata = pod.value(u"metadata").toObject();
        if (metadata.contains(u"deletionTimestamp"))
            continue;
        const QJsonObject status = pod.value(u"status").toObject();
        bool ready = false;
        for (const QJsonValue &c : status.value(u"conditions").toArray())
            ready = ready || (c.toObject().value(u"type").toString() == u"Ready" &&
                              c.toObject().value(u"status").toString() == u"True");
        const std::tuple<bool, bool, QString> rank{status.value(u"phase").toString() == u"Running",
                                                   ready,
                                                   metadata.value(u"creationTimestamp").toString()};
        if (best.isEmpty() || rank > bestRank) {
            best = metadata.value(u"name").toString();
            bestRank = rank;
        }
    }
    return best;
}

} // namespace

LogFollower::LogFollower(ApiClient *client, QString nameSpace, QString pod, QString deployment,
                         Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_nameSpace(std::move(nameSpace))
    , m_deployment(std::move(deployment))
    , m_options(std::move(options))
    , m_pod(std::move(pod)) {
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (!m_deployment.isEmpty())
            resolvePod();
        else
            openStream();
    });
}

LogFollower::~LogFollower() {
    if (m_stream)
        m_stream->abort();
}

void LogFollower::start() {
    if (m_running)
        return;
    m_running = true;
    if (!m_deployment.isEmpty())
        resolvePod();
    else
        openStream();
}

void LogFollower::stop() {
    if (!m_running)
        return;
    finish(true, QString());
}

void LogFollower::finish(bool ok, const QString &error) {
    m_running = false;
    m_retry.stop();
    if (m_stream) {
        QNetworkReply *stream = m_stream;
        m_stream = nullptr;
        stream->abort();
        stream->deleteLater();
    }
    emit finished(ok, error);
}

void LogFollower::retryLater(const QString &why) {
    emit notice(why);
    m_retry.start(m_options.reconnectMs);
}

void LogFollower::resolvePod() {
    if (!m_client) {
        finish(false, QStringLiteral("no connection to the cluster"));
        return;
    }
    m_client->get(
        ResourcePath::object(ResourceKind::Deployment, m_nameSpace, m_deployment), {}, this,
        [this](const ApiResponse &deployment) {
            if (!m_running)
                return;
            if (deployment.error.isError()) {
                if (deployment.httpStatus == 404 || !m_options.follow)
                    finish(false, QStringLiteral("deployment %1: %2")
                                      .arg(m_deployment, deployment.error.message));
                else
                    retryLater(QStringLiteral("deployment %1: %2; trying again")
                                   .arg(m_deployment, deployment.error.message));
                return;
            }
            m_client->get(
                ResourcePath::collection(ResourceKind::Pod, m_nameSpace), {}, this,
                [this, object = deployment.object](const ApiResponse &pods) {
                    if (!m_running)
                        return;
                    const QString pod =
                        pods.error.isError()
                            ? QString()
                            : podToFollow(object, pods.object.value(u"items").toArray());
                    if (pod.isEmpty()) {
                        const QString why =
                            pods.error.isError()
                                ? pods.error.message
                                : QStringLiteral("no pod of deployment %1 yet").arg(m_deployment);
                        if (m_options.follow)
                            retryLater(why);
                        else
                            finish(false, why);
                        return;
                    }
                    if (pod != m_pod) {
                        const bool first = m_pod.isEmpty();
                        m_pod = pod;
                        // A new pod's log is new from its first line.
                        m_lastLineTime = QDateTime();
                        m_linesAtLastTime = 0;
                        if (!first)
                            m_firstStream = false;
                        emit podChanged(pod);
                    }
                    openStream();
                });
        });
}

void LogFollower::openStream() {
    if (!m_client) {
        finish(false, QStringLiteral("no connection to the cluster"));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    if (!m_options.container.isEmpty())
        query.addQueryItem(QStringLiteral("container"), m_options.container);
    if (m_options.previous)
        query.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    const bool follow = m_options.follow && !m_options.previous;
    if (follow)
        query.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
    if (m_lastLineTime.isValid()) {
        // Reopened: from the second of the last line shown; lines already shown are skipped.
        const qint64 since = std::max<qint64>(
            1, qint64(std::ceil(m_lastLineTime.msecsTo(QDateTime::currentDateTimeUtc()) / 1000.0)) +
                   1);
        query.addQueryItem(QStringLiteral("sinceSeconds"), QString::number(since));
    } else if (m_firstStream) {
        if (m_options.tailLines >= 0)
            query.addQueryItem(QStringLiteral("tailLines"), QString::number(m_options.tailLines));
        if (m_options.sinceSeconds > 0)
            query.addQueryItem(QStringLiteral("sinceSeconds"),
                               QString::number(m_options.sinceSeconds));
    }
    m_firstStream = false;
    m_seenAtLastTime = 0;
    m_splitter.clear();
    m_stream = m_client->openStream(
        ResourcePath::subresource(ResourceKind::Pod, m_nameSpace, m_pod, QStringLiteral("log")),
        query);
    connect(m_stream, &QNetworkReply::readyRead, this, &LogFollower::onData);
    connect(m_stream, &QNetworkReply::finished, this, &LogFollower::onStreamEnded);
}

void LogFollower::onData() {
    if (!m_stream || m_stream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // an error body is read when the reply ends
    QByteArray chunk = m_stream->readAll();
    if (m_stream->isFinished() && (m_splitter.hasPending() || !chunk.isEmpty()) &&
        !chunk.endsWith('\n'))
        chunk.append('\n'); // the log's last line, with no newline after it
    bool overflow = false;
    for (const QByteArray &raw : m_splitter.feed(chunk, &overflow)) {
        QString text = QString::fromUtf8(raw);
        // "2026-12-05T10:00:00.123456789Z the line": the server's time tells a line seen before.
        const qsizetype space = text.indexOf(u' ');
        const QDateTime at =
            space > 0 ? QDateTime::fromString(text.left(space), Qt::ISODateWithMs) : QDateTime();
        if (at.isValid()) {
            text = text.mid(space + 1);
            if (m_lastLineTime.isValid() && at < m_lastLineTime)
                continue;
            if (m_lastLineTime.isValid() && at == m_lastLineTime) {
                if (++m_seenAtLastTime <= m_linesAtLastTime)
                    continue;
                ++m_linesAtLastTime;
            } else {
                m_lastLineTime = at;
                m_linesAtLastTime = 1;
                m_seenAtLastTime = 1;
            }
        }
        keep(text);
        emit lineReceived(m_pod, text);
    }
    if (overflow)
        m_stream->abort(); // a line beyond any log's size: reopen from the last good one
}

void LogFollower::keep(const QString &line) {
    m_lines.push_back(line);
    if (m_lines.size() > m_options.maxLines)
        m_lines.remove(0, m_lines.size() - m_options.maxLines);
}

void LogFollower::onStreamEnded() {
    QNetworkReply *stream = m_stream;
    if (!stream)
        return;
    onData(); // what arrived with the end, and a last line without a newline
    m_stream = nullptr;
    stream->deleteLater();
    if (!m_running)
        return;
    const int status = stream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool failed = stream->error() != QNetworkReply::NoError && status != 200;
    const QString error = failed ? (status ? ApiError::fromHttp(status, stream->readAll()).message
                                           : stream->errorString())
                                 : QString();
    if (!m_options.follow || m_options.previous) {
        if (failed)
            finish(false, QStringLiteral("logs of pod %1: %2").arg(m_pod, error));
        else
            finish(true, QString());
        return;
    }
    if (m_deployment.isEmpty() && status == 404) {
        finish(false, QStringLiteral("logs of pod %1: %2").arg(m_pod, error));
        return;
    }
    // The container stopped, the pod went, or the connection dropped: look again shortly.
    retryLater(failed ? QStringLiteral("log stream of %1: %2; reconnecting").arg(m_pod, error)
                      : QStringLiteral("log stream of %1 ended; reconnecting").arg(m_pod));
}

} // namespace kiosk::k8s
