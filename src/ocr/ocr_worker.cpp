#include "ocr/ocr_worker.h"

#include <QMetaObject>
#include <QThread>

#include "ocr/image_loader.h"
#include "ocr/thread_handoff.h"

namespace kiosk::ocr {

// Lives on the worker thread and owns the pipeline (Tesseract is created there, once).
class OcrWorker::Runner : public QObject {
public:
    std::unique_ptr<OcrPipeline> pipeline;

    OcrPipeline::Result run(const QString &path, const QImage &image,
                            const std::atomic<bool> *cancel) {
        if (!pipeline)
            pipeline = std::make_unique<OcrPipeline>();
        if (!path.isEmpty())
            return pipeline->readFile(path, cancel);
        const cv::Mat bgr = ImageLoader::fromImage(image);
        if (bgr.empty()) {
            OcrPipeline::Result r;
            r.error = QStringLiteral("empty camera frame");
            return r;
        }
        return pipeline->readImage(bgr, cancel);
    }
};

OcrWorker::OcrWorker(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_runner(new Runner) {
    m_thread->setObjectName(QStringLiteral("ocr-worker"));
    m_runner->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    m_thread->start();
}

OcrWorker::~OcrWorker() {
    cancel();
    m_thread->quit();
    m_thread->wait();
}

int OcrWorker::readFile(const QString &path) {
    const int id = m_nextId++;
    start(id, path, QImage());
    return id;
}

int OcrWorker::readImage(const QImage &image) {
    const int id = m_nextId++;
    start(id, QString(), image);
    return id;
}

void OcrWorker::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

void OcrWorker::start(int id, const QString &path, const QImage &image) {
    cancel(); // the newest photo wins
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = flag;
    m_busy.store(true);
    ThreadHandoff::sent(m_runner);
    // The worker reads nothing of *this: the OcrWorker may be destroyed right after it finishes.
    QMetaObject::invokeMethod(
        m_runner,
        [this, runner = m_runner, id, path, image, flag] {
            ThreadHandoff::received(runner);
            if (flag->load()) {
                QMetaObject::invokeMethod(
                    this, [this, id] { emit cancelled(id); }, Qt::QueuedConnection);
                return;
            }
            const auto result = runner->run(path, image, flag.get());
            const QJsonObject json = result.toJson(path);
            ThreadHandoff::sent(this);
            QMetaObject::invokeMethod(
                this,
                [this, id, result, json, flag] {
                    ThreadHandoff::received(this);
                    if (flag == m_cancel)
                        m_busy.store(false);
                    if (result.cancelled || flag->load())
                        emit cancelled(id);
                    else if (!result.ok())
                        emit failed(id, result.error);
                    else
                        emit finished(id, json);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace kiosk::ocr
