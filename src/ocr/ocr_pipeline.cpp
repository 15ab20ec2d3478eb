#include "ocr/ocr_pipeline.h"

#include "ocr/image_loader.h"
#include "ocr/label_locator.h"
#include "ocr/preprocessor.h"
#include "ocr/text_line_finder.h"

#include <opencv2/imgproc.hpp>

#include <QElapsedTimer>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>
#include <cmath>

namespace kiosk::ocr {

QJsonObject OcrPipeline::Result::toJson(const QString &file) const {
    QJsonObject o;
    if (!error.isEmpty() || cancelled) {
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("error"), cancelled ? QStringLiteral("cancelled") : error);
        return o;
    }
    o = prescription.toJson();
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("engine"), QStringLiteral("local"));
    o.insert(QStringLiteral("ms"), ms);
    o.insert(QStringLiteral("quality"), quality.toJson());
    return o;
}

OcrPipeline::OcrPipeline()
    : OcrPipeline(TesseractEngine::Options()) {}

OcrPipeline::OcrPipeline(const TesseractEngine::Options &engineOptions,
                         const Preprocessor::Options &preprocessOptions)
    : m_engine(engineOptions)
    , m_preprocess(preprocessOptions)
    , m_lexicon(DrugLexicon::shared())
    , m_parser(m_lexicon) {}

QString OcrPipeline::initError() const {
    // Tesseract is started only by a read that needs it (a flat page, or lines without the
    // learned reader): its start, 0.1-0.2 s, is wasted on a label read line by line.
    if (!m_learnedLines && !m_engine.isReady())
        return m_engine.error();
    if (m_lexicon.isEmpty())
        return QStringLiteral("the drug lexicon could not be loaded from %1")
            .arg(DrugLexicon::defaultPath());
    if (m_learnedLines && !m_lineReader.isReady())
        return m_lineReader.error();
    return {};
}

QString OcrPipeline::lineReadError() const {
    return m_lineReader.error().isEmpty() ? QStringLiteral("Tesseract failed to read the image")
                                          : m_lineReader.error();
}

OcrPipeline::Result OcrPipeline::readFile(const QString &path, const std::atomic<bool> *cancel) {
    QElapsedTimer timer;
    timer.start();
    const auto loaded = ImageLoader::loadFile(path);
    if (!loaded.ok()) {
        Result r;
        r.error = loaded.error;
        r.ms = timer.elapsed();
        return r;
    }
    Result r = readImage(loaded.image, cancel);
    r.ms = timer.elapsed();
    return r;
}

namespace {

// The longest lines first: they say the most about which way up the text is.
std::vector<size_t> longestFirst(const std::vector<TextLine> &lines) {
    std::vector<size_t> order(lines.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return lines[x].right - lines[x].left > lines[y].right - lines[y].left;
    });
    return order;
}

// A copy small enough to search quickly; factor is small / full.
cv::Mat smallCopy(const cv::Mat &gray, double *factor) {
    *factor = std::min(1.0, 1400.0 / std::max(gray.cols, gray.rows));
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), *factor, *factor, cv::INTER_AREA);
    return small;
}

// Turns the image so the print's slope becomes level; the canvas grows to keep every corner.
cv::Mat levelled(const cv::Mat &gray, double angle) {
    const double degrees = angle * 180.0 / CV_PI;
    if (std::abs(degrees) < 1.5)
        return gray;
    const cv::Point2f centre(gray.cols / 2.0f, gray.rows / 2.0f);
    cv::Mat turn = cv::getRotationMatrix2D(centre, degrees, 1.0);
    const double c = std::abs(std::cos(angle)), s = std::abs(std::sin(angle));
    const int width = int(std::ceil(gray.cols * c + gray.rows * s));
    const int height = int(std::ceil(gray.cols * s + gray.rows * c));
    turn.at<double>(0, 2) += width / 2.0 - centre.x;
    turn.at<double>(1, 2) += height / 2.0 - centre.y;
    cv::Mat out;
    cv::warpAffine(gray, out, turn, cv::Size(width, height), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return out;
}

} // namespace

