#include "k8s/api_client.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslConfiguration>

namespace kiosk::k8s {

namespace {
// API answers are bounded: a list page is limited; anything this large is not a sane answer.
constexpr qint64 kMaxBodyBytes = 256LL * 1024 * 1024;

QString sslErrorsText(const QList<QSslError> &errors) {
    QStringList parts;
    for (const auto &e : errors)
        parts.append(e.errorString());
    parts.removeDuplicates();
    return parts.join(QStringLiteral("; "));
}
} // namespace

ApiClient::ApiClient(ClusterConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_network(new QNetworkAccessManager(this)) {
    m_network->setAutoDeleteReplies(false);
}

ApiClient::~ApiClient() = default;

QNetworkRequest ApiClient::buildRequest(const QString &path, const QUrlQuery &query) const {
    QUrl url = m_connection.server;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "kilo-kiosk");
    // HTTP/2 would multiplex every watch on one connection; one stalled stream must not stall all.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QString token = m_connection.bearerToken;
    if (!m_connection.tokenFile.isEmpty()) {
        QFile f(m_connection.tokenFile);
        if (f.open(QIODevice::ReadOnly))
            token = QString::fromUtf8(f.readAll()).trimmed();
    }
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    else if (!m_connection.username.isEmpty())
        request.setRawHeader(
            "Authorization",
            "Basic " + (m_connection.username + u':' + m_connection.password).toUtf8().toBase64());

    if (url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_connection.caCertificates.isEmpty())
            tls.setCaCertificates(m_connection.caCertificates);
        if (m_connection.insecureSkipTlsVerify)
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!m_connection.clientCertificate.isNull()) {
            tls.setLocalCertificate(m_connection.clientCertificate);
            tls.setPrivateKey(m_connection.clientKey);
        }
        request.setSslConfiguration(tls);
        if (!m_connection.tlsServerName.isEmpty())
            request.setPeerVerifyName(m_connection.tlsServerName);
    }
    return request;
}

ApiError ApiClient::errorFor(QNetworkReply *reply, const QByteArray &body,
                             const QString &tlsDetail) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A 2xx cut short (a dropped watch, a timed-out body) failed in transport: its status says
    // nothing.
    const bool cutShort = status >= 200 && status < 300 && reply->error() != QNetworkReply::NoError;
    if (status > 0 && !cutShort)
        return ApiError::fromHttp(status, body);
    const QString host = reply->url().host();
    if (cutShort && reply->error() != QNetworkReply::TimeoutError &&
        reply->error() != QNetworkReply::OperationCanceledError)
        return ApiError::make(ApiError::Kind::Network,
                              QStringLiteral("the connection to the API server %1 was cut: %2")
                                  .arg(reply->url().authority(), reply->errorString()));
    switch (reply->error()) {
    case QNetworkReply::NoError:
        return ApiError::make(ApiError::Kind::Malformed,
                              QStringLiteral("the API server sent no HTTP status"));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return ApiError::make(ApiError::Kind::Timeout,
                              QStringLiteral("the API server %1 did not answer in time").arg(host));
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::make(
            ApiError::Kind::Tls,
            QStringLiteral("TLS with %1 failed: %2 (check the cluster's certificate authority)")
                .arg(host, tlsDetail.isEmpty() ? reply->errorString() : tlsDetail));
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::make(ApiError::Kind::Network,
                              QStringLiteral("cannot reach the API server %1: connection refused")
                                  .arg(reply->url().authority()));
    case QNetworkReply::HostNotFoundError:
        return ApiError::make(
            ApiError::Kind::Network,
            QStringLiteral("cannot reach the API server: host %1 not found").arg(host));
    default:
        return ApiError::make(ApiError::Kind::Network,
                              QStringLiteral("cannot reach the API server %1: %2")
                                  .arg(reply->url().authority(), reply->errorString()));
    }
}

void ApiClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                     const QByteArray &body, const QByteArray &contentType, QObject *context,
                     Callback done) {
    QNetworkRequest request = buildRequest(path, query);
    request.setTransferTimeout(m_timeoutMs);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    auto tlsDetail = std::make_shared<QString>();
    connect(reply, &QNetworkReply::sslErrors, reply,
            [tlsDetail](const QList<QSslError> &errors) { *tlsDetail = sslErrorsText(errors); });
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, tooLarge](qint64 received, qint64) {
                if (received > kMaxBodyBytes) {
                    *tooLarge = true;
                    reply->abort();
                }
            });
    QPointer<QObject> guard(context);
    connect(
        reply, &QNetworkReply::finished, this,
        [reply, guard, tlsDetail, tooLarge, done = std::move(done)] {
            reply->deleteLater();
            if (!guard)
                return;
            ApiResponse response;
            response.body = reply->readAll();
            response.httpStatus =
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (*tooLarge) {
                response.error =
                    ApiError::make(ApiError::Kind::Malformed,
                                   QStringLiteral("the API server's answer is larger than %1 MiB")
                                       .arg(kMaxBodyBytes >> 20),
                                   response.httpStatus);
            } else if (reply->error() != QNetworkReply::NoError || response.httpStatus < 200 ||
                       response.httpStatus >= 300) {
                response.error = errorFor(reply, response.body, *tlsDetail);
            } else {
                const QByteArray type =
                    reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                if (type.startsWith("application/json") ||
                    (type.isEmpty() && response.body.startsWith('{'))) {
                    QJsonParseError parseError;
                    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
                    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                        response.error =
                            ApiError::make(ApiError::Kind::Malformed,
                                           QStringLiteral("the API server sent malformed JSON (%1)")
                                               .arg(parseError.errorString()),
                                           response.httpStatus);
                    else
                        response.object = doc.object();
                }
            }
            done(response);
        });
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback done) {
    send("GET", path, query, {}, {}, context, std::move(done));
}

QNetworkReply *ApiClient::openStream(const QString &path, const QUrlQuery &query) {
    QNetworkRequest request = buildRequest(path, query);
    request.setTransferTimeout(0);
    return m_network->get(request);
}

} // namespace kiosk::k8s
