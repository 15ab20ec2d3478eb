#include "sim/rest_handler.h"

#include "sim/http_connection.h"
#include "sim/json_patch.h"
#include "sim/label_selector.h"
#include "sim/log_source.h"
#include "sim/object_util.h"
#include "sim/query_bool.h"
#include "sim/table_converter.h"
#include "sim/watch_stream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <variant>

namespace kiosk::sim {

namespace {

const QString kMetadata = QStringLiteral("metadata");

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

QByteArray jsonBody(const QJsonObject &object, bool pretty = false) {
    return QJsonDocument(object).toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact) +
           (pretty ? "" : "\n");
}

HttpResponse jsonResponse(int status, const QJsonObject &object, bool pretty = false) {
    HttpResponse response;
    response.status = status;
    response.body = jsonBody(object, pretty);
    return response;
}

QStringList supportedFieldSelectors(const ResourceType &type) {
    QStringList fields = {QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace")};
    if (&type == &catalog().pods())
        fields << QStringLiteral("spec.nodeName") << QStringLiteral("spec.restartPolicy")
               << QStringLiteral("spec.schedulerName") << QStringLiteral("spec.serviceAccountName")
               << QStringLiteral("spec.hostNetwork") << QStringLiteral("status.phase")
               << QStringLiteral("status.podIP") << QStringLiteral("status.nominatedNodeName");
    else if (&type == &catalog().events())
        fields << QStringLiteral("involvedObject.kind")
               << QStringLiteral("involvedObject.namespace")
               << QStringLiteral("involvedObject.name") << QStringLiteral("involvedObject.uid")
               << QStringLiteral("involvedObject.apiVersion")
               << QStringLiteral("involvedObject.resourceVersion")
               << QStringLiteral("involvedObject.fieldPath") << QStringLiteral("reason")
               << QStringLiteral("reportingComponent") << QStringLiteral("source")
               << QStringLiteral("type");
    else if (&type == &catalog().replicaSets())
        fields << QStringLiteral("status.replicas");
    else if (&type == &catalog().namespaces())
        fields << QStringLiteral("status.phase");
    else if (&type == &catalog().nodes())
        fields << QStringLiteral("spec.unschedulable");
    else if (&type == &catalog().services())
        fields << QStringLiteral("spec.clusterIP") << QStringLiteral("spec.type");
    return fields;
}

QString verbFor(const QByteArray &method, bool collection, bool watch) {
    if (method == "GET")
        return watch        ? QStringLiteral("watch")
               : collection ? QStringLiteral("list")
                            : QStringLiteral("get");
    if (method == "POST")
        return QStringLiteral("create");
    if (method == "PUT")
        return QStringLiteral("update");
    if (method == "PATCH")
        return QStringLiteral("patch");
    if (method == "DELETE")
        return collection ? QStringLiteral("deletecollection") : QStringLiteral("delete");
    return QString::fromLatin1(method).toLower();
}

QString encodeContinue(qint64 rv, const QString &lastKey) {
    const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("rv"), rv},
                            {QStringLiteral("start"), lastKey + QChar(0)}};
    return QString::fromLatin1(util::toJson(token).toBase64(QByteArray::Base64UrlEncoding |
                                                            QByteArray::OmitTrailingEquals));
}

bool decodeContinue(const QString &text, qint64 *rv, QString *afterKey) {
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject token = doc.object();
    if (token.value(QStringLiteral("v")).toString() != QLatin1String("meta.k8s.io/v1") ||
        !token.value(QStringLiteral("rv")).isDouble())
        return false;
    *rv = token.value(QStringLiteral("rv")).toInteger();
    QString start = token.value(QStringLiteral("start")).toString();
    if (start.endsWith(QChar(0)))
        start.chop(1);
    if (start.isEmpty())
        return false;
    *afterKey = start;
    return true;
}

QString listKind(const ResourceType &type) {
    return type.kind + QStringLiteral("List");
}

std::optional<ApiError> checkDryRun(const HttpRequest &request, const QString &optionsKind,
                                    bool *dryRun) {
    *dryRun = false;
    const QStringList values =
        request.query.allQueryItemValues(QStringLiteral("dryRun"), QUrl::FullyDecoded);
    for (const QString &value : values) {
        if (value != QLatin1String("All")) {
            return ApiError{
                422, QStringLiteral("Invalid"),
                QStringLiteral("%1.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: \"%2\": "
                               "supported values: \"All\"")
                    .arg(optionsKind, value),
                QJsonObject{
                    {QStringLiteral("group"), QStringLiteral("meta.k8s.io")},
                    {QStringLiteral("kind"), optionsKind},
                    {QStringLiteral("causes"),
                     QJsonArray{invalidCause(
                         QStringLiteral("FieldValueNotSupported"), QStringLiteral("dryRun"),
                         QStringLiteral("Unsupported value: \"%1\": supported values: \"All\"")
                             .arg(value))}}}};
        }
        *dryRun = true;
    }
    return std::nullopt;
}

} // namespace

RestHandler::RestHandler(ObjectService *service, LogSource *logs, const Config &config,
                         QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_store(service->store())
    , m_logs(logs)
    , m_config(config) {}

QJsonObject RestHandler::versionInfo() {
    return QJsonObject{
        {QStringLiteral("major"), QStringLiteral("1")},
        {QStringLiteral("minor"), QStringLiteral("31")},
        {QStringLiteral("gitVersion"), QStringLiteral("v1.31.4+k3s1")},
        {QStringLiteral("gitCommit"), QStringLiteral("a562d0d7e9a8f4ae4e8b0f7d2a5e1a4e9c07b3c1")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral("2024-12-17T00:00:00Z")},
        {QStringLiteral("goVersion"), QStringLiteral("go1.22.9")},
        {QStringLiteral("compiler"), QStringLiteral("gc")},
        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}};
}

HttpResponse RestHandler::errorResponse(const ApiError &error) {
    return jsonResponse(error.code, error.toStatus());
}

