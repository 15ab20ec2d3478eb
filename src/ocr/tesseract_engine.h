#pragma once

#include "ocr/ocr_types.h"

#include <QString>

#include <opencv2/core.hpp>

#include <atomic>
#include <memory>

namespace tesseract {
class TessBaseAPI;
}

namespace kiosk::ocr {

// Tesseract 5 (LSTM) through its C++ API, initialised once and reused for every photo.
// Not thread-safe: one engine per worker thread.
class TesseractEngine {
public:
    struct Options {
        QString language = QStringLiteral("eng");
        QString dataPath;     // empty: Tesseract's default (TESSDATA_PREFIX or the packaged path)
        int pageSegMode = 11; // sparse text: measured best on label rows (see src/ocr/README.md)
    };

    TesseractEngine();
    explicit TesseractEngine(const Options &options);
    ~TesseractEngine();
    TesseractEngine(const TesseractEngine &) = delete;
    TesseractEngine &operator=(const TesseractEngine &) = delete;

    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }

    // Reads an 8-bit grey image; returns false when cancelled (cancel set) or on engine failure.
    bool recognise(const cv::Mat &gray, OcrPage *page, const std::atomic<bool> *cancel = nullptr);
    // Reads one straightened line of print (a strip) as a single text line; words in strip pixels.
    bool recogniseLine(const cv::Mat &strip, OcrLine *line,
                       const std::atomic<bool> *cancel = nullptr);

private:
    bool run(const cv::Mat &gray, const std::atomic<bool> *cancel);
    std::vector<OcrLine> collectLines();

    std::unique_ptr<tesseract::TessBaseAPI> m_api;
    Options m_options;
    bool m_ready = false;
    QString m_error;
};

} // namespace kiosk::ocr
