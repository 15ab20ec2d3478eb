#include "sim/ai_brain_simulator.h"

#include "sim/http_connection.h"
#include "sim/http_message.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace kiosk::sim {

namespace {

constexpr qint64 kMaxUploadBytes = 30LL * 1024 * 1024;

QByteArray detail(const QString &text) {
    return QJsonDocument(QJsonObject{{QStringLiteral("detail"), text}})
        .toJson(QJsonDocument::Compact);
}

struct FilePart {
    bool found = false;
    QByteArray contentType;
    QString fileName;
    QByteArray data;
};

QByteArray headerParameter(const QByteArray &header, const QByteArray &name) {
    const QRegularExpression pattern(
        QStringLiteral("(?:^|;)\\s*%1=(\"[^\"]*\"|[^;\\s]+)").arg(QString::fromLatin1(name)),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = pattern.match(QString::fromLatin1(header));
    if (!m.hasMatch())
        return {};
    QByteArray value = m.captured(1).toLatin1();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

// The "file" part of a multipart/form-data body, as FastAPI's UploadFile would see it.
FilePart filePart(const QByteArray &contentType, const QByteArray &body) {
    FilePart out;
    const QByteArray boundary = headerParameter(contentType, "boundary");
    if (!contentType.toLower().startsWith("multipart/form-data") || boundary.isEmpty())
        return out;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        qsizetype start = pos + delimiter.size();
        if (body.mid(start, 2) == "--")
            break; // closing delimiter
        if (body.mid(start, 2) == "\r\n")
            start += 2;
        const qsizetype next = body.indexOf("\r\n" + delimiter, start);
        if (next < 0)
            break;
        const QByteArray part = body.mid(start, next - start);
        const qsizetype headEnd = part.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            QByteArray disposition, type;
            for (const QByteArray &line : part.left(headEnd).split('\n')) {
                const QByteArray l = line.trimmed();
                const qsizetype colon = l.indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = l.left(colon).trimmed().toLower();
                if (name == "content-disposition")
                    disposition = l.mid(colon + 1).trimmed();
                else if (name == "content-type")
                    type = l.mid(colon + 1).trimmed();
            }
            if (headerParameter(disposition, "name") == "file") {
                out.found = true;
                out.contentType = type;
                out.fileName = QString::fromUtf8(headerParameter(disposition, "filename"));
                out.data = part.mid(headEnd + 4);
                return out;
            }
        }
        pos = next + 2;
    }
    return out;
}

} // namespace

std::optional<AiBrainSimulator::Mode> AiBrainSimulator::parseMode(const QString &name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("good"))
        return Mode::Good;
    if (n == QLatin1String("error500") || n == QLatin1String("500"))
        return Mode::Error500;
    if (n == QLatin1String("garbage"))
        return Mode::Garbage;
    if (n == QLatin1String("hang"))
        return Mode::Hang;
    if (n == QLatin1String("slow"))
        return Mode::Slow;
    if (n == QLatin1String("unauthorized") || n == QLatin1String("401"))
        return Mode::Unauthorized;
    return std::nullopt;
}

QString AiBrainSimulator::modeName(Mode mode) {
    switch (mode) {
    case Mode::Good:
        return QStringLiteral("good");
    case Mode::Error500:
        return QStringLiteral("error500");
    case Mode::Garbage:
        return QStringLiteral("garbage");
    case Mode::Hang:
        return QStringLiteral("hang");
    case Mode::Slow:
        return QStringLiteral("slow");
    case Mode::Unauthorized:
        return QStringLiteral("unauthorized");
    }
    return {};
}

QStringList AiBrainSimulator::modeNames() {
    return {QStringLiteral("good"), QStringLiteral("error500"), QStringLiteral("garbage"),
            QStringLiteral("hang"), QStringLiteral("slow"),     QStringLiteral("unauthorized")};
}

