#include "scan_controller.h"

#include "aibrain/reading_engine.h"
#include "capture/frame_sampler.h"
#include "medication_store_controller.h"
#include "prescription_review.h"
#include "security/credential_key.h"
#include "security/credential_store.h"
#include "security/private_file.h"
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPointF>
#include <QVideoSink>

namespace kiosk::ui {

ScanController::ScanController(QObject *parent)
    : QObject(parent)
    , m_sampler(new capture::FrameSampler(this))
    , m_engine(new aibrain::ReadingEngine(this))
    , m_review(new PrescriptionReview(this))
    , m_credentials(new security::CredentialStore(this)) {
    m_clock.start();
    connect(m_credentials, &security::CredentialStore::finished, this, &ScanController::onToken);
    // A keychain that does not answer must not hold the reading up: go on without the token.
    m_tokenTimeout.setSingleShot(true);
    m_tokenTimeout.setInterval(kTokenTimeoutMs);
    connect(&m_tokenTimeout, &QTimer::timeout, this, [this] {
        security::CredentialResult late;
        late.requestId = m_tokenRequest;
        late.status = security::CredentialResult::Status::Timeout;
        onToken(late);
    });
    connect(m_sampler, &capture::FrameSampler::frameAssessed, this,
            &ScanController::onFrameAssessed);
    connect(m_engine, &aibrain::ReadingEngine::finished, this, &ScanController::onReadingFinished);
    connect(m_engine, &aibrain::ReadingEngine::stageChanged, this,
            [this](int requestId, const QString &stage) {
                if (requestId != m_requestId || stage == m_stage)
                    return;
                m_stage = stage;
                emit stageChanged();
            });
    resetGuidance();
}

ScanController::~ScanController() = default;

QVideoSink *ScanController::videoSink() const {
    return m_sampler->videoSink();
}

void ScanController::setVideoSink(QVideoSink *sink) {
    if (sink == m_sampler->videoSink())
        return;
    m_sampler->setVideoSink(sink);
    resetGuidance();
    emit videoSinkChanged();
}

void ScanController::setAutoCapture(bool enabled) {
    if (enabled == m_autoCapture)
        return;
    m_autoCapture = enabled;
    m_judge.rearm();
    emit autoCaptureChanged();
}

void ScanController::setEngine(const QString &name) {
    if (name == m_engineName)
        return;
    m_engineName = name;
    emit engineChanged();
}

void ScanController::setStore(MedicationStoreController *store) {
    if (store == m_store)
        return;
    m_store = store;
    m_review->setStore(store);
    emit storeChanged();
}

bool ScanController::hasFrame() const {
    return !m_sampler->lastFrame().isNull();
}

void ScanController::onFrameAssessed(const QImage &frame, const ocr::FrameAssessment &assessment) {
    if (m_state != State::Viewfinder)
        return;
    const auto verdict = m_judge.feed(assessment, m_clock.elapsed());
    m_labelFound = assessment.labelFound();
    m_labelCorners.clear();
    if (m_labelFound)
        for (const QPointF &corner : assessment.corners)
            m_labelCorners.append(corner);
    m_readyToCapture = m_labelFound && assessment.quality.acceptable();
    // With auto-capture off, a good picture waits for the person's tap.
    m_hint = !m_autoCapture && m_readyToCapture ? tr("Ready: press the shutter") : verdict.hint;
    m_steadiness = m_autoCapture ? verdict.steadiness : 0.0;
    emit guidanceChanged();
    if (verdict.fire && m_autoCapture)
        readFrame(frame);
}

bool ScanController::capture() {
    if (m_state != State::Viewfinder)
        return false;
    const QImage frame = m_sampler->lastFrame();
    if (frame.isNull()) {
        fail(tr(
            "The camera has not delivered a picture yet. Wait a moment, or open a photo instead."));
        return false;
    }
    return readFrame(frame);
}

bool ScanController::readFrame(const QImage &frame) {
    if (!m_captureDir || !m_captureDir->isValid())
        m_captureDir = std::make_unique<QTemporaryDir>();
    if (!m_captureDir->isValid()) {
        fail(tr("Could not keep the picture: %1").arg(m_captureDir->errorString()));
        return false;
    }
    static int counter = 0;
    const QString path = m_captureDir->filePath(QStringLiteral("label-%1.jpg").arg(++counter));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    // A label photo is medical data: owner-only, like the medication database.
    if (!frame.save(&buffer, "JPEG", 92) || !security::writePrivateFile(path, jpeg, &error)) {
        fail(tr("Could not keep the picture: %1")
                 .arg(error.isEmpty() ? tr("the frame could not be encoded") : error));
        return false;
    }
    emit captured();
    return startReading(path);
}

bool ScanController::openPhoto(const QVariant &fileOrUrl) {
    if (m_state == State::Reading)
        cancel();
    const QUrl url =
        fileOrUrl.userType() == QMetaType::QUrl ? fileOrUrl.toUrl() : QUrl(fileOrUrl.toString());
    const QString path = url.isLocalFile() ? url.toLocalFile() : fileOrUrl.toString();
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile()) {
        fail(tr("There is no photo at %1").arg(path.isEmpty() ? tr("(no file chosen)") : path));
        return false;
    }
    if (!info.isReadable()) {
        fail(tr("The photo %1 cannot be read (no permission)").arg(path));
        return false;
    }
    return startReading(info.absoluteFilePath());
}

