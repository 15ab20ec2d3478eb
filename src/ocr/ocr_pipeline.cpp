#include "ocr/ocr_pipeline.h"

#include "ocr/image_loader.h"
#include "ocr/label_locator.h"
#include "ocr/preprocessor.h"
#include "ocr/text_line_finder.h"

#include <opencv2/imgproc.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <opencv2/imgcodecs.hpp>
#include <cstdio>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

QJsonObject OcrPipeline::Result::toJson(const QString &file) const
{
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
    : OcrPipeline(TesseractEngine::Options())
{
}

OcrPipeline::OcrPipeline(const TesseractEngine::Options &engineOptions, const Preprocessor::Options &preprocessOptions)
    : m_engine(engineOptions)
    , m_preprocess(preprocessOptions)
    , m_lexicon(DrugLexicon::shared())
    , m_parser(m_lexicon)
{
}

QString OcrPipeline::initError() const
{
    if (!m_engine.isReady())
        return m_engine.error();
    if (m_lexicon.isEmpty())
        return QStringLiteral("the drug lexicon could not be loaded from %1").arg(DrugLexicon::defaultPath());
    return {};
}

OcrPipeline::Result OcrPipeline::readFile(const QString &path, const std::atomic<bool> *cancel)
{
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
std::vector<size_t> longestFirst(const std::vector<TextLine> &lines)
{
    std::vector<size_t> order(lines.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return lines[x].right - lines[x].left > lines[y].right - lines[y].left;
    });
    return order;
}

} // namespace

cv::Rect OcrPipeline::printBlock(const cv::Mat &gray)
{
    const double factor = std::min(1.0, 1400.0 / std::max(gray.cols, gray.rows));
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), factor, factor, cv::INTER_AREA);
    const auto lines = TextLineFinder::find(small);
    const cv::Rect found = TextLineFinder::textBlock(lines, small.size());
    if (qEnvironmentVariableIsSet("KIOSK_DBG")) { // DEBUG-REMOVE
        cv::Mat dbg; cv::cvtColor(small, dbg, cv::COLOR_GRAY2BGR);
        for (const auto &l : lines) { for (int x = l.left; x < l.right; x += 3) cv::circle(dbg, cv::Point(x, int(l.y(x))), 1, l.looksLikePrint() ? cv::Scalar(0,0,255) : cv::Scalar(255,0,0), -1); }
        cv::rectangle(dbg, found, cv::Scalar(0,200,0), 2);
        std::vector<uchar> buf; cv::imencode(".png", dbg, buf);
        QFile f(qEnvironmentVariable("KIOSK_DBG") + QStringLiteral(".small.png")); f.open(QIODevice::WriteOnly); f.write(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
    }
    if (found.empty())
        return {};
    const cv::Rect full(cv::Point(int(found.x / factor), int(found.y / factor)),
                        cv::Point(int(std::ceil(found.br().x / factor)), int(std::ceil(found.br().y / factor))));
    return full & cv::Rect(0, 0, gray.cols, gray.rows);
}

cv::Mat OcrPipeline::uprightText(const cv::Mat &gray, int *quarterTurns)
{
    // Sideways text (a frame held sideways, a photo with no EXIF tag): print forms long lines
    // of glyphs one way only. Which of the two ways up is left to the reading.
    const double factor = std::min(1.0, 1400.0 / std::max(gray.cols, gray.rows));
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), factor, factor, cv::INTER_AREA);
    cv::Mat turned;
    cv::rotate(small, turned, cv::ROTATE_90_CLOCKWISE);
    const double level = TextLineFinder::printScore(TextLineFinder::find(small));
    const double sideways = TextLineFinder::printScore(TextLineFinder::find(turned));
    *quarterTurns = sideways > 1.5 * level + 10.0 ? 1 : 0;
    if (*quarterTurns == 0)
        return gray;
    cv::Mat out;
    cv::rotate(gray, out, cv::ROTATE_90_CLOCKWISE);
    return out;
}

