#include "ocr/image_loader.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QFileInfo>
#include <QImage>

#include <allheaders.h>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>
#include <memory>

namespace kiosk::ocr {

namespace {

quint32 bigEndian32(const QByteArray &b, qsizetype at) {
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData()) + at;
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

int bigEndian16(const QByteArray &b, qsizetype at) {
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData()) + at;
    return (int(p[0]) << 8) | int(p[1]);
}

struct PixDeleter {
    void operator()(PIX *pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Leptonica (already loaded for Tesseract) decodes; OpenCV's imgcodecs would drag in GDAL and a
// hundred more libraries, which cost more start-up time than reading the photo.
cv::Mat toBgr(PIX *source) {
    // A JPEG or RGB PNG decodes to 32 bpp already: converting would only copy it.
    PixPtr converted(pixGetDepth(source) == 32 ? nullptr : pixConvertTo32(source));
    PIX *pix = converted ? converted.get() : source;
    if (!pix || pixGetDepth(pix) != 32)
        return {};
    const int w = int(pixGetWidth(pix)), h = int(pixGetHeight(pix));
    const int wpl = int(pixGetWpl(pix));
    const l_uint32 *data = pixGetData(pix);
    cv::Mat out(h, w, CV_8UC3);
    cv::parallel_for_(cv::Range(0, h), [&](const cv::Range &rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const l_uint32 *line = data + size_t(y) * size_t(wpl);
            auto *row = out.ptr<uchar>(y);
            // A pixel word is 0xRRGGBBAA whatever the byte order.
            for (int x = 0; x < w; ++x) {
                const l_uint32 word = line[x];
                row[3 * x] = uchar(word >> L_BLUE_SHIFT);
                row[3 * x + 1] = uchar(word >> L_GREEN_SHIFT);
                row[3 * x + 2] = uchar(word >> L_RED_SHIFT);
            }
        }
    });
    return out;
}

QString tooSmall(int width, int height) {
    return QStringLiteral("image is only %1x%2 pixels: too small to hold a readable label")
        .arg(width)
        .arg(height);
}

QString tooLarge(int width, int height) {
    return QStringLiteral("image is %1x%2 pixels: larger than this kiosk can read")
        .arg(width)
        .arg(height);
}

// Larger photos are downscaled before processing: the reading needs no more.
cv::Mat toWorkingSize(cv::Mat image) {
    const int longSide = std::max(image.cols, image.rows);
    if (longSide > ImageLoader::kMaxWorkingSide) {
        const double scale = double(ImageLoader::kMaxWorkingSide) / longSide;
        cv::resize(image, image, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    return image;
}

} // namespace

ImageLoader::Header ImageLoader::probe(const QByteArray &bytes) {
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    if (size >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        return probeJpeg(bytes);
    Header header;
    if (size >= 24 && bytes.startsWith("\x89PNG\r\n\x1a\n") && bytes.mid(12, 4) == "IHDR") {
        header.format = Header::Format::Png;
        const quint32 w = bigEndian32(bytes, 16);
        const quint32 h = bigEndian32(bytes, 20);
        header.width = w > 1'000'000 ? 1'000'000 : int(w);
        header.height = h > 1'000'000 ? 1'000'000 : int(h);
        // Walk the chunks to IEND: complete means the image data ends where the format says.
        qsizetype pos = 8;
        while (pos + 12 <= size) {
            const quint32 length = bigEndian32(bytes, pos);
            if (length > quint32(size))
                break;
            if (bytes.mid(pos + 4, 4) == "IEND") {
                header.complete = true;
                break;
            }
            pos += 12 + qsizetype(length);
        }
    }
    return header;
}

ImageLoader::Header ImageLoader::probeJpeg(const QByteArray &bytes) {
    Header header;
    header.format = Header::Format::Jpeg;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    // Walk the segments and the entropy-coded scans to the EOI marker. Whatever follows it
    // (Samsung's SEFT trailer, a Motion Photo's video, MPF's second image) is not our business:
    // only a file whose image data stops early is truncated.
    qsizetype pos = 2;
    while (pos + 2 <= size) {
        if (data[pos] != 0xFF) {
            ++pos; // tolerate padding / garbage between segments
            continue;
        }
        const unsigned char marker = data[pos + 1];
        if (marker == 0xFF) {
            ++pos;
            continue;
        }
        if (marker == 0xD9) {
            header.complete = true;
            break;
        }
        // Stand-alone markers carry no length.
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            pos += 2;
            continue;
        }
        if (pos + 4 > size)
            break;
        const int length = bigEndian16(bytes, pos + 2);
        if (length < 2 || pos + 2 + length > size)
            break;
        const bool isFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isFrame && length >= 7 && header.width == 0) {
            header.height = bigEndian16(bytes, pos + 5);
            header.width = bigEndian16(bytes, pos + 7);
        }
        if (marker == 0xE1 && header.exifOrientation == 1)
            header.exifOrientation = exifOrientation(bytes, pos + 4, length - 2);
        pos += 2 + length;
        if (marker != 0xDA)
            continue;
        // Entropy-coded data: FF00 is a stuffed byte, FFD0..FFD7 restart markers; any other marker
        // ends it.
        while (pos + 1 < size) {
            const auto *next = static_cast<const unsigned char *>(
                std::memchr(data + pos, 0xFF, size_t(size - pos)));
            if (!next) {
                pos = size;
                break;
            }
            pos = next - data;
            if (pos + 1 >= size)
                break;
            const unsigned char m = data[pos + 1];
            if (m == 0x00 || (m >= 0xD0 && m <= 0xD7) || m == 0xFF)
                pos += (m == 0xFF) ? 1 : 2;
            else
                break;
        }
    }
    return header;
}

int ImageLoader::exifOrientation(const QByteArray &bytes, qsizetype from, qsizetype length) {
    // APP1: "Exif\0\0", then a TIFF header (byte order, 42, offset of IFD0); tag 0x0112 in IFD0.
    if (length < 14 || from < 0 || from + length > bytes.size() ||
        bytes.mid(from, 6) != QByteArray("Exif\0\0", 6))
        return 1;
    const QByteArray tiff = bytes.mid(from + 6, length - 6);
    const auto *t = reinterpret_cast<const unsigned char *>(tiff.constData());
    const qsizetype n = tiff.size();
    bool little = false;
    if (t[0] == 'I' && t[1] == 'I')
        little = true;
    else if (!(t[0] == 'M' && t[1] == 'M'))
        return 1;
    const auto u16 = [&](qsizetype at) -> quint32 {
        return little ? quint32(t[at]) | (quint32(t[at + 1]) << 8)
                      : (quint32(t[at]) << 8) | quint32(t[at + 1]);
    };
    const auto u32 = [&](qsizetype at) -> quint32 {
        return little ? u16(at) | (u16(at + 2) << 16) : (u16(at) << 16) | u16(at + 2);
    };
    if (u16(2) != 42)
        return 1;
    const quint32 ifd = u32(4);
    if (ifd < 8 || qsizetype(ifd) + 2 > n)
        return 1;
    const quint32 entries = u16(ifd);
    for (quint32 i = 0; i < entries; ++i) {
        const qsizetype entry = qsizetype(ifd) + 2 + qsizetype(i) * 12;
        if (entry + 12 > n)
            break;
        if (u16(entry) == 0x0112 && u16(entry + 2) == 3) {
            const int value = int(u16(entry + 8));
            return value >= 1 && value <= 8 ? value : 1;
        }
    }
    return 1;
}

ImageLoader::Result ImageLoader::decodeOther(const QByteArray &bytes) {
    // WebP, TIFF, BMP, GIF (a photo saved from a browser or a messenger, often with the wrong
    // extension): Qt's image plugins read them. The size is read from the header first.
    Result result;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format.isEmpty() || !reader.canRead()) {
        result.error =
            QStringLiteral("not an image this kiosk can read (JPEG, PNG, WebP, TIFF, BMP)");
        return result;
    }
    const QSize size = reader.size();
    const QString name = QString::fromLatin1(format).toUpper();
    if (!size.isValid()) {
        result.error = QStringLiteral("damaged %1: no image size in the header").arg(name);
        return result;
    }
    result.originalWidth = size.width();
    result.originalHeight = size.height();
    if (size.width() < kMinSide || size.height() < kMinSide) {
        result.error = tooSmall(size.width(), size.height());
        return result;
    }
    if (qint64(size.width()) * size.height() > kMaxDecodedPixels) {
        result.error = tooLarge(size.width(), size.height());
        return result;
    }
    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        result.error = QStringLiteral("cannot decode %1: %2").arg(name, reader.errorString());
        return result;
    }
    result.image = toWorkingSize(fromImage(image));
    return result;
}

