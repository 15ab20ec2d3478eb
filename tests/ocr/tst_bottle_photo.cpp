// The bottle photo renderer (bench/synth) that `rx_synth --bottles` uses: the JPEG it writes is
// what a phone writes (EXIF orientation, Samsung trailer after EOI, sideways pixels), the label
// is wrapped around a cylinder, and a seed gives the same photo every time. The file structure is
// parsed here independently of the renderer's writer.
#include "synth/bottle_photo.h"

#include <QBuffer>
#include <QImageReader>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <optional>

using namespace kiosk::synth;

namespace {

LabelText sampleLabel() {
    LabelText t;
    t.pharmacyLine = QStringLiteral("CORNERSTONE PHARMACY  412 ELM ST  DAYTON OH  (937) 555-0142");
    t.rxLine = QStringLiteral("RX# 6021847");
    t.dateLine = QStringLiteral("Fill date 01/02/2026");
    t.patientLine = QStringLiteral("MARISOL HALVORSEN");
    t.drugLine = QStringLiteral("PREDNISONE 20MG TAB");
    t.directions = QStringLiteral("TAKE 1 TABLET BY MOUTH DAILY WITH FOOD FOR 5 DAYS");
    t.quantityLine = QStringLiteral("QTY: 30");
    t.refillsLine = QStringLiteral("Refills left: 2");
    t.prescriberLine = QStringLiteral("Dr. Tobias Whitlock");
    t.extraLines = {QStringLiteral("MFR: TEVA   Discard after 01/02/2027"),
                    QStringLiteral("TAKE WITH FOOD. MAY CAUSE STOMACH UPSET.")};
    return t;
}

quint16 get16(const QByteArray &b, qsizetype at, bool le) {
    const auto u = [&](qsizetype i) { return quint16(uchar(b[at + i])); };
    return le ? quint16(u(0) | u(1) << 8) : quint16(u(0) << 8 | u(1));
}
quint32 get32(const QByteArray &b, qsizetype at, bool le) {
    return le ? quint32(get16(b, at, true)) | quint32(get16(b, at + 2, true)) << 16
              : quint32(get16(b, at, false)) << 16 | quint32(get16(b, at + 2, false));
}

struct JpegLayout {
    std::optional<int> orientation; // from the first APP1 Exif segment
    qsizetype exifAt = -1;          // offset of that APP1 marker
    qsizetype sosAt = -1;
    qsizetype eoiEnd = -1; // offset just after FFD9
};

// Marker walk from SOI to SOS, then the entropy-coded data to the first EOI.
JpegLayout parseJpeg(const QByteArray &b) {
    JpegLayout out;
    if (b.size() < 4 || uchar(b[0]) != 0xff || uchar(b[1]) != 0xd8)
        return out;
    qsizetype i = 2;
    while (i + 4 <= b.size() && uchar(b[i]) == 0xff) {
        const uchar marker = uchar(b[i + 1]);
        const qsizetype len = get16(b, i + 2, false);
        if (marker == 0xda) {
            out.sosAt = i;
            i += 2 + len;
            break;
        }
        if (marker == 0xe1 && out.exifAt < 0 && b.mid(i + 4, 6) == QByteArray("Exif\0\0", 6)) {
            out.exifAt = i;
            const qsizetype tiff = i + 10;
            const bool le = b.mid(tiff, 2) == "II";
            if ((le || b.mid(tiff, 2) == "MM") && get16(b, tiff + 2, le) == 42) {
                const qsizetype ifd = tiff + get32(b, tiff + 4, le);
                const int n = get16(b, ifd, le);
                for (int e = 0; e < n; ++e) {
                    const qsizetype entry = ifd + 2 + 12 * e;
                    if (get16(b, entry, le) == 0x0112 && get16(b, entry + 2, le) == 3 &&
                        get32(b, entry + 4, le) == 1)
                        out.orientation = get16(b, entry + 8, le);
                }
            }
        }
        i += 2 + len;
    }
    for (; out.sosAt >= 0 && i + 1 < b.size(); ++i) {
        if (uchar(b[i]) == 0xff && uchar(b[i + 1]) == 0xd9) {
            out.eoiEnd = i + 2;
            break;
        }
    }
    return out;
}

BottleShot smallShot(int orientation, quint32 seed) {
    BottleShot s;
    s.width = 640;
    s.height = 420;
    s.exifOrientation = orientation;
    s.seed = seed;
    s.curvature = 0.8;
    return s;
}

cv::Mat toMat(const QImage &img) {
    const QImage rgb = img.convertToFormat(QImage::Format_RGB888);
    cv::Mat m(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
              size_t(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(m, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

double meanAbsDiff(const cv::Mat &a, const cv::Mat &b) {
    if (a.size() != b.size())
        return 1e9;
    cv::Mat d;
    cv::absdiff(a, b, d);
    const cv::Scalar m = cv::mean(d);
    return (m[0] + m[1] + m[2]) / 3;
}

bool amber(const cv::Vec3b &p) {
    return p[2] > p[1] + 25 && p[1] > p[0] + 25;
}

// Walks up from (x, y) through paper and print until three amber pixels in a row: the label's top.
std::optional<int> labelTopAt(const cv::Mat &img, int x, int y, int limit) {
    for (int yy = y; yy > std::max(2, y - limit); --yy)
        if (amber(img.at<cv::Vec3b>(yy, x)) && amber(img.at<cv::Vec3b>(yy - 1, x)) &&
            amber(img.at<cv::Vec3b>(yy - 2, x)))
            return yy + 1;
    return std::nullopt;
}

double polylineYAt(const QPolygonF &poly, double x) {
    for (qsizetype i = 1; i < poly.size(); ++i) {
        const QPointF a = poly[i - 1], b = poly[i];
        if ((a.x() <= x && x <= b.x()) || (b.x() <= x && x <= a.x())) {
            const double t = b.x() == a.x() ? 0 : (x - a.x()) / (b.x() - a.x());
            return a.y() + t * (b.y() - a.y());
        }
    }
    return -1;
}

} // namespace

class TestBottlePhoto : public QObject {
    Q_OBJECT
private slots:
    void exifOrientationAndStoredSize_data() {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::addRow("orientation %d", o) << o;
    }
    void exifOrientationAndStoredSize() {
        QFETCH(int, orientation);
        const RenderedLabel label = BottlePhoto::renderLabel(sampleLabel());
        const BottleShot shot = smallShot(orientation, 5);
        const cv::Mat upright = BottlePhoto::photograph(label.image, shot);
        const QSize uprightSize = orientation >= 5 ? QSize(420, 640) : QSize(640, 420);
        QCOMPARE(QSize(upright.cols, upright.rows), uprightSize);
        const QByteArray jpeg = BottlePhoto::encodeJpeg(upright, shot);

        const JpegLayout layout = parseJpeg(jpeg);
        QVERIFY(layout.exifAt == 2); // Exif right after SOI, as phones write it
        QVERIFY(layout.orientation.has_value());
        QCOMPARE(*layout.orientation, orientation);

        // Stored pixels: the shot's width x height, i.e. sideways for 5..8.
        const cv::Mat stored = cv::imdecode(std::vector<uchar>(jpeg.begin(), jpeg.end()),
                                            cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
        QVERIFY(!stored.empty());
        QCOMPARE(QSize(stored.cols, stored.rows), QSize(640, 420));
        if (orientation >= 5)
            QCOMPARE(QSize(stored.rows, stored.cols), uprightSize);

        // Qt applying the tag gives the upright picture back; the raw pixels are not it.
        QBuffer buffer;
        buffer.setData(jpeg);
        QImageReader reader(&buffer, "jpeg");
        reader.setAutoTransform(true);
        const QImage shown = reader.read();
        QVERIFY2(!shown.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(shown.size(), uprightSize);
        QVERIFY2(meanAbsDiff(toMat(shown), upright) < 6.0,
                 "auto-transformed image differs from the upright scene");
        if (orientation != 1) {
            cv::Mat raw = stored;
            if (raw.size() == upright.size())
                QVERIFY(meanAbsDiff(raw, upright) > 10.0);
        }
    }

    void samsungTrailerAfterEoi() {
        const RenderedLabel label = BottlePhoto::renderLabel(sampleLabel());
        BottleShot shot = smallShot(6, 9);
        const cv::Mat upright = BottlePhoto::photograph(label.image, shot);

        shot.samsungTrailer = true;
        const QByteArray with = BottlePhoto::encodeJpeg(upright, shot);
        const JpegLayout a = parseJpeg(with);
        QVERIFY(a.eoiEnd > 0);
        QVERIFY(a.eoiEnd < with.size());
        const QByteArray trailer = with.mid(a.eoiEnd);
        QVERIFY(trailer.endsWith("SEFT"));
        // The directory: its size is stored just before "SEFT" and it starts with "SEFH".
        const quint32 dirSize = get32(trailer, trailer.size() - 8, true);
        QVERIFY(dirSize >= 12 && dirSize < quint32(trailer.size()));
        QCOMPARE(trailer.mid(trailer.size() - 8 - qsizetype(dirSize), 4), QByteArray("SEFH"));
        // Decoders still read it.
        QVERIFY(
            !cv::imdecode(std::vector<uchar>(with.begin(), with.end()), cv::IMREAD_COLOR).empty());

        shot.samsungTrailer = false;
        const QByteArray without = BottlePhoto::encodeJpeg(upright, shot);
        const JpegLayout b = parseJpeg(without);
        QCOMPARE(b.eoiEnd, without.size());
        QVERIFY(!without.contains("SEFT"));
        QCOMPARE(*b.orientation, 6);
    }

    void defaultShotIsPhoneSized() {
        const BottleShot shot; // 4032x1816 stored, orientation 6
        QCOMPARE(shot.uprightSize(), QSize(1816, 4032));
        const RenderedLabel label = BottlePhoto::renderLabel(sampleLabel());
        const cv::Mat upright = BottlePhoto::photograph(label.image, shot);
        QCOMPARE(QSize(upright.cols, upright.rows), QSize(1816, 4032));
        const QByteArray jpeg = BottlePhoto::encodeJpeg(upright, shot);
        QBuffer buffer;
        buffer.setData(jpeg);
        QImageReader reader(&buffer, "jpeg");
        reader.setAutoTransform(false);
        QCOMPARE(reader.size(), QSize(4032, 1816));
        QCOMPARE(*parseJpeg(jpeg).orientation, 6);
        QVERIFY(jpeg.endsWith("SEFT"));
    }

    void labelIsWrappedAroundACylinder() {
        const RenderedLabel label = BottlePhoto::renderLabel(sampleLabel());
        BottleShot shot = smallShot(6, 21);
        shot.width = 1400;
        shot.height = 1000; // upright 1000x1400
        shot.hand = false;
        shot.tiltDeg = 0;
        shot.labelTurnDeg = 0;
        shot.curvature = 0.9;

        auto edges = [&](double elevation, QList<double> &deviation) {
            shot.elevationDeg = elevation;
            ShotGeometry g;
            const cv::Mat img = BottlePhoto::photograph(label.image, shot, &g);
            const double r = g.radius;
            QList<double> centre, ends;
            for (double f : {-0.62, -0.55, -0.48, -0.06, 0.0, 0.06, 0.48, 0.55, 0.62}) {
                const int x = int(g.labelCentre.x() + f * r);
                const auto y = labelTopAt(img, x, int(g.labelCentre.y()), int(3 * r));
                if (!y)
                    continue;
                deviation.append(std::abs(*y - polylineYAt(g.labelTop, x)));
                (std::abs(f) < 0.1 ? centre : ends).append(*y);
            }
            std::sort(centre.begin(), centre.end());
            std::sort(ends.begin(), ends.end());
            if (centre.isEmpty() || ends.size() < 2)
                return std::pair<double, double>(-1e9, r);
            return std::pair<double, double>(centre[centre.size() / 2] - ends[ends.size() / 2], r);
        };
        QList<double> deviation;
        // Seen from above, the label's top edge is lower in the middle than toward the ends.
        const auto [bend, r] = edges(25, deviation);
        QVERIFY2(bend > 0.04 * r,
                 qPrintable(QStringLiteral("bend %1 px, radius %2 px").arg(bend).arg(r)));
        // Seen level, the edge is straight.
        const auto [flat, r0] = edges(0, deviation);
        QVERIFY2(std::abs(flat) < 0.015 * r0 + 2,
                 qPrintable(QStringLiteral("bend %1 px at elevation 0").arg(flat)));
        // The reported geometry is where the pixels are.
        QVERIFY(deviation.size() >= 12);
        std::sort(deviation.begin(), deviation.end());
        QVERIFY2(
            deviation[deviation.size() / 2] <= 3.0,
            qPrintable(
                QStringLiteral("median deviation %1 px").arg(deviation[deviation.size() / 2])));
    }

    void textNearTheEndsIsCompressedOrHidden() {
        const RenderedLabel label = BottlePhoto::renderLabel(sampleLabel());
        const int w = label.image.width();
        BottleShot shot;
        shot.curvature = 0.3;
        const auto mild = BottlePhoto::legibleSpan(w, shot);
        QCOMPARE(mild.first, 0.0);
        QCOMPARE(mild.second, qreal(w));
        shot.curvature = 1.0;
        const auto strong = BottlePhoto::legibleSpan(w, shot);
        QVERIFY(strong.first > 0.1 * w && strong.second < 0.9 * w);
        shot.labelTurnDeg = 20; // turned right: more of the left end readable, less of the right
        const auto turned = BottlePhoto::legibleSpan(w, shot);
        QVERIFY(turned.first < strong.first && turned.second < strong.second);

        const QList<PrintedRun> drug = label.runsFor(QStringLiteral("drug"));
        QCOMPARE(drug.size(), 1);
        QCOMPARE(drug[0].text, QStringLiteral("PREDNISONE 20MG TAB"));
        QCOMPARE(drug[0].edges.size(), drug[0].text.size() + 1);
        const auto all = BottlePhoto::visibleChars(drug[0], {0, qreal(w)});
        QCOMPARE(all, qMakePair(0, int(drug[0].text.size())));
        const auto cut = BottlePhoto::visibleChars(drug[0], {drug[0].edges[3], qreal(w)});
        QCOMPARE(cut.first, 3);
        // Wrapped directions keep their offsets into the printed string.
        QString joined;
        for (const PrintedRun &r : label.runsFor(QStringLiteral("directions"))) {
            QCOMPARE(sampleLabel().directions.mid(r.first, r.text.size()), r.text);
            joined += (joined.isEmpty() ? QString() : QStringLiteral(" ")) + r.text;
        }
        QCOMPARE(joined, sampleLabel().directions);
    }

    void deterministicForASeed() {
        const RenderedLabel label = BottlePhoto::renderLabel(sampleLabel());
        const RenderedLabel again = BottlePhoto::renderLabel(sampleLabel());
        QCOMPARE(label.image, again.image);
        const BottleShot shot = smallShot(6, 77);
        const cv::Mat a = BottlePhoto::photograph(label.image, shot);
        const cv::Mat b = BottlePhoto::photograph(label.image, shot);
        QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
        QCOMPARE(BottlePhoto::encodeJpeg(a, shot), BottlePhoto::encodeJpeg(b, shot));
        const cv::Mat other = BottlePhoto::photograph(label.image, smallShot(6, 78));
        QVERIFY(cv::norm(a, other, cv::NORM_INF) > 0);
    }
};

QTEST_MAIN(TestBottlePhoto)
#include "tst_bottle_photo.moc"
