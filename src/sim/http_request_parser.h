#pragma once

#include "sim/http_message.h"

namespace kiosk::sim {

// An incremental, bounded HTTP/1.1 request parser: request line, headers (limited size),
// a body framed by Content-Length or chunked transfer coding (limited size).
class HttpRequestParser {
public:
    enum class Result { NeedMore, Complete, Error };

    explicit HttpRequestParser(qint64 maxBodyBytes = 3 * 1024 * 1024,
                               int maxHeaderBytes = 64 * 1024);

    // Consumes bytes from `buffer` (leaving those of a following request in it).
    Result feed(QByteArray &buffer);
    HttpRequest takeRequest();
    // Set once the headers are in and the client waits for "100 Continue" before sending the body.
    bool wantsContinue() const { return m_headersDone && m_expectContinue && !m_continueSent; }
    void markContinueSent() { m_continueSent = true; }
    bool headersDone() const { return m_headersDone; }

    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

private:
    Result fail(int status, const QString &message);
    Result parseHead(const QByteArray &head);
    void reset();

    qint64 m_maxBody;
    int m_maxHeader;
    HttpRequest m_request;
    bool m_headersDone = false;
    bool m_chunked = false;
    bool m_expectContinue = false;
    bool m_continueSent = false;
    qint64 m_contentLength = 0;
    qint64 m_chunkRemaining = -1; // -1: expecting a chunk-size line
    bool m_trailers = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace kiosk::sim
