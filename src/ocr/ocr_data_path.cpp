#include "ocr/ocr_data_path.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace kiosk::ocr {

QString ocrDataPath(const QString &relative, const char *environmentVariable,
                    const QString &buildTreeDir) {
    const QStringList candidates = {
        environmentVariable ? qEnvironmentVariable(environmentVariable) : QString(),
        QCoreApplication::instance()
            ? QDir(QCoreApplication::applicationDirPath())
                  .filePath(QStringLiteral("../share/kilo-kiosk/ocr/") + relative)
            : QString(),
        QStringLiteral(KIOSK_OCR_INSTALLED_RESOURCES_DIR "/") + relative,
        buildTreeDir + QLatin1Char('/') + relative,
    };
    for (const QString &c : candidates) {
        if (!c.isEmpty() && QFileInfo::exists(c))
            return c;
    }
    return buildTreeDir + QLatin1Char('/') + relative;
}

} // namespace kiosk::ocr
