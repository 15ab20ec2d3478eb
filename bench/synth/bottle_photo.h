#pragma once
// Software photographs of dispensed pill bottles, shaped like what a caregiver's phone produces:
// a printed US pharmacy label wrapped around an amber vial held in a hand, over a table, stored
// sideways with an EXIF orientation tag and (Samsung) a trailer after the JPEG's end. Invented
// content only: no real person's data goes into a label (see README.md beside this file).
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QPair>
#include <QPolygonF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <opencv2/core.hpp>

namespace kiosk::synth {

// Where the lines of a label go; each is a different printer's layout.
enum class LabelLayout {
    Classic,   // pharmacy line on top, Rx#/date, PATIENT, big directions, drug, qty/refills,
               // prescriber
    DrugFirst, // drug line on top, directions, patient, Rx#, qty/refills, prescriber, pharmacy band
    Compact,   // condensed font, pharmacy + address, patient and Rx# on one row, three-cell qty row
};

// The text printed on a label, one string per printed line (verbatim, including keys such as
// "QTY: "). Empty strings are not printed. Directions are wrapped to the label's width.
struct LabelText {
    QString pharmacyLine;   // "CORNERSTONE PHARMACY  412 ELM ST  DAYTON OH  (937) 555-0142"
    QString rxLine;         // "RX# 1234567"
    QString dateLine;       // "Fill date 01/02/2026"
    QString patientLine;    // "OLIVIA BENNETT"
    QString drugLine;       // "PREDNISONE 20MG TAB"
    QString directions;     // "TAKE 1 TABLET BY MOUTH DAILY"
    QString quantityLine;   // "QTY: 30"
    QString refillsLine;    // "Refills left: 2"
    QString prescriberLine; // "Dr. Jane Smith"
    QStringList extraLines; // mfr line, "Discard after ...", small print warnings (printed small)
    LabelLayout layout = LabelLayout::Classic;
    QColor bandColour = QColor(30, 70, 140); // DrugFirst: the pharmacy band's colour
};

// One run of text as drawn on the label image: which LabelText line it came from (key: "drug",
// "directions", "quantity", ...), the characters [first, first + text.size()) of that line, and
// the x of every character boundary (edges.size() == text.size() + 1), in label pixels.
struct PrintedRun {
    QString key;
    QString text;
    int first = 0;
    QRectF box;
    QList<qreal> edges;
};

struct RenderedLabel {
    QImage image; // RGB888, paper colour, text in dark ink
    QList<PrintedRun> runs;
    QList<PrintedRun> runsFor(const QString &key) const;
};

// How the phone took the picture. width x height is the *stored* pixel size (what the JPEG header
// says, e.g. 4032x1816 for a portrait photo stored sideways with orientation 6).
struct BottleShot {
    int width = 4032;
    int height = 1816;
    int exifOrientation = 6;    // 1..8, as the EXIF tag 0x0112 means it
    bool samsungTrailer = true; // "SEFH" ... "SEFT" block after the JPEG's EOI marker
    double curvature = 0.7;     // 0 flat .. 1 strong: the label's text spans +-(20..100) degrees
    double labelTurnDeg = 0;    // the label's centre turned away from the camera (+ = right)
    double tiltDeg = 0;         // the bottle's roll in the upright picture (+ = clockwise)
    double elevationDeg = 18;   // camera above the bottle: the label's edges bend (smile shape)
    bool amber = true;          // amber vial; false: white plastic
    bool hand = true;           // held in a hand (fingers below the label, palm and forearm)
    int jpegQuality = 90;
    quint32 seed = 1; // background, hand, light, blur and noise

    QSize storedSize() const { return {width, height}; }
    QSize uprightSize() const; // swapped for orientations 5..8
};

// Where the label ended up in the upright picture (for tests and ground truth).
struct ShotGeometry {
    double radius = 0;       // bottle radius in upright pixels
    QPointF labelCentre;     // the label's centre (theta = 0 on the cylinder if not turned)
    QPolygonF labelTop;      // the label's top edge, left to right, sampled over the visible face
    QPolygonF labelBottom;   // the label's bottom edge
    QPolygonF bottleOutline; // body silhouette (without the cap)
};

class BottlePhoto {
public:
    // The label as printed, flat (1150 px wide; height follows the content).
    static RenderedLabel renderLabel(const LabelText &text);

    // The upright scene (BGR, uprightSize()): the label wrapped around a cylinder (x on the label
    // -> angle on the cylinder -> x' = R sin(theta), compressed and darker toward the edges, its
    // top and bottom edges bending as seen from slightly above), amber body, ribbed white cap,
    // hand, patterned table, shadow, uneven light, mild blur and noise. Deterministic for a shot.
    static cv::Mat photograph(const QImage &label, const BottleShot &shot,
                              ShotGeometry *geometry = nullptr);

    // JPEG bytes as the phone stores them: the pixels rotated/mirrored so that applying the EXIF
    // orientation shows `upright` upright (6: the stored image must be turned 90 degrees
    // clockwise to display), an APP1 Exif segment (TIFF IFD0 with Make, Model, Orientation) in
    // place of the JFIF APP0, then the Samsung-style trailer after EOI if the shot asks for it.
    static QByteArray encodeJpeg(const cv::Mat &upright, const BottleShot &shot);

    // The stored pixels for an upright image (exposed for tests): the inverse of what a viewer
    // applies for `orientation`.
    static cv::Mat toStored(const cv::Mat &upright, int orientation);

    // The label x range (label pixels) that a person can read in the photo: where the cylinder
    // turns less than kLegibleDeg from the camera. Text outside it is compressed or hidden.
    static QPair<qreal, qreal> legibleSpan(int labelWidth, const BottleShot &shot);
    static constexpr double kLegibleDeg = 65.0;

    // Characters [first, last) of `run` that lie inside `span` (first == last: none).
    static QPair<int, int> visibleChars(const PrintedRun &run, QPair<qreal, qreal> span);

    // Half the angle the label's width spans on the cylinder for a curvature (degrees).
    static double labelHalfAngleDeg(double curvature);

private:
    static RenderedLabel renderLabelWithGap(const LabelText &text, qreal gap, int *rows);
};

} // namespace kiosk::synth
