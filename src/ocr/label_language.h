#pragma once

#include <QString>

namespace kiosk::ocr {

// Which language a label is printed in (English or Spanish), and the accent folding that lets
// one set of patterns read both: OCR drops or misreads accents ("vía" comes back as "via" or
// "vla"), so patterns match folded text.
class LabelLanguage {
public:
    enum class Language { English, Spanish };

    // Lower case with accents removed: "Día" -> "dia", "Cápsula" -> "capsula".
    static QString fold(const QString &text);
    // Spanish when the text has more Spanish label words ("tome", "veces", "cada", "vía") than
    // English ones ("take", "times", "every", "by mouth"); English otherwise, also when neither.
    static Language detect(const QString &text);
    static QString code(Language language); // "en" / "es"
};

} // namespace kiosk::ocr
