#include "sim/meds_service_simulator.h"

#include "sim/http_connection.h"
#include "sim/http_message.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace kiosk::sim {

namespace {

constexpr qint64 kMaxBodyBytes = 1024 * 1024;
constexpr int kDefaultLimit = 500;
constexpr int kMaxLimit = 1000;
const QString kCollection = QStringLiteral("/api/v1/medications");
const QString kDoses = QStringLiteral("/api/v1/doses");

const QString kId = QStringLiteral("id");
const QString kVersion = QStringLiteral("version");
const QString kDeleted = QStringLiteral("deleted");
const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kUpdatedBy = QStringLiteral("updated_by");
const QString kError = QStringLiteral("error");

bool validId(const QString &id) {
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-fA-F-]{8,64}")));
    return pattern.match(id).hasMatch();
}

QString now() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); // 2026-12-04T20:31:05Z
}

// What a record says, without what the server sets: equal contents make a PUT a no-op.
QJsonObject content(QJsonObject med) {
    for (const QString &key : {kId, kVersion, kUpdatedAt, kUpdatedBy, kDeleted})
        med.remove(key);
    return med;
}

qint64 versionOf(const QJsonObject &med) {
    return med.value(kVersion).toInteger();
}

QByteArray etag(const QJsonObject &med) {
    return '"' + QByteArray::number(versionOf(med)) + '"';
}

// If-Match: "3" (or 3); nullopt when absent; sets *malformed when present but not a version.
std::optional<qint64> ifMatch(const HttpRequest &request, bool *malformed) {
    *malformed = false;
    if (!request.headers.contains("if-match"))
        return std::nullopt;
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("\"([0-9]{1,18})\"|([0-9]{1,18})")));
    const auto match = pattern.match(QString::fromLatin1(request.header("if-match").trimmed()));
    if (!match.hasMatch()) {
        *malformed = true;
        return std::nullopt;
    }
    const QString digits = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    return digits.toLongLong();
}

QString updatedBy(const QJsonObject &body, const HttpRequest &request) {
    const QString given = body.value(kUpdatedBy).toString();
    if (!given.isEmpty())
        return given;
    const QString device = QString::fromUtf8(request.header("x-device-name")).trimmed();
    return device.isEmpty() ? QStringLiteral("unknown") : device;
}

QJsonObject sample(const char *id, const char *name, const char *dosage, const char *schedule,
                   QJsonValue timesPerDay, bool asNeeded, const char *instructions,
                   const char *prescriber, int quantity, int refills, const char *rxNumber,
                   const char *date) {
    return QJsonObject{
        {kId, QString::fromLatin1(id)},
        {QStringLiteral("medication_name"), QString::fromLatin1(name)},
        {QStringLiteral("dosage"), QString::fromLatin1(dosage)},
        {QStringLiteral("dosage_form"), QStringLiteral("tablet")},
        {QStringLiteral("schedule"), QString::fromLatin1(schedule)},
        {QStringLiteral("times_per_day"), timesPerDay},
        {QStringLiteral("as_needed"), asNeeded},
        {QStringLiteral("instructions"), QString::fromLatin1(instructions)},
        {QStringLiteral("prescriber"), QString::fromLatin1(prescriber)},
        {QStringLiteral("quantity"), quantity},
        {QStringLiteral("refills"), refills},
        {QStringLiteral("rx_number"), QString::fromLatin1(rxNumber)},
        {QStringLiteral("pharmacy"), QStringLiteral("CareWell Pharmacy")},
        {QStringLiteral("patient"), QStringLiteral("Margaret Ellis")},
        {QStringLiteral("date"), QString::fromLatin1(date)},
        {QStringLiteral("engine"), QStringLiteral("manual")},
        {QStringLiteral("confidence"), QJsonObject()},
        {QStringLiteral("needs_review"), QJsonArray()},
        {QStringLiteral("raw_text"), QJsonValue::Null},
        {QStringLiteral("active"), true},
    };
}

} // namespace

