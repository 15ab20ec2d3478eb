#include "ocr/learned_line_reader.h"
#include "ocr/ocr_data_path.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>

namespace kiosk::ocr {

namespace {

constexpr int kInputHeight = 48; // the recogniser's fixed input height
constexpr int kStride = 8;       // input columns per output time step

} // namespace

QString LearnedLineReader::repairedNumber(const QString &word)
{
    static const QRegularExpression number(
        QStringLiteral("^([0-9OoIl.,/]*[0-9][0-9OoIl.,/]*|[0-9OoIl.,/]*[0-9][0-9OoIl.,/]*(MG|mg|Mg|MCG|mcg|ML|mL|ml|G|g|%))$"));
    static const QRegularExpression unit(QStringLiteral("(MG|mg|Mg|MCG|mcg|ML|mL|ml|G|g|%)$"));
    if (!number.match(word).hasMatch())
        return word;
    const auto u = unit.match(word);
    QString digits = u.hasMatch() ? word.left(u.capturedStart()) : word;
    for (QChar &c : digits) {
        if (c == QLatin1Char('O') || c == QLatin1Char('o'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('l'))
            c = QLatin1Char('1');
    }
    return digits + (u.hasMatch() ? u.captured() : QString());
}

struct LearnedLineReader::Networks {
    std::map<int, cv::dnn::Net> byWidth;
};

QString LearnedLineReader::defaultModelDir()
{
    return ocrDataPath(QStringLiteral("models"), "KIOSK_OCR_MODELS", QStringLiteral(KIOSK_OCR_DATA_BUILD_DIR));
}

LearnedLineReader::LearnedLineReader(const QString &modelDir)
    : m_modelDir(modelDir)
    , m_networks(std::make_unique<Networks>())
{
    QFile keys(QDir(modelDir).filePath(QStringLiteral("ppocr_keys_v1.txt")));
    if (!keys.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("the text recogniser's character list is missing in %1").arg(modelDir);
        return;
    }
    m_symbols.push_back(QString()); // class 0: the CTC blank
    for (const QByteArray &line : keys.readAll().split('\n')) {
        if (!line.isEmpty())
            m_symbols.push_back(QString::fromUtf8(line));
    }
    m_symbols.push_back(QStringLiteral(" ")); // the last class: a space
    // Chinese script can never be on these labels; leaving it out stops a smudge from reading as one.
    for (int i = 0; i < int(m_symbols.size()); ++i) {
        const QString &s = m_symbols[size_t(i)];
        if (i == 0 || (s.size() == 1 && s.at(0).unicode() < 0x250))
            m_latinClasses.push_back(i);
    }
    const QRegularExpression bucket(QStringLiteral("^rec-(\\d+)\\.onnx$"));
    for (const QString &name : QDir(modelDir).entryList({QStringLiteral("rec-*.onnx")}, QDir::Files)) {
        if (const auto m = bucket.match(name); m.hasMatch())
            m_widths.push_back(m.captured(1).toInt());
    }
    std::sort(m_widths.begin(), m_widths.end());
    if (m_widths.empty()) {
        m_error = QStringLiteral("no text recogniser model (rec-WIDTH.onnx) in %1").arg(modelDir);
        return;
    }
    m_ready = true;
}

LearnedLineReader::~LearnedLineReader() = default;

bool LearnedLineReader::recogniseLine(const cv::Mat &strip, OcrLine *line, const std::atomic<bool> *cancel)
{
    *line = OcrLine();
    if (!m_ready || strip.empty() || strip.type() != CV_8UC1)
        return false;
    if (cancel && cancel->load())
        return false;
    // Height to the network's 48 rows; the narrowest bucket that holds the line, squeezed if none does.
    const double scale = double(kInputHeight) / strip.rows;
    int width = std::max(1, int(std::lround(strip.cols * scale)));
    const auto bucket = std::lower_bound(m_widths.begin(), m_widths.end(), width);
    const int inputWidth = bucket == m_widths.end() ? m_widths.back() : *bucket;
    width = std::min(width, inputWidth);
    const double xScale = double(width) / strip.cols; // input px per strip px

    auto &net = m_networks->byWidth[inputWidth];
    if (net.empty()) {
        try {
            net = cv::dnn::readNetFromONNX(
                QDir(m_modelDir).filePath(QStringLiteral("rec-%1.onnx").arg(inputWidth)).toStdString());
        } catch (const cv::Exception &e) {
            m_error = QStringLiteral("the text recogniser could not be loaded: %1").arg(QString::fromStdString(e.msg));
            return false;
        }
    }
    cv::Mat resized;
    cv::resize(strip, resized, cv::Size(width, kInputHeight), 0, 0, width < strip.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
    // (v / 255 - 0.5) / 0.5 in all three channels; the padding is 0, mid grey, as in training.
    cv::Mat input(std::vector<int>{1, 3, kInputHeight, inputWidth}, CV_32F, cv::Scalar(0));
    cv::Mat normalised;
    resized.convertTo(normalised, CV_32F, 2.0 / 255.0, -1.0);
    for (int c = 0; c < 3; ++c) {
        cv::Mat plane(kInputHeight, inputWidth, CV_32F, input.ptr<float>(0, c));
        normalised.copyTo(plane(cv::Rect(0, 0, width, kInputHeight)));
    }
    cv::Mat scores;
    try {
        net.setInput(input);
        scores = net.forward();
    } catch (const cv::Exception &e) {
        m_error = QStringLiteral("the text recogniser failed: %1").arg(QString::fromStdString(e.msg));
        return false;
    }
    if (scores.dims != 3 || scores.size[2] != int(m_symbols.size()))
        return false;
    const int steps = std::min(scores.size[1], (width + kStride - 1) / kStride);

    // Greedy CTC: the best Latin class per step, repeats merged, blanks dropped. A word ends at a
    // space the network read or at a gap in the print wider than a letter's spacing.
    struct Glyph {
        QString text;
        double probability;
        int step;
    };
    std::vector<Glyph> glyphs;
    int previous = 0;
    for (int t = 0; t < steps; ++t) {
        const float *row = scores.ptr<float>(0, t);
        int best = 0;
        for (int c : m_latinClasses)
            best = row[c] > row[best] ? c : best;
        if (best != 0 && best != previous)
            glyphs.push_back({m_symbols[size_t(best)], double(row[best]), t});
        else if (best != 0 && !glyphs.empty())
            glyphs.back().probability = std::max(glyphs.back().probability, double(row[best]));
        previous = best;
    }
    // Columns with no ink at all, in input px (the network drops some spaces between words).
    cv::Mat ink;
    cv::threshold(resized, ink, 0, 1, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat columns;
    cv::reduce(ink, columns, 0, cv::REDUCE_SUM, CV_32S);
    const auto blankBetween = [&](int fromStep, int toStep) {
        const int from = std::clamp(fromStep * kStride + kStride, 0, width);
        const int to = std::clamp(toStep * kStride, 0, width);
        int run = 0, longest = 0;
        for (int x = from; x < to; ++x) {
            run = columns.at<int>(0, x) == 0 ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        return longest >= int(0.2 * kInputHeight);
    };

    OcrWord word;
    double lowest = 1.0, sum = 0.0;
    int count = 0, firstStep = 0, lastStep = 0;
    const auto finishWord = [&] {
        if (!word.text.isEmpty()) {
            word.text = repairedNumber(word.text);
            // One doubtful letter makes the word doubtful: the mean would hide it.
            word.confidence = std::min(sum / count, lowest + 0.15);
            const int x0 = std::max(0, int(std::floor((firstStep * kStride - kStride / 2) / xScale)));
            const int x1 = std::min(strip.cols, int(std::ceil((lastStep * kStride + 1.5 * kStride) / xScale)));
            word.box = QRect(x0, 0, std::max(1, x1 - x0), strip.rows);
            line->box = line->box.isNull() ? word.box : line->box.united(word.box);
            line->words.push_back(std::move(word));
        }
        word = OcrWord();
        lowest = 1.0;
        sum = 0.0;
        count = 0;
    };
    for (size_t i = 0; i < glyphs.size(); ++i) {
        const Glyph &g = glyphs[i];
        if (g.text == QLatin1String(" ")) {
            finishWord();
            continue;
        }
        if (!word.text.isEmpty() && blankBetween(lastStep, g.step))
            finishWord();
        if (word.text.isEmpty())
            firstStep = g.step;
        word.text += g.text;
        lastStep = g.step;
        lowest = std::min(lowest, g.probability);
        sum += g.probability;
        ++count;
    }
    finishWord();
    return true;
}

} // namespace kiosk::ocr