bool OcrPipeline::readLines(const cv::Mat &gray, const std::vector<TextLine> &lines, OcrPage *page,
                            const std::atomic<bool> *cancel)
{
    page->width = gray.cols;
    page->height = gray.rows;
    const double target = m_preprocess.targetGlyphHeight;
    for (const TextLine &line : lines) {
        const auto strip = TextLineFinder::straighten(gray, line, target);
        if (strip.gray.empty())
            continue;
        OcrLine read;
        if (!m_engine.recogniseLine(strip.gray, &read, cancel))
            return false;
        if (qEnvironmentVariableIsSet("KIOSK_DBG")) { // DEBUG-REMOVE
            static int k = 0; std::vector<uchar> buf; cv::imencode(".png", strip.gray, buf);
            QFile f(qEnvironmentVariable("KIOSK_DBG") + QStringLiteral(".strip%1.png").arg(k++)); f.open(QIODevice::WriteOnly); f.write(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
        }
        if (read.words.empty())
            continue;
        // Back to the label's pixels: x along the line, every word level with the line's middle.
        const double mid = line.y((line.left + line.right) / 2.0);
        const int top = int(std::lround(mid - line.glyphHeight / 2.0));
        const int height = std::max(1, int(std::lround(line.glyphHeight)));
        OcrLine placed;
        for (OcrWord &w : read.words) {
            const int x0 = strip.left + int(std::lround(w.box.left() / strip.scale));
            const int x1 = strip.left + int(std::lround((w.box.right() + 1) / strip.scale));
            w.box = QRect(x0, top, std::max(1, x1 - x0), height);
            placed.box = placed.box.isNull() ? w.box : placed.box.united(w.box);
            placed.words.push_back(std::move(w));
        }
        page->lines.push_back(std::move(placed));
    }
    std::stable_sort(page->lines.begin(), page->lines.end(),
                     [](const OcrLine &x, const OcrLine &y) { return x.box.top() < y.box.top(); });
    return true;
}

double OcrPipeline::sampleConfidence(const cv::Mat &gray, const std::vector<TextLine> &lines, bool flipped,
                                     const std::atomic<bool> *cancel)
{
    double sum = 0.0;
    int words = 0;
    const auto order = longestFirst(lines);
    for (size_t k = 0; k < order.size() && k < 3; ++k) {
        auto strip = TextLineFinder::straighten(gray, lines[order[k]], m_preprocess.targetGlyphHeight);
        if (strip.gray.empty())
            continue;
        if (flipped)
            cv::rotate(strip.gray, strip.gray, cv::ROTATE_180);
        OcrLine read;
        if (!m_engine.recogniseLine(strip.gray, &read, cancel))
            return -1.0;
        for (const OcrWord &w : read.words) {
            // Long words count more: one confident "I" says little.
            const double weight = std::min<qsizetype>(w.text.size(), 8);
            sum += w.confidence * weight;
            words += int(weight);
        }
    }
    return words ? sum / words : 0.0;
}

OcrPipeline::Result OcrPipeline::readImage(const cv::Mat &bgr, const std::atomic<bool> *cancel)
{
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
    // Where the print is, found on a small copy; a label outline is trusted only when the print
    // lies inside it (on a real scene the brightest quadrilateral is often a keyboard or a cap).
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    int quarterTurns = 0;
    auto label = LabelLocator::locate(bgr);
    cv::Rect block = printBlock(gray);
    if (label.found && !label.wholeImage && !block.empty()) {
        std::vector<cv::Point2f> outline(label.corners.begin(), label.corners.end());
        int inside = 0;
        const cv::Point2f corners[4] = {cv::Point2f(block.tl()), cv::Point2f(float(block.br().x), float(block.y)),
                                        cv::Point2f(block.br()), cv::Point2f(float(block.x), float(block.br().y))};
        for (const auto &p : corners)
            inside += cv::pointPolygonTest(outline, p, true) > -0.05 * block.width ? 1 : 0;
        if (inside == 4) {
            cv::cvtColor(label.warped, gray, cv::COLOR_BGR2GRAY);
            block = printBlock(gray);
        } else {
            label.found = false;
        }
    }
    const cv::Mat turned = uprightText(block.empty() ? gray : gray(block), &quarterTurns);
    if (quarterTurns != 0) {
        gray = turned.clone();
        block = printBlock(gray);
    }
    if (cancel && cancel->load()) {
        r.cancelled = true;
        return r;
    }
    if (block.empty())
        block = cv::Rect(0, 0, gray.cols, gray.rows);
    cv::Mat crop = gray(block).clone();
    std::vector<TextLine> lines = TextLineFinder::find(crop);
    if (qEnvironmentVariableIsSet("KIOSK_DBG")) { // DEBUG-REMOVE
        cv::Mat dbg; cv::cvtColor(crop, dbg, cv::COLOR_GRAY2BGR);
        for (const auto &l : lines) { for (int x = l.left; x < l.right; x += 3) cv::circle(dbg, cv::Point(x, int(l.y(x))), 2, cv::Scalar(0,0,255), -1);
            cv::rectangle(dbg, l.bounds(), cv::Scalar(0,200,0), 1); }
        std::vector<uchar> buf; cv::imencode(".png", dbg, buf);
        QFile f(qEnvironmentVariable("KIOSK_DBG")); f.open(QIODevice::WriteOnly); f.write(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
        std::printf("block %d %d %d %d of %d %d turns %d\n", block.x, block.y, block.width, block.height, gray.cols, gray.rows, quarterTurns);
    }

    // Upside down reads as noise: compare the longest lines both ways.
    if (!lines.empty()) {
        const double upright = sampleConfidence(crop, lines, false, cancel);
        const double flipped = upright < 0.85 ? sampleConfidence(crop, lines, true, cancel) : 0.0;
        if (upright < 0.0 || flipped < 0.0) {
            r.cancelled = cancel && cancel->load();
            if (!r.cancelled)
                r.error = QStringLiteral("Tesseract failed to read the image");
            return r;
        }
        if (flipped > upright + 0.1) {
            cv::rotate(crop, crop, cv::ROTATE_180);
            lines = TextLineFinder::find(crop);
            quarterTurns += 2;
        }
    }

    // The photo's quality is judged on the label as found.
    if (!lines.empty()) {
        label.found = true;
        cv::Mat cropBgr;
        cv::cvtColor(crop, cropBgr, cv::COLOR_GRAY2BGR);
        label.warped = cropBgr;
        label.areaFraction = std::max(label.areaFraction, double(block.area()) / (double(gray.cols) * gray.rows));
    }
    const auto prepared = Preprocessor::run(label.warped, m_preprocess);
    r.quality = QualityChecker::assess(bgr, label, prepared);
    if (lines.empty()) {
        // Nothing text-like anywhere: reading would only produce noise.
        r.prescription = m_parser.parse(OcrPage());
        r.ms = timer.elapsed();
        return r;
    }
    if (!readLines(crop, lines, &r.page, cancel)) {
        if (cancel && cancel->load())
            r.cancelled = true;
        else
            r.error = QStringLiteral("Tesseract failed to read the image");
        return r;
    }
    r.prescription = m_parser.parse(r.page);
    r.ms = timer.elapsed();
    return r;
}

} // namespace kiosk::ocr
