#include "synth/bottle_photo.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
constexpr int kLabelWidth = 1150;
constexpr int kMargin = 44;
const QColor kPaper(250, 250, 244);
const QColor kInk(24, 24, 30);

// Draws runs of text on the label and records where every character went.
class LabelPrinter {
public:
    LabelPrinter(QPainter &painter, QList<PrintedRun> &runs, bool condensed)
        : m_painter(painter)
        , m_runs(runs)
        , m_condensed(condensed) {}

    QFont font(int px, bool bold) const {
        QFont f(QStringLiteral("DejaVu Sans"));
        if (m_condensed)
            f.setStretch(QFont::Condensed);
        f.setPixelSize(px);
        f.setBold(bold);
        return f;
    }

    // One run at baseline y; shrunk (down to 60%) until it fits maxWidth. align: -1 left, 0 centre,
    // 1 right (x is the left edge, centre or right edge). Returns the run's width.
    qreal put(const QString &key, const QString &text, int first, qreal x, qreal y, int px,
              bool bold, qreal maxWidth, int align = -1) {
        if (text.isEmpty())
            return 0;
        QFont f = font(px, bold);
        for (int size = px; size > px * 6 / 10; --size) {
            f = font(size, bold);
            if (QFontMetricsF(f).horizontalAdvance(text) <= maxWidth)
                break;
        }
        const QFontMetricsF fm(f);
        const qreal width = fm.horizontalAdvance(text);
        const qreal left = align < 0 ? x : align == 0 ? x - width / 2 : x - width;
        m_painter.setFont(f);
        m_painter.drawText(QPointF(left, y), text);
        PrintedRun run;
        run.key = key;
        run.text = text;
        run.first = first;
        run.box = QRectF(left, y - fm.ascent(), width, fm.ascent() + fm.descent());
        for (int i = 0; i <= text.size(); ++i)
            run.edges.append(left + fm.horizontalAdvance(text.left(i)));
        m_runs.append(run);
        m_bottom = std::max(m_bottom, y + fm.descent());
        return width;
    }

    // Word-wrapped text from baseline y; returns the baseline after the last line.
    qreal wrap(const QString &key, const QString &text, qreal x, qreal y, int px, bool bold,
               qreal maxWidth, int maxLines = 3) {
        const QFontMetricsF fm(font(px, bold));
        int start = 0;
        for (int line = 0; start < text.size(); ++line) {
            int end = int(text.size());
            if (line + 1 < maxLines && fm.horizontalAdvance(text.mid(start)) > maxWidth) {
                end = start;
                for (int i = start; i <= text.size(); ++i) {
                    if ((i == text.size() || text[i] == QLatin1Char(' ')) && i > start) {
                        if (fm.horizontalAdvance(text.mid(start, i - start)) > maxWidth &&
                            end > start)
                            break;
                        end = i;
                    }
                }
            }
            put(key, text.mid(start, end - start), start, x, y, px, bold, maxWidth);
            y += px * 1.25;
            start = end;
            while (start < text.size() && text[start] == QLatin1Char(' '))
                ++start;
        }
        return y;
    }

    void rule(qreal y) {
        m_painter.fillRect(QRectF(kMargin, y, kLabelWidth - 2 * kMargin, 3), kInk);
        m_bottom = std::max(m_bottom, y + 3);
    }
    qreal bottom() const { return m_bottom; }
    void setBottom(qreal y) { m_bottom = std::max(m_bottom, y); }

private:
    QPainter &m_painter;
    QList<PrintedRun> &m_runs;
    bool m_condensed;
    qreal m_bottom = 0;
};

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}
uchar sat(double v) {
    return uchar(std::clamp(v, 0.0, 255.0));
}

// A smooth random field (values about 0..1) of the given size, from a coarse grid of cells.
cv::Mat smoothNoise(cv::RNG &rng, cv::Size size, int cellsX, int cellsY) {
    cv::Mat coarse(std::max(2, cellsY), std::max(2, cellsX), CV_32F);
    rng.fill(coarse, cv::RNG::UNIFORM, 0.0, 1.0);
    cv::Mat out;
    cv::resize(coarse, out, size, 0, 0, cv::INTER_CUBIC);
    return out;
}

