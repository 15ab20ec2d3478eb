#pragma once

#include <QString>

namespace kiosk::ocr {

// Where a file or folder the reader needs (the lexicon, the label words, the models) is found:
// the environment variable's path when it is set and exists, next to the executable
// (../share/kilo-kiosk/ocr), the install prefix, then buildTreeDir, which is also the answer when
// none exists (the caller reports what is missing there).
QString ocrDataPath(const QString &relative, const char *environmentVariable,
                    const QString &buildTreeDir);

} // namespace kiosk::ocr
