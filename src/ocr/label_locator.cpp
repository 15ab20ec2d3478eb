#include "ocr/label_locator.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

namespace {

double distance(const cv::Point2f &a, const cv::Point2f &b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

std::array<cv::Point2f, 4> LabelLocator::orderCorners(const std::vector<cv::Point2f> &points)
{
    // TL has the smallest x+y, BR the largest; TR the largest x-y, BL the smallest.
    std::array<cv::Point2f, 4> out{points[0], points[0], points[0], points[0]};
    float minSum = 1e9f, maxSum = -1e9f, minDiff = 1e9f, maxDiff = -1e9f;
    for (const auto &p : points) {
        const float s = p.x + p.y, d = p.x - p.y;
        if (s < minSum) { minSum = s; out[0] = p; }
        if (s > maxSum) { maxSum = s; out[2] = p; }
        if (d > maxDiff) { maxDiff = d; out[1] = p; }
        if (d < minDiff) { minDiff = d; out[3] = p; }
    }
    return out;
}

std::array<cv::Point2f, 4> LabelLocator::quadFromContour(const std::vector<cv::Point> &contour)
{
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
    // Rounded or curved outlines: take the extreme points of the hull in the four diagonal directions.
    std::vector<cv::Point2f> pts(hull.begin(), hull.end());
    return orderCorners(pts);
}

LabelLocator::Result LabelLocator::locate(const cv::Mat &bgr)
{
    Result result;
    result.warped = bgr;
    if (bgr.empty())
        return result;

    // Work on a small copy: the outline needs no detail and this keeps the step to a few ms.
    const double scale = std::min(1.0, 640.0 / std::max(bgr.cols, bgr.rows));
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);

    // Paper is bright and colourless; backgrounds are darker or coloured: score = value - saturation.
    cv::Mat hsv;
    cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
    std::vector<cv::Mat> ch;
    cv::split(hsv, ch);
    cv::Mat paper;
    cv::subtract(ch[2], ch[1], paper);
    cv::GaussianBlur(paper, paper, cv::Size(7, 7), 0);

    cv::Mat mask;
    cv::threshold(paper, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(9, 9));
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel);
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel);

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double imageArea = double(small.cols) * small.rows;
    int best = -1;
    double bestArea = 0;
    for (int i = 0; i < int(contours.size()); ++i) {
        const double a = cv::contourArea(contours[i]);
        if (a > bestArea) {
            bestArea = a;
            best = i;
        }
    }
    // Shading can darken part of the paper below the global threshold; the paper's edge still shows
    // as a gradient, so the outline of the edge map is the second candidate, kept when it is larger.
    {
        cv::Mat gray, edges;
        cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
        cv::GaussianBlur(gray, gray, cv::Size(5, 5), 0);
        cv::Canny(gray, edges, 30, 90);
        cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
        std::vector<std::vector<cv::Point>> edgeContours;
        cv::findContours(edges, edgeContours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        for (auto &c : edgeContours) {
            std::vector<cv::Point> hull;
            cv::convexHull(c, hull);
            const double a = cv::contourArea(hull);
            if (a > bestArea * 1.05 && a < 0.9 * imageArea) {
                cv::Mat candidate = cv::Mat::zeros(mask.size(), CV_8UC1);
                cv::fillConvexPoly(candidate, hull, cv::Scalar(255));
                // Most of the candidate must be paper-like, or it is background clutter.
                const double paperShare = cv::mean(mask, candidate)[0] / 255.0;
                if (paperShare > 0.6) {
                    contours.push_back(hull);
                    best = int(contours.size()) - 1;
                    bestArea = a;
                }
            }
        }
    }
    const auto fullFrame = [&] {
        const float w = float(bgr.cols - 1), h = float(bgr.rows - 1);
        result.corners = {cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h), cv::Point2f(0, h)};
    };
    if (best < 0 || bestArea < 0.04 * imageArea) {
        fullFrame();
        return result; // nothing label-like: found stays false
    }
    result.areaFraction = bestArea / imageArea;

    // Contrast between paper and surroundings: a frame that is all paper has none.
    cv::Mat inside = cv::Mat::zeros(mask.size(), CV_8UC1);
    cv::drawContours(inside, contours, best, cv::Scalar(255), cv::FILLED);
    const double paperIn = cv::mean(paper, inside)[0];
    const double paperOut = bestArea < 0.97 * imageArea ? cv::mean(paper, ~inside)[0] : 0.0;

    if (result.areaFraction > 0.85) {
        // The label fills the frame (a scan): warping would only cut text at the edges.
        result.found = paperIn > 120;
        result.wholeImage = true;
        fullFrame();
        return result;
    }
    if (paperIn - paperOut < 25) {
        fullFrame();
        return result;
    }

    auto quad = quadFromContour(contours[best]);
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
    const std::array<cv::Point2f, 4> target = {cv::Point2f(0, 0), cv::Point2f(float(width), 0),
                                              cv::Point2f(float(width), float(height)),
                                              cv::Point2f(0, float(height))};
    const cv::Mat transform = cv::getPerspectiveTransform(quad.data(), target.data());
    cv::warpPerspective(bgr, result.warped, transform, cv::Size(int(width), int(height)), cv::INTER_LINEAR,
                        cv::BORDER_REPLICATE);
    return result;
}

} // namespace kiosk::ocr
