// `kilo-kiosk doses today|log|history` end to end, on a fixed clock (KILO_KIOSK_NOW) in
// Europe/Madrid: the rows and wording are the DoseTracker's, the same the Today view shows.
#include "meds_cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestDosesCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_db;

    MedsCliRunner::Result run(const QString &command, QStringList arguments, const QString &now,
                              const QByteArray &input = {}) {
        QProcess process;
        QProcessEnvironment env = MedsCliRunner::environment(m_home.path());
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Madrid"));
        env.insert(QStringLiteral("KILO_KIOSK_NOW"), now);
        env.insert(QStringLiteral("KILO_KIOSK_DEVICE_NAME"), QStringLiteral("kitchen"));
        process.setProcessEnvironment(env);
        arguments.prepend(m_db);
        arguments.prepend(QStringLiteral("--db"));
        return MedsCliRunner::finish(process, QStringList{command} + arguments, input);
    }
    MedsCliRunner::Result doses(const QStringList &arguments, const QString &now) {
        return run(QStringLiteral("doses"), arguments, now);
    }

    QJsonObject today(const QString &now) {
        const auto result = doses({QStringLiteral("today"), QStringLiteral("--json")}, now);
        if (result.status != 0)
            qFatal("doses today failed: %s", result.err.constData());
        return QJsonDocument::fromJson(result.out).object();
    }