cv::Mat ImageLoader::applyOrientation(const cv::Mat &stored, int orientation) {
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(stored, out, 1);
        break;
    case 3:
        cv::rotate(stored, out, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(stored, out, 0);
        break;
    case 5:
        cv::transpose(stored, out);
        break;
    case 6:
        cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE);
        break;
    case 7:
        cv::transpose(stored, out);
        cv::rotate(out, out, cv::ROTATE_180);
        break;
    case 8:
        cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    default:
        out = stored;
        break;
    }
    return out;
}

ImageLoader::Result ImageLoader::loadFile(const QString &path) {
    Result result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("file not found");
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("is a directory, not an image");
        return result;
    }
    if (info.size() == 0) {
        result.error = QStringLiteral("empty file");
        return result;
    }
    if (info.size() > kMaxFileBytes) {
        result.error =
            QStringLiteral("file is larger than %1 MB").arg(kMaxFileBytes / (1024 * 1024));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot open: %1").arg(file.errorString());
        return result;
    }
    return decode(file.readAll());
}

cv::Mat ImageLoader::fromImage(const QImage &image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    if (rgb.isNull())
        return {};
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                       size_t(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

ImageLoader::Result ImageLoader::decode(const QByteArray &bytes) {
    Result result;
    if (bytes.isEmpty()) {
        result.error = QStringLiteral("empty file");
        return result;
    }
    if (bytes.size() > kMaxFileBytes) {
        result.error =
            QStringLiteral("file is larger than %1 MB").arg(kMaxFileBytes / (1024 * 1024));
        return result;
    }
    const Header header = probe(bytes);
    if (header.format == Header::Format::Unknown)
        return decodeOther(bytes);
    const char *formatName = header.format == Header::Format::Jpeg ? "JPEG" : "PNG";
    if (header.width <= 0 || header.height <= 0) {
        result.error = QStringLiteral("damaged %1: no image size in the header")
                           .arg(QLatin1String(formatName));
        return result;
    }
    result.originalWidth = header.width;
    result.originalHeight = header.height;
    if (!header.complete) {
        result.error = QStringLiteral("truncated %1: the file ends before the image data does")
                           .arg(QLatin1String(formatName));
        return result;
    }
    if (header.width < kMinSide || header.height < kMinSide) {
        result.error = tooSmall(header.width, header.height);
        return result;
    }
    const qint64 pixels = qint64(header.width) * header.height;
    if (pixels > kMaxDecodedPixels) {
        if (header.format != Header::Format::Jpeg || pixels > kMaxDecodedPixels * 64) {
            result.error = tooLarge(header.width, header.height);
            return result;
        }
        // libjpeg scales during the DCT, so memory stays proportional to the reduced size.
        for (const int denominator : {2, 4, 8}) {
            result.reduction = denominator;
            if (pixels / (qint64(denominator) * denominator) <= kMaxDecodedPixels)
                break;
        }
    }
    // A phone photo has more pixels than a label's print needs: libjpeg's scaled decode is the
    // cheapest downscale there is, as long as the long side stays at kMinWorkingSide or more.
    if (header.format == Header::Format::Jpeg) {
        const int longSide = std::max(header.width, header.height);
        while (result.reduction < 8 && longSide / (result.reduction * 2) >= kMinWorkingSide)
            result.reduction *= 2;
    }
    setMsgSeverity(L_SEVERITY_NONE);
    const auto *data = reinterpret_cast<const l_uint8 *>(bytes.constData());
    PixPtr pix;
    if (header.format == Header::Format::Jpeg) {
        l_int32 warnings = 0;
        pix.reset(pixReadMemJpeg(data, size_t(bytes.size()), 0, result.reduction, &warnings, 0));
        if (pix && warnings > 0) {
            result.error = QStringLiteral("damaged JPEG: the image data is corrupt");
            return result;
        }
    } else {
        pix.reset(pixReadMemPng(data, size_t(bytes.size())));
    }
    cv::Mat image = pix ? toBgr(pix.get()) : cv::Mat();
    if (image.empty() || image.type() != CV_8UC3) {
        result.error = QStringLiteral("cannot decode %1: the image data is damaged")
                           .arg(QLatin1String(formatName));
        return result;
    }
    result.exifOrientation = header.exifOrientation;
    result.image = applyOrientation(toWorkingSize(image), header.exifOrientation);
    return result;
}

} // namespace kiosk::ocr
