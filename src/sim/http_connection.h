#pragma once

#include "sim/http_message.h"
#include "sim/http_request_parser.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace kiosk::sim {

// One client connection: reads requests one at a time (keep-alive), hands each to the server
// through requestReceived(), and writes either a whole response (Content-Length) or a streamed
// one (chunked transfer coding), as watches and followed logs need.
class HttpConnection : public QObject {
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent = nullptr);
    ~HttpConnection() override;

    void respond(const HttpResponse &response);
    void beginStream(int status, const QByteArray &contentType,
                     const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void writeChunk(const QByteArray &data);
    void endStream();
    // Drops the connection without finishing the response (fault injection).
    void abort();
    bool isStreaming() const { return m_state == State::Streaming; }
    QTcpSocket *socket() const { return m_socket; }

signals:
    void requestReceived(const kiosk::sim::HttpRequest &request);
    void closed();

private:
    enum class State { Reading, Processing, Streaming, Closing };
    void onReadyRead();
    void processBuffer();
    void writeHead(int status, const QByteArray &contentType,
                   const QList<QPair<QByteArray, QByteArray>> &headers, qint64 contentLength);
    void finishResponse();

    QPointer<QTcpSocket> m_socket;
    QTimer m_idle; // closes connections that send nothing complete for too long
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    State m_state = State::Reading;
    bool m_closeAfterResponse = false;
    bool m_closedEmitted = false;
};

} // namespace kiosk::sim
