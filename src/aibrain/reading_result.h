#pragma once

#include "ocr/prescription.h"
#include "ocr/quality_checker.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace kiosk::aibrain {

// One photo read by an engine: the same Prescription the local reader produces, plus which
// engine produced it and, when auto wanted AI Brain but read locally, why.
struct ReadingResult {
    static inline const QString LocalEngine = QStringLiteral("local");
    static inline const QString AiBrainEngine = QStringLiteral("ai-brain");

    QString engine; // "local" or "ai-brain": who produced the fields
    QString error;  // set when the photo could not be read at all (one clear sentence)
    bool cancelled = false;
    QString fallbackReason; // set when AI Brain was configured but failed and local was used
    bool timedOut = false;  // AI Brain did not answer in time
    int httpStatus = 0;     // AI Brain's HTTP status (0: none, e.g. unreachable)
    ocr::Prescription prescription;
    std::optional<ocr::QualityReport> quality; // local reading only
    QString rawText;                           // AI Brain's raw_text, bounded; empty for local
    qint64 ms = 0;

    bool ok() const { return error.isEmpty() && !cancelled; }
    // The contract's JSON line (rx-eval/CONTRACT.md): the fields, file, engine, ms; quality for
    // local reading and fallback_reason when auto fell back. Failures: {file, error}.
    QJsonObject toJson(const QString &file) const;
};

} // namespace kiosk::aibrain

Q_DECLARE_METATYPE(kiosk::aibrain::ReadingResult)