QList<QJsonObject> MedsServiceSimulator::sampleRecords() {
    return {
        sample("3f6c2a1e-8b4d-4e2a-9c1f-5a7d0e9b1c01", "Lisinopril", "10 mg", "once daily", 1,
               false, "Take 1 tablet by mouth once daily", "Jane Smith", 30, 2, "6084521",
               "2026-01-06"),
        sample("3f6c2a1e-8b4d-4e2a-9c1f-5a7d0e9b1c02", "Metformin", "500 mg", "twice daily", 2,
               false, "Take 1 tablet by mouth twice daily with meals", "Jane Smith", 60, 5,
               "6084533", "2026-01-06"),
        sample("3f6c2a1e-8b4d-4e2a-9c1f-5a7d0e9b1c03", "Atorvastatin", "20 mg", "at bedtime", 1,
               false, "Take 1 tablet by mouth at bedtime", "Robert Okafor", 30, 3, "6091207",
               "2026-01-20"),
        sample("3f6c2a1e-8b4d-4e2a-9c1f-5a7d0e9b1c04", "Ibuprofen", "400 mg",
               "every 6 hours as needed", QJsonValue::Null, true,
               "Take 1 tablet by mouth every 6 hours as needed for pain, with food",
               "Robert Okafor", 40, 0, "6091214", "2026-02-03"),
    };
}

MedsServiceSimulator::MedsServiceSimulator(QObject *parent)
    : QObject(parent)
    , m_random(QRandomGenerator::global()->generate()) {}

MedsServiceSimulator::~MedsServiceSimulator() {
    close();
}

bool MedsServiceSimulator::listen(const QHostAddress &address, quint16 port) {
    close();
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &MedsServiceSimulator::onNewConnection);
    if (!m_server->listen(address, port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_error.clear();
    return true;
}

void MedsServiceSimulator::close() {
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const auto connections = m_connections;
    m_connections.clear();
    for (const auto &connection : connections) {
        if (connection) {
            connection->abort();
            delete connection.data();
        }
    }
}

bool MedsServiceSimulator::isListening() const {
    return m_server && m_server->isListening();
}

quint16 MedsServiceSimulator::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QUrl MedsServiceSimulator::url() const {
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_server ? m_server->serverAddress().toString() : QStringLiteral("127.0.0.1"));
    u.setPort(port());
    return u;
}

void MedsServiceSimulator::setFailRate(double rate) {
    m_failRate = qBound(0.0, rate, 1.0);
}

QJsonObject MedsServiceSimulator::addRecord(const QJsonObject &record) {
    QJsonObject med = record;
    QString id = med.value(kId).toString();
    if (id.isEmpty())
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!validId(id))
        return {};
    const qint64 given = med.value(kVersion).toInteger(0);
    const auto existing = m_records.constFind(id);
    const qint64 previous = existing == m_records.cend() ? 0 : versionOf(existing->med);
    med.insert(kId, id);
    med.insert(kVersion, given > 0 ? given : previous + 1);
    med.insert(kDeleted, med.value(kDeleted).toBool(false));
    if (med.value(kUpdatedAt).toString().isEmpty())
        med.insert(kUpdatedAt, now());
    if (med.value(kUpdatedBy).toString().isEmpty())
        med.insert(kUpdatedBy, QStringLiteral("meds-sim"));
    store(id, med);
    return med;
}

QList<QJsonObject> MedsServiceSimulator::records() const {
    QList<QJsonObject> out;
    out.reserve(qsizetype(m_changes.size()));
    for (const auto &change : m_changes)
        out.append(m_records.value(change.second).med);
    return out;
}

std::optional<QJsonObject> MedsServiceSimulator::record(const QString &id) const {
    const auto it = m_records.constFind(id);
    if (it == m_records.cend())
        return std::nullopt;
    return it->med;
}

void MedsServiceSimulator::store(const QString &id, const QJsonObject &med) {
    const auto it = m_records.constFind(id);
    if (it != m_records.cend())
        m_changes.erase(it->sequence);
    const quint64 sequence = ++m_sequence;
    m_records.insert(id, Entry{med, sequence});
    m_changes.emplace(sequence, id);
}

void MedsServiceSimulator::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, kMaxBodyBytes, this);
        m_connections.removeAll(QPointer<HttpConnection>());
        m_connections.append(connection);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { handle(connection, request); });
    }
}

