// `kilo-kiosk ocr --engine ai-brain|auto` as a user runs it, against the AI Brain simulator
// running in this process (the event loop keeps serving while the child runs).
#include "sim/ai_brain_simulator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::sim::AiBrainSimulator;

namespace {
const QString kBinary = QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk");
const QString kFixtures = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/ocr");

struct Run {
    int status = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};
} // namespace

class TestOcrEngineCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir home;
    AiBrainSimulator *sim = nullptr;

    Run run(const QStringList &arguments, int timeoutMs = 60000) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path()); // no settings of the machine
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));     // no keychain: no token
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        QElapsedTimer timer;
        timer.start();
        p.start(kBinary, arguments);
        Run r;
        if (!finished.wait(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.ms = timer.elapsed();
        r.status = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    static QJsonObject line(const QByteArray &out, int index) {
        return QJsonDocument::fromJson(out.split('\n').value(index)).object();
    }

private slots:
    void init() {
        sim = new AiBrainSimulator(this);
        QVERIFY(sim->listen());
        // Every photo with its ground truth in the fixture folder is recognised.
        QCOMPARE(sim->loadFixtureDir(kFixtures),
                 int(QDir(kFixtures).entryList({QStringLiteral("*.json")}, QDir::Files).size()));
    }
    void cleanup() { delete sim; }

    void aiBrainEngineReturnsNormalisedFields() {
        const Run r =
            run({QStringLiteral("ocr"), QStringLiteral("--engine"), QStringLiteral("ai-brain"),
                 QStringLiteral("--ai-brain"), sim->url().toString(), QStringLiteral("--json"),
                 kFixtures + QStringLiteral("/0000.jpg")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonObject o = line(r.out, 0);
        QCOMPARE(o.value(QStringLiteral("engine")).toString(), QStringLiteral("ai-brain"));
        QCOMPARE(o.value(QStringLiteral("medication_name")).toString(),
                 QStringLiteral("Rosuvastatin"));
        QCOMPARE(o.value(QStringLiteral("schedule")).toString(), QStringLiteral("every 8 hours"));
        QCOMPARE(o.value(QStringLiteral("prescriber")).toString(), QStringLiteral("Carlos Patel"));
        QCOMPARE(o.value(QStringLiteral("file")).toString(),
                 kFixtures + QStringLiteral("/0000.jpg"));
        QVERIFY(!o.contains(QStringLiteral("model"))); // the simulator's extra field is ignored
        QCOMPARE(sim->analyzeRequests(), 1);
    }

    void aiBrainEngineErrorIsOneClearLine() {
        sim->setMode(AiBrainSimulator::Mode::Error500);
        const Run r = run({QStringLiteral("ocr"), QStringLiteral("--engine=ai-brain"),
                           QStringLiteral("--ai-brain=") + sim->url().toString(),
                           QStringLiteral("--json"), kFixtures + QStringLiteral("/0000.jpg")});
        QCOMPARE(r.status, 1);
        const QJsonObject o = line(r.out, 0);
        QVERIFY(o.value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("CUDA out of memory")));
        QVERIFY(r.err.contains("kilo-kiosk: error: "));
    }

    void autoFallsBackToLocalWithin15s() {
        sim->setMode(AiBrainSimulator::Mode::Hang);
        const Run r =
            run({QStringLiteral("ocr"), QStringLiteral("--engine"), QStringLiteral("auto"),
                 QStringLiteral("--ai-brain"), sim->url().toString(), QStringLiteral("--json"),
                 kFixtures + QStringLiteral("/0001.jpg")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY2(r.ms < 15000, qPrintable(QString::number(r.ms)));
        const QJsonObject o = line(r.out, 0);
        QCOMPARE(o.value(QStringLiteral("engine")).toString(), QStringLiteral("local"));
        QVERIFY(o.value(QStringLiteral("fallback_reason"))
                    .toString()
                    .contains(QStringLiteral("did not answer within")));
        QVERIFY(r.err.contains("kilo-kiosk: note: "));
    }

    void usageErrors() {
        Run r = run({QStringLiteral("ocr"), QStringLiteral("--engine"), QStringLiteral("ai-brain"),
                     kFixtures + QStringLiteral("/0000.jpg")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains("needs an AI Brain URL"));
        r = run({QStringLiteral("ocr"), QStringLiteral("--engine"), QStringLiteral("cloud"),
                 kFixtures + QStringLiteral("/0000.jpg")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains("unknown engine 'cloud'"));
    }
};

QTEST_GUILESS_MAIN(TestOcrEngineCli)
#include "tst_ocr_engine_cli.moc"
