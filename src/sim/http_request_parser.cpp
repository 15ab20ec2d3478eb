#include "sim/http_request_parser.h"

#include <QUrl>

namespace kiosk::sim {

namespace {

constexpr qsizetype kMaxChunkSizeLine = 1024;

// Whether the CRLF-terminated line at the start of `buffer` (ending at `lineEnd`, -1 while its end
// has not arrived) is longer than `limit`. Without its end the line is at least all but a last
// '\r', so a line is refused on the same terms however the stream was cut.
bool lineTooLong(const QByteArray &buffer, qsizetype lineEnd, qsizetype limit) {
    return (lineEnd < 0 ? buffer.size() - 1 : lineEnd) > limit;
}

} // namespace

QByteArray HttpResponse::reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Request Entity Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

HttpRequestParser::HttpRequestParser(qint64 maxBodyBytes, int maxHeaderBytes)
    : m_maxBody(maxBodyBytes)
    , m_maxHeader(maxHeaderBytes) {}

void HttpRequestParser::reset() {
    m_request = HttpRequest();
    m_headersDone = false;
    m_chunked = false;
    m_expectContinue = false;
    m_continueSent = false;
    m_contentLength = 0;
    m_chunkRemaining = -1;
    m_trailers = false;
}

HttpRequestParser::Result HttpRequestParser::fail(int status, const QString &message) {
    m_errorStatus = status;
    m_errorMessage = message;
    return Result::Error;
}

HttpRequestParser::Result HttpRequestParser::parseHead(const QByteArray &head) {
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return fail(400, QStringLiteral("malformed request line"));
    if (!parts[2].startsWith("HTTP/1."))
        return fail(505, QStringLiteral("only HTTP/1.x is supported"));
    for (const char c : parts[0]) {
        if (c < 'A' || c > 'Z')
            return fail(400, QStringLiteral("malformed method"));
    }
    m_request.method = parts[0];
    m_request.target = parts[1];
    if (!m_request.target.startsWith('/'))
        return fail(400, QStringLiteral("request target must be an absolute path"));
    const qsizetype question = m_request.target.indexOf('?');
    const QByteArray rawPath = question < 0 ? m_request.target : m_request.target.left(question);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0) {
        QByteArray rawQuery = m_request.target.mid(question + 1);
        rawQuery.replace('+', "%20");
        m_request.query.setQuery(QString::fromLatin1(rawQuery));
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, QStringLiteral("malformed header line"));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (m_request.headers.contains(name))
            m_request.headers[name] += ", " + value;
        else
            m_request.headers.insert(name, value);
    }
    const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked")
            return fail(501, QStringLiteral("unsupported transfer encoding"));
        m_chunked = true;
    } else if (m_request.headers.contains("content-length")) {
        bool ok = false;
        m_contentLength = m_request.header("content-length").toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return fail(400, QStringLiteral("invalid Content-Length"));
        if (m_contentLength > m_maxBody)
            return fail(413, QString());
    }
    m_expectContinue = m_request.header("expect").toLower() == "100-continue";
    m_headersDone = true;
    return Result::NeedMore;
}

HttpRequestParser::Result HttpRequestParser::feed(QByteArray &buffer) {
    if (!m_headersDone) {
        // The head ends at its first empty line, whether lines end in CRLF or a bare LF (RFC 9112
        // 2.2): where it ends must not depend on how much of the stream has arrived, or a later
        // "\r\n\r\n" in the body or in a pipelined request would swallow an earlier "\n\n".
        const qsizetype lf = buffer.indexOf("\n\n");
        const qsizetype crlf = buffer.indexOf("\n\r\n");
        if (lf < 0 && crlf < 0) {
            // Up to 3 bytes at the end ("\r\n\r") may belong to the end of the head, not to it.
            if (buffer.size() - 3 > m_maxHeader)
                return fail(431, QStringLiteral("request headers are too large"));
            return Result::NeedMore;
        }
        const qsizetype lineEnd = lf >= 0 && (crlf < 0 || lf < crlf) ? lf : crlf;
        const qsizetype bodyStart = lineEnd + (lineEnd == lf ? 2 : 3);
        const qsizetype headEnd =
            lineEnd > 0 && buffer.at(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        if (headEnd > m_maxHeader)
            return fail(431, QStringLiteral("request headers are too large"));
        const QByteArray head = buffer.left(headEnd);
        buffer.remove(0, bodyStart);
        // Tolerate leading blank lines between requests (RFC 9112 2.2).
        QByteArray trimmedHead = head;
        while (trimmedHead.startsWith("\r\n"))
            trimmedHead.remove(0, 2);
        if (parseHead(trimmedHead) == Result::Error)
            return Result::Error;
    }
    if (!m_chunked) {
        const qint64 missing = m_contentLength - m_request.body.size();
        const qint64 take = qMin<qint64>(missing, buffer.size());
        m_request.body += buffer.left(take);
        buffer.remove(0, take);
        return m_request.body.size() == m_contentLength ? Result::Complete : Result::NeedMore;
    }
    for (;;) {
        if (m_trailers) {
            const qsizetype lineEnd = buffer.indexOf("\r\n");
            // A trailer line is bounded like the head, or a client could grow the buffer forever.
            if (lineTooLong(buffer, lineEnd, m_maxHeader))
                return fail(431, QStringLiteral("request trailers are too large"));
            if (lineEnd < 0)
                return Result::NeedMore;
            buffer.remove(0, lineEnd + 2);
            if (lineEnd == 0)
                return Result::Complete;
            continue;
        }
        if (m_chunkRemaining < 0) {
            const qsizetype lineEnd = buffer.indexOf("\r\n");
            if (lineTooLong(buffer, lineEnd, kMaxChunkSizeLine))
                return fail(400, QStringLiteral("malformed chunk size"));
            if (lineEnd < 0)
                return Result::NeedMore;
            QByteArray sizeText = buffer.left(lineEnd);
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon);
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return fail(400, QStringLiteral("malformed chunk size"));
            buffer.remove(0, lineEnd + 2);
            if (size == 0) {
                m_trailers = true;
                continue;
            }
            // Compared this way round: body + size overflows for a size near 2^63.
            if (size > m_maxBody - m_request.body.size())
                return fail(413, QString());
            m_chunkRemaining = size;
        }
        if (m_chunkRemaining > 0) {
            const qint64 take = qMin<qint64>(m_chunkRemaining, buffer.size());
            m_request.body += buffer.left(take);
            buffer.remove(0, take);
            m_chunkRemaining -= take;
            if (m_chunkRemaining > 0)
                return Result::NeedMore;
        }
        if (buffer.size() < 2)
            return Result::NeedMore;
        if (!buffer.startsWith("\r\n"))
            return fail(400, QStringLiteral("malformed chunk"));
        buffer.remove(0, 2);
        m_chunkRemaining = -1;
    }
}

HttpRequest HttpRequestParser::takeRequest() {
    HttpRequest request = std::move(m_request);
    reset();
    return request;
}

} // namespace kiosk::sim