void MedsServiceSimulator::handle(HttpConnection *connection, const HttpRequest &request) {
    ++m_requestCount;
    const bool api =
        request.path == QLatin1String("/api") || request.path.startsWith(QLatin1String("/api/"));
    if (api && !m_token.isEmpty() &&
        request.header("authorization") != "Bearer " + m_token.toUtf8()) {
        Answer answer{401,
                      {{kError, QStringLiteral(
                                    "a valid bearer token is needed (Authorization: Bearer ...)")}},
                      {}};
        answer.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return send(connection, request, answer, false);
    }
    if (api && m_failRate > 0.0 && m_random.generateDouble() < m_failRate) {
        Answer answer{
            503,
            {{kError,
              QStringLiteral("the medication service is unavailable (injected fault); try again")}},
            {}};
        answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        return send(connection, request, answer, false);
    }
    if (api && m_faultMode == FaultMode::Hang)
        return; // the connection stays open, unanswered, until the client or close() ends it
    if (api && m_faultMode == FaultMode::Garbage) {
        // Labelled JSON on purpose: the client's parser, not a Content-Type check, must catch it.
        Answer answer;
        answer.raw = QByteArrayLiteral("<html><head><title>Network login</title></head><body>"
                                       "<h1>Sign in to continue</h1></body></html>");
        return send(connection, request, answer, false);
    }
    send(connection, request, route(request), api && m_faultMode == FaultMode::Truncated);
}

MedsServiceSimulator::Answer MedsServiceSimulator::route(const HttpRequest &request) {
    const auto notAllowed = [](const QByteArray &allow) {
        Answer answer{405,
                      {{kError, QStringLiteral("method not allowed here (allowed: %1)")
                                    .arg(QString::fromLatin1(allow))}},
                      {}};
        answer.headers.append({QByteArrayLiteral("Allow"), allow});
        return answer;
    };
    const QString &path = request.path;
    if (path == QLatin1String("/healthz")) {
        if (request.method != "GET")
            return notAllowed("GET");
        return {200, {{QStringLiteral("status"), QStringLiteral("ok")}}, {}};
    }
    if (path == kCollection) {
        if (request.method != "GET")
            return notAllowed("GET");
        return list(request);
    }
    if (path == kDoses) {
        if (request.method != "GET")
            return notAllowed("GET");
        return listDoses(request);
    }
    if (path.startsWith(kDoses + u'/')) {
        const QString id = path.mid(kDoses.size() + 1);
        if (!id.isEmpty() && !id.contains(u'/')) {
            if (request.method == "PUT")
                return putDose(request, id);
            return notAllowed("PUT");
        }
    }
    if (path.startsWith(kCollection + u'/')) {
        const QString id = path.mid(kCollection.size() + 1);
        if (!id.isEmpty() && !id.contains(u'/')) {
            if (request.method == "PUT")
                return put(request, id);
            if (request.method == "DELETE")
                return remove(request, id);
            return notAllowed("PUT, DELETE");
        }
    }
    return {404, {{kError, QStringLiteral("no such resource: %1").arg(path)}}, {}};
}

// One page of a change feed (records or doses): since=CURSOR and limit checked alike for both.
MedsServiceSimulator::Answer
MedsServiceSimulator::page(const HttpRequest &request, const std::map<quint64, QString> &order,
                           const std::function<QJsonObject(const QString &)> &itemOf) const {
    quint64 after = 0;
    const QString since = request.queryValue(QStringLiteral("since"));
    if (!since.isEmpty()) {
        static const QRegularExpression digits(
            QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,19}")));
        bool ok = digits.match(since).hasMatch();
        after = ok ? since.toULongLong(&ok) : 0;
        if (!ok)
            return {
                400,
                {{kError,
                  QStringLiteral("the cursor \"%1\" is not one this service gave out").arg(since)}},
                {}};
    }
    int limit = kDefaultLimit;
    if (request.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return {400, {{kError, QStringLiteral("limit must be a positive whole number")}}, {}};
        limit = qMin(limit, kMaxLimit);
    }
    QJsonArray items;
    quint64 cursor = after;
    auto it = order.upper_bound(after);
    for (; it != order.end() && items.size() < limit; ++it) {
        items.append(itemOf(it->second));
        cursor = it->first;
    }
    return {200,
            {{QStringLiteral("items"), items},
             {QStringLiteral("cursor"), QString::number(cursor)},
             {QStringLiteral("more"), it != order.end()}},
            {}};
}

MedsServiceSimulator::Answer MedsServiceSimulator::list(const HttpRequest &request) {
    return page(request, m_changes, [this](const QString &id) { return m_records.value(id).med; });
}

