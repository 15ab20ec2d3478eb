// When the viewfinder takes the photo by itself: found, good enough, and held still long enough.
#include "capture/auto_capture_judge.h"

#include <QtTest>

using kiosk::capture::AutoCaptureJudge;
using kiosk::ocr::FrameAssessment;

namespace {

FrameAssessment goodFrame(double shift = 0.0) {
    FrameAssessment a;
    a.valid = true;
    a.quality.labelFound = true;
    a.quality.sharpness = 400;
    a.quality.brightness = 180;
    a.quality.glyphHeight = 20;
    a.corners = {QPointF(0.1 + shift, 0.1), QPointF(0.9 + shift, 0.1), QPointF(0.9 + shift, 0.9),
                 QPointF(0.1 + shift, 0.9)};
    a.frameSize = QSize(1280, 720);
    return a;
}

} // namespace

class TestAutoCaptureJudge : public QObject {
    Q_OBJECT

private slots:
    void firesOnceAfterHoldingStill() {
        AutoCaptureJudge judge(1000);
        QVERIFY(!judge.feed(goodFrame(), 0).fire);
        auto v = judge.feed(goodFrame(0.001), 500);
        QVERIFY(!v.fire);
        QCOMPARE(v.hint, QStringLiteral("Hold steady"));
        QVERIFY(qAbs(v.steadiness - 0.5) < 1e-9);
        v = judge.feed(goodFrame(), 1000);
        QVERIFY(v.fire);
        QCOMPARE(v.steadiness, 1.0);
        QVERIFY(judge.fired());
        // Does not fire again until a new scan starts.
        QVERIFY(!judge.feed(goodFrame(), 2500).fire);
        judge.rearm();
        QVERIFY(!judge.feed(goodFrame(), 3000).fire);
        QVERIFY(judge.feed(goodFrame(), 4000).fire);
    }

    void movementRestartsTheHold() {
        AutoCaptureJudge judge(1000);
        judge.feed(goodFrame(), 0);
        judge.feed(goodFrame(), 800);
        // A jump of 10% of the frame: the hold starts over.
        auto v = judge.feed(goodFrame(0.1), 900);
        QVERIFY(!v.fire);
        QCOMPARE(v.steadiness, 0.0);
        QVERIFY(!judge.feed(goodFrame(0.1), 1500).fire);
        QVERIFY(judge.feed(goodFrame(0.1), 1900).fire);
    }

    void problemsBecomeOneShortHint_data() {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("hint");
        QTest::newRow("no label") << "nolabel"
                                  << "Point the camera at the label";
        QTest::newRow("dark") << "dark"
                              << "Too dark: add light";
        QTest::newRow("glare") << "glare"
                               << "Glare: tilt the tablet";
        QTest::newRow("blurred") << "blurry"
                                 << "Hold steady";
        QTest::newRow("small text") << "small"
                                    << "Move closer";
        QTest::newRow("dark beats blurred") << "dark+blurry"
                                            << "Too dark: add light";
    }
    void problemsBecomeOneShortHint() {
        QFETCH(QString, problem);
        QFETCH(QString, hint);
        FrameAssessment a = goodFrame();
        a.quality.labelFound = !problem.contains(QLatin1String("nolabel"));
        a.quality.tooDark = problem.contains(QLatin1String("dark"));
        a.quality.glare = problem.contains(QLatin1String("glare"));
        a.quality.blurry = problem.contains(QLatin1String("blurry"));
        a.quality.textTooSmall = problem.contains(QLatin1String("small"));
        AutoCaptureJudge judge(100);
        for (qint64 t = 0; t <= 1000; t += 100) {
            const auto v = judge.feed(a, t);
            QVERIFY2(!v.fire, "a frame with a problem must never be taken by itself");
            QCOMPARE(v.hint, hint);
            QCOMPARE(v.steadiness, 0.0);
        }
    }

    void anInvalidFrameInBetweenRestartsTheHold() {
        AutoCaptureJudge judge(1000);
        judge.feed(goodFrame(), 0);
        judge.feed(FrameAssessment(), 500);
        QVERIFY(!judge.feed(goodFrame(), 1000).fire);
        QVERIFY(judge.feed(goodFrame(), 2000).fire);
    }
};

QTEST_GUILESS_MAIN(TestAutoCaptureJudge)
#include "tst_auto_capture_judge.moc"
