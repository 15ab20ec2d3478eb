#include "ocr/quality_checker.h"

#include <QJsonArray>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

QStringList QualityReport::hints() const {
    QStringList out;
    if (!labelFound)
        out.append(QStringLiteral(
            "No label found: fill the frame with the label on a plain, darker surface"));
    if (tooDark)
        out.append(QStringLiteral("Too dark: add light or move to a brighter spot"));
    if (glare)
        out.append(QStringLiteral(
            "Glare on the label: tilt the tablet or the bottle to avoid reflections"));
    if (blurry)
        out.append(QStringLiteral("Blurred: hold the tablet steady and let it focus"));
    if (textTooSmall)
        out.append(QStringLiteral("Text too small: move closer so the label fills the frame"));
    return out;
}

QJsonObject QualityReport::toJson() const {
    const auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
    QJsonObject o;
    o.insert(QStringLiteral("label_found"), labelFound);
    o.insert(QStringLiteral("sharpness"), round2(sharpness));
    o.insert(QStringLiteral("blurry"), blurry);
    o.insert(QStringLiteral("glare"), glare);
    o.insert(QStringLiteral("glare_fraction"), std::round(glareFraction * 1000.0) / 1000.0);
    o.insert(QStringLiteral("too_dark"), tooDark);
    o.insert(QStringLiteral("brightness"), round2(brightness));
    o.insert(QStringLiteral("text_too_small"), textTooSmall);
    o.insert(QStringLiteral("glyph_height"), round2(glyphHeight));
    o.insert(QStringLiteral("ok"), acceptable());
    o.insert(QStringLiteral("hints"), QJsonArray::fromStringList(hints()));
    return o;
}

QualityReport QualityChecker::assess(const cv::Mat &photo, const LabelLocator::Result &label,
                                     const Preprocessor::Result &prepared) {
    QualityReport q;
    q.labelFound = label.found && prepared.glyphCount >= 8;
    if (photo.empty() || label.warped.empty())
        return q;

    // Paper brightness and glare come from the flattened label in colour, before any correction.
    cv::Mat gray;
    cv::cvtColor(label.warped, gray, cv::COLOR_BGR2GRAY);
    // Lighting needs no detail: judge it on a small copy.
    const double shrink = std::min(1.0, 600.0 / std::max(gray.cols, gray.rows));
    if (shrink < 1.0)
        cv::resize(gray, gray, cv::Size(), shrink, shrink, cv::INTER_AREA);
    cv::Mat paper;
    const int k = std::max(15, std::min(gray.cols, gray.rows) / 20) | 1;
    cv::morphologyEx(gray, paper, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    std::vector<uchar> values(paper.begin<uchar>(), paper.end<uchar>());
    if (!values.empty()) {
        std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
        q.brightness = values[values.size() / 2];
    }
    // Glare: paper near saturation and clearly brighter than the label's usual paper; a white scan
    // (usual paper already saturated) shows no glare by this measure, as it should.
    cv::Mat bright = paper >= 250;
    cv::Mat aboveUsual = paper > std::min(255.0, q.brightness + 25.0);
    cv::Mat glare;
    cv::bitwise_and(bright, aboveUsual, glare);
    q.glareFraction =
        double(cv::countNonZero(glare)) / double(std::max<int>(1, int(glare.total())));

    q.glyphHeight = prepared.glyphHeight;
    // Sharpness at the normalised scale, so close-ups and distant shots compare fairly; the mean
    // absolute Laplacian of text edges drops fast with motion or focus blur.
    if (!prepared.gray.empty()) {
        cv::Mat lap;
        cv::Laplacian(prepared.gray, lap, CV_32F, 3);
        cv::Scalar mean, stddev;
        cv::meanStdDev(lap, mean, stddev);
        q.sharpness = stddev[0] * stddev[0];
    }
    q.tooDark = q.brightness < kMinBrightness;
    q.glare = q.glareFraction > kMaxGlare;
    q.textTooSmall = q.labelFound && q.glyphHeight > 0 && q.glyphHeight < kMinGlyphHeight;
    q.blurry = q.labelFound && q.sharpness < kMinSharpness;
    return q;
}

} // namespace kiosk::ocr
