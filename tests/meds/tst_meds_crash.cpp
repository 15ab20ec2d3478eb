// Crash safety: many `kilo-kiosk meds add` processes write to one database at once while random
// ones are killed with SIGKILL at random moments. Every write that was acknowledged (the stored
// record printed with its id) must be there afterwards, whole, and the database must pass
// PRAGMA integrity_check.
#include "meds/dose_log.h"
#include "meds/medication_store.h"
#include "meds_cli_runner.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using kiosk::meds::MedicationStore;

namespace {
constexpr int kWrites = 100;
constexpr int kParallel = 8;

struct Writer {
    std::unique_ptr<QProcess> process;
    QString name;
    qint64 killAfterMs = -1; // -1: left alone
    QElapsedTimer clock;
};
} // namespace

class TestMedsCrash : public QObject {
    Q_OBJECT

private slots:
    void acknowledgedWritesSurviveKills() {
        QTemporaryDir home;
        const QString db = home.filePath(QStringLiteral("crash.sqlite"));
        QVERIFY(QFile::exists(MedsCliRunner::executable()));

        // How long one write takes here, so kills land before, during and after it.
        QElapsedTimer probe;
        probe.start();
        const auto first =
            MedsCliRunner::run(home.path(), {QStringLiteral("--db"), db, QStringLiteral("check")});
        QCOMPARE(first.status, 0);
        const qint64 typicalMs = std::max<qint64>(probe.elapsed(), 5);

        QRandomGenerator random(20261126);
        QHash<qint64, QString> acknowledged; // id -> name
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
                                      {QStringLiteral("meds"), QStringLiteral("--db"), db,
                                       QStringLiteral("add"), QStringLiteral("--json"),
                                       QStringLiteral("-")});
                const QJsonObject record{
                    {QStringLiteral("medication_name"), writer.name},
                    {QStringLiteral("dosage"), QStringLiteral("%1 mg").arg(started + 1)},
                    {QStringLiteral("schedule"), QStringLiteral("twice daily")},
                    {QStringLiteral("instructions"), QString(400, u'x')},
                    {QStringLiteral("engine"), QStringLiteral("local")},
                    {QStringLiteral("confidence"),
                     QJsonObject{{QStringLiteral("medication_name"), 0.9},
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
                if (process.state() != QProcess::NotRunning && it->killAfterMs >= 0 &&
                    it->clock.elapsed() >= it->killAfterMs) {
                    process.kill(); // SIGKILL
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
        qInfo("%d writers, %d killed, %d refused, %lld acknowledged (one write takes ~%lld ms)",
              started, killed, refused, qint64(acknowledged.size()), typicalMs);
        QCOMPARE(refused, 0);          // a busy database is waited for, never refused
        QVERIFY(killed > kWrites / 4); // the test did kill writers
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
            QCOMPARE(m.confidence.size(), 3); // each record is whole: row and confidences together
            QCOMPARE(m.instructions.size(), 400);
        }
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
            QVERIFY2(byId.contains(it.key()),
                     qPrintable(QStringLiteral("acknowledged record %1 (%2) is missing")
                                    .arg(it.key())
                                    .arg(it.value())));
            QCOMPARE(byId.value(it.key())->medicationName, it.value());
        }
        // Killed writers may or may not have committed; nothing else is there.
        QVERIFY(records->size() >= acknowledged.size());
        QVERIFY(records->size() <= started);
        const auto check =
            MedsCliRunner::run(home.path(), {QStringLiteral("--db"), db, QStringLiteral("check")});
        QCOMPARE(check.out, QByteArray("ok\n"));
    }

    // The dose log has the list's rule: a dose the CLI acknowledged (printed with its id) is in
    // the log and in the sync outbox after any number of SIGKILLs.
    void acknowledgedDosesSurviveKills() {
        QTemporaryDir home;
        const QString db = home.filePath(QStringLiteral("doses.sqlite"));
        const auto added = MedsCliRunner::run(
            home.path(),
            {QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--json"),
             QStringLiteral("-")},
            R"({"medication_name": "Paracetamol", "dosage": "500 mg", "schedule": "as needed"})");
        QVERIFY2(added.status == 0, added.err.constData());
        QElapsedTimer probe;
        probe.start();
        QCOMPARE(
            MedsCliRunner::run(home.path(), {QStringLiteral("--db"), db, QStringLiteral("check")})
                .status,
            0);
        const qint64 typicalMs = std::max<qint64>(probe.elapsed(), 5);
        const QProcessEnvironment environment = MedsCliRunner::environment(home.path());
        QRandomGenerator random(20300603);
        QSet<QString> acknowledged;
        int started = 0, killed = 0;
        std::vector<Writer> running;
        constexpr int kDoses = 60;
        while (started < kDoses || !running.empty()) {
            while (started < kDoses && int(running.size()) < kParallel) {
                Writer writer;
                writer.process = std::make_unique<QProcess>();
                writer.process->setProcessEnvironment(environment);
                writer.process->start(MedsCliRunner::executable(),
                                      {QStringLiteral("doses"), QStringLiteral("--db"), db,
                                       QStringLiteral("log"), QStringLiteral("1"),
                                       QStringLiteral("--given"), QStringLiteral("--force"),
                                       QStringLiteral("--json"), QStringLiteral("--by"),
                                       QStringLiteral("Writer %1").arg(started)});
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
                if (process.state() != QProcess::NotRunning && it->killAfterMs >= 0 &&
                    it->clock.elapsed() >= it->killAfterMs) {
                    process.kill(); // SIGKILL
                    it->killAfterMs = -1;
                    ++killed;
                }
                if (process.state() != QProcess::NotRunning) {
                    QVERIFY2(it->clock.elapsed() < 60000, "a writer hangs");
                    ++it;
                    continue;
                }
                process.waitForFinished();
                if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0) {
                    const QString id = QJsonDocument::fromJson(process.readAllStandardOutput())
                                           .object()
                                           .value(QStringLiteral("id"))
                                           .toString();
                    QVERIFY(!id.isEmpty());
                    acknowledged.insert(id);
                } else if (process.exitStatus() == QProcess::NormalExit) {
                    QFAIL(process.readAllStandardError()
                              .constData()); // a busy database is waited for
                }
                it = running.erase(it);
            }
        }
        qInfo("%d dose writers, %d killed, %lld acknowledged", started, killed,
              qint64(acknowledged.size()));
        QVERIFY(killed > kDoses / 4);
        QVERIFY(acknowledged.size() > kDoses / 4);
        MedicationStore store(db);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        kiosk::meds::DoseLog log(store);
        const auto queued = log.pending(&error);
        QVERIFY(queued);
        QSet<QString> inOutbox;
        for (const auto &entry : *queued)
            inOutbox.insert(entry.entry.uuid);
        for (const QString &id : std::as_const(acknowledged)) {
            const auto entry = log.entry(id, &error);
            QVERIFY2(entry, qPrintable(QStringLiteral("acknowledged dose %1 is missing").arg(id)));
            QVERIFY(entry->givenBy.startsWith(QStringLiteral("Writer ")));
            QVERIFY2(inOutbox.contains(id), "an acknowledged dose is not queued for the service");
        }
        QVERIFY(log.count() >= acknowledged.size());
        QCOMPARE(log.count(), int(queued->size())); // every stored entry is queued, none twice
    }

