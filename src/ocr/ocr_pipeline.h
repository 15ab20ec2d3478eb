#pragma once

#include "ocr/field_parser.h"
#include "ocr/label_locator.h"
#include "ocr/learned_line_reader.h"
#include "ocr/ocr_types.h"
#include "ocr/prescription.h"
#include "ocr/quality_checker.h"
#include "ocr/tesseract_engine.h"
#include "ocr/text_line_finder.h"

#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <optional>
#include <vector>

namespace kiosk::ocr {

// Photo in, prescription out: load, judge quality, find and flatten the label, read it, extract.
// Holds one Tesseract engine, so create one pipeline per thread and reuse it.
class OcrPipeline {
public:
    struct Result {
        QString error; // set when the photo could not be read at all
        bool cancelled = false;
        Prescription prescription;
        QualityReport quality;
        OcrPage page; // the words Tesseract read, on the flattened label
        qint64 ms = 0;
        bool ok() const { return error.isEmpty() && !cancelled; }
        // The contract's JSON line (file, engine and ms included).
        QJsonObject toJson(const QString &file) const;
    };

    OcrPipeline();
    explicit OcrPipeline(const TesseractEngine::Options &engineOptions,
                         const Preprocessor::Options &preprocessOptions = Preprocessor::Options());

    // Empty when photos can be read; otherwise why the lexicon or the line reader could not
    // start. Tesseract is started, and its failure reported, by the first read that needs it.
    QString initError() const;

    Result readFile(const QString &path, const std::atomic<bool> *cancel = nullptr);
    Result readImage(const cv::Mat &bgr, const std::atomic<bool> *cancel = nullptr);

private:
    // Why reading line by line failed (the learned reader's error, else Tesseract's).
    QString lineReadError() const;
    // The block of print in a grey image (found on a small copy), in the image's pixels.
    static TextLineFinder::TextBlock printBlock(const cv::Mat &gray);
    // True when the image's print runs top to bottom (the photo is a quarter turn off).
    static bool runsTopToBottom(const cv::Mat &gray);
    // Reads the lines picked (indices into lines) through their straightened strips (flipped:
    // turned half round first), all in one go; placed[k] holds picked[k]'s words back in gray's
    // pixels. False when cancelled or the engine failed.
    bool readLineSet(const cv::Mat &gray, const std::vector<TextLine> &lines,
                     const std::vector<size_t> &picked, const Cylinder &bottle, bool flipped,
                     std::vector<OcrLine> *placed, const std::atomic<bool> *cancel);
    // Mean word confidence of the three longest lines, read as they are or turned half round
    // (-1: stopped); read, when given, keeps each line's reading for readLines.
    double sampleConfidence(const cv::Mat &gray, const std::vector<TextLine> &lines,
                            const Cylinder &bottle, bool flipped,
                            std::vector<std::optional<OcrLine>> *read,
                            const std::atomic<bool> *cancel);
    // A flat label found by its outline: warped, evened and read as one page.
    Result readPage(const cv::Mat &bgr, const LabelLocator::Result &label,
                    const QElapsedTimer &timer, const std::atomic<bool> *cancel);
    bool readLines(const cv::Mat &gray, const std::vector<TextLine> &lines, const Cylinder &bottle,
                   std::vector<std::optional<OcrLine>> &alreadyRead, OcrPage *page,
                   const std::atomic<bool> *cancel);
    TesseractEngine m_engine;
    LearnedLineReader m_lineReader; // bent and hand-held print, line by line
    // KIOSK_OCR_TESSERACT_LINES=1 reads lines with Tesseract, as before the learned reader (to
    // compare).
    const bool m_learnedLines = qEnvironmentVariableIsEmpty("KIOSK_OCR_TESSERACT_LINES");
    Preprocessor::Options m_preprocess;
    const DrugLexicon &m_lexicon;
    FieldParser m_parser;
};

} // namespace kiosk::ocr