// The table or surface behind the bottle, at low resolution.
cv::Mat tableTexture(cv::RNG &rng, cv::Size size) {
    cv::Mat img(size, CV_8UC3);
    const int kind = rng.uniform(0, 5);
    const cv::Mat low = smoothNoise(rng, size, 6, 8);
    const cv::Mat mid = smoothNoise(rng, size, 40, 60);
    if (kind == 0) { // wood: grain along one direction, warped by low noise
        const cv::Vec3d base(rng.uniform(40, 70), rng.uniform(75, 110), rng.uniform(120, 165));
        const double a = rng.uniform(-0.3, 0.3), freq = rng.uniform(0.08, 0.16);
        for (int y = 0; y < size.height; ++y)
            for (int x = 0; x < size.width; ++x) {
                const double t = x * std::cos(a) + y * std::sin(a);
                const double g = std::sin(t * freq + 9.0 * low.at<float>(y, x)) * 0.5 + 0.5;
                const double k = 0.78 + 0.18 * g + 0.12 * (mid.at<float>(y, x) - 0.5);
                img.at<cv::Vec3b>(y, x) =
                    cv::Vec3b(sat(base[0] * k), sat(base[1] * k), sat(base[2] * k));
            }
    } else if (kind == 1 || kind == 3) { // carpet / fabric, or granite counter: mottled with specks
        const cv::Vec3d base =
            kind == 1
                ? cv::Vec3d(rng.uniform(20, 90), rng.uniform(20, 80), rng.uniform(60, 170))
                : cv::Vec3d(rng.uniform(120, 170), rng.uniform(125, 175), rng.uniform(130, 180));
        for (int y = 0; y < size.height; ++y)
            for (int x = 0; x < size.width; ++x) {
                const double k =
                    0.8 + 0.25 * low.at<float>(y, x) + 0.15 * (mid.at<float>(y, x) - 0.5);
                img.at<cv::Vec3b>(y, x) =
                    cv::Vec3b(sat(base[0] * k), sat(base[1] * k), sat(base[2] * k));
            }
        const int specks = size.area() / (kind == 1 ? 60 : 6);
        for (int i = 0; i < specks; ++i) {
            const cv::Point p(rng.uniform(0, size.width), rng.uniform(0, size.height));
            const double v = kind == 1 ? rng.uniform(150, 230) : rng.uniform(20, 240);
            img.at<cv::Vec3b>(p) = cv::Vec3b(sat(v * 0.95), sat(v * 0.95), sat(v));
        }
    } else if (kind == 2) { // dark desk mat with a soft reflection
        const double base = rng.uniform(25, 60);
        for (int y = 0; y < size.height; ++y)
            for (int x = 0; x < size.width; ++x) {
                const double v =
                    base * (0.85 + 0.5 * low.at<float>(y, x)) + 6 * (mid.at<float>(y, x) - 0.5);
                img.at<cv::Vec3b>(y, x) = cv::Vec3b(sat(v * 1.05), sat(v), sat(v * 0.97));
            }
    } else { // gingham tablecloth
        const cv::Vec3d colour(rng.uniform(40, 200), rng.uniform(40, 160), rng.uniform(40, 200));
        const double period = size.width / rng.uniform(7.0, 14.0);
        for (int y = 0; y < size.height; ++y)
            for (int x = 0; x < size.width; ++x) {
                const bool sx = std::fmod(x, period) < period / 2,
                           sy = std::fmod(y, period) < period / 2;
                const double tint =
                    (sx ? 0.5 : 0.0) + (sy ? 0.5 : 0.0); // 0 white, 0.5 mixed, 1 colour
                const double k =
                    0.9 + 0.12 * (mid.at<float>(y, x) - 0.5) + 0.1 * low.at<float>(y, x);
                cv::Vec3b &p = img.at<cv::Vec3b>(y, x);
                for (int c = 0; c < 3; ++c)
                    p[c] = sat((235 * (1 - tint) + colour[c] * tint) * k);
            }
    }
    // The table recedes: the far (top) edge narrower than the near one.
    const float w = float(size.width), h = float(size.height), s = float(rng.uniform(0.08, 0.22));
    const cv::Point2f src[4] = {{0, 0}, {w, 0}, {w, h}, {0, h}};
    const cv::Point2f dst[4] = {{-w * s, 0}, {w * (1 + s), 0}, {w, h}, {0, h}};
    cv::Mat out;
    cv::warpPerspective(img, out, cv::getPerspectiveTransform(dst, src), size, cv::INTER_LINEAR,
                        cv::BORDER_REFLECT);
    return out;
}

// Blends `colour` into `scene` where `mask` (0..255) is set, shading it like a rounded object:
// darker toward the mask's edge (distance transform), lighter inside.
void paintRounded(cv::Mat &scene, const cv::Mat &mask, const cv::Vec3d &colour, double roundness) {
    const cv::Rect box = cv::boundingRect(mask);
    if (box.empty())
        return;
    const cv::Mat m = mask(box);
    cv::Mat dist;
    cv::distanceTransform(m, dist, cv::DIST_L2, 3);
    cv::Mat alpha;
    cv::GaussianBlur(m, alpha, cv::Size(0, 0), 1.0);
    cv::Mat roi = scene(box);
    for (int y = 0; y < roi.rows; ++y)
        for (int x = 0; x < roi.cols; ++x) {
            const double a = alpha.at<uchar>(y, x) / 255.0;
            if (a <= 0)
                continue;
            const double k = 0.58 + 0.42 * clamp01(dist.at<float>(y, x) / roundness);
            cv::Vec3b &p = roi.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                p[c] = sat(p[c] * (1 - a) + colour[c] * k * a);
        }
}

void put16(QByteArray &b, quint16 v) {
    b.append(char(v & 0xff)).append(char(v >> 8));
}
void put32(QByteArray &b, quint32 v) {
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (8 * i)) & 0xff));
}

