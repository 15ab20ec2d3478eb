#include "ocr/frame_assessor.h"

#include "ocr/image_loader.h"
#include "ocr/label_locator.h"
#include "ocr/preprocessor.h"
#include "ocr/text_line_finder.h"

#include <opencv2/imgproc.hpp>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

double FrameAssessment::movementFrom(const FrameAssessment &other) const {
    double largest = 0.0;
    for (size_t i = 0; i < corners.size(); ++i) {
        const QPointF d = corners[i] - other.corners[i];
        largest = std::max(largest, std::hypot(d.x(), d.y()));
    }
    // Corners are fractions of each side, so the unit square's diagonal is sqrt(2).
    return largest / std::sqrt(2.0);
}

FrameAssessment FrameAssessor::assess(const QImage &frame) {
    if (frame.isNull())
        return {};
    return assess(ImageLoader::fromImage(frame));
}

FrameAssessment FrameAssessor::assess(const cv::Mat &bgr) {
    FrameAssessment a;
    if (bgr.empty() || bgr.type() != CV_8UC3 ||
        std::min(bgr.cols, bgr.rows) < ImageLoader::kMinSide)
        return a;
    a.frameSize = QSize(bgr.cols, bgr.rows);
    cv::Mat working = bgr;
    const double scale = std::min(1.0, double(kMaxSide) / std::max(bgr.cols, bgr.rows));
    if (scale < 1.0)
        cv::resize(bgr, working, cv::Size(), scale, scale, cv::INTER_AREA);

    auto label = LabelLocator::locate(working);
    // The outline is trusted only with print inside it, as the reader does (OcrPipeline): on a
    // real scene the brightest quadrilateral is often a sheet of paper, a keyboard or a cap,
    // and a bottle in a hand has no clean outline at all. Then the block of print is the label.
    cv::Mat gray;
    cv::cvtColor(working, gray, cv::COLOR_BGR2GRAY);
    const auto block = TextLineFinder::textBlock(TextLineFinder::find(gray), gray.size());
    if (!block.area.empty() && block.glyphs >= 20) {
        const cv::Rect &r = block.area;
        const cv::Point2f centre(float(r.x + r.width / 2.0), float(r.y + r.height / 2.0));
        const std::vector<cv::Point2f> outline(label.corners.begin(), label.corners.end());
        const bool printInside =
            label.found && (label.wholeImage || cv::pointPolygonTest(outline, centre, false) >= 0);
        if (!printInside) {
            label.found = true;
            label.wholeImage = false;
            label.corners = {cv::Point2f(float(r.x), float(r.y)),
                             cv::Point2f(float(r.br().x), float(r.y)),
                             cv::Point2f(float(r.br().x), float(r.br().y)),
                             cv::Point2f(float(r.x), float(r.br().y))};
            label.areaFraction = double(r.area()) / (double(working.cols) * working.rows);
            label.warped = working(r).clone();
        }
    }
    const auto prepared = Preprocessor::run(label.warped);
    a.quality = QualityChecker::assess(working, label, prepared);
    // Glyph height was measured on the reduced frame; the captured frame is read at full size.
    a.quality.glyphHeight /= scale;
    a.quality.textTooSmall = a.quality.labelFound && a.quality.glyphHeight > 0 &&
                             a.quality.glyphHeight < QualityChecker::kMinGlyphHeight;
    a.valid = true;
    if (label.found) {
        for (size_t i = 0; i < label.corners.size(); ++i)
            a.corners[i] =
                QPointF(label.corners[i].x / working.cols, label.corners[i].y / working.rows);
    } else {
        a.corners = {QPointF(0, 0), QPointF(1, 0), QPointF(1, 1), QPointF(0, 1)};
    }
    return a;
}

} // namespace kiosk::ocr
