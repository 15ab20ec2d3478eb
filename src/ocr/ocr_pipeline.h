#pragma once

#include "ocr/field_parser.h"
#include "ocr/ocr_types.h"
#include "ocr/prescription.h"
#include "ocr/quality_checker.h"
#include "ocr/tesseract_engine.h"

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
    TesseractEngine m_engine;
    Preprocessor::Options m_preprocess;
    const DrugLexicon &m_lexicon;
    FieldParser m_parser;
};

} // namespace kiosk::ocr
