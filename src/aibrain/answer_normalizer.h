#pragma once

#include "ocr/drug_lexicon.h"
#include "ocr/prescription.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace kiosk::aibrain {

// Turns the AI Brain's answer (untrusted input) into the Prescription the local reader produces.
// The answer must be a JSON object of bounded size; fields of the wrong type or size are dropped
// and flagged, unknown fields are ignored, missing core fields are empty and flagged. The schedule
// goes through the local SigNormalizer, the drug name through the local DrugLexicon, the strength
// through meds::DosageStrength. Confidence comes from the answer's `confidence` (an object per
// field, or one number), clamped to 0..1, and never above what the local checks allow; without
// it every field gets kDefaultConfidence, below the review threshold, so nothing looks verified.
class AnswerNormalizer {
public:
    static constexpr qint64 kMaxAnswerBytes = 1024 * 1024;
    static constexpr int kMaxFieldChars = 300; // names, dosage, schedule, pharmacy, ...
    static constexpr int kMaxInstructionsChars = 2000;
    static constexpr int kMaxRawTextChars = 20000;
    static constexpr int kMaxDetailChars = 300;
    static constexpr double kDefaultConfidence = 0.5;

    struct Outcome {
        QString error; // the answer is unusable as a whole (not JSON, not an object, ...)
        ocr::Prescription prescription;
        QString rawText;
        bool ok() const { return error.isEmpty(); }
    };

    explicit AnswerNormalizer(const ocr::DrugLexicon &lexicon = ocr::DrugLexicon::shared());

    Outcome fromBody(const QByteArray &body) const;
    Outcome fromObject(const QJsonObject &answer) const;

    // FastAPI's error body {"detail": "..."} (or a 422 list of {"msg": ...}) as one short,
    // printable line; a summary of the body when it has no detail.
    static QString errorDetail(const QByteArray &body);
    // Control characters removed, whitespace simplified, cut to maxChars.
    static QString printable(const QString &text, int maxChars);

private:
    const ocr::DrugLexicon &m_lexicon;
};

} // namespace kiosk::aibrain
