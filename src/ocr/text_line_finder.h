#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace kiosk::ocr {

// One printed line of text as found in an image: its centre follows a gentle curve
// y = a·x² + b·x + c (a label wrapped round a bottle bends its lines), between left and right.
struct TextLine {
    double a = 0.0, b = 0.0, c = 0.0;
    int left = 0;
    int right = 0;
    double glyphHeight = 0.0;  // median height of its glyphs, px
    int glyphs = 0;            // glyph-like blobs chained into it
    double heightSpread = 0.0; // glyph heights' spread / median: print is even, texture is not
    double residual = 0.0; // mean distance of glyph centres from the fitted centre / glyph height
    double glyphAspect =
        0.0; // median glyph width / height (a cap's ridges are thin, letters are not)
    double widthSpread =
        0.0;            // glyph widths' spread / median: letters differ, a cap's ridges do not
    double fill = 0.0;  // median share of a glyph's box that is ink: strokes, not squares
    double paper = 0.0; // brightness of the ground around the glyphs, 0..255
    double ink = 0.0;   // brightness of the glyphs, 0..255

    // Looks like a line of print rather than a texture that happens to line up.
    bool looksLikePrint() const;

    double y(double x) const { return (a * x + b) * x + c; }
    double slope(double x) const { return 2.0 * a * x + b; }
    cv::Rect bounds() const;
    // The same line in an image scaled by factor and then shifted by offset.
    TextLine scaled(double factor, cv::Point2d offset = {}) const;
};

// The bottle a label is wrapped round, seen from the side: its axis (an image column) and
// radius in px. Print at angle θ round the axis shows at x = axis + radius·sin θ, so a line's
// ends are squeezed; reading along θ undoes that.
struct Cylinder {
    double axis = 0.0;
    double radius = 0.0; // 0: no bend to undo (a flat label)
    bool isValid() const { return radius > 0.0; }
};
// Finds lines of dark print on lighter paper in a grey photo of a real scene (a hand, a patterned
// table, an amber bottle, a cap), without reading anything: glyph-sized blobs from a local
// threshold, chained left to right into lines, each line's centre fitted with a quadratic.
// Then picks the block of lines that is the label, and straightens each line into a flat strip.
class TextLineFinder {
public:
    // Every text line in the image, top to bottom. glyphHint: the expected glyph height in px
    // (sizes the local threshold to the print); 0 when unknown.
    static std::vector<TextLine> find(const cv::Mat &gray, double glyphHint = 0.0);

    struct TextBlock {
        cv::Rect area;            // padded by a glyph or two; empty when no line looks like print
        double angle = 0.0;       // the print's slope in radians (positive: rising to the left)
        double glyphHeight = 0.0; // median glyph height of its lines, px
        int glyphs = 0;           // glyphs in its lines: how sure it is print
        bool bent = false;        // its lines bend round a common axis (a label on a bottle)
    };
    // The densest block of neighbouring lines of print: the label's text.
    static TextBlock textBlock(const std::vector<TextLine> &lines, cv::Size imageSize);
    // How much the image looks like horizontal print: glyphs chained into lines of several glyphs.
    static double printScore(const std::vector<TextLine> &lines);

    // The cylinder the block's lines bend round, from where their curves turn (the axis) and
    // where the paper ends on either side (the bottle's edge); invalid for flat print.
    static Cylinder cylinder(const cv::Mat &gray, const std::vector<TextLine> &lines);
    // Where bent lines turn (their common vertex column), weighted by how much they bend;
    // false when fewer than two lines bend noticeably.
    static bool bendAxis(const std::vector<TextLine> &lines, double *axis);

    struct Strip {
        cv::Mat gray;       // 8-bit, evenly lit, the line straight and its glyphs targetGlyph high
        double scale = 1.0; // strip px per image px
        int left = 0;       // image x of the strip's x = 0
        Cylinder bottle;    // when valid, strip x runs along the arc: imageX() maps back
        double arcStart = 0.0;
        // The image column under strip column u.
        double imageX(double u) const;
    };
    // Samples the image along the line's curve (across its normal) into a flat strip.
    static Strip straighten(const cv::Mat &gray, const TextLine &line, double targetGlyph,
                            const Cylinder &bottle = Cylinder());
};

} // namespace kiosk::ocr
