#include "k8s/api_client.h"
#include "k8s/resource_informer.h"
#include "scripted_api_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using kiosk::k8s::ApiClient;
using kiosk::k8s::ApiError;
using kiosk::k8s::ClusterConnection;
using kiosk::k8s::ResourceInformer;

namespace {
const QString kPath = QStringLiteral("/api/v1/namespaces/kilo-guardian/pods");

QJsonObject pod(const QString &name, const QString &rv) {
    return QJsonObject{{"kind", "Pod"},
                       {"metadata", QJsonObject{{"name", name}, {"resourceVersion", rv}}}};
}

QByteArray list(const QList<QJsonObject> &items, const QString &rv,
                const QString &continueToken = {}) {
    QJsonArray array;
    for (const auto &i : items)
        array.append(i);
    QJsonObject metadata{{"resourceVersion", rv}};
    if (!continueToken.isEmpty())
        metadata.insert("continue", continueToken);
    return QJsonDocument(QJsonObject{{"kind", "PodList"}, {"metadata", metadata}, {"items", array}})
        .toJson(QJsonDocument::Compact);
}

QByteArray watchEvent(const char *type, const QJsonObject &object) {
    return QJsonDocument(QJsonObject{{"type", type}, {"object", object}})
        .toJson(QJsonDocument::Compact);
}

ClusterConnection connectionTo(const QString &url) {
    ClusterConnection c;
    c.server = QUrl(url);
    return c;
}
} // namespace

class TestResourceInformer : public QObject {
    Q_OBJECT

private slots:
    // A report's order: by name, read from the keys (the names), whatever the hash's order.
    void sortedByNameOrdersByKey() {
        QHash<QString, QJsonObject> objects;
        QStringList names;
        for (int i = 0; i < 300; ++i) {
            const QString name = QStringLiteral("pod-%1").arg((i * 7919) % 1000);
            names << name;
            objects.insert(name, QJsonObject{{"metadata", QJsonObject{{"name", name}}}});
        }
        names.sort();
        QStringList sorted;
        for (const QJsonObject &o : ResourceInformer::sortedByName(objects))
            sorted << o["metadata"].toObject()["name"].toString();
        QCOMPARE(sorted, names);
        QVERIFY(ResourceInformer::sortedByName({}).isEmpty());
    }

