#pragma once

#include "ocr/prescription.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kiosk::ocr {

// Scores a reading against ground truth by the rules of rx-eval/CONTRACT.md.
class RxScorer {
public:
    struct FieldScore {
        bool right = false;
        bool flagged = false; // in needs_review or confidence below 0.5
    };
    struct Totals {
        int images = 0;
        int errors = 0;           // images that gave an error line
        QMap<QString, int> right; // per field
        int wholeRecords = 0;     // all five core fields right
        int silentErrors = 0;     // wrong core fields not flagged
        int flaggedRight = 0;     // right core fields flagged anyway (review burden)
        void add(const QMap<QString, FieldScore> &scores, bool error);
        int coreFields() const { return images * 5; }
    };

    static QMap<QString, FieldScore> score(const QJsonObject &reading, const QJsonObject &truth);
    static bool fieldRight(const QString &field, const QJsonValue &got, const QJsonObject &truth);
    static QString normalise(const QString &text);
    // Word-level similarity 0..1 (2 * longest common subsequence / total words).
    static double wordSimilarity(const QString &a, const QString &b);
};

} // namespace kiosk::ocr
