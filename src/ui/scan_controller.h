#pragma once

#include "aibrain/engine_config.h"
#include "aibrain/reading_result.h"
#include "capture/auto_capture_judge.h"
#include "medication_store_controller.h"
#include "prescription_review.h"
#include "security/credential_result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QVideoSink>

#include <memory>
#include <optional>

namespace kiosk::aibrain {
class ReadingEngine;
}
namespace kiosk::capture {
class FrameSampler;
}
namespace kiosk::security {
class CredentialStore;
}

namespace kiosk::ui {

// The Scan page's flow: live guidance from the viewfinder's frames (label outline, one hint,
// steadiness), auto-capture or the shutter, or a photo opened from a file; then reading in the
// background with the configured engine, and the result handed to the review.
// States: Viewfinder -> Reading -> Review -> Saved, or Failed; startOver() returns to Viewfinder.
class ScanController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // The viewfinder's sink (VideoOutput.videoSink); frames are judged only while it is set.
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(bool autoCapture READ autoCapture WRITE setAutoCapture NOTIFY autoCaptureChanged)
    // Engine name (local, ai-brain, auto); empty uses the settings, as `kilo-kiosk ocr` does.
    Q_PROPERTY(QString engine READ engine WRITE setEngine NOTIFY engineChanged)
    Q_PROPERTY(MedicationStoreController *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(PrescriptionReview *review READ review CONSTANT)

    // Live guidance.
    Q_PROPERTY(bool labelFound READ labelFound NOTIFY guidanceChanged)
    // The label's corners as points with x, y in 0..1 of the frame (TL, TR, BR, BL).
    Q_PROPERTY(QVariantList labelCorners READ labelCorners NOTIFY guidanceChanged)
    Q_PROPERTY(QString hint READ hint NOTIFY guidanceChanged)
    Q_PROPERTY(double steadiness READ steadiness NOTIFY guidanceChanged)
    Q_PROPERTY(bool readyToCapture READ readyToCapture NOTIFY guidanceChanged)
    Q_PROPERTY(bool hasFrame READ hasFrame NOTIFY guidanceChanged)

    // Reading and its outcome.
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QUrl photoUrl READ photoUrl NOTIFY stateChanged)
    Q_PROPERTY(QString savedTitle READ savedTitle NOTIFY stateChanged)
    Q_PROPERTY(qint64 savedId READ savedId NOTIFY stateChanged)

public:
    enum class State { Viewfinder, Reading, Review, Saved, Failed };
    Q_ENUM(State)
    static constexpr int kTokenTimeoutMs = 3000;

    explicit ScanController(QObject *parent = nullptr);
    ~ScanController() override;

    State state() const { return m_state; }
    QVideoSink *videoSink() const;
    void setVideoSink(QVideoSink *sink);
    bool autoCapture() const { return m_autoCapture; }
    void setAutoCapture(bool enabled);
    QString engine() const { return m_engineName; }
    void setEngine(const QString &name);
    MedicationStoreController *store() const { return m_store; }
    void setStore(MedicationStoreController *store);
    PrescriptionReview *review() const { return m_review; }

    bool labelFound() const { return m_labelFound; }
    QVariantList labelCorners() const { return m_labelCorners; }
    QString hint() const { return m_hint; }
    double steadiness() const { return m_steadiness; }
    bool readyToCapture() const { return m_readyToCapture; }
    bool hasFrame() const;

    QString stage() const { return m_stage; }
    QString error() const { return m_error; }
    QUrl photoUrl() const {
        return m_photoPath.isEmpty() ? QUrl() : QUrl::fromLocalFile(m_photoPath);
    }
    QString savedTitle() const { return m_savedTitle; }
    qint64 savedId() const { return m_savedId; }

    // Reads a photo from a file (a path or a file: URL, as a file dialog or a drop gives it).
    Q_INVOKABLE bool openPhoto(const QVariant &fileOrUrl);
    // The shutter: reads the newest judged camera frame.
    Q_INVOKABLE bool capture();
    // Stops the reading in flight and returns to the viewfinder.
    Q_INVOKABLE void cancel();
    // Saves the reviewed record; on success the state becomes Saved. Returns the error, or "".
    Q_INVOKABLE QString save(bool keepPhoto = true);
    // Back to the viewfinder for the next label; the temporary capture is removed.
    Q_INVOKABLE void startOver();

signals:
    void stateChanged();
    void videoSinkChanged();
    void autoCaptureChanged();
    void engineChanged();
    void storeChanged();
    void guidanceChanged();
    void stageChanged();
    // A frame was taken (by auto-capture or the shutter), for a flash on screen.
    void captured();

private:
    void onFrameAssessed(const QImage &frame, const ocr::FrameAssessment &assessment);
    void onReadingFinished(int requestId, const aibrain::ReadingResult &result);
    bool startReading(const QString &path);
    // Reads the AI Brain token from the keychain without blocking, then starts the engine.
    void onToken(const security::CredentialResult &result);
    void startEngine(const aibrain::EngineConfig &config);
    bool readFrame(const QImage &frame);
    void setState(State state);
    void fail(const QString &error);
    void resetGuidance();

    State m_state = State::Viewfinder;
    capture::FrameSampler *m_sampler;
    capture::AutoCaptureJudge m_judge;
    aibrain::ReadingEngine *m_engine;
    PrescriptionReview *m_review;
    QPointer<MedicationStoreController> m_store;
    std::unique_ptr<QTemporaryDir> m_captureDir; // camera frames waiting for review, owner-only
    bool m_autoCapture = true;
    QString m_engineName;
    int m_requestId = -1;
    security::CredentialStore *m_credentials;
    quint64 m_tokenRequest = 0;
    std::optional<aibrain::EngineConfig> m_pendingConfig; // waiting for the token
    QTimer m_tokenTimeout;
    QElapsedTimer m_clock;

    bool m_labelFound = false;
    QVariantList m_labelCorners;
    QString m_hint;
    double m_steadiness = 0.0;
    bool m_readyToCapture = false;

    QString m_stage;
    QString m_error;
    QString m_photoPath;
    QString m_savedTitle;
    qint64 m_savedId = 0;
};

} // namespace kiosk::ui
