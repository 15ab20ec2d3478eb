#pragma once

#include <QImage>
#include <QString>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

// Camera frames for tests: a photo turned into the kind of video frame a camera delivers.
namespace kiosk::test {

inline QVideoFrame videoFrameFrom(const QImage &image) {
    const QImage rgbx = image.convertToFormat(QImage::Format_RGBX8888);
    QVideoFrame frame(QVideoFrameFormat(rgbx.size(), QVideoFrameFormat::Format_RGBX8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < rgbx.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), rgbx.constScanLine(y),
                    size_t(rgbx.width()) * 4);
    frame.unmap();
    return frame;
}

// A fixture label photo as a 1280-wide frame, the size a tablet camera streams at.
inline QImage labelFrame(const QString &name = QStringLiteral("0000.jpg")) {
    const QImage photo(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/") + name);
    return photo.isNull() ? photo : photo.scaledToWidth(1280, Qt::SmoothTransformation);
}

} // namespace kiosk::test
