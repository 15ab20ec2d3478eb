#pragma once

#include <QRect>
#include <QString>
#include <QStringList>

#include <vector>

namespace kiosk::ocr {

// One recognised word with where it sits on the flattened label and how sure Tesseract is (0..1).
struct OcrWord {
    QString text;
    double confidence = 0.0;
    QRect box;
};

// One printed row of the label, words left to right.
struct OcrLine {
    std::vector<OcrWord> words;
    QRect box;

    QString text() const {
        QStringList parts;
        for (const auto &w : words)
            parts.append(w.text);
        return parts.join(QLatin1Char(' '));
    }
    double meanConfidence() const {
        if (words.empty())
            return 0.0;
        double sum = 0.0;
        for (const auto &w : words)
            sum += w.confidence;
        return sum / double(words.size());
    }
};

struct OcrPage {
    std::vector<OcrLine> lines; // top to bottom
    int width = 0;
    int height = 0;

    QString text() const {
        QStringList rows;
        for (const auto &l : lines)
            rows.append(l.text());
        return rows.join(QLatin1Char('\n'));
    }
};

} // namespace kiosk::ocr
