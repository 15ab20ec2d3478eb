#include "capture/auto_capture_judge.h"

#include <algorithm>

namespace kiosk::capture {

QString AutoCaptureJudge::shortHint(const ocr::QualityReport &quality) {
    // Same order as QualityReport::hints(), in words that fit over a live picture.
    if (quality.tooDark)
        return QStringLiteral("Too dark: add light");
    if (quality.glare)
        return QStringLiteral("Glare: tilt the tablet");
    if (quality.blurry)
        return QStringLiteral("Hold steady");
    if (quality.textTooSmall)
        return QStringLiteral("Move closer");
    return QString();
}

AutoCaptureJudge::Verdict AutoCaptureJudge::feed(const ocr::FrameAssessment &frame,
                                                 qint64 timestampMs) {
    Verdict v;
    const bool moved = !m_previous || !m_previous->labelFound() || !frame.labelFound() ||
                       frame.movementFrom(*m_previous) > kMaxMovement;
    m_previous = frame;

    if (!frame.labelFound()) {
        m_steadySince = -1;
        v.hint = QStringLiteral("Point the camera at the label");
        return v;
    }
    if (!frame.quality.acceptable()) {
        m_steadySince = -1;
        v.hint = shortHint(frame.quality);
        return v;
    }
    if (moved || m_steadySince < 0) {
        m_steadySince = timestampMs;
        v.hint = QStringLiteral("Hold steady");
        return v;
    }
    const qint64 held = timestampMs - m_steadySince;
    v.steadiness = std::clamp(double(held) / double(std::max(1, m_holdMs)), 0.0, 1.0);
    v.hint = QStringLiteral("Hold steady");
    if (held >= m_holdMs && !m_fired) {
        m_fired = true;
        v.fire = true;
        v.hint = QStringLiteral("Got it");
    }
    return v;
}

void AutoCaptureJudge::rearm() {
    m_previous.reset();
    m_steadySince = -1;
    m_fired = false;
}

} // namespace kiosk::capture
