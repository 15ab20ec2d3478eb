#pragma once

#include <opencv2/core.hpp>

namespace kiosk::ocr {

// Turns the flattened label into what Tesseract's LSTM reads best: grey, evenly lit (the image
// divided by an estimate of its own background), and scaled so the glyphs are a set height.
class Preprocessor {
public:
    struct Options {
        double targetGlyphHeight = 26.0; // median connected-component height after scaling, px
        bool binarise = false;           // measured: grey input reads better with the LSTM engine
    };
    struct Result {
        cv::Mat gray;             // 8-bit, evenly lit, scaled
        cv::Mat background;       // the lighting estimate at the working scale (8-bit)
        double glyphHeight = 0.0; // median glyph height in the flattened label before scaling, px
        double scale = 1.0;       // applied scale factor
        int glyphCount = 0;       // glyph-sized components seen (0: no text found)
        cv::Rect textArea;        // where the glyphs are, in the flattened label (before scaling)
    };

    static Result run(const cv::Mat &bgr, const Options &options);
    static Result run(const cv::Mat &bgr) { return run(bgr, Options()); }
    // Median height of dark glyph-sized blobs in an evenly lit grey image; count receives how many.
    static double estimateGlyphHeight(const cv::Mat &evenGray, int *count,
                                      cv::Rect *textArea = nullptr);
    // The grey image divided by its paper's brightness (a closing wider than a stroke removes the
    // ink); background, when given, receives that estimate.
    static cv::Mat evenLighting(const cv::Mat &gray, int kernelSize, cv::Mat *background = nullptr);
};

} // namespace kiosk::ocr
