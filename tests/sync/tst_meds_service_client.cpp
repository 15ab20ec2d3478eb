// What the medication service's answers mean, whatever arrives: every status and body is
// classified, and nothing that is not the API's answer is taken for one.
#include "sync/meds_service_client.h"

#include <QtTest>

using kiosk::sync::MedsServiceClient;
using kiosk::sync::ServiceAnswer;
using Expect = MedsServiceClient::Expect;
using Kind = ServiceAnswer::Kind;

Q_DECLARE_METATYPE(Expect)
Q_DECLARE_METATYPE(Kind)

namespace {

void answerRows() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<Kind>("kind");
    const QByteArray record = "{\"id\": \"3f2a9c1e-0d4b-4c8e-9a61-5b7e2d9f0a13\", \"version\": 3, "
                              "\"medication_name\": \"Lisinopril\"}";
    QTest::newRow("changes") << 200
                             << QByteArray("{\"items\": [" + record +
                                           "], \"cursor\": \"17\", \"more\": false}")
                             << Expect::Changes << Kind::Ok;
    QTest::newRow("numeric cursor")
        << 200 << QByteArray("{\"items\": [], \"cursor\": 17}") << Expect::Changes << Kind::Ok;
    QTest::newRow("no cursor") << 200 << QByteArray("{\"items\": []}") << Expect::Changes
                               << Kind::Garbage;
    QTest::newRow("item not a record")
        << 200 << QByteArray("{\"items\": [{\"name\": \"x\"}], \"cursor\": \"1\"}")
        << Expect::Changes << Kind::Garbage;
    QTest::newRow("captive portal")
        << 200 << QByteArray("<html><body>Log in to the Wi-Fi</body></html>") << Expect::Changes
        << Kind::Garbage;
    QTest::newRow("half a body") << 200 << QByteArray("{\"items\": [{\"id\": \"3f2a")
                                 << Expect::Changes << Kind::Garbage;
    QTest::newRow("array") << 200 << QByteArray("[]") << Expect::Record << Kind::Garbage;
    QTest::newRow("stored") << 201 << record << Expect::Record << Kind::Ok;
    QTest::newRow("stored without version")
        << 200 << QByteArray("{\"id\": \"3f2a9c1e-0d4b\"}") << Expect::Record << Kind::Garbage;
    QTest::newRow("conflict") << 412 << QByteArray("{\"current\": " + record + "}")
                              << Expect::Record << Kind::Conflict;
    QTest::newRow("conflict, record itself") << 412 << record << Expect::Record << Kind::Conflict;
    QTest::newRow("conflict, unknown record")
        << 412 << QByteArray("{\"current\": null}") << Expect::Record << Kind::NotFound;
    QTest::newRow("conflict without record")
        << 412 << QByteArray("{\"error\": \"no\"}") << Expect::Record << Kind::Garbage;
    QTest::newRow("not found") << 404 << QByteArray() << Expect::Record << Kind::NotFound;
    QTest::newRow("wrong address")
        << 404 << QByteArray("Not Found") << Expect::Changes << Kind::Garbage;
    QTest::newRow("unauthorized") << 401 << QByteArray() << Expect::Changes << Kind::Refused;
    QTest::newRow("forbidden") << 403 << QByteArray("{}") << Expect::Record << Kind::Refused;
    QTest::newRow("unavailable") << 503 << QByteArray() << Expect::Record << Kind::Unavailable;
    QTest::newRow("too many") << 429 << QByteArray() << Expect::Changes << Kind::Unavailable;
    QTest::newRow("bad request") << 400 << QByteArray("{\"error\": \"bad\"}") << Expect::Record
                                 << Kind::Garbage;
    QTest::newRow("healthy") << 200 << QByteArray("ok") << Expect::Health << Kind::Ok;
    QTest::newRow("unhealthy") << 404 << QByteArray() << Expect::Health << Kind::Garbage;
}

} // namespace

class TestMedsServiceClient : public QObject {
    Q_OBJECT

private slots:
    void classifiesAnswers_data() { answerRows(); }
    void classifiesAnswers() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Expect, expect);
        QFETCH(Kind, kind);
        const ServiceAnswer answer = MedsServiceClient::interpret(
            status, body, expect, QStringLiteral("http://kilo-meds:8080"));
        QCOMPARE(answer.kind, kind);
        QCOMPARE(answer.status, status);
        if (kind == Kind::Ok) {
            QVERIFY(answer.error.isEmpty());
        } else if (kind != Kind::Conflict) {
            QVERIFY(!answer.error.isEmpty());
            QVERIFY2(answer.error.startsWith(QStringLiteral("the medication service")),
                     qPrintable(answer.error));
        }
        if (kind == Kind::Conflict)
            QCOMPARE(answer.record.value(QStringLiteral("version")).toInt(), 3);
    }
    void changesCarryItemsAndCursor() {
        const auto answer = MedsServiceClient::interpret(
            200,
            "{\"items\": [{\"id\": \"a1b2c3d4-0000\", \"version\": 1}, {\"id\": \"a1b2c3d4-0001\", "
            "\"version\": 2, \"deleted\": true}], \"cursor\": \"42\", \"more\": true}",
            Expect::Changes, QStringLiteral("http://kilo-meds:8080"));
        QCOMPARE(answer.items.size(), 2);
        QCOMPARE(answer.cursor, QStringLiteral("42"));
        QVERIFY(answer.more);
    }
    // Found by fuzz_meds_service_answer: the service's error text went into the message verbatim,
    // line breaks and escape codes included.
    void theServicesErrorTextBecomesOneLine() {
        const auto answer = MedsServiceClient::interpret(
            400, "{\"error\": \"bad cursor\\nline two\\r\\u001b[31m\\u2028end\"}", Expect::Changes,
            QStringLiteral("http://kilo-meds:8080"));
        QCOMPARE(answer.kind, Kind::Garbage);
        QVERIFY2(answer.error.contains(QStringLiteral("\"bad cursor line two [31m end\"")),
                 qPrintable(answer.error));
        for (const QChar c : answer.error)
            QVERIFY(c.category() != QChar::Other_Control && c != QChar::LineSeparator);
        const auto longer =
            MedsServiceClient::interpret(400, "{\"error\": \"" + QByteArray(500, 'x') + "\"}",
                                         Expect::Changes, QStringLiteral("http://kilo-meds:8080"));
        QVERIFY(longer.error.contains(QString(200, u'x') + u'"'));
        QVERIFY(!longer.error.contains(QString(201, u'x')));
    }
    void addressIsChecked() {
        QVERIFY(MedsServiceClient::checkBaseUrl(QUrl(QStringLiteral("http://kilo-meds:8080")))
                    .isEmpty());
        QVERIFY(MedsServiceClient::checkBaseUrl(QUrl(QStringLiteral("https://meds.home/base")))
                    .isEmpty());
        QVERIFY(
            !MedsServiceClient::checkBaseUrl(QUrl(QStringLiteral("ftp://kilo-meds"))).isEmpty());
        QVERIFY(!MedsServiceClient::checkBaseUrl(QUrl(QStringLiteral("kilo-meds"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMedsServiceClient)
#include "tst_meds_service_client.moc"
