// `kilo-kiosk meds ...` end to end, through the real executable.
#include "meds_cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kOcrLine =
    R"({"file": "label.jpg", "medication_name": "Lisinopril", "dosage": "10mg",
    "dosage_form": "tablet", "schedule": "twice daily", "times_per_day": 2, "as_needed": false,
    "instructions": "Take one tablet by mouth twice daily with food", "prescriber": "Jane Smith",
    "quantity": 60, "refills": 2, "rx_number": "6084521", "pharmacy": "CareWell Pharmacy",
    "patient": "Ivan Chen", "date": "2026-01-06", "confidence": {"medication_name": 0.97},
    "needs_review": ["prescriber"], "engine": "local", "ms": 412})";
} // namespace

class TestMedsCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_db;

    MedsCliRunner::Result meds(QStringList arguments, const QByteArray &input = {}) {
        arguments.prepend(m_db);
        arguments.prepend(QStringLiteral("--db"));
        return MedsCliRunner::run(m_home.path(), arguments, input);
    }

    QJsonArray listed() {
        const auto result = meds({QStringLiteral("list"), QStringLiteral("--json")});
        if (result.status != 0)
            qFatal("meds list failed: %s", result.err.constData());
        return QJsonDocument::fromJson(result.out).array();
    }

    static void expectOneErrorLine(const MedsCliRunner::Result &result, const char *mention) {
        QVERIFY2(result.status > 0, result.err.constData());
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.startsWith("kilo-kiosk: error: "), result.err.constData());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains(mention), result.err.constData());
    }