void RestHandler::handle(HttpConnection *connection, const HttpRequest &request,
                         const Identity &identity) {
    QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (auto response = discovery(request, segments)) {
        connection->respond(*response);
        return;
    }
    const auto resolved = resolve(segments);
    if (std::holds_alternative<ApiError>(resolved)) {
        connection->respond(errorResponse(std::get<ApiError>(resolved)));
        return;
    }
    const Target target = std::get<Target>(resolved);
    const bool collection = target.name.isEmpty();
    const bool isWatch =
        request.method == "GET" && QueryBool::option(request, QStringLiteral("watch"));
    const QString verb = verbFor(request.method, collection, isWatch);

    if (target.type == &catalog().accessReviews()) {
        connection->respond(accessReview(request, target, identity));
        return;
    }
    const QStringList allowedMethods = {QStringLiteral("GET"), QStringLiteral("POST"),
                                        QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                        QStringLiteral("DELETE")};
    if (!allowedMethods.contains(QString::fromLatin1(request.method))) {
        connection->respond(errorResponse(ApiError::methodNotAllowed()));
        return;
    }
    if (identity.readOnly && verb != QLatin1String("get") && verb != QLatin1String("list") &&
        verb != QLatin1String("watch")) {
        QString resource = target.type->plural;
        if (!target.subresource.isEmpty())
            resource += QLatin1Char('/') + target.subresource;
        QString message =
            collection ? QStringLiteral("%1 is forbidden: ").arg(target.type->groupResource())
                       : QStringLiteral("%1 \"%2\" is forbidden: ")
                             .arg(target.type->groupResource(), target.name);
        message += QStringLiteral("User \"%1\" cannot %2 resource \"%3\" in API group \"%4\"")
                       .arg(identity.user, verb, resource, target.type->group);
        message += target.type->namespaced && !target.ns.isEmpty()
                       ? QStringLiteral(" in the namespace \"%1\"").arg(target.ns)
                       : QStringLiteral(" at the cluster scope");
        ApiError error = ApiError::forbidden(message);
        error.details = QJsonObject{{QStringLiteral("kind"), target.type->plural}};
        if (!target.name.isEmpty())
            error.details.insert(QStringLiteral("name"), target.name);
        if (!target.type->group.isEmpty())
            error.details.insert(QStringLiteral("group"), target.type->group);
        connection->respond(errorResponse(error));
        return;
    }
    if (target.subresource == QLatin1String("log")) {
        if (request.method != "GET") {
            connection->respond(errorResponse(ApiError::methodNotAllowed()));
            return;
        }
        logs(connection, request, target);
        return;
    }
    const auto negotiated = negotiate(request);
    if (std::holds_alternative<ApiError>(negotiated)) {
        connection->respond(errorResponse(std::get<ApiError>(negotiated)));
        return;
    }
    const ResponseFormat format = std::get<ResponseFormat>(negotiated);

    if (request.method == "GET") {
        if (isWatch) {
            watch(connection, request, target, format);
            return;
        }
        connection->respond(collection ? list(request, target, format)
                                       : get(request, target, format));
        return;
    }
    bool dryRun = false;
    const QString optionsKind = request.method == "POST"    ? QStringLiteral("CreateOptions")
                                : request.method == "PUT"   ? QStringLiteral("UpdateOptions")
                                : request.method == "PATCH" ? QStringLiteral("PatchOptions")
                                                            : QStringLiteral("DeleteOptions");
    if (const auto error = checkDryRun(request, optionsKind, &dryRun)) {
        connection->respond(errorResponse(*error));
        return;
    }
    if (request.method == "POST") {
        if (!collection || !target.subresource.isEmpty()) {
            connection->respond(errorResponse(ApiError::methodNotAllowed()));
            return;
        }
        connection->respond(create(request, target, dryRun));
    } else if (request.method == "PUT" || request.method == "PATCH") {
        if (collection) {
            connection->respond(errorResponse(ApiError::methodNotAllowed()));
            return;
        }
        connection->respond(request.method == "PUT" ? replace(request, target, dryRun)
                                                    : patch(request, target, dryRun));
    } else if (request.method == "DELETE") {
        if (!target.subresource.isEmpty()) {
            connection->respond(errorResponse(ApiError::methodNotAllowed()));
            return;
        }
        connection->respond(collection ? removeCollection(request, target, dryRun)
                                       : remove(request, target, dryRun));
    }
}

std::optional<HttpResponse> RestHandler::discovery(const HttpRequest &request,
                                                   const QStringList &segments) {
    const QString path = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const bool pretty = QueryBool::pretty(request);
    if (path == QLatin1String("/version"))
        return jsonResponse(200, versionInfo(), pretty);
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") ||
        path == QLatin1String("/readyz")) {
        HttpResponse response;
        response.contentType = "text/plain; charset=utf-8";
        response.body = "ok";
        return response;
    }
    if (segments.isEmpty()) {
        QJsonArray paths;
        for (const char *p : {"/api", "/api/v1", "/apis"})
            paths.append(QString::fromLatin1(p));
        for (const QString &group : catalog().groups()) {
            paths.append(QStringLiteral("/apis/") + group);
            paths.append(QStringLiteral("/apis/") + group + QStringLiteral("/v1"));
        }
        for (const char *p : {"/healthz", "/livez", "/readyz", "/version"})
            paths.append(QString::fromLatin1(p));
        return jsonResponse(200, QJsonObject{{QStringLiteral("paths"), paths}}, true);
    }
    if (request.method != "GET")
        return std::nullopt;
    if (path == QLatin1String("/api")) {
        return jsonResponse(
            200,
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIVersions")},
                        {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
                        {QStringLiteral("serverAddressByClientCIDRs"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                             {QStringLiteral("serverAddress"), m_config.serverAddress}}}}},
            pretty);
    }
    const auto groupJson = [](const QString &group) {
        const QJsonObject version{{QStringLiteral("groupVersion"), group + QStringLiteral("/v1")},
                                  {QStringLiteral("version"), QStringLiteral("v1")}};
        return QJsonObject{{QStringLiteral("name"), group},
                           {QStringLiteral("versions"), QJsonArray{version}},
                           {QStringLiteral("preferredVersion"), version}};
    };
    if (path == QLatin1String("/apis")) {
        QJsonArray groups;
        for (const QString &group : catalog().groups())
            groups.append(groupJson(group));
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                        {QStringLiteral("groups"), groups}},
                            pretty);
    }
    if (segments.size() == 2 && segments.at(0) == QLatin1String("apis") &&
        catalog().groups().contains(segments.at(1))) {
        QJsonObject group = groupJson(segments.at(1));
        group.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
        group.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
        return jsonResponse(200, group, pretty);
    }
    QString groupVersion;
    if (path == QLatin1String("/api/v1"))
        groupVersion = QStringLiteral("v1");
    else if (segments.size() == 3 && segments.at(0) == QLatin1String("apis") &&
             catalog().groups().contains(segments.at(1)) && segments.at(2) == QLatin1String("v1"))
        groupVersion = segments.at(1) + QStringLiteral("/v1");
    if (groupVersion.isEmpty())
        return std::nullopt;
    QJsonArray resources;
    for (const auto &type : catalog().types()) {
        if (type.apiVersion() != groupVersion)
            continue;
        QJsonObject resource{{QStringLiteral("name"), type.plural},
                             {QStringLiteral("singularName"), type.singular},
                             {QStringLiteral("namespaced"), type.namespaced},
                             {QStringLiteral("kind"), type.kind},
                             {QStringLiteral("verbs"), QJsonArray::fromStringList(type.verbs)}};
        if (!type.shortNames.isEmpty())
            resource.insert(QStringLiteral("shortNames"),
                            QJsonArray::fromStringList(type.shortNames));
        if (!type.categories.isEmpty())
            resource.insert(QStringLiteral("categories"),
                            QJsonArray::fromStringList(type.categories));
        resources.append(resource);
        for (const QString &sub : type.subresources) {
            QJsonObject subresource{
                {QStringLiteral("name"), type.plural + QLatin1Char('/') + sub},
                {QStringLiteral("singularName"), QString()},
                {QStringLiteral("namespaced"), type.namespaced},
                {QStringLiteral("kind"), type.kind},
                {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get"), QStringLiteral("patch"),
                                                     QStringLiteral("update")}}};
            if (sub == QLatin1String("scale")) {
                subresource.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
                subresource.insert(QStringLiteral("version"), QStringLiteral("v1"));
                subresource.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
            } else if (sub == QLatin1String("log")) {
                subresource.insert(QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")});
            } else if (sub == QLatin1String("finalize")) {
                subresource.insert(QStringLiteral("verbs"), QJsonArray{QStringLiteral("update")});
            }
            resources.append(subresource);
        }
    }
    return jsonResponse(200,
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                                    {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                    {QStringLiteral("groupVersion"), groupVersion},
                                    {QStringLiteral("resources"), resources}},
                        pretty);
}

