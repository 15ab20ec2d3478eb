// Frames from a video sink are judged on a worker thread, skipped while busy, never queued up.
#include "capture/frame_sampler.h"
#include "frame_source.h"
#include "opencv_under_tsan.h"
#include "thread_round_trip.h"

#include <QSignalSpy>
#include <QVideoSink>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using kiosk::capture::FrameSampler;
using kiosk::ocr::FrameAssessment;

// A sampler attached to a sink, with a spy on its judgements.
struct SamplerRig {
    QVideoSink sink;
    FrameSampler sampler;
    QSignalSpy spy{&sampler, &FrameSampler::frameAssessed};

    explicit SamplerRig(int minIntervalMs = FrameSampler::kDefaultMinIntervalMs) {
        sampler.setMinInterval(minIntervalMs);
        sampler.setVideoSink(&sink);
    }
    // A new frame each time: a sink ignores a frame equal to the one it shows.
    void send(const QImage &image) { sink.setVideoFrame(kiosk::test::videoFrameFrom(image)); }
    // Set once every judgement already handed to the worker has been delivered: for "no more
    // judgements come" checks without a fixed sleep (thread_round_trip.h).
    std::shared_ptr<std::atomic<bool>> workerDrained() {
        return kiosk::test::roundTripThrough(
            sampler.findChild<QThread *>(QStringLiteral("frame-sampler")));
    }
};

class TestFrameSampler : public QObject {
    Q_OBJECT

    static FrameAssessment assessmentOf(const QSignalSpy &spy, int at = 0) {
        return spy.at(at).at(1).value<FrameAssessment>();
    }

private slots:
    void initTestCase() {
        kiosk::test::runOpenCvOnTheCallingThreadUnderTsan();
        QVERIFY2(!kiosk::test::labelFrame().isNull(), "fixture photo missing");
    }

    void aLabelFrameIsJudgedAndKept() {
        SamplerRig rig;
        rig.send(kiosk::test::labelFrame());
        QVERIFY(rig.spy.wait(10000));
        const FrameAssessment a = assessmentOf(rig.spy);
        QVERIFY(a.valid);
        QVERIFY(a.labelFound());
        QVERIFY2(a.quality.acceptable(), qPrintable(a.quality.hints().join(QLatin1String("; "))));
        for (const QPointF &c : a.corners) {
            QVERIFY(c.x() >= 0.0 && c.x() <= 1.0);
            QVERIFY(c.y() >= 0.0 && c.y() <= 1.0);
        }
        QCOMPARE(rig.sampler.lastFrame().width(), 1280);
        QCOMPARE(rig.sampler.sampledFrames(), 1);
    }

    void framesArrivingWhileBusyAreSkipped() {
        SamplerRig rig(0);
        const QImage image = kiosk::test::labelFrame();
        // Thirty frames in one go, as a camera delivers them while the worker is judging one.
        for (int i = 0; i < 30; ++i)
            rig.send(image);
        QCOMPARE(rig.sampler.sampledFrames(), 1);
        QCOMPARE(rig.sampler.skippedFrames(), 29);
        QVERIFY(rig.spy.wait(10000));
        // The 29 skipped frames left no work behind: once the worker is drained, still one.
        const auto drained = rig.workerDrained();
        QTRY_VERIFY_WITH_TIMEOUT(drained->load(), 10000);
        QCOMPARE(rig.spy.count(), 1);
        // Free again: the next frame is judged.
        rig.send(image);
        QVERIFY(rig.spy.wait(10000));
        QCOMPARE(rig.sampler.sampledFrames(), 2);
    }

    void framesSoonerThanTheIntervalAreSkipped() {
        SamplerRig rig(60000);
        rig.send(kiosk::test::labelFrame());
        QVERIFY(rig.spy.wait(10000));
        rig.send(kiosk::test::labelFrame());
        QCOMPARE(rig.sampler.skippedFrames(), 1);
        const auto drained = rig.workerDrained();
        QTRY_VERIFY_WITH_TIMEOUT(drained->load(), 10000);
        QCOMPARE(rig.spy.count(), 1);
        QCOMPARE(rig.sampler.sampledFrames(), 1);
    }