private slots:
    void initTestCase() {
        QVERIFY(QFile::exists(MedsCliRunner::executable()));
        m_db = m_home.filePath(QStringLiteral("meds.sqlite"));
        const QByteArray metformin =
            R"({"medication_name": "Metformin", "dosage": "500 mg", "schedule": "twice daily",
            "instructions": "Take 1 tablet twice daily with meals", "quantity": 60})";
        const QByteArray ibuprofen =
            R"({"medication_name": "Ibuprofen", "dosage": "400 mg", "schedule": "as needed",
            "instructions": "Take 1 tablet every 4 to 6 hours as needed, no more than 4 in 24 hours"})";
        for (const QByteArray &record : {metformin, ibuprofen}) {
            const auto added =
                run(QStringLiteral("meds"),
                    {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
                    QStringLiteral("2030-06-03T05:00:00Z"), record);
            QVERIFY2(added.status == 0, added.err.constData());
        }
    }

    void todayShowsThePlan() {
        // 08:30 in Madrid (CEST, UTC+2).
        const QJsonObject day = today(QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(day.value(QStringLiteral("date")).toString(), QStringLiteral("2030-06-03"));
        QCOMPARE(day.value(QStringLiteral("time_zone")).toString(),
                 QStringLiteral("Europe/Madrid"));
        const QJsonArray rows = day.value(QStringLiteral("doses")).toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("time")).toString(),
                 QStringLiteral("08:00"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("due"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("due since 08:00"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("upcoming"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("in 11 h 30 min"));
        QCOMPARE(rows.at(2).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("as needed"));
        // The table says the same.
        const auto text = doses({QStringLiteral("today")}, QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(text.status, 0);
        QVERIFY2(text.out.startsWith("Today, Monday 3 June 2030 (Europe/Madrid)\n"),
                 text.out.constData());
        QVERIFY(text.out.contains("due since 08:00"));
        QVERIFY(text.out.contains("in 11 h 30 min"));
    }

    void logGivenThenRefuseADoubleDose() {
        auto result = doses({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("--given"),
                             QStringLiteral("--by"), QStringLiteral("Ana")},
                            QStringLiteral("2030-06-03T06:35:00Z"));
        QVERIFY2(result.status == 0, result.err.constData());
        QCOMPARE(
            result.out,
            QByteArray("Logged: Metformin 500 mg given at 08:35 today (the 08:00 dose) by Ana.\n"));
        result = doses({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("--given")},
                       QStringLiteral("2030-06-03T06:45:00Z"));
        QCOMPARE(result.status, 3);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("the last one was given at 08:35 today by Ana"),
                 result.err.constData());
        QVERIFY2(result.err.contains("--force"), result.err.constData());
        const QJsonArray rows =
            today(QStringLiteral("2030-06-03T06:45:00Z")).value(QStringLiteral("doses")).toArray();
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("given"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("given 08:35 by Ana"));
    }

    void skippedWithAReasonAtATime() {
        const auto result =
            doses({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("--skipped"),
                   QStringLiteral("--reason"), QStringLiteral("not hungry, no dinner"),
                   QStringLiteral("--at"), QStringLiteral("20:10"), QStringLiteral("--json")},
                  QStringLiteral("2030-06-03T19:00:00Z"));
        QVERIFY2(result.status == 0, result.err.constData());
        const QJsonObject entry = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(entry.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        QCOMPARE(entry.value(QStringLiteral("at")).toString(),
                 QStringLiteral("2030-06-03T18:10:00.000Z"));
        QCOMPARE(entry.value(QStringLiteral("planned")).toString(), QStringLiteral("20:00"));
        QCOMPARE(entry.value(QStringLiteral("device")).toString(), QStringLiteral("kitchen"));
    }

    void asNeededTooSoonNeedsForce() {
        auto result = doses({QStringLiteral("log"), QStringLiteral("2"), QStringLiteral("--given"),
                             QStringLiteral("--at"), QStringLiteral("09:00"),
                             QStringLiteral("--by"), QStringLiteral("Ben")},
                            QStringLiteral("2030-06-03T08:00:00Z"));
        QVERIFY2(result.status == 0, result.err.constData());
        result = doses({QStringLiteral("log"), QStringLiteral("2"), QStringLiteral("--given")},
                       QStringLiteral("2030-06-03T08:30:00Z"));
        QCOMPARE(result.status, 3);
        QVERIFY2(result.err.contains("too soon for another dose of Ibuprofen 400 mg: the last one "
                                     "was given at 09:00 today by Ben (1 h 30 min before)"),
                 result.err.constData());
        QVERIFY2(result.err.contains("the next is allowed from 13:00 today"),
                 result.err.constData());
        result = doses({QStringLiteral("log"), QStringLiteral("2"), QStringLiteral("--given"),
                        QStringLiteral("--force")},
                       QStringLiteral("2030-06-03T08:30:00Z"));
        QVERIFY2(result.status == 0, result.err.constData());
    }

    void history() {
        auto result = doses({QStringLiteral("history"), QStringLiteral("--json"),
                             QStringLiteral("--days"), QStringLiteral("1")},
                            QStringLiteral("2030-06-03T21:00:00Z"));
        QVERIFY2(result.status == 0, result.err.constData());
        QJsonArray entries = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("skipped")); // newest first
        result = doses({QStringLiteral("history"), QStringLiteral("--med"), QStringLiteral("2"),
                        QStringLiteral("--json")},
                       QStringLiteral("2030-06-03T21:00:00Z"));
        entries = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.last().toObject().value(QStringLiteral("medication")).toString(),
                 QStringLiteral("Ibuprofen 400 mg"));
        QCOMPARE(entries.last().toObject().value(QStringLiteral("given_by")).toString(),
                 QStringLiteral("Ben"));
        // Two days later, with one day asked, nothing.
        result = doses({QStringLiteral("history"), QStringLiteral("--days"), QStringLiteral("1")},
                       QStringLiteral("2030-06-05T10:00:00Z"));
        QCOMPARE(result.out, QByteArray("No doses logged in the last 1 day(s).\n"));
        result = doses({QStringLiteral("history")}, QStringLiteral("2030-06-05T10:00:00Z"));
        QVERIFY(result.out.startsWith("WHEN"));
        QVERIFY(result.out.contains("not hungry, no dinner"));
    }

    void tabletOffShowsMissed() {
        // Nothing logged on 5 June while the tablet was off: at 19:00 the morning dose is missed.
        const QJsonArray rows =
            today(QStringLiteral("2030-06-05T17:00:00Z")).value(QStringLiteral("doses")).toArray();
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("missed"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("upcoming"));
    }

    void usageErrors() {
        auto result = doses({QStringLiteral("log"), QStringLiteral("1")},
                            QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(result.status, 2);
        QVERIFY(result.err.contains("--given or --skipped"));
        result = doses({QStringLiteral("log"), QStringLiteral("99"), QStringLiteral("--given")},
                       QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(result.status, 1);
        QVERIFY(result.err.contains("no medication with id 99"));
        result = doses({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("--given"),
                        QStringLiteral("--at"), QStringLiteral("noonish")},
                       QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(result.status, 2);
        result = doses({QStringLiteral("today"), QStringLiteral("--days"), QStringLiteral("2")},
                       QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(result.status, 2);
        result = doses({QStringLiteral("--help")}, QStringLiteral("2030-06-03T06:30:00Z"));
        QCOMPARE(result.status, 0);
        QVERIFY(result.out.contains("doses [--db FILE] COMMAND"));
    }
};

QTEST_GUILESS_MAIN(TestDosesCli)
#include "tst_doses_cli.moc"
