#pragma once

#include "ocr/frame_assessor.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QVideoFrame>

#include <atomic>
#include <memory>
#include <mutex>

class QThread;
#include <QVideoSink>

namespace kiosk::capture {

// Takes frames from a video sink (the viewfinder's) and judges them on a worker thread, so the
// live picture never waits for OpenCV. Frames arriving while one is being judged, or sooner than
// minInterval after the last one, are skipped: the camera runs at its own pace.
class FrameSampler : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultMinIntervalMs = 150;

    explicit FrameSampler(QObject *parent = nullptr);
    ~FrameSampler() override;

    void setVideoSink(QVideoSink *sink);
    QVideoSink *videoSink() const { return m_sink; }
    void setMinInterval(int ms) { m_minIntervalMs.store(ms); }
    // Paused while a photo is being read or reviewed.
    void setEnabled(bool enabled) { m_enabled.store(enabled); }
    bool isEnabled() const { return m_enabled.load(); }

    int sampledFrames() const { return m_sampled.load(); }
    int skippedFrames() const { return m_skipped.load(); }
    // The last judged frame at full size: what the shutter button reads.
    QImage lastFrame() const { return m_lastFrame; }

signals:
    void frameAssessed(const QImage &frame, const kiosk::ocr::FrameAssessment &assessment);

private:
    // Between a sink's delivering thread and the sampler: a delivery runs under the lock and finds
    // no sampler once detachSink() has returned (Qt may still call a slot it fetched before
    // disconnect).
    struct DeliveryGate {
        std::mutex mutex;
        FrameSampler *sampler = nullptr;
    };

    void detachSink();
    void onFrame(const QVideoFrame &frame); // called on whichever thread the sink delivers on
    void onJudged(const QImage &frame, const ocr::FrameAssessment &assessment);

    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_sinkConnection;
    std::shared_ptr<DeliveryGate> m_gate;
    QThread *m_thread;
    QObject *m_worker;
    QElapsedTimer m_clock;
    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_enabled{true};
    std::atomic<int> m_minIntervalMs{kDefaultMinIntervalMs};
    std::atomic<qint64> m_lastSampleMs{-1000000};
    std::atomic<int> m_sampled{0};
    std::atomic<int> m_skipped{0};
    QImage m_lastFrame;
};

} // namespace kiosk::capture

Q_DECLARE_METATYPE(kiosk::ocr::FrameAssessment)