// APP1 "Exif" segment: little-endian TIFF, IFD0 with Make, Model and Orientation.
QByteArray exifSegment(int orientation, bool samsung) {
    const QByteArray make = samsung ? QByteArrayLiteral("samsung") : QByteArrayLiteral("Google");
    const QByteArray model = samsung ? QByteArrayLiteral("SM-G991U") : QByteArrayLiteral("Pixel 6");
    QByteArray tiff("II\x2a\x00", 4);
    put32(tiff, 8);
    const quint32 dataStart = 8 + 2 + 3 * 12 + 4;
    put16(tiff, 3);
    put16(tiff, 0x010f); // Make, ASCII
    put16(tiff, 2);
    put32(tiff, quint32(make.size() + 1));
    put32(tiff, dataStart);
    put16(tiff, 0x0110); // Model, ASCII
    put16(tiff, 2);
    put32(tiff, quint32(model.size() + 1));
    put32(tiff, dataStart + quint32(make.size() + 1));
    put16(tiff, 0x0112); // Orientation, SHORT, value in place
    put16(tiff, 3);
    put32(tiff, 1);
    put16(tiff, quint16(orientation));
    put16(tiff, 0);
    put32(tiff, 0); // no IFD1
    tiff.append(make).append('\0').append(model).append('\0');
    QByteArray seg("\xff\xe1", 2);
    const int length = 2 + 6 + int(tiff.size());
    seg.append(char(length >> 8)).append(char(length & 0xff));
    seg.append("Exif\0\0", 6).append(tiff);
    return seg;
}

// What Samsung's camera appends after EOI: tagged blocks, then an "SEFH" directory that points
// back at them, its size, and "SEFT".
QByteArray samsungTrailer(quint32 seed) {
    struct Block {
        QByteArray type, name, data;
    };
    const qint64 utcMs = 1767225600000LL + qint64(seed % 20000u) * 86400000LL / 7;
    const Block blocks[] = {
        {QByteArray("\x00\x00\x01\x0a", 4), "Image_UTC_Data", QByteArray::number(utcMs)},
        {QByteArray("\x00\x00\xa1\x0a", 4), "MCC_Data", "310"},
    };
    QByteArray out;
    QList<int> starts;
    for (const Block &b : blocks) {
        starts.append(int(out.size()));
        out.append(b.type);
        put32(out, quint32(b.name.size()));
        out.append(b.name).append(b.data);
    }
    const int sefh = int(out.size());
    QByteArray dir("SEFH");
    put32(dir, 107);
    put32(dir, quint32(std::size(blocks)));
    for (int i = 0; i < int(std::size(blocks)); ++i) {
        const int end = i + 1 < int(std::size(blocks)) ? starts[i + 1] : sefh;
        dir.append(blocks[i].type);
        put32(dir, quint32(sefh - starts[i])); // offset back from SEFH
        put32(dir, quint32(end - starts[i]));
    }
    out.append(dir);
    put32(out, quint32(dir.size()));
    out.append("SEFT");
    return out;
}

} // namespace

QList<PrintedRun> RenderedLabel::runsFor(const QString &key) const {
    QList<PrintedRun> out;
    for (const PrintedRun &r : runs)
        if (r.key == key)
            out.append(r);
    return out;
}

QSize BottleShot::uprightSize() const {
    return exifOrientation >= 5 && exifOrientation <= 8 ? QSize(height, width)
                                                        : QSize(width, height);
}

double BottlePhoto::labelHalfAngleDeg(double curvature) {
    return 20.0 + 80.0 * clamp01(curvature);
}

RenderedLabel BottlePhoto::renderLabel(const LabelText &t) {
    // Twice: once to measure, then with the rows spread so the label is about as tall as a real
    // one relative to its width (about 1.35:1 along the arc).
    qreal gap = 0;
    for (int pass = 0;; ++pass) {
        int rows = 0;
        RenderedLabel out = renderLabelWithGap(t, gap, &rows);
        const qreal want = kLabelWidth / 1.35;
        if (pass == 1 || out.image.height() >= want || rows == 0)
            return out;
        gap = std::min<qreal>(40, (want - out.image.height()) / rows);
    }
}

