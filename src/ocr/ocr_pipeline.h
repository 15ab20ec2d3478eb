#pragma once

#include "ocr/field_parser.h"
#include "ocr/label_locator.h"
#include "ocr/ocr_types.h"
#include "ocr/prescription.h"
#include "ocr/quality_checker.h"
#include "ocr/tesseract_engine.h"
#include "ocr/text_line_finder.h"

#include <QElapsedTimer>
#include <QString>

#include <atomic>

namespace kiosk::ocr {

// Photo in, prescription out: load, judge quality, find and flatten the label, read it, extract.
// Holds one Tesseract engine, so create one pipeline per thread and reuse it.
class OcrPipeline
{
public:
    struct Result {
        QString error;          // set when the photo could not be read at all
        bool cancelled = false;
        Prescription prescription;
        QualityReport quality;
        OcrPage page;           // the words Tesseract read, on the flattened label
        qint64 ms = 0;
        bool ok() const { return error.isEmpty() && !cancelled; }
        // The contract's JSON line (file, engine and ms included).
        QJsonObject toJson(const QString &file) const;
    };

    OcrPipeline();
    explicit OcrPipeline(const TesseractEngine::Options &engineOptions,
                         const Preprocessor::Options &preprocessOptions = Preprocessor::Options());

    // Empty when ready; otherwise why the engine or the lexicon could not start.
    QString initError() const;

    Result readFile(const QString &path, const std::atomic<bool> *cancel = nullptr);
    Result readImage(const cv::Mat &bgr, const std::atomic<bool> *cancel = nullptr);

private:
    // The block of print in a grey image (found on a small copy), in the image's pixels.
    static TextLineFinder::TextBlock printBlock(const cv::Mat &gray);
    // True when the image's print runs top to bottom (the photo is a quarter turn off).
    static bool runsTopToBottom(const cv::Mat &gray);
    // Mean word confidence of the longest lines, read as they are or turned half round (-1: stopped).
    double sampleConfidence(const cv::Mat &gray, const std::vector<TextLine> &lines, bool flipped,
                            const std::atomic<bool> *cancel);
    // A flat label found by its outline: warped, evened and read as one page.
    Result readPage(const cv::Mat &bgr, const LabelLocator::Result &label, const QElapsedTimer &timer,
                    const std::atomic<bool> *cancel);
    bool readLines(const cv::Mat &gray, const std::vector<TextLine> &lines, OcrPage *page,
                   const std::atomic<bool> *cancel);

    TesseractEngine m_engine;
    Preprocessor::Options m_preprocess;
    const DrugLexicon &m_lexicon;
    FieldParser m_parser;
};

} // namespace kiosk::ocr