std::variant<RestHandler::Target, ApiError>
RestHandler::resolve(const QStringList &segments) const {
    QString group;
    QString version;
    qsizetype start = 0;
    if (segments.value(0) == QLatin1String("api") && segments.size() >= 2) {
        version = segments.at(1);
        start = 2;
    } else if (segments.value(0) == QLatin1String("apis") && segments.size() >= 3) {
        group = segments.at(1);
        version = segments.at(2);
        start = 3;
    } else {
        return ApiError::notFoundPath();
    }
    const QStringList rest = segments.mid(start);
    if (rest.isEmpty())
        return ApiError::notFoundPath();
    Target target;
    QStringList tail;
    if (rest.at(0) == QLatin1String("namespaces") && rest.size() >= 3 &&
        catalog().find(group, version, rest.at(2)) &&
        catalog().find(group, version, rest.at(2))->namespaced) {
        target.ns = rest.at(1);
        target.type = catalog().find(group, version, rest.at(2));
        tail = rest.mid(3);
    } else {
        target.type = catalog().find(group, version, rest.at(0));
        if (!target.type || (target.type->namespaced && rest.size() > 1 &&
                             rest.at(0) != QLatin1String("namespaces") && false))
            return ApiError::notFoundPath();
        if (target.type->namespaced && rest.size() > 1)
            return ApiError::notFoundPath();
        tail = rest.mid(1);
    }
    if (!target.type || tail.size() > 2)
        return ApiError::notFoundPath();
    target.name = tail.value(0);
    target.subresource = tail.value(1);
    if (!target.subresource.isEmpty() && !target.type->hasSubresource(target.subresource))
        return ApiError::notFoundPath();
    return target;
}

std::variant<ResponseFormat, ApiError> RestHandler::negotiate(const HttpRequest &request) const {
    ResponseFormat result;
    const QByteArray accept = request.header("accept");
    if (accept.isEmpty())
        return result;
    bool acceptable = false;
    for (const QByteArray &rawEntry : accept.split(',')) {
        const QList<QByteArray> parts = rawEntry.trimmed().split(';');
        const QByteArray mediaType = parts.value(0).trimmed().toLower();
        QHash<QByteArray, QByteArray> params;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const qsizetype eq = parts[i].indexOf('=');
            if (eq > 0)
                params.insert(parts[i].left(eq).trimmed(), parts[i].mid(eq + 1).trimmed());
        }
        if (mediaType != "application/json" && mediaType != "*/*" && mediaType != "application/*")
            continue;
        const QByteArray as = params.value("as");
        if (as.isEmpty()) {
            acceptable = true;
            break;
        }
        const QByteArray g = params.value("g");
        const QByteArray v = params.value("v");
        if (as == "Table" && g == "meta.k8s.io" && (v == "v1" || v == "v1beta1")) {
            result.table = true;
            result.tableApiVersion = QStringLiteral("meta.k8s.io/") + QString::fromLatin1(v);
            acceptable = true;
            break;
        }
        if ((as == "PartialObjectMetadata" || as == "PartialObjectMetadataList") &&
            g == "meta.k8s.io" && (v == "v1" || v == "v1beta1")) {
            result.partialMetadata = true;
            result.partialApiVersion = QStringLiteral("meta.k8s.io/") + QString::fromLatin1(v);
            acceptable = true;
            break;
        }
    }
    if (!acceptable)
        return ApiError::notAcceptable(
            QStringLiteral("only the following media types are accepted: application/json"));
    return result;
}

HttpResponse RestHandler::objectResponse(int status, const QJsonObject &object,
                                         const HttpRequest &request,
                                         const ResponseFormat &format) const {
    const bool pretty = QueryBool::pretty(request);
    const ResourceType *found =
        catalog().findByKind(object.value(QStringLiteral("apiVersion")).toString(),
                             object.value(QStringLiteral("kind")).toString());
    if (format.table && found) {
        const ResourceType &type = *found;
        const QString includeText = request.queryValue(QStringLiteral("includeObject"));
        const auto include =
            includeText == QLatin1String("None")     ? TableConverter::IncludeObject::None
            : includeText == QLatin1String("Object") ? TableConverter::IncludeObject::Object
                                                     : TableConverter::IncludeObject::Metadata;
        const QJsonObject table{
            {QStringLiteral("kind"), QStringLiteral("Table")},
            {QStringLiteral("apiVersion"), format.tableApiVersion},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                      object.value(kMetadata).toObject().value(
                                                          QStringLiteral("resourceVersion"))}}},
            {QStringLiteral("columnDefinitions"), TableConverter::columnDefinitions(type)},
            {QStringLiteral("rows"), QJsonArray{TableConverter::row(
                                         type, object, QDateTime::currentDateTimeUtc(), include)}}};
        return jsonResponse(status, table, pretty);
    }
    if (format.partialMetadata) {
        QJsonObject meta = object.value(kMetadata).toObject();
        meta.remove(QStringLiteral("managedFields"));
        return jsonResponse(
            status,
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                        {QStringLiteral("apiVersion"), format.partialApiVersion},
                        {QStringLiteral("metadata"), meta}},
            pretty);
    }
    return jsonResponse(status, object, pretty);
}

HttpResponse RestHandler::get(const HttpRequest &request, const Target &target,
                              const ResponseFormat &format) {
    const auto object = m_store->get(*target.type, target.ns, target.name);
    if (!object)
        return errorResponse(ApiError::notFound(*target.type, target.name));
    if (target.subresource == QLatin1String("scale"))
        return objectResponse(200, scaleOf(*target.type, *object), request);
    return objectResponse(200, *object, request, format);
}

