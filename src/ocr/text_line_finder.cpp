#include "ocr/text_line_finder.h"

#include "ocr/preprocessor.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kiosk::ocr {

namespace {

struct Blob {
    cv::Rect box;
    int area = 0;        // ink pixels
    double ground = 0.0; // brightness around the ink in its box
    double cx() const { return box.x + box.width / 2.0; }
    double cy() const { return box.y + box.height / 2.0; }
};

double median(std::vector<double> v) {
    if (v.empty())
        return 0.0;
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

int oddAtLeast(double v, int minimum) {
    const int n = std::max(minimum, int(std::lround(v)));
    return n | 1;
}

// Least-squares y = a·x² + b·x + c (a = 0 when the line is too short to show a bend), twice:
// the second fit leaves out blobs far from the first (punctuation, a descender, a speck).
void fitCentre(const std::vector<Blob> &blobs, double glyph, TextLine *line) {
    std::vector<char> use(blobs.size(), 1);
    const double span = line->right - line->left;
    const bool curved = blobs.size() >= 6 && span > 8.0 * glyph;
    const double x0 = (line->left + line->right) / 2.0;
    for (int pass = 0; pass < 2; ++pass) {
        const int terms = curved ? 3 : 2;
        cv::Mat A = cv::Mat::zeros(terms, terms, CV_64F), B = cv::Mat::zeros(terms, 1, CV_64F);
        int n = 0;
        for (size_t i = 0; i < blobs.size(); ++i) {
            if (!use[i])
                continue;
            const double x = blobs[i].cx() - x0, y = blobs[i].cy();
            const double p[3] = {1.0, x, x * x};
            for (int r = 0; r < terms; ++r) {
                for (int c = 0; c < terms; ++c)
                    A.at<double>(r, c) += p[r] * p[c];
                B.at<double>(r) += p[r] * y;
            }
            ++n;
        }
        cv::Mat coef;
        if (n < terms || !cv::solve(A, B, coef, cv::DECOMP_SVD))
            break;
        // Back from x - x0 to x: y = a(x-x0)² + b(x-x0) + c.
        const double a = terms == 3 ? coef.at<double>(2) : 0.0, b = coef.at<double>(1),
                     c = coef.at<double>(0);
        line->a = a;
        line->b = b - 2.0 * a * x0;
        line->c = c - b * x0 + a * x0 * x0;
        for (size_t i = 0; i < blobs.size(); ++i)
            use[i] = std::abs(blobs[i].cy() - line->y(blobs[i].cx())) < 0.35 * glyph ? 1 : 0;
        if (std::count(use.begin(), use.end(), 1) < terms)
            break;
    }
}

} // namespace

bool TextLine::looksLikePrint() const {
    return glyphs >= 4 && right - left >= 3.0 * glyphHeight && heightSpread < 0.35 &&
           residual < 0.16 && glyphAspect > 0.3 && glyphAspect < 1.6 && widthSpread > 0.03 &&
           fill < 0.75 && paper - ink > 0.3 * paper;
}

cv::Rect TextLine::bounds() const {
    const double ys[3] = {y(left), y((left + right) / 2.0), y(right)};
    const double top = *std::min_element(ys, ys + 3) - glyphHeight * 0.7;
    const double bottom = *std::max_element(ys, ys + 3) + glyphHeight * 0.7;
    return cv::Rect(cv::Point(left, int(std::floor(top))),
                    cv::Point(right, int(std::ceil(bottom))));
}

TextLine TextLine::scaled(double factor, cv::Point2d offset) const {
    // y' = f·y(x'/f - ...) : substitute x = (x' - ox)/f into f·y(x) + oy.
    TextLine out = *this;
    const double ox = offset.x, oy = offset.y;
    out.a = a / factor;
    out.b = b - 2.0 * a * ox / factor;
    out.c = factor * c - b * ox + a * ox * ox / factor + oy;
    out.left = int(std::lround(left * factor + ox));
    out.right = int(std::lround(right * factor + ox));
    out.glyphHeight = glyphHeight * factor;
    return out;
}

std::vector<TextLine> TextLineFinder::find(const cv::Mat &gray, double glyphHint) {
    std::vector<TextLine> lines;
    if (gray.empty() || gray.type() != CV_8UC1 || gray.cols < 16 || gray.rows < 16)
        return lines;
    // Dark print on lighter ground, judged locally: shading, amber plastic and a hand do not
    // move the threshold of the paper next to them.
    const int block = glyphHint > 0.0 ? oddAtLeast(3.0 * glyphHint, 15)
                                      : oddAtLeast(std::min(gray.cols, gray.rows) / 25.0, 15);
    cv::Mat ink;
    cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                          12);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    const int maxHeight = glyphHint > 0.0 ? int(std::max(12.0, 3.0 * glyphHint))
                                          : std::max(12, std::min(gray.rows / 5, block * 2));
    std::vector<Blob> blobs;
    blobs.reserve(size_t(n));
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
        const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        // Glyph-like: taller than a speck, not a rule line or a blot; touching letters may be wide.
        if (h < 6 || h > maxHeight || w > 5 * h || w < 2 || area < 10)
            continue;
        if (area > 0.92 * w * h || area < 0.08 * w * h)
            continue;
        const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w,
                           h);
        blobs.push_back({box, area, cv::mean(gray(box), ink(box) == 0)[0]});
    }
    std::sort(blobs.begin(), blobs.end(),
              [](const Blob &x, const Blob &y) { return x.box.x < y.box.x; });

    // Chains left to right: a blob joins the chain whose last blob is close before it, about as
    // tall, and level with where the chain is heading.
    struct Chain {
        std::vector<Blob> blobs;
        double height = 0.0; // running mean
        double ground = 0.0; // running mean of the blobs' ground
        bool open = true;
    };
    std::vector<Chain> chains;
    std::vector<size_t> open;
    for (const Blob &blob : blobs) {
        const double h = blob.box.height;
        Chain *best = nullptr;
        double bestCost = 1e9;
        std::vector<size_t> stillOpen;
        stillOpen.reserve(open.size());
        for (const size_t index : open) {
            Chain &chain = chains[index];
            const Blob &last = chain.blobs.back();
            const double gap = blob.box.x - (last.box.x + last.box.width);
            if (gap > 2.0 * chain.height + 4) {
                chain.open = false; // blobs come sorted by x: nothing later can join
                continue;
            }
            stillOpen.push_back(index);
            if (gap < -0.5 * std::min(double(last.box.width), h))
                continue;
            const double ratio = h / chain.height;
            if (ratio < 0.45 || ratio > 2.2)
                continue;
            // Past a word space the ground must still be the same paper: print does not run on
            // into the table beside the label.
            if (gap > 0.6 * chain.height &&
                std::abs(blob.ground - chain.ground) > 0.2 * chain.ground)
                continue;
            // Where the chain heads: the trend of its last few blobs.
            double expected = last.cy();
            if (chain.blobs.size() >= 3) {
                const Blob &earlier = chain.blobs[chain.blobs.size() - 3];
                const double dx = last.cx() - earlier.cx();
                if (dx > 1.0)
                    expected += (last.cy() - earlier.cy()) / dx * (blob.cx() - last.cx());
            }
            const double offset = std::abs(blob.cy() - expected);
            const double tolerance = 0.45 * std::max(chain.height, h);
            if (offset > tolerance)
                continue;
            const double cost = offset / tolerance + std::max(0.0, gap) / (2.0 * chain.height + 4);
            if (cost < bestCost) {
                bestCost = cost;
                best = &chain;
            }
        }
        open = std::move(stillOpen);
        if (best) {
            best->height =
                (best->height * double(best->blobs.size()) + h) / double(best->blobs.size() + 1);
            best->ground = (best->ground * double(best->blobs.size()) + blob.ground) /
                           double(best->blobs.size() + 1);
            best->blobs.push_back(blob);
        } else {
            chains.push_back({{blob}, h, blob.ground, true});
            open.push_back(chains.size() - 1);
        }
    }

    // A line broken at a wide word space (or where the bend steered the chain off) continues in
    // another chain that starts where this one heads: join them, left to right.
    const auto heading = [](const Chain &chain, double x) {
        const Blob &last = chain.blobs.back();
        const size_t back = std::min<size_t>(chain.blobs.size() - 1, 5);
        const Blob &earlier = chain.blobs[chain.blobs.size() - 1 - back];
        const double dx = last.cx() - earlier.cx();
        const double slope = dx > 1.0 ? (last.cy() - earlier.cy()) / dx : 0.0;
        return last.cy() + std::clamp(slope, -1.0, 1.0) * (x - last.cx());
    };
    std::sort(chains.begin(), chains.end(), [](const Chain &x, const Chain &y) {
        return x.blobs.front().box.x < y.blobs.front().box.x;
    });
    std::vector<char> absorbed(chains.size(), 0);
    for (size_t i = 0; i < chains.size(); ++i) {
        if (absorbed[i] || chains[i].blobs.size() < 2)
            continue;
        for (bool grew = true; grew;) {
            grew = false;
            Chain &a = chains[i];
            const Blob &end = a.blobs.back();
            const double right = end.box.x + end.box.width;
            for (size_t j = i + 1; j < chains.size(); ++j) {
                Chain &b = chains[j];
                if (absorbed[j] || b.blobs.size() < 2)
                    continue;
                const Blob &start = b.blobs.front();
                const double gap = start.box.x - right;
                if (gap < -0.3 * a.height || gap > 4.0 * a.height)
                    continue;
                const double ratio = b.height / a.height;
                if (ratio < 0.7 || ratio > 1.45 || std::abs(b.ground - a.ground) > 0.2 * a.ground)
                    continue;
                if (std::abs(start.cy() - heading(a, start.cx())) > 0.35 * a.height)
                    continue;
                a.height = (a.height * double(a.blobs.size()) + b.height * double(b.blobs.size())) /
                           double(a.blobs.size() + b.blobs.size());
                a.blobs.insert(a.blobs.end(), b.blobs.begin(), b.blobs.end());
                absorbed[j] = 1;
                grew = true;
                break;
            }
        }
    }

    for (size_t k = 0; k < chains.size(); ++k) {
        if (absorbed[k])
            continue;
        const Chain &chain = chains[k];
        if (chain.blobs.size() < 2)
            continue;
        std::vector<double> heights;
        for (const Blob &b : chain.blobs)
            heights.push_back(b.box.height);
        const double glyph = median(heights);
        TextLine line;
        line.left = chain.blobs.front().box.x;
        line.right = 0;
        for (const Blob &b : chain.blobs)
            line.right = std::max(line.right, b.box.x + b.box.width);
        // Two blobs make a line only when they are word-sized together ("Rx", "#5" are not worth
        // it).
        if (chain.blobs.size() < 3 && line.right - line.left < 2.5 * glyph)
            continue;
        line.glyphHeight = glyph;
        line.glyphs = int(chain.blobs.size());
        fitCentre(chain.blobs, glyph, &line);
        std::vector<double> spread, aspects, widths;
        double residual = 0.0;
        for (const Blob &b : chain.blobs)
            widths.push_back(b.box.width);
        const double width = median(widths);
        std::vector<double> widthSpread, fill;
        for (const Blob &b : chain.blobs) {
            fill.push_back(double(b.area) / (double(b.box.width) * b.box.height));
            spread.push_back(std::abs(b.box.height - glyph));
            widthSpread.push_back(std::abs(b.box.width - width));
            aspects.push_back(double(b.box.width) / b.box.height);
            residual += std::abs(b.cy() - line.y(b.cx()));
        }
        line.heightSpread = median(spread) / glyph;
        line.residual = residual / double(chain.blobs.size()) / glyph;
        line.glyphAspect = median(aspects);
        line.widthSpread = median(widthSpread) / std::max(1.0, width);
        line.fill = median(fill);
        const cv::Rect area = line.bounds() & cv::Rect(0, 0, gray.cols, gray.rows);
        if (!area.empty()) {
            line.paper = cv::mean(gray(area), ink(area) == 0)[0];
            line.ink = cv::mean(gray(area), ink(area))[0];
        }
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end(), [](const TextLine &x, const TextLine &y) {
        return x.y((x.left + x.right) / 2.0) < y.y((y.left + y.right) / 2.0);
    });
    return lines;
}

