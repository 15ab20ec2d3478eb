#include "ocr/tesseract_engine.h"

#include <allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>

namespace kiosk::ocr {

namespace {

bool cancelRequested(void *cancelThis, int /*words*/) {
    const auto *flag = static_cast<const std::atomic<bool> *>(cancelThis);
    return flag && flag->load(std::memory_order_relaxed);
}

} // namespace

TesseractEngine::TesseractEngine()
    : TesseractEngine(Options()) {}

TesseractEngine::TesseractEngine(const Options &options)
    : m_options(options) {}

bool TesseractEngine::isReady() const {
    start();
    return m_ready;
}

QString TesseractEngine::error() const {
    start();
    return m_error;
}

void TesseractEngine::start() const {
    if (m_started)
        return;
    m_started = true;
    m_api = std::make_unique<tesseract::TessBaseAPI>();
    const Options &options = m_options;
    // Leptonica prints box-clipping chatter to stderr; the CLI's stderr is for our error lines.
    setMsgSeverity(L_SEVERITY_NONE);
    const QByteArray dataPath = options.dataPath.toLocal8Bit();
    const QByteArray language = options.language.toLatin1();
    if (m_api->Init(dataPath.isEmpty() ? nullptr : dataPath.constData(), language.constData(),
                    tesseract::OEM_LSTM_ONLY) != 0) {
        m_error =
            QStringLiteral(
                "Tesseract could not load the '%1' language data (is tesseract-ocr-%1 installed?)")
                .arg(options.language);
        return;
    }
    m_api->SetPageSegMode(static_cast<tesseract::PageSegMode>(options.pageSegMode));
    // Labels carry no dictionary-shaped text (Rx numbers, doses): let the LSTM read what is
    // printed.
    m_api->SetVariable("load_system_dawg", "0");
    m_api->SetVariable("load_freq_dawg", "0");
    m_api->SetVariable("debug_file", "/dev/null");
    // Labels print dark on light: re-reading doubtful lines inverted only costs time (measured).
    m_api->SetVariable("tessedit_do_invert", "0");
    m_ready = true;
}

TesseractEngine::~TesseractEngine() {
    if (m_api)
        m_api->End();
}

bool TesseractEngine::run(const cv::Mat &gray, const std::atomic<bool> *cancel) {
    if (!isReady() || gray.empty() || gray.type() != CV_8UC1)
        return false;
    m_api->SetImage(gray.data, gray.cols, gray.rows, 1, int(gray.step));
    m_api->SetSourceResolution(300);
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = cancelRequested;
    monitor.cancel_this = const_cast<std::atomic<bool> *>(cancel);
    if (m_api->Recognize(&monitor) != 0 || (cancel && cancel->load())) {
        m_api->Clear();
        return false;
    }
    return true;
}

std::vector<OcrLine> TesseractEngine::collectLines() {
    std::vector<OcrLine> lines;
    std::unique_ptr<tesseract::ResultIterator> it(m_api->GetIterator());
    if (it) {
        OcrLine line;
        do {
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) && !line.words.empty()) {
                lines.push_back(std::move(line));
                line = OcrLine();
            }
            std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
            if (!text)
                continue;
            OcrWord word;
            word.text = QString::fromUtf8(text.get()).trimmed();
            if (word.text.isEmpty())
                continue;
            word.confidence =
                std::clamp(double(it->Confidence(tesseract::RIL_WORD)) / 100.0, 0.0, 1.0);
            int l = 0, t = 0, r = 0, b = 0;
            it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
            word.box = QRect(QPoint(l, t), QPoint(r - 1, b - 1));
            line.box = line.box.isNull() ? word.box : line.box.united(word.box);
            line.words.push_back(std::move(word));
        } while (it->Next(tesseract::RIL_WORD));
        if (!line.words.empty())
            lines.push_back(std::move(line));
    }
    m_api->Clear();
    return lines;
}

bool TesseractEngine::recognise(const cv::Mat &gray, OcrPage *page,
                                const std::atomic<bool> *cancel) {
    *page = OcrPage();
    if (!isReady())
        return false;
    m_api->SetPageSegMode(static_cast<tesseract::PageSegMode>(m_options.pageSegMode));
    if (!run(gray, cancel))
        return false;
    page->width = gray.cols;
    page->height = gray.rows;
    page->lines = collectLines();
    return true;
}

bool TesseractEngine::recogniseLine(const cv::Mat &strip, OcrLine *line,
                                    const std::atomic<bool> *cancel) {
    *line = OcrLine();
    if (!isReady())
        return false;
    m_api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    if (!run(strip, cancel))
        return false;
    for (OcrLine &part : collectLines()) {
        for (OcrWord &w : part.words) {
            line->box = line->box.isNull() ? w.box : line->box.united(w.box);
            line->words.push_back(std::move(w));
        }
    }
    return true;
}

} // namespace kiosk::ocr
