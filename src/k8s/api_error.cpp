#include "k8s/api_error.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kiosk::k8s {

ApiError ApiError::make(Kind kind, QString message, int httpStatus) {
    ApiError e;
    e.kind = kind;
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    return e;
}

ApiError ApiError::fromHttp(int httpStatus, const QByteArray &body) {
    ApiError e;
    e.httpStatus = httpStatus;
    if (httpStatus >= 200 && httpStatus < 300)
        return e;

    const QJsonObject status = QJsonDocument::fromJson(body).object();
    if (status.value(u"kind").toString() == u"Status") {
        e.reason = status.value(u"reason").toString();
        e.message = status.value(u"message").toString().simplified();
    }
    switch (httpStatus) {
    case 401:
        e.kind = Kind::Unauthorized;
        e.message = QStringLiteral("unauthorized: the API server rejected the credentials (401)");
        break;
    case 403:
        e.kind = Kind::Forbidden;
        if (e.message.isEmpty())
            e.message = QStringLiteral("forbidden: the account lacks a permission (403)");
        break;
    case 404:
        e.kind = Kind::NotFound;
        break;
    case 409:
        e.kind = Kind::Conflict;
        break;
    case 410:
        e.kind = Kind::Gone;
        break;
    case 400:
    case 422:
        e.kind = Kind::Invalid;
        break;
    case 429:
        e.kind = Kind::TooManyRequests;
        break;
    default:
        e.kind = httpStatus >= 500 ? Kind::Server : Kind::Malformed;
        break;
    }
    if (e.message.isEmpty()) {
        const QString snippet = QString::fromUtf8(body.left(200)).simplified();
        e.message = snippet.isEmpty()
                        ? QStringLiteral("the API server answered HTTP %1").arg(httpStatus)
                        : QStringLiteral("the API server answered HTTP %1: %2")
                              .arg(httpStatus)
                              .arg(snippet);
    }
    return e;
}

} // namespace kiosk::k8s