double TextLineFinder::printScore(const std::vector<TextLine> &lines) {
    double score = 0.0;
    for (const TextLine &line : lines)
        if (line.looksLikePrint())
            score += line.glyphs;
    return score;
}

TextLineFinder::TextBlock TextLineFinder::textBlock(const std::vector<TextLine> &lines,
                                                    cv::Size imageSize) {
    TextBlock result;
    // Print, not texture: lines of several glyphs.
    std::vector<size_t> print;
    for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i].looksLikePrint())
            print.push_back(i);
    if (print.empty())
        return result;
    // A label is the brightest ground in the scene: texture on a duller table that happens to
    // chain like print is left out.
    std::vector<double> papers;
    for (const size_t i : print)
        papers.insert(papers.end(), size_t(lines[i].glyphs), lines[i].paper);
    std::sort(papers.begin(), papers.end());
    const double brightPaper = papers[size_t(double(papers.size() - 1) * 0.9)];
    print.erase(std::remove_if(print.begin(), print.end(),
                               [&](size_t i) { return lines[i].paper < 0.7 * brightPaper; }),
                print.end());
    // Neighbouring lines (close above or below, overlapping across, of a similar size) form a
    // block.
    std::vector<size_t> parent(print.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto root = [&](size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    std::vector<cv::Rect> boxes;
    for (const size_t i : print)
        boxes.push_back(lines[i].bounds());
    for (size_t i = 0; i < print.size(); ++i) {
        for (size_t j = i + 1; j < print.size(); ++j) {
            const TextLine &p = lines[print[i]], &q = lines[print[j]];
            const double h = std::max(p.glyphHeight, q.glyphHeight);
            const double ratio = p.glyphHeight / q.glyphHeight;
            if (ratio < 0.25 || ratio > 4.0)
                continue;
            const cv::Rect &a = boxes[i], &b = boxes[j];
            const int vGap = std::max(a.y, b.y) - std::min(a.y + a.height, b.y + b.height);
            const int hGap = std::max(a.x, b.x) - std::min(a.x + a.width, b.x + b.width);
            if (vGap <= 4.0 * h && hGap <= 3.0 * h)
                parent[root(i)] = root(j);
        }
    }
    std::vector<double> score(print.size(), 0.0);
    std::vector<cv::Rect> area(print.size());
    std::vector<double> glyph(print.size(), 0.0);
    for (size_t i = 0; i < print.size(); ++i) {
        const size_t r = root(i);
        score[r] += lines[print[i]].glyphs;
        area[r] = area[r].empty() ? boxes[i] : (area[r] | boxes[i]);
        glyph[r] = std::max(glyph[r], lines[print[i]].glyphHeight);
    }
    // The densest block, joined by other sizeable blocks close to it: a label's sections are
    // often parted by a wide gap (a big "Rx", a rule, a logo).
    const size_t best = size_t(std::max_element(score.begin(), score.end()) - score.begin());
    std::vector<char> member(print.size(), 0);
    member[best] = 1;
    cv::Rect joined = area[best];
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t r = 0; r < print.size(); ++r) {
            if (member[r] || score[r] < 0.1 * score[best] || score[r] < 8 || area[r].empty())
                continue;
            // The reach of the print's size, never more than twice the main block's (texture's
            // big "glyphs" would otherwise reach across the table).
            const double h = std::min(std::max(glyph[r], glyph[best]), 2.0 * glyph[best]);
            const int vGap =
                std::max(joined.y, area[r].y) - std::min(joined.br().y, area[r].br().y);
            const int hGap =
                std::max(joined.x, area[r].x) - std::min(joined.br().x, area[r].br().x);
            if (vGap <= 6.0 * h && hGap <= 4.0 * h) {
                member[r] = 1;
                joined |= area[r];
                grew = true;
            }
        }
    }
    cv::Rect block;
    std::vector<double> heights;
    std::vector<std::pair<double, double>> angles; // (angle, weight): the print's slope, by length
    double totalWeight = 0.0;
    for (size_t i = 0; i < print.size(); ++i) {
        if (!member[root(i)])
            continue;
        const TextLine &line = lines[print[i]];
        block = block.empty() ? boxes[i] : (block | boxes[i]);
        heights.push_back(line.glyphHeight);
        result.glyphs += line.glyphs;
        const double chord =
            (line.y(line.right) - line.y(line.left)) / std::max(1, line.right - line.left);
        angles.emplace_back(std::atan(chord), double(line.right - line.left));
        totalWeight += line.right - line.left;
    }
    std::sort(angles.begin(), angles.end());
    double seen = 0.0;
    for (const auto &[angle, weight] : angles) {
        seen += weight;
        if (seen >= totalWeight / 2.0) {
            result.angle = angle;
            break;
        }
    }
    result.glyphHeight = median(heights);
    std::vector<TextLine> memberLines;
    for (size_t i = 0; i < print.size(); ++i)
        if (member[root(i)])
            memberLines.push_back(lines[print[i]]);
    double axis = 0.0;
    result.bent = bendAxis(memberLines, &axis);
    // Wide at the sides: the ends of a line round a bottle are squeezed and chain less well.
    const int pad = int(std::ceil(1.5 * result.glyphHeight));
    block =
        cv::Rect(block.x - 3 * pad, block.y - pad, block.width + 6 * pad, block.height + 2 * pad);
    result.area = block & cv::Rect(cv::Point(0, 0), imageSize);
    return result;
}