RenderedLabel BottlePhoto::renderLabelWithGap(const LabelText &t, qreal gap, int *rows) {
    RenderedLabel out;
    QImage img(kLabelWidth, 2000, QImage::Format_RGB888);
    img.fill(kPaper);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(kInk);
    const bool condensed = t.layout == LabelLayout::Compact;
    LabelPrinter pr(p, out.runs, condensed);
    const qreal left = kMargin, right = kLabelWidth - kMargin, full = right - left;
    qreal y = 0;
    *rows = 0;
    auto pair = [&](const QString &kl, const QString &l, const QString &kr, const QString &r,
                    int px, bool bold) {
        if (l.isEmpty() && r.isEmpty())
            return;
        y += px + gap;
        ++*rows;
        const qreal wr = pr.put(kr, r, 0, right, y, px, bold, full * 0.45, 1);
        pr.put(kl, l, 0, left, y, px, bold, full - wr - 30);
        y += px * 0.45;
    };
    auto line = [&](const QString &key, const QString &s, int px, bool bold) {
        if (s.isEmpty())
            return;
        y += px + gap;
        ++*rows;
        pr.put(key, s, 0, left, y, px, bold, full);
        y += px * 0.45;
    };
    auto small = [&]() {
        for (int i = 0; i < t.extraLines.size(); ++i)
            line(QStringLiteral("extra%1").arg(i), t.extraLines[i], condensed ? 20 : 21, false);
    };
    switch (t.layout) {
    case LabelLayout::Classic:
        y = 18;
        line(QStringLiteral("pharmacy"), t.pharmacyLine, 26, true);
        pr.rule(y + 4);
        y += 10;
        pair(QStringLiteral("rx"), t.rxLine, QStringLiteral("date"), t.dateLine, 30, true);
        line(QStringLiteral("patient"), t.patientLine, 36, true);
        y += 6;
        y = pr.wrap(QStringLiteral("directions"), t.directions, left, y + 38, 38, true, full) - 38 +
            8;
        line(QStringLiteral("drug"), t.drugLine, 36, true);
        pair(QStringLiteral("quantity"), t.quantityLine, QStringLiteral("refills"), t.refillsLine,
             29, false);
        line(QStringLiteral("prescriber"), t.prescriberLine, 28, false);
        small();
        break;
    case LabelLayout::DrugFirst:
        y = 22;
        line(QStringLiteral("drug"), t.drugLine, 42, true);
        y = pr.wrap(QStringLiteral("directions"), t.directions, left, y + 34, 34, false, full) -
            34 + 6;
        line(QStringLiteral("patient"), t.patientLine, 31, true);
        pair(QStringLiteral("rx"), t.rxLine, QStringLiteral("date"), t.dateLine, 27, false);
        pair(QStringLiteral("quantity"), t.quantityLine, QStringLiteral("refills"), t.refillsLine,
             27, false);
        line(QStringLiteral("prescriber"), t.prescriberLine, 27, false);
        small();
        if (!t.pharmacyLine.isEmpty()) {
            y += 16;
            p.fillRect(QRectF(0, y, kLabelWidth, 64), t.bandColour);
            p.setPen(Qt::white);
            pr.put(QStringLiteral("pharmacy"), t.pharmacyLine, 0, kLabelWidth / 2.0, y + 44, 30,
                   true, full, 0);
            p.setPen(kInk);
            y += 64;
            pr.setBottom(y);
        }
        break;
    case LabelLayout::Compact: {
        y = 16;
        line(QStringLiteral("pharmacy"), t.pharmacyLine, 25, true);
        pr.rule(y + 2);
        y += 8;
        pair(QStringLiteral("patient"), t.patientLine, QStringLiteral("rx"), t.rxLine, 32, true);
        line(QStringLiteral("drug"), t.drugLine, 34, true);
        y = pr.wrap(QStringLiteral("directions"), t.directions, left, y + 34, 34, true, full) - 34 +
            6;
        y += 26;
        const qreal wr =
            pr.put(QStringLiteral("refills"), t.refillsLine, 0, right, y, 26, false, full * 0.4, 1);
        const qreal wl =
            pr.put(QStringLiteral("quantity"), t.quantityLine, 0, left, y, 26, false, full * 0.3);
        pr.put(QStringLiteral("date"), t.dateLine, 0, (left + wl + right - wr) / 2, y, 26, false,
               full - wl - wr - 40, 0);
        y += 12;
        line(QStringLiteral("prescriber"), t.prescriberLine, 26, false);
        small();
        break;
    }
    }
    p.end();
    const int height = int(std::ceil(std::max(pr.bottom(), y))) + 26;
    out.image = img.copy(0, 0, kLabelWidth, std::min(height, img.height()));
    return out;
}

QPair<qreal, qreal> BottlePhoto::legibleSpan(int labelWidth, const BottleShot &shot) {
    const double alpha = labelHalfAngleDeg(shot.curvature);
    auto at = [&](double thetaDeg) {
        return std::clamp(labelWidth * (0.5 + (thetaDeg - shot.labelTurnDeg) / (2 * alpha)), 0.0,
                          double(labelWidth));
    };
    return {at(-kLegibleDeg), at(kLegibleDeg)};
}

QPair<int, int> BottlePhoto::visibleChars(const PrintedRun &run, QPair<qreal, qreal> span) {
    int first = 0, last = int(run.text.size());
    while (first < last && run.edges[first] < span.first)
        ++first;
    while (last > first && run.edges[last] > span.second)
        --last;
    return {first, last};
}

