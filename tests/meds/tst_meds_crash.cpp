// Crash safety: many `kilo-kiosk meds add` processes write to one database at once while random
// ones are killed with SIGKILL at random moments. Every write that was acknowledged (the stored
// record printed with its id) must be there afterwards, whole, and the database must pass
// PRAGMA integrity_check.
#include "meds/medication_store.h"
#include "meds_cli_runner.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using kiosk::meds::MedicationStore;

namespace {
constexpr int kWrites = 160;
constexpr int kParallel = 8;

struct Writer {
    std::unique_ptr<QProcess> process;
    QString name;
    qint64 killAfterMs = -1;  // -1: left alone
    QElapsedTimer clock;
};
} // namespace

class TestMedsCrash : public QObject {
    Q_OBJECT

private slots:
    void acknowledgedWritesSurviveKills()
    {
        QTemporaryDir home;
        const QString db = home.filePath(QStringLiteral("crash.sqlite"));
        QVERIFY(QFile::exists(MedsCliRunner::executable()));

        // How long one write takes here, so kills land before, during and after it.
        QElapsedTimer probe;
        probe.start();
        const auto first = MedsCliRunner::run(home.path(), {QStringLiteral("--db"), db, QStringLiteral("check")});
        QCOMPARE(first.status, 0);
        const qint64 typicalMs = std::max<qint64>(probe.elapsed(), 5);

        QRandomGenerator random(20261126);
        QHash<qint64, QString> acknowledged;  // id -> name
        int started = 0, killed = 0, refused = 0;
        std::vector<Writer> running;
        const QProcessEnvironment environment = MedsCliRunner::environment(home.path());

        while (started < kWrites || !running.empty()) {
            while (started < kWrites && int(running.size()) < kParallel) {
                Writer writer;
                writer.name = QStringLiteral("Crashtestol %1").arg(started);
                writer.process = std::make_unique<QProcess>();
                writer.process->setProcessEnvironment(environment);
                writer.process->start(MedsCliRunner::executable(),
                                      {QStringLiteral("meds"), QStringLiteral("--db"), db, QStringLiteral("add"),
                                       QStringLiteral("--json"), QStringLiteral("-")});
                const QJsonObject record{{QStringLiteral("medication_name"), writer.name},
                                         {QStringLiteral("dosage"), QStringLiteral("%1 mg").arg(started + 1)},
                                         {QStringLiteral("schedule"), QStringLiteral("twice daily")},
                                         {QStringLiteral("instructions"), QString(400, u'x')},
                                         {QStringLiteral("engine"), QStringLiteral("local")},
                                         {QStringLiteral("confidence"), QJsonObject{{QStringLiteral("medication_name"), 0.9},
                                                                                    {QStringLiteral("dosage"), 0.8},
                                                                                    {QStringLiteral("schedule"), 0.7}}}};
                writer.process->write(QJsonDocument(record).toJson(QJsonDocument::Compact));
                writer.process->closeWriteChannel();
                if (random.bounded(100) < 45)
                    writer.killAfterMs = random.bounded(qint64(typicalMs * 3 / 2) + 1);
                writer.clock.start();
                running.push_back(std::move(writer));
                ++started;
            }
            QTest::qWait(1);
            for (auto it = running.begin(); it != running.end();) {
                QProcess &process = *it->process;
                if (process.state() != QProcess::NotRunning && it->killAfterMs >= 0 && it->clock.elapsed() >= it->killAfterMs) {
                    process.kill();  // SIGKILL
                    it->killAfterMs = -1;
                    ++killed;
                }
                if (process.state() != QProcess::NotRunning) {
                    QVERIFY2(it->clock.elapsed() < 60000, "a writer hangs");
                    ++it;
                    continue;
                }
                process.waitForFinished();
                const QByteArray out = process.readAllStandardOutput();
                if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0) {
                    const QJsonObject stored = QJsonDocument::fromJson(out).object();
                    const qint64 id = stored.value(QStringLiteral("id")).toInteger();
                    QVERIFY2(id > 0, out.constData());
                    QCOMPARE(stored.value(QStringLiteral("medication_name")).toString(), it->name);
                    QVERIFY(!acknowledged.contains(id));
                    acknowledged.insert(id, it->name);
                } else if (process.exitStatus() == QProcess::NormalExit) {
                    ++refused;
                    qWarning("writer refused: %s", process.readAllStandardError().constData());
                }
                it = running.erase(it);
            }
        }
        qInfo("%d writers, %d killed, %d refused, %lld acknowledged (one write takes ~%lld ms)", started, killed, refused,
              qint64(acknowledged.size()), typicalMs);
        QCOMPARE(refused, 0);           // a busy database is waited for, never refused
        QVERIFY(killed > kWrites / 4);  // the test did kill writers
        QVERIFY(acknowledged.size() > kWrites / 4);

        MedicationStore store(db);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        const auto records = store.list(&error);
        QVERIFY(records);
        QHash<qint64, const kiosk::meds::Medication *> byId;
        for (const auto &m : *records) {
            byId.insert(m.id, &m);
            QCOMPARE(m.confidence.size(), 3);  // each record is whole: row and confidences together
            QCOMPARE(m.instructions.size(), 400);
        }
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
            QVERIFY2(byId.contains(it.key()), qPrintable(QStringLiteral("acknowledged record %1 (%2) is missing").arg(it.key()).arg(it.value())));
            QCOMPARE(byId.value(it.key())->medicationName, it.value());
        }
        // Killed writers may or may not have committed; nothing else is there.
        QVERIFY(records->size() >= acknowledged.size());
        QVERIFY(records->size() <= started);
        const auto check = MedsCliRunner::run(home.path(), {QStringLiteral("--db"), db, QStringLiteral("check")});
        QCOMPARE(check.out, QByteArray("ok\n"));
    }
};

QTEST_GUILESS_MAIN(TestMedsCrash)
#include "tst_meds_crash.moc"
