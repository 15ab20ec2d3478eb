#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace kiosk::sim {

struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent: path and query
    QString path;      // percent-decoded path
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name); }
    QString queryValue(const QString &name) const {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static QByteArray reasonPhrase(int status);
};

} // namespace kiosk::sim
