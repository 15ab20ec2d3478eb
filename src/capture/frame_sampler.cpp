#include "capture/frame_sampler.h"

#include "ocr/thread_handoff.h"

#include <QThread>
#include <QVideoSink>

namespace kiosk::capture {

FrameSampler::FrameSampler(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new QObject) {
    qRegisterMetaType<ocr::FrameAssessment>();
    m_clock.start();
    m_thread->setObjectName(QStringLiteral("frame-sampler"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

FrameSampler::~FrameSampler() {
    detachSink();
    m_thread->quit();
    m_thread->wait();
}

void FrameSampler::setVideoSink(QVideoSink *sink) {
    if (m_sink == sink)
        return;
    detachSink();
    m_sink = sink;
    if (sink) {
        m_gate = std::make_shared<DeliveryGate>();
        m_gate->sampler = this;
        // Direct: the sink may deliver on the camera's thread; onFrame only reads atomics and
        // posts. No context object: the gate, not Qt, decides whether the sampler is still there.
        ocr::ThreadHandoff::sent(m_gate.get());
        m_sinkConnection = connect(
            sink, &QVideoSink::videoFrameChanged, [gate = m_gate](const QVideoFrame &frame) {
                ocr::ThreadHandoff::received(
                    gate.get()); // published to the sink's thread by connect()
                const std::lock_guard<std::mutex> lock(gate->mutex);
                if (gate->sampler)
                    gate->sampler->onFrame(frame);
            });
    }
}

void FrameSampler::detachSink() {
    disconnect(m_sinkConnection);
    if (m_gate) {
        // Waits for a delivery in flight on the camera's thread; later ones find no sampler.
        const std::lock_guard<std::mutex> lock(m_gate->mutex);
        m_gate->sampler = nullptr;
    }
    m_gate.reset();
    m_sink = nullptr;
}

void FrameSampler::onFrame(const QVideoFrame &frame) {
    const qint64 now = m_clock.elapsed();
    if (!frame.isValid() || !m_enabled.load() ||
        now - m_lastSampleMs.load() < m_minIntervalMs.load() || m_busy.exchange(true)) {
        m_skipped.fetch_add(1);
        return;
    }
    m_lastSampleMs.store(now);
    m_sampled.fetch_add(1);
    ocr::ThreadHandoff::sent(m_worker);
    // The worker reads nothing of *this: the sampler may be destroyed right after it finishes.
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, frame] {
            ocr::ThreadHandoff::received(worker);
            // Converting here keeps the YUV-to-RGB work off the thread that delivers frames.
            const QImage image = frame.toImage();
            const ocr::FrameAssessment assessment = ocr::FrameAssessor::assess(image);
            ocr::ThreadHandoff::sent(this);
            QMetaObject::invokeMethod(
                this,
                [this, image, assessment] {
                    ocr::ThreadHandoff::received(this);
                    onJudged(image, assessment);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void FrameSampler::onJudged(const QImage &frame, const ocr::FrameAssessment &assessment) {
    m_busy.store(false);
    if (!m_enabled.load())
        return;
    m_lastFrame = frame;
    emit frameAssessed(frame, assessment);
}

} // namespace kiosk::capture
