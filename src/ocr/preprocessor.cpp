#include "ocr/preprocessor.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace kiosk::ocr {

cv::Mat Preprocessor::evenLighting(const cv::Mat &gray, int kernelSize, cv::Mat *background) {
    // Closing removes the dark strokes and keeps the paper: that is the light falling on the label.
    cv::Mat bg;
    const int k = std::max(3, kernelSize | 1);
    cv::morphologyEx(gray, bg, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::blur(bg, bg, cv::Size(k, k));
    cv::Mat even;
    cv::divide(gray, bg, even, 255.0, CV_8U);
    if (background)
        *background = bg;
    return even;
}

double Preprocessor::estimateGlyphHeight(const cv::Mat &evenGray, int *count, cv::Rect *textArea) {
    cv::Mat ink;
    cv::threshold(evenGray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<int> heights;
    std::vector<cv::Rect> boxes;
    const int maxHeight = std::max(8, evenGray.rows / 6);
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
        const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        // Glyph-like: not a speck, not a rule line or a border, reasonably filled.
        if (h < 5 || h > maxHeight || w > 3 * h || w < 2 || area < 12)
            continue;
        if (area > 0.9 * w * h)
            continue;
        heights.push_back(h);
        boxes.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w,
                           h);
    }
    if (count)
        *count = int(heights.size());
    if (heights.size() < 8)
        return 0.0;
    std::vector<int> sorted = heights;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const int median = sorted[sorted.size() / 2];
    if (textArea) {
        // Text is where glyphs of about the median size are; specks and rules do not count.
        cv::Rect area;
        for (size_t i = 0; i < boxes.size(); ++i) {
            if (heights[i] * 2 < median || heights[i] > median * 3)
                continue;
            area = area.empty() ? boxes[i] : (area | boxes[i]);
        }
        *textArea = area;
    }
    return median;
}

Preprocessor::Result Preprocessor::run(const cv::Mat &bgr, const Options &options) {
    Result result;
    if (bgr.empty())
        return result;
    cv::Mat gray;
    if (bgr.channels() == 3)
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    else
        gray = bgr;

    // First pass at the photo's scale to learn the glyph size; the kernel must exceed a stroke.
    const int firstKernel = std::max(15, std::min(gray.cols, gray.rows) / 25);
    cv::Mat even = evenLighting(gray, firstKernel, nullptr);
    result.glyphHeight = estimateGlyphHeight(even, &result.glyphCount, &result.textArea);
    // Reading blank paper costs Tesseract time for nothing: keep the text and a margin of two
    // glyphs.
    if (result.glyphHeight > 0 && !result.textArea.empty()) {
        const int margin = int(result.glyphHeight * 2);
        const cv::Rect keep =
            cv::Rect(result.textArea.x - margin, result.textArea.y - margin,
                     result.textArea.width + 2 * margin, result.textArea.height + 2 * margin) &
            cv::Rect(0, 0, gray.cols, gray.rows);
        gray = gray(keep);
    }

    double scale = 1.0;
    if (result.glyphHeight > 0)
        scale = options.targetGlyphHeight / result.glyphHeight;
    scale = std::clamp(scale, 0.25, 4.0);
    // Keep the working image bounded whatever the estimate says.
    const double maxSide = 4000.0;
    scale = std::min(scale, maxSide / std::max(gray.cols, gray.rows));
    result.scale = scale;

    cv::Mat scaled;
    if (std::abs(scale - 1.0) > 0.05)
        cv::resize(gray, scaled, cv::Size(), scale, scale,
                   scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    else
        scaled = gray;

    const int kernel = result.glyphHeight > 0 ? int(options.targetGlyphHeight * 2.5) : firstKernel;
    result.gray = evenLighting(scaled, kernel, &result.background);
    if (options.binarise)
        cv::threshold(result.gray, result.gray, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    return result;
}

} // namespace kiosk::ocr
