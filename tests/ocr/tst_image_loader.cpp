#include "ocr/image_loader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using kiosk::ocr::ImageLoader;

class TestImageLoader : public QObject
{
    Q_OBJECT
private:
    static QByteArray encode(const cv::Mat &m, const char *ext)
    {
        std::vector<uchar> buffer;
        cv::imencode(ext, m, buffer);
        return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
    }

private slots:
    void readsAGoodPhoto()
    {
        const auto r = ImageLoader::loadFile(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0000.jpg"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image.cols, 1400);
        QCOMPARE(r.image.rows, 800);
        QCOMPARE(r.reduction, 1);
    }
    void missingAndEmptyFiles()
    {
        QTemporaryDir dir;
        QVERIFY(ImageLoader::loadFile(dir.filePath(QStringLiteral("nope.jpg"))).error.contains(QLatin1String("not found")));
        QFile empty(dir.filePath(QStringLiteral("empty.jpg")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(ImageLoader::loadFile(empty.fileName()).error, QStringLiteral("empty file"));
        QVERIFY(ImageLoader::loadFile(dir.path()).error.contains(QLatin1String("directory")));
    }
    void notAnImage()
    {
        QCOMPARE(ImageLoader::decode("just some text, not pixels").error, QStringLiteral("not a JPEG or PNG image"));
    }
    void truncatedJpegAndPng()
    {
        cv::Mat m(300, 300, CV_8UC3, cv::Scalar(200, 200, 200));
        cv::randu(m, 0, 255);
        const QByteArray jpeg = encode(m, ".jpg");
        QVERIFY(ImageLoader::decode(jpeg).ok());
        QVERIFY(ImageLoader::decode(jpeg.left(jpeg.size() / 2)).error.contains(QLatin1String("truncated JPEG")));
        const QByteArray png = encode(m, ".png");
        QVERIFY(ImageLoader::decode(png).ok());
        QVERIFY(ImageLoader::decode(png.left(png.size() / 2)).error.contains(QLatin1String("truncated PNG")));
    }
    void tinyImage()
    {
        const auto r = ImageLoader::decode(encode(cv::Mat(1, 1, CV_8UC3, cv::Scalar(0, 0, 0)), ".png"));
        QVERIFY(r.error.contains(QLatin1String("1x1")));
    }
    void hugeImagesStayBounded()
    {
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
    void corruptJpegHeader()
    {
        QByteArray jpeg = encode(cv::Mat(200, 200, CV_8UC3, cv::Scalar(90, 90, 90)), ".jpg");
        for (qsizetype i = 200; i < 400 && i < jpeg.size() - 2; ++i)
            jpeg[i] = char(0x5a);
        const auto r = ImageLoader::decode(jpeg); // must not crash; an error or a (damaged) image
        QVERIFY(r.ok() || !r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_image_loader.moc"
