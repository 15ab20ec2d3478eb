// libFuzzer target: arbitrary bytes from a client through the simulator's HTTP/1.1 request parser,
// driven the way HttpConnection drives it (pipelined requests, stop at the first error).
// Invariant: what the parser makes of a byte stream must not depend on how TCP cut it, so the
// stream fed at once and fed in small pieces give the same requests and the same error.
#include "sim/http_request_parser.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {

using kiosk::sim::HttpRequest;
using kiosk::sim::HttpRequestParser;

// Small limits so that short inputs reach the header and body bounds.
constexpr qint64 kMaxBody = 256;
constexpr int kMaxHeader = 512;

struct Transcript {
    QList<QByteArray> requests; // one flattened line per complete request
    int errorStatus = 0;
    bool midRequest = false;
    bool operator==(const Transcript &) const = default;
};

QByteArray flatten(const HttpRequest &request) {
    QByteArray out = request.method + ' ' + request.target + '\0' + request.path.toUtf8() + '\0' +
                     request.query.toString().toUtf8() + '\0';
    QList<QByteArray> names = request.headers.keys();
    std::sort(names.begin(), names.end());
    for (const QByteArray &name : names)
        out += name + ':' + request.headers.value(name) + '\0';
    return out + request.body;
}

Transcript run(const QByteArray &stream, qsizetype piece) {
    HttpRequestParser parser(kMaxBody, kMaxHeader);
    QByteArray buffer;
    Transcript t;
    qsizetype pos = 0;
    for (;;) {
        // As HttpConnection::processBuffer: parse what has arrived, take each complete request.
        for (;;) {
            if (buffer.isEmpty() && !parser.headersDone())
                break;
            const auto result = parser.feed(buffer);
            if (result == HttpRequestParser::Result::Error) {
                t.errorStatus = parser.errorStatus();
                if (t.errorStatus < 400 || t.errorStatus > 599)
                    __builtin_trap(); // an error must map to an HTTP error status
                return t;
            }
            if (result == HttpRequestParser::Result::NeedMore) {
                (void)parser.wantsContinue();
                break;
            }
            const HttpRequest request = parser.takeRequest();
            (void)request.queryValue(QStringLiteral("labelSelector"));
            if (request.body.size() > kMaxBody)
                __builtin_trap(); // the body bound holds
            t.requests.append(flatten(request));
        }
        if (pos >= stream.size())
            break;
        buffer += stream.mid(pos, piece);
        pos += piece;
    }
    t.midRequest = parser.headersDone();
    return t;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 8192)
        return 0;
    // The first byte chooses the piece size; the rest is what the client sent.
    const qsizetype piece = 1 + (data[0] % 7);
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Transcript whole = run(stream, stream.size() + 1);
    const Transcript pieces = run(stream, piece);
    if (!(whole == pieces))
        __builtin_trap(); // the outcome depends on where the stream was cut
    return 0;
}
