#include "ocr/frame_assessor.h"
#include "bottle_label.h"

#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace kiosk::ocr;

// The viewfinder's judge: where the label is in a camera frame, for the outline and auto-capture.
class TestFrameAssessor : public QObject {
    Q_OBJECT
private:
    // A camera frame (no EXIF) of a label wrapped round an amber vial in a hand, 720x1280.
    static cv::Mat bottleFrame(kiosk::synth::ShotGeometry *geometry) {
        using namespace kiosk::synth;
        BottleShot shot;
        shot.width = 720;
        shot.height = 1280;
        shot.exifOrientation = 1;
        shot.samsungTrailer = false;
        shot.curvature = 0.6;
        shot.seed = 3;
        return BottlePhoto::photograph(
            BottlePhoto::renderLabel(kiosk::test::lisinoprilBottleLabel()).image, shot, geometry);
    }
    static bool outlineOn(const FrameAssessment &a, const QPointF &point) {
        const QPointF centre = (a.corners[0] + a.corners[2]) / 2.0;
        return std::abs(centre.x() - point.x()) < 0.15 && std::abs(centre.y() - point.y()) < 0.15;
    }

private slots:
    void flatLabelIsOutlined() {
        const cv::Mat photo = cv::imread(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0014.jpg");
        QVERIFY(!photo.empty());
        const auto a = FrameAssessor::assess(photo);
        QVERIFY(a.valid);
        QVERIFY(a.labelFound());
    }
    void bottleInAHandIsFoundByItsPrint() {
        kiosk::synth::ShotGeometry geometry;
        const cv::Mat frame = bottleFrame(&geometry);
        const auto a = FrameAssessor::assess(frame);
        QVERIFY(a.labelFound());
        QVERIFY(outlineOn(a, QPointF(geometry.labelCentre.x() / frame.cols,
                                     geometry.labelCentre.y() / frame.rows)));
    }
    void blankSheetBesideTheBottleIsNotTheLabel() {
        // A bigger, brighter rectangle with nothing printed on it (a sheet of paper on the table)
        // is the outline search's best quadrilateral; the print says the label is elsewhere.
        kiosk::synth::ShotGeometry geometry;
        cv::Mat frame = bottleFrame(&geometry);
        const std::vector<cv::Point> sheet = {{40, 60}, {690, 90}, {670, 420}, {30, 380}};
        cv::fillConvexPoly(frame, sheet, cv::Scalar(246, 248, 250), cv::LINE_AA);
        const auto a = FrameAssessor::assess(frame);
        QVERIFY(a.labelFound());
        QVERIFY2(outlineOn(a, QPointF(geometry.labelCentre.x() / frame.cols,
                                      geometry.labelCentre.y() / frame.rows)),
                 qPrintable(QStringLiteral("outline centre %1,%2")
                                .arg(((a.corners[0] + a.corners[2]) / 2.0).x())
                                .arg(((a.corners[0] + a.corners[2]) / 2.0).y())));
    }
    void textureIsNoLabel() {
        cv::Mat noise(720, 1280, CV_8UC3);
        cv::randu(noise, 0, 255);
        cv::GaussianBlur(noise, noise, cv::Size(31, 31), 0);
        const auto a = FrameAssessor::assess(noise);
        QVERIFY(a.valid);
        QVERIFY(!a.labelFound());
        QVERIFY(!a.quality.hints().isEmpty());
    }
};

QTEST_MAIN(TestFrameAssessor)
#include "tst_frame_assessor.moc"
