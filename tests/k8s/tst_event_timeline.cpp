// Events as a person reads them: newest first, counts, first and last seen, whatever API
// generation wrote them; KIND/NAME arguments.
#include "k8s/event_timeline.h"

#include <QJsonDocument>
#include <QTest>

using kiosk::k8s::EventTimeline;

namespace {
QJsonObject coreEvent(const QString &reason, const QString &last, int count = 1) {
    return QJsonObject{{"type", "Normal"},
                       {"reason", reason},
                       {"message", reason + " happened"},
                       {"count", count},
                       {"firstTimestamp", "2026-12-05T10:00:00Z"},
                       {"lastTimestamp", last},
                       {"involvedObject", QJsonObject{{"kind", "Pod"}, {"name", "kilo-meds-1"}}}};
}
} // namespace

class TestEventTimeline : public QObject {
    Q_OBJECT
private slots:
    void newestFirst() {
        const auto rows =
            EventTimeline::fromList(QJsonArray{coreEvent("Pulled", "2026-12-05T10:05:00Z"),
                                               coreEvent("BackOff", "2026-12-05T10:30:00Z", 7),
                                               coreEvent("Started", "2026-12-05T10:06:00Z")});
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).reason, QStringLiteral("BackOff"));
        QCOMPARE(rows.at(0).count, 7);
        QCOMPARE(rows.at(1).reason, QStringLiteral("Started"));
        QCOMPARE(rows.at(2).reason, QStringLiteral("Pulled"));
        QCOMPARE(rows.at(0).firstSeen, QDateTime(QDate(2026, 12, 5), QTime(10, 0), Qt::UTC));
        QCOMPARE(rows.at(0).objectKind, QStringLiteral("Pod"));
        QCOMPARE(rows.at(0).objectName, QStringLiteral("kilo-meds-1"));
    }

    void newerApiGenerationsAndMissingTimes() {
        // events.k8s.io writes eventTime and a series instead of the core timestamps.
        QJsonObject series{
            {"type", "Warning"},
            {"reason", "Unhealthy"},
            {"message", "Readiness probe failed"},
            {"eventTime", "2026-12-05T09:00:00.123456Z"},
            {"series", QJsonObject{{"count", 12}, {"lastObservedTime", "2026-12-05T11:00:00Z"}}}};
        QJsonObject created{
            {"reason", "Created"},
            {"message", "only a creation time"},
            {"metadata", QJsonObject{{"creationTimestamp", "2026-12-05T08:00:00Z"}}}};
        QJsonObject timeless{{"reason", "Odd"}, {"message", "no time at all"}};
        QJsonObject empty{{"type", "Normal"}}; // nothing to read: skipped
        const auto rows = EventTimeline::fromList(QJsonArray{timeless, created, empty, series, 42});
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).reason, QStringLiteral("Unhealthy"));
        QVERIFY(rows.at(0).warning());
        QCOMPARE(rows.at(0).count, 12);
        QCOMPARE(rows.at(0).firstSeen.time(), QTime(9, 0, 0, 123));
        QCOMPARE(rows.at(0).lastSeen.time(), QTime(11, 0));
        QCOMPARE(rows.at(1).reason, QStringLiteral("Created"));
        QCOMPARE(rows.at(1).lastSeen, rows.at(1).firstSeen);
        QCOMPARE(rows.at(2).reason, QStringLiteral("Odd")); // no time: last
        QVERIFY(!rows.at(2).lastSeen.isValid());
        QCOMPARE(rows.at(2).type, QStringLiteral("Normal"));

        const QJsonArray json = EventTimeline::toJson(rows);
        QCOMPARE(json.at(0).toObject().value("last_seen").toString(),
                 QStringLiteral("2026-12-05T11:00:00Z"));
        QVERIFY(json.at(2).toObject().value("last_seen").isNull());
        QCOMPARE(json.at(0).toObject().value("object").toString(), QString()); // none named
    }

    void kindSlashName_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("deployment") << "deployment/kilo-meds"
                                    << "Deployment"
                                    << "kilo-meds";
        QTest::newRow("deploy") << "deploy/kilo-meds"
                                << "Deployment"
                                << "kilo-meds";
        QTest::newRow("pod") << "pod/kilo-meds-abc"
                             << "Pod"
                             << "kilo-meds-abc";
        QTest::newRow("rs") << "rs/kilo-meds-5f"
                            << "ReplicaSet"
                            << "kilo-meds-5f";
        QTest::newRow("capitalised") << "Deployment/x"
                                     << "Deployment"
                                     << "x";
        QTest::newRow("no name") << "pod/"
                                 << ""
                                 << "";
        QTest::newRow("no kind") << "kilo-meds"
                                 << ""
                                 << "";
        QTest::newRow("unknown kind") << "service/x"
                                      << ""
                                      << "";
        QTest::newRow("two slashes") << "pod/a/b"
                                     << ""
                                     << "";
    }

    void kindSlashName() {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QString error;
        const auto involved = EventTimeline::parseInvolved(text, &error);
        QCOMPARE(involved.has_value(), !kind.isEmpty());
        if (involved) {
            QCOMPARE(involved->kind, kind);
            QCOMPARE(involved->name, name);
            QCOMPARE(
                EventTimeline::fieldSelector(*involved),
                QStringLiteral("involvedObject.kind=%1,involvedObject.name=%2").arg(kind, name));
        } else {
            QVERIFY(error.contains(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestEventTimeline)
#include "tst_event_timeline.moc"
