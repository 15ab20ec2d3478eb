#pragma once

#include <QByteArray>
#include <QString>

namespace kiosk::k8s {

// Why a request to the API server failed, with the server's own Status message when it sent one.
struct ApiError {
    enum class Kind {
        None,
        Network, // refused, unreachable, DNS, connection dropped
        Timeout,
        Tls,          // certificate not trusted, wrong host name, handshake
        Unauthorized, // 401
        Forbidden,    // 403: the message names the missing permission
        NotFound,     // 404
        Conflict,     // 409: AlreadyExists or a failed precondition
        Gone,         // 410: resourceVersion too old, re-list
        Invalid,      // 400 / 422
        TooManyRequests,
        Server,    // 5xx
        Malformed, // an answer that is not what the API promises
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString reason;  // Status.reason, e.g. "NotFound"
    QString message; // one line for people

    bool isError() const { return kind != Kind::None; }
    // Builds the error from an HTTP status and a body that may hold a Status object.
    static ApiError fromHttp(int httpStatus, const QByteArray &body);
    static ApiError make(Kind kind, QString message, int httpStatus = 0);
};

} // namespace kiosk::k8s