bool ScanController::startReading(const QString &path) {
    // The token is read below without blocking the UI (the keychain may be slow to answer).
    const auto config = aibrain::EngineConfig::resolve(m_engineName, QString(), 0, false);
    if (!config.ok()) {
        fail(tr("The reader is not set up right: %1").arg(config.error));
        return false;
    }
    m_review->clear();
    m_photoPath = path;
    m_error.clear();
    m_stage = tr("Reading the label");
    m_sampler->setEnabled(false);
    setState(State::Reading);
    emit stageChanged();
    if (config.mode != aibrain::EngineMode::Local && !config.url.isEmpty()) {
        m_pendingConfig = config;
        m_tokenRequest = m_credentials->read(
            security::CredentialKey(security::CredentialKey::AiBrainToken, config.url.toString()));
        m_tokenTimeout.start();
    } else {
        startEngine(config);
    }
    return true;
}

void ScanController::onToken(const security::CredentialResult &result) {
    if (!m_pendingConfig || result.requestId != m_tokenRequest)
        return;
    m_tokenTimeout.stop();
    aibrain::EngineConfig config = *m_pendingConfig;
    m_pendingConfig.reset();
    m_tokenRequest = 0;
    // No token (none stored, no keychain): AI Brain is asked without one and says if it needs it.
    if (result.ok())
        config.token = result.secret;
    startEngine(config);
}

void ScanController::startEngine(const aibrain::EngineConfig &config) {
    config.apply(*m_engine);
    m_requestId = m_engine->readFile(m_photoPath);
}

void ScanController::onReadingFinished(int requestId, const aibrain::ReadingResult &result) {
    if (requestId != m_requestId)
        return;
    m_requestId = -1;
    if (result.cancelled)
        return; // cancel() has already moved on
    if (!result.ok()) {
        fail(tr("The label could not be read: %1").arg(result.error));
        return;
    }
    m_review->load(result, m_photoPath);
    setState(State::Review);
}

void ScanController::cancel() {
    if (m_state != State::Reading)
        return;
    m_pendingConfig.reset();
    m_tokenTimeout.stop();
    m_requestId = -1;
    m_engine->cancel();
    startOver();
}

QString ScanController::save(bool keepPhoto) {
    if (m_state != State::Review)
        return tr("There is nothing to save");
    const QVariantMap outcome = m_review->save(keepPhoto);
    if (outcome.contains(QStringLiteral("error")))
        return outcome.value(QStringLiteral("error")).toString();
    m_savedId = outcome.value(QStringLiteral("id")).toLongLong();
    m_savedTitle = m_review->title();
    setState(State::Saved);
    return {};
}

void ScanController::startOver() {
    if (m_state == State::Reading) {
        m_pendingConfig.reset();
        m_tokenTimeout.stop();
        m_requestId = -1;
        m_engine->cancel();
    }
    m_review->clear();
    // The stored record has its own copy of the photo; the capture is not kept.
    if (m_captureDir && m_photoPath.startsWith(m_captureDir->path()))
        QFile::remove(m_photoPath);
    m_photoPath.clear();
    m_error.clear();
    m_stage.clear();
    resetGuidance();
    m_judge.rearm();
    m_sampler->setEnabled(true);
    setState(State::Viewfinder);
    emit stageChanged();
}

void ScanController::setState(State state) {
    if (state != State::Viewfinder)
        m_sampler->setEnabled(false);
    m_state = state;
    // Property change signals for error/photoUrl/savedTitle ride on stateChanged.
    emit stateChanged();
}

void ScanController::fail(const QString &error) {
    m_error = error;
    m_sampler->setEnabled(false);
    setState(State::Failed);
}

void ScanController::resetGuidance() {
    m_labelFound = false;
    m_labelCorners.clear();
    m_hint = m_sampler->videoSink() ? tr("Point the camera at the label") : QString();
    m_steadiness = 0.0;
    m_readyToCapture = false;
    emit guidanceChanged();
}

} // namespace kiosk::ui
