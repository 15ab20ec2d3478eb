// The Scan page's flow without the page: frames in, guidance out, auto-capture or shutter or
// Open photo, reading in the background, review, save; and every way it can go wrong.
#include "frame_source.h"
#include "medication_store_controller.h"
#include "prescription_review.h"
#include "scan_controller.h"
#include "aibrain/engine_config.h"
#include "security/credential_key.h"
#include "security/credential_store.h"
#include "sim/ai_brain_simulator.h"
#include "thread_round_trip.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QVideoSink>
#include <QtTest>

using kiosk::ui::MedicationStoreController;
using kiosk::ui::PrescriptionReview;
using kiosk::ui::ScanController;
using State = ScanController::State;

class TestScanController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_photo = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0000.jpg");

    static void confirmEverything(PrescriptionReview *review) {
        for (int i = 0; i < review->rowCount(); ++i) {
            const QModelIndex index = review->index(i);
            if (!review->data(index, PrescriptionReview::ResolvedRole).toBool())
                review->confirm(review->data(index, PrescriptionReview::FieldRole).toString());
        }
    }

    // Streams the frame into the sink at a camera-like pace until the controller leaves the
    // viewfinder.
    static void streamUntilCaptured(QVideoSink &sink, ScanController &scan, const QImage &image,
                                    int maxMs) {
        QElapsedTimer timer;
        timer.start();
        while (scan.state() == State::Viewfinder && timer.elapsed() < maxMs) {
            // A new frame each time: a sink ignores a frame equal to the one it shows.
            sink.setVideoFrame(kiosk::test::videoFrameFrom(image));
            QTest::qWait(40);
        }
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void openPhotoReadsReviewsAndSaves() {
        MedicationStoreController store;
        store.setDatabasePath(m_dir.filePath(QStringLiteral("open-photo.sqlite")));
        QVERIFY(store.open());
        ScanController scan;
        scan.setEngine(QStringLiteral("local"));
        scan.setStore(&store);
        QSignalSpy states(&scan, &ScanController::stateChanged);

        QVERIFY(scan.openPhoto(QUrl::fromLocalFile(m_photo)));
        QCOMPARE(scan.state(), State::Reading);
        QVERIFY(!scan.stage().isEmpty());
        QCOMPARE(scan.photoUrl(), QUrl::fromLocalFile(m_photo));
        QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Review, 60000);
        QVERIFY(scan.review()->loaded());
        QCOMPARE(scan.review()->title(), QStringLiteral("Rosuvastatin 20 mg"));
        QCOMPARE(scan.review()->engine(), QStringLiteral("local"));

        if (scan.review()->unresolvedCount() > 0) {
            QCOMPARE(scan.save(), scan.review()->saveBlocker());
            QCOMPARE(scan.state(), State::Review);
        }
        confirmEverything(scan.review());
        QCOMPARE(scan.save(), QString());
        QCOMPARE(scan.state(), State::Saved);
        QCOMPARE(scan.savedTitle(), QStringLiteral("Rosuvastatin 20 mg"));
        QVERIFY(scan.savedId() > 0);
        QCOMPARE(store.get(scan.savedId()).value(QStringLiteral("medication_name")).toString(),
                 QStringLiteral("Rosuvastatin"));
        QVERIFY2(QFile::exists(m_photo),
                 "an opened photo belongs to its owner and is never removed");

        scan.startOver();
        QCOMPARE(scan.state(), State::Viewfinder);
        QVERIFY(!scan.review()->loaded());
        QVERIFY(states.count() >= 4);
    }

    void badPhotosFailWithAClearMessage() {
        ScanController scan;
        scan.setEngine(QStringLiteral("local"));
        QVERIFY(!scan.openPhoto(QStringLiteral("/no/such/label.jpg")));
        QCOMPARE(scan.state(), State::Failed);
        QVERIFY2(scan.error().contains(QLatin1String("There is no photo at /no/such/label.jpg")),
                 qPrintable(scan.error()));

        scan.startOver();
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.jpg"));
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\xff\xd8\xff\xe0 this is not really a photo", 30));
        file.close();
        QVERIFY(scan.openPhoto(QUrl::fromLocalFile(corrupt)));
        QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Failed, 30000);
        QVERIFY2(scan.error().startsWith(QLatin1String("The label could not be read: ")),
                 qPrintable(scan.error()));
        QVERIFY(!scan.review()->loaded());
    }

    void aMisconfiguredEngineIsReported() {
        ScanController scan;
        scan.setEngine(QStringLiteral("telepathy"));
        QVERIFY(!scan.openPhoto(m_photo));
        QCOMPARE(scan.state(), State::Failed);
        QVERIFY2(scan.error().contains(QLatin1String("unknown engine")), qPrintable(scan.error()));
    }

    void cancelReturnsToTheViewfinderAndDropsTheResult() {
        ScanController scan;
        scan.setEngine(QStringLiteral("local"));
        QVERIFY(scan.openPhoto(m_photo));
        scan.cancel();
        QCOMPARE(scan.state(), State::Viewfinder);
        // Instead of sleeping while the cancelled reading might still come back: wait until it
        // has. The reading engine reads on its one worker thread; a round trip through that
        // thread ends after the cancelled reading, and its answer is delivered before ours.
        QThread *reader = scan.findChild<QThread *>(QStringLiteral("kiosk-reading"));
        QVERIFY2(reader, "the reading engine's worker thread (kiosk-reading) was not found");
        const auto drained = kiosk::test::roundTripThrough(reader);
        QTRY_VERIFY_WITH_TIMEOUT(drained->load(), 60000);
        QCOMPARE(scan.state(), State::Viewfinder);
        QVERIFY(!scan.review()->loaded());
    }

    void framesGiveGuidanceAndAutoCaptureReadsTheLabel() {
        QVideoSink sink;
        ScanController scan;
        scan.setEngine(QStringLiteral("local"));
        scan.setVideoSink(&sink);
        QCOMPARE(scan.hint(), QStringLiteral("Point the camera at the label"));
        QSignalSpy guidance(&scan, &ScanController::guidanceChanged);
        QSignalSpy captured(&scan, &ScanController::captured);
        bool sawSteadying = false;
        connect(&scan, &ScanController::guidanceChanged, this, [&] {
            if (scan.labelFound() && scan.hint() == QLatin1String("Hold steady") &&
                scan.labelCorners().size() == 4)
                sawSteadying = true;
        });

        streamUntilCaptured(sink, scan, kiosk::test::labelFrame(), 15000);
        QCOMPARE(scan.state(), State::Reading);
        QCOMPARE(captured.count(), 1);
        QVERIFY(sawSteadying);
        QVERIFY(scan.hasFrame());
        const QString capture = scan.photoUrl().toLocalFile();
        QVERIFY(QFile::exists(capture));
        QCOMPARE(QFile::permissions(capture) & (QFile::ReadOther | QFile::ReadGroup),
                 QFileDevice::Permissions());

        // Frames arriving while the photo is read change nothing.
        const int guidanceSoFar = int(guidance.count());
        sink.setVideoFrame(kiosk::test::videoFrameFrom(kiosk::test::labelFrame()));
        QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Review, 60000);
        QCOMPARE(int(guidance.count()), guidanceSoFar);
        QCOMPARE(scan.review()->title(), QStringLiteral("Rosuvastatin 20 mg"));

        // Discarding removes the capture: it was never saved.
        scan.startOver();
        QVERIFY(!QFile::exists(capture));
        QCOMPARE(scan.state(), State::Viewfinder);
    }

    // With an AI Brain address in the settings the page uses it, and reads locally (saying so)
    // when it does not answer in time.
    void aiBrainIsUsedWhenSetAndFallsBackWhenItHangs() {
        using kiosk::aibrain::EngineConfig;
        kiosk::sim::AiBrainSimulator brain;
        QVERIFY(brain.listen());
        QSettings settings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
        settings.setValue(EngineConfig::UrlSetting, brain.url().toString());
        settings.setValue(EngineConfig::TimeoutSetting, 1500);
        settings.remove(EngineConfig::EngineSetting);
        settings.sync();
        const auto forget = qScopeGuard([&] {
            settings.remove(EngineConfig::UrlSetting);
            settings.remove(EngineConfig::TimeoutSetting);
        });

        {
            ScanController scan;
            QVERIFY(scan.openPhoto(m_photo));
            QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Review, 30000);
            QCOMPARE(scan.review()->engine(), QStringLiteral("ai-brain"));
            QCOMPARE(scan.review()->engineText(), QStringLiteral("Read by AI Brain"));
            QVERIFY(!scan.review()->title().isEmpty());
        }
        brain.setMode(kiosk::sim::AiBrainSimulator::Mode::Hang);
        ScanController scan;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(scan.openPhoto(m_photo));
        QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Review, 15000);
        QVERIFY(timer.elapsed() < 15000);
        QCOMPARE(scan.review()->engine(), QStringLiteral("local"));
        QVERIFY2(scan.review()->engineText().startsWith(
                     QLatin1String("Read on this tablet (AI Brain not used: ")),
                 qPrintable(scan.review()->engineText()));
        QCOMPARE(scan.review()->title(), QStringLiteral("Rosuvastatin 20 mg"));
    }

    // The AI Brain token is fetched from the keychain without blocking and sent as a bearer.
    void theAiBrainTokenComesFromTheKeychain() {
        using kiosk::aibrain::EngineConfig;
        using kiosk::security::CredentialKey;
        kiosk::sim::AiBrainSimulator brain;
        QVERIFY(brain.listen());
        brain.setToken(QStringLiteral("scan-test-token"));
        kiosk::security::CredentialStore keychain;
        const CredentialKey key(CredentialKey::AiBrainToken, brain.url().toString());
        const auto stored = keychain.storeBlocking(key, QStringLiteral("scan-test-token"));
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        QSettings settings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
        settings.setValue(EngineConfig::UrlSetting, brain.url().toString());
        settings.setValue(EngineConfig::EngineSetting, QStringLiteral("ai-brain"));
        settings.sync();
        const auto forget = qScopeGuard([&] {
            settings.remove(EngineConfig::UrlSetting);
            settings.remove(EngineConfig::EngineSetting);
            keychain.removeBlocking(key);
        });

        ScanController scan;
        QVERIFY(scan.openPhoto(m_photo));
        QCOMPARE(scan.state(), State::Reading);
        QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Review, 30000);
        QCOMPARE(scan.review()->engine(), QStringLiteral("ai-brain"));
        QCOMPARE(brain.lastAuthorization(), QByteArray("Bearer scan-test-token"));
    }

    void aPlainPictureNeverCapturesByItself() {
        QVideoSink sink;
        ScanController scan;
        scan.setEngine(QStringLiteral("local"));
        scan.setVideoSink(&sink);
        QImage wall(1280, 720, QImage::Format_RGB32);
        wall.fill(QColor(120, 110, 100));
        streamUntilCaptured(sink, scan, wall, 3000);
        QCOMPARE(scan.state(), State::Viewfinder);
        QVERIFY(!scan.labelFound());
        QCOMPARE(scan.hint(), QStringLiteral("Point the camera at the label"));
        QVERIFY(scan.hasFrame());
        // The shutter still works: a person may know better.
        QVERIFY(scan.capture());
        QCOMPARE(scan.state(), State::Reading);
        scan.cancel();
    }

    void withAutoCaptureOffOnlyTheShutterTakesThePhoto() {
        QVideoSink sink;
        ScanController scan;
        scan.setEngine(QStringLiteral("local"));
        scan.setAutoCapture(false);
        QVERIFY(!scan.capture());
        QCOMPARE(scan.state(), State::Failed);
        QVERIFY(scan.error().contains(QLatin1String("camera")));
        scan.startOver();

        scan.setVideoSink(&sink);
        streamUntilCaptured(sink, scan, kiosk::test::labelFrame(), 4000);
        QCOMPARE(scan.state(), State::Viewfinder);
        QVERIFY(scan.readyToCapture());
        QVERIFY(scan.capture());
        QCOMPARE(scan.state(), State::Reading);
        QTRY_COMPARE_WITH_TIMEOUT(scan.state(), State::Review, 60000);
    }
};

QTEST_MAIN(TestScanController)
#include "tst_scan_controller.moc"