MedsServiceSimulator::Answer MedsServiceSimulator::listDoses(const HttpRequest &request) {
    return page(request, m_doseOrder, [this](const QString &id) { return m_doses.value(id); });
}

MedsServiceSimulator::Answer MedsServiceSimulator::putDose(const HttpRequest &request,
                                                           const QString &id) {
    if (!validId(id))
        return {
            400,
            {{kError, QStringLiteral("the id \"%1\" is not 8 to 64 hexadecimal digits and dashes")
                          .arg(id)}},
            {}};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {400, {{kError, QStringLiteral("the body must be one JSON object")}}, {}};
    const QJsonObject body = document.object();
    for (const char *field : {"medication_id", "at", "status"}) {
        if (!body.value(QLatin1String(field)).isString() ||
            body.value(QLatin1String(field)).toString().isEmpty())
            return {
                400, {{kError, QStringLiteral("a dose needs %1").arg(QLatin1String(field))}}, {}};
    }
    const QString status = body.value(QStringLiteral("status")).toString();
    if (status != u"given" && status != u"skipped")
        return {400, {{kError, QStringLiteral("status must be given or skipped")}}, {}};
    const auto it = m_doses.constFind(id);
    if (it != m_doses.cend()) {
        // Entries never change: the same again is a retry, anything else is refused.
        if (content(body) == content(*it))
            return {200, *it, {{QByteArrayLiteral("ETag"), etag(*it)}}};
        return {
            412,
            {{kError, QStringLiteral("dose %1 exists with other content; dose entries never change")
                          .arg(id)},
             {QStringLiteral("current"), *it}},
            {}};
    }
    QJsonObject dose = body;
    dose.insert(kId, id);
    dose.insert(kVersion, 1);
    dose.insert(kUpdatedAt, now());
    dose.insert(kUpdatedBy, updatedBy(body, request));
    dose.remove(kDeleted);
    m_doses.insert(id, dose);
    m_doseOrder.emplace(++m_doseSequence, id);
    return {201, dose, {{QByteArrayLiteral("ETag"), etag(dose)}}};
}

QList<QJsonObject> MedsServiceSimulator::doses() const {
    QList<QJsonObject> out;
    for (const auto &entry : m_doseOrder)
        out.append(m_doses.value(entry.second));
    return out;
}

std::optional<QJsonObject> MedsServiceSimulator::dose(const QString &id) const {
    const auto it = m_doses.constFind(id);
    if (it == m_doses.cend())
        return std::nullopt;
    return *it;
}

MedsServiceSimulator::Answer MedsServiceSimulator::put(const HttpRequest &request,
                                                       const QString &id) {
    if (!validId(id))
        return {
            400,
            {{kError, QStringLiteral("the id \"%1\" is not 8 to 64 hexadecimal digits and dashes")
                          .arg(id)}},
            {}};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {400,
                {{kError,
                  QStringLiteral("the body is not valid JSON: %1").arg(parseError.errorString())}},
                {}};
    if (!document.isObject())
        return {400, {{kError, QStringLiteral("the body must be a JSON object")}}, {}};
    bool malformed = false;
    const std::optional<qint64> expected = ifMatch(request, &malformed);
    if (malformed)
        return {400,
                {{kError,
                  QStringLiteral("If-Match must be a version number in quotes, such as \"3\"")}},
                {}};
    const QJsonObject body = document.object();

    const auto it = m_records.constFind(id);
    if (it == m_records.cend() && expected)
        return {
            404,
            {{kError,
              QStringLiteral("no medication with id %1 (send no If-Match to create it)").arg(id)}},
            {}};
    qint64 version = 1;
    if (it != m_records.cend()) {
        const QJsonObject current = it->med;
        const bool tombstone = current.value(kDeleted).toBool();
        // A retried PUT (its answer was lost) finds its own content: answer as if it were new.
        if (!tombstone && content(body) == content(current))
            return {200, current, {{QByteArrayLiteral("ETag"), etag(current)}}};
        if (!expected) {
            return {412,
                    {{kError, QStringLiteral("medication %1 already exists (version %2); send "
                                             "If-Match with the version you have seen")
                                  .arg(id)
                                  .arg(versionOf(current))},
                     {QStringLiteral("current"), current}},
                    {}};
        }
        if (*expected != versionOf(current)) {
            return {
                412,
                {{kError, QStringLiteral("version %1 of medication %2 is not the current one (%3)")
                              .arg(*expected)
                              .arg(id)
                              .arg(versionOf(current))},
                 {QStringLiteral("current"), current}},
                {}};
        }
        version = versionOf(current) + 1;
    }
    QJsonObject med = body;
    med.insert(kId, id);
    med.insert(kVersion, version);
    med.insert(kDeleted, false);
    med.insert(kUpdatedAt, now());
    med.insert(kUpdatedBy, updatedBy(body, request));
    store(id, med);
    return {version == 1 ? 201 : 200, med, {{QByteArrayLiteral("ETag"), etag(med)}}};
}

