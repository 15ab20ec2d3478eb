#include "ocr/text_line_finder.h"

#include <QFont>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

using kiosk::ocr::Cylinder;
using kiosk::ocr::TextLine;
using kiosk::ocr::TextLineFinder;

namespace {

constexpr int kFontPx = 28;

QFont printFont() {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(kFontPx);
    return font;
}

// Height of a capital in px: the glyph height the finder should measure for all-caps print.
double capHeight() {
    return QFontMetricsF(printFont()).capHeight();
}

double advance(const QString &text) {
    return QFontMetricsF(printFont()).horizontalAdvance(text);
}

struct Drawn {
    QString text;
    double x = 0.0;
    double baseline = 0.0;
    double right() const { return x + advance(text); }
    // Where the finder should put the line's centre: half a capital above the baseline.
    double centre() const { return baseline - capHeight() / 2.0; }
};

cv::Mat toMat(const QImage &image) {
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat out(grey.height(), grey.width(), CV_8UC1);
    for (int y = 0; y < grey.height(); ++y)
        std::copy_n(grey.constScanLine(y), grey.width(), out.ptr<uchar>(y));
    return out;
}

// All-caps print (no J or Q: they reach below the baseline) in black on a page of the given grey.
cv::Mat render(QSize size, const std::vector<Drawn> &lines, int paper = 255) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(paper, paper, paper));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(printFont());
    painter.setPen(Qt::black);
    for (const Drawn &line : lines)
        painter.drawText(QPointF(line.x, line.baseline), line.text);
    painter.end();
    return toMat(image);
}

const QString kText[4] = {
    QStringLiteral("AMOXICILLIN 500 MG CAPSULES"),
    QStringLiteral("TAKE ONE CAPSULE BY MOUTH"),
    QStringLiteral("THREE TIMES DAILY FOR 10 DAYS"),
    QStringLiteral("REFILLS 2 DR SMITH RX 48213"),
};

std::vector<Drawn> fourLines(double x, double firstBaseline, double pitch) {
    std::vector<Drawn> out;
    for (int i = 0; i < 4; ++i)
        out.push_back({kText[i], x, firstBaseline + i * pitch});
    return out;
}

// Wraps a flat page round a bottle seen from the side, its axis the column x0: image column x
// shows the page's column x0 + R·asin((x - x0)/R) (R = 0: no squeeze, the page's own column), and
// every row sags by k·(x - x0)², so a straight row of print shows as y = row + k·(x - x0)².
// Columns farther than edge from x0 (edge = 0: none) show dark ground: the paper ends there.
cv::Mat wrap(const cv::Mat &flat, double x0, double k, double radius, double edge = 0.0,
             uchar ground = 50) {
    cv::Mat mapX(flat.size(), CV_32F), mapY(flat.size(), CV_32F);
    for (int y = 0; y < flat.rows; ++y) {
        for (int x = 0; x < flat.cols; ++x) {
            const double dx = x - x0;
            double sx = x;
            if (radius > 0.0)
                sx = x0 + radius * std::asin(std::clamp(dx / radius, -1.0, 1.0));
            mapX.at<float>(y, x) = float(sx);
            mapY.at<float>(y, x) = float(y - k * dx * dx);
        }
    }
    cv::Mat out;
    cv::remap(flat, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    if (edge > 0.0) {
        for (int x = 0; x < out.cols; ++x)
            if (std::abs(x - x0) > edge)
                out.col(x).setTo(cv::Scalar(ground));
    }
    return out;
}

std::vector<TextLine> printLines(const std::vector<TextLine> &lines) {
    std::vector<TextLine> out;
    for (const TextLine &line : lines)
        if (line.looksLikePrint())
            out.push_back(line);
    return out;
}

QString describe(const TextLine &line) {
    return QStringLiteral("[x %1..%2 y(mid) %3 a %4 b %5 glyph %6 n %7 hSpread %8 resid %9 aspect "
                          "%10 wSpread %11 fill %14 "
                          "paper %12 ink %13]")
        .arg(line.left)
        .arg(line.right)
        .arg(line.y((line.left + line.right) / 2.0), 0, 'f', 1)
        .arg(line.a, 0, 'g', 3)
        .arg(line.b, 0, 'g', 3)
        .arg(line.glyphHeight, 0, 'f', 1)
        .arg(line.glyphs)
        .arg(line.heightSpread, 0, 'f', 2)
        .arg(line.residual, 0, 'f', 2)
        .arg(line.glyphAspect, 0, 'f', 2)
        .arg(line.widthSpread, 0, 'f', 2)
        .arg(line.paper, 0, 'f', 0)
        .arg(line.ink, 0, 'f', 0)
        .arg(line.fill, 0, 'f', 2);
}

QString describe(const std::vector<TextLine> &lines) {
    QString out = QStringLiteral("%1 lines:").arg(lines.size());
    for (const TextLine &line : lines)
        out += QLatin1Char('\n') + describe(line);
    return out;
}

QString describe(const cv::Rect &r) {
    return QStringLiteral("(%1,%2 %3x%4)").arg(r.x).arg(r.y).arg(r.width).arg(r.height);
}

// Ink (darker than mid grey) in a strip, as a 0/255 mask.
cv::Mat inkOf(const cv::Mat &gray) {
    cv::Mat ink;
    cv::threshold(gray, ink, 128, 255, cv::THRESH_BINARY_INV);
    return ink;
}

// The mean row of the ink in columns [from, to).
double inkRowCentroid(const cv::Mat &ink, int from, int to) {
    double sum = 0.0, n = 0.0;
    for (int y = 0; y < ink.rows; ++y)
        for (int x = from; x < to; ++x)
            if (ink.at<uchar>(y, x)) {
                sum += y;
                n += 1.0;
            }
    return n > 0.0 ? sum / n : -1.0;
}

struct InkBox {
    cv::Rect box;
    double cx() const { return box.x + box.width / 2.0; }
};

// The strip's glyphs (ink blobs at least minHeight tall), left to right.
std::vector<InkBox> glyphBoxes(const cv::Mat &gray, int minHeight) {
    cv::Mat labels, stats, centroids;
    const int n =
        cv::connectedComponentsWithStats(inkOf(gray), labels, stats, centroids, 8, CV_32S);
    std::vector<InkBox> out;
    for (int i = 1; i < n; ++i) {
        const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                           stats.at<int>(i, cv::CC_STAT_WIDTH),
                           stats.at<int>(i, cv::CC_STAT_HEIGHT));
        if (box.height >= minHeight)
            out.push_back({box});
    }
    std::sort(out.begin(), out.end(),
              [](const InkBox &p, const InkBox &q) { return p.box.x < q.box.x; });
    return out;
}

