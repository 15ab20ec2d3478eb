#pragma once

#include "k8s/api_error.h"
#include "k8s/cluster_connection.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kiosk::k8s {

struct ApiResponse {
    int httpStatus = 0;
    QJsonObject object; // the JSON answer, when it is one
    QByteArray body;    // the raw answer (logs are plain text)
    ApiError error;
};

// Plain REST over QNetworkAccessManager: authentication, TLS as configured, a timeout on every
// request, and errors turned into ApiError with the server's Status message.
class ApiClient : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;
    static constexpr int kDefaultTimeoutMs = 15000;

    explicit ApiClient(ClusterConnection connection, QObject *parent = nullptr);
    ~ApiClient() override;

    const ClusterConnection &connection() const { return m_connection; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // `done` runs once, unless `context` is destroyed first.
    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
              const QByteArray &body, const QByteArray &contentType, QObject *context,
              Callback done);
    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback done);
    // A long-lived GET (watch, log follow): no transfer timeout; the caller reads and owns the
    // reply.
    QNetworkReply *openStream(const QString &path, const QUrlQuery &query);

    QNetworkRequest buildRequest(const QString &path, const QUrlQuery &query) const;
    // The ApiError for a finished reply and its body (network, TLS, timeout or HTTP errors).
    static ApiError errorFor(QNetworkReply *reply, const QByteArray &body,
                             const QString &tlsDetail);

private:
    ClusterConnection m_connection;
    QNetworkAccessManager *m_network;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace kiosk::k8s
