#include "ocr/learned_line_reader.h"
#include "ocr/ocr_data_path.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace kiosk::ocr {

namespace {

constexpr int kInputHeight = 48; // the recogniser's fixed input height
constexpr int kStride = 8;       // input columns per output time step
constexpr int kWordGap = 9;      // blank input columns that part two words: 0.2 of the input height
constexpr int kPieceGap = 2 * kStride; // blank input columns between two pieces sharing an input

} // namespace

QString LearnedLineReader::repairedNumber(const QString &word) {
    static const QRegularExpression number(
        QStringLiteral("^([0-9OoIl.,/]*[0-9][0-9OoIl.,/]*|[0-9OoIl.,/]*[0-9][0-9OoIl.,/"
                       "]*(MG|mg|Mg|MCG|mcg|ML|mL|ml|G|g|%))$"));
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
    cv::dnn::Net net;
};

QString LearnedLineReader::defaultModelDir() {
    return ocrDataPath(QStringLiteral("models"), "KIOSK_OCR_MODELS",
                       QStringLiteral(KIOSK_OCR_DATA_BUILD_DIR));
}

LearnedLineReader::LearnedLineReader(const QString &modelDir)
    : m_networks(std::make_unique<Networks>()) {
    QFile keys(QDir(modelDir).filePath(QStringLiteral("rec-keys.txt")));
    if (!keys.open(QIODevice::ReadOnly)) {
        m_error =
            QStringLiteral("the text recogniser's character list is missing in %1").arg(modelDir);
        return;
    }
    m_symbols.push_back(QString()); // class 0: the CTC blank
    for (const QByteArray &line : keys.readAll().split('\n')) {
        if (!line.isEmpty())
            m_symbols.push_back(QString::fromUtf8(line));
    }
    m_symbols.push_back(QStringLiteral(" ")); // the last class: a space
    const QRegularExpression model(QStringLiteral("^rec-(\\d+)\\.onnx$"));
    for (const QString &name :
         QDir(modelDir).entryList({QStringLiteral("rec-*.onnx")}, QDir::Files, QDir::Name)) {
        if (const auto m = model.match(name); m.hasMatch() && m.captured(1).toInt() >= kInputHeight)
            m_inputWidth = m_inputWidth ? std::min(m_inputWidth, m.captured(1).toInt())
                                        : m.captured(1).toInt();
    }
    if (!m_inputWidth) {
        m_error = QStringLiteral("no text recogniser model (rec-WIDTH.onnx) in %1").arg(modelDir);
        return;
    }
    m_modelFile = QDir(modelDir).filePath(QStringLiteral("rec-%1.onnx").arg(m_inputWidth));
    m_ready = true;
}

LearnedLineReader::~LearnedLineReader() = default;

std::vector<std::pair<int, int>> LearnedLineReader::chunks(const std::vector<int> &inkPerColumn,
                                                           int chunkWidth) {
    const int width = int(inkPerColumn.size());
    std::vector<std::pair<int, int>> pieces;
    int start = 0;
    while (width - start > chunkWidth) {
        // The cut goes through the middle of the widest blank run in the window's right half,
        // the rightmost gap between words if there is one; through the faintest column if the
        // print never pauses.
        int cut = -1, bestRun = 0, faintest = start + chunkWidth;
        bool atWordGap = false;
        for (int x = start + chunkWidth / 2, run = 0; x <= start + chunkWidth; ++x) {
            const bool blank = x < start + chunkWidth && inkPerColumn[size_t(x)] == 0;
            if (blank) {
                ++run;
                continue;
            }
            if (run >= kWordGap || (!atWordGap && run > bestRun)) {
                atWordGap = atWordGap || run >= kWordGap;
                bestRun = run;
                cut = x - (run + 1) / 2;
            }
            run = 0;
            if (inkPerColumn[size_t(x)] < inkPerColumn[size_t(faintest)])
                faintest = x;
        }
        if (cut <= start)
            cut = faintest;
        pieces.emplace_back(start, cut);
        start = cut;
    }
    pieces.emplace_back(start, width);
    return pieces;
}

