#pragma once

#include "ocr/ocr_types.h"

#include <QString>

#include <opencv2/core.hpp>

#include <atomic>
#include <memory>
#include <vector>

namespace kiosk::ocr {

// Reads one straightened line of print with PaddleOCR's PP-OCRv4 recogniser (a CRNN/SVTR network
// with CTC output) under OpenCV's dnn module. It reads real, uneven, curved print far better than
// Tesseract's LSTM; the models are converted for OpenCV 4.6 at build time (tools/).
// Not thread-safe: one reader per worker thread, like TesseractEngine.
class LearnedLineReader
{
public:
    // modelDir holds rec-W.onnx (one per input width bucket) and ppocr_keys_v1.txt.
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
    bool recogniseLine(const cv::Mat &strip, OcrLine *line, const std::atomic<bool> *cancel = nullptr);

private:
    struct Networks; // cv::dnn stays out of this header: its includes are heavy

    QString m_modelDir;
    std::vector<int> m_widths;                    // the width buckets on disk, ascending
    std::unique_ptr<Networks> m_networks;         // one per width bucket, loaded on first use
    std::vector<QString> m_symbols;               // class index -> text ("" for the CTC blank)
    std::vector<int> m_latinClasses;              // the classes a Latin-script label can print
    bool m_ready = false;
    QString m_error;
};

} // namespace kiosk::ocr
