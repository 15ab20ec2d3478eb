#pragma once

#include "ocr/ocr_pipeline.h"

#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace kiosk::ocr {

// Reads photos on its own thread so the Scan page never blocks; a new request or cancel() stops
// the one in flight (Tesseract checks the flag between words).
class OcrWorker : public QObject {
    Q_OBJECT
public:
    explicit OcrWorker(QObject *parent = nullptr);
    ~OcrWorker() override;

    // Queue a file or a camera frame; returns the request id echoed by finished()/failed().
    int readFile(const QString &path);
    int readImage(const QImage &image);
    void cancel();
    bool isBusy() const { return m_busy.load(); }

signals:
    void finished(int requestId, const QJsonObject &result);
    void failed(int requestId, const QString &error);
    void cancelled(int requestId);

private:
    class Runner;
    void start(int id, const QString &path, const QImage &image);

    QThread *m_thread = nullptr;
    Runner *m_runner = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::atomic<bool> m_busy{false};
    int m_nextId = 1;
};

} // namespace kiosk::ocr