HttpResponse RestHandler::list(const HttpRequest &request, const Target &target,
                               const ResponseFormat &format) {
    const ResourceType &type = *target.type;
    if (!target.subresource.isEmpty())
        return errorResponse(ApiError::notFoundPath());
    QString error;
    const auto labels =
        LabelSelector::parse(request.queryValue(QStringLiteral("labelSelector")), &error);
    if (!labels)
        return errorResponse(
            ApiError::badRequest(QStringLiteral("unable to parse requirement: ") + error));
    const auto fields = FieldSelector::parse(request.queryValue(QStringLiteral("fieldSelector")),
                                             supportedFieldSelectors(type), &error);
    if (!fields)
        return errorResponse(ApiError::badRequest(error));
    qint64 limit = 0;
    if (request.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.queryValue(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || limit < 0)
            return errorResponse(
                ApiError::badRequest(QStringLiteral("limit must be a non-negative integer")));
    }
    const QString rvText = request.queryValue(QStringLiteral("resourceVersion"));
    const QString rvMatch = request.queryValue(QStringLiteral("resourceVersionMatch"));
    const QString continueText = request.queryValue(QStringLiteral("continue"));
    qint64 listRv = m_store->resourceVersion();
    QString afterKey;
    if (!rvMatch.isEmpty() && rvMatch != QLatin1String("NotOlderThan") &&
        rvMatch != QLatin1String("Exact"))
        return errorResponse(ApiError{
            422,
            QStringLiteral("Invalid"),
            QStringLiteral(
                "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value: "
                "\"%1\": supported values: \"Exact\", \"NotOlderThan\", \"\"")
                .arg(rvMatch),
            {}});
    if (!rvMatch.isEmpty() && rvText.isEmpty())
        return errorResponse(ApiError{
            422,
            QStringLiteral("Invalid"),
            QStringLiteral(
                "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
                "resourceVersionMatch is forbidden unless resourceVersion is provided"),
            {}});
    if (!continueText.isEmpty()) {
        if (!rvText.isEmpty())
            return errorResponse(
                ApiError{422,
                         QStringLiteral("Invalid"),
                         QStringLiteral(
                             "ListOptions.meta.k8s.io \"\" is invalid: resourceVersion: Forbidden: "
                             "specifying resource version is not allowed when using continue"),
                         {}});
        if (!decodeContinue(continueText, &listRv, &afterKey))
            return errorResponse(ApiError::badRequest(
                QStringLiteral("continue key is not valid: %1").arg(continueText)));
        if (listRv < m_store->compactedRevision())
            return errorResponse(ApiError::expired(
                QStringLiteral("The provided continue parameter is too old to display a consistent "
                               "list result. You can start a new list "
                               "without the continue parameter, or use the continue token in this "
                               "response to retrieve the remainder of the "
                               "results. Continuing with the provided token results in an "
                               "inconsistent list - objects that were created, "
                               "modified, or deleted between the time the first chunk was returned "
                               "and now may show up in the list.")));
    } else if (!rvText.isEmpty() && rvText != QLatin1String("0")) {
        bool ok = false;
        const qint64 rv = rvText.toLongLong(&ok);
        if (!ok || rv < 0)
            return errorResponse(
                ApiError::badRequest(QStringLiteral("invalid resource version: %1").arg(rvText)));
        if (rv > m_store->resourceVersion())
            return errorResponse(
                ApiError::timeout(QStringLiteral("Too large resource version: %1, current: %2")
                                      .arg(rv)
                                      .arg(m_store->resourceVersion())));
        if (rvMatch == QLatin1String("Exact") && rv != m_store->resourceVersion())
            return errorResponse(
                ApiError::expired(QStringLiteral("too old resource version: %1 (%2)")
                                      .arg(rv)
                                      .arg(m_store->resourceVersion())));
    }
    const QString ns = type.namespaced ? target.ns : QString();
    if (type.namespaced && !ns.isEmpty() && afterKey.isEmpty())
        afterKey.clear();
    QList<QByteArray> items;
    QList<QJsonObject> objects;
    QString lastKey;
    bool more = false;
    qint64 remaining = 0;
    const bool needObjects = format.table || format.partialMetadata;
    const bool filtered = !labels->isEmpty() || !fields->isEmpty();
    const auto consider = [&](const QString &key, const QJsonObject &object,
                              const QByteArray &json) {
        if (filtered && !(labels->matches(util::labels(object)) && fields->matches(object)))
            return true;
        if (limit > 0 && qint64(items.size() + objects.size()) >= limit) {
            more = true;
            ++remaining;
            return !filtered; // counting what remains is only reported without selectors
        }
        if (needObjects) {
            objects.append(object);
        } else if (!json.isEmpty()) {
            items.append(json);
        } else {
            QJsonObject item = object;
            item.remove(QStringLiteral("kind"));
            item.remove(QStringLiteral("apiVersion"));
            items.append(util::toJson(item));
        }
        lastKey = key;
        return true;
    };
    // A continued list is served as of the first page's revision, as etcd serves it: changes
    // made since are undone from the history (which the compaction check above guarantees).
    std::vector<StoreEvent> since;
    if (!continueText.isEmpty() && listRv < m_store->resourceVersion()) {
        for (StoreEvent &event : m_store->eventsSince(listRv)) {
            if (event.resource == &type && (ns.isEmpty() || util::namespaceOf(event.object) == ns))
                since.push_back(std::move(event));
        }
    }
    if (since.empty()) {
        m_store->visit(type, ns, afterKey, consider);
    } else {
        QMap<QString, QJsonObject> snapshot;
        m_store->visit(type, ns, afterKey,
                       [&](const QString &key, const QJsonObject &object, const QByteArray &) {
                           snapshot.insert(key, object);
                           return true;
                       });
        for (auto it = since.rbegin(); it != since.rend(); ++it) {
            const QString key =
                ObjectStore::key(type.namespaced ? util::namespaceOf(it->object) : QString(),
                                 util::name(it->object));
            if (!afterKey.isEmpty() && key <= afterKey)
                continue;
            if (it->type == QLatin1String("ADDED"))
                snapshot.remove(key);
            else
                snapshot.insert(key, it->previous);
        }
        for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
            if (!consider(it.key(), it.value(), {}))
                break;
        }
    }
    QJsonObject listMeta{{QStringLiteral("resourceVersion"), QString::number(listRv)}};
    if (more) {
        listMeta.insert(QStringLiteral("continue"), encodeContinue(listRv, lastKey));
        if (!filtered)
            listMeta.insert(QStringLiteral("remainingItemCount"), remaining);
    }
    const bool pretty = QueryBool::pretty(request);
    if (format.table) {
        const QString includeText = request.queryValue(QStringLiteral("includeObject"));
        const auto include =
            includeText == QLatin1String("None")     ? TableConverter::IncludeObject::None
            : includeText == QLatin1String("Object") ? TableConverter::IncludeObject::Object
                                                     : TableConverter::IncludeObject::Metadata;
        QJsonArray rows;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QJsonObject &object : std::as_const(objects))
            rows.append(TableConverter::row(type, object, now, include));
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                                        {QStringLiteral("apiVersion"), format.tableApiVersion},
                                        {QStringLiteral("metadata"), listMeta},
                                        {QStringLiteral("columnDefinitions"),
                                         TableConverter::columnDefinitions(type)},
                                        {QStringLiteral("rows"), rows}},
                            pretty);
    }
    if (format.partialMetadata) {
        QJsonArray metaItems;
        for (const QJsonObject &object : std::as_const(objects)) {
            QJsonObject meta = object.value(kMetadata).toObject();
            meta.remove(QStringLiteral("managedFields"));
            metaItems.append(QJsonObject{{QStringLiteral("metadata"), meta}});
        }
        return jsonResponse(
            200,
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadataList")},
                        {QStringLiteral("apiVersion"), format.partialApiVersion},
                        {QStringLiteral("metadata"), listMeta},
                        {QStringLiteral("items"), metaItems}},
            pretty);
    }
    HttpResponse response;
    if (pretty) {
        QJsonArray array;
        for (const QByteArray &item : std::as_const(items))
            array.append(QJsonDocument::fromJson(item).object());
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("kind"), listKind(type)},
                                        {QStringLiteral("apiVersion"), type.apiVersion()},
                                        {QStringLiteral("metadata"), listMeta},
                                        {QStringLiteral("items"), array}},
                            true);
    }
    QByteArray body;
    qsizetype size = 128;
    for (const QByteArray &item : std::as_const(items))
        size += item.size() + 1;
    body.reserve(size);
    body += "{\"kind\":\"" + listKind(type).toLatin1() + "\",\"apiVersion\":\"" +
            type.apiVersion().toLatin1() + "\",\"metadata\":" + util::toJson(listMeta) +
            ",\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            body += ',';
        body += items.at(i);
    }
    body += "]}\n";
    response.body = body;
    return response;
}

