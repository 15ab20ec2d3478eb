// `kilo-kiosk sim` as a user runs it: the URL is the one line on stdout, the server answers
// there, SIGTERM and SIGINT stop it cleanly (exit 0), and bad options fail with one clear line.
#include "sim_client.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestSimCommand : public QObject {
    Q_OBJECT

private:
    static QStringList run(const QStringList &arguments, int *exitCode) {
        QProcess process;
        process.start(QStringLiteral(KIOSK_APP_PATH), arguments);
        process.waitForFinished(30000);
        *exitCode = process.exitCode();
        return {QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    void runUntilSignal(int signal) {
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(QStringLiteral("config"));
        QProcess process;
        process.start(QStringLiteral(KIOSK_APP_PATH),
                      {QStringLiteral("sim"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--write-kubeconfig"), kubeconfig});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 15000);
        const QString url = QString::fromUtf8(process.readLine()).trimmed();
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
        SimClient client{QUrl(url)};
        QCOMPARE(client.get(QStringLiteral("/apis/apps/v1/namespaces/kilo-guardian/deployments"))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 14);
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(url.toUtf8()));
        ::kill(pid_t(process.processId()), signal);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().trimmed().isEmpty()); // nothing after the URL line
        QVERIFY(process.readAllStandardError().contains("simulator stopped"));
    }

private slots:
    void stopsOnSigterm() { runUntilSignal(SIGTERM); }
    void stopsOnSigint() { runUntilSignal(SIGINT); }

    void badOptions_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("scenario") << QStringList{"sim", "--scenario", "mars"}
                                  << "unknown scenario \"mars\"";
        QTest::newRow("port") << QStringList{"sim", "--port", "70000"}
                              << "invalid value for --port";
        QTest::newRow("fail rate")
            << QStringList{"sim", "--fail-rate", "2"} << "invalid value for --fail-rate";
        QTest::newRow("option") << QStringList{"sim", "--frobnicate"}
                                << "unknown option --frobnicate";
        QTest::newRow("missing value") << QStringList{"sim", "--token"} << "--token needs a value";
        QTest::newRow("tls files")
            << QStringList{"sim", "--tls-cert", "/nonexistent.crt", "--tls-key", "/nonexistent.key"}
            << "cannot read TLS certificate";
        QTest::newRow("client ca without tls")
            << QStringList{"sim", "--client-ca", "/nonexistent.crt"} << "need TLS";
    }

    void badOptions() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        int exitCode = 0;
        const QStringList output = run(arguments, &exitCode);
        QVERIFY(exitCode != 0);
        const QStringList lines = output.at(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("kilo-kiosk: error: ")) &&
                     lines.first().contains(message),
                 qPrintable(lines.first()));
        QVERIFY(output.at(0).isEmpty());
    }

    void help() {
        int exitCode = 1;
        const QStringList output =
            run({QStringLiteral("sim"), QStringLiteral("--help")}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(output.at(0).contains(QStringLiteral("--scenario")));
    }
};

QTEST_GUILESS_MAIN(TestSimCommand)
#include "tst_sim_command.moc"
