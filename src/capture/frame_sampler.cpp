#include "capture/frame_sampler.h"

#include <QThread>
#include <QVideoSink>

namespace kiosk::capture {

FrameSampler::FrameSampler(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new QObject)
{
    qRegisterMetaType<ocr::FrameAssessment>();
    m_clock.start();
    m_thread->setObjectName(QStringLiteral("frame-sampler"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

FrameSampler::~FrameSampler()
{
    setVideoSink(nullptr);
    m_thread->quit();
    m_thread->wait();
}

void FrameSampler::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    disconnect(m_sinkConnection);
    m_sink = sink;
    if (sink) {
        // Direct: the sink may deliver on the camera's thread; onFrame only reads atomics and posts.
        m_sinkConnection = connect(sink, &QVideoSink::videoFrameChanged, this, &FrameSampler::onFrame,
                                   Qt::DirectConnection);
    }
}

void FrameSampler::onFrame(const QVideoFrame &frame)
{
    const qint64 now = m_clock.elapsed();
    if (!frame.isValid() || !m_enabled.load() || now - m_lastSampleMs.load() < m_minIntervalMs.load()
        || m_busy.exchange(true)) {
        m_skipped.fetch_add(1);
        return;
    }
    m_lastSampleMs.store(now);
    m_sampled.fetch_add(1);
    QMetaObject::invokeMethod(m_worker, [this, frame] {
        // Converting here keeps the YUV-to-RGB work off the thread that delivers frames.
        const QImage image = frame.toImage();
        const ocr::FrameAssessment assessment = ocr::FrameAssessor::assess(image);
        QMetaObject::invokeMethod(this, [this, image, assessment] { onJudged(image, assessment); },
                                  Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void FrameSampler::onJudged(const QImage &frame, const ocr::FrameAssessment &assessment)
{
    m_busy.store(false);
    if (!m_enabled.load())
        return;
    m_lastFrame = frame;
    emit frameAssessed(frame, assessment);
}

} // namespace kiosk::capture
