#pragma once

// A small synchronous-looking HTTP client for tests of the in-process simulator: it spins the
// event loop (so the server, on the same thread, keeps serving) until the reply is complete.

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <optional>

struct SimReply {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class SimClient {
public:
    explicit SimClient(QUrl base, QByteArray token = {})
        : m_base(std::move(base))
        , m_token(std::move(token)) {}

    SimReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QByteArray &contentType = "application/json",
                     const QByteArray &accept = "application/json", int timeoutMs = 15000) {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!accept.isEmpty())
            request.setRawHeader("Accept", accept);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (m_ssl)
            request.setSslConfiguration(*m_ssl);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        SimReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        result.error = reply->error();
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
        return result;
    }

    SimReply get(const QString &path, const QByteArray &accept = "application/json") {
        return request("GET", path, {}, {}, accept);
    }

    SimReply send(const QByteArray &method, const QString &path, const QJsonObject &body,
                  const QByteArray &contentType = "application/json") {
        return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       contentType);
    }

    // Opens a streaming GET (a watch); lines arrive in `lines` as the event loop runs.
    QNetworkReply *stream(const QString &path, QList<QJsonObject> *lines) {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setRawHeader("Accept", "application/json");
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        QNetworkReply *reply = m_manager.get(request);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, buffer, lines]() {
            *buffer += reply->readAll();
            qsizetype newline;
            while ((newline = buffer->indexOf('\n')) >= 0) {
                const QByteArray line = buffer->left(newline);
                buffer->remove(0, newline + 1);
                if (!line.trimmed().isEmpty())
                    lines->append(QJsonDocument::fromJson(line).object());
            }
        });
        return reply;
    }

    QNetworkAccessManager &manager() { return m_manager; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }

private:
    std::optional<QSslConfiguration> m_ssl;
    QUrl m_base;
    QByteArray m_token;
    QNetworkAccessManager m_manager;
};
