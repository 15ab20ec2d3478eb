#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace kiosk::sim {

struct ResourceType;

// A failed API call, rendered the way the apiserver renders it: a v1 Status object with the
// HTTP code, the machine-readable reason and a human message (plus details/causes when known).
struct ApiError {
    int code = 500;
    QString reason;
    QString message;
    QJsonObject details;

    QJsonObject toStatus() const;

    static ApiError badRequest(const QString &message);
    static ApiError notFound(const ResourceType &type, const QString &name);
    static ApiError notFoundPath();
    static ApiError alreadyExists(const ResourceType &type, const QString &name);
    static ApiError conflict(const ResourceType &type, const QString &name, const QString &why);
    // `causes`: objects with "field", "reason" (e.g. FieldValueRequired) and "message".
    static ApiError invalid(const ResourceType &type, const QString &name,
                            const QJsonArray &causes);
    static ApiError unauthorized();
    static ApiError forbidden(const QString &message);
    static ApiError methodNotAllowed();
    static ApiError notAcceptable(const QString &message);
    static ApiError unsupportedMediaType(const QString &contentType);
    static ApiError tooLarge(qint64 limit);
    static ApiError expired(const QString &message);
    static ApiError gone(const QString &message);
    static ApiError timeout(const QString &message);
    static ApiError serviceUnavailable(const QString &message);
    static ApiError internal(const QString &message);
};

// Adds one cause to an Invalid error's cause list.
QJsonObject invalidCause(const QString &reasonType, const QString &field, const QString &message);

} // namespace kiosk::sim