    void pausedOrDetachedMeansNoWork() {
        SamplerRig rig(0);
        rig.sampler.setEnabled(false);
        rig.send(kiosk::test::labelFrame());
        QCOMPARE(rig.sampler.sampledFrames(), 0);
        QCOMPARE(rig.sampler.skippedFrames(), 1);
        const auto pausedDrained = rig.workerDrained();
        QTRY_VERIFY_WITH_TIMEOUT(pausedDrained->load(), 10000);
        QCOMPARE(rig.spy.count(), 0);
        rig.sampler.setEnabled(true);
        rig.sampler.setVideoSink(nullptr);
        rig.send(kiosk::test::labelFrame());
        QCOMPARE(rig.sampler.sampledFrames(), 0);
        QCOMPARE(rig.sampler.skippedFrames(), 1); // not even looked at
        const auto detachedDrained = rig.workerDrained();
        QTRY_VERIFY_WITH_TIMEOUT(detachedDrained->load(), 10000);
        QCOMPARE(rig.spy.count(), 0);
    }

    void aPlainOrDarkFrameIsNotGoodEnough() {
        SamplerRig rig(0);

        QImage plain(1280, 720, QImage::Format_RGB32);
        plain.fill(QColor(90, 90, 90));
        rig.send(plain);
        QVERIFY(rig.spy.wait(10000));
        QVERIFY(assessmentOf(rig.spy, 0).valid);
        QVERIFY(!assessmentOf(rig.spy, 0).labelFound());

        // The label in a dim room: a fifth of the light.
        QImage dark = kiosk::test::labelFrame().convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < dark.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(dark.scanLine(y));
            for (int x = 0; x < dark.width(); ++x)
                line[x] = qRgb(qRed(line[x]) / 5, qGreen(line[x]) / 5, qBlue(line[x]) / 5);
        }
        rig.send(dark);
        QVERIFY(rig.spy.wait(10000));
        const FrameAssessment a = assessmentOf(rig.spy, 1);
        QVERIFY(!a.quality.acceptable());
        QVERIFY(!a.labelFound() || a.quality.tooDark);
    }

    void anInvalidFrameIsIgnored() {
        SamplerRig rig;
        rig.send(kiosk::test::labelFrame());
        QVERIFY(rig.spy.wait(10000));
        // A camera that stops sends an empty frame.
        rig.sink.setVideoFrame(QVideoFrame());
        QCOMPARE(rig.sampler.sampledFrames(), 1);
        QCOMPARE(rig.sampler.skippedFrames(), 1);
        const auto drained = rig.workerDrained();
        QTRY_VERIFY_WITH_TIMEOUT(drained->load(), 10000);
        QCOMPARE(rig.spy.count(), 1);
    }

    // A camera's sink delivers on its own thread, and keeps doing so while the sampler watching it
    // goes away: no delivery may reach a sampler after its destructor (the sanitizers would see
    // it).
    void aSamplerGoesAwayWhileTheCameraThreadDelivers() {
        QVideoSink sink;
        // Two frames in turn: the sink ignores a frame equal to the one it shows.
        const QVideoFrame frames[] = {kiosk::test::videoFrameFrom(kiosk::test::labelFrame()),
                                      kiosk::test::videoFrameFrom(kiosk::test::labelFrame())};
        std::atomic<bool> stop{false};
        std::thread camera([&] {
            // Paced like a fast camera (200 frames a second), not a spin that buries TSan's
            // history.
            for (unsigned i = 0; !stop.load(); ++i) {
                sink.setVideoFrame(frames[i % 2]);
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        for (int round = 0; round < 20; ++round) {
            auto sampler = std::make_unique<FrameSampler>();
            sampler->setMinInterval(0);
            sampler->setVideoSink(&sink);
            QTRY_VERIFY_WITH_TIMEOUT(sampler->sampledFrames() + sampler->skippedFrames() > 0,
                                     10000);
            sampler.reset(); // while the camera thread is delivering
        }
        stop.store(true);
        camera.join();
    }
};

QTEST_MAIN(TestFrameSampler)
#include "tst_frame_sampler.moc"
