#include "security/redaction.h"

#include <QElapsedTimer>
#include <QTest>

using kiosk::security::containsSecret;
using kiosk::security::redact;

class TestRedaction : public QObject {
    Q_OBJECT

    static constexpr const char *jwt =
        "eyJhbGciOiJSUzI1NiIsImtpZCI6IkRfY2tsQnVfRjNnIn0."
        "eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwic3ViIjoia2lsby1raW9zayJ9."
        "Xq3c9mYt2b0QwkK1p7Zr_8dA-vL4nH6sE5uJ2gF0iO3";

private slots:
    void secretsAreRemoved_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");

        QTest::newRow("bearer header")
            << QStringLiteral("GET /api/v1/pods\nAuthorization: Bearer abc123DEF456ghi789")
            << QStringLiteral("abc123DEF456ghi789");
        QTest::newRow("basic header") << QStringLiteral("authorization=Basic YWRtaW46aHVudGVyMg==")
                                      << QStringLiteral("YWRtaW46aHVudGVyMg");
        QTest::newRow("bare bearer") << QStringLiteral("retrying with bearer s3cr3t-t0ken")
                                     << QStringLiteral("s3cr3t-t0ken");
        QTest::newRow("jwt alone")
            << QStringLiteral("token was %1 and it expired").arg(QLatin1String(jwt))
            << QStringLiteral("eyJpc3MiOiJrdWJl");
        QTest::newRow("pem key") << QStringLiteral(
                                        "key:\n-----BEGIN RSA PRIVATE "
                                        "KEY-----\nMIIEowIBAAKCAQEAsecretkeymaterial\nabcdef==\n---"
                                        "--END RSA PRIVATE KEY-----\nafter")
                                 << QStringLiteral("secretkeymaterial");
        QTest::newRow("pem cut short")
            << QStringLiteral("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBvZtruncat")
            << QStringLiteral("MHcCAQEEIBvZ");
        QTest::newRow("json token")
            << QStringLiteral(R"({"kind":"Config","token": "sha256~hunter2hunter2"})")
            << QStringLiteral("hunter2hunter2");
        QTest::newRow("yaml token")
            << QStringLiteral("users:\n- name: kiosk\n  user:\n    token: k8s-short-tok\n")
            << QStringLiteral("k8s-short-tok");
        QTest::newRow("client-key-data") << QStringLiteral("client-key-data: LS0tLS1CRUdJTi")
                                         << QStringLiteral("LS0tLS1CRUdJTi");
        QTest::newRow("env var") << QStringLiteral("AIBRAIN_TOKEN=opensesame ./kilo-kiosk")
                                 << QStringLiteral("opensesame");
        QTest::newRow("password kv")
            << QStringLiteral("login failed (password='letmein')") << QStringLiteral("letmein");
        QTest::newRow("pin kv") << QStringLiteral("pin=4821 rejected") << QStringLiteral("4821");
        QTest::newRow("api key kv")
            << QStringLiteral("api_key: 12345abc") << QStringLiteral("12345abc");
        QTest::newRow("flag") << QStringLiteral(
                                     "kilo-kiosk cluster connect --token abcdef --server https://x")
                              << QStringLiteral("abcdef");
        QTest::newRow("flag equals")
            << QStringLiteral("--token=abcdef") << QStringLiteral("abcdef");
        QTest::newRow("url password")
            << QStringLiteral("GET https://admin:pa55word@10.0.0.1:6443/api failed")
            << QStringLiteral("pa55word");
        QTest::newRow("url query token")
            << QStringLiteral("http://brain/health?access_token=q1w2e3&x=1")
            << QStringLiteral("q1w2e3");
        QTest::newRow("url query sig")
            << QStringLiteral("https://s3/x?sig=ZZtop99&expires=1") << QStringLiteral("ZZtop99");
        QTest::newRow("k3s token")
            << QStringLiteral("join with K10a1b2c3d4e5f60718293a4b5c6d7e8f90::server:3f2e1d0c9b8a")
            << QStringLiteral("3f2e1d0c9b8a");
        QTest::newRow("bootstrap token")
            << QStringLiteral("kubeadm join --discovery abcdef.0123456789abcdef")
            << QStringLiteral("0123456789abcdef");
        QTest::newRow("random hex")
            << QStringLiteral(
                   "secret is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 ok")
            << QStringLiteral("9f86d081884c7d659a2feaa0c55ad015");
        QTest::newRow("random base64")
            << QStringLiteral("got aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRva2Vu+/Zz9 from env")
            << QStringLiteral("aGVsbG8gd29ybGQ");
        QTest::newRow("api key style")
            << QStringLiteral("using sk-live-4eC39HqLyjWDarjtT1zdp7dc for the brain")
            << QStringLiteral("4eC39HqLyjWDarjtT1zdp7dc");
    }

    void secretsAreRemoved() {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString output = redact(input);
        QVERIFY2(!output.contains(secret), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("[REDACTED]")), qPrintable(output));
        QVERIFY(containsSecret(input));
        // Idempotent: redacting again changes nothing.
        QCOMPARE(redact(output), output);
    }

    void contextIsKept() {
        QCOMPARE(redact(QStringLiteral("Authorization: Bearer abc123DEF456ghi789")),
                 QStringLiteral("Authorization: Bearer [REDACTED]"));
        QCOMPARE(redact(QStringLiteral(R"({"token": "hunter2"})")),
                 QStringLiteral(R"({"token": "[REDACTED]"})"));
        QCOMPARE(redact(QStringLiteral("https://admin:pa55@host/x")),
                 QStringLiteral("https://admin:[REDACTED]@host/x"));
        QCOMPARE(redact(QStringLiteral(
                     "a\n-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\nb")),
                 QStringLiteral("a\n[REDACTED]\nb"));
        QCOMPARE(redact(QStringLiteral("--token abc --server https://x")),
                 QStringLiteral("--token [REDACTED] --server https://x"));
    }

    void largeAndHostileInputStaysFast_data() {
        QTest::addColumn<QString>("input");
        const int n = 100000;
        QTest::newRow("dashed run") << QStringLiteral("a-").repeated(n);
        QTest::newRow("dotted run") << QStringLiteral("a.").repeated(n);
        QTest::newRow("dashes") << QString(2 * n, u'-');
        QTest::newRow("underscores") << QStringLiteral("x_").repeated(n);
        QTest::newRow("unclosed quote")
            << QStringLiteral("token: \"") + QStringLiteral("ab").repeated(n);
        QTest::newRow("many begins") << QStringLiteral("-----BEGIN X-----").repeated(n / 10);
        QTest::newRow("log")
            << QStringLiteral(
                   "pod kilo-meds-7d9f8c6b5d-x2k9p Back-off restarting failed container\n")
                   .repeated(n / 30);
    }

    void largeAndHostileInputStaysFast() {
        QFETCH(QString, input);
        QElapsedTimer timer;
        timer.start();
        const QString output = redact(input);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QVERIFY(!output.isEmpty());
    }

    void ordinaryTextPasses_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("pod name") << QStringLiteral(
            "pod kilo-usb-transfer-7c9d8f6b5d-x2k9p is CrashLoopBackOff");
        QTest::newRow("long deployment rs")
            << QStringLiteral("replicaset kilo-ml-engine-5f7d8b9c6d deleted");
        QTest::newRow("uuid precondition")
            << QStringLiteral("Precondition failed: UID in precondition: "
                              "3f2a6b1c-8d4e-4f00-9a1b-2c3d4e5f6a7b, UID in object meta: ");
        QTest::newRow("status message") << QStringLiteral(
            "deployments.apps \"kilo-meds\" is forbidden: User "
            "\"system:serviceaccount:kilo-guardian:kilo-kiosk\" cannot patch resource");
        QTest::newRow("image") << QStringLiteral(
            "Back-off pulling image \"registry.local/kilo-meds:ai-brain-ocr-v2\"");
        QTest::newRow("path") << QStringLiteral(
            "cannot open /home/kiosk/.local/share/Kilo "
            "Guardian/kilo-kiosk/photos/IMG_20261126_093000.jpg");
        QTest::newRow("url") << QStringLiteral("GET "
                                               "https://10.0.0.1:6443/apis/apps/v1/namespaces/"
                                               "kilo-guardian/replicasets?limit=500&continue=");
        QTest::newRow("prose") << QStringLiteral(
            "the token has expired; reconnect with cluster connect");
        QTest::newRow("tokens count") << QStringLiteral("tokens: 12, pins checked");
        QTest::newRow("dosage") << QStringLiteral(
            "Amoxicillin 500 mg, take 1 capsule 3 times daily for 10 days");
    }

    void ordinaryTextPasses() {
        QFETCH(QString, input);
        QCOMPARE(redact(input), input);
        QVERIFY(!containsSecret(input));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