cv::Mat BottlePhoto::toStored(const cv::Mat &upright, int orientation) {
    cv::Mat s;
    switch (orientation) {
    case 2:
        cv::flip(upright, s, 1);
        break;
    case 3:
        cv::rotate(upright, s, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(upright, s, 0);
        break;
    case 5:
        cv::transpose(upright, s);
        break;
    case 6:
        cv::rotate(upright, s, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    case 7: {
        cv::Mat t;
        cv::transpose(upright, t);
        cv::flip(t, s, -1);
        break;
    }
    case 8:
        cv::rotate(upright, s, cv::ROTATE_90_CLOCKWISE);
        break;
    default:
        s = upright.clone();
    }
    return s;
}

QByteArray BottlePhoto::encodeJpeg(const cv::Mat &upright, const BottleShot &shot) {
    std::vector<uchar> buf;
    cv::imencode(".jpg", toStored(upright, shot.exifOrientation), buf,
                 {cv::IMWRITE_JPEG_QUALITY, std::clamp(shot.jpegQuality, 1, 100)});
    if (buf.size() < 4)
        return {};
    // Drop the JFIF APP0 (phones write Exif first), then put our APP1 right after SOI.
    size_t rest = 2;
    if (buf.size() > 6 && buf[2] == 0xff && buf[3] == 0xe0)
        rest = 4 + ((size_t(buf[4]) << 8) | buf[5]);
    QByteArray out("\xff\xd8", 2);
    out.append(exifSegment(shot.exifOrientation, shot.samsungTrailer));
    out.append(reinterpret_cast<const char *>(buf.data()) + rest, qsizetype(buf.size() - rest));
    if (shot.samsungTrailer)
        out.append(samsungTrailer(shot.seed));
    return out;
}

cv::Mat BottlePhoto::photograph(const QImage &labelImage, const BottleShot &shot,
                                ShotGeometry *geometry) {
    const QSize up = shot.uprightSize();
    const int W = up.width(), H = up.height();
    cv::RNG rng(0x9e3779b97f4a7c15ULL ^ (quint64(shot.seed) * 0x100000001b3ULL + 17));

    // The label, flat, with a few levels of detail for where the curve compresses it.
    const QImage lab = labelImage.convertToFormat(QImage::Format_RGB888);
    const cv::Mat labRgb(lab.height(), lab.width(), CV_8UC3, const_cast<uchar *>(lab.constBits()),
                         size_t(lab.bytesPerLine()));
    std::vector<cv::Mat> levels(4);
    cv::cvtColor(labRgb, levels[0], cv::COLOR_RGB2BGR);
    for (size_t i = 1; i < levels.size(); ++i)
        cv::pyrDown(levels[i - 1], levels[i]);
    const double lw = lab.width(), lh = lab.height();

    // Bottle in units of its radius R: label arc 2*alpha*R == label width at scale s.
    const double alpha = labelHalfAngleDeg(shot.curvature) * kDeg;
    const double theta0 = shot.labelTurnDeg * kDeg;
    const double phi = std::clamp(shot.elevationDeg, 0.0, 50.0) * kDeg;
    const double sinPhi = std::sin(phi), cosPhi = std::cos(phi);
    const double labelH = 2 * alpha * lh / lw;
    const double gapTop = 0.14, gapBottom = shot.hand ? 0.7 : 0.22;
    const double bodyH = std::max(labelH + gapTop + gapBottom, 1.9);
    const double capH = 0.38, capR = 1.06;
    const double totalH = (bodyH + capH) * cosPhi + (1 + capR) * sinPhi;
    const double tilt = shot.tiltDeg * kDeg;
    const double fitW = W * rng.uniform(0.29, 0.36) / (1 + 0.9 * std::abs(std::sin(tilt)));
    const double fitH = H * rng.uniform(0.66, 0.78) / totalH / (1 + 0.3 * std::abs(std::sin(tilt)));
    const double R = std::min(fitW, fitH);
    const double Rc = capR * R;
    const double zl0 = gapBottom * R, zl1 = zl0 + labelH * R;
    const double zBody = bodyH * R, zCap0 = zBody - 0.08 * R, zCapTop = zBody + capH * R;

    // Local canvas: axis vertical at cx, image y grows downward; y(z, theta, r) below.
    const int pad = int(std::ceil(0.06 * R)) + 4;
    const int cw = int(std::ceil(2 * Rc)) + 2 * pad;
    const double yBase = pad + zCapTop * cosPhi + Rc * sinPhi;
    const int ch = int(std::ceil(yBase + R * sinPhi)) + pad;
    const double cx = cw / 2.0;
    auto yAt = [&](double z, double theta, double r) {
        return yBase - z * cosPhi + r * sinPhi * std::cos(theta);
    };

    // Light: from the side, a specular stripe between the light and the camera.
    const double thetaL = rng.uniform(-55.0, 55.0) * kDeg,
                 thetaS = thetaL * 0.5 + rng.uniform(-8.0, 8.0) * kDeg;
    const double specW = rng.uniform(0.05, 0.1);
    const cv::Mat mottle = smoothNoise(rng, cv::Size(cw, ch), 7, 14); // pills seen through amber
    const cv::Vec3d amberMid(rng.uniform(20, 45), rng.uniform(105, 140), rng.uniform(215, 245));
    const cv::Vec3d amberEdge(8, 45, 130);
    const cv::Vec3d white(226, 230, 232);

    cv::Mat colour(ch, cw, CV_8UC3, cv::Scalar::all(0));
    cv::Mat alphaMask(ch, cw, CV_8U, cv::Scalar(0));
    cv::Mat mapX(ch, cw, CV_32F, cv::Scalar(-1)), mapY(ch, cw, CV_32F, cv::Scalar(-1));
    cv::Mat labelShade(ch, cw, CV_32FC2,
                       cv::Scalar::all(0)); // (multiplier, specular) for label pixels
    cv::Mat lod(ch, cw, CV_32F, cv::Scalar(0));
    const double labelPxPerImagePx = lw / (2 * alpha * R);

    for (int py = 0; py < ch; ++py) {
        for (int px = 0; px < cw; ++px) {
            const double x = px + 0.5 - cx, y = py + 0.5;
            cv::Vec3b &out = colour.at<cv::Vec3b>(py, px);
            // Cap: ribbed side, then its top face.
            if (std::abs(x) < Rc) {
                const double th = std::asin(x / Rc);
                const double z = (yAt(0, th, Rc) - y) / cosPhi;
                const double lam = 0.6 + 0.4 * std::cos(th - thetaL);
                const double edge = 0.55 + 0.45 * std::pow(std::cos(th), 0.5);
                if (z >= zCap0 && z <= zCapTop) {
                    const double rib = 0.86 + 0.14 * std::pow(std::abs(std::sin(th * 40)), 0.6);
                    const double lip = z < zCap0 + 0.12 * R ? 0.9 : 1.0;
                    const double spec = 0.35 * std::exp(-std::pow((th - thetaS) / specW, 2));
                    for (int c = 0; c < 3; ++c)
                        out[c] = sat(238 * lam * edge * rib * lip + 255 * spec);
                    alphaMask.at<uchar>(py, px) = 255;
                    continue;
                }
                if (sinPhi > 1e-3) {
                    const double d = (y - (yBase - zCapTop * cosPhi)) / sinPhi;
                    if (x * x + d * d <= Rc * Rc) {
                        const double r = std::sqrt(x * x + d * d) / Rc;
                        const double v = 0.96 - 0.1 * r * r - 0.06 * (d / Rc);
                        for (int c = 0; c < 3; ++c)
                            out[c] = sat(245 * v);
                        alphaMask.at<uchar>(py, px) = 255;
                        continue;
                    }
                }
            }
            if (std::abs(x) >= R)
                continue;
            // Body: x = R sin(theta); height z from the projected y.
            const double th = std::asin(x / R);
            const double z = (yAt(0, th, R) - y) / cosPhi;
            if (z < 0 || z > zBody)
                continue;
            alphaMask.at<uchar>(py, px) = 255;
            const double c = std::cos(th);
            const double lam = 0.58 + 0.42 * std::cos(th - thetaL);
            const double edge = 0.5 + 0.5 * std::pow(c, 0.45);
            const double spec = std::exp(-std::pow((th - thetaS) / specW, 2));
            const double u = lw * (0.5 + (th - theta0) / (2 * alpha));
            const double v = (zl1 - z) / (zl1 - zl0) * lh;
            if (u >= 0 && u < lw && v >= 0 && v < lh) {
                mapX.at<float>(py, px) = float(u);
                mapY.at<float>(py, px) = float(v);
                labelShade.at<cv::Vec2f>(py, px) = cv::Vec2f(float(lam * edge), float(0.22 * spec));
                lod.at<float>(py, px) = float(std::clamp(
                    std::log2(std::max(1.0, labelPxPerImagePx / std::max(c, 0.05))), 0.0, 3.0));
                continue;
            }
            if (shot.amber) {
                // Thicker plastic toward the silhouette: darker, more saturated; pills mottle it.
                const double t = std::pow(1 - c, 0.7);
                const double m = 0.8 + 0.35 * mottle.at<float>(py, px);
                for (int k = 0; k < 3; ++k)
                    out[k] = sat((amberMid[k] * (1 - t) + amberEdge[k] * t) * lam * m +
                                 235 * 0.75 * spec);
            } else {
                for (int k = 0; k < 3; ++k)
                    out[k] = sat(white[k] * lam * edge + 255 * 0.3 * spec);
            }
        }
    }
    // Label pixels: sampled from the level of detail their compression asks for.
    std::vector<cv::Mat> sampled(levels.size());
    for (size_t i = 0; i < levels.size(); ++i) {
        const float k = 1.0f / float(1 << i);
        cv::remap(levels[i], sampled[i], mapX * k, mapY * k, cv::INTER_LINEAR,
                  cv::BORDER_REPLICATE);
    }
    for (int py = 0; py < ch; ++py)
        for (int px = 0; px < cw; ++px) {
            if (mapX.at<float>(py, px) < 0)
                continue;
            const float l = lod.at<float>(py, px);
            const int l0 = std::min(int(l), 2);
            const float f = l - float(l0);
            const cv::Vec2f sh = labelShade.at<cv::Vec2f>(py, px);
            const cv::Vec3b a = sampled[size_t(l0)].at<cv::Vec3b>(py, px),
                            b = sampled[size_t(l0) + 1].at<cv::Vec3b>(py, px);
            cv::Vec3b &out = colour.at<cv::Vec3b>(py, px);
            for (int k = 0; k < 3; ++k) {
                const double base = a[k] * (1 - f) + b[k] * f;
                out[k] = sat(base * sh[0] + (255 - base * sh[0]) * sh[1]);
            }
        }
    cv::GaussianBlur(alphaMask, alphaMask, cv::Size(0, 0), 0.7);

    // Placement in the picture: roll, a slight keystone (top nearer the camera), centred-ish.
    const double key = 0.03 + 0.15 * sinPhi;
    const float hw = float(cw / 2.0), hh = float(ch / 2.0);
    const cv::Point2f srcQ[4] = {{0, 0}, {float(cw), 0}, {float(cw), float(ch)}, {0, float(ch)}};
    const cv::Point2f dstQ[4] = {{-hw * float(1 + key / 2), -hh},
                                 {hw * float(1 + key / 2), -hh},
                                 {hw * float(1 - key / 2), hh},
                                 {-hw * float(1 - key / 2), hh}};
    const cv::Mat keystone = cv::getPerspectiveTransform(srcQ, dstQ);
    cv::Mat rot = (cv::Mat_<double>(3, 3) << std::cos(tilt), -std::sin(tilt), 0, std::sin(tilt),
                   std::cos(tilt), 0, 0, 0, 1);
    cv::Mat place = rot * keystone;
    // Where the silhouette lands; move the bottle so it stays inside the frame.
    std::vector<cv::Point2f> corners = {{float(cx - Rc), 0},
                                        {float(cx + Rc), 0},
                                        {float(cx + Rc), float(ch)},
                                        {float(cx - Rc), float(ch)}};
    std::vector<cv::Point2f> moved;
    cv::perspectiveTransform(corners, moved, place);
    const cv::Rect2f bb = cv::boundingRect(moved);
    const double ox = std::clamp(W / 2.0 + rng.uniform(-0.1, 0.1) * W, -bb.x + 0.03 * W,
                                 W * 0.97 - (bb.x + bb.width));
    const double oy = std::clamp(H / 2.0 + rng.uniform(-0.06, 0.06) * H, -bb.y + 0.03 * H,
                                 H * 0.97 - (bb.y + bb.height));
    const cv::Mat shift = (cv::Mat_<double>(3, 3) << 1, 0, ox, 0, 1, oy, 0, 0, 1);
    place = shift * place;
    auto toScene = [&](const std::vector<cv::Point2f> &local) {
        std::vector<cv::Point2f> s;
        cv::perspectiveTransform(local, s, place);
        return s;
    };

    // Scene: table (rendered small, enlarged), shadow, hand behind, bottle, fingers in front.
    cv::Mat scene;
    cv::resize(tableTexture(rng, cv::Size(std::max(8, W / 4), std::max(8, H / 4))), scene,
               cv::Size(W, H), 0, 0, cv::INTER_LINEAR);
    cv::Mat warpedColour, warpedAlpha;
    cv::warpPerspective(colour, warpedColour, place, scene.size(), cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT);
    cv::warpPerspective(alphaMask, warpedAlpha, place, scene.size(), cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT);
    {
        cv::Mat shadow;
        const double sx = R * rng.uniform(0.1, 0.35), sy = R * rng.uniform(0.05, 0.25);
        const cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, sx, 0, 1, sy);
        cv::warpAffine(warpedAlpha, shadow, m, scene.size());
        cv::GaussianBlur(shadow, shadow, cv::Size(0, 0), R * (shot.hand ? 0.25 : 0.08));
        const double depth = shot.hand ? 0.3 : 0.5;
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x) {
                const uchar s = shadow.at<uchar>(y, x);
                if (s) {
                    cv::Vec3b &p = scene.at<cv::Vec3b>(y, x);
                    const double k = 1 - depth * s / 255.0;
                    p = cv::Vec3b(sat(p[0] * k), sat(p[1] * k), sat(p[2] * k));
                }
            }
    }
    const double scale = std::sqrt(std::abs(cv::determinant(place(cv::Rect(0, 0, 2, 2)))));
    static const cv::Vec3d kSkins[] = {
        {150, 175, 222}, {120, 152, 205}, {95, 128, 182}, {70, 100, 150}, {45, 68, 110}};
    const cv::Vec3d skinBase = kSkins[rng.uniform(0, int(std::size(kSkins)))];
    const cv::Vec3d skin = skinBase * rng.uniform(0.92, 1.06);
    if (shot.hand) {
        // Palm behind the bottle's lower right, the forearm running out of the frame.
        cv::Mat back(H, W, CV_8U, cv::Scalar(0));
        const auto palm =
            toScene({{float(cx + 0.7 * R), float(yAt(0.45 * R, 0, R))},
                     {float(cx + 0.7 * R + 0.3 * R), float(yAt(0.45 * R, 0, R) + 1.0 * R)}});
        const cv::Point2f dir = palm[1] - palm[0];
        const double ang = std::atan2(dir.y, dir.x) * 180 / kPi;
        cv::ellipse(back, palm[0], cv::Size(int(0.85 * R * scale), int(0.7 * R * scale)), ang + 90,
                    0, 360, 255, cv::FILLED, cv::LINE_AA);
        const double n = std::hypot(dir.x, dir.y) + 1e-9;
        const cv::Point2f far = palm[0] + dir * float(3.0 * std::max(W, H) / n);
        cv::line(back, palm[0], far, 255, int(1.1 * R * scale), cv::LINE_AA);
        paintRounded(scene, back, skin * 0.93, 0.35 * R * scale);
    }
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const uchar a8 = warpedAlpha.at<uchar>(y, x);
            if (!a8)
                continue;
            const double a = a8 / 255.0;
            cv::Vec3b &p = scene.at<cv::Vec3b>(y, x);
            const cv::Vec3b q = warpedColour.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                p[c] = sat(p[c] * (1 - a) + q[c] * a);
        }
    if (shot.hand) {
        // Fingers wrap around from behind the left edge, below the label.
        cv::Mat front(H, W, CV_8U, cv::Scalar(0));
        const double t = 0.25 * R;
        std::vector<std::vector<cv::Point2f>> tips;
        for (int k = 0; k < 4; ++k) {
            const double z = zl0 - 0.08 * R - t / 2 - k * t * 0.97;
            if (z < t * 0.35)
                break;
            const double r = R + 0.3 * t;
            const double tip = (rng.uniform(-5.0, 35.0) - 6.0 * k) * kDeg;
            std::vector<cv::Point2f> local;
            local.emplace_back(float(cx - r - 0.3 * R), float(yAt(z, -kPi / 2, r) + 0.04 * R));
            for (int i = 0; i <= 16; ++i) {
                const double th = -kPi / 2 + (tip + kPi / 2) * i / 16.0;
                local.emplace_back(float(cx + r * std::sin(th)), float(yAt(z, th, r)));
            }
            const auto s = toScene(local);
            std::vector<cv::Point> poly;
            for (const auto &q : s)
                poly.emplace_back(cvRound(q.x), cvRound(q.y));
            front.setTo(0);
            cv::polylines(front, poly, false, 255, std::max(2, int(t * scale)), cv::LINE_AA);
            paintRounded(scene, front, skin * (1.0 - 0.04 * k), 0.1 * R * scale);
            tips.push_back(s);
        }
        for (const auto &s : tips) { // nails
            const cv::Point2f a = s[s.size() - 2], b = s.back();
            const cv::Point2f d = (b - a) * float(1.0 / (std::hypot(b.x - a.x, b.y - a.y) + 1e-9));
            const cv::Point2f centre = b - d * float(0.1 * t * scale);
            cv::ellipse(
                scene, centre,
                cv::Size(std::max(1, int(0.26 * t * scale)), std::max(1, int(0.2 * t * scale))),
                std::atan2(d.y, d.x) * 180 / kPi, 0, 360,
                cv::Scalar(std::min(255.0, skin[0] * 1.12 + 18),
                           std::min(255.0, skin[1] * 1.1 + 14),
                           std::min(255.0, skin[2] * 1.05 + 16)),
                cv::FILLED, cv::LINE_AA);
        }
    }

    // Optics and sensor: mild blur, light falloff and a colour cast, noise.
    const double blur = rng.uniform(0.5, 1.2) * std::max(W, H) / 3000.0;
    cv::GaussianBlur(scene, scene, cv::Size(0, 0), blur);
    const double dim = rng.uniform(0.72, 1.02), vig = rng.uniform(0.15, 0.4);
    const double gx = rng.uniform(-0.35, 0.35), gy = rng.uniform(-0.35, 0.35);
    const cv::Vec3d cast(rng.uniform(0.88, 1.06), rng.uniform(0.95, 1.03), rng.uniform(0.95, 1.1));
    const double sigma = rng.uniform(1.5, 5.0);
    cv::Mat noise(1, W * 3, CV_32F);
    for (int y = 0; y < H; ++y) {
        rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
        const float *nz = noise.ptr<float>(0);
        cv::Vec3b *row = scene.ptr<cv::Vec3b>(y);
        const double dy = (y - H / 2.0) / (H / 2.0);
        for (int x = 0; x < W; ++x) {
            const double dx = (x - W / 2.0) / (W / 2.0);
            const double k =
                dim * (1 - vig * (dx * dx + dy * dy) / 2) * (1 + gx * dx / 2 + gy * dy / 2);
            for (int c = 0; c < 3; ++c)
                row[x][c] = sat(row[x][c] * k * cast[c] + nz[3 * x + c]);
        }
    }

    if (geometry) {
        ShotGeometry g;
        g.radius = R * scale;
        const double lo = std::max(-85 * kDeg, theta0 - alpha),
                     hi = std::min(85 * kDeg, theta0 + alpha);
        std::vector<cv::Point2f> top, bottom, outline;
        for (int i = 0; i <= 32; ++i) {
            const double th = lo + (hi - lo) * i / 32.0;
            top.emplace_back(float(cx + R * std::sin(th)), float(yAt(zl1, th, R)));
            bottom.emplace_back(float(cx + R * std::sin(th)), float(yAt(zl0, th, R)));
        }
        for (int i = 0; i <= 32; ++i) { // body: bottom front arc, then the top edge back
            const double th = -kPi / 2 + kPi * i / 32.0;
            outline.emplace_back(float(cx + R * std::sin(th)), float(yAt(0, th, R)));
        }
        outline.emplace_back(float(cx + R), float(yAt(zBody, kPi / 2, R)));
        outline.emplace_back(float(cx - R), float(yAt(zBody, -kPi / 2, R)));
        auto poly = [&](const std::vector<cv::Point2f> &local) {
            QPolygonF out;
            for (const auto &q : toScene(local))
                out.append(QPointF(q.x, q.y));
            return out;
        };
        g.labelTop = poly(top);
        g.labelBottom = poly(bottom);
        g.bottleOutline = poly(outline);
        const double thc = std::clamp(theta0, -80 * kDeg, 80 * kDeg);
        g.labelCentre =
            poly({{float(cx + R * std::sin(thc)), float(yAt((zl0 + zl1) / 2, thc, R))}}).value(0);
        *geometry = g;
    }
    return scene;
}

} // namespace kiosk::synth
