// libFuzzer target: arbitrary OCR text through the field parser and the sig normaliser.
#include "ocr/drug_lexicon.h"
#include "ocr/field_parser.h"
#include "ocr/sig_normalizer.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const kiosk::ocr::DrugLexicon lexicon = [] {
        kiosk::ocr::DrugLexicon l;
        l.loadText(QStringLiteral(
            "lisinopril\tPrinivil|Zestril\nmetformin\tGlucophage\npotassium chloride\tKlor-Con\n"));
        return l;
    }();
    if (size > 16384)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const kiosk::ocr::FieldParser parser(lexicon);
    const auto rx = parser.parseText(text);
    (void)rx.toJson();
    (void)kiosk::ocr::SigNormalizer::normalise(text);
    return 0;
}
