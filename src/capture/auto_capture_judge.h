#pragma once

#include "ocr/frame_assessor.h"

#include <QString>

#include <optional>

namespace kiosk::capture {

// Decides when the viewfinder takes the photo by itself: the label found, sharp, well lit and
// held still (corners moving less than kMaxMovement between frames) for holdMs. Fires once,
// then waits for rearm() (a new scan).
class AutoCaptureJudge {
public:
    static constexpr int kDefaultHoldMs = 1200;
    static constexpr double kMaxMovement = 0.03; // of the frame diagonal, between two frames

    struct Verdict {
        bool fire = false;       // take this frame now
        double steadiness = 0.0; // 0..1 of the hold time reached, for a progress ring
        QString hint;            // one short instruction for the caregiver
    };

    explicit AutoCaptureJudge(int holdMs = kDefaultHoldMs)
        : m_holdMs(holdMs) {}

    // One instruction for what is wrong with a frame whose label was found; empty when nothing.
    static QString shortHint(const ocr::QualityReport &quality);

    Verdict feed(const ocr::FrameAssessment &frame, qint64 timestampMs);
    void rearm();
    bool fired() const { return m_fired; }
    int holdMs() const { return m_holdMs; }

private:
    int m_holdMs;
    std::optional<ocr::FrameAssessment> m_previous;
    qint64 m_steadySince = -1;
    bool m_fired = false;
};

} // namespace kiosk::capture