double mean(const std::vector<double> &v) {
    double s = 0.0;
    for (const double x : v)
        s += x;
    return v.empty() ? 0.0 : s / double(v.size());
}

} // namespace

class TestTextLineFinder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // The glyph sizes below assume DejaVu Sans, not a fallback.
        QVERIFY2(QFontInfo(printFont()).family().contains(QLatin1String("DejaVu")),
                 qPrintable(QFontInfo(printFont()).family()));
        QVERIFY(capHeight() > 15.0 && capHeight() < 25.0);
    }

    void findsStraightLines_data() {
        QTest::addColumn<double>("hint");
        QTest::newRow("no hint") << 0.0;
        QTest::newRow("glyph hint") << capHeight();
    }
    void findsStraightLines() {
        QFETCH(double, hint);
        const auto drawn = fourLines(60, 150, 80);
        const cv::Mat gray = render({900, 600}, drawn);
        const double cap = capHeight();
        const auto lines = TextLineFinder::find(gray, hint);
        QVERIFY2(lines.size() == 4, qPrintable(describe(lines)));
        for (size_t i = 0; i < 4; ++i) {
            const TextLine &line = lines[i];
            const QString what = QStringLiteral("line %1 %2").arg(i).arg(describe(line));
            const double mid = (line.left + line.right) / 2.0;
            // Top to bottom, each where it was drawn.
            QVERIFY2(std::abs(line.y(mid) - drawn[i].centre()) < 0.3 * cap, qPrintable(what));
            QVERIFY2(std::abs(line.y(line.left) - drawn[i].centre()) < 0.3 * cap, qPrintable(what));
            QVERIFY2(std::abs(line.y(line.right) - drawn[i].centre()) < 0.3 * cap,
                     qPrintable(what));
            QVERIFY2(std::abs(line.slope(mid)) < 0.01, qPrintable(what));
            // Covers the text from its first to its last glyph (side bearings are a few px).
            QVERIFY2(line.left >= drawn[i].x - 2 && line.left <= drawn[i].x + 0.4 * cap,
                     qPrintable(what));
            QVERIFY2(line.right <= drawn[i].right() + 2 &&
                         line.right >= drawn[i].right() - 0.4 * cap,
                     qPrintable(what));
            QVERIFY2(line.glyphHeight > 0.85 * cap && line.glyphHeight < 1.2 * cap,
                     qPrintable(what));
            QVERIFY2(line.glyphs >= 18, qPrintable(what));
            QVERIFY2(line.looksLikePrint(), qPrintable(what));
            QVERIFY2(line.paper > 240 && line.ink < 120, qPrintable(what));
            // bounds(): the glyphs' band.
            const cv::Rect b = line.bounds();
            QVERIFY2(b.y <= drawn[i].baseline - cap && b.br().y >= drawn[i].baseline,
                     qPrintable(what));
            QCOMPARE(b.x, line.left);
            QCOMPARE(b.br().x, line.right);
        }
        QCOMPARE(TextLineFinder::printScore(lines),
                 double(lines[0].glyphs + lines[1].glyphs + lines[2].glyphs + lines[3].glyphs));

        const auto block = TextLineFinder::textBlock(lines, gray.size());
        const cv::Rect text(cv::Point(60, int(150 - cap)), cv::Point(int(drawn[0].right()), 390));
        QVERIFY2((block.area & text) == text, qPrintable(describe(block.area)));
        QVERIFY2(block.area.height < 390 - 150 + 6 * cap, qPrintable(describe(block.area)));
        QVERIFY2(std::abs(block.angle) < 0.01, qPrintable(QString::number(block.angle)));
        QVERIFY(block.glyphHeight > 0.85 * cap && block.glyphHeight < 1.2 * cap);
        QCOMPARE(block.glyphs,
                 lines[0].glyphs + lines[1].glyphs + lines[2].glyphs + lines[3].glyphs);
        QVERIFY(!block.bent);

        // Flat print bends round nothing.
        double axis = -1.0;
        QVERIFY(!TextLineFinder::bendAxis(lines, &axis));
        QCOMPARE(axis, -1.0);
        QVERIFY(!TextLineFinder::cylinder(gray, lines).isValid());
    }

    void findsGreyPrintOnGreyPaperUnevenlyLit() {
        // A shadow falls across the page: paper from 230 on the left to 120 on the right.
        const auto drawn = fourLines(60, 150, 80);
        cv::Mat gray = render({900, 600}, drawn);
        for (int y = 0; y < gray.rows; ++y)
            for (int x = 0; x < gray.cols; ++x) {
                const double light = 0.9 - 0.43 * x / gray.cols;
                gray.at<uchar>(y, x) = cv::saturate_cast<uchar>(gray.at<uchar>(y, x) * light);
            }
        const auto lines = printLines(TextLineFinder::find(gray));
        QVERIFY2(lines.size() == 4, qPrintable(describe(lines)));
        for (size_t i = 0; i < 4; ++i) {
            QVERIFY2(std::abs(lines[i].y((lines[i].left + lines[i].right) / 2.0) -
                              drawn[i].centre()) < 0.3 * capHeight(),
                     qPrintable(describe(lines[i])));
            QVERIFY2(lines[i].right >= drawn[i].right() - 0.4 * capHeight(),
                     qPrintable(describe(lines[i])));
        }
    }

    void fitsBentLines_data() {
        QTest::addColumn<double>("k");
        QTest::newRow("ends sag") << 2.0e-4;
        QTest::newRow("ends rise") << -2.0e-4;
    }
    void fitsBentLines() {
        QFETCH(double, k);
        const double x0 = 460, paperEdge = 400, cap = capHeight();
        // Print from 120 to about 780: reaching ~340 px from the axis, ~23 px of sag at its ends.
        const auto drawn = fourLines(120, 170, 80);
        const cv::Mat flat = render({1000, 600}, drawn);
        const cv::Mat gray = wrap(flat, x0, k, 0.0);
        const auto lines = TextLineFinder::find(gray);
        QVERIFY2(lines.size() == 4, qPrintable(describe(lines)));
        double reach = 0.0;
        for (size_t i = 0; i < 4; ++i) {
            const TextLine &line = lines[i];
            const QString what =
                QStringLiteral("line %1 %2 (drawn a %3)").arg(i).arg(describe(line)).arg(k);
            QVERIFY2(line.looksLikePrint(), qPrintable(what));
            QVERIFY2(line.a * k > 0.0, qPrintable(what));
            QVERIFY2(line.a / k > 0.75 && line.a / k < 1.3, qPrintable(what));
            // The curve follows the warped centre along the whole line.
            for (const double x : {double(line.left), double(x0), double(line.right)}) {
                const double expected = drawn[i].centre() + k * (x - x0) * (x - x0);
                QVERIFY2(std::abs(line.y(x) - expected) < 0.3 * cap,
                         qPrintable(what +
                                    QStringLiteral(" at x %1 expected y %2").arg(x).arg(expected)));
            }
            QVERIFY2(std::abs(-line.b / (2.0 * line.a) - x0) < 30.0, qPrintable(what));
            reach = std::max({reach, x0 - line.left, line.right - x0});
        }
        double axis = 0.0;
        QVERIFY(TextLineFinder::bendAxis(lines, &axis));
        QVERIFY2(std::abs(axis - x0) < 20.0, qPrintable(QString::number(axis)));
        const auto block = TextLineFinder::textBlock(lines, gray.size());
        QVERIFY(block.bent);
        // The chord of a symmetric-ish bend is nearly level.
        QVERIFY2(std::abs(block.angle) < 0.05, qPrintable(QString::number(block.angle)));

        // The same label on a bottle whose silhouette ends 400 px either side of the axis.
        const cv::Mat bottle = wrap(flat, x0, k, 0.0, paperEdge);
        const auto bottleLines = TextLineFinder::find(bottle);
        QVERIFY2(bottleLines.size() == 4, qPrintable(describe(bottleLines)));
        const Cylinder cylinder = TextLineFinder::cylinder(bottle, bottleLines);
        QVERIFY(cylinder.isValid());
        const QString got = QStringLiteral("axis %1 radius %2 reach %3")
                                .arg(cylinder.axis)
                                .arg(cylinder.radius)
                                .arg(reach);
        QVERIFY2(std::abs(cylinder.axis - x0) < 20.0, qPrintable(got));
        QVERIFY2(cylinder.radius >= reach, qPrintable(got));
        QVERIFY2(cylinder.radius > 0.95 * paperEdge && cylinder.radius < 1.15 * paperEdge,
                 qPrintable(got));

        // With paper all the way to the image's sides the radius is still at least the print's
        // reach.
        const Cylinder open = TextLineFinder::cylinder(gray, lines);
        QVERIFY(open.isValid());
        QVERIFY2(open.radius >= reach, qPrintable(QString::number(open.radius)));
    }

    void measuresTilt_data() {
        QTest::addColumn<double>("degrees");
        QTest::newRow("counter-clockwise 12") << 12.0;
        QTest::newRow("clockwise 12") << -12.0;
    }
    void measuresTilt() {
        QFETCH(double, degrees);
        const auto drawn = fourLines(160, 320, 70);
        const cv::Mat flat = render({1000, 800}, drawn);
        // OpenCV's positive angle turns the text counter-clockwise on screen: its right end rises,
        // so in image coordinates (y down) y falls along the line: slope -tan(angle).
        cv::Mat gray;
        const cv::Mat turn = cv::getRotationMatrix2D(cv::Point2f(500, 400), degrees, 1.0);
        cv::warpAffine(flat, gray, turn, flat.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
        const double expected = -degrees * std::numbers::pi / 180.0;

        const auto all = TextLineFinder::find(gray);
        const auto lines = printLines(all);
        QVERIFY2(lines.size() == 4, qPrintable(describe(all)));
        for (const TextLine &line : lines) {
            const double mid = (line.left + line.right) / 2.0;
            const double chord =
                (line.y(line.right) - line.y(line.left)) / (line.right - line.left);
            const QString what = describe(line);
            QVERIFY2(std::abs(std::atan(line.slope(mid)) - expected) <
                         2.0 * std::numbers::pi / 180.0,
                     qPrintable(what));
            QVERIFY2(std::abs(std::atan(chord) - expected) < 2.0 * std::numbers::pi / 180.0,
                     qPrintable(what));
            // Tilted, each glyph's box is a little taller than a capital, not a line's worth.
            QVERIFY2(line.glyphHeight < 1.5 * capHeight(), qPrintable(what));
        }
        const auto block = TextLineFinder::textBlock(all, gray.size());
        QVERIFY2(
            std::abs(block.angle - expected) < 2.0 * std::numbers::pi / 180.0,
            qPrintable(QStringLiteral("angle %1 rad, expected %2").arg(block.angle).arg(expected)));
        QVERIFY(!block.bent);
        // The rotated text's corners lie inside the block.
        double right = 0.0;
        for (const Drawn &d : drawn)
            right = std::max(right, d.right());
        const float top = float(320 - capHeight()), bottom = 530.0f, l = 160.0f, r = float(right);
        std::vector<cv::Point2f> corners = {{l, top}, {l, bottom}, {r, top}, {r, bottom}};
        cv::transform(corners, corners, turn);
        for (const cv::Point2f &p : corners)
            QVERIFY2(block.area.contains(cv::Point(p)), qPrintable(describe(block.area)));
    }

    void picksTheLabelInAScene_data() {
        // How much of the table is dark speckle: blurred noise cut at this level.
        QTest::addColumn<double>("cut");
        QTest::newRow("sparse speckle") << 0.75;
        QTest::newRow("medium speckle") << 0.7;
        QTest::newRow("dense speckle") << 0.6;
    }
    void picksTheLabelInAScene() {
        QFETCH(double, cut);
        const double cap = capHeight();
        const int width = 1100, height = 800;
        // A patterned table: blurred noise cut into dark speckles of all sizes on mid grey.
        cv::Mat noise(height, width, CV_32F);
        cv::RNG rng(20240611);
        rng.fill(noise, cv::RNG::UNIFORM, 0.0, 1.0);
        cv::GaussianBlur(noise, noise, cv::Size(0, 0), 3.0);
        cv::normalize(noise, noise, 0.0, 1.0, cv::NORM_MINMAX);
        cv::Mat scene(height, width, CV_8UC1, cv::Scalar(150));
        scene.setTo(cv::Scalar(60), noise > cut);
        // A bottle cap's ridges: a row of thin, evenly spaced, slightly slanted bars.
        const cv::Rect ridges(300, 80, 520, 40);
        scene(ridges + cv::Size(20, 20) - cv::Point(10, 10)).setTo(cv::Scalar(170));
        for (int x = ridges.x; x < ridges.x + ridges.width - 6; x += 12)
            cv::line(scene, {x, ridges.y + 4}, {x + 5, ridges.y + ridges.height - 4},
                     cv::Scalar(40), 2, cv::LINE_AA);
        // The label: light paper with four lines of print, 40 px of margin round the text.
        const cv::Rect paper(250, 260, 620, 350);
        const auto drawn = fourLines(290, 320, 70);
        const cv::Mat page = render({width, height}, drawn, 235);
        page(paper).copyTo(scene(paper));

        const auto lines = TextLineFinder::find(scene);
        const auto block = TextLineFinder::textBlock(lines, scene.size());
        QString found; // the lines taken for print outside the paper, for the failure messages
        int outside = 0;
        for (const TextLine &line : lines)
            if (line.looksLikePrint() && (line.bounds() & paper) != line.bounds()) {
                if (++outside <= 3)
                    found += QLatin1Char(' ') + describe(line);
            }
        found = QStringLiteral("block %1; %2 lines outside the paper look like print:")
                    .arg(describe(block.area))
                    .arg(outside) +
                found;

        const cv::Rect text(cv::Point(290, int(320 - cap)), cv::Point(int(drawn[0].right()), 530));
        QVERIFY2((block.area & text) == text, qPrintable(found));
        // Nothing of the table joined it: within the paper, give or take the block's padding
        // (4.5 glyphs either side, 1.5 above and below).
        const cv::Rect padded(paper.x - int(5 * cap), paper.y - int(2 * cap),
                              paper.width + int(10 * cap), paper.height + int(4 * cap));
        QVERIFY2((block.area & padded) == block.area, qPrintable(found));
        QVERIFY2((block.area & ridges).empty(), qPrintable(found));
        QVERIFY2(std::abs(block.glyphHeight - cap) < 0.2 * cap,
                 qPrintable(QString::number(block.glyphHeight)));
        QVERIFY(!block.bent);

        // The cap's ridges chain up (thin, alike, level) but are not print.
        for (const TextLine &line : lines) {
            const cv::Rect b = line.bounds();
            if ((b & ridges).area() > b.area() / 2)
                QVERIFY2(
                    !line.looksLikePrint(),
                    qPrintable(QStringLiteral("cap ridges taken for print: ") + describe(line)));
        }
        // Every printed line is found whole, and stays on the paper.
        for (const Drawn &d : drawn) {
            // The line through the text's middle.
            const double mid = (d.x + d.right()) / 2.0;
            const auto hit = std::find_if(lines.begin(), lines.end(), [&](const TextLine &line) {
                return line.left < mid && line.right > mid &&
                       std::abs(line.y(mid) - d.centre()) < 0.3 * cap;
            });
            QVERIFY2(hit != lines.end(), qPrintable(d.text));
            const QString what = d.text + QLatin1Char(' ') + describe(*hit);
            QVERIFY2(hit->looksLikePrint(), qPrintable(what));
            QVERIFY2(std::abs(hit->left - d.x) < 0.5 * cap &&
                         std::abs(hit->right - d.right()) < 0.5 * cap,
                     qPrintable(what));
        }
    }

    void straightensABentLine() {
        const double x0 = 460, k = 2.0e-4, target = 32.0;
        const auto drawn = fourLines(120, 170, 80);
        const cv::Mat gray = wrap(render({1000, 600}, drawn), x0, k, 0.0);
        const auto lines = TextLineFinder::find(gray);
        QVERIFY2(lines.size() == 4, qPrintable(describe(lines)));
        for (size_t i = 0; i < 4; ++i) {
            const TextLine &line = lines[i];
            const auto strip = TextLineFinder::straighten(gray, line, target);
            const QString what = QStringLiteral("line %1 %2 strip %3x%4 scale %5")
                                     .arg(i)
                                     .arg(describe(line))
                                     .arg(strip.gray.cols)
                                     .arg(strip.gray.rows)
                                     .arg(strip.scale);
            QVERIFY2(!strip.gray.empty() && strip.gray.type() == CV_8UC1, qPrintable(what));
            QVERIFY2(std::abs(strip.scale - target / line.glyphHeight) < 1e-9, qPrintable(what));
            QVERIFY(!strip.bottle.isValid());
            const cv::Mat ink = inkOf(strip.gray);
            std::vector<int> inkCols;
            for (int x = 0; x < ink.cols; ++x)
                if (cv::countNonZero(ink.col(x)) > 0)
                    inkCols.push_back(x);
            QVERIFY2(inkCols.size() > 100, qPrintable(what));
            const int first = inkCols.front(), last = inkCols.back();
            // Level: the ink's centre row agrees in the left, middle and right thirds.
            // Unstraightened, the ends would sit ~23 image px (~37 strip px) off the middle.
            const int third = (last - first) / 3;
            const double rows[3] = {inkRowCentroid(ink, first, first + third),
                                    inkRowCentroid(ink, first + third, first + 2 * third),
                                    inkRowCentroid(ink, first + 2 * third, last + 1)};
            const QString levels =
                what + QStringLiteral(" rows %1 %2 %3").arg(rows[0]).arg(rows[1]).arg(rows[2]);
            QVERIFY2(std::abs(rows[0] - rows[1]) < 3.0 && std::abs(rows[2] - rows[1]) < 3.0,
                     qPrintable(levels));
            QVERIFY2(std::abs(rows[1] - strip.gray.rows / 2.0) < 0.25 * target, qPrintable(levels));
            // Its glyphs are about targetGlyph tall: the rows where most of the ink is.
            std::vector<double> heights;
            for (const InkBox &g : glyphBoxes(strip.gray, int(0.5 * target)))
                heights.push_back(g.box.height);
            QVERIFY2(heights.size() >= 15, qPrintable(what));
            std::nth_element(heights.begin(), heights.begin() + long(heights.size() / 2),
                             heights.end());
            const double glyph = heights[heights.size() / 2];
            QVERIFY2(std::abs(glyph - target) < 0.15 * target,
                     qPrintable(what + QStringLiteral(" glyph %1").arg(glyph)));
            // Evenly lit paper, white margins.
            QCOMPARE(strip.gray.at<uchar>(0, 0), uchar(255));
            QCOMPARE(strip.gray.at<uchar>(strip.gray.rows - 1, strip.gray.cols - 1), uchar(255));
            // Strip columns map back to image columns: the ink's ends to the line's ends, the
            // strip's ends to a little beyond them.
            const double h = line.glyphHeight;
            const QString ends =
                what +
                QStringLiteral(" imageX(first ink %1) %2 imageX(last ink %3) %4 imageX(0) %5 "
                               "imageX(w) %6")
                    .arg(first)
                    .arg(strip.imageX(first))
                    .arg(last)
                    .arg(strip.imageX(last))
                    .arg(strip.imageX(0))
                    .arg(strip.imageX(strip.gray.cols));
            QVERIFY2(std::abs(strip.imageX(first) - line.left) < 0.5 * h, qPrintable(ends));
            QVERIFY2(std::abs(strip.imageX(last) - line.right) < 0.5 * h, qPrintable(ends));
            QVERIFY2(strip.imageX(0) <= line.left && strip.imageX(0) >= line.left - 3.0 * h,
                     qPrintable(ends));
            QVERIFY2(strip.imageX(strip.gray.cols) >= line.right &&
                         strip.imageX(strip.gray.cols) <= line.right + 3.0 * h,
                     qPrintable(ends));
        }
    }

    void straightensRoundABottle() {
        // A label of evenly spaced capitals wrapped round a bottle of radius 380 whose axis is
        // column 500: seen from the side the letters crowd together towards its edges.
        const double x0 = 500, radius = 380, k = 30.0 / (radius * radius), target = 32.0;
        const QString unit = QStringLiteral("H ");
        QString text;
        while (advance(text + unit) < 2.1 * radius)
            text += unit;
        text = text.trimmed();
        const double flatLeft = x0 - advance(text) / 2.0;
        std::vector<Drawn> drawn;
        for (int i = 0; i < 3; ++i)
            drawn.push_back({text, flatLeft, 200.0 + 80.0 * i});
        const cv::Mat gray = wrap(render({1000, 500}, drawn), x0, k, radius, radius);

        const auto lines = TextLineFinder::find(gray);
        QVERIFY2(lines.size() == 3, qPrintable(describe(lines)));
        const Cylinder bottle = TextLineFinder::cylinder(gray, lines);
        const QString got = QStringLiteral("axis %1 radius %2").arg(bottle.axis).arg(bottle.radius);
        QVERIFY2(bottle.isValid(), qPrintable(got));
        QVERIFY2(std::abs(bottle.axis - x0) < 20.0, qPrintable(got));
        QVERIFY2(bottle.radius > 0.95 * radius && bottle.radius < 1.15 * radius, qPrintable(got));

        const TextLine &line = lines[1];
        const auto flat = TextLineFinder::straighten(gray, line, target);
        const auto round = TextLineFinder::straighten(gray, line, target, bottle);
        QVERIFY(!flat.bottle.isValid());
        QVERIFY(round.bottle.isValid());
        QCOMPARE(round.scale, flat.scale);
        const auto flatGlyphs = glyphBoxes(flat.gray, int(0.5 * target));
        const auto roundGlyphs = glyphBoxes(round.gray, int(0.5 * target));
        const int letters = int(text.count(QLatin1Char('H')));
        QVERIFY2(int(flatGlyphs.size()) == letters,
                 qPrintable(QStringLiteral("%1 of %2").arg(flatGlyphs.size()).arg(letters)));
        QVERIFY2(int(roundGlyphs.size()) == letters,
                 qPrintable(QStringLiteral("%1 of %2").arg(roundGlyphs.size()).arg(letters)));
        QVERIFY(round.gray.cols > flat.gray.cols);

        // The letters' spacing and width at the ends against the middle.
        const auto profile = [](const std::vector<InkBox> &g, double *endSpacing,
                                double *midSpacing, double *endWidth, double *midWidth) {
            const size_t n = g.size(), m = n / 2;
            *endSpacing = mean({g[1].cx() - g[0].cx(), g[2].cx() - g[1].cx(),
                                g[n - 2].cx() - g[n - 3].cx(), g[n - 1].cx() - g[n - 2].cx()});
            *midSpacing = mean({g[m].cx() - g[m - 1].cx(), g[m + 1].cx() - g[m].cx()});
            *endWidth = mean({double(g[0].box.width), double(g[1].box.width),
                              double(g[n - 2].box.width), double(g[n - 1].box.width)});
            *midWidth = mean(
                {double(g[m - 1].box.width), double(g[m].box.width), double(g[m + 1].box.width)});
        };
        double fEndS, fMidS, fEndW, fMidW, rEndS, rMidS, rEndW, rMidW;
        profile(flatGlyphs, &fEndS, &fMidS, &fEndW, &fMidW);
        profile(roundGlyphs, &rEndS, &rMidS, &rEndW, &rMidW);
        const QString widths =
            QStringLiteral("flat: spacing ends %1 middle %2, width ends %3 middle %4; "
                           "round: spacing ends %5 middle %6, width ends %7 middle %8")
                .arg(fEndS)
                .arg(fMidS)
                .arg(fEndW)
                .arg(fMidW)
                .arg(rEndS)
                .arg(rMidS)
                .arg(rEndW)
                .arg(rMidW);
        // Read straight across, the ends stay squeezed; read along the arc they open up to the
        // middle's spacing, and the middle is hardly touched.
        QVERIFY2(fEndS < 0.75 * fMidS, qPrintable(widths));
        QVERIFY2(rEndS > 0.85 * rMidS && rEndS < 1.15 * rMidS, qPrintable(widths));
        QVERIFY2(rEndW > 1.3 * fEndW, qPrintable(widths));
        QVERIFY2(std::abs(rMidS - fMidS) < 0.1 * fMidS, qPrintable(widths));

        // The arc strip's columns map back onto the image: the first and last letters' centres.
        const QString back =
            QStringLiteral("first H at image x %1 (line left %2), last at %3 (line right %4)")
                .arg(round.imageX(roundGlyphs.front().cx()))
                .arg(line.left)
                .arg(round.imageX(roundGlyphs.back().cx()))
                .arg(line.right);
        QVERIFY2(round.imageX(roundGlyphs.front().cx()) > line.left &&
                     round.imageX(roundGlyphs.front().cx()) < line.left + 0.6 * line.glyphHeight,
                 qPrintable(back));
        QVERIFY2(round.imageX(roundGlyphs.back().cx()) < line.right &&
                     round.imageX(roundGlyphs.back().cx()) > line.right - 0.6 * line.glyphHeight,
                 qPrintable(back));
        // imageX() is monotonic along the strip and stays on the bottle.
        for (int u = 1; u <= round.gray.cols; ++u)
            QVERIFY(round.imageX(u) >= round.imageX(u - 1));
        QVERIFY(round.imageX(0) >= x0 - radius * 1.1 &&
                round.imageX(round.gray.cols) <= x0 + radius * 1.1);
    }

    void scaledLineMapsPoints() {
        TextLine line;
        line.a = 1.5e-4;
        line.b = -0.12;
        line.c = 300.0;
        line.left = 100;
        line.right = 900;
        line.glyphHeight = 20.0;
        const double factor = 0.5;
        const cv::Point2d offset(30.0, -12.0);
        const TextLine small = line.scaled(factor, offset);
        for (const double x : {100.0, 400.0, 900.0}) {
            const double xs = x * factor + offset.x;
            QVERIFY2(std::abs(small.y(xs) - (line.y(x) * factor + offset.y)) < 1e-6,
                     qPrintable(QString::number(x)));
        }
        QCOMPARE(small.left, 80);
        QCOMPARE(small.right, 480);
        QCOMPARE(small.glyphHeight, 10.0);
    }

    void degenerateInput() {
        const cv::Mat empty;
        const cv::Mat tiny(10, 10, CV_8UC1, cv::Scalar(255));
        const cv::Mat white(500, 700, CV_8UC1, cv::Scalar(255));
        const cv::Mat black(500, 700, CV_8UC1, cv::Scalar(0));
        const cv::Mat colour = cv::Mat(500, 700, CV_8UC3, cv::Scalar(255, 255, 255));
        for (const cv::Mat *m : {&empty, &tiny, &white, &black, &colour}) {
            for (const double hint : {0.0, 20.0}) {
                const auto lines = TextLineFinder::find(*m, hint);
                QVERIFY2(lines.empty(), qPrintable(describe(lines)));
                const auto block = TextLineFinder::textBlock(lines, m->size());
                QVERIFY(block.area.empty());
                QCOMPARE(block.glyphs, 0);
                QVERIFY(!block.bent);
                QCOMPARE(TextLineFinder::printScore(lines), 0.0);
                QVERIFY(!TextLineFinder::cylinder(*m, lines).isValid());
            }
        }
        // A colour photo is not looked at (the finder wants grey), even with print on it.
        const cv::Mat printed = render({900, 600}, fourLines(60, 150, 80));
        QCOMPARE(TextLineFinder::find(printed).size(), size_t(4));
        cv::Mat colourPrint;
        cv::cvtColor(printed, colourPrint, cv::COLOR_GRAY2BGR);
        QVERIFY(TextLineFinder::find(colourPrint).empty());

        double axis = 0.0;
        QVERIFY(!TextLineFinder::bendAxis({}, &axis));
        // Straightening nothing, or a line without a height, gives an empty strip.
        TextLine line;
        line.left = 10;
        line.right = 200;
        line.c = 50;
        QVERIFY(TextLineFinder::straighten(empty, line, 32).gray.empty());
        QVERIFY(TextLineFinder::straighten(white, line, 32).gray.empty());
        line.glyphHeight = 20;
        QVERIFY(TextLineFinder::straighten(empty, line, 32).gray.empty());
        // A line running off the image still gives a strip (the border is replicated).
        line.left = 600;
        line.right = 900;
        line.c = 490;
        const auto strip = TextLineFinder::straighten(white, line, 32);
        QVERIFY(!strip.gray.empty());
        QCOMPARE(strip.gray.rows, int(std::lround(2.0 * 20 * 32 / 20.0)) + 2 * 16);
    }
};

QTEST_MAIN(TestTextLineFinder)
#include "tst_text_line_finder.moc"
