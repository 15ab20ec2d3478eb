#pragma once

#include "ocr/drug_lexicon.h"
#include "ocr/run_together_splitter.h"
#include "ocr/ocr_types.h"
#include "ocr/prescription.h"

#include <QString>

#include <vector>

namespace kiosk::ocr {

// Turns recognised words into prescription fields. Layout-aware: words are regrouped into printed
// rows and cells by their boxes, keys ("Rx#", "Sig:", "Qty") claim the cell they start, and the
// rest is found by position (the patient row sits above the sig on a pharmacy label).
class FieldParser {
public:
    // A field whose confidence is below this goes to needs_review.
    static constexpr double kReviewThreshold = 0.8;

    explicit FieldParser(const DrugLexicon &lexicon);

    Prescription parse(const OcrPage &page) const;
    // Plain text, one printed row per line, every word fully confident (tests, fuzzing, other
    // engines).
    Prescription parseText(const QString &text) const;

    struct Cell {
        std::vector<OcrWord> words;
        QString text;               // words joined by single spaces
        std::vector<int> wordStart; // offset of each word in text
        int row = 0;
        QRect box;
        // Lowest word confidence among the words overlapping text[from, to).
        double confidence(qsizetype from, qsizetype to) const;
        double meanConfidence(qsizetype from, qsizetype to) const;
    };
    struct Row {
        std::vector<Cell> cells;
        QRect box;
        QString text() const;
    };
    // Regroups words into rows (vertical overlap) and cells (large horizontal gaps).
    static std::vector<Row> layoutRows(const OcrPage &page);

private:
    const DrugLexicon &m_lexicon;
    RunTogetherSplitter m_splitter;
};

} // namespace kiosk::ocr
