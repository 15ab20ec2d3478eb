// The sync commands through the real executable: two kiosks side by side on one machine
// (--db), the service's address saved with its token in the keychain, and a sync killed with
// SIGKILL in the middle of a round: nothing lost, nothing applied twice.
#include "cli_process.h"
#include "service_under_test.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <signal.h>

using kiosk::test::CliRun;

class TestMedsSyncCli : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    void twoKiosksAndConflicts() {
        kiosk::test::SimulatorService service;
        QVERIFY(service.start(QString()));
        const QString url = service.url().toString();
        const CliRun added = meds(
            {QStringLiteral("--db"), db("kitchen"), QStringLiteral("add"), QStringLiteral("--json"),
             QStringLiteral("-")},
            R"({"medication_name": "Lisinopril", "dosage": "10 mg", "schedule": "once daily"})");
        QCOMPARE(added.exitCode, 0);
        const QString uuid =
            QJsonDocument::fromJson(added.out).object().value(QStringLiteral("uuid")).toString();
        QVERIFY(!uuid.isEmpty());

        CliRun run = meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("sync"),
                           QStringLiteral("--service"), url, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject counts = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(counts.value(QStringLiteral("pushed")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("pulled")).toInt(), 0);
        QCOMPARE(counts.value(QStringLiteral("conflicts")).toInt(), 0);

