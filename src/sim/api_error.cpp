#include "sim/api_error.h"

#include "sim/resource_type.h"

namespace kiosk::sim {

QJsonObject ApiError::toStatus() const {
    QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), message},
        {QStringLiteral("code"), code},
    };
    if (!reason.isEmpty())
        status.insert(QStringLiteral("reason"), reason);
    if (!details.isEmpty())
        status.insert(QStringLiteral("details"), details);
    return status;
}

namespace {
QJsonObject detailsFor(const ResourceType &type, const QString &name) {
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), type.plural}};
    if (!type.group.isEmpty())
        details.insert(QStringLiteral("group"), type.group);
    return details;
}
} // namespace

ApiError ApiError::badRequest(const QString &message) {
    return {400, QStringLiteral("BadRequest"), message, {}};
}

ApiError ApiError::notFound(const ResourceType &type, const QString &name) {
    return {404, QStringLiteral("NotFound"),
            QStringLiteral("%1 \"%2\" not found").arg(type.groupResource(), name),
            detailsFor(type, name)};
}

ApiError ApiError::notFoundPath() {
    return {404, QStringLiteral("NotFound"),
            QStringLiteral("the server could not find the requested resource"),
            QJsonObject{{QStringLiteral("causes"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("reason"), QStringLiteral("UnexpectedServerResponse")},
                             {QStringLiteral("message"), QStringLiteral("404 page not found")}}}}}};
}

ApiError ApiError::alreadyExists(const ResourceType &type, const QString &name) {
    return {409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists").arg(type.groupResource(), name),
            detailsFor(type, name)};
}

ApiError ApiError::conflict(const ResourceType &type, const QString &name, const QString &why) {
    return {409, QStringLiteral("Conflict"),
            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3")
                .arg(type.groupResource(), name, why),
            detailsFor(type, name)};
}

ApiError ApiError::invalid(const ResourceType &type, const QString &name,
                           const QJsonArray &causes) {
    QStringList parts;
    for (const auto &cause : causes)
        parts.append(cause.toObject().value(QStringLiteral("field")).toString() +
                     QStringLiteral(": ") +
                     cause.toObject().value(QStringLiteral("message")).toString());
    QJsonObject details = detailsFor(type, name);
    details.insert(QStringLiteral("kind"), type.kind);
    details.insert(QStringLiteral("causes"), causes);
    QString message = QStringLiteral("%1 \"%2\" is invalid: ").arg(type.qualifiedKind(), name);
    message += parts.size() == 1
                   ? parts.first()
                   : QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    return {422, QStringLiteral("Invalid"), message, details};
}

ApiError ApiError::unauthorized() {
    return {401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}};
}

ApiError ApiError::forbidden(const QString &message) {
    return {403, QStringLiteral("Forbidden"), message, {}};
}

ApiError ApiError::methodNotAllowed() {
    return {405,
            QStringLiteral("MethodNotAllowed"),
            QStringLiteral("the server does not allow this method on the requested resource"),
            {}};
}

ApiError ApiError::notAcceptable(const QString &message) {
    return {406, QStringLiteral("NotAcceptable"), message, {}};
}

ApiError ApiError::unsupportedMediaType(const QString &contentType) {
    return {415,
            QStringLiteral("UnsupportedMediaType"),
            QStringLiteral(
                "the body of the request was in an unknown format - accepted media types include: "
                "application/json, application/yaml (got \"%1\")")
                .arg(contentType),
            {}};
}

ApiError ApiError::tooLarge(qint64 limit) {
    return {413,
            QStringLiteral("RequestEntityTooLarge"),
            QStringLiteral("the request body is too large: limit is %1 bytes").arg(limit),
            {}};
}

ApiError ApiError::expired(const QString &message) {
    return {410, QStringLiteral("Expired"), message, {}};
}

ApiError ApiError::gone(const QString &message) {
    return {410, QStringLiteral("Gone"), message, {}};
}

ApiError ApiError::timeout(const QString &message) {
    return {504, QStringLiteral("Timeout"), message,
            QJsonObject{{QStringLiteral("retryAfterSeconds"), 1}}};
}

ApiError ApiError::serviceUnavailable(const QString &message) {
    return {503, QStringLiteral("ServiceUnavailable"), message,
            QJsonObject{{QStringLiteral("retryAfterSeconds"), 1}}};
}

ApiError ApiError::internal(const QString &message) {
    return {500,
            QStringLiteral("InternalError"),
            QStringLiteral("Internal error occurred: ") + message,
            {}};
}

QJsonObject invalidCause(const QString &reasonType, const QString &field, const QString &message) {
    return QJsonObject{{QStringLiteral("reason"), reasonType},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("field"), field}};
}

} // namespace kiosk::sim
