#include "cli/launch_options.h"

#include <QTest>

using kiosk::cli::LaunchOptions;

class TestLaunchOptions : public QObject {
    Q_OBJECT

    const QStringList known = {QStringLiteral("ocr"), QStringLiteral("cluster")};

    LaunchOptions parse(QStringList args) const {
        args.prepend(QStringLiteral("kilo-kiosk"));
        return LaunchOptions::parse(args, known);
    }

private slots:
    void noArgumentsStartsTheUi() {
        const auto o = parse({});
        QCOMPARE(o.mode, LaunchOptions::Mode::Ui);
        QVERIFY(!o.demo);
        QVERIFY(!o.kiosk);
    }

    void versionAndHelpWinWherever() {
        QCOMPARE(parse({"--demo", "--version"}).mode, LaunchOptions::Mode::Version);
        QCOMPARE(parse({"-v"}).mode, LaunchOptions::Mode::Version);
        QCOMPARE(parse({"--kiosk", "--help"}).mode, LaunchOptions::Mode::Help);
        QCOMPARE(parse({"-h"}).mode, LaunchOptions::Mode::Help);
    }

    void uiOptions() {
        const auto o = parse({"--demo", "--screenshot-dir", "out", "--server=http://127.0.0.1:8080",
                              "--context", "k3s", "-n", "kilo"});
        QCOMPARE(o.mode, LaunchOptions::Mode::Ui);
        QVERIFY(o.demo);
        QCOMPARE(o.screenshotDir, QStringLiteral("out"));
        QCOMPARE(o.server, QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(o.context, QStringLiteral("k3s"));
        QCOMPARE(o.nameSpace, QStringLiteral("kilo"));
    }

    void languageForThisRun() {
        QVERIFY(parse({"--demo"}).language.isEmpty());
        const auto o = parse({"--demo", "--lang", "es", "--screenshot-dir", "out"});
        QCOMPARE(o.mode, LaunchOptions::Mode::Ui);
        QCOMPARE(o.language, QStringLiteral("es"));
        QCOMPARE(o.screenshotDir, QStringLiteral("out"));
        QCOMPARE(parse({"--lang=en"}).language, QStringLiteral("en"));
        QVERIFY(LaunchOptions::uiUsage().contains(QStringLiteral("--lang en|es")));
    }

    void largeTextForThisRun() {
        QVERIFY(!parse({"--demo"}).largeText);
        const auto o = parse({"--demo", "--large-text", "--lang", "es", "--screenshot-dir", "out"});
        QCOMPARE(o.mode, LaunchOptions::Mode::Ui);
        QVERIFY(o.largeText);
        QCOMPARE(o.language, QStringLiteral("es"));
        QCOMPARE(o.screenshotDir, QStringLiteral("out"));
        QVERIFY(LaunchOptions::uiUsage().contains(QStringLiteral("--large-text")));
    }

    void subcommandTakesTheRest() {
        const auto o = parse({"ocr", "--json", "a.jpg", "--version"});
        QCOMPARE(o.mode, LaunchOptions::Mode::Subcommand);
        QCOMPARE(o.subcommand, QStringLiteral("ocr"));
        QCOMPARE(o.subcommandArgs, QStringList({"--json", "a.jpg", "--version"}));
    }

    void errorsSayWhat_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::newRow("unknown option") << QStringList{"--bogus"} << "unknown option '--bogus'";
        QTest::newRow("missing value") << QStringList{"--server"} << "--server needs a value";
        QTest::newRow("empty value")
            << QStringList{"--kubeconfig="} << "--kubeconfig needs a value";
        QTest::newRow("kiosk+screens")
            << QStringList{"--kiosk", "--screenshot-dir", "x"} << "cannot be combined";
        QTest::newRow("unknown language") << QStringList{"--lang", "fr"} << "--lang takes en or es";
        QTest::newRow("language missing") << QStringList{"--lang"} << "--lang needs a value";
    }

    void errorsSayWhat() {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        const auto o = parse(args);
        QCOMPARE(o.mode, LaunchOptions::Mode::Error);
        QVERIFY2(o.error.contains(needle), qPrintable(o.error));
    }
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launch_options.moc"
