#include "security/audit_log.h"
#include "security/private_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::AuditEntry;
using kiosk::security::AuditLog;
using Outcome = AuditEntry::Outcome;

class TestAuditLog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() {
        return m_dir.filePath(QStringLiteral("case%1/audit.jsonl").arg(++m_counter));
    }

    static QList<QByteArray> lines(const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> result = file.readAll().split('\n');
        if (!result.isEmpty() && result.last().isEmpty())
            result.removeLast();
        return result;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void defaultPathIsInTheAppDataFolder() {
        QVERIFY(AuditLog::defaultFilePath().endsWith(QLatin1String("/audit.jsonl")));
        QVERIFY(AuditLog::defaultFilePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void appendsOneJsonLinePerAction() {
        const QString path = freshPath();
        AuditLog log(path);
        QVERIFY2(log.record(QStringLiteral("cluster.cleanup"), QStringLiteral("kilo-guardian"),
                            Outcome::Success, QStringLiteral("deleted 7 ReplicaSets")),
                 qPrintable(log.lastError()));
        AuditEntry entry;
        entry.action = QStringLiteral("cluster.rollback");
        entry.target = QStringLiteral("deployment/kilo-meds");
        entry.outcome = Outcome::Failure;
        entry.detail = QStringLiteral("deployment is paused");
        entry.time = QDateTime(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC);
        QVERIFY(log.append(entry));

        const auto written = lines(path);
        QCOMPARE(written.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(written.at(0)).object();
        QCOMPARE(first.value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
        QCOMPARE(first.value(QStringLiteral("action")).toString(),
                 QStringLiteral("cluster.cleanup"));
        QCOMPARE(first.value(QStringLiteral("target")).toString(), QStringLiteral("kilo-guardian"));
        QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
        QCOMPARE(first.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("deleted 7 ReplicaSets"));
        const QDateTime time = QDateTime::fromString(first.value(QStringLiteral("time")).toString(),
                                                     Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QVERIFY(qAbs(time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(first.value(QStringLiteral("time")).toString().endsWith(u'Z'));
        QCOMPARE(QJsonDocument::fromJson(written.at(1))
                     .object()
                     .value(QStringLiteral("time"))
                     .toString(),
                 QStringLiteral("2026-11-26T09:30:00.000Z"));
    }

    void fileIsOwnerOnly() {
        const QString path = freshPath();
        AuditLog log(path);
        QVERIFY(log.record(QStringLiteral("pin.set"), QString(), Outcome::Success));
        QVERIFY(kiosk::security::isOwnerOnly(path));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOwner | QFile::WriteOwner),
                 QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(kiosk::security::isOwnerOnly(QFileInfo(path).absolutePath()));

        // A file someone left world-readable is tightened on the next append.
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadOther | QFile::ReadGroup));
        QVERIFY(!kiosk::security::isOwnerOnly(path));
        QVERIFY(log.record(QStringLiteral("pin.verify"), QString(), Outcome::Denied));
        QVERIFY(kiosk::security::isOwnerOnly(path));
    }

    void appendOnlyKeepsEarlierLines() {
        const QString path = freshPath();
        {
            AuditLog first(path);
            QVERIFY(first.record(QStringLiteral("a.one"), QString(), Outcome::Success));
        }
        AuditLog second(path); // e.g. the CLI after the UI
        QVERIFY(second.record(QStringLiteral("a.two"), QString(), Outcome::Success));
        const auto written = lines(path);
        QCOMPARE(written.size(), 2);
        QVERIFY(written.at(0).contains("a.one"));
        QVERIFY(written.at(1).contains("a.two"));
    }

    void secretsNeverReachTheFile() {
        const QString path = freshPath();
        AuditLog log(path);
        const QString token =
            QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJraW9zayJ9.c2lnbmF0dXJlLXZhbHVl");
        QVERIFY(log.record(
            QStringLiteral("cluster.connect"),
            QStringLiteral("https://admin:pa55word@10.0.0.1:6443"), Outcome::Failure,
            QStringLiteral("401 Unauthorized with Authorization: Bearer %1; pin=4821; "
                           "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----")
                .arg(token)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        for (const char *secret : {"eyJzdWIiOiJraW9zayJ9", "c2lnbmF0dXJlLXZhbHVl", "pa55word",
                                   "pin=4821", "MIIEvQIBADANBg"})
            QVERIFY2(!content.contains(secret), secret);
        QVERIFY(content.contains("pin=[REDACTED]"));
        QVERIFY(content.contains("401 Unauthorized"));
        QCOMPARE(lines(path).size(), 1); // the newlines in the detail stay inside the JSON string
    }

    void lastEntriesNewestFirst() {
        const QString path = freshPath();
        AuditLog log(path);
        for (int i = 0; i < 10; ++i)
            QVERIFY(log.record(QStringLiteral("action.%1").arg(i), QString(), Outcome::Success));
        const auto last3 = log.lastEntries(3);
        QCOMPARE(last3.size(), 3);
        QCOMPARE(last3.at(0).action, QStringLiteral("action.9"));
        QCOMPARE(last3.at(2).action, QStringLiteral("action.7"));
        QCOMPARE(log.lastEntries(100).size(), 10);
        QVERIFY(log.lastEntries(0).isEmpty());
        QVERIFY(AuditLog(freshPath()).lastEntries(5).isEmpty());
    }

    void readerRoundTripsAndSkipsDamagedLines() {
        const QString path = freshPath();
        AuditLog log(path);
        AuditEntry entry;
        entry.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        entry.action = QStringLiteral("settings.change");
        entry.target = QStringLiteral("forget-photos");
        entry.outcome = Outcome::Denied;
        entry.detail = QStringLiteral("wrong PIN");
        QVERIFY(log.append(entry));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("not json\n{\"time\":\"x\"}\n\n");
        }
        const auto read = log.lastEntries(5);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.at(0), entry);
    }

    void rotatesAtTheSizeLimit() {
        const QString path = freshPath();
        AuditLog log(path, 2048, 2);
        const QString detail(200, u'x');
        for (int i = 0; i < 60; ++i)
            QVERIFY2(
                log.record(QStringLiteral("bulk.%1").arg(i), QString(), Outcome::Success, detail),
                qPrintable(log.lastError()));
        QVERIFY(QFileInfo(path).size() <= 2048);
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".1")));
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".2")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".3")));
        QVERIFY(QFileInfo(path + QStringLiteral(".1")).size() <= 2048);
        QVERIFY(kiosk::security::isOwnerOnly(path + QStringLiteral(".1")));

        // The reader continues into the rotated files, still newest first.
        const auto entries = log.lastEntries(1000);
        const int kept = int(lines(path).size() + lines(path + QStringLiteral(".1")).size() +
                             lines(path + QStringLiteral(".2")).size());
        QCOMPARE(entries.size(), kept);
        QVERIFY(kept < 60);
        QCOMPARE(entries.first().action, QStringLiteral("bulk.59"));
        QCOMPARE(entries.last().action, QStringLiteral("bulk.%1").arg(60 - kept));
    }

    void longFieldsAreCut() {
        const QString path = freshPath();
        AuditLog log(path);
        QVERIFY(log.record(QStringLiteral("x.y"), QString(), Outcome::Failure,
                           QString(10000, u'a') + u' '));
        QCOMPARE(log.lastEntries(1).at(0).detail.size(), AuditLog::kMaxFieldLength);
    }

    void missingActionIsRefused() {
        AuditLog log(freshPath());
        QVERIFY(!log.record(QString(), QStringLiteral("x"), Outcome::Success));
        QVERIFY(!log.lastError().isEmpty());
    }

    void unwritableLocationReportsAnError() {
        AuditLog log(QStringLiteral("/proc/kilo-kiosk-cannot-exist/audit.jsonl"));
        QVERIFY(!log.record(QStringLiteral("x.y"), QString(), Outcome::Success));
        QVERIFY(!log.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
