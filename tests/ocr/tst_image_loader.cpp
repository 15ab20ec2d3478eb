#include "ocr/image_loader.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using kiosk::ocr::ImageLoader;

class TestImageLoader : public QObject {
    Q_OBJECT
private:
    static QByteArray encode(const cv::Mat &m, const char *ext) {
        std::vector<uchar> buffer;
        cv::imencode(ext, m, buffer);
        return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
    }
    // A JPEG with an APP1 Exif segment (little-endian TIFF, IFD0 holding only the orientation tag).
    static QByteArray withOrientation(const QByteArray &jpeg, int orientation) {
        QByteArray tiff("II\x2a\x00\x08\x00\x00\x00", 8);
        const char entry[] = {1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, char(orientation),
                              0, 0, 0,    0,    0, 0, 0};
        tiff.append(entry, sizeof entry);
        const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
        QByteArray segment("\xff\xe1", 2);
        segment.append(char((payload.size() + 2) >> 8))
            .append(char((payload.size() + 2) & 0xff))
            .append(payload);
        return jpeg.left(2) + segment + jpeg.mid(2);
    }
    // A stored image whose top-left quarter is black and the rest white: where the black goes
    // says how the loader turned it.
    static cv::Mat cornerMarked() {
        cv::Mat m(200, 300, CV_8UC3, cv::Scalar(255, 255, 255));
        m(cv::Rect(0, 0, 150, 100)).setTo(cv::Scalar(0, 0, 0));
        return m;
    }
    static bool darkAt(const cv::Mat &m, double fx, double fy) {
        const cv::Vec3b p = m.at<cv::Vec3b>(int(fy * (m.rows - 1)), int(fx * (m.cols - 1)));
        return p[0] < 100 && p[1] < 100 && p[2] < 100;
    }

private slots:
    void readsAGoodPhoto() {
        const auto r =
            ImageLoader::loadFile(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0000.jpg"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image.cols, 1400);
        QCOMPARE(r.image.rows, 800);
        QCOMPARE(r.reduction, 1);
    }
    void missingAndEmptyFiles() {
        QTemporaryDir dir;
        QVERIFY(ImageLoader::loadFile(dir.filePath(QStringLiteral("nope.jpg")))
                    .error.contains(QLatin1String("not found")));
        QFile empty(dir.filePath(QStringLiteral("empty.jpg")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(ImageLoader::loadFile(empty.fileName()).error, QStringLiteral("empty file"));
        QVERIFY(ImageLoader::loadFile(dir.path()).error.contains(QLatin1String("directory")));
    }
    void notAnImage() {
        QVERIFY(ImageLoader::decode("just some text, not pixels")
                    .error.startsWith(QLatin1String("not an image")));
    }
    void dataAfterTheEndMarkerIsNotTruncation() {
        // Samsung phones append a block ending in "SEFT"; Motion Photos and MPF append more images.
        cv::Mat m(300, 300, CV_8UC3);
        cv::randu(m, 0, 255);
        const QByteArray jpeg = encode(m, ".jpg");
        const QByteArray samsung =
            jpeg + QByteArray("\0\0SEFH\x6b\0\0\0\x02\0\0\0Image_UTC_Data1690000000000SEFT", 46);
        const auto r = ImageLoader::decode(samsung);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image.cols, 300);
        QVERIFY(ImageLoader::decode(jpeg + encode(m, ".jpg")).ok()); // MPF-style second image
        // A file cut inside its image data is still truncated, whatever follows the cut.
        QVERIFY(ImageLoader::decode(jpeg.left(jpeg.size() / 2))
                    .error.contains(QLatin1String("truncated JPEG")));
        // Bytes after PNG's IEND are as harmless.
        QVERIFY(ImageLoader::decode(encode(m, ".png") + QByteArray("trailing bytes")).ok());
    }
    void exifOrientationIsApplied_data() {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("darkX"); // where the stored top-left corner shows, upright
        QTest::addColumn<double>("darkY");
        QTest::newRow("1 as stored") << 1 << 300 << 200 << 0.1 << 0.1;
        QTest::newRow("3 upside down") << 3 << 300 << 200 << 0.9 << 0.9;
        QTest::newRow("6 phone upright, stored sideways") << 6 << 200 << 300 << 0.9 << 0.1;
        QTest::newRow("8 the other way") << 8 << 200 << 300 << 0.1 << 0.9;
        QTest::newRow("2 mirrored") << 2 << 300 << 200 << 0.9 << 0.1;
        QTest::newRow("5 transposed") << 5 << 200 << 300 << 0.1 << 0.1;
        QTest::newRow("7 transverse") << 7 << 200 << 300 << 0.9 << 0.9;
    }
    void exifOrientationIsApplied() {
        QFETCH(int, orientation);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, darkX);
        QFETCH(double, darkY);
        const auto r =
            ImageLoader::decode(withOrientation(encode(cornerMarked(), ".jpg"), orientation));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.exifOrientation, orientation);
        QCOMPARE(r.image.cols, width);
        QCOMPARE(r.image.rows, height);
        QVERIFY(darkAt(r.image, darkX, darkY));
        QVERIFY(!darkAt(r.image, 1.0 - darkX, 1.0 - darkY));
        QCOMPARE(r.originalWidth, 300); // as stored
    }
    void otherFormatsThroughQtPlugins() {
        // A photo saved from a browser: WebP, often named .jpg.
        const cv::Mat marked = cornerMarked();
        QImage image(marked.data, marked.cols, marked.rows, int(marked.step),
                     QImage::Format_BGR888);
        QByteArray webp;
        QBuffer buffer(&webp);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QImageWriter writer(&buffer, "webp");
        writer.setQuality(100);
        QVERIFY2(writer.write(image), qPrintable(writer.errorString()));
        const auto r = ImageLoader::decode(webp);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image.cols, 300);
        QVERIFY(darkAt(r.image, 0.1, 0.1));
        QVERIFY(!darkAt(r.image, 0.9, 0.9));
        // Damaged: the header survives, the data does not.
        QVERIFY(!ImageLoader::decode(webp.left(webp.size() / 3)).ok());
    }
    void truncatedJpegAndPng() {
        cv::Mat m(300, 300, CV_8UC3, cv::Scalar(200, 200, 200));
        cv::randu(m, 0, 255);
        const QByteArray jpeg = encode(m, ".jpg");
        QVERIFY(ImageLoader::decode(jpeg).ok());
        QVERIFY(ImageLoader::decode(jpeg.left(jpeg.size() / 2))
                    .error.contains(QLatin1String("truncated JPEG")));
        const QByteArray png = encode(m, ".png");
        QVERIFY(ImageLoader::decode(png).ok());
        QVERIFY(ImageLoader::decode(png.left(png.size() / 2))
                    .error.contains(QLatin1String("truncated PNG")));
    }
    void tinyImage() {
        const auto r =
            ImageLoader::decode(encode(cv::Mat(1, 1, CV_8UC3, cv::Scalar(0, 0, 0)), ".png"));
        QVERIFY(r.error.contains(QLatin1String("1x1")));
    }
    void hugeImagesStayBounded() {
        // Headers claiming 20000x20000: a PNG is refused, a JPEG is decoded at a reduced scale.
        QByteArray png = encode(cv::Mat(100, 100, CV_8UC3, cv::Scalar(255, 255, 255)), ".png");
        const char size[8] = {0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20};
        png.replace(16, 8, QByteArray(size, 8));
        QVERIFY(ImageLoader::decode(png).error.contains(QLatin1String("20000x20000")));

        const cv::Mat big(4000, 4000, CV_8UC3, cv::Scalar(180, 180, 180));
        const auto r = ImageLoader::decode(encode(big, ".jpg"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.reduction >= 1);
        QVERIFY(std::max(r.image.cols, r.image.rows) <= ImageLoader::kMaxWorkingSide);
        QVERIFY(qint64(r.image.cols) * r.image.rows <= ImageLoader::kMaxDecodedPixels);
    }
    void corruptJpegHeader() {
        QByteArray jpeg = encode(cv::Mat(200, 200, CV_8UC3, cv::Scalar(90, 90, 90)), ".jpg");
        for (qsizetype i = 200; i < 400 && i < jpeg.size() - 2; ++i)
            jpeg[i] = char(0x5a);
        const auto r = ImageLoader::decode(jpeg); // must not crash; an error or a (damaged) image
        QVERIFY(r.ok() || !r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_image_loader.moc"