QJsonObject AiBrainSimulator::defaultAnswer() {
    return QJsonObject{
        {QStringLiteral("medication_name"), QStringLiteral("LISINOPRIL")},
        {QStringLiteral("dosage"), QStringLiteral("10mg")},
        {QStringLiteral("dosage_form"), QStringLiteral("tablets")},
        {QStringLiteral("schedule"), QStringLiteral("once a day")},
        {QStringLiteral("instructions"), QStringLiteral("Take 1 tablet by mouth once daily")},
        {QStringLiteral("prescriber"), QStringLiteral("Dr. Jane Smith, MD")},
        {QStringLiteral("quantity"), 30},
        {QStringLiteral("refills"), QStringLiteral("2")},
        {QStringLiteral("pharmacy"), QStringLiteral("CareWell Pharmacy")},
        {QStringLiteral("date"), QStringLiteral("2026-01-06")},
        {QStringLiteral("confidence"), QJsonObject{{QStringLiteral("medication_name"), 0.96},
                                                   {QStringLiteral("dosage"), 0.94},
                                                   {QStringLiteral("schedule"), 0.9},
                                                   {QStringLiteral("instructions"), 0.88},
                                                   {QStringLiteral("prescriber"), 0.83},
                                                   {QStringLiteral("quantity"), 0.9},
                                                   {QStringLiteral("refills"), 0.85}}},
        {QStringLiteral("raw_text"),
         QStringLiteral("CAREWELL PHARMACY\nRx# 6084521\nLISINOPRIL 10MG TABLETS\nTAKE 1 TABLET BY "
                        "MOUTH ONCE DAILY\n"
                        "QTY: 30 REFILLS: 2\nDR. JANE SMITH, MD")},
        {QStringLiteral("model"), QStringLiteral("kilo-ai-brain/llava-1.6-7b")},
        {QStringLiteral("processing_ms"), 1834},
        {QStringLiteral("warnings"), QJsonArray()},
    };
}

QList<QByteArray> AiBrainSimulator::garbageBodies() {
    return {
        QByteArrayLiteral("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 "
                          "Bad Gateway</h1>"
                          "</center><hr><center>nginx</center></body></html>"),
        QByteArrayLiteral("{\"medication_name\": \"Lisinopril\", \"dosage\": \"10 mg\", \"sched"),
        QByteArrayLiteral("[{\"medication_name\": \"Lisinopril\"}]"),
        QByteArrayLiteral("{\"status\": \"ok\", \"result\": null}"),
        QByteArrayLiteral("\"I'm sorry, I cannot read this prescription.\""),
        QByteArray("\x00\xff\xfe\x13garbage\x00", 12),
    };
}

QJsonObject AiBrainSimulator::answerFromGroundTruth(const QJsonObject &truth) {
    static const QStringList fields = {
        QStringLiteral("medication_name"), QStringLiteral("dosage"),
        QStringLiteral("dosage_form"),     QStringLiteral("schedule"),
        QStringLiteral("times_per_day"),   QStringLiteral("as_needed"),
        QStringLiteral("instructions"),    QStringLiteral("prescriber"),
        QStringLiteral("quantity"),        QStringLiteral("refills"),
        QStringLiteral("rx_number"),       QStringLiteral("pharmacy"),
        QStringLiteral("patient"),         QStringLiteral("date")};
    QJsonObject answer;
    QJsonObject confidence;
    for (const QString &field : fields) {
        if (!truth.contains(field))
            continue;
        answer.insert(field, truth.value(field));
        confidence.insert(field, 0.93);
    }
    // A model tends to keep the title it read.
    if (answer.value(QStringLiteral("prescriber")).isString())
        answer.insert(QStringLiteral("prescriber"),
                      QStringLiteral("Dr. ") +
                          answer.value(QStringLiteral("prescriber")).toString());
    answer.insert(QStringLiteral("confidence"), confidence);
    answer.insert(QStringLiteral("raw_text"),
                  truth.value(QStringLiteral("printed_sig")).toString());
    answer.insert(QStringLiteral("model"), QStringLiteral("kilo-ai-brain/llava-1.6-7b"));
    return answer;
}

AiBrainSimulator::AiBrainSimulator(QObject *parent)
    : QObject(parent)
    , m_answer(defaultAnswer()) {}

AiBrainSimulator::~AiBrainSimulator() {
    close();
}

bool AiBrainSimulator::listen(const QHostAddress &address, quint16 port) {
    close();
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &AiBrainSimulator::onNewConnection);
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

void AiBrainSimulator::close() {
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

bool AiBrainSimulator::isListening() const {
    return m_server && m_server->isListening();
}

quint16 AiBrainSimulator::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QUrl AiBrainSimulator::url() const {
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_server ? m_server->serverAddress().toString() : QStringLiteral("127.0.0.1"));
    u.setPort(port());
    return u;
}

void AiBrainSimulator::addFixture(const QByteArray &imageBytes, const QJsonObject &answer) {
    m_fixtures.insert(QCryptographicHash::hash(imageBytes, QCryptographicHash::Sha256), answer);
}

