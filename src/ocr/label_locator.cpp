#include "ocr/label_locator.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

namespace {

double distance(const cv::Point2f &a, const cv::Point2f &b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

std::array<cv::Point2f, 4> LabelLocator::orderCorners(const std::vector<cv::Point2f> &points) {
    // TL has the smallest x+y, BR the largest; TR the largest x-y, BL the smallest.
    std::array<cv::Point2f, 4> out{points[0], points[0], points[0], points[0]};
    float minSum = 1e9f, maxSum = -1e9f, minDiff = 1e9f, maxDiff = -1e9f;
    for (const auto &p : points) {
        const float s = p.x + p.y, d = p.x - p.y;
        if (s < minSum) {
            minSum = s;
            out[0] = p;
        }
        if (s > maxSum) {
            maxSum = s;
            out[2] = p;
        }
        if (d > maxDiff) {
            maxDiff = d;
            out[1] = p;
        }
        if (d < minDiff) {
            minDiff = d;
            out[3] = p;
        }
    }
    return out;
}

std::array<cv::Point2f, 4> LabelLocator::quadFromContour(const std::vector<cv::Point> &contour) {
    std::vector<cv::Point> hull;
    cv::convexHull(contour, hull);
    const double perimeter = cv::arcLength(hull, true);
    // The smallest simplification that leaves four corners follows the label's real edges.
    for (double eps = 0.01; eps <= 0.12; eps += 0.005) {
        std::vector<cv::Point> approx;
        cv::approxPolyDP(hull, approx, eps * perimeter, true);
        if (approx.size() == 4) {
            std::vector<cv::Point2f> pts(approx.begin(), approx.end());
            return orderCorners(pts);
        }
        if (approx.size() < 4)
            break;
    }
    // Rounded or curved outlines: take the extreme points of the hull in the four diagonal
    // directions.
    std::vector<cv::Point2f> pts(hull.begin(), hull.end());
    return orderCorners(pts);
}

LabelLocator::Result LabelLocator::locate(const cv::Mat &bgr, bool warpNow) {
    Result result;
    result.warped = bgr;
    if (bgr.empty())
        return result;

    // Work on a small copy: the outline needs no detail and this keeps the step to a few ms.
    const double scale = std::min(1.0, 640.0 / std::max(bgr.cols, bgr.rows));
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);

    // Paper is bright and colourless; backgrounds are darker or coloured: score = value -
    // saturation.
    cv::Mat hsv;
    cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
    std::vector<cv::Mat> ch;
    cv::split(hsv, ch);
    cv::Mat paper;
    cv::subtract(ch[2], ch[1], paper);
    cv::GaussianBlur(paper, paper, cv::Size(7, 7), 0);

    // Candidate outlines: the paper mask at several thresholds (shading moves the right one) and
    // the closed outlines of the edge map; the winner is the quad whose four sides sit on real
    // edges.
    cv::Mat otsuMask;
    const double otsu = cv::threshold(paper, otsuMask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(9, 9));
    const double imageArea = double(small.cols) * small.rows;

    // Distance from the background's colour (taken from the frame border) separates paper from
    // surface even where shading makes the paper as dark as the surface.
    cv::Mat lab;
    cv::cvtColor(small, lab, cv::COLOR_BGR2Lab);
    cv::GaussianBlur(lab, lab, cv::Size(9, 9), 0);
    const int border = std::max(4, std::min(small.cols, small.rows) / 30);
    cv::Mat borderMask = cv::Mat::zeros(small.size(), CV_8UC1);
    cv::rectangle(borderMask, cv::Rect(0, 0, small.cols, small.rows), cv::Scalar(255), border * 2);
    std::vector<cv::Mat> labChannels;
    cv::split(lab, labChannels);
    cv::Mat colourDistance = cv::Mat::zeros(small.size(), CV_32F);
    for (int k = 0; k < 3; ++k) {
        std::vector<uchar> values;
        for (int y = 0; y < small.rows; ++y)
            for (int x = 0; x < small.cols; ++x)
                if (borderMask.at<uchar>(y, x))
                    values.push_back(labChannels[size_t(k)].at<uchar>(y, x));
        std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
        cv::Mat diff;
        labChannels[size_t(k)].convertTo(diff, CV_32F, 1.0, -double(values[values.size() / 2]));
        // Colour differences count double: shading changes lightness, not hue.
        colourDistance += diff.mul(diff) * (k == 0 ? 1.0 : 4.0);
    }
    cv::sqrt(colourDistance, colourDistance);
    cv::Mat distance8;
    cv::normalize(colourDistance, distance8, 0, 255, cv::NORM_MINMAX, CV_8U);

    cv::Mat gray, gx, gy, magnitude;
    cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
    cv::GaussianBlur(gray, gray, cv::Size(5, 5), 0);
    cv::Sobel(distance8, gx, CV_32F, 1, 0);
    cv::Sobel(distance8, gy, CV_32F, 0, 1);
    cv::magnitude(gx, gy, magnitude);

    std::vector<std::vector<cv::Point>> candidates;
    for (const double offset : {0.0, -15.0, -30.0, 15.0}) {
        cv::Mat mask;
        cv::threshold(paper, mask, std::max(1.0, otsu + offset), 255, cv::THRESH_BINARY);
        cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel);
        cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        const auto largest =
            std::max_element(contours.begin(), contours.end(), [](const auto &x, const auto &y) {
                return cv::contourArea(x) < cv::contourArea(y);
            });
        if (largest != contours.end())
            candidates.push_back(*largest);
    }
    {
        cv::Mat mask;
        cv::threshold(distance8, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel);
        cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        const auto largest =
            std::max_element(contours.begin(), contours.end(), [](const auto &x, const auto &y) {
                return cv::contourArea(x) < cv::contourArea(y);
            });
        if (largest != contours.end())
            candidates.push_back(*largest);
    }
    {
        cv::Mat edges;
        cv::Canny(gray, edges, 30, 90);
        cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
        std::vector<std::vector<cv::Point>> edgeContours;
        cv::findContours(edges, edgeContours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        for (auto &c : edgeContours) {
            if (cv::contourArea(c) > 0.04 * imageArea ||
                cv::boundingRect(c).area() > 0.1 * imageArea)
                candidates.push_back(c);
        }
    }

    // Edge support of a side: the gradient across it, signed, so that a real paper edge (one
    // consistent step) scores and a row of text (strokes both ways) cancels out.
    const auto sideSupport = [&](cv::Point2f p, cv::Point2f q) {
        const cv::Point2f d = q - p;
        const float length = std::hypot(d.x, d.y);
        if (length < 1.0f)
            return 0.0;
        const cv::Point2f normal(-d.y / length, d.x / length);
        double sum = 0.0;
        const int samples = 40;
        for (int i = 1; i < samples; ++i) {
            const cv::Point2f at = p + d * (float(i) / samples);
            float best = 0.0f;
            for (int k = -3; k <= 3; ++k) {
                const cv::Point c(cvRound(at.x + normal.x * k), cvRound(at.y + normal.y * k));
                if (c.x >= 1 && c.y >= 1 && c.x < gx.cols - 1 && c.y < gx.rows - 1) {
                    const float projection =
                        gx.at<float>(c) * normal.x + gy.at<float>(c) * normal.y;
                    if (std::abs(projection) > std::abs(best))
                        best = projection;
                }
            }
            sum += std::clamp(best, -200.0f, 200.0f);
        }
        return std::abs(sum) / (samples - 1);
    };

    double bestScore = 0.0, bestArea = 0.0;
    std::array<cv::Point2f, 4> bestQuad;
    std::vector<cv::Point> bestContour;
    for (const auto &c : candidates) {
        const auto quad = quadFromContour(c);
        std::vector<cv::Point2f> poly(quad.begin(), quad.end());
        const double area = cv::contourArea(poly);
        if (area < 0.04 * imageArea || area > 0.97 * imageArea)
            continue;
        double weakest = 1e9;
        for (int k = 0; k < 4; ++k)
            weakest = std::min(weakest, sideSupport(quad[size_t(k)], quad[size_t((k + 1) % 4)]));
        // Edges touching the frame border have no gradient; do not punish a label cut by the frame.
        const double score = weakest * (1.0 + 0.3 * area / imageArea);
        if (score > bestScore) {
            bestScore = score;
            bestArea = area;
            bestQuad = quad;
            bestContour = c;
        }
    }
    const auto fullFrame = [&] {
        const float w = float(bgr.cols - 1), h = float(bgr.rows - 1);
        result.corners = {cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h),
                          cv::Point2f(0, h)};
    };
    // Paper coverage of the frame, to recognise scans and close-ups that show no edges.
    const double paperShare = double(cv::countNonZero(otsuMask)) / imageArea;
    if (bestScore < 12.0) {
        fullFrame();
        if (paperShare > 0.85) {
            result.found = cv::mean(paper)[0] > 120;
            result.wholeImage = true;
            result.areaFraction = paperShare;
        }
        return result;
    }
    result.areaFraction = bestArea / imageArea;
    auto quad = bestQuad;
    for (auto &p : quad)
        p *= float(1.0 / scale);
    result.corners = quad;
    result.found = true;

    const double width = std::max(distance(quad[0], quad[1]), distance(quad[3], quad[2]));
    const double height = std::max(distance(quad[0], quad[3]), distance(quad[1], quad[2]));
    if (width < 32 || height < 32) {
        result.found = false;
        fullFrame();
        return result;
    }
    if (warpNow)
        warp(bgr, &result);
    return result;
}

void LabelLocator::warp(const cv::Mat &bgr, Result *result) {
    if (!result->found || result->wholeImage)
        return;
    const auto &quad = result->corners;
    const double width = std::max(distance(quad[0], quad[1]), distance(quad[3], quad[2]));
    const double height = std::max(distance(quad[0], quad[3]), distance(quad[1], quad[2]));
    const std::array<cv::Point2f, 4> target = {cv::Point2f(0, 0), cv::Point2f(float(width), 0),
                                               cv::Point2f(float(width), float(height)),
                                               cv::Point2f(0, float(height))};
    const cv::Mat transform = cv::getPerspectiveTransform(quad.data(), target.data());
    cv::warpPerspective(bgr, result->warped, transform, cv::Size(int(width), int(height)),
                        cv::INTER_LINEAR, cv::BORDER_REPLICATE);
}

} // namespace kiosk::ocr
