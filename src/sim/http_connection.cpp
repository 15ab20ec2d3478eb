#include "sim/http_connection.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>
#include <QUuid>

namespace kiosk::sim {

namespace {
// Idle keep-alive connections (and clients trickling a request) are closed after this long.
constexpr int kIdleTimeoutMs = 5 * 60 * 1000;

QByteArray httpDate() {
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_parser(maxBodyBytes) {
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this]() {
        if (!m_closedEmitted) {
            m_closedEmitted = true;
            emit closed();
        }
        deleteLater();
    });
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this]() {
        if (m_state == State::Reading && m_socket)
            m_socket->disconnectFromHost();
    });
    m_idle.start();
}

HttpConnection::~HttpConnection() {
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        emit closed();
    }
}

void HttpConnection::onReadyRead() {
    if (!m_socket)
        return;
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer() {
    if (m_state != State::Reading || !m_socket)
        return;
    if (m_buffer.isEmpty() && !m_parser.headersDone())
        return;
    const auto result = m_parser.feed(m_buffer);
    if (result == HttpRequestParser::Result::Error) {
        HttpResponse response;
        response.status = m_parser.errorStatus();
        if (response.status == 413) {
            response.body =
                QByteArrayLiteral("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                                  "\"status\":\"Failure\",\"message\":"
                                  "\"the request body is too "
                                  "large\",\"reason\":\"RequestEntityTooLarge\",\"code\":413}\n");
        } else {
            response.contentType = "text/plain; charset=utf-8";
            response.body = m_parser.errorMessage().toUtf8() + '\n';
        }
        m_closeAfterResponse = true;
        m_state = State::Processing;
        respond(response);
        return;
    }
    if (result == HttpRequestParser::Result::NeedMore) {
        if (m_parser.wantsContinue()) {
            m_parser.markContinueSent();
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return;
    }
    HttpRequest request = m_parser.takeRequest();
    const QByteArray connection = request.header("connection").toLower();
    m_closeAfterResponse = connection.contains("close");
    m_state = State::Processing;
    m_idle.stop();
    emit requestReceived(request);
}

void HttpConnection::writeHead(int status, const QByteArray &contentType,
                               const QList<QPair<QByteArray, QByteArray>> &headers,
                               qint64 contentLength) {
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' +
                      HttpResponse::reasonPhrase(status) + "\r\n";
    head += "Audit-Id: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    for (const auto &header : headers)
        head += header.first + ": " + header.second + "\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    if (m_closeAfterResponse)
        head += "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(const HttpResponse &response) {
    if (!m_socket || m_state != State::Processing)
        return;
    writeHead(response.status, response.contentType, response.headers, response.body.size());
    m_socket->write(response.body);
    finishResponse();
}

void HttpConnection::beginStream(int status, const QByteArray &contentType,
                                 const QList<QPair<QByteArray, QByteArray>> &headers) {
    if (!m_socket || m_state != State::Processing)
        return;
    writeHead(status, contentType, headers, -1);
    m_state = State::Streaming;
}

void HttpConnection::writeChunk(const QByteArray &data) {
    if (!m_socket || m_state != State::Streaming || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void HttpConnection::endStream() {
    if (!m_socket || m_state != State::Streaming)
        return;
    m_socket->write("0\r\n\r\n");
    finishResponse();
}

void HttpConnection::finishResponse() {
    if (m_closeAfterResponse) {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Reading;
    m_idle.start();
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

void HttpConnection::abort() {
    if (m_socket)
        m_socket->abort();
}

} // namespace kiosk::sim