double TextLineFinder::Strip::imageX(double u) const {
    if (!bottle.isValid())
        return left + u / scale;
    const double arc = arcStart + u / scale;
    return bottle.axis + bottle.radius * std::sin(std::clamp(arc / bottle.radius, -1.45, 1.45));
}

bool TextLineFinder::bendAxis(const std::vector<TextLine> &lines, double *axis) {
    std::vector<std::pair<double, double>> vertices;
    double totalWeight = 0.0;
    int considered = 0;
    for (const TextLine &line : lines) {
        if (line.glyphs < 5)
            continue;
        ++considered;
        if (line.a == 0.0)
            continue;
        const double half = (line.right - line.left) / 2.0;
        const double sag = std::abs(line.a) * half * half;
        const double vertex = -line.b / (2.0 * line.a);
        if (sag < 0.25 * line.glyphHeight || vertex < line.left || vertex > line.right)
            continue;
        vertices.emplace_back(vertex, sag * half);
        totalWeight += sag * half;
    }
    // A bottle bends most of its lines; one or two wobbly fits on a flat label do not make it bent.
    if (vertices.size() < 2 || 3 * int(vertices.size()) < considered)
        return false;
    std::sort(vertices.begin(), vertices.end());
    double seen = 0.0;
    for (const auto &[x, weight] : vertices) {
        seen += weight;
        if (seen >= totalWeight / 2.0) {
            *axis = x;
            break;
        }
    }
    return true;
}

