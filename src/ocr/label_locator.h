#pragma once

#include <opencv2/core.hpp>

#include <array>

namespace kiosk::ocr {

// Finds the label or page in a photo (the largest bright, low-colour quadrilateral) and warps it
// flat, so the text reaches Tesseract in straight rows whatever angle the caregiver held the
// tablet.
class LabelLocator {
public:
    struct Result {
        bool found = false;                 // a label-like region stands out from the background
        bool wholeImage = false;            // the label fills the frame (a scan or a close-up)
        std::array<cv::Point2f, 4> corners; // TL, TR, BR, BL in the input image
        double areaFraction = 0.0;          // label area / image area
        cv::Mat warped; // BGR, the label as a flat rectangle (the input when not found)
    };

    // warp false: only find the outline (warped stays the input); warp() flattens it later.
    static Result locate(const cv::Mat &bgr, bool warp = true);
    // Flattens the found outline of bgr into result.warped (nothing to do when not found).
    static void warp(const cv::Mat &bgr, Result *result);

private:
    static std::array<cv::Point2f, 4> quadFromContour(const std::vector<cv::Point> &contour);
    static std::array<cv::Point2f, 4> orderCorners(const std::vector<cv::Point2f> &points);
};

} // namespace kiosk::ocr
