// Frames from a video sink are judged on a worker thread, skipped while busy, never queued up.
#include "capture/frame_sampler.h"
#include "frame_source.h"

#include <QSignalSpy>
#include <QVideoSink>
#include <QtTest>

using kiosk::capture::FrameSampler;
using kiosk::ocr::FrameAssessment;

class TestFrameSampler : public QObject {
    Q_OBJECT

    static FrameAssessment assessmentOf(const QSignalSpy &spy, int at = 0)
    {
        return spy.at(at).at(1).value<FrameAssessment>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!kiosk::test::labelFrame().isNull(), "fixture photo missing");
    }

    void aLabelFrameIsJudgedAndKept()
    {
        QVideoSink sink;
        FrameSampler sampler;
        sampler.setVideoSink(&sink);
        QSignalSpy spy(&sampler, &FrameSampler::frameAssessed);
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QVERIFY(spy.wait(10000));
        const FrameAssessment a = assessmentOf(spy);
        QVERIFY(a.valid);
        QVERIFY(a.labelFound());
        QVERIFY2(a.quality.acceptable(), qPrintable(a.quality.hints().join(QLatin1String("; "))));
        for (const QPointF &c : a.corners) {
            QVERIFY(c.x() >= 0.0 && c.x() <= 1.0);
            QVERIFY(c.y() >= 0.0 && c.y() <= 1.0);
        }
        QCOMPARE(sampler.lastFrame().width(), 1280);
        QCOMPARE(sampler.sampledFrames(), 1);
    }

    void framesArrivingWhileBusyAreSkipped()
    {
        QVideoSink sink;
        FrameSampler sampler;
        sampler.setMinInterval(0);
        sampler.setVideoSink(&sink);
        QSignalSpy spy(&sampler, &FrameSampler::frameAssessed);
        const QImage image = kiosk::test::labelFrame();
        // Thirty frames in one go, as a camera delivers them while the worker is judging one.
        // (A sink ignores a frame equal to the one it shows, so each is a new frame.)
        for (int i = 0; i < 30; ++i)
            sink.setVideoFrame(kiosk::test::videoFrameFrom(image));
        QCOMPARE(sampler.sampledFrames(), 1);
        QCOMPARE(sampler.skippedFrames(), 29);
        QVERIFY(spy.wait(10000));
        QTest::qWait(200);
        QCOMPARE(spy.count(), 1);
        // Free again: the next frame is judged.
        sink.setVideoFrame(kiosk::test::videoFrameFrom(image));
        QVERIFY(spy.wait(10000));
        QCOMPARE(sampler.sampledFrames(), 2);
    }

    void framesSoonerThanTheIntervalAreSkipped()
    {
        QVideoSink sink;
        FrameSampler sampler;
        sampler.setMinInterval(60000);
        sampler.setVideoSink(&sink);
        QSignalSpy spy(&sampler, &FrameSampler::frameAssessed);
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QVERIFY(spy.wait(10000));
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QVERIFY(!spy.wait(500));
        QCOMPARE(sampler.skippedFrames(), 1);
    }

    void pausedOrDetachedMeansNoWork()
    {
        QVideoSink sink;
        FrameSampler sampler;
        sampler.setMinInterval(0);
        sampler.setVideoSink(&sink);
        QSignalSpy spy(&sampler, &FrameSampler::frameAssessed);
        sampler.setEnabled(false);
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QVERIFY(!spy.wait(500));
        QCOMPARE(sampler.sampledFrames(), 0);
        sampler.setEnabled(true);
        sampler.setVideoSink(nullptr);
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QVERIFY(!spy.wait(500));
        QCOMPARE(sampler.sampledFrames(), 0);
    }

    void aPlainOrDarkFrameIsNotGoodEnough()
    {
        QVideoSink sink;
        FrameSampler sampler;
        sampler.setMinInterval(0);
        sampler.setVideoSink(&sink);
        QSignalSpy spy(&sampler, &FrameSampler::frameAssessed);

        QImage plain(1280, 720, QImage::Format_RGB32);
        plain.fill(QColor(90, 90, 90));
        sink.setVideoFrame(kiosk::test::videoFrameFrom(plain));
        QVERIFY(spy.wait(10000));
        QVERIFY(assessmentOf(spy, 0).valid);
        QVERIFY(!assessmentOf(spy, 0).labelFound());

        // The label in a dim room: a fifth of the light.
        QImage dark = kiosk::test::labelFrame().convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < dark.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(dark.scanLine(y));
            for (int x = 0; x < dark.width(); ++x)
                line[x] = qRgb(qRed(line[x]) / 5, qGreen(line[x]) / 5, qBlue(line[x]) / 5);
        }
        sink.setVideoFrame(kiosk::test::videoFrameFrom(dark));
        QVERIFY(spy.wait(10000));
        const FrameAssessment a = assessmentOf(spy, 1);
        QVERIFY(!a.quality.acceptable());
        QVERIFY(!a.labelFound() || a.quality.tooDark);
    }

    void anInvalidFrameIsIgnored()
    {
        QVideoSink sink;
        FrameSampler sampler;
        sampler.setVideoSink(&sink);
        QSignalSpy spy(&sampler, &FrameSampler::frameAssessed);
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QVERIFY(spy.wait(10000));
        // A camera that stops sends an empty frame.
        sink.setVideoFrame(QVideoFrame());
        QVERIFY(!spy.wait(300));
        QCOMPARE(sampler.sampledFrames(), 1);
        QCOMPARE(sampler.skippedFrames(), 1);
    }
};

QTEST_MAIN(TestFrameSampler)
#include "tst_frame_sampler.moc"