Cylinder TextLineFinder::cylinder(const cv::Mat &gray, const std::vector<TextLine> &lines) {
    Cylinder bottle;
    double reach = 0.0;
    if (!bendAxis(lines, &bottle.axis))
        return bottle;
    // The radius: where the paper ends beside each line (a wrapped label reaches the bottle's
    // visible edge), never less than the print's own reach.
    std::vector<double> edges;
    for (const TextLine &line : lines) {
        if (line.glyphs < 5)
            continue;
        reach = std::max({reach, bottle.axis - line.left, line.right - bottle.axis});
        const int band = std::max(2, int(line.glyphHeight));
        const auto paperAt = [&](int x) {
            const int y = int(std::lround(line.y(x)));
            const cv::Rect r =
                cv::Rect(x - 1, y - band, 3, 2 * band) & cv::Rect(0, 0, gray.cols, gray.rows);
            if (r.empty())
                return 0.0;
            cv::Mat values = gray(r).clone().reshape(1, 1);
            std::sort(values.begin<uchar>(), values.end<uchar>());
            return double(values.at<uchar>(int(values.cols * 0.8)));
        };
        const double paper = paperAt(int(bottle.axis));
        double ends[2] = {0.0, 0.0};
        for (int side = 0; side < 2; ++side) {
            const int step = side == 0 ? -1 : 1;
            int x = int(bottle.axis);
            int darkRun = 0;
            while (x > 0 && x < gray.cols - 1 && darkRun < band) {
                x += step;
                darkRun = paperAt(x) < 0.6 * paper ? darkRun + 1 : 0;
            }
            ends[side] = std::abs(x - step * darkRun - bottle.axis);
        }
        edges.push_back(std::max(ends[0], ends[1]));
    }
    if (edges.empty())
        return bottle;
    bottle.radius = std::max(median(edges), reach) * 1.03;
    return bottle;
}

