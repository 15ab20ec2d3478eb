#pragma once

#include "aibrain/answer_normalizer.h"
#include "aibrain/reading_result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace kiosk::aibrain {

// Client of the cluster's AI Brain service (DESIGN.md, "AI Brain"):
//   POST {base}/analyze/prescription  multipart/form-data, field "file" (image/jpeg or image/png)
//   GET  {base}/health                200 when ready
// with an optional bearer token and a deadline on every request. The answer is untrusted and goes
// through AnswerNormalizer; errors read FastAPI's {"detail": ...}.
//
// Async use: keep the id returned by checkHealth()/analyzeFile() and wait for healthChecked() or
// analyzed() with it (always emitted, always asynchronously). Blocking use (CLI, tests): the
// *Blocking() helpers run a local event loop.
class AiBrainClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 6000; // a whole analysis, upload to answer
    static constexpr int kDefaultHealthTimeoutMs = 2000;
    static constexpr qint64 kMaxUploadBytes = 25LL * 1024 * 1024;

    struct Health {
        bool healthy = false;
        QString error; // why not, when not healthy
    };
    // The photo as it is sent: bytes, content type and file name; error when it cannot be sent.
    struct Upload {
        QByteArray data;
        QByteArray contentType;
        QString fileName;
        QString error;
    };

    explicit AiBrainClient(QObject *parent = nullptr);
    ~AiBrainClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // A usable base URL: http or https with a host.
    bool isConfigured() const;
    static QString checkBaseUrl(const QUrl &url); // empty when usable, else why not
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeout(int ms) { m_timeoutMs = std::max(1, ms); }
    int timeout() const { return m_timeoutMs; }
    void setHealthTimeout(int ms) { m_healthTimeoutMs = std::max(1, ms); }
    int healthTimeout() const { return m_healthTimeoutMs; }

    int checkHealth();
    int analyzeFile(const QString &path);
    // Bytes of a photo; JPEG and PNG are sent as they are, other image formats as PNG.
    int analyzeData(const QByteArray &data, const QString &fileName);
    // Drops every request in flight; each still reports (as cancelled).
    void abortAll();

    Health checkHealthBlocking();
    ReadingResult analyzeFileBlocking(const QString &path);

    static Upload prepareUpload(const QByteArray &data, const QString &fileName);
    static Upload prepareFile(const QString &path);

signals:
    void healthChecked(int requestId, bool healthy, const QString &error);
    void analyzed(int requestId, const kiosk::aibrain::ReadingResult &result);

private:
    struct Pending {
        int id = 0;
        bool health = false;
        bool timedOut = false;
        bool tooLarge = false;
        qint64 startedMs = 0;
    };
    QUrl endpoint(const QString &path) const;
    QNetworkReply *send(const QString &path, const Upload *upload, int timeoutMs);
    int track(QNetworkReply *reply, bool health, int timeoutMs);
    void onFinished(QNetworkReply *reply);
    void reportLater(int id, const ReadingResult &result);
    QString describeNetworkFailure(QNetworkReply *reply, const Pending &pending) const;

    QNetworkAccessManager *m_nam;
    AnswerNormalizer m_normalizer;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = kDefaultTimeoutMs;
    int m_healthTimeoutMs = kDefaultHealthTimeoutMs;
    int m_nextId = 1;
    QHash<QNetworkReply *, Pending> m_pending;
};

} // namespace kiosk::aibrain
