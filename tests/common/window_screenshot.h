#pragma once

#include <QDir>
#include <QImage>
#include <QQuickWindow>
#include <QString>
#include <QTest>

namespace kiosk::test {

// Grabs what the window shows (after a moment for animations to settle) and, when
// $KIOSK_SCREENSHOT_DIR is set, saves it there as <name>.png for a person to look at.
inline void saveWindowScreenshot(QQuickWindow *window, const QString &name) {
    QTest::qWait(300);
    const QImage image = window->grabWindow();
    QVERIFY(!image.isNull());
    const QString dir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(image.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

} // namespace kiosk::test