TextLineFinder::Strip TextLineFinder::straighten(const cv::Mat &gray, const TextLine &line,
                                                 double targetGlyph, const Cylinder &bottle) {
    Strip strip;
    if (gray.empty() || line.glyphHeight <= 0.0)
        return strip;
    const double h = line.glyphHeight;
    strip.scale = std::clamp(targetGlyph / h, 0.1, 4.0);
    // Half the strip's height in image px: the glyph, its descenders and some paper.
    const double half = 1.0 * h;
    const int left = std::max(0, int(line.left - 2.0 * h));
    const int right = std::min(gray.cols - 1, int(line.right + 2.0 * h));
    strip.left = left;
    // Round a bottle, columns are taken at even steps of arc, not of x: the squeezed ends open up.
    const bool wrapped = bottle.isValid() && bottle.radius > 1.0;
    const auto arcAt = [&](double x) {
        return bottle.radius *
               std::asin(std::clamp((x - bottle.axis) / bottle.radius, -0.99, 0.99));
    };
    if (wrapped) {
        strip.bottle = bottle;
        strip.arcStart = arcAt(line.left) - 2.0 * h;
    }
    const double span =
        wrapped ? arcAt(line.right) + 2.0 * h - strip.arcStart : double(right - left);
    const int width = std::max(1, int(std::lround(span * strip.scale)));
    const int height = std::max(8, int(std::lround(2.0 * half * strip.scale)));
    if (width > 20000)
        return strip;
    // Across the line along the normal of its chord, not of its local curve: round a bottle the
    // letters stay upright along the bottle's axis while the line bends, and following the
    // local normal would shear them into italics at the ends.
    const double chord =
        (line.y(line.right) - line.y(line.left)) / std::max(1, line.right - line.left);
    const double norm = std::sqrt(1.0 + chord * chord);
    const double nx = -chord / norm, ny = 1.0 / norm;
    cv::Mat mapX(height, width, CV_32F), mapY(height, width, CV_32F);
    for (int u = 0; u < width; ++u) {
        const double x = strip.imageX(u);
        const double y = line.y(x);
        for (int v = 0; v < height; ++v) {
            const double s = (v + 0.5) / strip.scale - half;
            mapX.at<float>(v, u) = float(x + nx * s);
            mapY.at<float>(v, u) = float(y + ny * s);
        }
    }
    // Shrinking a lot: sample a smoothed source so thin strokes do not alias away.
    cv::Mat source = gray;
    if (strip.scale < 0.6) {
        const double sigma = 0.5 / strip.scale;
        cv::GaussianBlur(gray, source, cv::Size(0, 0), sigma * 0.6);
    }
    cv::Mat flat;
    cv::remap(source, flat, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    // Where the paper ends (the label's edge, the bottle beyond it) the strip ends too: dark
    // ground at the ends reads as stray letters.
    std::vector<double> columnPaper(size_t(flat.cols));
    for (int u = 0; u < flat.cols; ++u) {
        cv::Mat column = flat.col(u).clone();
        std::sort(column.begin<uchar>(), column.end<uchar>());
        columnPaper[size_t(u)] = column.at<uchar>(int(column.rows * 0.8));
    }
    const double paperLevel = median(columnPaper);
    const int window = std::max(1, int(targetGlyph * 0.5));
    const auto darkAround = [&](int u) {
        int dark = 0, n = 0;
        for (int k = std::max(0, u - window); k <= std::min(flat.cols - 1, u + window); ++k, ++n)
            dark += columnPaper[size_t(k)] < 0.6 * paperLevel ? 1 : 0;
        return dark * 2 > n;
    };
    const int middle = flat.cols / 2;
    int first = 0, last = flat.cols - 1;
    for (int u = middle; u >= 0; --u)
        if (darkAround(u)) {
            first = u + 1;
            break;
        }
    for (int u = middle; u < flat.cols; ++u)
        if (darkAround(u)) {
            last = u - 1;
            break;
        }
    if (last - first > int(targetGlyph)) {
        flat = flat.colRange(first, last + 1).clone();
        strip.left += int(first / strip.scale);
        strip.arcStart += first / strip.scale;
    }
    // Even the light along the strip, with a closing a little wider than a glyph.
    flat = Preprocessor::evenLighting(flat, oddAtLeast(targetGlyph * 1.6, 3));
    // White margins: Tesseract reads a line best with paper around it.
    const int margin = int(targetGlyph * 0.5);
    cv::copyMakeBorder(flat, strip.gray, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
    strip.left -= int(margin / strip.scale);
    strip.arcStart -= margin / strip.scale;
    return strip;
}

} // namespace kiosk::ocr
