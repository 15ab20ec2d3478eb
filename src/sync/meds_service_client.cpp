#include "sync/meds_service_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace kiosk::sync {

namespace {

bool isRecord(const QJsonObject &record) {
    return record.value(QStringLiteral("id")).isString() &&
           record.value(QStringLiteral("version")).isDouble();
}

// The service's own words as one line of at most 200 characters: they reach the screen, the CLI
// and the log, where a line break or escape code from a stranger's server has no business.
QString oneLine(const QString &text) {
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        const bool breaks = c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
                            c == QChar::ParagraphSeparator;
        line += breaks ? QChar(u' ') : c;
    }
    line = line.simplified();
    if (line.size() > 200)
        line.truncate(line.at(199).isHighSurrogate() ? 199 : 200);
    return line;
}

} // namespace

MedsServiceClient::MedsServiceClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this)) {}

MedsServiceClient::~MedsServiceClient() {
    const auto pending = m_pending;
    m_pending.clear();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
    }
}

QString MedsServiceClient::checkBaseUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral(
            "the medication service address must be a full address such as http://kilo-meds:8080");
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return QStringLiteral("the medication service address must start with http:// or https://");
    return {};
}

void MedsServiceClient::fetchChanges(const QString &cursor, Callback done) {
    QUrlQuery query;
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("since"),
                           QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    send("GET", QStringLiteral("/api/v1/medications"),
         query.toString(QUrl::FullyEncoded).toLatin1(), {}, std::nullopt, Expect::Changes,
         std::move(done));
}

void MedsServiceClient::put(const QString &uuid, const QJsonObject &record,
                            std::optional<qint64> ifMatch, Callback done) {
    send("PUT", QStringLiteral("/api/v1/medications/") + uuid, {},
         QJsonDocument(record).toJson(QJsonDocument::Compact), ifMatch, Expect::Record,
         std::move(done));
}

void MedsServiceClient::remove(const QString &uuid, std::optional<qint64> ifMatch, Callback done) {
    send("DELETE", QStringLiteral("/api/v1/medications/") + uuid, {}, {}, ifMatch, Expect::Record,
         std::move(done));
}

void MedsServiceClient::fetchDoseChanges(const QString &cursor, Callback done) {
    QUrlQuery query;
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("since"),
                           QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    send("GET", QStringLiteral("/api/v1/doses"), query.toString(QUrl::FullyEncoded).toLatin1(), {},
         std::nullopt, Expect::Changes, std::move(done));
}

void MedsServiceClient::putDose(const QString &uuid, const QJsonObject &entry, Callback done) {
    send("PUT", QStringLiteral("/api/v1/doses/") + uuid, {},
         QJsonDocument(entry).toJson(QJsonDocument::Compact), std::nullopt, Expect::Record,
         std::move(done));
}

void MedsServiceClient::checkHealth(Callback done) {
    send("GET", QStringLiteral("/healthz"), {}, {}, std::nullopt, Expect::Health, std::move(done));
}

void MedsServiceClient::send(const QByteArray &verb, const QString &path, const QByteArray &query,
                             const QByteArray &body, std::optional<qint64> ifMatch, Expect expect,
                             Callback done) {
    const QString problem = checkBaseUrl(m_baseUrl);
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done), problem] {
            ServiceAnswer answer;
            answer.error = problem;
            done(answer);
        });
        return;
    }
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    QNetworkRequest request(url);
    // The token never follows a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_deviceName.isEmpty())
        request.setRawHeader("X-Device-Name", m_deviceName.toUtf8());
    if (ifMatch)
        request.setRawHeader("If-Match", '"' + QByteArray::number(*ifMatch) + '"');
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_nam->sendCustomRequest(request, verb, body);
    m_pending.insert(reply, std::move(done));
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, expect] {
        const Callback done = m_pending.take(reply);
        const ServiceAnswer answer = read(reply, expect);
        reply->deleteLater();
        if (done)
            done(answer);
    });
}

