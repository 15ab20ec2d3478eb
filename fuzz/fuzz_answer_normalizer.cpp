// libFuzzer target: an AI Brain response body (untrusted) through AnswerNormalizer::fromBody, the
// way AiBrainClient reads a 200 answer, and through errorDetail, the way it reads an error body.
// The real drug lexicon (resources/ocr) is used.
// Invariants (the header's promises): every confidence is within 0..1 and every core field has
// one; text fields are bounded and hold no control characters; the error detail is one short
// printable line, and printable() leaves it unchanged.
#include "aibrain/answer_normalizer.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {

using kiosk::aibrain::AnswerNormalizer;

bool clean(const QString &text, qsizetype maxChars) {
    if (text.size() > maxChars)
        return false;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const AnswerNormalizer normalizer;
    if (size > 65536)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto outcome = normalizer.fromBody(body);
    if (outcome.ok()) {
        const auto &rx = outcome.prescription;
        for (auto it = rx.confidence.begin(); it != rx.confidence.end(); ++it) {
            if (!(it.value() >= 0.0 && it.value() <= 1.0))
                __builtin_trap(); // a confidence outside 0..1 (or NaN)
        }
        for (const QString &field : kiosk::ocr::Prescription::coreFields()) {
            if (!rx.confidence.contains(field))
                __builtin_trap();
        }
        constexpr int kField = AnswerNormalizer::kMaxFieldChars;
        if (!clean(rx.medicationName, kField) || !clean(rx.dosage, kField) ||
            !clean(rx.dosageForm, kField) || !clean(rx.schedule, kField) ||
            !clean(rx.prescriber, kField) || !clean(rx.pharmacy, kField) ||
            !clean(rx.patient, kField) || !clean(rx.rxNumber, kField) || !clean(rx.date, kField) ||
            !clean(rx.instructions, AnswerNormalizer::kMaxInstructionsChars) ||
            !clean(outcome.rawText, AnswerNormalizer::kMaxRawTextChars))
            __builtin_trap();
        (void)rx.toJson();
    } else if (outcome.error.isEmpty()) {
        __builtin_trap();
    }

    const QString detail = AnswerNormalizer::errorDetail(body);
    if (!clean(detail, AnswerNormalizer::kMaxDetailChars) || detail.contains(QLatin1Char('\n')) ||
        AnswerNormalizer::printable(detail, AnswerNormalizer::kMaxDetailChars) != detail)
        __builtin_trap(); // the detail is not one short printable line
    return 0;
}