void RestHandler::watch(HttpConnection *connection, const HttpRequest &request,
                        const Target &target, const ResponseFormat &format) {
    const ResourceType &type = *target.type;
    if (!target.name.isEmpty() || !target.subresource.isEmpty()) {
        connection->respond(errorResponse(ApiError::methodNotAllowed()));
        return;
    }
    QString error;
    const auto labels =
        LabelSelector::parse(request.queryValue(QStringLiteral("labelSelector")), &error);
    if (!labels) {
        connection->respond(errorResponse(
            ApiError::badRequest(QStringLiteral("unable to parse requirement: ") + error)));
        return;
    }
    const auto fields = FieldSelector::parse(request.queryValue(QStringLiteral("fieldSelector")),
                                             supportedFieldSelectors(type), &error);
    if (!fields) {
        connection->respond(errorResponse(ApiError::badRequest(error)));
        return;
    }
    WatchStream::Options options;
    options.type = &type;
    options.ns = type.namespaced ? target.ns : QString();
    options.labels = *labels;
    options.fields = *fields;
    options.bookmarks = QueryBool::option(request, QStringLiteral("allowWatchBookmarks"));
    options.bookmarkIntervalMs = m_config.bookmarkIntervalMs;
    options.dropAfterSeconds = m_config.dropWatchAfterSeconds;
    options.table = format.table;
    options.tableApiVersion = format.tableApiVersion;
    options.partialMetadata = format.partialMetadata;
    if (request.hasQuery(QStringLiteral("timeoutSeconds"))) {
        bool ok = false;
        options.timeoutSeconds = request.queryValue(QStringLiteral("timeoutSeconds")).toInt(&ok);
        if (!ok || options.timeoutSeconds < 0) {
            connection->respond(
                errorResponse(ApiError::badRequest(QStringLiteral("invalid timeoutSeconds"))));
            return;
        }
    }
    const QString rvText = request.queryValue(QStringLiteral("resourceVersion"));
    if (QueryBool::option(request, QStringLiteral("sendInitialEvents"))) {
        if (!options.bookmarks || request.queryValue(QStringLiteral("resourceVersionMatch")) !=
                                      QLatin1String("NotOlderThan")) {
            connection->respond(errorResponse(ApiError{
                422,
                QStringLiteral("Invalid"),
                QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: [resourceVersionMatch: "
                               "Forbidden: sendInitialEvents requires setting resourceVersionMatch "
                               "to NotOlderThan, allowWatchBookmarks: Forbidden: sendInitialEvents "
                               "requires setting allowWatchBookmarks to true]"),
                {}}));
            return;
        }
        auto *stream = new WatchStream(connection, m_store, options, connection);
        stream->start(true, true, 0);
        return;
    }
    auto *stream = new WatchStream(connection, m_store, options, connection);
    if (rvText.isEmpty() || rvText == QLatin1String("0")) {
        stream->start(true, false, 0);
        return;
    }
    bool ok = false;
    const qint64 rv = rvText.toLongLong(&ok);
    if (!ok || rv < 0) {
        delete stream;
        connection->respond(errorResponse(
            ApiError::badRequest(QStringLiteral("invalid resource version: %1").arg(rvText))));
        return;
    }
    if (rv < m_store->compactedRevision()) {
        stream->failWith(ApiError::expired(QStringLiteral("too old resource version: %1 (%2)")
                                               .arg(rv)
                                               .arg(m_store->compactedRevision()))
                             .toStatus());
        return;
    }
    if (rv > m_store->resourceVersion()) {
        stream->failWith(
            ApiError::timeout(QStringLiteral("Too large resource version: %1, current: %2")
                                  .arg(rv)
                                  .arg(m_store->resourceVersion()))
                .toStatus());
        return;
    }
    stream->start(false, false, rv);
}

std::variant<QJsonObject, ApiError> RestHandler::decodeBody(const HttpRequest &request,
                                                            const Target &target,
                                                            const QString &expectedApiVersion,
                                                            const QString &expectedKind) const {
    const QByteArray contentType =
        request.header("content-type").split(';').value(0).trimmed().toLower();
    if (!contentType.isEmpty() && contentType != "application/json")
        return ApiError::unsupportedMediaType(QString::fromLatin1(contentType));
    if (request.body.trimmed().isEmpty())
        return ApiError::badRequest(QStringLiteral("the body of the request is empty"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::badRequest(
            QStringLiteral("couldn't get version/kind; json parse error: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!doc.isObject())
        return ApiError::badRequest(
            QStringLiteral(
                "couldn't get version/kind; json parse error: json: cannot unmarshal %1 into Go "
                "value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
                "Kind string \"json:\\\"kind,omitempty\\\"\" }")
                .arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
    QJsonObject object = doc.object();
    const QString apiVersion = object.value(QStringLiteral("apiVersion")).toString();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != expectedApiVersion)
        return ApiError::badRequest(
            QStringLiteral(
                "the API version in the data (%1) does not match the expected API version (%2)")
                .arg(apiVersion, expectedApiVersion));
    if (!kind.isEmpty() && kind != expectedKind)
        return ApiError::badRequest(
            QStringLiteral(
                "%1 in version \"%2\" cannot be handled as a %3: no kind \"%1\" is registered for "
                "version \"%2\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"")
                .arg(kind, expectedApiVersion.section(QLatin1Char('/'), -1), expectedKind));
    if (object.contains(kMetadata) && !object.value(kMetadata).isObject())
        return ApiError::badRequest(
            QStringLiteral("%1 in version \"%2\" cannot be handled as a %1: json: cannot unmarshal "
                           "%3 into Go struct field %1.metadata of type v1.ObjectMeta")
                .arg(expectedKind, expectedApiVersion.section(QLatin1Char('/'), -1),
                     QStringLiteral("value")));
    for (const char *field : {"spec", "status"}) {
        const QJsonValue value = object.value(QString::fromLatin1(field));
        if (!value.isUndefined() && !value.isNull() && !value.isObject())
            return ApiError::badRequest(
                QStringLiteral("%1 in version \"%2\" cannot be handled as a %1: json: cannot "
                               "unmarshal %3 into Go struct field %1.%4")
                    .arg(expectedKind, expectedApiVersion.section(QLatin1Char('/'), -1),
                         value.isArray()    ? QStringLiteral("array")
                         : value.isString() ? QStringLiteral("string")
                                            : QStringLiteral("number"),
                         QString::fromLatin1(field)));
    }
    Q_UNUSED(target);
    object.insert(QStringLiteral("apiVersion"), expectedApiVersion);
    object.insert(QStringLiteral("kind"), expectedKind);
    return object;
}

HttpResponse RestHandler::create(const HttpRequest &request, const Target &target, bool dryRun) {
    const auto decoded = decodeBody(request, target, target.type->apiVersion(), target.type->kind);
    if (std::holds_alternative<ApiError>(decoded))
        return errorResponse(std::get<ApiError>(decoded));
    const WriteResult result =
        m_service->create(*target.type, target.ns, std::get<QJsonObject>(decoded), dryRun);
    if (!result.ok())
        return errorResponse(*result.error);
    return objectResponse(201, result.object, request);
}

QJsonObject RestHandler::scaleOf(const ResourceType &type, const QJsonObject &object) const {
    const QJsonObject meta = object.value(kMetadata).toObject();
    const auto selector = LabelSelector::fromJson(object.value(QStringLiteral("spec"))
                                                      .toObject()
                                                      .value(QStringLiteral("selector"))
                                                      .toObject());
    Q_UNUSED(type);
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Scale")},
        {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), meta.value(QStringLiteral("name"))},
             {QStringLiteral("namespace"), meta.value(QStringLiteral("namespace"))},
             {QStringLiteral("uid"), meta.value(QStringLiteral("uid"))},
             {QStringLiteral("resourceVersion"), meta.value(QStringLiteral("resourceVersion"))},
             {QStringLiteral("creationTimestamp"),
              meta.value(QStringLiteral("creationTimestamp"))}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("replicas"), object.value(QStringLiteral("spec"))
                                                      .toObject()
                                                      .value(QStringLiteral("replicas"))
                                                      .toInteger()}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("replicas"), object.value(QStringLiteral("status"))
                                                      .toObject()
                                                      .value(QStringLiteral("replicas"))
                                                      .toInteger()},
                     {QStringLiteral("selector"), selector ? selector->toString() : QString()}}}};
}

