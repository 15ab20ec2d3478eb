#include "ocr/frame_assessor.h"

#include "ocr/image_loader.h"
#include "ocr/label_locator.h"
#include "ocr/preprocessor.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

double FrameAssessment::movementFrom(const FrameAssessment &other) const
{
    double largest = 0.0;
    for (size_t i = 0; i < corners.size(); ++i) {
        const QPointF d = corners[i] - other.corners[i];
        largest = std::max(largest, std::hypot(d.x(), d.y()));
    }
    // Corners are fractions of each side, so the unit square's diagonal is sqrt(2).
    return largest / std::sqrt(2.0);
}

FrameAssessment FrameAssessor::assess(const QImage &frame)
{
    if (frame.isNull())
        return {};
    return assess(ImageLoader::fromImage(frame));
}

FrameAssessment FrameAssessor::assess(const cv::Mat &bgr)
{
    FrameAssessment a;
    if (bgr.empty() || bgr.type() != CV_8UC3 || std::min(bgr.cols, bgr.rows) < ImageLoader::kMinSide)
        return a;
    a.frameSize = QSize(bgr.cols, bgr.rows);
    cv::Mat working = bgr;
    const double scale = std::min(1.0, double(kMaxSide) / std::max(bgr.cols, bgr.rows));
    if (scale < 1.0)
        cv::resize(bgr, working, cv::Size(), scale, scale, cv::INTER_AREA);

    const auto label = LabelLocator::locate(working);
    const auto prepared = Preprocessor::run(label.warped);
    a.quality = QualityChecker::assess(working, label, prepared);
    // Glyph height was measured on the reduced frame; the captured frame is read at full size.
    a.quality.glyphHeight /= scale;
    a.quality.textTooSmall = a.quality.labelFound && a.quality.glyphHeight > 0
        && a.quality.glyphHeight < QualityChecker::kMinGlyphHeight;
    a.valid = true;
    if (label.found) {
        for (size_t i = 0; i < label.corners.size(); ++i)
            a.corners[i] = QPointF(label.corners[i].x / working.cols, label.corners[i].y / working.rows);
    } else {
        a.corners = {QPointF(0, 0), QPointF(1, 0), QPointF(1, 1), QPointF(0, 1)};
    }
    return a;
}

} // namespace kiosk::ocr
