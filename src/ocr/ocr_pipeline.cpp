#include "ocr/ocr_pipeline.h"

#include "ocr/image_loader.h"
#include "ocr/label_locator.h"
#include "ocr/preprocessor.h"

#include <QElapsedTimer>

namespace kiosk::ocr {

QJsonObject OcrPipeline::Result::toJson(const QString &file) const
{
    QJsonObject o;
    if (!error.isEmpty() || cancelled) {
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("error"), cancelled ? QStringLiteral("cancelled") : error);
        return o;
    }
    o = prescription.toJson();
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("engine"), QStringLiteral("local"));
    o.insert(QStringLiteral("ms"), ms);
    o.insert(QStringLiteral("quality"), quality.toJson());
    return o;
}

OcrPipeline::OcrPipeline()
    : OcrPipeline(TesseractEngine::Options())
{
}

OcrPipeline::OcrPipeline(const TesseractEngine::Options &engineOptions, const Preprocessor::Options &preprocessOptions)
    : m_engine(engineOptions)
    , m_preprocess(preprocessOptions)
    , m_lexicon(DrugLexicon::shared())
    , m_parser(m_lexicon)
{
}

QString OcrPipeline::initError() const
{
    if (!m_engine.isReady())
        return m_engine.error();
    if (m_lexicon.isEmpty())
        return QStringLiteral("the drug lexicon could not be loaded from %1").arg(DrugLexicon::defaultPath());
    return {};
}

OcrPipeline::Result OcrPipeline::readFile(const QString &path, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    const auto loaded = ImageLoader::loadFile(path);
    if (!loaded.ok()) {
        Result r;
        r.error = loaded.error;
        r.ms = timer.elapsed();
        return r;
    }
    Result r = readImage(loaded.image, cancel);
    r.ms = timer.elapsed();
    return r;
}

OcrPipeline::Result OcrPipeline::readImage(const cv::Mat &bgr, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    Result r;
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        r.error = QStringLiteral("not an 8-bit colour image");
        return r;
    }
    if (const QString e = initError(); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    const auto label = LabelLocator::locate(bgr);
    if (cancel && cancel->load()) {
        r.cancelled = true;
        return r;
    }
    const auto prepared = Preprocessor::run(label.warped, m_preprocess);
    r.quality = QualityChecker::assess(bgr, label, prepared);
    if (prepared.glyphCount == 0) {
        // Nothing text-like anywhere: reading would only produce noise.
        r.prescription = m_parser.parse(OcrPage());
        r.ms = timer.elapsed();
        return r;
    }
    if (!m_engine.recognise(prepared.gray, &r.page, cancel)) {
        if (cancel && cancel->load())
            r.cancelled = true;
        else
            r.error = QStringLiteral("Tesseract failed to read the image");
        return r;
    }
    r.prescription = m_parser.parse(r.page);
    r.ms = timer.elapsed();
    return r;
}

} // namespace kiosk::ocr