TextLineFinder::TextBlock OcrPipeline::printBlock(const cv::Mat &gray) {
    double factor = 1.0;
    const cv::Mat small = smallCopy(gray, &factor);
    auto block = TextLineFinder::textBlock(TextLineFinder::find(small), small.size());
    // Little print at the small scale: the label may be far away and its glyphs specks there.
    if (block.glyphs < 60 && factor < 0.75) {
        auto closer = TextLineFinder::textBlock(TextLineFinder::find(gray), gray.size());
        if (closer.glyphs > block.glyphs)
            return closer;
    }
    if (block.area.empty())
        return block;
    const cv::Rect &a = block.area;
    block.area =
        cv::Rect(cv::Point(int(a.x / factor), int(a.y / factor)),
                 cv::Point(int(std::ceil(a.br().x / factor)), int(std::ceil(a.br().y / factor)))) &
        cv::Rect(0, 0, gray.cols, gray.rows);
    block.glyphHeight /= factor;
    return block;
}

bool OcrPipeline::runsTopToBottom(const cv::Mat &gray) {
    // Sideways text (a frame held sideways, a photo with no EXIF tag, a bottle lying down):
    // print forms long lines of glyphs one way only. Which of the two ways up is left to reading.
    double factor = 1.0;
    const cv::Mat small = smallCopy(gray, &factor);
    cv::Mat turned;
    cv::rotate(small, turned, cv::ROTATE_90_CLOCKWISE);
    const double level = TextLineFinder::printScore(TextLineFinder::find(small));
    const double sideways = TextLineFinder::printScore(TextLineFinder::find(turned));
    return sideways > 1.5 * level + 10.0;
}

bool OcrPipeline::readLineSet(const cv::Mat &gray, const std::vector<TextLine> &lines,
                              const std::vector<size_t> &picked, const Cylinder &bottle,
                              bool flipped, std::vector<OcrLine> *placed,
                              const std::atomic<bool> *cancel) {
    std::vector<TextLineFinder::Strip> strips;
    std::vector<cv::Mat> inputs;
    std::vector<size_t> readable; // positions in picked whose strip has pixels
    for (size_t k = 0; k < picked.size(); ++k) {
        auto strip = TextLineFinder::straighten(gray, lines[picked[k]],
                                                m_preprocess.targetGlyphHeight, bottle);
        if (strip.gray.empty())
            continue;
        if (flipped)
            cv::rotate(strip.gray, strip.gray, cv::ROTATE_180);
        if (m_learnedLines) {
            // The recogniser was trained on tight crops: the glyphs about two thirds of its 48
            // rows (the strip's paper margins, right for Tesseract, shrink them to a third).
            const int rows =
                std::min(strip.gray.rows, int(std::lround(1.6 * m_preprocess.targetGlyphHeight)));
            const int top = (strip.gray.rows - rows) / 2;
            inputs.push_back(strip.gray.rowRange(top, top + rows).clone());
        }
        strips.push_back(std::move(strip));
        readable.push_back(k);
    }
    std::vector<OcrLine> read(strips.size());
    if (m_learnedLines) {
        if (!m_lineReader.recogniseLines(inputs, &read, cancel))
            return false;
    } else {
        for (size_t j = 0; j < strips.size(); ++j)
            if (!m_engine.recogniseLine(strips[j].gray, &read[j], cancel))
                return false;
    }
    placed->assign(picked.size(), OcrLine());
    // A label's edge or a rule at a line's end reads as "|", "[", "—": not words.
    static const QRegularExpression noLetters(QStringLiteral("^[^\\p{L}\\p{N}]+$"));
    for (size_t j = 0; j < strips.size(); ++j) {
        std::vector<OcrWord> &words = read[j].words;
        while (!words.empty() && noLetters.match(words.front().text).hasMatch())
            words.erase(words.begin());
        while (!words.empty() && noLetters.match(words.back().text).hasMatch())
            words.pop_back();
        // Back to the label's pixels: x along the line, every word level with the line's middle.
        const TextLine &line = lines[picked[readable[j]]];
        OcrLine &out = (*placed)[readable[j]];
        const double mid = line.y((line.left + line.right) / 2.0);
        const int top = int(std::lround(mid - line.glyphHeight / 2.0));
        const int height = std::max(1, int(std::lround(line.glyphHeight)));
        const double stripWidth = strips[j].gray.cols;
        for (OcrWord &w : words) {
            double u0 = w.box.left(), u1 = w.box.right() + 1.0;
            if (flipped)
                std::tie(u0, u1) = std::pair(stripWidth - u1, stripWidth - u0);
            const int x0 = int(std::lround(strips[j].imageX(u0)));
            const int x1 = int(std::lround(strips[j].imageX(u1)));
            w.box = QRect(x0, top, std::max(1, x1 - x0), height);
            out.box = out.box.isNull() ? w.box : out.box.united(w.box);
            out.words.push_back(std::move(w));
        }
    }
    return true;
}