ServiceAnswer MedsServiceClient::read(QNetworkReply *reply, Expect expect) const {
    ServiceAnswer answer;
    const QString where = m_baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    if (answer.status == 0) {
        answer.kind = ServiceAnswer::Kind::Unavailable;
        answer.error =
            reply->error() == QNetworkReply::OperationCanceledError
                ? QStringLiteral("the medication service at %1 did not answer in time").arg(where)
                : QStringLiteral("the medication service at %1 cannot be reached: %2")
                      .arg(where, reply->errorString());
        return answer;
    }
    if (reply->error() != QNetworkReply::NoError && answer.status < 400) {
        // A connection cut in the middle of an answer: whatever arrived is not trusted.
        answer.kind = ServiceAnswer::Kind::Unavailable;
        answer.error = QStringLiteral("the medication service at %1 broke off its answer: %2")
                           .arg(where, reply->errorString());
        return answer;
    }
    return interpret(answer.status, bytes, expect, where);
}

ServiceAnswer MedsServiceClient::interpret(int status, const QByteArray &bytes, Expect expect,
                                           const QString &where) {
    ServiceAnswer answer;
    answer.status = status;
    if (answer.status == 401 || answer.status == 403) {
        answer.kind = ServiceAnswer::Kind::Refused;
        answer.error = QStringLiteral("the medication service at %1 refused the token (HTTP %2): "
                                      "set it with kilo-kiosk meds service --token-stdin")
                           .arg(where)
                           .arg(answer.status);
        return answer;
    }
    if (answer.status >= 500 || answer.status == 429 || answer.status == 408) {
        answer.kind = ServiceAnswer::Kind::Unavailable;
        answer.error = QStringLiteral("the medication service at %1 is not working (HTTP %2)")
                           .arg(where)
                           .arg(answer.status);
        return answer;
    }
    if (answer.status == 404 && expect == Expect::Record) {
        answer.kind = ServiceAnswer::Kind::NotFound;
        answer.error = QStringLiteral("the medication service does not know this record");
        return answer;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject object = document.object();
    answer.kind = ServiceAnswer::Kind::Garbage;
    const auto garbage = [&](const QString &what) {
        answer.error = QStringLiteral("the medication service at %1 answered HTTP %2 with %3, not "
                                      "the medication API's answer")
                           .arg(where)
                           .arg(answer.status)
                           .arg(what);
        return answer;
    };
    if (expect == Expect::Health) {
        if (answer.status / 100 == 2) {
            answer.kind = ServiceAnswer::Kind::Ok;
            return answer;
        }
        return garbage(QStringLiteral("an error"));
    }
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return garbage(bytes.isEmpty() ? QStringLiteral("nothing")
                                       : QStringLiteral("something that is not a JSON object"));
    if (answer.status == 412 && object.contains(QStringLiteral("current")) &&
        object.value(QStringLiteral("current")).isNull()) {
        answer.kind = ServiceAnswer::Kind::NotFound; // a version was named for a record the service
                                                     // does not have
        answer.error = QStringLiteral("the medication service does not know this record");
        return answer;
    }
    if (answer.status == 412) {
        // The current record, as {"current": MED} or the record itself.
        answer.record = object.value(QStringLiteral("current")).isObject()
                            ? object.value(QStringLiteral("current")).toObject()
                            : object;
        if (!isRecord(answer.record))
            return garbage(QStringLiteral("a conflict without the current record"));
        answer.kind = ServiceAnswer::Kind::Conflict;
        answer.error = QStringLiteral("the service holds version %1")
                           .arg(answer.record.value(QStringLiteral("version")).toInteger());
        return answer;
    }
    if (answer.status / 100 != 2)
        return garbage(QStringLiteral("the error \"%1\"")
                           .arg(oneLine(object.value(QStringLiteral("error")).toString())));
    if (expect == Expect::Changes) {
        const QJsonValue items = object.value(QStringLiteral("items"));
        const QJsonValue cursor = object.value(QStringLiteral("cursor"));
        if (!items.isArray() || !(cursor.isString() || cursor.isDouble()))
            return garbage(QStringLiteral("no items and cursor"));
        for (const QJsonValue &item : items.toArray()) {
            if (!item.isObject() || !isRecord(item.toObject()))
                return garbage(QStringLiteral("an item that is not a medication record"));
            answer.items.append(item.toObject());
        }
        answer.cursor = cursor.isString() ? cursor.toString() : QString::number(cursor.toInteger());
        answer.more = object.value(QStringLiteral("more")).toBool(false);
    } else {
        if (!isRecord(object))
            return garbage(QStringLiteral("a record without id and version"));
        answer.record = object;
    }
    answer.kind = ServiceAnswer::Kind::Ok;
    return answer;
}

void MedsServiceClient::abortAll() {
    const auto replies = m_pending.keys();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

} // namespace kiosk::sync
