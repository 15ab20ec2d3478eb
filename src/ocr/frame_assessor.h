#pragma once

#include "ocr/quality_checker.h"

#include <QImage>
#include <QPointF>

#include <opencv2/core.hpp>

#include <array>

namespace kiosk::ocr {

// What the viewfinder needs from one camera frame: where the label is and whether the frame is
// good enough to read, judged by the same checks the reader applies to a photo.
struct FrameAssessment {
    bool valid = false; // false: the frame could not be used (null, too small)
    QualityReport quality;
    std::array<QPointF, 4> corners{}; // the label's TL, TR, BR, BL as fractions of the frame (0..1)
    QSize frameSize;

    bool labelFound() const { return valid && quality.labelFound; }
    // The largest corner movement against another frame, as a fraction of the frame diagonal.
    double movementFrom(const FrameAssessment &other) const;
};

class FrameAssessor {
public:
    // Frames are judged at most this wide or high: enough for the checks, quick on a tablet.
    static constexpr int kMaxSide = 1280;

    static FrameAssessment assess(const QImage &frame);
    static FrameAssessment assess(const cv::Mat &bgr);
};

} // namespace kiosk::ocr