        // The address is saved once; the bedroom uses the setting.
        QCOMPARE(meds({QStringLiteral("service"), QStringLiteral("--url"), url}).exitCode, 0);
        run = meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("sync"),
                    QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("pulled")).toInt(),
                 1);
        run = meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("list"),
                    QStringLiteral("--json")});
        const QJsonObject listed = QJsonDocument::fromJson(run.out).array().first().toObject();
        QCOMPARE(listed.value(QStringLiteral("uuid")).toString(), uuid);
        QCOMPARE(listed.value(QStringLiteral("sync_state")).toString(), QStringLiteral("synced"));

        QCOMPARE(
            meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("edit"),
                  QStringLiteral("1"), QStringLiteral("--set"), QStringLiteral("dosage=20 mg")})
                .exitCode,
            0);
        QCOMPARE(meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("edit"),
                       QStringLiteral("1"), QStringLiteral("--set"), QStringLiteral("dosage=5 mg")})
                     .exitCode,
                 0);
        QCOMPARE(meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("sync")}).exitCode, 0);
        run = meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("sync"),
                    QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("conflicts")).toInt(),
            1);
        run = meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("conflicts"),
                    QStringLiteral("--json")});
        const QJsonObject conflict = QJsonDocument::fromJson(run.out).array().first().toObject();
        QCOMPARE(conflict.value(QStringLiteral("local"))
                     .toObject()
                     .value(QStringLiteral("dosage"))
                     .toString(),
                 QStringLiteral("5 mg"));
        QCOMPARE(conflict.value(QStringLiteral("remote"))
                     .toObject()
                     .value(QStringLiteral("dosage"))
                     .toString(),
                 QStringLiteral("20 mg"));
        QCOMPARE(meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("resolve"), uuid,
                       QStringLiteral("--keep"), QStringLiteral("remote")})
                     .exitCode,
                 0);
        run = meds({QStringLiteral("--db"), db("bedroom"), QStringLiteral("show"),
                    QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("dosage")).toString(),
            QStringLiteral("20 mg"));
    }

    void unreachableAndRefused() {
        kiosk::test::SimulatorService service;
        QVERIFY(service.start(QStringLiteral("kitchen-token-123")));
        const QString url = service.url().toString();
        QCOMPARE(
            meds(
                {QStringLiteral("--db"), db("kitchen"), QStringLiteral("add"),
                 QStringLiteral("--json"), QStringLiteral("-")},
                R"({"medication_name": "Metformin", "dosage": "500 mg", "schedule": "twice daily"})")
                .exitCode,
            0);
        CliRun run = meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("sync"),
                           QStringLiteral("--service"), url});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("refused the token") &&
                     run.err.contains("1 change(s) stay queued"),
                 run.err.constData());
        // The token goes to the keychain, never to a file.
        QCOMPARE(meds({QStringLiteral("service"), QStringLiteral("--url"), url,
                       QStringLiteral("--token-stdin")},
                      "kitchen-token-123\n")
                     .exitCode,
                 0);
        run = meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("sync"),
                    QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("pushed")).toInt(),
                 1);
        run = meds({QStringLiteral("service"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("token")).toBool(),
                 true);
        QDirIterator files(m_home->path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.fileName().contains(QStringLiteral("/keyrings/")) ||
                !file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains("kitchen-token-123"), qPrintable(file.fileName()));
        }

        service.stop();
        run =
            meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("edit"),
                  QStringLiteral("1"), QStringLiteral("--set"), QStringLiteral("dosage=1000 mg")});
        QCOMPARE(run.exitCode, 0);
        run = meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("sync")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("cannot be reached") &&
                     run.err.contains("1 change(s) stay queued"),
                 run.err.constData());
        run = meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("list"),
                    QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(run.out)
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("sync_state"))
                     .toString(),
                 QStringLiteral("pending"));
    }

    // SIGKILL while the answers are on their way: the service applied some changes whose answers
    // never arrived. The next sync settles them without applying anything twice.
    void killedInTheMiddle() {
        kiosk::test::SimulatorService service;
        QVERIFY(service.start(QString()));
        service.simulator().setLatencyMs(150);
        QJsonArray records;
        for (int i = 0; i < 60; ++i)
            records.append(QJsonObject{
                {QStringLiteral("medication_name"), QStringLiteral("Medicine %1").arg(i)},
                {QStringLiteral("dosage"), QStringLiteral("5 mg")},
                {QStringLiteral("schedule"), QStringLiteral("once daily")}});
        QCOMPARE(meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("import"),
                       QStringLiteral("--json"), QStringLiteral("-")},
                      QJsonDocument(records).toJson())
                     .exitCode,
                 0);

        QProcess sync;
        sync.setProcessEnvironment(environment());
        sync.start(QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk"),
                   {QStringLiteral("meds"), QStringLiteral("--db"), db("kitchen"),
                    QStringLiteral("sync"), QStringLiteral("--service"), service.url().toString()});
        QVERIFY(sync.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(service.recordCount() >= 12, 60000);
        ::kill(pid_t(sync.processId()), SIGKILL);
        QVERIFY(sync.waitForFinished());
        QCOMPARE(sync.exitStatus(), QProcess::CrashExit);
        const int landed = service.recordCount();
        QVERIFY(landed < 60);

        service.simulator().setLatencyMs(0);
        const CliRun run =
            meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("sync"),
                  QStringLiteral("--service"), service.url().toString(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(service.recordCount(), 60);
        for (const QJsonObject &record : service.simulator().records())
            QCOMPARE(record.value(QStringLiteral("version")).toInt(), 1); // none applied twice
        const CliRun list = meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("list"),
                                  QStringLiteral("--json")});
        const QJsonArray listed = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(listed.size(), 60);
        for (const QJsonValue &m : listed)
            QCOMPARE(m.toObject().value(QStringLiteral("sync_state")).toString(),
                     QStringLiteral("synced"));
        QCOMPARE(meds({QStringLiteral("--db"), db("kitchen"), QStringLiteral("check")}).exitCode,
                 0);
    }

private:
    QString db(const char *name) const {
        return m_home->filePath(QString::fromLatin1(name) + QStringLiteral(".sqlite"));
    }
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home->path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        return env;
    }
    CliRun meds(const QStringList &args, const QByteArray &input = {}) {
        return kiosk::test::runWithHome(QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk"),
                                        QStringList{QStringLiteral("meds")} + args, m_home->path(),
                                        input);
    }

    std::unique_ptr<QTemporaryDir> m_home;
};

QTEST_GUILESS_MAIN(TestMedsSyncCli)
#include "tst_meds_sync_cli.moc"
