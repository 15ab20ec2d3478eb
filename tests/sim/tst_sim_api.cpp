// The simulator's REST API over real HTTP: the kilo-guardian scenario's numbers, discovery,
// paging, watches (events, bookmarks, 410), preconditions, dry runs, patches, Status errors,
// body limits, controllers (scale, rollback, history limit, garbage collection), the kubelet
// stand-in's logs, authentication and fault injection.
#include "sim/api_server.h"
#include "sim/object_store.h"
#include "sim/resource_type.h"

#include "sim_client.h"

#include <QElapsedTimer>
#include <ctime>
#include <functional>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace kiosk::sim;

namespace {

const ResourceCatalog &catalog() {
    return ResourceCatalog::instance();
}

int countIn(const ObjectStore *store, const ResourceType &type, const QString &ns) {
    return int(store->list(type, ns).size());
}

QJsonObject statusOf(const SimReply &reply) {
    const QJsonObject object = reply.json();
    return object.value(QStringLiteral("kind")).toString() == QLatin1String("Status")
               ? object
               : QJsonObject();
}

QString rsNamespacePath(const QString &name = {}) {
    return QStringLiteral("/apis/apps/v1/namespaces/kilo-guardian/replicasets") +
           (name.isEmpty() ? QString() : QLatin1Char('/') + name);
}

// Sends raw bytes and returns what the server answers before closing (or the timeout).
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&]() { socket.write(bytes); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop,
                     [&]() { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    received += socket.readAll();
    return received;
}

} // namespace

class TestSimApi : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ApiServer> startServer(ApiServerOptions options = {}) {
        auto server = std::make_unique<ApiServer>(options);
        if (!server->listen())
            qWarning() << server->errorString();
        return server;
    }