MedsServiceSimulator::Answer MedsServiceSimulator::remove(const HttpRequest &request,
                                                          const QString &id) {
    if (!validId(id))
        return {
            400,
            {{kError, QStringLiteral("the id \"%1\" is not 8 to 64 hexadecimal digits and dashes")
                          .arg(id)}},
            {}};
    bool malformed = false;
    const std::optional<qint64> expected = ifMatch(request, &malformed);
    if (malformed)
        return {400,
                {{kError,
                  QStringLiteral("If-Match must be a version number in quotes, such as \"3\"")}},
                {}};
    // A body is optional; when there is one, it may name the device (updated_by).
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return {
                400,
                {{kError, QStringLiteral("the body of a DELETE must be empty or a JSON object")}},
                {}};
        body = document.object();
    }
    const auto it = m_records.constFind(id);
    if (it == m_records.cend())
        return {404, {{kError, QStringLiteral("no medication with id %1").arg(id)}}, {}};
    const QJsonObject current = it->med;
    if (current.value(kDeleted).toBool())
        return {200,
                current,
                {{QByteArrayLiteral("ETag"), etag(current)}}}; // deleting twice is a retry
    if (!expected || *expected != versionOf(current)) {
        const QString why =
            expected
                ? QStringLiteral("version %1 of medication %2 is not the current one (%3)")
                      .arg(*expected)
                      .arg(id)
                      .arg(versionOf(current))
                : QStringLiteral(
                      "deleting medication %1 needs If-Match with the version you have seen (%2)")
                      .arg(id)
                      .arg(versionOf(current));
        return {412, {{kError, why}, {QStringLiteral("current"), current}}, {}};
    }
    QJsonObject tombstone =
        current; // the last content stays, so a conflict can show what was deleted
    tombstone.insert(kVersion, versionOf(current) + 1);
    tombstone.insert(kDeleted, true);
    tombstone.insert(kUpdatedAt, now());
    tombstone.insert(kUpdatedBy, updatedBy(body, request));
    store(id, tombstone);
    return {200, tombstone, {{QByteArrayLiteral("ETag"), etag(tombstone)}}};
}

void MedsServiceSimulator::send(HttpConnection *connection, const HttpRequest &request,
                                const Answer &answer, bool truncate) {
    const QPointer<HttpConnection> guard(connection);
    const QString method = QString::fromLatin1(request.method);
    const QString path = request.path;
    const auto write = [this, guard, method, path, answer, truncate]() {
        if (!guard)
            return;
        const QByteArray body = answer.raw.isNull()
                                    ? QJsonDocument(answer.body).toJson(QJsonDocument::Compact)
                                    : answer.raw;
        QTcpSocket *socket = guard->socket();
        if (truncate && socket) {
            // The whole body's length is announced, half of it is sent, then the connection drops.
            QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' +
                              HttpResponse::reasonPhrase(answer.status) +
                              "\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n";
            for (const auto &header : answer.headers)
                head += header.first + ": " + header.second + "\r\n";
            socket->write(head + "\r\n" + body.left(body.size() / 2));
            socket->flush();
            // abort() discards what is still buffered, so it waits until the half has left.
            if (socket->bytesToWrite() == 0) {
                guard->abort();
            } else {
                connect(socket, &QTcpSocket::bytesWritten, guard.data(), [guard, socket]() {
                    if (guard && socket->bytesToWrite() == 0)
                        guard->abort();
                });
            }
        } else {
            HttpResponse response;
            response.status = answer.status;
            response.body = body;
            response.headers = answer.headers;
            guard->respond(response);
        }
        emit requestHandled(method, path, answer.status);
    };
    if (m_latencyMs > 0)
        QTimer::singleShot(m_latencyMs, this, write);
    else
        write();
}

} // namespace kiosk::sim