int AiBrainSimulator::loadFixtureDir(const QString &dir) {
    int added = 0;
    const QDir d(dir);
    const auto images = d.entryInfoList(
        {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png")}, QDir::Files,
        QDir::Name);
    for (const QFileInfo &image : images) {
        QFile truthFile(d.filePath(image.completeBaseName() + QStringLiteral(".json")));
        QFile imageFile(image.filePath());
        if (!truthFile.open(QIODevice::ReadOnly) || !imageFile.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument truth = QJsonDocument::fromJson(truthFile.readAll());
        if (!truth.isObject())
            continue;
        addFixture(imageFile.readAll(), answerFromGroundTruth(truth.object()));
        ++added;
    }
    return added;
}

void AiBrainSimulator::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, kMaxUploadBytes, this);
        m_connections.removeAll(QPointer<HttpConnection>());
        m_connections.append(connection);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { handle(connection, request); });
    }
}

void AiBrainSimulator::reply(HttpConnection *connection, const HttpRequest &request, int status,
                             const QByteArray &body, const QByteArray &contentType) {
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    response.headers.append({QByteArrayLiteral("Server"), QByteArrayLiteral("uvicorn")});
    if (status == 401)
        response.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    connection->respond(response);
    emit requestHandled(QString::fromLatin1(request.method), request.path, status);
}

void AiBrainSimulator::handle(HttpConnection *connection, const HttpRequest &request) {
    if (request.path == QLatin1String("/health")) {
        ++m_healthRequests;
        if (request.method != "GET" && request.method != "HEAD")
            return reply(connection, request, 405, detail(QStringLiteral("Method Not Allowed")));
        if (m_healthMode == HealthMode::Hang)
            return; // the connection stays open, unanswered
        if (m_healthMode == HealthMode::Down)
            return reply(connection, request, 503,
                         detail(QStringLiteral("model is still loading")));
        return reply(
            connection, request, 200,
            QByteArrayLiteral("{\"status\":\"ok\",\"model_loaded\":true,\"version\":\"sim\"}"));
    }
    if (request.path == QLatin1String("/analyze/prescription")) {
        if (request.method != "POST")
            return reply(connection, request, 405, detail(QStringLiteral("Method Not Allowed")));
        return analyze(connection, request);
    }
    reply(connection, request, 404, detail(QStringLiteral("Not Found")));
}

void AiBrainSimulator::analyze(HttpConnection *connection, const HttpRequest &request) {
    ++m_analyzeRequests;
    m_lastAuthorization = request.header("authorization");
    if (m_mode == Mode::Unauthorized || !m_token.isEmpty()) {
        if (m_token.isEmpty() || m_lastAuthorization != "Bearer " + m_token.toUtf8())
            return reply(connection, request, 401, detail(QStringLiteral("Not authenticated")));
    }
    const FilePart file = filePart(request.header("content-type"), request.body);
    if (!file.found) {
        return reply(connection, request, 422,
                     QByteArrayLiteral(
                         "{\"detail\":[{\"loc\":[\"body\",\"file\"],\"msg\":\"field required\","
                         "\"type\":\"value_error.missing\"}]}"));
    }
    m_lastUploadContentType = file.contentType;
    m_lastUploadFileName = file.fileName;
    m_lastUpload = file.data;
    const bool jpeg = file.data.startsWith("\xff\xd8\xff");
    const bool png = file.data.startsWith("\x89PNG\r\n\x1a\n");
    if ((file.contentType != "image/jpeg" && file.contentType != "image/png") || !(jpeg || png)) {
        return reply(connection, request, 400,
                     detail(QStringLiteral("Unsupported file: %1. Upload a JPEG or PNG image.")
                                .arg(QString::fromLatin1(file.contentType.isEmpty()
                                                             ? QByteArrayLiteral("no content type")
                                                             : file.contentType))));
    }

    switch (m_mode) {
    case Mode::Error500:
        return reply(connection, request, 500,
                     detail(QStringLiteral("Model inference failed: CUDA out of memory")));
    case Mode::Garbage: {
        const auto bodies = garbageBodies();
        const QByteArray body = bodies.at(m_garbageIndex++ % bodies.size());
        return reply(connection, request, 200, body,
                     body.startsWith('<') ? "text/html" : "application/json");
    }
    case Mode::Hang:
        return; // the connection stays open, unanswered
    case Mode::Good:
    case Mode::Slow:
    case Mode::Unauthorized:
        break;
    }
    const QJsonObject answer =
        m_fixtures.value(QCryptographicHash::hash(file.data, QCryptographicHash::Sha256), m_answer);
    const QByteArray body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    if (m_mode == Mode::Slow) {
        QPointer<HttpConnection> guard(connection);
        const HttpRequest copy = request;
        QTimer::singleShot(m_slowMs, this, [this, guard, copy, body]() {
            if (guard)
                reply(guard.data(), copy, 200, body);
        });
        return;
    }
    reply(connection, request, 200, body);
}

} // namespace kiosk::sim