HttpResponse RestHandler::writeScale(const Target &target, const QJsonObject &current,
                                     const QJsonObject &scale, bool dryRun) {
    const QJsonValue replicas =
        scale.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas"));
    if (!replicas.isDouble() || replicas.toDouble() < 0 ||
        replicas.toDouble() != double(replicas.toInteger())) {
        ApiError error{422, QStringLiteral("Invalid"),
                       QStringLiteral("Scale.autoscaling \"%1\" is invalid: spec.replicas: Invalid "
                                      "value: %2: must be greater than or equal to 0")
                           .arg(target.name, replicas.isDouble()
                                                 ? QString::number(replicas.toDouble())
                                                 : QStringLiteral("null")),
                       QJsonObject{{QStringLiteral("name"), target.name},
                                   {QStringLiteral("group"), QStringLiteral("autoscaling")},
                                   {QStringLiteral("kind"), QStringLiteral("Scale")}}};
        return errorResponse(error);
    }
    const QString rv =
        scale.value(kMetadata).toObject().value(QStringLiteral("resourceVersion")).toString();
    const QString currentRv =
        current.value(kMetadata).toObject().value(QStringLiteral("resourceVersion")).toString();
    if (!rv.isEmpty() && rv != currentRv)
        return errorResponse(
            ApiError::conflict(*target.type, target.name,
                               QStringLiteral("the object has been modified; please apply your "
                                              "changes to the latest version and try again")));
    QJsonObject updated = current;
    QJsonObject spec = updated.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas.toInteger());
    updated.insert(QStringLiteral("spec"), spec);
    const WriteResult result =
        m_service->update(*target.type, target.ns, target.name, updated, {}, dryRun);
    if (!result.ok())
        return errorResponse(*result.error);
    return jsonResponse(200, scaleOf(*target.type, result.object));
}

HttpResponse RestHandler::replace(const HttpRequest &request, const Target &target, bool dryRun) {
    if (target.subresource == QLatin1String("scale")) {
        const auto current = m_store->get(*target.type, target.ns, target.name);
        if (!current)
            return errorResponse(ApiError::notFound(*target.type, target.name));
        const auto decoded =
            decodeBody(request, target, QStringLiteral("autoscaling/v1"), QStringLiteral("Scale"));
        if (std::holds_alternative<ApiError>(decoded))
            return errorResponse(std::get<ApiError>(decoded));
        return writeScale(target, *current, std::get<QJsonObject>(decoded), dryRun);
    }
    const auto decoded = decodeBody(request, target, target.type->apiVersion(), target.type->kind);
    if (std::holds_alternative<ApiError>(decoded))
        return errorResponse(std::get<ApiError>(decoded));
    QString subresource = target.subresource;
    if (subresource == QLatin1String("finalize"))
        subresource.clear();
    const WriteResult result = m_service->update(
        *target.type, target.ns, target.name, std::get<QJsonObject>(decoded), subresource, dryRun);
    if (!result.ok())
        return errorResponse(*result.error);
    return objectResponse(200, result.object, request);
}

HttpResponse RestHandler::patch(const HttpRequest &request, const Target &target, bool dryRun) {
    const auto current = m_store->get(*target.type, target.ns, target.name);
    if (!current)
        return errorResponse(ApiError::notFound(*target.type, target.name));
    const QByteArray contentType =
        request.header("content-type").split(';').value(0).trimmed().toLower();
    const bool isJsonPatch = contentType == "application/json-patch+json";
    const bool isMerge = contentType == "application/merge-patch+json";
    const bool isStrategic = contentType == "application/strategic-merge-patch+json";
    if (!isJsonPatch && !isMerge && !isStrategic)
        return errorResponse(ApiError{
            415,
            QStringLiteral("UnsupportedMediaType"),
            QStringLiteral(
                "the body of the request was in an unknown format - accepted media types include: "
                "application/json-patch+json, application/merge-patch+json, "
                "application/strategic-merge-patch+json"),
            {}});
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return errorResponse(
            ApiError::badRequest(QStringLiteral("error decoding patch: %1 at offset %2")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset)));
    if (isJsonPatch && !doc.isArray())
        return errorResponse(ApiError::badRequest(
            QStringLiteral("json: cannot unmarshal object into Go value of type jsonpatch.Patch")));
    if (!isJsonPatch && !doc.isObject())
        return errorResponse(ApiError::badRequest(
            QStringLiteral("error decoding patch: json: cannot unmarshal array into Go value of "
                           "type map[string]interface {}")));

    const bool scale = target.subresource == QLatin1String("scale");
    const QJsonObject base = scale ? scaleOf(*target.type, *current) : *current;
    QString error;
    std::optional<QJsonObject> patched;
    if (isJsonPatch) {
        patched = JsonPatch::applyJsonPatch(base, doc.array(), &error);
        if (!patched)
            return errorResponse(ApiError{
                422,
                QStringLiteral("Invalid"),
                QStringLiteral("the server rejected our request due to an error in our request: ") +
                    error,
                {}});
    } else if (isMerge) {
        patched = JsonPatch::applyMergePatch(base, doc.object());
    } else {
        patched = JsonPatch::applyStrategicMergePatch(base, doc.object(), &error);
        if (!patched)
            return errorResponse(ApiError::badRequest(error));
    }
    const QString expectedApiVersion =
        scale ? QStringLiteral("autoscaling/v1") : target.type->apiVersion();
    const QString expectedKind = scale ? QStringLiteral("Scale") : target.type->kind;
    if (patched->value(QStringLiteral("apiVersion")).toString() != expectedApiVersion ||
        patched->value(QStringLiteral("kind")).toString() != expectedKind)
        return errorResponse(ApiError::badRequest(
            QStringLiteral("the patch may not change the object's apiVersion or kind")));
    for (const char *field : {"spec", "status", "metadata"}) {
        const QJsonValue value = patched->value(QString::fromLatin1(field));
        if (!value.isUndefined() && !value.isObject() &&
            !(value.isNull() && QLatin1String(field) != QLatin1String("metadata")))
            return errorResponse(ApiError{
                422,
                QStringLiteral("Invalid"),
                QStringLiteral("%1 \"%2\" is invalid: %3: Invalid value: must be an object")
                    .arg(target.type->qualifiedKind(), target.name, QString::fromLatin1(field)),
                {}});
    }
    if (scale)
        return writeScale(target, *current, *patched, dryRun);
    // A patch carrying metadata.resourceVersion is conditional on it; without one it applies to the
    // current object.
    QJsonObject object = *patched;
    QJsonObject meta = object.value(kMetadata).toObject();
    if (meta.value(QStringLiteral("resourceVersion")).toString().isEmpty())
        meta.insert(QStringLiteral("resourceVersion"),
                    current->value(kMetadata).toObject().value(QStringLiteral("resourceVersion")));
    object.insert(kMetadata, meta);
    const WriteResult result =
        m_service->update(*target.type, target.ns, target.name, object, target.subresource, dryRun);
    if (!result.ok())
        return errorResponse(*result.error);
    return objectResponse(200, result.object, request);
}

