#include "aibrain/ai_brain_client.h"
#include "sim/ai_brain_simulator.h"

#include <QDir>
#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using kiosk::aibrain::AiBrainClient;
using kiosk::aibrain::ReadingResult;
using kiosk::sim::AiBrainSimulator;

namespace {
const QString kFixtures = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr");
const QString kPhoto = kFixtures + QStringLiteral("/0001.jpg");
} // namespace

class TestAiBrainClient : public QObject {
    Q_OBJECT

private:
    AiBrainSimulator *sim = nullptr;
    AiBrainClient *client = nullptr;
    QTemporaryDir dir;

private slots:
    void init() {
        sim = new AiBrainSimulator(this);
        QVERIFY2(sim->listen(), qPrintable(sim->errorString()));
        client = new AiBrainClient(this);
        client->setBaseUrl(sim->url());
    }
    void cleanup() {
        delete client;
        delete sim;
    }

    void goodAnswerIsNormalised() {
        QSignalSpy spy(client, &AiBrainClient::analyzed);
        const int id = client->analyzeFile(kPhoto);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.first().at(0).toInt(), id);
        const auto r = spy.first().at(1).value<ReadingResult>();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.engine, QStringLiteral("ai-brain"));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.prescription.medicationName, QStringLiteral("Lisinopril"));
        QCOMPARE(r.prescription.schedule, QStringLiteral("once daily"));
        QCOMPARE(r.prescription.dosage, QStringLiteral("10 mg"));
        QCOMPARE(r.prescription.prescriber, QStringLiteral("Jane Smith"));
        // What went over the wire: a multipart "file" part with the JPEG as it is.
        QCOMPARE(sim->lastUploadContentType(), QByteArray("image/jpeg"));
        QCOMPARE(sim->lastUploadFileName(), QStringLiteral("0001.jpg"));
        QFile photo(kPhoto);
        QVERIFY(photo.open(QIODevice::ReadOnly));
        QCOMPARE(sim->lastUpload(), photo.readAll());
        QVERIFY(sim->lastAuthorization().isEmpty());
        const QJsonObject line = r.toJson(QStringLiteral("x.jpg"));
        QCOMPARE(line.value(QStringLiteral("engine")).toString(), QStringLiteral("ai-brain"));
        QCOMPARE(line.value(QStringLiteral("schedule")).toString(), QStringLiteral("once daily"));
        QVERIFY(!line.contains(QStringLiteral("model")));
    }

    void recognisedFixtureAnswersItsGroundTruth() {
        // Every photo with its ground truth in the fixture folder is recognised.
        QCOMPARE(sim->loadFixtureDir(kFixtures),
                 int(QDir(kFixtures).entryList({QStringLiteral("*.json")}, QDir::Files).size()));
        const auto r = client->analyzeFileBlocking(kFixtures + QStringLiteral("/0000.jpg"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.prescription.medicationName, QStringLiteral("Rosuvastatin"));
        QCOMPARE(r.prescription.schedule, QStringLiteral("every 8 hours"));
        QCOMPARE(r.prescription.timesPerDay, std::optional<int>(3));
        QCOMPARE(r.prescription.prescriber,
                 QStringLiteral("Carlos Patel")); // the simulator says "Dr. Carlos Patel"
        QVERIFY(r.prescription.needsReview.isEmpty());
    }

    void pngAndOtherFormats() {
        QImage image(200, 120, QImage::Format_RGB32);
        image.fill(Qt::white);
        const QString png = dir.filePath(QStringLiteral("label.png"));
        const QString bmp = dir.filePath(QStringLiteral("label.bmp"));
        QVERIFY(image.save(png, "PNG"));
        QVERIFY(image.save(bmp, "BMP"));
        QVERIFY(client->analyzeFileBlocking(png).ok());
        QCOMPARE(sim->lastUploadContentType(), QByteArray("image/png"));
        QVERIFY(client->analyzeFileBlocking(bmp).ok()); // converted: AI Brain takes JPEG or PNG
        QCOMPARE(sim->lastUploadContentType(), QByteArray("image/png"));
        QCOMPARE(sim->lastUploadFileName(), QStringLiteral("label.png"));

        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a photo");
        f.close();
        const int before = sim->analyzeRequests();
        const auto r = client->analyzeFileBlocking(text);
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("not an image")));
        QVERIFY(!client->analyzeFileBlocking(dir.filePath(QStringLiteral("missing.jpg"))).ok());
        QCOMPARE(sim->analyzeRequests(), before); // nothing was sent
    }

    void error500ShowsTheDetail() {
        sim->setMode(AiBrainSimulator::Mode::Error500);
        const auto r = client->analyzeFileBlocking(kPhoto);
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 500);
        QCOMPARE(r.error,
                 QStringLiteral(
                     "AI Brain answered HTTP 500: Model inference failed: CUDA out of memory"));
    }

    void garbageIsAClearError() {
        sim->setMode(AiBrainSimulator::Mode::Garbage);
        for (int i = 0; i < AiBrainSimulator::garbageBodies().size(); ++i) {
            const auto r = client->analyzeFileBlocking(kPhoto);
            QVERIFY(!r.ok());
            QCOMPARE(r.httpStatus, 200);
            QVERIFY2(r.error.startsWith(QStringLiteral("AI Brain's answer")), qPrintable(r.error));
        }
    }

    void hangTimesOut() {
        sim->setMode(AiBrainSimulator::Mode::Hang);
        client->setTimeout(700);
        QElapsedTimer timer;
        timer.start();
        const auto r = client->analyzeFileBlocking(kPhoto);
        QVERIFY(!r.ok());
        QVERIFY(r.timedOut);
        QVERIFY2(r.error.contains(QStringLiteral("did not answer within 0.7 s")),
                 qPrintable(r.error));
        QVERIFY(timer.elapsed() >= 650);
        QVERIFY(timer.elapsed() < 5000);
    }

    void slowWithinAndBeyondTheTimeout() {
        sim->setMode(AiBrainSimulator::Mode::Slow);
        sim->setSlowDelayMs(300);
        client->setTimeout(2000);
        QVERIFY(client->analyzeFileBlocking(kPhoto).ok());
        sim->setSlowDelayMs(1500);
        client->setTimeout(500);
        const auto r = client->analyzeFileBlocking(kPhoto);
        QVERIFY(r.timedOut);
    }

    void bearerToken() {
        sim->setMode(AiBrainSimulator::Mode::Unauthorized);
        sim->setToken(QStringLiteral("s3cret"));
        auto r = client->analyzeFileBlocking(kPhoto);
        QCOMPARE(r.httpStatus, 401);
        QCOMPARE(
            r.error,
            QStringLiteral(
                "AI Brain answered HTTP 401 (it needs a token; none is set): Not authenticated"));
        client->setToken(QStringLiteral("wrong"));
        r = client->analyzeFileBlocking(kPhoto);
        QVERIFY(r.error.contains(QStringLiteral("the token was refused")));
        client->setToken(QStringLiteral("s3cret"));
        r = client->analyzeFileBlocking(kPhoto);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(sim->lastAuthorization(), QByteArray("Bearer s3cret"));
    }

    void health() {
        auto h = client->checkHealthBlocking();
        QVERIFY2(h.healthy, qPrintable(h.error));
        sim->setHealthMode(AiBrainSimulator::HealthMode::Down);
        h = client->checkHealthBlocking();
        QVERIFY(!h.healthy);
        QVERIFY2(h.error.contains(QStringLiteral("503")) &&
                     h.error.contains(QStringLiteral("model is still loading")),
                 qPrintable(h.error));
        sim->setHealthMode(AiBrainSimulator::HealthMode::Hang);
        client->setHealthTimeout(400);
        h = client->checkHealthBlocking();
        QVERIFY(!h.healthy);
        QVERIFY2(h.error.contains(QStringLiteral("did not answer /health")), qPrintable(h.error));

        // Nothing listening.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 freePort = probe.serverPort();
        probe.close();
        client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort)));
        h = client->checkHealthBlocking();
        QVERIFY(!h.healthy);
        QVERIFY2(h.error.contains(QStringLiteral("unreachable")), qPrintable(h.error));
        const auto r = client->analyzeFileBlocking(kPhoto);
        QVERIFY(r.error.contains(QStringLiteral("unreachable")));
    }

    void baseUrlWithPathAndBadUrls() {
        QUrl withPath = sim->url();
        withPath.setPath(QStringLiteral("/"));
        client->setBaseUrl(withPath);
        QVERIFY(client->analyzeFileBlocking(kPhoto).ok());

        client->setBaseUrl(QUrl());
        QVERIFY(!client->isConfigured());
        QVERIFY(
            client->analyzeFileBlocking(kPhoto).error.contains(QStringLiteral("no AI Brain URL")));
        QVERIFY(!client->checkHealthBlocking().healthy);
        client->setBaseUrl(QUrl(QStringLiteral("ftp://example.org")));
        QVERIFY(client->analyzeFileBlocking(kPhoto).error.contains(QStringLiteral("http://")));
    }

    void oversizedAnswerIsRefused() {
        QJsonObject answer = AiBrainSimulator::defaultAnswer();
        answer.insert(QStringLiteral("raw_text"), QString(2 * 1024 * 1024, QLatin1Char('x')));
        sim->setAnswer(answer);
        const auto r = client->analyzeFileBlocking(kPhoto);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("larger than")) ||
                     r.error.contains(QStringLiteral("too large")),
                 qPrintable(r.error));
    }

    void signalsAreAlwaysAsynchronous() {
        client->setBaseUrl(QUrl());
        QSignalSpy analyzed(client, &AiBrainClient::analyzed);
        QSignalSpy health(client, &AiBrainClient::healthChecked);
        client->analyzeFile(kPhoto);
        client->checkHealth();
        QCOMPARE(analyzed.count(), 0);
        QCOMPARE(health.count(), 0);
        QTRY_COMPARE(analyzed.count(), 1);
        QTRY_COMPARE(health.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAiBrainClient)
#include "tst_ai_brain_client.moc"
