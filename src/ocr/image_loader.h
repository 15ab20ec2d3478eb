#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <opencv2/core.hpp>

namespace kiosk::ocr {

// Reads a photo into an upright BGR matrix with bounded memory: the size is checked from the
// header before any pixel is decoded, huge JPEGs are decoded at 1/2, 1/4 or 1/8 scale by libjpeg,
// and the EXIF orientation a phone stores is applied.
class ImageLoader {
public:
    struct Result {
        cv::Mat image;         // 8-bit BGR, upright; empty when error is set
        QString error;         // one clear sentence when the image cannot be used
        int originalWidth = 0; // as stored in the file (before the EXIF rotation)
        int originalHeight = 0;
        int reduction = 1;       // the decode scale denominator (1, 2, 4 or 8)
        int exifOrientation = 1; // the file's EXIF orientation (1..8), already applied to image
        bool ok() const { return error.isEmpty(); }
    };

    static constexpr qint64 kMaxFileBytes = 100LL * 1024 * 1024;
    static constexpr qint64 kMaxDecodedPixels =
        16'000'000; // ~48 MB as BGR: a 16 MP camera photo still decodes in full
    static constexpr int kMinSide = 64;
    static constexpr int kMaxWorkingSide = 3200; // larger photos are downscaled before processing
    static constexpr int kMinWorkingSide =
        2000; // JPEGs are decoded at 1/2.. while this many px remain

    static Result loadFile(const QString &path);
    static Result decode(const QByteArray &bytes);
    // A camera frame or other in-memory image as an 8-bit BGR copy (empty for a null image).
    static cv::Mat fromImage(const QImage &image);
    // The image a viewer shows for pixels stored with EXIF orientation 1..8 (others: unchanged).
    static cv::Mat applyOrientation(const cv::Mat &stored, int orientation);

private:
    struct Header {
        enum class Format { Unknown, Jpeg, Png } format = Format::Unknown;
        int width = 0;
        int height = 0;
        bool complete =
            false; // the image data reaches its end marker (EOI / IEND); more may follow
        int exifOrientation = 1;
    };
    static Header probe(const QByteArray &bytes);
    static Header probeJpeg(const QByteArray &bytes);
    static Result decodeOther(const QByteArray &bytes);
    static int exifOrientation(const QByteArray &bytes, qsizetype from, qsizetype length);
};

} // namespace kiosk::ocr