namespace {
std::variant<DeleteOptions, ApiError> deleteOptionsFrom(const HttpRequest &request, bool dryRun) {
    DeleteOptions options;
    options.dryRun = dryRun;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return ApiError::badRequest(
                QStringLiteral("couldn't get version/kind; json parse error: %1")
                    .arg(parseError.errorString()));
        const QJsonObject body = doc.object();
        const QString kind = body.value(QStringLiteral("kind")).toString();
        if (!kind.isEmpty() && kind != QLatin1String("DeleteOptions"))
            return ApiError::badRequest(
                QStringLiteral("%1 in version \"v1\" cannot be handled as a DeleteOptions")
                    .arg(kind));
        options.propagationPolicy = body.value(QStringLiteral("propagationPolicy")).toString();
        if (body.value(QStringLiteral("orphanDependents")).isBool()) {
            if (!options.propagationPolicy.isEmpty())
                return ApiError{
                    422,
                    QStringLiteral("Invalid"),
                    QStringLiteral("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: "
                                   "Invalid value: \"%1\": orphanDependents and "
                                   "deletionPropagation cannot be both set")
                        .arg(options.propagationPolicy),
                    {}};
            options.propagationPolicy = body.value(QStringLiteral("orphanDependents")).toBool()
                                            ? QStringLiteral("Orphan")
                                            : QStringLiteral("Background");
        }
        if (body.value(QStringLiteral("gracePeriodSeconds")).isDouble())
            options.gracePeriodSeconds =
                body.value(QStringLiteral("gracePeriodSeconds")).toInteger();
        const QJsonObject preconditions = body.value(QStringLiteral("preconditions")).toObject();
        options.preconditionUid = preconditions.value(QStringLiteral("uid")).toString();
        options.preconditionResourceVersion =
            preconditions.value(QStringLiteral("resourceVersion")).toString();
        for (const auto &value : body.value(QStringLiteral("dryRun")).toArray()) {
            if (value.toString() != QLatin1String("All"))
                return ApiError{
                    422,
                    QStringLiteral("Invalid"),
                    QStringLiteral("DeleteOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported "
                                   "value: \"%1\": supported values: \"All\"")
                        .arg(value.toString()),
                    {}};
            options.dryRun = true;
        }
    }
    if (request.hasQuery(QStringLiteral("propagationPolicy")))
        options.propagationPolicy = request.queryValue(QStringLiteral("propagationPolicy"));
    if (request.hasQuery(QStringLiteral("orphanDependents"))) {
        if (!options.propagationPolicy.isEmpty())
            return ApiError{
                422,
                QStringLiteral("Invalid"),
                QStringLiteral(
                    "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Invalid value: "
                    "\"%1\": orphanDependents and deletionPropagation cannot be both set")
                    .arg(options.propagationPolicy),
                {}};
        options.propagationPolicy = QueryBool::option(request, QStringLiteral("orphanDependents"))
                                        ? QStringLiteral("Orphan")
                                        : QStringLiteral("Background");
    }
    if (request.hasQuery(QStringLiteral("gracePeriodSeconds"))) {
        bool ok = false;
        options.gracePeriodSeconds =
            request.queryValue(QStringLiteral("gracePeriodSeconds")).toLongLong(&ok);
        if (!ok)
            return ApiError::badRequest(QStringLiteral("invalid gracePeriodSeconds"));
    }
    return options;
}
} // namespace

HttpResponse RestHandler::remove(const HttpRequest &request, const Target &target, bool dryRun) {
    const auto parsed = deleteOptionsFrom(request, dryRun);
    if (std::holds_alternative<ApiError>(parsed))
        return errorResponse(std::get<ApiError>(parsed));
    const WriteResult result =
        m_service->remove(*target.type, target.ns, target.name, std::get<DeleteOptions>(parsed));
    if (!result.ok())
        return errorResponse(*result.error);
    if (!result.deletedNow)
        return objectResponse(200, result.object, request);
    QJsonObject details{{QStringLiteral("name"), target.name},
                        {QStringLiteral("kind"), target.type->plural},
                        {QStringLiteral("uid"), util::uid(result.object)}};
    if (!target.type->group.isEmpty())
        details.insert(QStringLiteral("group"), target.type->group);
    return jsonResponse(200, QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                                         {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("metadata"), QJsonObject()},
                                         {QStringLiteral("status"), QStringLiteral("Success")},
                                         {QStringLiteral("details"), details}});
}

HttpResponse RestHandler::removeCollection(const HttpRequest &request, const Target &target,
                                           bool dryRun) {
    if (!target.type->verbs.contains(QStringLiteral("deletecollection")))
        return errorResponse(ApiError::methodNotAllowed());
    const auto parsed = deleteOptionsFrom(request, dryRun);
    if (std::holds_alternative<ApiError>(parsed))
        return errorResponse(std::get<ApiError>(parsed));
    QString error;
    const auto labels =
        LabelSelector::parse(request.queryValue(QStringLiteral("labelSelector")), &error);
    if (!labels)
        return errorResponse(
            ApiError::badRequest(QStringLiteral("unable to parse requirement: ") + error));
    const auto fields = FieldSelector::parse(request.queryValue(QStringLiteral("fieldSelector")),
                                             supportedFieldSelectors(*target.type), &error);
    if (!fields)
        return errorResponse(ApiError::badRequest(error));
    QJsonArray deleted;
    for (const QJsonObject &object :
         m_store->list(*target.type, target.type->namespaced ? target.ns : QString())) {
        if (!labels->matches(util::labels(object)) || !fields->matches(object))
            continue;
        const WriteResult result =
            m_service->remove(*target.type, util::namespaceOf(object), util::name(object),
                              std::get<DeleteOptions>(parsed));
        if (result.ok()) {
            QJsonObject item = result.object;
            item.remove(QStringLiteral("kind"));
            item.remove(QStringLiteral("apiVersion"));
            deleted.append(item);
        }
    }
    return jsonResponse(200,
                        QJsonObject{{QStringLiteral("kind"), listKind(*target.type)},
                                    {QStringLiteral("apiVersion"), target.type->apiVersion()},
                                    {QStringLiteral("metadata"),
                                     QJsonObject{{QStringLiteral("resourceVersion"),
                                                  QString::number(m_store->resourceVersion())}}},
                                    {QStringLiteral("items"), deleted}});
}