bool OcrPipeline::readLines(const cv::Mat &gray, const std::vector<TextLine> &lines,
                            const Cylinder &bottle,
                            std::vector<std::optional<OcrLine>> &alreadyRead, OcrPage *page,
                            const std::atomic<bool> *cancel) {
    page->width = gray.cols;
    page->height = gray.rows;
    std::vector<size_t> unread;
    for (size_t i = 0; i < lines.size(); ++i)
        if (i >= alreadyRead.size() || !alreadyRead[i])
            unread.push_back(i);
    std::vector<OcrLine> read;
    if (!readLineSet(gray, lines, unread, bottle, false, &read, cancel))
        return false;
    for (size_t i = 0, k = 0; i < lines.size(); ++i) {
        OcrLine placed =
            k < unread.size() && unread[k] == i ? std::move(read[k++]) : std::move(*alreadyRead[i]);
        if (!placed.words.empty())
            page->lines.push_back(std::move(placed));
    }
    std::stable_sort(page->lines.begin(), page->lines.end(),
                     [](const OcrLine &x, const OcrLine &y) { return x.box.top() < y.box.top(); });
    return true;
}

double OcrPipeline::sampleConfidence(const cv::Mat &gray, const std::vector<TextLine> &lines,
                                     const Cylinder &bottle, bool flipped,
                                     std::vector<std::optional<OcrLine>> *read,
                                     const std::atomic<bool> *cancel) {
    auto order = longestFirst(lines);
    order.resize(std::min<size_t>(order.size(), 3));
    std::vector<OcrLine> sample;
    if (!readLineSet(gray, lines, order, bottle, flipped, &sample, cancel))
        return -1.0;
    double sum = 0.0;
    int words = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        for (const OcrWord &w : sample[k].words) {
            // Long words count more: one confident "I" says little.
            const double weight = double(std::min<qsizetype>(w.text.size(), 8));
            sum += w.confidence * weight;
            words += int(weight);
        }
        if (read)
            (*read)[order[k]] = std::move(sample[k]);
    }
    return words ? sum / words : 0.0;
}

OcrPipeline::Result OcrPipeline::readPage(const cv::Mat &bgr, const LabelLocator::Result &label,
                                          const QElapsedTimer &timer,
                                          const std::atomic<bool> *cancel) {
    Result r;
    const auto prepared = Preprocessor::run(label.warped, m_preprocess);
    r.quality = QualityChecker::assess(bgr, label, prepared);
    if (prepared.glyphCount == 0) {
        r.prescription = m_parser.parse(OcrPage());
        r.ms = timer.elapsed();
        return r;
    }
    if (!m_engine.recognise(prepared.gray, &r.page, cancel)) {
        if (!m_engine.isReady())
            r.error = m_engine.error();
        else if (cancel && cancel->load())
            r.cancelled = true;
        else
            r.error = QStringLiteral("Tesseract failed to read the image");
        return r;
    }
    r.prescription = m_parser.parse(r.page);
    r.ms = timer.elapsed();
    return r;
}

