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

// Tesseract 5 (LSTM) through its C++ API, initialised on first use (a label read line by line by
// the learned reader never pays its 0.1-0.2 s start) and reused for every photo.
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

    // Both start the engine if it has not started yet.
    bool isReady() const;
    QString error() const;

    // Reads an 8-bit grey image; returns false when cancelled (cancel set) or on engine failure.
    bool recognise(const cv::Mat &gray, OcrPage *page, const std::atomic<bool> *cancel = nullptr);
    // Reads one straightened line of print (a strip) as a single text line; words in strip pixels.
    bool recogniseLine(const cv::Mat &strip, OcrLine *line,
                       const std::atomic<bool> *cancel = nullptr);

private:
    bool run(const cv::Mat &gray, const std::atomic<bool> *cancel);
    std::vector<OcrLine> collectLines();
    void start() const;

    // Started lazily from const queries, hence mutable.
    mutable std::unique_ptr<tesseract::TessBaseAPI> m_api;
    Options m_options;
    mutable bool m_started = false;
    mutable bool m_ready = false;
    mutable QString m_error;
};

} // namespace kiosk::ocr