HttpResponse RestHandler::accessReview(const HttpRequest &request, const Target &target,
                                       const Identity &identity) {
    if (request.method != "POST" || !target.name.isEmpty())
        return errorResponse(ApiError::methodNotAllowed());
    const auto decoded = decodeBody(request, target, target.type->apiVersion(), target.type->kind);
    if (std::holds_alternative<ApiError>(decoded))
        return errorResponse(std::get<ApiError>(decoded));
    QJsonObject review = std::get<QJsonObject>(decoded);
    const QJsonObject spec = review.value(QStringLiteral("spec")).toObject();
    const QJsonObject resource = spec.value(QStringLiteral("resourceAttributes")).toObject();
    const QJsonObject nonResource = spec.value(QStringLiteral("nonResourceAttributes")).toObject();
    if (resource.isEmpty() == nonResource.isEmpty())
        return errorResponse(ApiError::invalid(
            *target.type, QString(),
            QJsonArray{invalidCause(
                QStringLiteral("FieldValueRequired"), QStringLiteral("spec.resourceAttributes"),
                QStringLiteral("Required value: exactly one of nonResourceAttributes or "
                               "resourceAttributes must be specified"))}));
    const QString verb =
        (resource.isEmpty() ? nonResource : resource).value(QStringLiteral("verb")).toString();
    const bool reading = verb == QLatin1String("get") || verb == QLatin1String("list") ||
                         verb == QLatin1String("watch");
    const bool allowed = !identity.readOnly || reading;
    QJsonObject status{{QStringLiteral("allowed"), allowed}};
    if (allowed)
        status.insert(
            QStringLiteral("reason"),
            identity.readOnly
                ? QStringLiteral("RBAC: allowed by ClusterRole \"view\"")
                : QStringLiteral("RBAC: allowed by ClusterRoleBinding \"cluster-admin\""));
    review.insert(QStringLiteral("status"), status);
    QJsonObject meta = review.value(kMetadata).toObject();
    meta.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    review.insert(kMetadata, meta);
    return jsonResponse(201, review);
}

void RestHandler::logs(HttpConnection *connection, const HttpRequest &request,
                       const Target &target) {
    const auto pod = m_store->get(*target.type, target.ns, target.name);
    if (!pod) {
        connection->respond(errorResponse(ApiError::notFound(*target.type, target.name)));
        return;
    }
    QStringList containers;
    for (const auto &c : pod->value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("containers"))
                             .toArray())
        containers.append(c.toObject().value(QStringLiteral("name")).toString());
    QString container = request.queryValue(QStringLiteral("container"));
    if (container.isEmpty()) {
        if (containers.size() != 1) {
            connection->respond(errorResponse(ApiError::badRequest(
                QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                    .arg(target.name, containers.join(QLatin1Char(' '))))));
            return;
        }
        container = containers.first();
    } else if (!containers.contains(container)) {
        connection->respond(errorResponse(ApiError::badRequest(
            QStringLiteral("container %1 is not valid for pod %2").arg(container, target.name))));
        return;
    }
    const bool previous = QueryBool::option(request, QStringLiteral("previous"));
    const bool follow = QueryBool::option(request, QStringLiteral("follow")) && !previous;
    const bool timestamps = QueryBool::option(request, QStringLiteral("timestamps"));
    qint64 tail = -1;
    if (request.hasQuery(QStringLiteral("tailLines"))) {
        bool ok = false;
        tail = request.queryValue(QStringLiteral("tailLines")).toLongLong(&ok);
        if (!ok || tail < 0) {
            connection->respond(errorResponse(
                ApiError{422,
                         QStringLiteral("Invalid"),
                         QStringLiteral("PodLogOptions \"%1\" is invalid: tailLines: Invalid "
                                        "value: %2: must be greater than or equal to 0")
                             .arg(target.name, request.queryValue(QStringLiteral("tailLines"))),
                         {}}));
            return;
        }
    }
    qint64 limitBytes = -1;
    if (request.hasQuery(QStringLiteral("limitBytes"))) {
        bool ok = false;
        limitBytes = request.queryValue(QStringLiteral("limitBytes")).toLongLong(&ok);
        if (!ok || limitBytes < 1) {
            connection->respond(errorResponse(
                ApiError{422,
                         QStringLiteral("Invalid"),
                         QStringLiteral("PodLogOptions \"%1\" is invalid: limitBytes: Invalid "
                                        "value: %2: must be greater than 0")
                             .arg(target.name, request.queryValue(QStringLiteral("limitBytes"))),
                         {}}));
            return;
        }
    }
    QDateTime since;
    if (request.hasQuery(QStringLiteral("sinceSeconds")))
        since = QDateTime::currentDateTimeUtc().addSecs(
            -request.queryValue(QStringLiteral("sinceSeconds")).toLongLong());
    if (!m_logs) {
        connection->respond(errorResponse(ApiError::internal(QStringLiteral("no kubelet"))));
        return;
    }
    QString error;
    const auto lines = m_logs->logs(*pod, container, previous, &error);
    if (!lines) {
        connection->respond(errorResponse(ApiError::badRequest(error)));
        return;
    }
    const auto format = [timestamps](const LogLine &line) {
        QByteArray text;
        if (timestamps)
            text += line.time.toUTC()
                        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000000Z"))
                        .toUtf8() +
                    ' ';
        return text + line.text.toUtf8() + '\n';
    };
    QList<LogLine> selected;
    for (const LogLine &line : *lines) {
        if (!since.isValid() || line.time >= since)
            selected.append(line);
    }
    if (tail >= 0 && selected.size() > tail)
        selected = selected.mid(selected.size() - tail);
    QByteArray body;
    for (const LogLine &line : std::as_const(selected))
        body += format(line);
    if (limitBytes > 0 && body.size() > limitBytes)
        body.truncate(limitBytes);
    if (!follow) {
        HttpResponse response;
        response.contentType = "text/plain";
        response.body = body;
        connection->respond(response);
        return;
    }
    connection->beginStream(200, "text/plain");
    connection->writeChunk(body);
    const QString podUid = util::uid(*pod);
    auto *follower = new QObject(connection);
    QPointer<HttpConnection> guard(connection);
    connect(m_logs, &LogSource::lineAppended, follower,
            [guard, podUid, container, format](const QString &uid, const QString &name,
                                               const LogLine &line) {
                if (guard && uid == podUid && name == container)
                    guard->writeChunk(format(line));
            });
    const auto stop = [guard, follower]() {
        if (guard)
            guard->endStream();
        follower->deleteLater();
    };
    connect(m_logs, &LogSource::containerStopped, follower,
            [podUid, container, stop](const QString &uid, const QString &name) {
                if (uid == podUid && name == container)
                    stop();
            });
    connect(m_store, &ObjectStore::changed, follower, [podUid, stop](const StoreEvent &event) {
        if (event.type == QLatin1String("DELETED") && util::uid(event.object) == podUid)
            stop();
    });
}

} // namespace kiosk::sim