    // Long-running writers: `meds import` saves one record per transaction and prints each
    // once it is on disk, so kills land in the middle of transactions and commits too.
    void importersKilledMidTransaction() {
        QTemporaryDir home;
        const QString db = home.filePath(QStringLiteral("import.sqlite"));
        const QProcessEnvironment environment = MedsCliRunner::environment(home.path());
        constexpr int kRecords = 80;
        const auto batch = [](const QString &prefix) {
            QByteArray lines;
            for (int i = 0; i < kRecords; ++i) {
                const QJsonObject record{
                    {QStringLiteral("medication_name"), QStringLiteral("%1 %2").arg(prefix).arg(i)},
                    {QStringLiteral("dosage"), QStringLiteral("%1 mg").arg(i + 1)},
                    {QStringLiteral("schedule"), QStringLiteral("every 8 hours")},
                    {QStringLiteral("instructions"), QString(300, u'y')},
                    {QStringLiteral("confidence"), QJsonObject{{QStringLiteral("dosage"), 0.5},
                                                               {QStringLiteral("schedule"), 0.6}}}};
                lines += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
            }
            return lines;
        };
        const auto start = [&](QProcess &process, const QString &prefix) {
            process.setProcessEnvironment(environment);
            process.start(MedsCliRunner::executable(),
                          {QStringLiteral("meds"), QStringLiteral("--db"), db,
                           QStringLiteral("import"), QStringLiteral("--json"),
                           QStringLiteral("-")});
            process.write(batch(prefix));
            process.closeWriteChannel();
        };

        // One undisturbed import first: all its lines arrive.
        QProcess probe;
        start(probe, QStringLiteral("Probeol"));
        QVERIFY(probe.waitForFinished(60000));
        QCOMPARE(probe.exitCode(), 0);
        QCOMPARE(probe.readAllStandardOutput().count('\n'), kRecords);

        // Each importer is killed once it has acknowledged a random number of records, so the
        // kill lands while it writes the next ones: inside a transaction, or in a commit.
        QRandomGenerator random(7);
        QHash<qint64, QString> acknowledged;
        int killedMidway = 0;
        for (int round = 0; round < 4; ++round) {
            std::vector<std::unique_ptr<QProcess>> importers;
            std::vector<int> killAfterLines;
            std::vector<QByteArray> output(3);
            for (int p = 0; p < 3; ++p) {
                importers.push_back(std::make_unique<QProcess>());
                start(*importers.back(), QStringLiteral("Importol %1-%2").arg(round).arg(p));
                killAfterLines.push_back(1 + random.bounded(kRecords - 2));
            }
            QElapsedTimer roundClock;
            roundClock.start();
            bool running = true;
            while (running) {
                QTest::qWait(1);
                running = false;
                for (size_t p = 0; p < importers.size(); ++p) {
                    output[p] += importers[p]->readAllStandardOutput();
                    if (importers[p]->state() == QProcess::NotRunning)
                        continue;
                    running = true;
                    if (output[p].count('\n') >= killAfterLines[p])
                        importers[p]->kill();
                    QVERIFY2(roundClock.elapsed() < 60000, "an importer hangs");
                }
            }
            for (size_t p = 0; p < importers.size(); ++p) {
                importers[p]->waitForFinished();
                output[p] += importers[p]->readAllStandardOutput();
                int acks = 0;
                for (const QByteArray &line : output[p].split('\n')) {
                    const QJsonObject stored = QJsonDocument::fromJson(line).object();
                    if (stored.isEmpty())
                        continue; // nothing, or a line cut by the kill: not acknowledged
                    acknowledged.insert(stored.value(QStringLiteral("id")).toInteger(),
                                        stored.value(QStringLiteral("medication_name")).toString());
                    ++acks;
                }
                if (importers[p]->exitStatus() == QProcess::CrashExit && acks > 0 &&
                    acks < kRecords)
                    ++killedMidway;
            }
        }
        qInfo("%lld acknowledged imports, %d of 12 importers killed part way",
              qint64(acknowledged.size()), killedMidway);
        QVERIFY(killedMidway >= 8); // the kills did land in the middle of the imports

        MedicationStore store(db);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        const auto records = store.list(&error);
        QVERIFY(records);
        QHash<qint64, QString> present;
        for (const auto &m : *records) {
            present.insert(m.id, m.medicationName);
            QCOMPARE(m.confidence.size(), 2);
            QCOMPARE(m.instructions.size(), 300);
        }
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
            QCOMPARE(present.value(it.key()), it.value());
    }
};

QTEST_GUILESS_MAIN(TestMedsCrash)
#include "tst_meds_crash.moc"