    void reportsTheNamesEachBatchTouched() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1")
                return {200, QByteArray(), "application/json", true};
            return {200, list({pod("a", "1"), pod("b", "2"), pod("c", "3")}, "10")};
        };
        ClientFixture f(server.url());
        QSignalSpy batches(f.informer, &ResourceInformer::objectsChanged);
        f.informer->start();
        QTRY_COMPARE(batches.count(), 1);
        QVERIFY(batches.at(0).at(1).toBool()); // the list replaced everything
        batches.clear();

        server.push(watchEvent("MODIFIED", pod("a", "11")));
        server.push(watchEvent("DELETED", pod("b", "12")));
        server.push(watchEvent("ADDED", pod("d", "13")));
        QTRY_COMPARE(f.informer->resourceVersion(), QStringLiteral("13"));
        QTRY_VERIFY(!batches.isEmpty());
        QSet<QString> touched;
        for (const auto &batch : batches) {
            QVERIFY(!batch.at(1).toBool());
            for (const auto &name : batch.at(0).toStringList())
                touched.insert(name);
        }
        QCOMPARE(touched, (QSet<QString>{"a", "b", "d"})); // c untouched
    }

    void listsInPagesThenFollowsTheWatch() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1") {
                if (r.query("resourceVersion") != "10" || r.query("allowWatchBookmarks") != "true")
                    return {400, "{}"};
                return {200, watchEvent("ADDED", pod("c", "11")) + "\n", "application/json", true};
            }
            if (r.query("limit") != "2")
                return {400, "{}"};
            if (r.query("continue").isEmpty())
                return {200, list({pod("a", "1"), pod("b", "2")}, "10", "page2")};
            return {200, list({pod("z", "3")}, "10")};
        };
        ClientFixture f(server.url());
        f.informer->setPageSize(2);
        QSignalSpy changed(f.informer, &ResourceInformer::changed);
        f.informer->start();
        QTRY_VERIFY(f.informer->hasSynced());
        QCOMPARE(f.informer->state(), ResourceInformer::State::Live);
        QTRY_COMPARE(f.informer->objects().size(), 4); // a, b, z, then c from the watch
        QCOMPARE(f.informer->resourceVersion(), QStringLiteral("11"));

        server.push(watchEvent("MODIFIED", pod("a", "12")));
        server.push(watchEvent("DELETED", pod("b", "13")));
        server.push(watchEvent("BOOKMARK",
                               QJsonObject{{"metadata", QJsonObject{{"resourceVersion", "20"}}}}));
        QTRY_COMPARE(f.informer->resourceVersion(), QStringLiteral("20"));
        QCOMPARE(f.informer->objects().size(), 3);
        QCOMPARE(f.informer->objects()
                     .value("a")
                     .value("metadata")
                     .toObject()
                     .value("resourceVersion")
                     .toString(),
                 "12");
        QVERIFY(!f.informer->objects().contains("b"));
        QVERIFY(f.informer->lastContact().isValid());
        // Changes are batched, not one signal per event.
        QVERIFY(changed.count() <= 3);
        QCOMPARE(server.count(kPath, false), 2);
        QCOMPARE(server.count(kPath, true), 1);
    }

    void cachesListedAndWatchedPodsTrimmed() {
        const auto bulky = [](const QString &name, const QString &rv) {
            QJsonObject object = pod(name, rv);
            QJsonObject metadata = object.value("metadata").toObject();
            metadata.insert("managedFields", QJsonArray{QJsonObject{{"manager", "kubectl"}}});
            metadata.insert("labels", QJsonObject{{"app", "kilo-meds"}});
            object.insert("metadata", metadata);
            object.insert(
                "spec",
                QJsonObject{{"nodeName", "kilo-server"},
                            {"volumes", QJsonArray{QJsonObject{{"name", "kube-api-access"}}}},
                            {"containers", QJsonArray{QJsonObject{{"name", "meds"},
                                                                  {"image", "kilo-meds:cb1"}}}}});
            return object;
        };
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [&](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1")
                return {200, watchEvent("ADDED", bulky("c", "11")) + "\n", "application/json",
                        true};
            return {200, list({bulky("a", "1"), bulky("b", "2")}, "10")};
        };
        ClientFixture f(server.url());
        f.informer->start();
        QTRY_COMPARE(f.informer->objects().size(), 3);
        for (const QString name : {"a", "b", "c"}) {
            const QJsonObject object = f.informer->objects().value(name);
            QVERIFY(!object.value("metadata").toObject().contains("managedFields"));
            QVERIFY(!object.value("spec").toObject().contains("volumes"));
            QCOMPARE(object.value("metadata").toObject().value("labels"),
                     QJsonValue(QJsonObject{{"app", "kilo-meds"}}));
            QCOMPARE(object.value("spec").toObject().value("nodeName").toString(),
                     QStringLiteral("kilo-server"));
            QCOMPARE(object.value("spec")
                         .toObject()
                         .value("containers")
                         .toArray()
                         .at(0)
                         .toObject()
                         .value("image")
                         .toString(),
                     QStringLiteral("kilo-meds:cb1"));
        }
    }

    void goneEventRelists() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        int lists = 0;
        server.handler = [&](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1") {
                if (lists == 1)
                    return {
                        200,
                        watchEvent("ERROR", QJsonObject{{"kind", "Status"},
                                                        {"code", 410},
                                                        {"reason", "Expired"},
                                                        {"message", "too old resource version"}}) +
                            "\n",
                        "application/json", true};
                return {200, "", "application/json", true};
            }
            ++lists;
            return {200, list({pod(QStringLiteral("p%1").arg(lists), "5")}, "5")};
        };
        ClientFixture f(server.url());
        f.informer->start();
        QTRY_COMPARE(lists, 2);
        QTRY_VERIFY(f.informer->objects().contains("p2"));
        QVERIFY(!f.informer->objects().contains("p1")); // the re-list replaced the old state
        QTRY_COMPARE(f.informer->state(), ResourceInformer::State::Live);
    }

    void garbageOnTheWatchRelists() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        int lists = 0;
        server.handler = [&](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1")
                return {200, lists == 1 ? QByteArray("this is not json\n") : QByteArray(),
                        "application/json", true};
            ++lists;
            return {200, list({pod("a", "1")}, "1")};
        };
        ClientFixture f(server.url());
        f.informer->setBackoff(10, 50);
        QSignalSpy errors(f.informer, &ResourceInformer::errorOccurred);
        f.informer->start();
        QTRY_COMPARE(lists, 2);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().first().value<ApiError>().kind, ApiError::Kind::Malformed);
    }

    void unreachableServerRetriesAndKeepsLastState() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        const quint16 port = server.port();
        server.handler = [](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1")
                return {200, "", "application/json", true};
            return {200, list({pod("a", "1")}, "1")};
        };
        ClientFixture f(server.url());
        f.informer->setBackoff(20, 100);
        f.informer->start();
        QTRY_COMPARE(f.informer->state(), ResourceInformer::State::Live);
        server.close();
        QTRY_COMPARE(f.informer->state(), ResourceInformer::State::Reconnecting);
        QCOMPARE(f.informer->objects().size(), 1); // last known state stays on screen
        QTRY_COMPARE(f.informer->lastError().kind, ApiError::Kind::Network);
        QVERIFY(f.informer->lastError().message.contains("connection refused"));

        ScriptedApiServer again;
        again.handler = server.handler;
        QVERIFY(again.listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(f.informer->state(), ResourceInformer::State::Live, 10000);
    }

    // Found by bench/cluster_soak (--drop-watch-after): a watch cut after its 200 headers was
    // reported as an error of kind None, so people saw "reconnecting" with no reason given.
    void watchCutMidStreamIsANetworkErrorAndResumes() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1")
                return {200,
                        r.query("resourceVersion") == "1"
                            ? watchEvent("ADDED", pod("b", "5")) + "\n"
                            : QByteArray(),
                        "application/json", true};
            return {200, list({pod("a", "1")}, "1")};
        };
        ClientFixture f(server.url());
        f.informer->setBackoff(20, 100);
        QSignalSpy errors(f.informer, &ResourceInformer::errorOccurred);
        f.informer->start();
        QTRY_COMPARE(f.informer->objects().size(), 2);
        QTRY_COMPARE(server.openStreams.size(), 1);
        server.abortStreams();
        QTRY_COMPARE(errors.size(), 1);
        const ApiError error = errors.first().first().value<ApiError>();
        QVERIFY2(error.isError(), qPrintable(error.message));
        QCOMPARE(error.kind, ApiError::Kind::Network);
        QVERIFY2(error.message.contains(QStringLiteral("was cut")), qPrintable(error.message));
        // It resumes from the last event it saw, without listing again.
        QTRY_COMPARE(server.count(kPath, true), 2);
        QCOMPARE(server.requests.last().query("resourceVersion"), QStringLiteral("5"));
        QTRY_COMPARE(f.informer->state(), ResourceInformer::State::Live);
        QCOMPARE(server.count(kPath, false), 1);
        QCOMPARE(f.informer->objects().size(), 2);
    }

    // Found by bench/cluster_soak: in a namespace of a hundred objects, watch events kept
    // subtrees that no cached object used any more (old statuses) until 20,000 of them, so RSS
    // rose by about 0.4 MiB a minute for the first half hour. The pool is now bounded by the cache.
    void watchPoolStaysBoundedByTheCache() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [](const ScriptedRequest &r) -> ScriptedResponse {
            if (r.query("watch") == "1")
                return {200, "", "application/json", true};
            return {200, list({pod("a", "1")}, "1")};
        };
        ClientFixture f(server.url());
        f.informer->start();
        QTRY_COMPARE(server.openStreams.size(), 1);
        QTRY_COMPARE(f.informer->state(), ResourceInformer::State::Live);
        // Every other status repeats, so the slot stays worth pooling; the rest are new each time.
        constexpr int kEvents = 3000;
        for (int i = 1; i <= kEvents; ++i) {
            QJsonObject p = pod("a", QString::number(i + 1));
            p.insert("status", QJsonObject{{"phase", "Running"},
                                           {"detail", QJsonObject{{"n", i % 2 ? i : 0}}}});
            server.push(watchEvent("MODIFIED", p));
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.informer->resourceVersion(), QString::number(kEvents + 1),
                                  20000);
        QCOMPARE(f.informer->objects().size(), 1);
        // At most 4 pooled subtrees per cached object, and never fewer than 500 (plus one event's).
        QVERIFY2(f.informer->pooledSubtrees() <= 510,
                 qPrintable(QString::number(f.informer->pooledSubtrees())));
    }

    void statusErrorsAreShownByTheirMessage_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("needle");
        QTest::newRow("401") << 401
                             << QByteArray("{\"kind\":\"Status\",\"code\":401,\"reason\":"
                                           "\"Unauthorized\",\"message\":\"Unauthorized\"}")
                             << int(ApiError::Kind::Unauthorized) << "unauthorized";
        QTest::newRow("403")
            << 403
            << QByteArray("{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\",\"message\":"
                          "\"pods is forbidden: User \\\"system:serviceaccount:kilo:kiosk\\\" "
                          "cannot list resource \\\"pods\\\" in API group \\\"\\\" in the "
                          "namespace \\\"kilo-guardian\\\"\"}")
            << int(ApiError::Kind::Forbidden) << "cannot list resource \"pods\"";
        QTest::newRow("500 garbage")
            << 500 << QByteArray("<html>oops</html>") << int(ApiError::Kind::Server) << "HTTP 500";
    }

    void statusErrorsAreShownByTheirMessage() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, needle);
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [&](const ScriptedRequest &) -> ScriptedResponse {
            return {status, body};
        };
        ClientFixture f(server.url());
        f.informer->setBackoff(1000, 1000);
        f.informer->start();
        QTRY_COMPARE(int(f.informer->lastError().kind), kind);
        QVERIFY2(f.informer->lastError().message.contains(needle),
                 qPrintable(f.informer->lastError().message));
        QVERIFY(!f.informer->hasSynced());
    }

    void malformedListIsAnError() {
        ScriptedApiServer server;
        QVERIFY(server.listen());
        server.handler = [](const ScriptedRequest &) -> ScriptedResponse {
            return {200, "{\"kind\": \"PodList\", \"items\": 5"};
        };
        ClientFixture f(server.url());
        f.informer->setBackoff(1000, 1000);
        f.informer->start();
        QTRY_COMPARE(f.informer->lastError().kind, ApiError::Kind::Malformed);
    }

private:
    struct ClientFixture {
        explicit ClientFixture(const QString &url)
            : client(connectionTo(url))
            , informer(new ResourceInformer(&client, kPath, &client)) {
            informer->setBatchInterval(20);
        }
        ApiClient client;
        ResourceInformer *informer;
    };
};

QTEST_GUILESS_MAIN(TestResourceInformer)
#include "tst_resource_informer.moc"
