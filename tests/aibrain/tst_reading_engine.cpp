#include "aibrain/ai_brain_client.h"
#include "aibrain/reading_engine.h"
#include "sim/ai_brain_simulator.h"
#include "opencv_under_tsan.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using kiosk::aibrain::EngineMode;
using kiosk::aibrain::ReadingEngine;
using kiosk::aibrain::ReadingResult;
using kiosk::sim::AiBrainSimulator;

namespace {
const QString kPhoto = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/0001.jpg");
} // namespace

// Engines against the AI Brain simulator, with the default timeouts: auto must fall back to the
// local reader within 15 s however AI Brain fails.
// The promise: a reading within 15 s however AI Brain fails. Under a sanitizer the local read
// itself runs several times slower (ctest's timeouts are tripled there too); Release keeps 15 s.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr qint64 kFallbackBudgetMs = 45000;
#else
constexpr qint64 kFallbackBudgetMs = 15000;
#endif

class TestReadingEngine : public QObject {
    Q_OBJECT

private:
    AiBrainSimulator *sim = nullptr;
    ReadingEngine *engine = nullptr;

private slots:
    void initTestCase() { kiosk::test::runOpenCvOnTheCallingThreadUnderTsan(); }

    void init() {
        sim = new AiBrainSimulator(this);
        QVERIFY2(sim->listen(), qPrintable(sim->errorString()));
        engine = new ReadingEngine(this);
        engine->client()->setBaseUrl(sim->url());
        engine->setMode(EngineMode::Auto);
    }
    void cleanup() {
        delete engine;
        delete sim;
    }

    void modeNames() {
        QCOMPARE(ReadingEngine::parseMode(QStringLiteral("local")),
                 std::optional(EngineMode::Local));
        QCOMPARE(ReadingEngine::parseMode(QStringLiteral("ai-brain")),
                 std::optional(EngineMode::AiBrain));
        QCOMPARE(ReadingEngine::parseMode(QStringLiteral("AUTO")), std::optional(EngineMode::Auto));
        QCOMPARE(ReadingEngine::parseMode(QStringLiteral("cloud")), std::nullopt);
        QCOMPARE(ReadingEngine::modeName(EngineMode::AiBrain), QStringLiteral("ai-brain"));
    }

    void aiBrainEngine() {
        engine->setMode(EngineMode::AiBrain);
        QSignalSpy stages(engine, &ReadingEngine::stageChanged);
        const auto r = engine->readFileBlocking(kPhoto);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.engine, QStringLiteral("ai-brain"));
        QCOMPARE(r.prescription.medicationName, QStringLiteral("Lisinopril"));
        QCOMPARE(r.prescription.schedule, QStringLiteral("once daily"));
        QVERIFY(r.fallbackReason.isEmpty());
        QCOMPARE(stages.first().at(1).toString(), QStringLiteral("Sending to AI Brain"));