private slots:
    void initTestCase() {
        QVERIFY(QFile::exists(MedsCliRunner::executable()));
        m_db = m_home.filePath(QStringLiteral("meds.sqlite"));
    }

    void addFromOcrOutput() {
        QFile photo(m_home.filePath(QStringLiteral("label.jpg")));
        QVERIFY(photo.open(QIODevice::WriteOnly));
        photo.write(QByteArray("\xFF\xD8\xFF\xE0") + QByteArray(64, 'x'));
        photo.close();
        QByteArray input = kOcrLine;
        input.replace("\"label.jpg\"", "\"" + photo.fileName().toUtf8() + "\"");

        const auto result =
            meds({QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")}, input);
        QVERIFY2(result.status == 0, result.err.constData());
        const QJsonObject stored = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(stored.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(stored.value(QStringLiteral("medication_name")).toString(),
                 QStringLiteral("Lisinopril"));
        QCOMPARE(stored.value(QStringLiteral("dosage")).toString(), QStringLiteral("10 mg"));
        QCOMPARE(stored.value(QStringLiteral("engine")).toString(), QStringLiteral("local"));
        const QString storedPhoto = stored.value(QStringLiteral("photo")).toString();
        QVERIFY(storedPhoto.startsWith(m_home.filePath(QStringLiteral("meds-photos/"))));
        QVERIFY(QFile::exists(storedPhoto));
        QCOMPARE(listed().size(), 1);
    }

    void malformedInputChangesNothing_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("mention");
        const QStringList add{QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")};
        QTest::newRow("not json") << add << QByteArray("medication: aspirin")
                                  << QByteArray("not one JSON object");
        QTest::newRow("truncated") << add << QByteArray(R"({"medication_name": "Aspirin")")
                                   << QByteArray("not one JSON object");
        QTest::newRow("array") << add << QByteArray("[]") << QByteArray("JSON array");
        QTest::newRow("two records")
            << add << QByteArray("{\"medication_name\": \"A\"}\n{\"medication_name\": \"B\"}")
            << QByteArray("not one JSON object");
        QTest::newRow("empty") << add << QByteArray("") << QByteArray("is empty");
        QTest::newRow("ocr error line")
            << add << QByteArray(R"({"file": "a.jpg", "error": "too dark"})")
            << QByteArray("failed reading");
        QTest::newRow("bad schedule")
            << add << QByteArray(R"({"medication_name": "Aspirin", "schedule": "daily-ish"})")
            << QByteArray("schedule \"daily-ish\"");
        QTest::newRow("wrong type")
            << add
            << QByteArray(
                   R"({"medication_name": "Aspirin", "schedule": "once daily", "refills": "two"})")
            << QByteArray("refills must be");
        QTest::newRow("duplicate")
            << add
            << QByteArray(
                   R"({"medication_name": "LISINOPRIL", "dosage": "10 mg", "schedule": "once daily"})")
            << QByteArray("already in the list (id 1)");
        QTest::newRow("missing photo")
            << (add + QStringList{QStringLiteral("--photo"), QStringLiteral("/nonexistent.jpg")})
            << QByteArray(R"({"medication_name": "Aspirin", "schedule": "once daily"})")
            << QByteArray("cannot read the photo");
        QTest::newRow("edit bad value")
            << QStringList{QStringLiteral("edit"), QStringLiteral("1"), QStringLiteral("--set"),
                           QStringLiteral("quantity=lots")}
            << QByteArray() << QByteArray("quantity must be");
        QTest::newRow("edit bad schedule")
            << QStringList{QStringLiteral("edit"), QStringLiteral("1"), QStringLiteral("--set"),
                           QStringLiteral("schedule=often")}
            << QByteArray() << QByteArray("nothing was changed");
        QTest::newRow("edit unknown field")
            << QStringList{QStringLiteral("edit"), QStringLiteral("1"), QStringLiteral("--set"),
                           QStringLiteral("colour=red")}
            << QByteArray() << QByteArray("cannot be set");
        QTest::newRow("show missing") << QStringList{QStringLiteral("show"), QStringLiteral("99")}
                                      << QByteArray() << QByteArray("no medication with id 99");
        QTest::newRow("delete bad id")
            << QStringList{QStringLiteral("delete"), QStringLiteral("one")} << QByteArray()
            << QByteArray("not a medication id");
        const QStringList import{QStringLiteral("import"), QStringLiteral("--json"),
                                 QStringLiteral("-")};
        QTest::newRow("import bad record")
            << import
            << QByteArray("{\"medication_name\": \"Aspirin\", \"schedule\": \"once "
                          "daily\"}\n{\"medication_name\": \"Zinc\", \"schedule\": \"hourly\"}\n")
            << QByteArray("nothing was imported: record 2");
        QTest::newRow("import bad line")
            << import
            << QByteArray(
                   "{\"medication_name\": \"Aspirin\", \"schedule\": \"once daily\"}\nAspirin\n")
            << QByteArray("line 2 of standard input");
        QTest::newRow("import duplicate")
            << import
            << QByteArray("{\"medication_name\": \"Lisinopril\", \"dosage\": \"10 mg\", "
                          "\"schedule\": \"once daily\"}\n")
            << QByteArray("already in the list (id 1)");
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")} << QByteArray()
                                      << QByteArray("unknown meds command");
    }
    void malformedInputChangesNothing() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, mention);
        const QJsonArray before = listed();
        expectOneErrorLine(meds(arguments, input), mention.constData());
        QCOMPARE(listed(), before);
    }

    void editStopDelete() {
        auto result =
            meds({QStringLiteral("edit"), QStringLiteral("1"), QStringLiteral("--set"),
                  QStringLiteral("refills=5"), QStringLiteral("--set"),
                  QStringLiteral("schedule=once daily"), QStringLiteral("--json-output")});
        QVERIFY2(result.status == 0, result.err.constData());
        QJsonObject record = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(record.value(QStringLiteral("refills")).toInt(), 5);
        QCOMPARE(record.value(QStringLiteral("times_per_day")).toInt(), 1);

        result = meds({QStringLiteral("stop"), QStringLiteral("1")});
        QCOMPARE(result.status, 0);
        result =
            meds({QStringLiteral("list"), QStringLiteral("--active"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 0);
        result = meds({QStringLiteral("list")});
        QVERIFY(result.out.contains("stopped"));

        result = meds({QStringLiteral("export"), QStringLiteral("--csv")});
        QCOMPARE(result.status, 0);
        QVERIFY(result.out.startsWith("id,status,medication_name"));
        QVERIFY(result.out.contains("1,stopped,Lisinopril,10 mg,tablet,once daily,1,false"));

        const QString photo = listed().at(0).toObject().value(QStringLiteral("photo")).toString();
        result = meds({QStringLiteral("delete"), QStringLiteral("1")});
        QCOMPARE(result.status, 0);
        QVERIFY(result.out.contains("Deleted 1: Lisinopril 10 mg"));
        QCOMPARE(listed().size(), 0);
        QVERIFY(!QFile::exists(photo));
        result = meds({QStringLiteral("list")});
        QCOMPARE(result.out, QByteArray("No medications saved.\n"));
    }

    void importRoundTrip() {
        const QByteArray lines =
            "{\"medication_name\": \"Aspirin\", \"dosage\": \"81 mg\", \"schedule\": \"once "
            "daily\"}\n\n"
            "{\"medication_name\": \"Zinc\", \"schedule\": \"every morning\", \"active\": false}\n";
        auto result =
            meds({QStringLiteral("import"), QStringLiteral("--json"), QStringLiteral("-")}, lines);
        QVERIFY2(result.status == 0, result.err.constData());
        QCOMPARE(result.out.count('\n'), 2); // one stored record per line
        QCOMPARE(listed().size(), 2);
        // What export --json writes, import reads (into another database).
        const auto exported = meds({QStringLiteral("export"), QStringLiteral("--json")});
        QCOMPARE(exported.status, 0);
        const QString other = m_home.filePath(QStringLiteral("other.sqlite"));
        result = MedsCliRunner::run(m_home.path(),
                                    {QStringLiteral("--db"), other, QStringLiteral("import"),
                                     QStringLiteral("--json"), QStringLiteral("-")},
                                    exported.out);
        QVERIFY2(result.status == 0, result.err.constData());
        result = MedsCliRunner::run(m_home.path(),
                                    {QStringLiteral("--db"), other, QStringLiteral("list"),
                                     QStringLiteral("--stopped"), QStringLiteral("--json")});
        const QJsonArray stopped = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(stopped.at(0).toObject().value(QStringLiteral("medication_name")).toString(),
                 QStringLiteral("Zinc"));
        for (const QJsonValue &record : listed())
            QCOMPARE(
                meds({QStringLiteral("delete"),
                      QString::number(record.toObject().value(QStringLiteral("id")).toInteger())})
                    .status,
                0);
    }

    void check() {
        const auto result = meds({QStringLiteral("check")});
        QCOMPARE(result.status, 0);
        QCOMPARE(result.out, QByteArray("ok\n"));
    }

    void defaultDatabaseIsInAppData() {
        const auto result = MedsCliRunner::run(
            m_home.path(), {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
            R"({"medication_name": "Aspirin", "dosage": "81 mg", "schedule": "once daily"})");
        QVERIFY2(result.status == 0, result.err.constData());
        QVERIFY(QFile::exists(m_home.filePath(
            QStringLiteral(".local/share/Kilo Guardian/kilo-kiosk/medications.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestMedsCli)
#include "tst_meds_cli.moc"