private slots:
    void scenarioMatchesTheIncident() {
        ApiServer server;
        QVERIFY(server.isDemoScenarioLoaded());
        QVERIFY2(server.scenarioLoadMilliseconds() < 1000,
                 qPrintable(QString::number(server.scenarioLoadMilliseconds())));
        const ObjectStore *store = server.store();
        const QString ns = QStringLiteral("kilo-guardian");
        QCOMPARE(countIn(store, catalog().deployments(), ns), 14);
        QCOMPARE(countIn(store, catalog().replicaSets(), ns), 78);
        QCOMPARE(countIn(store, catalog().pods(), ns), 14);
        QCOMPARE(countIn(store, catalog().services(), ns), 15);
        int zero = 0;
        int orphans = 0;
        QHash<QString, int> oldPerDeployment;
        for (const QJsonObject &rs : store->list(catalog().replicaSets(), ns)) {
            const QJsonObject meta = rs.value("metadata").toObject();
            const bool owned = !meta.value("ownerReferences").toArray().isEmpty();
            const qint64 replicas = rs.value("spec").toObject().value("replicas").toInteger();
            if (replicas == 0)
                ++zero;
            if (!owned)
                ++orphans;
            else if (replicas == 0)
                ++oldPerDeployment[meta.value("ownerReferences")
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value("name")
                                       .toString()];
        }
        QCOMPARE(zero, 64);
        QCOMPARE(orphans, 1);
        QCOMPARE(oldPerDeployment.value("kilo-frontend"), 10);
        QCOMPARE(oldPerDeployment.value("kilo-financial"), 8);
        QCOMPARE(oldPerDeployment.value("kilo-meds"), 7);
        QCOMPARE(oldPerDeployment.value("kilo-socketio"), 1);
        const auto meds = store->get(catalog().deployments(), ns, QStringLiteral("kilo-meds"));
        QVERIFY(meds);
        const QJsonObject container = meds->value("spec")
                                          .toObject()
                                          .value("template")
                                          .toObject()
                                          .value("spec")
                                          .toObject()
                                          .value("containers")
                                          .toArray()
                                          .at(0)
                                          .toObject();
        QCOMPARE(container.value("name").toString(), QStringLiteral("meds"));
        QCOMPARE(container.value("image").toString(), QStringLiteral("kilo-meds:ai-brain-ocr-v2"));
        QCOMPARE(meds->value("spec").toObject().value("revisionHistoryLimit").toInt(), 10);
        QCOMPARE(meds->value("spec")
                     .toObject()
                     .value("selector")
                     .toObject()
                     .value("matchLabels")
                     .toObject()
                     .value("app")
                     .toString(),
                 QStringLiteral("kilo-meds"));
    }

    void unknownScenarioFailsToListen() {
        ApiServerOptions options;
        options.scenario = QStringLiteral("nope");
        ApiServer server(options);
        QVERIFY(!server.listen());
        QVERIFY(server.errorString().contains(QStringLiteral("unknown scenario")));
    }

    void discovery() {
        auto server = startServer();
        SimClient client(server->url());
        QCOMPARE(client.get("/version").json().value("gitVersion").toString(),
                 QStringLiteral("v1.31.4+k3s1"));
        QCOMPARE(client.get("/api").json().value("versions").toArray().at(0).toString(),
                 QStringLiteral("v1"));
        QCOMPARE(client.get("/apis")
                     .json()
                     .value("groups")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("name")
                     .toString(),
                 QStringLiteral("apps"));
        const QJsonArray core = client.get("/api/v1").json().value("resources").toArray();
        QStringList names;
        for (const auto &r : core)
            names.append(r.toObject().value("name").toString());
        for (const char *expected :
             {"pods", "pods/log", "pods/status", "namespaces", "services", "events", "nodes"})
            QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
        bool scale = false;
        for (const auto &r : client.get("/apis/apps/v1").json().value("resources").toArray()) {
            if (r.toObject().value("name").toString() == QLatin1String("deployments/scale")) {
                scale = true;
                QCOMPARE(r.toObject().value("group").toString(), QStringLiteral("autoscaling"));
                QCOMPARE(r.toObject().value("kind").toString(), QStringLiteral("Scale"));
            }
        }
        QVERIFY(scale);
        for (const char *path :
             {"/apis/batch/v1", "/api/v2/pods", "/api/v1/namespaces/kilo-guardian/widgets", "/nope",
              "/api/v1/namespaces/kilo-guardian/pods/x/exec"}) {
            const SimReply reply = client.get(QString::fromLatin1(path));
            QCOMPARE(reply.status, 404);
            QCOMPARE(statusOf(reply).value("reason").toString(), QStringLiteral("NotFound"));
        }
        const SimReply missing =
            client.get("/apis/apps/v1/namespaces/kilo-guardian/deployments/nope");
        QCOMPARE(missing.status, 404);
        QCOMPARE(statusOf(missing).value("message").toString(),
                 QStringLiteral("deployments.apps \"nope\" not found"));
        QCOMPARE(statusOf(missing).value("details").toObject().value("kind").toString(),
                 QStringLiteral("deployments"));
    }

    void listSelectorsAndTable() {
        auto server = startServer();
        SimClient client(server->url());
        const SimReply list = client.get(rsNamespacePath() + "?labelSelector=app%3Dkilo-meds");
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value("kind").toString(), QStringLiteral("ReplicaSetList"));
        QCOMPARE(list.json().value("items").toArray().size(), 8);
        QVERIFY(!list.json().value("items").toArray().at(0).toObject().contains("kind"));
        const SimReply byName =
            client.get("/apis/apps/v1/deployments?fieldSelector=metadata.name%3Dkilo-meds");
        QCOMPARE(byName.json().value("items").toArray().size(), 1);
        const SimReply badField = client.get("/api/v1/pods?fieldSelector=spec.nope%3Dx");
        QCOMPARE(badField.status, 400);
        QCOMPARE(statusOf(badField).value("message").toString(),
                 QStringLiteral("field label not supported: spec.nope"));
        const SimReply badLabel = client.get("/api/v1/pods?labelSelector=app%3D%3D%3D");
        QCOMPARE(badLabel.status, 400);
        const SimReply table =
            client.get("/api/v1/namespaces/kilo-guardian/pods?labelSelector=app%3Dkilo-meds",
                       "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        QCOMPARE(table.json().value("kind").toString(), QStringLiteral("Table"));
        const QJsonArray cells =
            table.json().value("rows").toArray().at(0).toObject().value("cells").toArray();
        QCOMPARE(cells.at(1).toString(), QStringLiteral("0/1"));
        QCOMPARE(cells.at(2).toString(), QStringLiteral("CrashLoopBackOff"));
        QVERIFY(cells.at(3).toString().contains(QStringLiteral("ago")));
        const SimReply protobufOnly =
            client.get("/api/v1/pods", "application/vnd.kubernetes.protobuf");
        QCOMPARE(protobufOnly.status, 406);
    }

    void paging() {
        auto server = startServer();
        SimClient client(server->url());
        QSet<QString> seen;
        QString continueToken;
        int pages = 0;
        do {
            QString path = rsNamespacePath() + "?limit=10";
            if (!continueToken.isEmpty())
                path += "&continue=" + QString::fromLatin1(QUrl::toPercentEncoding(continueToken));
            const SimReply page = client.get(path);
            QCOMPARE(page.status, 200);
            const QJsonObject meta = page.json().value("metadata").toObject();
            if (pages == 0)
                QCOMPARE(meta.value("remainingItemCount").toInt(), 68);
            for (const auto &item : page.json().value("items").toArray()) {
                const QJsonObject itemMeta = item.toObject().value("metadata").toObject();
                seen.insert(itemMeta.value("name").toString());
                QVERIFY2(!itemMeta.value("labels").toObject().contains("changed"),
                         "a change made after the first page leaked into the list");
            }
            continueToken = meta.value("continue").toString();
            if (pages == 0) {
                // Changes after the first page: the rest of the list still shows the first page's
                // revision.
                for (const QJsonObject &rs :
                     server->store()->list(catalog().replicaSets(), "kilo-guardian")) {
                    const QString name = rs.value("metadata").toObject().value("name").toString();
                    if (rs.value("metadata")
                            .toObject()
                            .value("ownerReferences")
                            .toArray()
                            .isEmpty())
                        QCOMPARE(client.request("DELETE", rsNamespacePath(name)).status, 200);
                    else if (name.startsWith(QStringLiteral("kilo-voice-")))
                        QCOMPARE(client
                                     .request("PATCH", rsNamespacePath(name),
                                              R"({"metadata":{"labels":{"changed":"yes"}}})",
                                              "application/merge-patch+json")
                                     .status,
                                 200);
                }
            }
            ++pages;
        } while (!continueToken.isEmpty() && pages < 20);
        QCOMPARE(pages, 8);
        QCOMPARE(seen.size(), 78);
        QCOMPARE(client.get(rsNamespacePath()).json().value("items").toArray().size(),
                 77); // a fresh list sees the deletion
        const SimReply bad = client.get(rsNamespacePath() + "?limit=5&continue=garbage");
        QCOMPARE(bad.status, 400);
    }

    void tooOldResourceVersions() {
        ApiServerOptions options;
        options.watchHistoryLimit = 5;
        auto server = startServer(options);
        SimClient client(server->url());
        const SimReply first = client.get(rsNamespacePath() + "?limit=10");
        const QString token =
            first.json().value("metadata").toObject().value("continue").toString();
        QVERIFY(!token.isEmpty());
        for (int i = 0; i < 8; ++i) {
            const SimReply patched = client.request(
                "PATCH", "/api/v1/namespaces/kilo-guardian/services/kilo-voice",
                QStringLiteral(R"({"metadata":{"labels":{"n":"%1"}}})").arg(i).toUtf8(),
                "application/merge-patch+json");
            QCOMPARE(patched.status, 200);
        }
        const SimReply expired = client.get(rsNamespacePath() + "?limit=10&continue=" +
                                            QString::fromLatin1(QUrl::toPercentEncoding(token)));
        QCOMPARE(expired.status, 410);
        QCOMPARE(statusOf(expired).value("reason").toString(), QStringLiteral("Expired"));
        QList<QJsonObject> events;
        QNetworkReply *watch = client.stream(
            "/api/v1/namespaces/kilo-guardian/services?watch=true&resourceVersion=2", &events);
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 5000);
        QCOMPARE(events.first().value("type").toString(), QStringLiteral("ERROR"));
        QCOMPARE(events.first().value("object").toObject().value("code").toInt(), 410);
        QTRY_VERIFY_WITH_TIMEOUT(watch->isFinished(), 5000);
        watch->deleteLater();
        const SimReply future = client.get("/api/v1/services?resourceVersion=99999999");
        QCOMPARE(future.status, 504);
    }

    void watchDeliversChangesAndBookmarks() {
        ApiServerOptions options;
        options.bookmarkIntervalMs = 200;
        auto server = startServer(options);
        SimClient client(server->url());
        const SimReply list = client.get("/apis/apps/v1/namespaces/kilo-guardian/deployments");
        const QString rv =
            list.json().value("metadata").toObject().value("resourceVersion").toString();
        QList<QJsonObject> events;
        QNetworkReply *watch =
            client.stream("/apis/apps/v1/namespaces/kilo-guardian/"
                          "deployments?watch=1&allowWatchBookmarks=true&resourceVersion=" +
                              rv + "&fieldSelector=metadata.name%3Dkilo-voice&timeoutSeconds=30",
                          &events);
        // The server answers a watch's head (200) when it has registered it; only then is the
        // change below sure to be one the watch sees as it happens.
        QTRY_COMPARE_WITH_TIMEOUT(
            watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200, 5000);
        const SimReply patched =
            client.request("PATCH", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-voice",
                           R"({"metadata":{"labels":{"watched":"yes"}}})",
                           "application/strategic-merge-patch+json");
        QCOMPARE(patched.status, 200);
        client.request("PATCH", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-cam",
                       R"({"metadata":{"labels":{"watched":"no"}}})",
                       "application/merge-patch+json");
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.cbegin(), events.cend(),
                                             [](const QJsonObject &e) {
                                                 return e.value("type").toString() ==
                                                        QLatin1String("BOOKMARK");
                                             }),
                                 5000);
        bool modified = false;
        for (const QJsonObject &e : std::as_const(events)) {
            if (e.value("type").toString() == QLatin1String("MODIFIED")) {
                modified = true;
                QCOMPARE(e.value("object")
                             .toObject()
                             .value("metadata")
                             .toObject()
                             .value("name")
                             .toString(),
                         QStringLiteral("kilo-voice"));
            }
        }
        QVERIFY(modified);
        watch->abort();
        watch->deleteLater();

        // sendInitialEvents: everything first, then a bookmark marking the end of the initial
        // events.
        QList<QJsonObject> initial;
        QNetworkReply *list2 =
            client.stream("/api/v1/namespaces/kilo-guardian/"
                          "pods?watch=true&sendInitialEvents=true&resourceVersionMatch="
                          "NotOlderThan&allowWatchBookmarks=true",
                          &initial);
        QTRY_COMPARE_WITH_TIMEOUT(initial.size(), 15, 5000);
        QCOMPARE(initial.last().value("type").toString(), QStringLiteral("BOOKMARK"));
        QCOMPARE(initial.last()
                     .value("object")
                     .toObject()
                     .value("metadata")
                     .toObject()
                     .value("annotations")
                     .toObject()
                     .value("k8s.io/initial-events-end")
                     .toString(),
                 QStringLiteral("true"));
        list2->abort();
        list2->deleteLater();
    }

    void deletePreconditionsAndDryRun() {
        auto server = startServer();
        SimClient client(server->url());
        const QString orphan = [&]() {
            for (const QJsonObject &rs :
                 server->store()->list(catalog().replicaSets(), QStringLiteral("kilo-guardian"))) {
                if (rs.value("metadata").toObject().value("ownerReferences").toArray().isEmpty())
                    return rs.value("metadata").toObject().value("name").toString();
            }
            return QString();
        }();
        QVERIFY(!orphan.isEmpty());
        const QJsonObject current = client.get(rsNamespacePath(orphan)).json();
        const QString uid = current.value("metadata").toObject().value("uid").toString();
        const QString rv = current.value("metadata").toObject().value("resourceVersion").toString();

        const SimReply wrongUid = client.send(
            "DELETE", rsNamespacePath(orphan),
            QJsonObject{
                {"kind", "DeleteOptions"},
                {"apiVersion", "v1"},
                {"preconditions", QJsonObject{{"uid", "00000000-0000-0000-0000-000000000000"}}}});
        QCOMPARE(wrongUid.status, 409);
        QCOMPARE(statusOf(wrongUid).value("reason").toString(), QStringLiteral("Conflict"));
        QVERIFY(statusOf(wrongUid).value("message").toString().contains(
            QStringLiteral("Precondition failed: UID in precondition")));
        const SimReply wrongRv = client.send(
            "DELETE", rsNamespacePath(orphan),
            QJsonObject{{"preconditions", QJsonObject{{"uid", uid}, {"resourceVersion", "1"}}}});
        QCOMPARE(wrongRv.status, 409);

        const SimReply dry = client.send(
            "DELETE", rsNamespacePath(orphan) + "?dryRun=All",
            QJsonObject{{"preconditions", QJsonObject{{"uid", uid}, {"resourceVersion", rv}}},
                        {"propagationPolicy", "Background"}});
        QCOMPARE(dry.status, 200);
        QVERIFY(server->store()->contains(catalog().replicaSets(), QStringLiteral("kilo-guardian"),
                                          orphan));
        const SimReply badDry = client.request("DELETE", rsNamespacePath(orphan) + "?dryRun=Some");
        QCOMPARE(badDry.status, 422);

        const SimReply done = client.send(
            "DELETE", rsNamespacePath(orphan),
            QJsonObject{{"preconditions", QJsonObject{{"uid", uid}, {"resourceVersion", rv}}},
                        {"propagationPolicy", "Background"}});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json().value("status").toString(), QStringLiteral("Success"));
        QCOMPARE(done.json().value("details").toObject().value("uid").toString(), uid);
        QVERIFY(!server->store()->contains(catalog().replicaSets(), QStringLiteral("kilo-guardian"),
                                           orphan));
        QCOMPARE(client.request("DELETE", rsNamespacePath(orphan)).status, 404);
    }

    void createValidationAndDryRun() {
        auto server = startServer();
        SimClient client(server->url());
        const QJsonObject deployment{
            {"apiVersion", "apps/v1"},
            {"kind", "Deployment"},
            {"metadata", QJsonObject{{"name", "kilo-test"}}},
            {"spec",
             QJsonObject{
                 {"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "kilo-test"}}}}},
                 {"template",
                  QJsonObject{
                      {"metadata", QJsonObject{{"labels", QJsonObject{{"app", "kilo-test"}}}}},
                      {"spec", QJsonObject{{"containers",
                                            QJsonArray{QJsonObject{
                                                {"name", "web"}, {"image", "nginx:1.27"}}}}}}}}}}};
        const QString path = QStringLiteral("/apis/apps/v1/namespaces/kilo-guardian/deployments");
        const SimReply dry = client.send("POST", path + "?dryRun=All", deployment);
        QCOMPARE(dry.status, 201);
        QCOMPARE(dry.json().value("spec").toObject().value("revisionHistoryLimit").toInt(), 10);
        QVERIFY(!server->store()->contains(catalog().deployments(), QStringLiteral("kilo-guardian"),
                                           QStringLiteral("kilo-test")));
        const SimReply created = client.send("POST", path, deployment);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("metadata").toObject().value("generation").toInt(), 1);
        QVERIFY(!created.json().value("metadata").toObject().value("uid").toString().isEmpty());
        const SimReply again = client.send("POST", path, deployment);
        QCOMPARE(again.status, 409);
        QCOMPARE(statusOf(again).value("reason").toString(), QStringLiteral("AlreadyExists"));
        // The controllers take it from there: a ReplicaSet and a running pod.
        QTRY_VERIFY_WITH_TIMEOUT(
            server->store()
                    ->get(catalog().deployments(), "kilo-guardian", "kilo-test")
                    ->value("status")
                    .toObject()
                    .value("availableReplicas")
                    .toInt() == 1,
            8000);

        QJsonObject invalid = deployment;
        QJsonObject spec = invalid.value("spec").toObject();
        spec.insert("selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "other"}}}});
        invalid.insert("spec", spec);
        invalid.insert("metadata", QJsonObject{{"name", "Bad_Name"}});
        const SimReply rejected = client.send("POST", path, invalid);
        QCOMPARE(rejected.status, 422);
        const QJsonObject status = statusOf(rejected);
        QCOMPARE(status.value("reason").toString(), QStringLiteral("Invalid"));
        QStringList fields;
        for (const auto &cause : status.value("details").toObject().value("causes").toArray())
            fields.append(cause.toObject().value("field").toString());
        QVERIFY(fields.contains("metadata.name"));
        QVERIFY(fields.contains("spec.template.metadata.labels"));
        QVERIFY(status.value("message").toString().startsWith(
            QStringLiteral("Deployment.apps \"Bad_Name\" is invalid")));

        const SimReply noNamespace =
            client.send("POST", "/api/v1/namespaces/missing/services",
                        QJsonObject{{"metadata", QJsonObject{{"name", "x"}}}});
        QCOMPARE(noNamespace.status, 404);
        const SimReply wrongKind = client.send(
            "POST", path,
            QJsonObject{
                {"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", QJsonObject{{"name", "p"}}}});
        QCOMPARE(wrongKind.status, 400);
    }

    void badBodies() {
        auto server = startServer();
        SimClient client(server->url());
        const QString path = QStringLiteral("/api/v1/namespaces/kilo-guardian/services");
        for (const QByteArray &body :
             {QByteArray("{not json"), QByteArray("[1,2]"), QByteArray(""),
              QByteArray("{\"metadata\":5}"), QByteArray("{\"spec\":[1]}")}) {
            const SimReply reply = client.request("POST", path, body);
            QCOMPARE(reply.status, 400);
            QCOMPARE(statusOf(reply).value("reason").toString(), QStringLiteral("BadRequest"));
        }
        QCOMPARE(client.request("POST", path, "a: b", "application/x-yaml").status, 415);
        QCOMPARE(client.request("PATCH", path + "/kilo-voice", "{}", "application/apply-patch+yaml")
                     .status,
                 415);
        QCOMPARE(
            client.request("PATCH", path + "/kilo-voice", "{broken", "application/merge-patch+json")
                .status,
            400);
        QCOMPARE(client.request("PATCH", path + "/kilo-voice", "{}", "application/json-patch+json")
                     .status,
                 400);
        QCOMPARE(client.request("PUT", path, "{}").status, 405);
        QCOMPARE(client.request("POST", path + "/kilo-voice", "{}").status, 405);

        // Oversized: refused from the Content-Length alone, before the body arrives.
        const QByteArray reply =
            rawExchange(server->port(), "POST " + path.toLatin1() +
                                            " HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                            "application/json\r\nContent-Length: 4000000\r\n\r\n{");
        QVERIFY2(reply.startsWith("HTTP/1.1 413"), reply.constData());
        QVERIFY(reply.contains("RequestEntityTooLarge"));
        // Malformed HTTP gets a 400 and a closed connection, and the server keeps serving.
        QVERIFY(rawExchange(server->port(), "NOT-HTTP\r\n\r\n").startsWith("HTTP/1.1 400"));
        QCOMPARE(client.get("/version").status, 200);
    }

    void patchesAndReplace() {
        auto server = startServer();
        SimClient client(server->url());
        const QString path =
            QStringLiteral("/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-voice");
        const QJsonObject before = client.get(path).json();
        const qint64 generation =
            before.value("metadata").toObject().value("generation").toInteger();
        const SimReply json = client.request(
            "PATCH", path,
            R"([{"op":"replace","path":"/spec/revisionHistoryLimit","value":3},{"op":"add","path":"/metadata/annotations/x","value":"y"}])",
            "application/json-patch+json");
        QCOMPARE(json.status, 200);
        QCOMPARE(json.json().value("spec").toObject().value("revisionHistoryLimit").toInt(), 3);
        QCOMPARE(json.json().value("metadata").toObject().value("generation").toInteger(),
                 generation + 1);
        const SimReply failedTest =
            client.request("PATCH", path, R"([{"op":"test","path":"/spec/replicas","value":7}])",
                           "application/json-patch+json");
        QCOMPARE(failedTest.status, 422);
        const SimReply strategic = client.request(
            "PATCH", path,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"voice","env":[{"name":"LOG","value":"debug"}]}]}}}})",
            "application/strategic-merge-patch+json");
        QCOMPARE(strategic.status, 200);
        const QJsonObject container = strategic.json()
                                          .value("spec")
                                          .toObject()
                                          .value("template")
                                          .toObject()
                                          .value("spec")
                                          .toObject()
                                          .value("containers")
                                          .toArray()
                                          .at(0)
                                          .toObject();
        QCOMPARE(container.value("image").toString(), QStringLiteral("kilo-voice:v1.3.0"));
        QCOMPARE(container.value("env").toArray().size(), 3);
        // Replace with a stale resourceVersion: 409 Conflict.
        const SimReply stale = client.send("PUT", path, before);
        QCOMPARE(stale.status, 409);
        QVERIFY(statusOf(stale).value("message").toString().contains(
            QStringLiteral("the object has been modified")));
        // The deployment controller may write status between a GET and a PUT (a 409, checked
        // before validation as in kube-apiserver): read again and retry, as clients do.
        const auto putFresh = [&](const std::function<void(QJsonObject &)> &change) {
            SimReply reply;
            for (int attempt = 0; attempt < 5; ++attempt) {
                QJsonObject object = client.get(path).json();
                change(object);
                reply = client.send("PUT", path, object);
                if (reply.status != 409)
                    break;
            }
            return reply;
        };
        // Status is not writable through the main resource, and spec not through /status.
        const SimReply ignored = putFresh([](QJsonObject &latest) {
            QJsonObject statusBlock = latest.value("status").toObject();
            statusBlock.insert("replicas", 42);
            latest.insert("status", statusBlock);
        });
        QCOMPARE(ignored.status, 200);
        QVERIFY(ignored.json().value("status").toObject().value("replicas").toInt() != 42);
        // Immutable selector.
        const SimReply immutable = putFresh([](QJsonObject &current) {
            QJsonObject spec = current.value("spec").toObject();
            spec.insert("selector", QJsonObject{{"matchLabels",
                                                 QJsonObject{{"app", "kilo-voice"}, {"x", "y"}}}});
            current.insert("spec", spec);
        });
        QCOMPARE(immutable.status, 422);
        QVERIFY(statusOf(immutable).value("message").toString().contains(
            QStringLiteral("field is immutable")));
        // A no-op patch does not write. The deployment controller may write status between the
        // GET and the PATCH, so a changed version is retried; a patch that always wrote fails all.
        const auto resourceVersion = [](const SimReply &reply) {
            return reply.json().value("metadata").toObject().value("resourceVersion").toString();
        };
        bool noopKeptVersion = false;
        for (int attempt = 0; attempt < 5 && !noopKeptVersion; ++attempt) {
            const QString rv = resourceVersion(client.get(path));
            const SimReply noop = client.request("PATCH", path, R"({"spec":{"replicas":1}})",
                                                 "application/merge-patch+json");
            QCOMPARE(noop.status, 200);
            noopKeptVersion = resourceVersion(noop) == rv;
        }
        QVERIFY(noopKeptVersion);
        // Dry-run patch does not write.
        client.request("PATCH", path + "?dryRun=All", R"({"spec":{"replicas":5}})",
                       "application/merge-patch+json");
        QCOMPARE(client.get(path).json().value("spec").toObject().value("replicas").toInt(), 1);
    }

    void scaleAddsAPod() {
        auto server = startServer();
        SimClient client(server->url());
        const QString scale =
            QStringLiteral("/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-habits/scale");
        const SimReply current = client.get(scale);
        QCOMPARE(current.json().value("kind").toString(), QStringLiteral("Scale"));
        QCOMPARE(current.json().value("status").toObject().value("selector").toString(),
                 QStringLiteral("app=kilo-habits"));
        QCOMPARE(client
                     .request("PATCH", scale, R"({"spec":{"replicas":-1}})",
                              "application/merge-patch+json")
                     .status,
                 422);
        const SimReply patched = client.request("PATCH", scale, R"({"spec":{"replicas":2}})",
                                                "application/merge-patch+json");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value("spec").toObject().value("replicas").toInt(), 2);
        QElapsedTimer timer;
        timer.start();
        const auto runningPods = [&]() {
            int running = 0;
            for (const QJsonObject &pod :
                 server->store()->list(catalog().pods(), "kilo-guardian")) {
                if (pod.value("metadata")
                            .toObject()
                            .value("labels")
                            .toObject()
                            .value("app")
                            .toString() == QLatin1String("kilo-habits") &&
                    pod.value("status").toObject().value("phase").toString() ==
                        QLatin1String("Running"))
                    ++running;
            }
            return running;
        };
        QTRY_COMPARE_WITH_TIMEOUT(runningPods(), 2, 5000);
        qInfo("second kilo-habits pod Running after %lld ms", timer.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(
            client.get("/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-habits")
                .json()
                .value("status")
                .toObject()
                .value("availableReplicas")
                .toInt(),
            2, 5000);
        // Scale down: the newest pod goes (gracefully), the old one stays.
        client.request("PATCH", scale, R"({"spec":{"replicas":1}})",
                       "application/merge-patch+json");
        QTRY_COMPARE_WITH_TIMEOUT(runningPods(), 1, 5000);
    }

    void rollbackLikeKubectlAndHistoryLimit() {
        auto server = startServer();
        SimClient client(server->url());
        const QString ns = QStringLiteral("kilo-guardian");
        // What kubectl rollout undo sends: the previous revision's template (without the hash
        // label) as a JSON patch.
        QJsonObject cb1;
        for (const QJsonObject &rs : server->store()->list(catalog().replicaSets(), ns)) {
            if (rs.value("metadata")
                        .toObject()
                        .value("annotations")
                        .toObject()
                        .value("deployment.kubernetes.io/revision")
                        .toString() == QLatin1String("7") &&
                rs.value("metadata")
                        .toObject()
                        .value("labels")
                        .toObject()
                        .value("app")
                        .toString() == QLatin1String("kilo-meds"))
                cb1 = rs;
        }
        QVERIFY(!cb1.isEmpty());
        QJsonObject podTemplate = cb1.value("spec").toObject().value("template").toObject();
        QJsonObject meta = podTemplate.value("metadata").toObject();
        QJsonObject labels = meta.value("labels").toObject();
        labels.remove("pod-template-hash");
        meta.insert("labels", labels);
        podTemplate.insert("metadata", meta);
        const QJsonArray patch{
            QJsonObject{{"op", "replace"}, {"path", "/spec/template"}, {"value", podTemplate}},
            QJsonObject{
                {"op", "replace"},
                {"path", "/metadata/annotations"},
                {"value",
                 QJsonObject{{"deployment.kubernetes.io/revision", "8"},
                             {"kubernetes.io/change-cause",
                              "kubectl set image deployment/kilo-meds meds=kilo-meds:cb1"}}}}};
        const SimReply reply =
            client.request("PATCH", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-meds",
                           QJsonDocument(patch).toJson(), "application/json-patch+json");
        QCOMPARE(reply.status, 200);
        const QString cb1Name = cb1.value("metadata").toObject().value("name").toString();
        QTRY_VERIFY_WITH_TIMEOUT(server->store()
                                         ->get(catalog().deployments(), ns, "kilo-meds")
                                         ->value("status")
                                         .toObject()
                                         .value("availableReplicas")
                                         .toInt() == 1,
                                 8000);
        const QJsonObject deployment =
            *server->store()->get(catalog().deployments(), ns, "kilo-meds");
        QCOMPARE(deployment.value("metadata")
                     .toObject()
                     .value("annotations")
                     .toObject()
                     .value("deployment.kubernetes.io/revision")
                     .toString(),
                 QStringLiteral("9"));
        QJsonObject progressing;
        for (const auto &c : deployment.value("status").toObject().value("conditions").toArray())
            if (c.toObject().value("type").toString() == QLatin1String("Progressing"))
                progressing = c.toObject();
        QTRY_VERIFY_WITH_TIMEOUT(server->store()
                                         ->get(catalog().deployments(), ns, "kilo-meds")
                                         ->value("status")
                                         .toObject()
                                         .value("conditions")
                                         .toArray()
                                         .at(1)
                                         .toObject()
                                         .value("reason")
                                         .toString() == QLatin1String("NewReplicaSetAvailable"),
                                 5000);
        const QJsonObject reused = *server->store()->get(catalog().replicaSets(), ns, cb1Name);
        QCOMPARE(reused.value("metadata")
                     .toObject()
                     .value("annotations")
                     .toObject()
                     .value("deployment.kubernetes.io/revision")
                     .toString(),
                 QStringLiteral("9"));
        QCOMPARE(reused.value("metadata")
                     .toObject()
                     .value("annotations")
                     .toObject()
                     .value("deployment.kubernetes.io/revision-history")
                     .toString(),
                 QStringLiteral("7"));
        QCOMPARE(countIn(server->store(), catalog().replicaSets(), ns),
                 78); // a reused ReplicaSet, not a new one

        // Cap the history: the controller removes the oldest old ReplicaSets.
        client.request("PATCH", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-frontend",
                       R"({"spec":{"revisionHistoryLimit":3}})", "application/merge-patch+json");
        const auto frontendSets = [&]() {
            int n = 0;
            for (const QJsonObject &rs : server->store()->list(catalog().replicaSets(), ns))
                n += rs.value("metadata")
                         .toObject()
                         .value("labels")
                         .toObject()
                         .value("app")
                         .toString() == QLatin1String("kilo-frontend");
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(frontendSets(), 4, 5000);
    }

    void garbageCollectionAndOrphaning() {
        auto server = startServer();
        SimClient client(server->url());
        const QString ns = QStringLiteral("kilo-guardian");
        const auto countApp = [&](const ResourceType &type, const QString &app) {
            int n = 0;
            for (const QJsonObject &o : server->store()->list(type, ns))
                n += o.value("metadata")
                         .toObject()
                         .value("labels")
                         .toObject()
                         .value("app")
                         .toString() == app;
            return n;
        };
        QCOMPARE(countApp(catalog().replicaSets(), "kilo-voice"), 4);
        const SimReply deleted =
            client.send("DELETE", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-voice",
                        QJsonObject{{"propagationPolicy", "Background"}});
        QCOMPARE(deleted.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(countApp(catalog().replicaSets(), "kilo-voice"), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(countApp(catalog().pods(), "kilo-voice"), 0, 5000);
        // Orphan: the ReplicaSets stay, without their owner reference.
        QJsonObject ollama =
            client.get("/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-ollama").json();
        const SimReply orphaned =
            client.send("DELETE", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-ollama",
                        QJsonObject{{"propagationPolicy", "Orphan"}});
        QCOMPARE(orphaned.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            !server->store()->contains(catalog().deployments(), ns, "kilo-ollama"), 5000);
        QCOMPARE(countApp(catalog().replicaSets(), "kilo-ollama"), 4);
        for (const QJsonObject &rs : server->store()->list(catalog().replicaSets(), ns)) {
            if (rs.value("metadata")
                    .toObject()
                    .value("labels")
                    .toObject()
                    .value("app")
                    .toString() == QLatin1String("kilo-ollama"))
                QVERIFY(
                    rs.value("metadata").toObject().value("ownerReferences").toArray().isEmpty());
        }
        // The same deployment created again adopts them: no new ReplicaSet, the old pod keeps
        // running.
        ollama.remove("status");
        ollama.insert("metadata", QJsonObject{{"name", "kilo-ollama"}});
        QCOMPARE(client.send("POST", "/apis/apps/v1/namespaces/kilo-guardian/deployments", ollama)
                     .status,
                 201);
        const auto owned = [&]() {
            int n = 0;
            for (const QJsonObject &rs : server->store()->list(catalog().replicaSets(), ns))
                n += rs.value("metadata")
                             .toObject()
                             .value("labels")
                             .toObject()
                             .value("app")
                             .toString() == QLatin1String("kilo-ollama") &&
                     rs.value("metadata").toObject().value("ownerReferences").toArray().size() == 1;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(owned(), 4, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(server->store()
                                      ->get(catalog().deployments(), ns, "kilo-ollama")
                                      ->value("status")
                                      .toObject()
                                      .value("availableReplicas")
                                      .toInt(),
                                  1, 5000);
        QCOMPARE(countApp(catalog().replicaSets(), "kilo-ollama"), 4);
        QCOMPARE(countApp(catalog().pods(), "kilo-ollama"), 1);
        // Foreground: the deployment waits for its dependents.
        const SimReply foreground =
            client.send("DELETE", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-cam",
                        QJsonObject{{"propagationPolicy", "Foreground"}});
        QCOMPARE(foreground.status, 200);
        QVERIFY(foreground.json()
                    .value("metadata")
                    .toObject()
                    .value("finalizers")
                    .toArray()
                    .contains(QStringLiteral("foregroundDeletion")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !server->store()->contains(catalog().deployments(), ns, "kilo-cam"), 8000);
        QCOMPARE(countApp(catalog().replicaSets(), "kilo-cam"), 0);
    }

    void kubeletLogsAndStatus() {
        auto server = startServer();
        SimClient client(server->url());
        QString medsPod;
        for (const QJsonObject &pod : server->store()->list(catalog().pods(), "kilo-guardian"))
            if (pod.value("metadata")
                    .toObject()
                    .value("labels")
                    .toObject()
                    .value("app")
                    .toString() == QLatin1String("kilo-meds"))
                medsPod = pod.value("metadata").toObject().value("name").toString();
        const QString base = QStringLiteral("/api/v1/namespaces/kilo-guardian/pods/") + medsPod;
        const SimReply previous = client.get(base + "/log?previous=true&tailLines=1", {});
        QCOMPARE(previous.status, 200);
        QCOMPARE(previous.body.trimmed(),
                 QByteArray("ModuleNotFoundError: No module named 'prometheus_client'"));
        QVERIFY(client.get(base + "/log?timestamps=true", {}).body.startsWith("20"));
        QCOMPARE(client.get(base + "/log?container=nope", {}).status, 400);
        QCOMPARE(client.get(base + "/log?tailLines=-3", {}).status, 422);

        // A pod nobody owns keeps the status clients write.
        const QJsonObject pod{
            {"apiVersion", "v1"},
            {"kind", "Pod"},
            {"metadata", QJsonObject{{"name", "manual"}}},
            {"spec", QJsonObject{{"containers",
                                  QJsonArray{QJsonObject{{"name", "c"}, {"image", "nginx"}}}}}}};
        QCOMPARE(client.send("POST", "/api/v1/namespaces/kilo-guardian/pods", pod).status, 201);
        const SimReply waiting = client.get("/api/v1/namespaces/kilo-guardian/pods/manual/log", {});
        QCOMPARE(waiting.status, 400);
        QVERIFY(statusOf(waiting).value("message").toString().contains(
            QStringLiteral("is waiting to start")));
        QJsonObject current = client.get("/api/v1/namespaces/kilo-guardian/pods/manual").json();
        current.insert("status", QJsonObject{{"phase", "Failed"},
                                             {"reason", "Evicted"},
                                             {"message", "The node was low on resource: memory."}});
        const SimReply replaced =
            client.send("PUT", "/api/v1/namespaces/kilo-guardian/pods/manual/status", current);
        QCOMPARE(replaced.status, 200);
        const auto reason = [&]() {
            return client.get("/api/v1/namespaces/kilo-guardian/pods/manual")
                .json()
                .value("status")
                .toObject()
                .value("reason")
                .toString();
        };
        // First what was written is there (the positive condition), then it stays: a negative
        // check needs a bounded wait. 700 ms outlasts the kubelet's steps for a new pod (bind
        // after 50 ms, start 100 ms later), the ones that would overwrite an owned pod's status.
        QCOMPARE(reason(), QStringLiteral("Evicted"));
        QTest::qWait(700);
        QCOMPARE(reason(), QStringLiteral("Evicted"));
    }

    void unknownImageGoesImagePullBackOff() {
        auto server = startServer();
        SimClient client(server->url());
        client.request(
            "PATCH", "/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-library",
            R"({"spec":{"template":{"spec":{"containers":[{"name":"library","image":"kilo-library:does-not-exist"}]}}}})",
            "application/strategic-merge-patch+json");
        const auto waitingReason = [&]() {
            for (const QJsonObject &pod :
                 server->store()->list(catalog().pods(), "kilo-guardian")) {
                const QJsonObject status = pod.value("status")
                                               .toObject()
                                               .value("containerStatuses")
                                               .toArray()
                                               .at(0)
                                               .toObject();
                if (status.value("image").toString() ==
                    QLatin1String("kilo-library:does-not-exist"))
                    return status.value("state")
                        .toObject()
                        .value("waiting")
                        .toObject()
                        .value("reason")
                        .toString();
            }
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(waitingReason(), QStringLiteral("ImagePullBackOff"), 8000);
        // The old pod keeps serving (maxUnavailable 25% of 1 is 0).
        QCOMPARE(server->store()
                     ->get(catalog().deployments(), "kilo-guardian", "kilo-library")
                     ->value("status")
                     .toObject()
                     .value("availableReplicas")
                     .toInt(),
                 1);
    }

    void progressDeadlineExceeded() {
        auto server = startServer();
        SimClient client(server->url());
        const QJsonObject deployment{
            {"apiVersion", "apps/v1"},
            {"kind", "Deployment"},
            {"metadata", QJsonObject{{"name", "kilo-broken"}}},
            {"spec",
             QJsonObject{
                 {"progressDeadlineSeconds", 2},
                 {"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "kilo-broken"}}}}},
                 {"template",
                  QJsonObject{
                      {"metadata", QJsonObject{{"labels", QJsonObject{{"app", "kilo-broken"}}}}},
                      {"spec", QJsonObject{{"containers",
                                            QJsonArray{QJsonObject{
                                                {"name", "broken"},
                                                {"image", "registry.local/crashloop:1"}}}}}}}}}}};
        QCOMPARE(
            client.send("POST", "/apis/apps/v1/namespaces/kilo-guardian/deployments", deployment)
                .status,
            201);
        const auto progressing = [&]() {
            const auto d =
                server->store()->get(catalog().deployments(), "kilo-guardian", "kilo-broken");
            for (const auto &c : d->value("status").toObject().value("conditions").toArray())
                if (c.toObject().value("type").toString() == QLatin1String("Progressing"))
                    return c.toObject().value("reason").toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(progressing(), QStringLiteral("ProgressDeadlineExceeded"), 20000);
        // The pod went through a crash and a restart on the way.
        const auto restarted = [&]() {
            for (const QJsonObject &pod :
                 server->store()->list(catalog().pods(), "kilo-guardian")) {
                const QJsonObject status = pod.value("status")
                                               .toObject()
                                               .value("containerStatuses")
                                               .toArray()
                                               .at(0)
                                               .toObject();
                if (status.value("image").toString() == QLatin1String("registry.local/crashloop:1"))
                    return status.value("restartCount").toInt() >= 1 && status.value("lastState")
                                                                                .toObject()
                                                                                .value("terminated")
                                                                                .toObject()
                                                                                .value("exitCode")
                                                                                .toInt() == 1;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(restarted(), 10000);
        QCOMPARE(progressing(),
                 QStringLiteral("ProgressDeadlineExceeded")); // never ready, so no progress since
        // Scale read as a Table falls back to the object (no printer for Scale), not a crash.
        QCOMPARE(client
                     .get("/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-broken/scale",
                          "application/json;as=Table;v=v1;g=meta.k8s.io")
                     .status,
                 200);
    }

    void namespaceLifecycle() {
        auto server = startServer();
        SimClient client(server->url());
        QCOMPARE(client
                     .send("POST", "/api/v1/namespaces",
                           QJsonObject{{"metadata", QJsonObject{{"name", "scratch"}}}})
                     .status,
                 201);
        QCOMPARE(client
                     .send("POST", "/api/v1/namespaces",
                           QJsonObject{{"metadata", QJsonObject{{"name", "Not.A.Label"}}}})
                     .status,
                 422);
        const QJsonObject cm{
            {"metadata", QJsonObject{{"name", "web"}}},
            {"spec", QJsonObject{{"ports", QJsonArray{QJsonObject{{"port", 80}}}}}}};
        const SimReply created = client.send("POST", "/api/v1/namespaces/scratch/services", cm);
        QCOMPARE(created.status, 201);
        QVERIFY(created.json()
                    .value("spec")
                    .toObject()
                    .value("clusterIP")
                    .toString()
                    .startsWith(QStringLiteral("10.43.")));
        const SimReply deleting = client.request("DELETE", "/api/v1/namespaces/scratch");
        QCOMPARE(deleting.status, 200);
        QCOMPARE(deleting.json().value("status").toObject().value("phase").toString(),
                 QStringLiteral("Terminating"));
        const SimReply refused = client.send("POST", "/api/v1/namespaces/scratch/services", cm);
        QCOMPARE(refused.status, 403);
        QTRY_COMPARE_WITH_TIMEOUT(client.get("/api/v1/namespaces/scratch").status, 404, 5000);
        QCOMPARE(client.get("/api/v1/namespaces/scratch/services/web").status, 404);
    }

    void tokens() {
        ApiServerOptions options;
        options.token = QStringLiteral("s3cret");
        options.readOnlyToken = QStringLiteral("viewer");
        auto server = startServer(options);
        SimClient anonymous(server->url());
        const SimReply denied = anonymous.get("/api/v1/namespaces/kilo-guardian/pods");
        QCOMPARE(denied.status, 401);
        QCOMPARE(statusOf(denied).value("reason").toString(), QStringLiteral("Unauthorized"));
        SimClient wrong(server->url(), "nope");
        QCOMPARE(wrong.get("/version").status, 401);
        SimClient admin(server->url(), "s3cret");
        QCOMPARE(admin.get("/api/v1/namespaces/kilo-guardian/pods").status, 200);
        SimClient viewer(server->url(), "viewer");
        QCOMPARE(viewer.get("/apis/apps/v1/namespaces/kilo-guardian/deployments").status, 200);
        const SimReply forbidden = viewer.request("DELETE", rsNamespacePath("whatever"));
        QCOMPARE(forbidden.status, 403);
        QVERIFY(statusOf(forbidden).value("message").toString().contains(
            QStringLiteral("cannot delete resource \"replicasets\" in API group \"apps\" in the "
                           "namespace \"kilo-guardian\"")));
        QVERIFY(server->kubeconfig().contains(QStringLiteral("token: \"s3cret\"")));
        // SelfSubjectAccessReview (kubectl auth can-i): anyone may ask; the answer follows the
        // token.
        const QJsonObject review{{"apiVersion", "authorization.k8s.io/v1"},
                                 {"kind", "SelfSubjectAccessReview"},
                                 {"spec", QJsonObject{{"resourceAttributes",
                                                       QJsonObject{{"namespace", "kilo-guardian"},
                                                                   {"verb", "delete"},
                                                                   {"group", "apps"},
                                                                   {"resource", "replicasets"}}}}}};
        const SimReply viewerAnswer =
            viewer.send("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review);
        QCOMPARE(viewerAnswer.status, 201);
        QCOMPARE(viewerAnswer.json().value("status").toObject().value("allowed").toBool(), false);
        QCOMPARE(
            admin.send("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review)
                .json()
                .value("status")
                .toObject()
                .value("allowed")
                .toBool(),
            true);
        QCOMPARE(admin
                     .send("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                           QJsonObject{{"spec", QJsonObject()}})
                     .status,
                 422);
        QCOMPARE(admin.get("/apis").json().value("groups").toArray().size(), 2);
    }

    void httpsWithTokenAndClientCertificates() {
        const QString dir = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/sim/");
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(dir + "ca.crt");
        QCOMPARE(ca.size(), 1);
        ApiServerOptions options;
        options.token = QStringLiteral("tls-token");
        options.tlsCertificateFile = dir + "server.crt";
        options.tlsKeyFile = dir + "server.key";
        auto server = startServer(options);
        QVERIFY(server->isListening());
        QCOMPARE(server->url().scheme(), QStringLiteral("https"));
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(ca);
        SimClient client(server->url(), "tls-token");
        client.setSslConfiguration(trusting);
        QCOMPARE(client.get("/apis/apps/v1/namespaces/kilo-guardian/deployments")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 14);
        SimClient untrusting(server->url(), "tls-token");
        QVERIFY(untrusting.get("/version").error !=
                QNetworkReply::NoError); // the test CA is not a system CA

        // Client certificates required (as k3s): the CA's client gets in, others do not.
        ApiServerOptions mutual = options;
        mutual.token.clear();
        mutual.clientCaFile = dir + "ca.crt";
        auto strict = startServer(mutual);
        QVERIFY(strict->isListening());
        QFile keyFile(dir + "client.key");
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration withCert = trusting;
        withCert.setLocalCertificate(QSslCertificate::fromPath(dir + "client.crt").value(0));
        withCert.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        SimClient admin(strict->url());
        admin.setSslConfiguration(withCert);
        QCOMPARE(admin.get("/api/v1/namespaces/kilo-guardian/pods").status, 200);
        SimClient anonymous(strict->url());
        anonymous.setSslConfiguration(trusting);
        const SimReply refused = anonymous.get("/version");
        QVERIFY(refused.status == 0 && refused.error != QNetworkReply::NoError);
        QCOMPARE(strict->requestsServed(), 1);

        // Misconfiguration is reported, not crashed on.
        ApiServerOptions broken;
        broken.tlsCertificateFile = dir + "missing.crt";
        broken.tlsKeyFile = dir + "server.key";
        ApiServer bad(broken);
        QVERIFY(!bad.listen());
        QVERIFY(bad.errorString().contains(QStringLiteral("missing.crt")));
        ApiServerOptions caWithoutTls;
        caWithoutTls.clientCaFile = dir + "ca.crt";
        ApiServer plain(caWithoutTls);
        QVERIFY(!plain.listen());
    }

    void faultInjection() {
        ApiServerOptions failing;
        failing.failRate = 1.0;
        auto broken = startServer(failing);
        SimClient client(broken->url());
        const SimReply unavailable = client.get("/api/v1/pods");
        QCOMPARE(unavailable.status, 503);
        QCOMPARE(statusOf(unavailable).value("reason").toString(),
                 QStringLiteral("ServiceUnavailable"));

        ApiServerOptions slow;
        slow.latencyMs = 300;
        slow.dropWatchAfterSeconds = 1;
        auto lagging = startServer(slow);
        SimClient slowClient(lagging->url());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(slowClient.get("/version").status, 200);
        QVERIFY(timer.elapsed() >= 280);
        QList<QJsonObject> events;
        QNetworkReply *watch =
            slowClient.stream("/api/v1/namespaces/kilo-guardian/pods?watch=true", &events);
        QTRY_VERIFY_WITH_TIMEOUT(watch->isFinished(), 5000);
        QCOMPARE(events.size(), 14);
        QVERIFY(watch->error() != QNetworkReply::NoError); // cut, not ended cleanly
        watch->deleteLater();

        // Faults switched at run time, as a reliability test does.
        auto server = startServer();
        SimClient runtime(server->url());
        const QString rv = runtime.get("/api/v1/namespaces/kilo-guardian/pods")
                               .json()
                               .value("metadata")
                               .toObject()
                               .value("resourceVersion")
                               .toString();
        QList<QJsonObject> live;
        QNetworkReply *open = runtime.stream(
            "/api/v1/namespaces/kilo-guardian/pods?watch=true&resourceVersion=" + rv, &live);
        // Drop once the watch has started (its headers are in), which takes longer on a busy
        // machine.
        QTRY_VERIFY_WITH_TIMEOUT(
            open->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid(), 5000);
        QVERIFY(server->dropConnections() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(open->isFinished(), 5000);
        QVERIFY(open->error() != QNetworkReply::NoError);
        open->deleteLater();
        runtime.request("PATCH", "/api/v1/namespaces/kilo-guardian/services/kilo-voice",
                        R"({"metadata":{"labels":{"a":"b"}}})", "application/merge-patch+json");
        server->compactHistory();
        QList<QJsonObject> stale;
        QNetworkReply *again = runtime.stream(
            "/api/v1/namespaces/kilo-guardian/pods?watch=true&resourceVersion=" + rv, &stale);
        QTRY_VERIFY_WITH_TIMEOUT(again->isFinished(), 5000);
        QCOMPARE(stale.value(0).value("object").toObject().value("code").toInt(), 410);
        again->deleteLater();
        server->setFailRate(1.0);
        QCOMPARE(runtime.get("/version").status, 503);
        server->setFailRate(0.0);
        QCOMPARE(runtime.get("/version").status, 200);
    }

    void scaleScenario() {
        ApiServerOptions options;
        options.scenario = QStringLiteral("scale");
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        ApiServer server(options);
        const qint64 built = timer.elapsed();
        const qint64 cpuMs = qint64(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC;
        qInfo("scale scenario built in %lld ms (%lld ms of CPU)", built, cpuMs);
        QVERIFY(server.isDemoScenarioLoaded());
        QCOMPARE(countIn(server.store(), catalog().deployments(), "scale"), 5000);
        QCOMPARE(countIn(server.store(), catalog().replicaSets(), "scale"), 25000);
        QCOMPARE(countIn(server.store(), catalog().pods(), "scale"), 5000);
        // Speed is measured by bench/cluster_scale_bench, not asserted here: a Debug build under
        // the sanitizers takes twice the Release time, and a timed test fails for a busy machine.
        QVERIFY(server.listen());
        SimClient client(server.url());
        timer.restart();
        const SimReply page = client.get("/apis/apps/v1/namespaces/scale/replicasets?limit=500");
        QCOMPARE(page.json().value("items").toArray().size(), 500);
        QCOMPARE(page.json().value("metadata").toObject().value("remainingItemCount").toInt(),
                 24500);
        qInfo("first page of 500 ReplicaSets in %lld ms", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestSimApi)
#include "tst_sim_api.moc"
