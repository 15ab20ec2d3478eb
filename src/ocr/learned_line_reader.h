#pragma once

#include "ocr/ocr_types.h"

#include <QString>

#include <opencv2/core.hpp>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

namespace kiosk::ocr {

// Reads one straightened line of print with PaddleOCR's PP-OCRv4 recogniser (a CRNN/SVTR network
// with CTC output) under OpenCV's dnn module. It reads real, uneven, curved print far better than
// Tesseract's LSTM; the models are converted for OpenCV 4.6 at build time (tools/).
// Not thread-safe: one reader per worker thread, like TesseractEngine.
class LearnedLineReader {
public:
    // modelDir holds rec-W.onnx (the network, its input W px wide) and rec-keys.txt (its classes
    // between the CTC blank and the space, one per line); with several rec-W the narrowest is used.
    explicit LearnedLineReader(const QString &modelDir = defaultModelDir());
    ~LearnedLineReader();
    LearnedLineReader(const LearnedLineReader &) = delete;
    LearnedLineReader &operator=(const LearnedLineReader &) = delete;

    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }
    // KIOSK_OCR_MODELS, next to the executable, the install's data dir, then the build tree.
    static QString defaultModelDir();

    // This network reads a zero before a unit as the letter ("85OMG") and a one as I or l ("l0mg"):
    // in a word that is a number, with its unit or alone, those letters become digits.
    static QString repairedNumber(const QString &word);

    // Reads an 8-bit grey strip as one text line; words in strip pixels. False when cancelled
    // or when the network failed.
    bool recogniseLine(const cv::Mat &strip, OcrLine *line,
                       const std::atomic<bool> *cancel = nullptr);
    // Reads several strips, each as one line (lines->at(i) for strips[i]); short lines and the
    // pieces of long ones share the network's inputs, so a label costs passes for its print, not
    // for its number of lines. False when cancelled, a strip is not 8-bit grey, or the network
    // failed.
    bool recogniseLines(const std::vector<cv::Mat> &strips, std::vector<OcrLine> *lines,
                        const std::atomic<bool> *cancel = nullptr);

    // Where pieces of the given widths sit in inputs inputWidth wide: {input, x} for each piece,
    // x a multiple of the network's stride, at least gap blank columns between two pieces.
    // Widest first into the first input with room, so few inputs are needed.
    struct Placement {
        int input = 0;
        int x = 0;
    };
    static std::vector<Placement> pack(const std::vector<int> &widths, int inputWidth, int gap);

    // Where a line of inkPerColumn.size() columns is cut into pieces at most chunkWidth wide:
    // between words where it can, else in the widest pause between letters, else at the faintest
    // column. [from, to) ranges, left to right, covering every column.
    static std::vector<std::pair<int, int>> chunks(const std::vector<int> &inkPerColumn,
                                                   int chunkWidth);

private:
    struct Networks; // cv::dnn stays out of this header: its includes are heavy

    QString m_modelFile;
    int m_inputWidth = 0; // the network's input width in px (its height is 48)
    std::unique_ptr<Networks>
        m_networks;                 // loaded on first use: a scan that never needs it pays nothing
    std::vector<QString> m_symbols; // class index -> text ("" for the CTC blank)
    bool m_ready = false;
    QString m_error;
};

} // namespace kiosk::ocr