OcrPipeline::Result OcrPipeline::readImage(const cv::Mat &bgr, const std::atomic<bool> *cancel) {
    QElapsedTimer timer;
    timer.start();
    Result r;
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        r.error = QStringLiteral("not an 8-bit colour image");
        return r;
    }
    if (const QString e = initError(); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    const auto stopped = [&] {
        if (cancel && cancel->load()) {
            r.cancelled = true;
            return true;
        }
        return false;
    };
    // Where the print is, found on a small copy; a label outline is trusted only when the print
    // lies inside it (on a real scene the brightest quadrilateral is often a keyboard or a cap).
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    auto block = printBlock(gray);
    // Bent print is read line by line whatever its outline: no need to look for one.
    LabelLocator::Result label;
    label.warped = bgr;
    if (!block.bent)
        label = LabelLocator::locate(bgr, false);    // flattened only if it is used
    bool outlined = label.found && label.wholeImage; // a scan or a close-up: the frame is the label
    if (label.found && !label.wholeImage && !block.area.empty()) {
        const std::vector<cv::Point2f> outline(label.corners.begin(), label.corners.end());
        // The print itself, without the block's padding (wide at the sides for squeezed line ends).
        const int insetX = int(std::min(0.2 * block.area.width, 4.5 * block.glyphHeight));
        const int insetY = int(std::min(0.15 * block.area.height, 1.5 * block.glyphHeight));
        const cv::Rect a(block.area.x + insetX, block.area.y + insetY,
                         std::max(1, block.area.width - 2 * insetX),
                         std::max(1, block.area.height - 2 * insetY));
        // The middles of its sides, not its corners: tilted print's box pokes out at the corners.
        const float cx = float(a.x + a.width / 2.0), cy = float(a.y + a.height / 2.0);
        const cv::Point2f probes[5] = {
            cv::Point2f(cx, cy), cv::Point2f(float(a.x), cy), cv::Point2f(float(a.br().x), cy),
            cv::Point2f(cx, float(a.y)), cv::Point2f(cx, float(a.br().y))};
        int inside = 0;
        for (const auto &p : probes)
            inside += cv::pointPolygonTest(outline, p, true) > -0.05 * a.width ? 1 : 0;
        outlined = inside == 5;
        if (!outlined)
            label.found = false;
    }
    const bool sideways = runsTopToBottom(block.area.empty() ? gray : gray(block.area));
    if (outlined && !block.bent && !sideways) {
        // A flat, upright label with a clear outline (warped flat), or a scan: Tesseract's own
        // page layout reads it best (measured on the rendered set); bent print goes line by line.
        LabelLocator::warp(bgr, &label);
        return readPage(bgr, label, timer, cancel);
    }
    if (outlined && !label.wholeImage) {
        LabelLocator::warp(bgr, &label);
        cv::cvtColor(label.warped, gray, cv::COLOR_BGR2GRAY);
        block = printBlock(gray);
    }
    if (sideways) {
        cv::rotate(gray, gray, cv::ROTATE_90_CLOCKWISE);
        block = printBlock(gray);
    }
    if (stopped())
        return r;
    if (block.area.empty())
        block.area = cv::Rect(0, 0, gray.cols, gray.rows);

    // The block at full resolution, its print turned level, then every line found in it.
    cv::Mat crop = levelled(gray(block.area), block.angle).clone();
    std::vector<TextLine> lines = TextLineFinder::find(crop, block.glyphHeight);

    // Upside down reads as noise: compare the longest lines both ways (the upright reading is
    // kept).
    Cylinder bottle = TextLineFinder::cylinder(crop, lines);
    std::vector<std::optional<OcrLine>> alreadyRead(lines.size());
    if (!lines.empty()) {
        const double upright = sampleConfidence(crop, lines, bottle, false, &alreadyRead, cancel);
        const double flipped = upright >= 0.0 && upright < 0.85
                                   ? sampleConfidence(crop, lines, bottle, true, nullptr, cancel)
                                   : 0.0;
        if (upright < 0.0 || flipped < 0.0) {
            if (!stopped())
                r.error = lineReadError();
            return r;
        }
        if (flipped > upright + 0.1) {
            cv::rotate(crop, crop, cv::ROTATE_180);
            lines = TextLineFinder::find(crop, block.glyphHeight);
            bottle = TextLineFinder::cylinder(crop, lines);
            alreadyRead.assign(lines.size(), std::nullopt);
        }
    }

    // The photo's quality is judged on the label as found.
    if (!lines.empty()) {
        label.found = true;
        cv::cvtColor(crop, label.warped, cv::COLOR_GRAY2BGR);
        label.areaFraction = std::max(label.areaFraction,
                                      double(block.area.area()) / (double(gray.cols) * gray.rows));
    }
    // Judged at about twice the reading size: sharper than that says nothing more, and the
    // lighting estimate on a 12 MP crop costs more than the reading.
    double shrink =
        block.glyphHeight > 0.0 ? 2.0 * m_preprocess.targetGlyphHeight / block.glyphHeight : 1.0;
    if (shrink < 0.9)
        cv::resize(label.warped, label.warped, cv::Size(), shrink, shrink, cv::INTER_AREA);
    else
        shrink = 1.0;
    auto prepared = Preprocessor::run(label.warped, m_preprocess);
    prepared.glyphHeight /= shrink; // in the photo's pixels, as the checks expect
    r.quality = QualityChecker::assess(bgr, label, prepared);
    if (lines.empty()) {
        // Nothing text-like anywhere: reading would only produce noise.
        r.prescription = m_parser.parse(OcrPage());
        r.ms = timer.elapsed();
        return r;
    }
    if (!readLines(crop, lines, bottle, alreadyRead, &r.page, cancel)) {
        if (!stopped())
            r.error = lineReadError();
        return r;
    }
    r.prescription = m_parser.parse(r.page);
    r.ms = timer.elapsed();
    return r;
}

} // namespace kiosk::ocr
