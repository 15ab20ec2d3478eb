#pragma once

#include "aibrain/reading_result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QImage;
class QTemporaryFile;
class QThread;

namespace kiosk::aibrain {

class AiBrainClient;

enum class EngineMode { Local, AiBrain, Auto };

// Reads a prescription photo with the chosen engine:
//   local    – OpenCV + Tesseract on this machine (ocr::OcrPipeline, on a worker thread);
//   ai-brain – the cluster's AI Brain only (an error when it fails);
//   auto     – AI Brain when a URL is configured and /health answers, else local; when AI Brain
//              errors, answers garbage or misses its deadline, the photo is read locally and the
//              result says why (fallbackReason). After a failure AI Brain is skipped for
//              retryAfterFailure() so a batch does not wait out the timeout on every photo.
// One request at a time: a new readFile() or cancel() ends the one in flight (reported cancelled).
class ReadingEngine : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultRetryAfterFailureMs = 60000;
    static constexpr int kHealthCacheMs = 30000;

    static std::optional<EngineMode> parseMode(const QString &name);
    static QString modeName(EngineMode mode);
    static QStringList modeNames();

    explicit ReadingEngine(QObject *parent = nullptr);
    ~ReadingEngine() override;

    void setMode(EngineMode mode) { m_mode = mode; }
    EngineMode mode() const { return m_mode; }
    // The AI Brain client: set its URL, token and timeouts here.
    AiBrainClient *client() const { return m_client; }
    void setRetryAfterFailure(int ms) { m_retryAfterMs = ms; }
    int retryAfterFailure() const { return m_retryAfterMs; }

    // Starts reading; returns the request id echoed by finished().
    int readFile(const QString &path);
    // A camera frame: written to a private temporary JPEG (removed when the reading ends), then
    // read.
    int readImage(const QImage &image);
    void cancel();
    bool isBusy() const { return m_job.has_value(); }
    // For the CLI and tests: runs a local event loop until the result is there.
    ReadingResult readFileBlocking(const QString &path);

signals:
    // What is happening now, for a progress line: "Checking AI Brain", "Sending to AI Brain",
    // "Reading on this tablet".
    void stageChanged(int requestId, const QString &stage);
    void finished(int requestId, const kiosk::aibrain::ReadingResult &result);

private:
    struct Job {
        int id = 0;
        QString path;
        qint64 startedMs = 0;
        int healthRequest = -1;
        int analyzeRequest = -1;
        bool local = false;
        QString fallbackReason;
        std::shared_ptr<std::atomic<bool>> cancel;
        std::shared_ptr<QTemporaryFile> frame; // readImage(): the frame on disk while it is read
    };
    class LocalRunner;

    void startAiBrain();
    void startLocal(const QString &fallbackReason);
    void onHealth(int requestId, bool healthy, const QString &error);
    void onAnalyzed(int requestId, const ReadingResult &result);
    void onLocalDone(int jobId, const ReadingResult &result);
    void finish(ReadingResult result);
    void noteFailure(const QString &error);

    EngineMode m_mode = EngineMode::Auto;
    AiBrainClient *m_client;
    QThread *m_thread;
    LocalRunner *m_runner;
    std::optional<Job> m_job;
    int m_nextId = 1;
    int m_retryAfterMs = kDefaultRetryAfterFailureMs;
    qint64 m_healthyUntil = -1;
    qint64 m_lastFailureAt = -1;
    QString m_lastFailure;
};

} // namespace kiosk::aibrain
