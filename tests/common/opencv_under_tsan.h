#pragma once

// ThreadSanitizer cannot see OpenCV's TBB pool hand a parallel loop to its workers and back
// (libtbb and OpenCV are not instrumented), so every cv::parallel_for_ reads as a race. Under
// TSan the threaded tests run OpenCV's loops on the calling thread; the kiosk's own threads
// (OcrWorker, FrameSampler, the reading engine's runner) still run as they do in the app.
// Tesseract's OpenMP team is limited the same way by OMP_THREAD_LIMIT=1 (./kiosk test --sanitize).

#include <opencv2/core/utility.hpp>

namespace kiosk::test {

inline void runOpenCvOnTheCallingThreadUnderTsan() {
#if defined(__SANITIZE_THREAD__)
    cv::setNumThreads(1);
#endif
}

} // namespace kiosk::test
