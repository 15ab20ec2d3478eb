// How fast the viewfinder's frames are judged (label search, preprocessing, quality checks) at
// the sizes tablet cameras stream, and what converting a camera frame costs. The sampler skips
// frames while one is judged, so this is the guidance's refresh rate on this machine.
#include "capture/auto_capture_judge.h"
#include "ocr/frame_assessor.h"

#include <QGuiApplication>
#include <QImage>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <benchmark/benchmark.h>

#include <cstring>

namespace {

QImage labelFrame(int width) {
    const QImage photo(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0035.jpg"));
    return photo.scaledToWidth(width, Qt::SmoothTransformation);
}

void assessFrame(benchmark::State &state) {
    const QImage frame = labelFrame(int(state.range(0)));
    if (frame.isNull()) {
        state.SkipWithError("fixture photo missing");
        return;
    }
    bool found = false;
    for (auto _ : state) {
        const auto assessment = kiosk::ocr::FrameAssessor::assess(frame);
        found = assessment.labelFound();
        benchmark::DoNotOptimize(found);
    }
    state.counters["label_found"] = found ? 1 : 0;
    state.counters["frames_per_s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

QVideoFrame greyNv12Frame(const QSize &size) {
    QVideoFrame frame(QVideoFrameFormat(size, QVideoFrameFormat::Format_NV12));
    frame.map(QVideoFrame::WriteOnly);
    std::memset(frame.bits(0), 128, size_t(frame.mappedBytes(0)));
    std::memset(frame.bits(1), 128, size_t(frame.mappedBytes(1)));
    frame.unmap();
    return frame;
}

void convertCameraFrame(benchmark::State &state) {
    // A camera's NV12 frame (grey is enough: the cost is the conversion, not the content). A
    // frame keeps its converted image, so every round converts a new one.
    const QSize size(int(state.range(0)), int(state.range(0)) * 9 / 16);
    for (auto _ : state) {
        state.PauseTiming();
        const QVideoFrame frame = greyNv12Frame(size);
        state.ResumeTiming();
        const QImage image = frame.toImage();
        benchmark::DoNotOptimize(image.constBits());
    }
}

void judgeFrame(benchmark::State &state) {
    kiosk::capture::AutoCaptureJudge judge;
    kiosk::ocr::FrameAssessment frame;
    frame.valid = true;
    frame.quality.labelFound = true;
    frame.quality.sharpness = 400;
    frame.quality.brightness = 180;
    frame.quality.glyphHeight = 20;
    qint64 t = 0;
    for (auto _ : state) {
        auto verdict = judge.feed(frame, t += 40);
        benchmark::DoNotOptimize(verdict);
        if (verdict.fire)
            judge.rearm();
    }
}

} // namespace

BENCHMARK(assessFrame)->Arg(1280)->Arg(1920)->Unit(benchmark::kMillisecond);
BENCHMARK(convertCameraFrame)->Arg(1280)->Arg(1920)->Unit(benchmark::kMillisecond);
BENCHMARK(judgeFrame);

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
