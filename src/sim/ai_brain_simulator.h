#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QTcpServer;

namespace kiosk::sim {

class HttpConnection;
struct HttpRequest;

// A stand-in for the cluster's kilo-ai-brain service (FastAPI) on a loopback port, for tests,
// demos and `kilo-kiosk ai-brain-sim`:
//   POST /analyze/prescription  multipart/form-data with a "file" part (image/jpeg or image/png)
//   GET  /health
// Modes: good (the answer for a recognised fixture photo, else a fixed realistic answer),
// error500, garbage (200 with something that is not the expected JSON; a different kind each
// time), hang (never answers), slow (good, after slowDelayMs), unauthorized (401 unless the
// request carries the bearer token set with setToken()). With a token set, every mode needs it.
class AiBrainSimulator : public QObject {
    Q_OBJECT
public:
    enum class Mode { Good, Error500, Garbage, Hang, Slow, Unauthorized };
    enum class HealthMode { Ok, Down, Hang };

    static std::optional<Mode> parseMode(const QString &name);
    static QString modeName(Mode mode);
    static QStringList modeNames();
    // The fixed answer of good mode: what a vision model typically returns for a lisinopril label,
    // with the loose spellings (10mg, "once a day", "Dr. ..., MD") the kiosk must normalise, plus
    // fields the kiosk does not know.
    static QJsonObject defaultAnswer();
    // The bodies garbage mode cycles through.
    static QList<QByteArray> garbageBodies();

    explicit AiBrainSimulator(QObject *parent = nullptr);
    ~AiBrainSimulator() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const { return m_error; }
    QUrl url() const; // http://127.0.0.1:<port>
    quint16 port() const;

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    void setHealthMode(HealthMode mode) { m_healthMode = mode; }
    void setSlowDelayMs(int ms) { m_slowMs = ms; }
    int slowDelayMs() const { return m_slowMs; }
    void setToken(const QString &token) { m_token = token; }
    // Replaces the fixed answer of good mode (tests: unknown fields, missing fields, odd values).
    void setAnswer(const QJsonObject &answer) { m_answer = answer; }
    // A photo the simulator recognises (by its bytes) and the answer it gives for it.
    void addFixture(const QByteArray &imageBytes, const QJsonObject &answer);
    // NNNN.jpg/.png with NNNN.json ground truth (the rx-eval layout); returns how many were added.
    int loadFixtureDir(const QString &dir);
    // The answer for a ground-truth record: the contract fields, a confidence, and extra fields.
    static QJsonObject answerFromGroundTruth(const QJsonObject &truth);

    int analyzeRequests() const { return m_analyzeRequests; }
    int healthRequests() const { return m_healthRequests; }
    QByteArray lastAuthorization() const { return m_lastAuthorization; }
    QByteArray lastUploadContentType() const { return m_lastUploadContentType; }
    QString lastUploadFileName() const { return m_lastUploadFileName; }
    QByteArray lastUpload() const { return m_lastUpload; }

signals:
    void requestHandled(const QString &method, const QString &path, int status);

private:
    void onNewConnection();
    void handle(HttpConnection *connection, const HttpRequest &request);
    void analyze(HttpConnection *connection, const HttpRequest &request);
    void reply(HttpConnection *connection, const HttpRequest &request, int status,
               const QByteArray &body, const QByteArray &contentType = "application/json");

    QTcpServer *m_server = nullptr;
    QList<QPointer<HttpConnection>> m_connections;
    QString m_error;
    Mode m_mode = Mode::Good;
    HealthMode m_healthMode = HealthMode::Ok;
    int m_slowMs = 3000;
    QString m_token;
    QJsonObject m_answer;
    QHash<QByteArray, QJsonObject> m_fixtures; // SHA-256 of the photo -> answer
    int m_garbageIndex = 0;
    int m_analyzeRequests = 0;
    int m_healthRequests = 0;
    QByteArray m_lastAuthorization;
    QByteArray m_lastUploadContentType;
    QString m_lastUploadFileName;
    QByteArray m_lastUpload;
};

} // namespace kiosk::sim