std::vector<LearnedLineReader::Placement> LearnedLineReader::pack(const std::vector<int> &widths,
                                                                  int inputWidth, int gap) {
    const auto aligned = [](int x) { return (x + kStride - 1) / kStride * kStride; };
    std::vector<size_t> order(widths.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return widths[a] > widths[b]; });
    std::vector<Placement> placed(widths.size());
    std::vector<int> used; // columns taken in each input, the gap after the last piece included
    for (const size_t i : order) {
        size_t input = 0;
        while (input < used.size() && used[input] + widths[i] > inputWidth)
            ++input;
        if (input == used.size())
            used.push_back(0);
        placed[i] = {int(input), used[input]};
        used[input] = aligned(used[input] + widths[i] + gap);
    }
    return placed;
}

bool LearnedLineReader::recogniseLine(const cv::Mat &strip, OcrLine *line,
                                      const std::atomic<bool> *cancel) {
    std::vector<OcrLine> lines;
    const bool ok = recogniseLines({strip}, &lines, cancel);
    *line = ok ? std::move(lines.front()) : OcrLine();
    return ok;
}

bool LearnedLineReader::recogniseLines(const std::vector<cv::Mat> &strips,
                                       std::vector<OcrLine> *lines,
                                       const std::atomic<bool> *cancel) {
    lines->assign(strips.size(), OcrLine());
    if (!m_ready || std::any_of(strips.begin(), strips.end(),
                                [](const cv::Mat &s) { return s.empty() || s.type() != CV_8UC1; }))
        return false;
    if (cancel && cancel->load())
        return false;
    if (m_networks->net.empty()) {
        try {
            m_networks->net = cv::dnn::readNetFromONNX(m_modelFile.toStdString());
        } catch (const cv::Exception &e) {
            m_error = QStringLiteral("the text recogniser could not be loaded: %1")
                          .arg(QString::fromStdString(e.msg));
            return false;
        }
    }
    // Each line's height to the network's 48 rows; a line wider than the network's input is cut
    // into pieces between words, and the pieces of all lines are packed side by side.
    struct Prepared {
        cv::Mat resized; // 48 rows, (v / 255 - 0.5) / 0.5 as in training
        std::vector<int> inkPerColumn;
        double xScale = 1.0; // input px per strip px
    };
    std::vector<Prepared> prepared(strips.size());
    struct Piece {
        size_t line;
        int from, to;
    };
    std::vector<Piece> pieces;
    std::vector<int> widths;
    for (size_t i = 0; i < strips.size(); ++i) {
        const cv::Mat &strip = strips[i];
        Prepared &p = prepared[i];
        const int width =
            std::max(1, int(std::lround(strip.cols * double(kInputHeight) / strip.rows)));
        p.xScale = double(width) / strip.cols;
        cv::Mat resized;
        cv::resize(strip, resized, cv::Size(width, kInputHeight), 0, 0,
                   width < strip.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
        cv::Mat ink, columnSums;
        cv::threshold(resized, ink, 0, 1, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
        cv::reduce(ink, columnSums, 0, cv::REDUCE_SUM, CV_32S);
        p.inkPerColumn.assign(columnSums.begin<int>(), columnSums.end<int>());
        resized.convertTo(p.resized, CV_32F, 2.0 / 255.0, -1.0);
        for (const auto &[from, to] : chunks(p.inkPerColumn, m_inputWidth)) {
            pieces.push_back({i, from, to});
            widths.push_back(to - from);
        }
    }
    // Two blank steps between pieces: the network's view of one piece ends before the next.
    const auto placements = pack(widths, m_inputWidth, kPieceGap);
    const int inputs = placements.empty() ? 0
                                          : std::max_element(
                                                placements.begin(), placements.end(),
                                                [](auto a, auto b) {
                                                    return a.input < b.input;
                                                })->input +
                                                1;

    // Greedy CTC: the best class per step, repeats merged, blanks dropped; x in the line's input
    // px.
    struct Glyph {
        QString text;
        double probability;
        int x;
    };
    std::vector<std::vector<Glyph>> glyphs(strips.size());
    std::vector<std::vector<Glyph>> pieceGlyphs(pieces.size());
    for (int n = 0; n < inputs; ++n) {
        if (cancel && cancel->load())
            return false;
        // The padding is 0, mid grey, as in training; one plane copied to all three channels.
        cv::Mat input(std::vector<int>{1, 3, kInputHeight, m_inputWidth}, CV_32F, cv::Scalar(0));
        for (size_t k = 0; k < pieces.size(); ++k) {
            if (placements[k].input != n)
                continue;
            const Piece &piece = pieces[k];
            const cv::Rect to(placements[k].x, 0, piece.to - piece.from, kInputHeight);
            for (int c = 0; c < 3; ++c) {
                cv::Mat plane(kInputHeight, m_inputWidth, CV_32F, input.ptr<float>(0, c));
                prepared[piece.line].resized.colRange(piece.from, piece.to).copyTo(plane(to));
            }
        }
        cv::Mat scores;
        try {
            m_networks->net.setInput(input);
            scores = m_networks->net.forward();
        } catch (const cv::Exception &e) {
            m_error =
                QStringLiteral("the text recogniser failed: %1").arg(QString::fromStdString(e.msg));
            return false;
        }
        if (scores.dims != 3 || scores.size[2] != int(m_symbols.size())) {
            m_error =
                QStringLiteral("the text recogniser's model does not match its character list");
            return false;
        }
        for (size_t k = 0; k < pieces.size(); ++k) {
            if (placements[k].input != n)
                continue;
            const Piece &piece = pieces[k];
            const int first = placements[k].x / kStride;
            const int steps =
                std::min(scores.size[1] - first, (piece.to - piece.from + kStride - 1) / kStride);
            int previous = 0;
            for (int t = 0; t < steps; ++t) {
                const float *row = scores.ptr<float>(0, first + t);
                const int best = int(std::max_element(row, row + scores.size[2]) - row);
                if (best != 0 && best != previous)
                    pieceGlyphs[k].push_back(
                        {m_symbols[size_t(best)], double(row[best]), piece.from + t * kStride});
                else if (best != 0 && !pieceGlyphs[k].empty())
                    pieceGlyphs[k].back().probability =
                        std::max(pieceGlyphs[k].back().probability, double(row[best]));
                previous = best;
            }
        }
    }
    // Pieces were made left to right per line: their glyphs join in that order.
    for (size_t k = 0; k < pieces.size(); ++k)
        for (Glyph &g : pieceGlyphs[k])
            glyphs[pieces[k].line].push_back(std::move(g));

    for (size_t i = 0; i < strips.size(); ++i) {
        const Prepared &p = prepared[i];
        const int width = int(p.inkPerColumn.size());
        OcrLine *line = &(*lines)[i];
        // A word ends at a space the network read or at a gap in the print wider than a letter's
        // spacing (the network drops some spaces between words).
        const auto blankBetween = [&](int fromX, int toX) {
            int run = 0, longest = 0;
            for (int x = std::clamp(fromX + kStride, 0, width); x < std::clamp(toX, 0, width);
                 ++x) {
                run = p.inkPerColumn[size_t(x)] == 0 ? run + 1 : 0;
                longest = std::max(longest, run);
            }
            return longest >= kWordGap;
        };
        OcrWord word;
        double lowest = 1.0, sum = 0.0;
        int count = 0, firstX = 0, lastX = 0;
        const auto finishWord = [&] {
            if (!word.text.isEmpty()) {
                word.text = repairedNumber(word.text);
                // One doubtful letter makes the word doubtful: the mean would hide it.
                word.confidence = std::min(sum / count, lowest + 0.15);
                const int x0 = std::max(0, int(std::floor((firstX - kStride / 2) / p.xScale)));
                const int x1 =
                    std::min(strips[i].cols, int(std::ceil((lastX + 1.5 * kStride) / p.xScale)));
                word.box = QRect(x0, 0, std::max(1, x1 - x0), strips[i].rows);
                line->box = line->box.isNull() ? word.box : line->box.united(word.box);
                line->words.push_back(std::move(word));
            }
            word = OcrWord();
            lowest = 1.0;
            sum = 0.0;
            count = 0;
        };
        for (const Glyph &g : glyphs[i]) {
            if (g.text == QLatin1String(" ")) {
                finishWord();
                continue;
            }
            if (!word.text.isEmpty() && blankBetween(lastX, g.x))
                finishWord();
            if (word.text.isEmpty())
                firstX = g.x;
            word.text += g.text;
            lastX = g.x;
            lowest = std::min(lowest, g.probability);
            sum += g.probability;
            ++count;
        }
        finishWord();
    }
    return true;
}

} // namespace kiosk::ocr
