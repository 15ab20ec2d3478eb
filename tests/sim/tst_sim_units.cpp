// Units of the simulator that need no server: the store's index of uncontrolled objects, patches,
// selectors, the HTTP request parser,
// kubectl's pod STATUS text, durations, the pod-template-hash and boolean query parameters.
#include "sim/http_request_parser.h"
#include "sim/json_patch.h"
#include "sim/label_selector.h"
#include "sim/object_store.h"
#include "sim/object_util.h"
#include "sim/query_bool.h"
#include "sim/table_converter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace kiosk::sim;

namespace {
QJsonObject parse(const char *json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
QJsonArray parseArray(const char *json) {
    return QJsonDocument::fromJson(QByteArray(json)).array();
}
QJsonObject fixture(const QString &relative) {
    QFile file(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/k8s/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
// Feeds `raw` in pieces of `piece` bytes as HttpConnection does (small limits: 256-byte bodies,
// 512-byte heads); returns the complete requests and the error status (0: none).
std::pair<QList<HttpRequest>, int> parseAll(const QByteArray &raw, qsizetype piece) {
    HttpRequestParser parser(256, 512);
    QByteArray buffer;
    QList<HttpRequest> requests;
    for (qsizetype pos = 0; pos < raw.size(); pos += piece) {
        buffer += raw.mid(pos, piece);
        while (!buffer.isEmpty() || parser.headersDone()) {
            const auto result = parser.feed(buffer);
            if (result == HttpRequestParser::Result::Error)
                return {requests, parser.errorStatus()};
            if (result == HttpRequestParser::Result::NeedMore)
                break;
            requests.append(parser.takeRequest());
        }
    }
    return {requests, 0};
}
} // namespace

class TestSimUnits : public QObject {
    Q_OBJECT

private slots:
    // What the controllers may adopt: objects without a controller reference, kept through
    // create, update (gaining and losing the reference) and remove, in key order, per namespace.
    void storeKeepsUncontrolledObjects() {
        ObjectStore store;
        const ResourceType &rs = ResourceCatalog::instance().replicaSets();
        const auto object = [](const QString &ns, const QString &name, bool controlled) {
            QJsonObject meta{{"name", name}, {"namespace", ns}};
            if (controlled)
                meta.insert("ownerReferences", QJsonArray{QJsonObject{{"kind", "Deployment"},
                                                                      {"name", "web"},
                                                                      {"uid", "u-1"},
                                                                      {"controller", true}}});
            return QJsonObject{{"metadata", meta}};
        };
        const auto names = [&](const QString &ns) {
            QStringList out;
            for (const QJsonObject &o : store.uncontrolled(rs, ns))
                out << util::name(o);
            return out;
        };
        store.create(rs, object("a", "c", false));
        store.create(rs, object("a", "b", true));
        store.create(rs, object("a", "a", false));
        store.create(rs, object("b", "z", false));
        QCOMPARE(names("a"), (QStringList{"a", "c"}));
        QCOMPARE(names(QString()), (QStringList{"a", "c", "z"}));
        store.update(rs, object("a", "a", true));  // adopted
        store.update(rs, object("a", "b", false)); // released
        QCOMPARE(names("a"), (QStringList{"b", "c"}));
        store.remove(rs, "a", "c");
        QCOMPARE(names("a"), QStringList{"b"});
        QCOMPARE(store.dependents("u-1").size(), 1);
    }

    void jsonPatchOperations() {
        const QJsonObject doc = parse(
            R"({"spec":{"template":{"a":1},"list":[1,2,3]},"metadata":{"annotations":{"x/y":"1"}}})");
        QString error;
        const auto patched = JsonPatch::applyJsonPatch(doc, parseArray(R"([
            {"op":"replace","path":"/spec/template","value":{"b":2}},
            {"op":"add","path":"/spec/list/-","value":4},
            {"op":"remove","path":"/spec/list/0"},
            {"op":"test","path":"/metadata/annotations/x~1y","value":"1"},
            {"op":"copy","from":"/spec/template","path":"/spec/copy"},
            {"op":"move","from":"/spec/copy","path":"/moved"}
        ])"),
                                                       &error);
        QVERIFY2(patched.has_value(), qPrintable(error));
        QCOMPARE(patched->value("spec").toObject().value("template").toObject(),
                 parse(R"({"b":2})"));
        QCOMPARE(patched->value("spec").toObject().value("list").toArray(), parseArray("[2,3,4]"));
        QCOMPARE(patched->value("moved").toObject(), parse(R"({"b":2})"));
        QVERIFY(!patched->value("spec").toObject().contains("copy"));
    }

    void jsonPatchFailures_data() {
        QTest::addColumn<QByteArray>("operations");
        QTest::newRow("test fails") << QByteArray(R"([{"op":"test","path":"/a","value":2}])");
        QTest::newRow("replace missing")
            << QByteArray(R"([{"op":"replace","path":"/nope","value":1}])");
        QTest::newRow("remove missing") << QByteArray(R"([{"op":"remove","path":"/b/c"}])");
        QTest::newRow("bad index") << QByteArray(R"([{"op":"add","path":"/l/9","value":1}])");
        QTest::newRow("unknown op") << QByteArray(R"([{"op":"frobnicate","path":"/a"}])");
        QTest::newRow("no value") << QByteArray(R"([{"op":"add","path":"/z"}])");
        QTest::newRow("bad pointer") << QByteArray(R"([{"op":"add","path":"a","value":1}])");
    }

    void jsonPatchFailures() {
        QFETCH(QByteArray, operations);
        QString error;
        const auto patched = JsonPatch::applyJsonPatch(
            parse(R"({"a":1,"l":[1]})"), QJsonDocument::fromJson(operations).array(), &error);
        QVERIFY(!patched.has_value());
        QVERIFY(!error.isEmpty());
    }

    void mergePatch() {
        const QJsonObject result = JsonPatch::applyMergePatch(
            parse(R"({"a":{"b":1,"c":2},"l":[1,2]})"), parse(R"({"a":{"b":null,"d":3},"l":[9]})"));
        QCOMPARE(result, parse(R"({"a":{"c":2,"d":3},"l":[9]})"));
    }

    void strategicMergeByKey() {
        const QJsonObject doc = parse(R"({"spec":{"template":{"spec":{"containers":[
            {"name":"meds","image":"kilo-meds:ai-brain-ocr-v2","env":[{"name":"A","value":"1"}]},
            {"name":"sidecar","image":"busybox"}]}}},
            "metadata":{"finalizers":["a"]}})");
        QString error;
        const auto patched = JsonPatch::applyStrategicMergePatch(
            doc, parse(R"({"spec":{"template":{"spec":{"containers":[
            {"name":"meds","image":"kilo-meds:cb1","env":[{"name":"B","value":"2"}]},
            {"name":"sidecar","$patch":"delete"},
            {"name":"new","image":"nginx"}]}}},
            "metadata":{"finalizers":["b"]}})"),
            &error);
        QVERIFY2(patched.has_value(), qPrintable(error));
        const QJsonArray containers = patched->value("spec")
                                          .toObject()
                                          .value("template")
                                          .toObject()
                                          .value("spec")
                                          .toObject()
                                          .value("containers")
                                          .toArray();
        QCOMPARE(containers.size(), 2);
        QCOMPARE(containers.at(0).toObject().value("image").toString(),
                 QStringLiteral("kilo-meds:cb1"));
        QCOMPARE(containers.at(0).toObject().value("env").toArray().size(), 2);
        QCOMPARE(containers.at(1).toObject().value("name").toString(), QStringLiteral("new"));
        QCOMPARE(patched->value("metadata").toObject().value("finalizers").toArray(),
                 parseArray(R"(["a","b"])"));
    }

    void strategicMergeDirectives() {
        QString error;
        const auto replaced = JsonPatch::applyStrategicMergePatch(
            parse(R"({"spec":{"a":1,"b":2}})"), parse(R"({"spec":{"$patch":"replace","c":3}})"),
            &error);
        QVERIFY(replaced.has_value());
        QCOMPARE(replaced->value("spec").toObject(), parse(R"({"c":3})"));
        const auto retained = JsonPatch::applyStrategicMergePatch(
            parse(R"({"s":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}})"),
            parse(R"({"s":{"$retainKeys":["type"],"type":"Recreate"}})"), &error);
        QVERIFY(retained.has_value());
        QCOMPARE(retained->value("s").toObject(), parse(R"({"type":"Recreate"})"));
        const auto bad = JsonPatch::applyStrategicMergePatch(
            parse(R"({"spec":{"containers":[]}})"),
            parse(R"({"spec":{"containers":[{"image":"x"}]}})"), &error);
        QVERIFY(!bad.has_value());
        QVERIFY(error.contains(QStringLiteral("merge key")));
    }

    // Found by fuzz/fuzz_json_patch: a new list element was stored with the directives of its own
    // lists still in it ("$patch" on an env entry), so the same patch applied again (kubectl
    // apply does) met them on the stored element and failed, or removed what it had just added.
    void strategicMergeNewElementHonoursNestedDirectives() {
        const QJsonObject doc = parse(R"({"spec":{"containers":[{"name":"meds","image":"a"}]}})");
        QString error;
        const QJsonObject patch = parse(R"({"spec":{"containers":[{"name":"sidecar","image":"b",
            "env":[{"name":"A","value":"1"},{"name":"GONE","$patch":"delete"}],
            "resources":{"$retainKeys":["limits"],"limits":{"cpu":"1"}}}]}})");
        const auto once = JsonPatch::applyStrategicMergePatch(doc, patch, &error);
        QVERIFY2(once.has_value(), qPrintable(error));
        const QJsonObject sidecar =
            once->value("spec").toObject().value("containers").toArray().at(1).toObject();
        QCOMPARE(
            sidecar,
            parse(
                R"({"name":"sidecar","image":"b","env":[{"name":"A","value":"1"}],"resources":{"limits":{"cpu":"1"}}})"));
        const auto twice = JsonPatch::applyStrategicMergePatch(*once, patch, &error);
        QVERIFY2(twice.has_value(), qPrintable(error));
        QCOMPARE(*twice, *once);
        // An unknown directive is refused on a new element as on an existing one.
        const QJsonObject unknown = parse(
            R"({"spec":{"containers":[{"name":"x","env":[{"name":"A","$patch":"de\u001blete"}]}]}})");
        QVERIFY(!JsonPatch::applyStrategicMergePatch(doc, unknown, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("Unknown patch type")), qPrintable(error));
    }

    // Also found by the fuzzer: {"containerPort": null} as a merge key added a port without one,
    // which the same patch applied again did not find, so it added the port a second time.
    void strategicMergeKeyMustBeScalar() {
        const QJsonObject doc =
            parse(R"({"spec":{"containers":[{"name":"meds","ports":[{"containerPort":80}]}]}})");
        QString error;
        for (const char *key : {"null", "{}", "{\"$patch\":\"delete\"}", "[1]"}) {
            // Escaped, not raw, strings: moc misreads raw strings whose brackets do not balance.
            const QByteArray text = QByteArray("{\"spec\":{\"containers\":[{\"name\":\"meds\","
                                               "\"ports\":[{\"containerPort\":") +
                                    key + ",\"name\":\"metrics\"}]}]}}";
            const QJsonObject patch = parse(text.constData());
            QVERIFY(!patch.isEmpty());
            QVERIFY2(!JsonPatch::applyStrategicMergePatch(doc, patch, &error).has_value(), key);
            QVERIFY2(error.contains(QStringLiteral("merge key containerPort")), qPrintable(error));
        }
        const auto scalar = JsonPatch::applyStrategicMergePatch(
            doc,
            parse(
                R"({"spec":{"containers":[{"name":"meds","ports":[{"containerPort":80,"name":"http"}]}]}})"),
            &error);
        QVERIFY2(scalar.has_value(), qPrintable(error));
        QCOMPARE(scalar->value("spec")
                     .toObject()
                     .value("containers")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("ports")
                     .toArray(),
                 parseArray(R"([{"containerPort":80,"name":"http"}])"));
    }

    void labelSelectorParse_data() {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<bool>("matches");
        QTest::newRow("equals") << "app=kilo-meds"
                                << R"({"app":"kilo-meds"})" << true;
        QTest::newRow("double equals") << "app==kilo-meds"
                                       << R"({"app":"kilo-meds"})" << true;
        QTest::newRow("not equals") << "app!=kilo-meds"
                                    << R"({"app":"kilo-meds"})" << false;
        QTest::newRow("not equals absent") << "tier!=db"
                                           << R"({"app":"x"})" << true;
        QTest::newRow("in") << "env in (prod, staging)"
                            << R"({"env":"staging"})" << true;
        QTest::newRow("notin") << "env notin (prod)"
                               << R"({"env":"prod"})" << false;
        QTest::newRow("exists") << "app"
                                << R"({"app":"x"})" << true;
        QTest::newRow("not exists") << "!legacy"
                                    << R"({"legacy":"1"})" << false;
        QTest::newRow("combined") << "app=x,pod-template-hash=abc"
                                  << R"({"app":"x","pod-template-hash":"abc"})" << true;
        QTest::newRow("combined miss") << "app=x,pod-template-hash=abc"
                                       << R"({"app":"x"})" << false;
        QTest::newRow("empty") << ""
                               << R"({})" << true;
    }

    void labelSelectorParse() {
        QFETCH(QString, selector);
        QFETCH(QString, labels);
        QFETCH(bool, matches);
        QString error;
        const auto parsed = LabelSelector::parse(selector, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->matches(QJsonDocument::fromJson(labels.toUtf8()).object()), matches);
    }

    void labelSelectorErrors() {
        QString error;
        QVERIFY(!LabelSelector::parse(QStringLiteral("app=x,"), &error));
        QVERIFY(!LabelSelector::parse(QStringLiteral("a b c"), &error));
        QVERIFY(!LabelSelector::parse(QStringLiteral("app=bad value!"), &error));
        QVERIFY(!LabelSelector::fromJson(
            parse(R"({"matchExpressions":[{"key":"a","operator":"Near"}]})"), &error));
    }

    void labelSelectorFromJson() {
        const auto selector = LabelSelector::fromJson(parse(
            R"({"matchLabels":{"app":"kilo-meds"},"matchExpressions":[{"key":"tier","operator":"In","values":["api","web"]}]})"));
        QVERIFY(selector.has_value());
        QCOMPARE(selector->toString(), QStringLiteral("app=kilo-meds,tier in (api,web)"));
        QVERIFY(selector->matches(parse(R"({"app":"kilo-meds","tier":"web"})")));
        QVERIFY(!selector->matches(parse(R"({"app":"kilo-meds","tier":"db"})")));
    }

    void fieldSelector() {
        const QStringList supported = {QStringLiteral("metadata.name"),
                                       QStringLiteral("status.phase"),
                                       QStringLiteral("involvedObject.uid")};
        QString error;
        const auto selector = FieldSelector::parse(
            QStringLiteral("metadata.name=kilo-meds,status.phase!=Failed"), supported, &error);
        QVERIFY2(selector.has_value(), qPrintable(error));
        QCOMPARE(selector->exactName().value_or(QString()), QStringLiteral("kilo-meds"));
        QVERIFY(selector->matches(
            parse(R"({"metadata":{"name":"kilo-meds"},"status":{"phase":"Running"}})")));
        QVERIFY(!selector->matches(
            parse(R"({"metadata":{"name":"kilo-meds"},"status":{"phase":"Failed"}})")));
        QVERIFY(!FieldSelector::parse(QStringLiteral("spec.foo=bar"), supported, &error));
        QCOMPARE(error, QStringLiteral("field label not supported: spec.foo"));
    }

    void httpParserWholeAndSplit() {
        const QByteArray raw =
            "POST /api/v1/namespaces/x/pods?dryRun=All&labelSelector=app%3Dx HTTP/1.1\r\n"
            "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            "7\r\n\r\n{\"a\":1}"
            "GET /version HTTP/1.1\r\nHost: x\r\n\r\n";
        // Byte by byte, as a slow client would send it.
        HttpRequestParser parser;
        QByteArray buffer;
        QList<HttpRequest> requests;
        for (const char c : raw) {
            buffer.append(c);
            const auto result = parser.feed(buffer);
            QVERIFY(result != HttpRequestParser::Result::Error);
            if (result == HttpRequestParser::Result::Complete)
                requests.append(parser.takeRequest());
        }
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QCOMPARE(requests[0].path, QStringLiteral("/api/v1/namespaces/x/pods"));
        QCOMPARE(requests[0].queryValue(QStringLiteral("labelSelector")), QStringLiteral("app=x"));
        QCOMPARE(requests[0].body, QByteArray("{\"a\":1}"));
        QCOMPARE(requests[1].path, QStringLiteral("/version"));
    }

    void httpParserChunked() {
        QByteArray buffer = "PUT /x HTTP/1.1\r\nTransfer-Encoding: "
                            "chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n";
        HttpRequestParser parser;
        QCOMPARE(parser.feed(buffer), HttpRequestParser::Result::Complete);
        QCOMPARE(parser.takeRequest().body, QByteArray("Wikipedia"));
    }

    void httpParserLimits() {
        HttpRequestParser small(10);
        QByteArray tooLong = "POST /x HTTP/1.1\r\nContent-Length: 11\r\n\r\n";
        QCOMPARE(small.feed(tooLong), HttpRequestParser::Result::Error);
        QCOMPARE(small.errorStatus(), 413);
        HttpRequestParser chunkedSmall(10);
        QByteArray chunked = "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n";
        QCOMPARE(chunkedSmall.feed(chunked), HttpRequestParser::Result::Error);
        QCOMPARE(chunkedSmall.errorStatus(), 413);
        HttpRequestParser headers(100, 64);
        QByteArray big = "GET /x HTTP/1.1\r\nX-Long: " + QByteArray(200, 'a');
        QCOMPARE(headers.feed(big), HttpRequestParser::Result::Error);
        QCOMPARE(headers.errorStatus(), 431);
        for (const QByteArray &bad :
             {QByteArray("GARBAGE\r\n\r\n"), QByteArray("GET x HTTP/1.1\r\n\r\n"),
              QByteArray("GET /x HTTP/2.0\r\n\r\n"),
              QByteArray("GET /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n"),
              QByteArray("GET /x HTTP/1.1\r\nNoColon\r\n\r\n")}) {
            HttpRequestParser parser;
            QByteArray copy = bad;
            QCOMPARE(parser.feed(copy), HttpRequestParser::Result::Error);
            QVERIFY(parser.errorStatus() >= 400);
        }
    }

    void httpParserSurvivesGarbage() {
        QRandomGenerator random(20260106);
        const QByteArray prefix = "POST /api/v1/namespaces/x/pods HTTP/1.1\r\n";
        for (int round = 0; round < 2000; ++round) {
            QByteArray bytes = round % 2 ? prefix : QByteArray();
            const int size = int(random.bounded(400));
            for (int i = 0; i < size; ++i) {
                const quint32 pick = random.bounded(100u);
                bytes.append(pick < 10   ? '\r'
                             : pick < 20 ? '\n'
                             : pick < 25 ? ':'
                                         : char(random.bounded(256u)));
            }
            HttpRequestParser parser(256, 512);
            QByteArray buffer = bytes;
            for (int step = 0; step < 8 && !buffer.isEmpty(); ++step) {
                const auto result = parser.feed(buffer);
                if (result == HttpRequestParser::Result::Error) {
                    QVERIFY(parser.errorStatus() >= 400 && parser.errorStatus() < 600);
                    break;
                }
                if (result == HttpRequestParser::Result::Complete) {
                    const HttpRequest request = parser.takeRequest();
                    QVERIFY(request.body.size() <= 256);
                    QVERIFY(request.target.startsWith('/'));
                }
            }
        }
    }

    // Found by fuzz/fuzz_http_request_parser: the stream fed at once and fed in pieces must give
    // the same requests. The head ended at the first "\r\n\r\n" when one had arrived, else at
    // "\n\n", so a later CRLF request or body swallowed an earlier bare-LF end of head.
    void httpParserHeadEndsAtFirstBlankLine_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArrayList>("bodies");
        QTest::newRow("bare LF request, then a CRLF one")
            << QByteArray(
                   "GET /api/v1/pods HTTP/1.1\nHost: x\n\nGET /version HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArrayList{"", ""};
        QTest::newRow("CRLF head ended by a bare LF, body with CRLF CRLF")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 6\r\n\nab\r\n\r\n")
            << QByteArrayList{"ab\r\n\r\n"};
    }

    void httpParserHeadEndsAtFirstBlankLine() {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArrayList, bodies);
        for (const qsizetype piece : {raw.size(), qsizetype(1), qsizetype(3)}) {
            const auto [requests, error] = parseAll(raw, piece);
            QCOMPARE(error, 0);
            QCOMPARE(requests.size(), bodies.size());
            for (qsizetype i = 0; i < requests.size(); ++i)
                QCOMPARE(requests[i].body, bodies[i]);
        }
    }

    // Also found by the fuzzer: the bounds on the head, a chunk-size line and trailers held or
    // not depending on where the stream was cut, and a chunk size near 2^63 overflowed the
    // body-size check (signed overflow, undefined behaviour).
    void httpParserBoundsDoNotDependOnPieces_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        const QByteArray chunked = "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("head of exactly the limit")
            << QByteArray("GET /x HTTP/1.1\r\nA: " + QByteArray(512 - 20, 'a') + "\r\n\r\n") << 0;
        QTest::newRow("head one byte over")
            << QByteArray("GET /x HTTP/1.1\r\nA: " + QByteArray(512 - 19, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("chunk size near 2^63") << chunked + "1\r\na\r\n7fffffffffffffff\r\n" << 413;
        QTest::newRow("long chunk-size line")
            << chunked + QByteArray(1100, '0') + "1\r\na\r\n0\r\n\r\n"
            << 400;
        QTest::newRow("long trailer line")
            << chunked + "0\r\nX-T: " + QByteArray(600, 't') + "\r\n\r\n"
            << 431;
        QTest::newRow("trailers within bounds") << chunked + "1\r\na\r\n0\r\nX-T: t\r\n\r\n" << 0;
    }

    void httpParserBoundsDoNotDependOnPieces() {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        for (const qsizetype piece : {raw.size(), qsizetype(1), qsizetype(7)}) {
            const auto [requests, error] = parseAll(raw, piece);
            QCOMPARE(error, status);
            QCOMPARE(requests.size(), status ? 0 : 1);
        }
    }

    void podStatusTextFromRealObjects_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("crashloop") << "headlamp/pod-crashloopbackoff-liveness.json"
                                   << "CrashLoopBackOff";
        QTest::newRow("imagepull") << "headlamp/pod-imagepullbackoff.json"
                                   << "ImagePullBackOff";
        QTest::newRow("error") << "headlamp/pod-failed-error-terminated.json"
                               << "Error";
    }

    void podStatusTextFromRealObjects() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QJsonObject pod = fixture(file);
        // The fixtures are checked in: a missing one is a broken checkout, not a reason to skip.
        QVERIFY2(!pod.isEmpty(),
                 qPrintable(QStringLiteral(
                                "fixture tests/fixtures/k8s/%1 is missing or not a JSON object: "
                                "restore it (git checkout -- tests/fixtures/k8s)")
                                .arg(file)));
        QCOMPARE(TableConverter::podStatusText(pod), expected);
    }

    void podStatusTextRules() {
        QCOMPARE(
            TableConverter::podStatusText(parse(
                R"({"metadata":{"deletionTimestamp":"2026-01-01T00:00:00Z"},"status":{"phase":"Running"}})")),
            QStringLiteral("Terminating"));
        QCOMPARE(
            TableConverter::podStatusText(parse(
                R"({"spec":{"initContainers":[{"name":"i"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"i","state":{"running":{}}}]}})")),
            QStringLiteral("Init:0/1"));
        QCOMPARE(
            TableConverter::podStatusText(parse(
                R"({"status":{"phase":"Succeeded","containerStatuses":[{"name":"c","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}})")),
            QStringLiteral("Completed"));
        QCOMPARE(
            TableConverter::podStatusText(parse(
                R"({"status":{"phase":"Running","containerStatuses":[{"name":"c","state":{"terminated":{"exitCode":137,"signal":9}}}]}})")),
            QStringLiteral("Signal:9"));
    }

    void humanDurations() {
        QCOMPARE(util::humanDuration(45), QStringLiteral("45s"));
        QCOMPARE(util::humanDuration(125), QStringLiteral("2m5s"));
        QCOMPARE(util::humanDuration(131 * 60), QStringLiteral("131m"));
        QCOMPARE(util::humanDuration(3 * 86400 + 5 * 3600), QStringLiteral("3d5h"));
        QCOMPARE(util::humanDuration(17 * 3600), QStringLiteral("17h"));
        QCOMPARE(util::humanDuration(40 * 86400), QStringLiteral("40d"));
    }

    void podTemplateHashIsStableAndSafe() {
        const QJsonObject t = parse(
            R"({"metadata":{"labels":{"app":"kilo-meds"}},"spec":{"containers":[{"name":"meds","image":"kilo-meds:cb1"}]}})");
        const QString hash = util::podTemplateHash(t, 0);
        QCOMPARE(util::podTemplateHash(t, 0), hash);
        QVERIFY(util::podTemplateHash(t, 1) != hash);
        QVERIFY(hash.size() >= 6 && hash.size() <= 10);
        for (const QChar c : hash)
            QVERIFY(QStringLiteral("bcdfghjklmnpqrstvwxz2456789").contains(c));
    }

    // Go's strconv.ParseBool, exactly: these twelve spellings and nothing else.
    void goParseBool_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // 1 true, 0 false, -1 rejected
        for (const char *yes : {"1", "t", "T", "TRUE", "true", "True"})
            QTest::addRow("yes %s", yes) << QString::fromLatin1(yes) << 1;
        for (const char *no : {"0", "f", "F", "FALSE", "false", "False"})
            QTest::addRow("no %s", no) << QString::fromLatin1(no) << 0;
        for (const char *bad : {"", "yes", "no", "on", "TRue", "tRUE", "fALSE", " true", "true ",
                                "2", "01", "00", "y"})
            QTest::addRow("bad '%s'", bad) << QString::fromLatin1(bad) << -1;
    }

    void goParseBool() {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const std::optional<bool> parsed = QueryBool::parseGo(text);
        QCOMPARE(parsed.has_value() ? int(*parsed) : -1, expected);
    }

    // A request line through the real parser, then the option rule kube-apiserver applies to
    // watch, allowWatchBookmarks, sendInitialEvents, follow, previous, timestamps and
    // orphanDependents (apimachinery's Convert_Slice_string_To_bool): only absent, "0" and
    // "false" in any case are false; it never rejects a value.
    void queryOptionBool_data() {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("expected");
        QTest::newRow("absent") << QByteArray("limit=5") << false;
        QTest::newRow("python True") << QByteArray("watch=True") << true;
        QTest::newRow("true") << QByteArray("watch=true") << true;
        QTest::newRow("TRUE") << QByteArray("watch=TRUE") << true;
        QTest::newRow("1") << QByteArray("watch=1") << true;
        QTest::newRow("t") << QByteArray("watch=t") << true;
        QTest::newRow("yes") << QByteArray("watch=yes") << true;
        QTest::newRow("2") << QByteArray("watch=2") << true;
        QTest::newRow("empty value") << QByteArray("watch=") << true;
        QTest::newRow("bare name") << QByteArray("watch") << true;
        QTest::newRow("0") << QByteArray("watch=0") << false;
        QTest::newRow("false") << QByteArray("watch=false") << false;
        QTest::newRow("python False") << QByteArray("watch=False") << false;
        QTest::newRow("FALSE") << QByteArray("watch=FALSE") << false;
        QTest::newRow("fAlSe") << QByteArray("watch=fAlSe") << false;
        QTest::newRow("percent-encoded FALSE") << QByteArray("watch=%46ALSE") << false;
        QTest::newRow("long s folds to s") << QByteArray("watch=fal%C5%BFe") << false;
        // ParseBool would call these false; the apiserver's option rule does not.
        QTest::newRow("f") << QByteArray("watch=f") << true;
        QTest::newRow("F") << QByteArray("watch=F") << true;
        QTest::newRow("00") << QByteArray("watch=00") << true;
        QTest::newRow("first value wins (false)") << QByteArray("watch=false&watch=true") << false;
        QTest::newRow("first value wins (true)") << QByteArray("watch=true&watch=0") << true;
    }

    void queryOptionBool() {
        QFETCH(QByteArray, query);
        QFETCH(bool, expected);
        const auto [requests, status] =
            parseAll("GET /api/v1/pods?" + query + " HTTP/1.1\r\nHost: x\r\n\r\n", 4096);
        QCOMPARE(status, 0);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(QueryBool::option(requests.first(), QStringLiteral("watch")), expected);
    }

    // `pretty` is read with strconv.ParseBool and an unparsable value is simply false.
    void prettyParameter_data() {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("expected");
        QTest::newRow("absent") << QByteArray("limit=1") << false;
        QTest::newRow("True") << QByteArray("pretty=True") << true;
        QTest::newRow("t") << QByteArray("pretty=t") << true;
        QTest::newRow("1") << QByteArray("pretty=1") << true;
        QTest::newRow("false") << QByteArray("pretty=false") << false;
        QTest::newRow("yes is not a Go bool") << QByteArray("pretty=yes") << false;
        QTest::newRow("empty") << QByteArray("pretty=") << false;
    }

    void prettyParameter() {
        QFETCH(QByteArray, query);
        QFETCH(bool, expected);
        const auto [requests, status] =
            parseAll("GET /version?" + query + " HTTP/1.1\r\nHost: x\r\n\r\n", 4096);
        QCOMPARE(status, 0);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(QueryBool::pretty(requests.first()), expected);
    }
};

QTEST_GUILESS_MAIN(TestSimUnits)
#include "tst_sim_units.moc"