        // ai-brain alone does not fall back: its error is the result.
        sim->setMode(AiBrainSimulator::Mode::Error500);
        const auto failed = engine->readFileBlocking(kPhoto);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.engine, QStringLiteral("ai-brain"));
        QVERIFY(failed.error.contains(QStringLiteral("CUDA out of memory")));
        QCOMPARE(failed.toJson(QStringLiteral("a.jpg")).value(QStringLiteral("error")).toString(),
                 failed.error);
    }

    void autoUsesAiBrainWhenHealthy() {
        const auto r = engine->readFileBlocking(kPhoto);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.engine, QStringLiteral("ai-brain"));
        QCOMPARE(sim->healthRequests(), 1);
        QCOMPARE(sim->analyzeRequests(), 1);
        // Health is remembered for a while.
        QVERIFY(engine->readFileBlocking(kPhoto).ok());
        QCOMPARE(sim->healthRequests(), 1);
    }

    void autoWithoutUrlReadsLocally() {
        engine->client()->setBaseUrl(QUrl());
        const auto r = engine->readFileBlocking(kPhoto);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.engine, QStringLiteral("local"));
        QVERIFY(r.fallbackReason.isEmpty());
        QVERIFY(r.quality.has_value());
        QCOMPARE(sim->healthRequests(), 0);
        QVERIFY(!r.prescription.medicationName.isEmpty());
    }

    void autoFallsBackWithin15s_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("health");
        QTest::addColumn<QString>("reason");
        using M = AiBrainSimulator::Mode;
        using H = AiBrainSimulator::HealthMode;
        QTest::newRow("error500") << int(M::Error500) << int(H::Ok)
                                  << "HTTP 500: Model inference failed";
        QTest::newRow("garbage") << int(M::Garbage) << int(H::Ok) << "is not JSON";
        QTest::newRow("hang") << int(M::Hang) << int(H::Ok) << "did not answer within";
        QTest::newRow("slow beyond the timeout")
            << int(M::Slow) << int(H::Ok) << "did not answer within";
        QTest::newRow("unauthorized") << int(M::Unauthorized) << int(H::Ok) << "HTTP 401";
        QTest::newRow("health down") << int(M::Good) << int(H::Down) << "not available";
        QTest::newRow("health hangs") << int(M::Good) << int(H::Hang) << "did not answer /health";
        QTest::newRow("unreachable") << -1 << int(H::Ok) << "unreachable";
    }
    void autoFallsBackWithin15s() {
        QFETCH(int, mode);
        QFETCH(int, health);
        QFETCH(QString, reason);
        if (mode < 0) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            const quint16 freePort = probe.serverPort();
            probe.close();
            engine->client()->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort)));
        } else {
            sim->setMode(AiBrainSimulator::Mode(mode));
            sim->setHealthMode(AiBrainSimulator::HealthMode(health));
            sim->setSlowDelayMs(20000);
        }
        QElapsedTimer timer;
        timer.start();
        QSignalSpy finished(engine, &ReadingEngine::finished);
        const auto r = engine->readFileBlocking(kPhoto);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.engine, QStringLiteral("local"));
        QVERIFY2(r.fallbackReason.contains(reason), qPrintable(r.fallbackReason));
        QVERIFY2(elapsed < kFallbackBudgetMs, qPrintable(QString::number(elapsed)));
        QVERIFY(r.ms >= 0 && r.ms <= elapsed + 50);
        QCOMPARE(finished.count(), 1);
        const QJsonObject line = r.toJson(QStringLiteral("0001.jpg"));
        QCOMPARE(line.value(QStringLiteral("engine")).toString(), QStringLiteral("local"));
        QCOMPARE(line.value(QStringLiteral("fallback_reason")).toString(), r.fallbackReason);
    }

    void afterAFailureAiBrainIsSkippedForAWhile() {
        sim->setMode(AiBrainSimulator::Mode::Error500);
        auto r = engine->readFileBlocking(kPhoto);
        QCOMPARE(r.engine, QStringLiteral("local"));
        QCOMPARE(sim->analyzeRequests(), 1);
        sim->setMode(AiBrainSimulator::Mode::Good);
        r = engine->readFileBlocking(kPhoto);
        QCOMPARE(r.engine, QStringLiteral("local"));
        QVERIFY(r.fallbackReason.contains(QStringLiteral("shortly before")));
        QCOMPARE(sim->analyzeRequests(), 1);
        // Once the pause is over AI Brain is asked again.
        engine->setRetryAfterFailure(0);
        r = engine->readFileBlocking(kPhoto);
        QCOMPARE(r.engine, QStringLiteral("ai-brain"));
    }

    void cancelWhileAiBrainHangs() {
        engine->setMode(EngineMode::AiBrain);
        sim->setMode(AiBrainSimulator::Mode::Hang);
        QSignalSpy finished(engine, &ReadingEngine::finished);
        const int id = engine->readFile(kPhoto);
        QTRY_COMPARE(sim->analyzeRequests(), 1);
        QVERIFY(engine->isBusy());
        engine->cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toInt(), id);
        QVERIFY(finished.first().at(1).value<ReadingResult>().cancelled);
        QVERIFY(!engine->isBusy());
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1); // the aborted request reports nothing more
    }

    void cameraFrame() {
        engine->setMode(EngineMode::AiBrain);
        QImage frame(kPhoto);
        QVERIFY(!frame.isNull());
        QSignalSpy finished(engine, &ReadingEngine::finished);
        const int id = engine->readImage(frame);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toInt(), id);
        const auto r = finished.first().at(1).value<ReadingResult>();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(sim->lastUploadContentType(), QByteArray("image/jpeg"));
        QVERIFY(sim->lastUploadFileName().startsWith(QStringLiteral("kilo-kiosk-frame-")));

        engine->readImage(QImage());
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.last().at(1).value<ReadingResult>().error,
                 QStringLiteral("the camera frame is empty"));
    }

    void aNewRequestReplacesTheOneInFlight() {
        engine->setMode(EngineMode::AiBrain);
        sim->setMode(AiBrainSimulator::Mode::Slow);
        sim->setSlowDelayMs(500);
        QSignalSpy finished(engine, &ReadingEngine::finished);
        const int first = engine->readFile(kPhoto);
        const int second = engine->readFile(kPhoto);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
        QCOMPARE(finished.at(0).at(0).toInt(), first);
        QVERIFY(finished.at(0).at(1).value<ReadingResult>().cancelled);
        QCOMPARE(finished.at(1).at(0).toInt(), second);
        QVERIFY(finished.at(1).at(1).value<ReadingResult>().ok());
    }
};

QTEST_GUILESS_MAIN(TestReadingEngine)
#include "tst_reading_engine.moc"
