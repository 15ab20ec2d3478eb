#pragma once

#include "ocr/label_locator.h"
#include "ocr/preprocessor.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <opencv2/core.hpp>

namespace kiosk::ocr {

// Judges a photo before reading it, so the Scan page can say what to do better.
struct QualityReport {
    bool labelFound = false;
    double sharpness = 0.0; // variance of the Laplacian at a fixed glyph size (higher is sharper)
    double glareFraction = 0.0; // share of the label washed out by reflections
    double brightness = 0.0;    // median paper brightness, 0..255
    double glyphHeight = 0.0;   // median glyph height in photo pixels
    bool blurry = false;
    bool glare = false;
    bool tooDark = false;
    bool textTooSmall = false;

    bool acceptable() const { return labelFound && !blurry && !glare && !tooDark && !textTooSmall; }
    // Short hints a person can act on ("Hold the tablet steady"), most important first.
    QStringList hints() const;
    QJsonObject toJson() const;
};

class QualityChecker {
public:
    static constexpr double kMinSharpness = 120.0;
    static constexpr double kMaxGlare = 0.02;
    static constexpr double kMinBrightness = 70.0;
    static constexpr double kMinGlyphHeight = 9.0;

    // photo: the input; label: where the label is; prepared: the flattened, scaled label.
    static QualityReport assess(const cv::Mat &photo, const LabelLocator::Result &label,
                                const Preprocessor::Result &prepared);
};

} // namespace kiosk::ocr
