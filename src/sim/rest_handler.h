#pragma once

#include "sim/api_error.h"
#include "sim/http_message.h"
#include "sim/object_service.h"

#include <QObject>
#include <QPointer>

namespace kiosk::sim {

class HttpConnection;
class LogSource;

// The representation a client asked for with its Accept header.
struct ResponseFormat {
    bool table = false;
    QString tableApiVersion;
    bool partialMetadata = false;
    QString partialApiVersion;
};

// Who is calling, as authentication decided.
struct Identity {
    QString user = QStringLiteral("system:admin");
    bool readOnly = false; // may get/list/watch only (403 on writes)
};

// The apiserver's REST face: discovery, and get / list / watch / create / update / patch /
// delete / deletecollection on each resource and its status, scale and log subresources, with
// Table and PartialObjectMetadata negotiation, paging, selectors, dry runs and Status errors.
class RestHandler : public QObject {
    Q_OBJECT

public:
    struct Config {
        int bookmarkIntervalMs = 60000;
        int dropWatchAfterSeconds = 0;
        QString serverAddress = QStringLiteral("127.0.0.1:6443");
    };

    RestHandler(ObjectService *service, LogSource *logs, const Config &config,
                QObject *parent = nullptr);

    void handle(HttpConnection *connection, const HttpRequest &request, const Identity &identity);
    void setDropWatchAfterSeconds(int seconds) { m_config.dropWatchAfterSeconds = seconds; }

    static QJsonObject versionInfo();
    static HttpResponse errorResponse(const ApiError &error);

private:
    struct Target {
        const ResourceType *type = nullptr;
        QString ns;
        QString name;
        QString subresource;
    };

    std::optional<HttpResponse> discovery(const HttpRequest &request, const QStringList &segments);
    std::variant<Target, ApiError> resolve(const QStringList &segments) const;
    std::variant<ResponseFormat, ApiError> negotiate(const HttpRequest &request) const;

    HttpResponse get(const HttpRequest &request, const Target &target,
                     const ResponseFormat &format);
    HttpResponse list(const HttpRequest &request, const Target &target,
                      const ResponseFormat &format);
    void watch(HttpConnection *connection, const HttpRequest &request, const Target &target,
               const ResponseFormat &format);
    HttpResponse create(const HttpRequest &request, const Target &target, bool dryRun);
    HttpResponse replace(const HttpRequest &request, const Target &target, bool dryRun);
    HttpResponse patch(const HttpRequest &request, const Target &target, bool dryRun);
    HttpResponse remove(const HttpRequest &request, const Target &target, bool dryRun);
    HttpResponse removeCollection(const HttpRequest &request, const Target &target, bool dryRun);
    void logs(HttpConnection *connection, const HttpRequest &request, const Target &target);
    HttpResponse accessReview(const HttpRequest &request, const Target &target,
                              const Identity &identity);

    std::variant<QJsonObject, ApiError> decodeBody(const HttpRequest &request, const Target &target,
                                                   const QString &expectedApiVersion,
                                                   const QString &expectedKind) const;
    HttpResponse objectResponse(int status, const QJsonObject &object, const HttpRequest &request,
                                const ResponseFormat &format = {}) const;
    QJsonObject scaleOf(const ResourceType &type, const QJsonObject &object) const;
    HttpResponse writeScale(const Target &target, const QJsonObject &current,
                            const QJsonObject &scale, bool dryRun);

    ObjectService *m_service;
    ObjectStore *m_store;
    QPointer<LogSource> m_logs;
    Config m_config;
};

} // namespace kiosk::sim
