#include "aibrain/reading_engine.h"

#include "aibrain/ai_brain_client.h"
#include "ocr/ocr_pipeline.h"
#include "ocr/thread_handoff.h"

#include <QElapsedTimer>
#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <QTemporaryFile>
#include <QMetaObject>
#include <QThread>

namespace kiosk::aibrain {

namespace {

qint64 now() {
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

ReadingResult fromLocal(const ocr::OcrPipeline::Result &local) {
    ReadingResult r;
    r.engine = ReadingResult::LocalEngine;
    r.error = local.error;
    r.cancelled = local.cancelled;
    r.prescription = local.prescription;
    if (local.ok())
        r.quality = local.quality;
    r.ms = local.ms;
    return r;
}

} // namespace

// Lives on the engine's worker thread; owns the Tesseract pipeline (made on first use, kept).
class ReadingEngine::LocalRunner : public QObject {
    Q_OBJECT
public:
    void read(int jobId, const QString &path, const std::shared_ptr<std::atomic<bool>> &cancel) {
        if (!m_pipeline)
            m_pipeline = std::make_unique<ocr::OcrPipeline>();
        ReadingResult r;
        if (const QString e = m_pipeline->initError(); !e.isEmpty()) {
            r.engine = ReadingResult::LocalEngine;
            r.error = e;
        } else {
            r = fromLocal(m_pipeline->readFile(path, cancel.get()));
        }
        ocr::ThreadHandoff::sent(this);
        emit done(jobId, r);
    }

signals:
    void done(int jobId, const kiosk::aibrain::ReadingResult &result);

private:
    std::unique_ptr<ocr::OcrPipeline> m_pipeline;
};

std::optional<EngineMode> ReadingEngine::parseMode(const QString &name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("local"))
        return EngineMode::Local;
    if (n == QLatin1String("ai-brain") || n == QLatin1String("aibrain"))
        return EngineMode::AiBrain;
    if (n == QLatin1String("auto"))
        return EngineMode::Auto;
    return std::nullopt;
}

QString ReadingEngine::modeName(EngineMode mode) {
    switch (mode) {
    case EngineMode::Local:
        return QStringLiteral("local");
    case EngineMode::AiBrain:
        return QStringLiteral("ai-brain");
    case EngineMode::Auto:
        return QStringLiteral("auto");
    }
    return {};
}

QStringList ReadingEngine::modeNames() {
    return {QStringLiteral("local"), QStringLiteral("ai-brain"), QStringLiteral("auto")};
}

ReadingEngine::ReadingEngine(QObject *parent)
    : QObject(parent)
    , m_client(new AiBrainClient(this))
    , m_thread(new QThread(this))
    , m_runner(new LocalRunner) {
    qRegisterMetaType<kiosk::aibrain::ReadingResult>();
    now();
    m_thread->setObjectName(QStringLiteral("kiosk-reading"));
    m_runner->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(m_runner, &LocalRunner::done, this, &ReadingEngine::onLocalDone, Qt::QueuedConnection);
    connect(m_client, &AiBrainClient::healthChecked, this, &ReadingEngine::onHealth);
    connect(m_client, &AiBrainClient::analyzed, this, &ReadingEngine::onAnalyzed);
    m_thread->start();
}

ReadingEngine::~ReadingEngine() {
    if (m_job && m_job->cancel)
        m_job->cancel->store(true);
    m_thread->quit();
    m_thread->wait();
}

int ReadingEngine::readFile(const QString &path) {
    cancel();
    Job job;
    job.id = m_nextId++;
    job.path = path;
    job.startedMs = now();
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    m_job = job;
    const int id = job.id;

    if (m_mode == EngineMode::Local) {
        startLocal({});
        return id;
    }
    if (m_mode == EngineMode::AiBrain) {
        startAiBrain();
        return id;
    }
    // auto
    if (!m_client->isConfigured()) {
        startLocal({});
    } else if (m_lastFailureAt >= 0 && now() < m_lastFailureAt + m_retryAfterMs) {
        startLocal(QStringLiteral("AI Brain failed shortly before (%1); read on this tablet")
                       .arg(m_lastFailure));
    } else if (m_healthyUntil > now()) {
        startAiBrain();
    } else {
        emit stageChanged(id, QStringLiteral("Checking AI Brain"));
        m_job->healthRequest = m_client->checkHealth();
    }
    return id;
}

int ReadingEngine::readImage(const QImage &image) {
    auto frame = std::make_shared<QTemporaryFile>(QDir::tempPath() +
                                                  QStringLiteral("/kilo-kiosk-frame-XXXXXX.jpg"));
    if (image.isNull() || !frame->open() || !image.save(frame.get(), "JPEG", 95)) {
        cancel();
        const int id = m_nextId++;
        ReadingResult r;
        r.engine = m_mode == EngineMode::AiBrain ? ReadingResult::AiBrainEngine
                                                 : ReadingResult::LocalEngine;
        r.error = image.isNull()
                      ? QStringLiteral("the camera frame is empty")
                      : QStringLiteral("the camera frame could not be stored for reading: %1")
                            .arg(frame->errorString());
        QMetaObject::invokeMethod(
            this, [this, id, r]() { emit finished(id, r); }, Qt::QueuedConnection);
        return id;
    }
    frame->close();
    const int id = readFile(frame->fileName());
    if (m_job && m_job->id == id)
        m_job->frame = frame;
    return id;
}

void ReadingEngine::startAiBrain() {
    emit stageChanged(m_job->id, QStringLiteral("Sending to AI Brain"));
    m_job->analyzeRequest = m_client->analyzeFile(m_job->path);
}

void ReadingEngine::startLocal(const QString &fallbackReason) {
    m_job->local = true;
    m_job->fallbackReason = fallbackReason;
    emit stageChanged(m_job->id, QStringLiteral("Reading on this tablet"));
    ocr::ThreadHandoff::sent(m_runner);
    QMetaObject::invokeMethod(
        m_runner,
        [runner = m_runner, id = m_job->id, path = m_job->path, flag = m_job->cancel]() {
            ocr::ThreadHandoff::received(runner);
            runner->read(id, path, flag);
        },
        Qt::QueuedConnection);
}

void ReadingEngine::noteFailure(const QString &error) {
    m_healthyUntil = -1;
    m_lastFailure = error;
    m_lastFailureAt = now();
}

void ReadingEngine::onHealth(int requestId, bool healthy, const QString &error) {
    if (!m_job || m_job->healthRequest != requestId)
        return;
    m_job->healthRequest = -1;
    if (healthy) {
        m_healthyUntil = now() + kHealthCacheMs;
        startAiBrain();
        return;
    }
    noteFailure(error);
    startLocal(QStringLiteral("AI Brain is not available (%1); read on this tablet").arg(error));
}

void ReadingEngine::onAnalyzed(int requestId, const ReadingResult &result) {
    if (!m_job || m_job->analyzeRequest != requestId)
        return;
    m_job->analyzeRequest = -1;
    if (result.ok() || result.cancelled || m_mode == EngineMode::AiBrain) {
        finish(result);
        return;
    }
    noteFailure(result.error);
    startLocal(QStringLiteral("AI Brain failed (%1); read on this tablet").arg(result.error));
}

void ReadingEngine::onLocalDone(int jobId, const ReadingResult &result) {
    ocr::ThreadHandoff::received(m_runner);
    if (!m_job || m_job->id != jobId || !m_job->local)
        return;
    ReadingResult r = result;
    r.fallbackReason = m_job->fallbackReason;
    if (!r.ok() && !r.fallbackReason.isEmpty() && !r.cancelled)
        r.error += QStringLiteral(" (after: %1)").arg(r.fallbackReason);
    finish(r);
}

void ReadingEngine::finish(ReadingResult result) {
    const Job job = *m_job;
    m_job.reset();
    result.ms = now() - job.startedMs;
    emit finished(job.id, result);
}

void ReadingEngine::cancel() {
    if (!m_job)
        return;
    // Forget the job first: aborting a reply reports synchronously, and that report must be
    // ignored.
    const Job job = *m_job;
    m_job.reset();
    job.cancel->store(true);
    if (job.healthRequest >= 0 || job.analyzeRequest >= 0)
        m_client->abortAll();
    ReadingResult r;
    r.engine = job.local ? ReadingResult::LocalEngine : ReadingResult::AiBrainEngine;
    r.cancelled = true;
    r.ms = now() - job.startedMs;
    emit finished(job.id, r);
}

ReadingResult ReadingEngine::readFileBlocking(const QString &path) {
    ReadingResult result;
    QEventLoop loop;
    int wanted = -1;
    bool done = false;
    const auto c =
        connect(this, &ReadingEngine::finished, &loop, [&](int id, const ReadingResult &r) {
            if (id != wanted)
                return;
            result = r;
            done = true;
            loop.quit();
        });
    wanted = readFile(path);
    if (!done)
        loop.exec();
    disconnect(c);
    return result;
}

} // namespace kiosk::aibrain

#include "reading_engine.moc"
