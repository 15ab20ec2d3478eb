#include "ocr/ocr_pipeline.h"
#include "ocr/ocr_worker.h"
#include "ocr/rx_scorer.h"
#include "bottle_label.h"
#include "opencv_under_tsan.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace kiosk::ocr;

class TestOcrPipeline : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OcrPipeline> m_pipeline;
    static QString fixture(const QString &name) {
        return QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr/") + name;
    }

private slots:
    void initTestCase() {
        kiosk::test::runOpenCvOnTheCallingThreadUnderTsan();
        m_pipeline = std::make_unique<OcrPipeline>();
        QVERIFY2(m_pipeline->initError().isEmpty(), qPrintable(m_pipeline->initError()));
    }

    void readsPhotos_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("label, flat scan") << "0000";
        QTest::newRow("pad, flat scan") << "0001";
        QTest::newRow("label, hard photo") << "0014";
        QTest::newRow("pad, tilted with shading") << "0035";
        // Own photos (bench/rx_synth): layouts and drugs the dev set does not have.
        QTest::newRow("own two-column label") << "own_0001";
        QTest::newRow("own retail label, drug first") << "own_0003";
        QTest::newRow("own pad, dim light") << "own_0005";
    }
    void readsPhotos() {
        QFETCH(QString, name);
        QFile truthFile(fixture(name + QStringLiteral(".json")));
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
        const auto result = m_pipeline->readFile(fixture(name + QStringLiteral(".jpg")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.quality.labelFound);
        const QJsonObject reading = result.toJson(name);
        QCOMPARE(reading.value(QStringLiteral("engine")).toString(), QStringLiteral("local"));
        QVERIFY(reading.contains(QStringLiteral("ms")));
        const auto scores = RxScorer::score(reading, truth);
        for (const QString &field : Prescription::coreFields())
            QVERIFY2(scores.value(field).right,
                     qPrintable(field + QStringLiteral(": ") + reading.value(field).toString()));
    }

    void photoWithoutLabel() {
        QTemporaryDir dir;
        cv::Mat noise(600, 900, CV_8UC3);
        cv::randu(noise, 0, 255);
        cv::GaussianBlur(noise, noise, cv::Size(31, 31), 0);
        const QString path = dir.filePath(QStringLiteral("table.jpg"));
        QVERIFY(cv::imwrite(path.toStdString(), noise));
        const auto result = m_pipeline->readFile(path);
        QVERIFY(result.ok());
        QVERIFY(!result.quality.labelFound);
        QVERIFY(!result.quality.hints().isEmpty());
        for (const QString &field : Prescription::coreFields())
            QVERIFY(result.prescription.needsReview.contains(field));
    }

    void blurAndDarknessAreReported() {
        cv::Mat photo = cv::imread(fixture(QStringLiteral("0014.jpg")).toStdString());
        QVERIFY(!photo.empty());
        cv::Mat blurred;
        cv::GaussianBlur(photo, blurred, cv::Size(0, 0), 6.0);
        QVERIFY(m_pipeline->readImage(blurred).quality.blurry);
        cv::Mat dark = photo * 0.2;
        QVERIFY(m_pipeline->readImage(dark).quality.tooDark);
        QVERIFY(!m_pipeline->readImage(photo).quality.blurry);
    }

    // A phone photo of a dispensed bottle, rendered (no real person's data): label wrapped round
    // an amber vial in a hand, 4032x1816 stored sideways with EXIF orientation 6, Samsung trailer.
    void readsAPhoneBottlePhoto() {
        using namespace kiosk::synth;
        BottleShot shot;
        shot.curvature = 0.6;
        shot.exifOrientation = 6;
        shot.samsungTrailer = true;
        shot.seed = 5;
        const cv::Mat upright = BottlePhoto::photograph(
            BottlePhoto::renderLabel(kiosk::test::lisinoprilBottleLabel()).image, shot);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("20260106_081500.jpg"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(BottlePhoto::encodeJpeg(upright, shot));
        file.close();

        const auto result = m_pipeline->readFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error)); // the trailer is no truncation
        QVERIFY(result.quality.labelFound);
        QCOMPARE(result.prescription.medicationName, QStringLiteral("Lisinopril"));
        QCOMPARE(result.prescription.dosage, QStringLiteral("10 mg"));
        QCOMPARE(result.prescription.schedule, QStringLiteral("once daily"));

        // The same bottle in a camera frame held sideways or upside down (no EXIF to say so).
        cv::Mat sideways, upsideDown;
        cv::rotate(upright, sideways, cv::ROTATE_90_COUNTERCLOCKWISE);
        cv::rotate(upright, upsideDown, cv::ROTATE_180);
        QCOMPARE(m_pipeline->readImage(sideways).prescription.medicationName,
                 QStringLiteral("Lisinopril"));
        QCOMPARE(m_pipeline->readImage(upsideDown).prescription.medicationName,
                 QStringLiteral("Lisinopril"));
    }

    // A Spanish label reads to the same canonical schedule as its English twin (a bottle in a
    // hand, read line by line).
    void spanishLabelReadsLikeItsEnglishTwin() {
        using namespace kiosk::synth;
        BottleShot shot;
        shot.curvature = 0.6;
        shot.seed = 11;
        const auto read = [&](const LabelText &text) {
            return m_pipeline
                ->readImage(BottlePhoto::photograph(BottlePhoto::renderLabel(text).image, shot))
                .prescription;
        };
        const auto english = read(kiosk::test::lisinoprilBottleLabel());
        const auto spanish = read(kiosk::test::lisinoprilBottleLabelSpanish());
        const auto read_ = QJsonDocument(spanish.toJson()).toJson(QJsonDocument::Compact);
        QVERIFY2(spanish.language == QStringLiteral("es"), read_.constData());
        QCOMPARE(english.language, QStringLiteral("en"));
        QCOMPARE(english.schedule, QStringLiteral("once daily"));
        QVERIFY2(spanish.schedule == english.schedule, read_.constData());
        QCOMPARE(spanish.timesPerDay, english.timesPerDay);
        QCOMPARE(spanish.medicationName, english.medicationName);
        QCOMPARE(spanish.dosage, english.dosage);
        QCOMPARE(spanish.quantity, english.quantity);
        QVERIFY2(
            spanish.instructions.startsWith(QStringLiteral("Tome 1 tableta"), Qt::CaseInsensitive),
            qPrintable(spanish.instructions));
    }

    void workerRunsOffThreadAndCancels() {
        OcrWorker worker;
        QSignalSpy finished(&worker, &OcrWorker::finished);
        QSignalSpy failed(&worker, &OcrWorker::failed);
        QSignalSpy cancelled(&worker, &OcrWorker::cancelled);
        const int first = worker.readFile(fixture(QStringLiteral("0000.jpg")));
        const int second =
            worker.readFile(fixture(QStringLiteral("0001.jpg"))); // supersedes the first
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + cancelled.count(), 2, 60000);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toInt(), second);
        QCOMPARE(cancelled.first().at(0).toInt(), first);
        QCOMPARE(finished.first()
                     .at(1)
                     .toJsonObject()
                     .value(QStringLiteral("medication_name"))
                     .toString(),
                 QStringLiteral("Sertraline"));
        worker.readFile(fixture(QStringLiteral("missing.jpg")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("not found")));
    }
};

QTEST_MAIN(TestOcrPipeline)
#include "tst_ocr_pipeline.moc"
