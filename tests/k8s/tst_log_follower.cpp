// Following a pod's log: reopened after a drop without showing a line twice, a last line without a
// newline, a bounded buffer, and an error that ends it.
#include "k8s/api_client.h"
#include "k8s/log_follower.h"
#include "scripted_api_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using kiosk::k8s::LogFollower;

class TestLogFollower : public QObject {
    Q_OBJECT

    static std::unique_ptr<kiosk::k8s::ApiClient> clientFor(const QString &url) {
        kiosk::k8s::ClusterConnection connection;
        connection.server = QUrl(url);
        return std::make_unique<kiosk::k8s::ApiClient>(connection);
    }

private slots:
    void reopensWithoutRepeatingALine() {
        ScriptedApiServer server;
        int calls = 0;
        server.handler = [&calls](const ScriptedRequest &request) {
            ++calls;
            if (!request.path().endsWith("/pods/web-1/log"))
                return ScriptedResponse{404, "{}"};
            // The stream drops after two lines; reopened, the server sends them again (its
            // sinceSeconds is whole seconds) and then two new ones, one at the same instant.
            if (calls == 1)
                return ScriptedResponse{200,
                                        "2026-12-05T10:00:00.100000000Z one\n"
                                        "2026-12-05T10:00:00.200000000Z two\n",
                                        "text/plain"};
            if (calls == 2)
                return ScriptedResponse{200,
                                        "2026-12-05T10:00:00.100000000Z one\n"
                                        "2026-12-05T10:00:00.200000000Z two\n"
                                        "2026-12-05T10:00:00.200000000Z two again\n"
                                        "2026-12-05T10:00:01.000000000Z three",
                                        "text/plain"};
            const QJsonObject gone{{"kind", "Status"},
                                   {"status", "Failure"},
                                   {"reason", "NotFound"},
                                   {"code", 404},
                                   {"message", "pods \"web-1\" not found"}};
            return ScriptedResponse{404, QJsonDocument(gone).toJson()};
        };
        QVERIFY(server.listen());
        auto client = clientFor(server.url());
        LogFollower::Options options;
        options.follow = true;
        options.tailLines = 10;
        options.reconnectMs = 20;
        options.maxLines = 3;
        LogFollower follower(client.get(), "kilo", "web-1", QString(), options);
        QSignalSpy lines(&follower, &LogFollower::lineReceived);
        QSignalSpy finished(&follower, &LogFollower::finished);
        QSignalSpy notices(&follower, &LogFollower::notice);
        follower.start();
        QVERIFY(finished.wait(10000));
        QStringList texts;
        for (const auto &args : lines)
            texts << args.at(1).toString();
        QCOMPARE(texts, QStringList({"one", "two", "two again", "three"}));
        // The pod is gone: an end retrying cannot mend, with the server's words.
        QCOMPARE(finished.constFirst().at(0).toBool(), false);
        QVERIFY2(finished.constFirst().at(1).toString().contains("not found"),
                 qPrintable(finished.constFirst().at(1).toString()));
        QVERIFY(notices.size() >= 2); // each reopen said so
        QCOMPARE(follower.lines(), QStringList({"two", "two again", "three"})); // bounded
        // The first request asked for the tail, the reopen for what came since.
        QCOMPARE(server.requests.at(0).query("tailLines"), QStringLiteral("10"));
        QCOMPARE(server.requests.at(0).query("follow"), QStringLiteral("true"));
        QVERIFY(server.requests.at(1).query("tailLines").isEmpty());
        QVERIFY(server.requests.at(1).query("sinceSeconds").toInt() >= 1);
    }

    void withoutFollowReadsOnceAndEnds() {
        ScriptedApiServer server;
        server.handler = [](const ScriptedRequest &) {
            return ScriptedResponse{200, "2026-12-05T10:00:00Z only line", "text/plain"};
        };
        QVERIFY(server.listen());
        auto client = clientFor(server.url());
        LogFollower follower(client.get(), "kilo", "web-1", QString(), LogFollower::Options());
        QSignalSpy lines(&follower, &LogFollower::lineReceived);
        QSignalSpy finished(&follower, &LogFollower::finished);
        follower.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constFirst().at(0).toBool(), true);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.constFirst().at(1).toString(), QStringLiteral("only line"));
        QCOMPARE(server.requests.size(), 1);
        QVERIFY(server.requests.constFirst().query("follow").isEmpty());
    }

    void aDeploymentWithoutPodsIsAClearError() {
        const QJsonObject deployment{
            {"metadata", QJsonObject{{"name", "web"}}},
            {"spec",
             QJsonObject{{"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "web"}}}}}}}};
        ScriptedApiServer server;
        server.handler = [deployment](const ScriptedRequest &request) {
            if (request.path().endsWith("/deployments/web"))
                return ScriptedResponse{200, QJsonDocument(deployment).toJson()};
            return ScriptedResponse{
                200,
                QJsonDocument(QJsonObject{{"kind", "PodList"}, {"items", QJsonArray()}}).toJson()};
        };
        QVERIFY(server.listen());
        auto client = clientFor(server.url());
        LogFollower follower(client.get(), "kilo", QString(), "web", LogFollower::Options());
        QSignalSpy finished(&follower, &LogFollower::finished);
        follower.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constFirst().at(0).toBool(), false);
        QCOMPARE(finished.constFirst().at(1).toString(),
                 QStringLiteral("no pod of deployment web yet"));
    }
};

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_log_follower.moc"
