// SubcommandParser: the one way every subcommand reads its options and arguments.
#include "cli/subcommand_parser.h"

#include <QTest>

using kiosk::cli::SubcommandParser;
using Count = SubcommandParser::Count;
using Outcome = SubcommandParser::Outcome;

namespace {

// The shape of `sim`: value options with defaults, a flag, no positional arguments.
void addSimLikeOptions(SubcommandParser &parser) {
    parser.addOption({QStringLiteral("port"), QStringLiteral("TCP port"), QStringLiteral("P"),
                      QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("token"), QStringLiteral("bearer token"), QStringLiteral("T")});
    parser.addOption({QStringLiteral("samples"), QStringLiteral("start with samples")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("namespace")},
                      QStringLiteral("namespace"),
                      QStringLiteral("NS")});
}

} // namespace

class TestSubcommandParser : public QObject {
    Q_OBJECT

private slots:
    void valuesAndFlags() {
        SubcommandParser parser(QStringLiteral("sim"));
        addSimLikeOptions(parser);
        QCOMPARE(parser.parse({QStringLiteral("--token"), QStringLiteral("abc"),
                               QStringLiteral("--samples"), QStringLiteral("-n"),
                               QStringLiteral("kilo")}),
                 Outcome::Run);
        QCOMPARE(parser.value(QStringLiteral("token")), QStringLiteral("abc"));
        QVERIFY(parser.isSet(QStringLiteral("samples")));
        QCOMPARE(parser.value(QStringLiteral("namespace")), QStringLiteral("kilo"));
        QVERIFY(!parser.isSet(QStringLiteral("port")));
        QCOMPARE(parser.value(QStringLiteral("port")), QStringLiteral("0")); // the default
        QVERIFY(parser.error().isEmpty());
    }

    void inlineValue() {
        SubcommandParser parser(QStringLiteral("sim"));
        addSimLikeOptions(parser);
        QCOMPARE(parser.parse({QStringLiteral("--port=8080"), QStringLiteral("--token=a=b")}),
                 Outcome::Run);
        QCOMPARE(parser.value(QStringLiteral("port")), QStringLiteral("8080"));
        QCOMPARE(parser.value(QStringLiteral("token")),
                 QStringLiteral("a=b")); // split at the first '='
    }

    void valueThatLooksLikeAnOption() {
        SubcommandParser parser(QStringLiteral("sim"));
        addSimLikeOptions(parser);
        QCOMPARE(parser.parse({QStringLiteral("--token"), QStringLiteral("--samples")}),
                 Outcome::Run);
        QCOMPARE(parser.value(QStringLiteral("token")), QStringLiteral("--samples"));
        QVERIFY(!parser.isSet(QStringLiteral("samples")));
    }

    void repeatedValuesKeepTheirOrder() {
        SubcommandParser parser(QStringLiteral("meds edit"));
        parser.addOption(
            {QStringLiteral("set"), QStringLiteral("FIELD=VALUE"), QStringLiteral("FIELD=VALUE")});
        QCOMPARE(parser.parse({QStringLiteral("--set"), QStringLiteral("a=1"),
                               QStringLiteral("--set=b=2"), QStringLiteral("--set"),
                               QStringLiteral("c=3")}),
                 Outcome::Run);
        QCOMPARE(parser.values(QStringLiteral("set")), (QStringList{"a=1", "b=2", "c=3"}));
        QCOMPARE(parser.value(QStringLiteral("set")), QStringLiteral("c=3"));
    }

    void badOptions_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << QStringList{"--frobnicate"}
                                 << "sim: unknown option --frobnicate (see kilo-kiosk sim --help)";
        QTest::newRow("unknown with value")
            << QStringList{"--frob=1"} << "sim: unknown option --frob (see kilo-kiosk sim --help)";
        QTest::newRow("unknown short")
            << QStringList{"-x"} << "sim: unknown option -x (see kilo-kiosk sim --help)";
        QTest::newRow("unknown before a missing value")
            << QStringList{"--frob", "--token"}
            << "sim: unknown option --frob (see kilo-kiosk sim --help)";
        QTest::newRow("missing value") << QStringList{"--token"} << "sim: --token needs a value";
        QTest::newRow("missing short value")
            << QStringList{"--samples", "-n"} << "sim: -n needs a value";
        QTest::newRow("flag with a value")
            << QStringList{"--samples=yes"} << "sim: --samples takes no value";
        QTest::newRow("positional")
            << QStringList{"extra"}
            << "sim: unexpected argument \"extra\" (see kilo-kiosk sim --help)";
    }

    void badOptions() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        SubcommandParser parser(QStringLiteral("sim"));
        addSimLikeOptions(parser);
        QCOMPARE(parser.parse(arguments), Outcome::Invalid);
        QCOMPARE(parser.error(), error);
        QVERIFY(!parser.error().contains(u'\n'));
        QCOMPARE(parser.parseOrExit(arguments), std::optional<int>(2));
    }

    void helpWins_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("long") << QStringList{"--help"};
        QTest::newRow("short") << QStringList{"-h"};
        QTest::newRow("after a mistake") << QStringList{"--frobnicate", "--help"};
    }

    void helpWins() {
        QFETCH(QStringList, arguments);
        SubcommandParser parser(QStringLiteral("sim"));
        addSimLikeOptions(parser);
        QCOMPARE(parser.parse(arguments), Outcome::Help);
    }

    void helpText() {
        SubcommandParser parser(QStringLiteral("meds add"));
        parser.setDescription(QStringLiteral("Stores one record."));
        parser.addOption(
            {QStringLiteral("json"), QStringLiteral("the record"), QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("allow-duplicate"),
                          QStringLiteral("add it although it is on the list")});
        parser.addPositional(QStringLiteral("ID"), QStringLiteral("the medication"));
        parser.addPositional(QStringLiteral("MORE"), QStringLiteral("other ones"), Count::Any);
        const QString help = parser.helpText();
        const QStringList lines = help.split(u'\n');
        QCOMPARE(lines.at(0), QStringLiteral("usage: kilo-kiosk meds add [options] ID [MORE...]"));
        QCOMPARE(lines.at(1), QStringLiteral("Stores one record."));
        QVERIFY2(help.contains(QLatin1String("--json <FILE>")) &&
                     help.contains(QLatin1String("the record")),
                 qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("--allow-duplicate")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("-h, --help")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("other ones")), qPrintable(help));
        QCOMPARE(parser.parseOrExit({QStringLiteral("--help")}), std::optional<int>(0));
    }

    void synopsis() {
        SubcommandParser parser(QStringLiteral("doses"));
        parser.setSynopsis(QStringLiteral("[--db FILE] COMMAND ..."));
        parser.addPositional(QStringLiteral("COMMAND"), QStringLiteral("today, log or history"));
        QVERIFY(parser.helpText().startsWith(
            QLatin1String("usage: kilo-kiosk doses [--db FILE] COMMAND ...\n")));
    }

    void positionalCounts_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error"); // empty: accepted
        const int one = int(Count::One), optional = int(Count::Optional),
                  oneOrMore = int(Count::OneOrMore), any = int(Count::Any);
        QTest::newRow("one: none")
            << one << QStringList{} << "cmd: missing X (see kilo-kiosk cmd --help)";
        QTest::newRow("one: one") << one << QStringList{"a"} << "";
        QTest::newRow("one: two") << one << QStringList{"a", "b"}
                                  << "cmd: unexpected argument \"b\" (see kilo-kiosk cmd --help)";
        QTest::newRow("optional: none") << optional << QStringList{} << "";
        QTest::newRow("optional: two")
            << optional << QStringList{"a", "b"}
            << "cmd: unexpected argument \"b\" (see kilo-kiosk cmd --help)";
        QTest::newRow("one or more: none")
            << oneOrMore << QStringList{} << "cmd: missing X (see kilo-kiosk cmd --help)";
        QTest::newRow("one or more: three") << oneOrMore << QStringList{"a", "b", "c"} << "";
        QTest::newRow("any: none") << any << QStringList{} << "";
        QTest::newRow("any: three") << any << QStringList{"a", "b", "c"} << "";
    }

    void positionalCounts() {
        QFETCH(int, count);
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        SubcommandParser parser(QStringLiteral("cmd"));
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON")});
        parser.addPositional(QStringLiteral("X"), QStringLiteral("a thing"), Count(count));
        QCOMPARE(parser.parse(arguments), error.isEmpty() ? Outcome::Run : Outcome::Invalid);
        QCOMPARE(parser.error(), error);
        if (error.isEmpty())
            QCOMPARE(parser.positionalArguments(), arguments);
    }

    void positionalsAmongOptions() {
        SubcommandParser parser(QStringLiteral("meds show"));
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON")});
        parser.addPositional(QStringLiteral("ID"), QStringLiteral("the medication"));
        QCOMPARE(parser.parse({QStringLiteral("--json"), QStringLiteral("7")}), Outcome::Run);
        QCOMPARE(parser.parse({QStringLiteral("7"), QStringLiteral("--json")}), Outcome::Run);
        QCOMPARE(parser.positionalArguments(), QStringList{"7"});
        QVERIFY(parser.isSet(QStringLiteral("json")));
        // After "--" everything is an argument, and "-" alone always is one.
        QCOMPARE(parser.parse({QStringLiteral("--"), QStringLiteral("--json")}), Outcome::Run);
        QCOMPARE(parser.positionalArguments(), QStringList{"--json"});
        QCOMPARE(parser.parse({QStringLiteral("-")}), Outcome::Run);
        QCOMPARE(parser.positionalArguments(), QStringList{"-"});
    }

    void whenMissingSaysWhatToDo() {
        SubcommandParser parser(QStringLiteral("meds show"));
        parser.addPositional(QStringLiteral("ID"), QStringLiteral("the medication"), Count::One,
                             QStringLiteral("which medication? Give its id"));
        QCOMPARE(parser.parse({}), Outcome::Invalid);
        QCOMPARE(parser.error(), QStringLiteral("meds show: which medication? Give its id"));
    }

    void optionalValue_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("csv");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pdf");
        QTest::newRow("bare") << QStringList{"--csv"} << true << ""
                              << "";
        QTest::newRow("with file") << QStringList{"--csv", "out.csv"} << true << "out.csv"
                                   << "";
        QTest::newRow("inline") << QStringList{"--csv=out.csv"} << true << "out.csv"
                                << "";
        QTest::newRow("standard output") << QStringList{"--csv", "-"} << true << "-"
                                         << "";
        QTest::newRow("before an option") << QStringList{"--csv", "--pdf", "a.pdf"} << true << ""
                                          << "a.pdf";
        QTest::newRow("as another option's value") << QStringList{"--pdf", "--csv"} << false << ""
                                                   << "--csv";
        QTest::newRow("absent") << QStringList{"--pdf", "a.pdf"} << false << ""
                                << "a.pdf";
    }

    void optionalValue() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, csv);
        QFETCH(QString, file);
        QFETCH(QString, pdf);
        SubcommandParser parser(QStringLiteral("meds export"));
        parser.addOptionalValueOption(QStringLiteral("csv"), QStringLiteral("CSV"),
                                      QStringLiteral("FILE"));
        parser.addOption({QStringLiteral("pdf"), QStringLiteral("PDF"), QStringLiteral("FILE")});
        QCOMPARE(parser.parse(arguments), Outcome::Run);
        QCOMPARE(parser.isSet(QStringLiteral("csv")), csv);
        QCOMPARE(parser.value(QStringLiteral("csv")), file);
        QCOMPARE(parser.value(QStringLiteral("pdf")), pdf);
        QVERIFY(parser.positionalArguments().isEmpty());
    }

    void stopAtFirstPositional() {
        SubcommandParser parser(QStringLiteral("meds"));
        parser.addOption(
            {QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("FILE")});
        parser.addPositional(QStringLiteral("COMMAND"), QStringLiteral("what to do"), Count::One,
                             QStringLiteral("needs a command"));
        parser.addPositional(QStringLiteral("ARGUMENTS"), QStringLiteral("its arguments"),
                             Count::Any);
        parser.setStopAtFirstPositional();
        QCOMPARE(parser.parse({QStringLiteral("--db"), QStringLiteral("x.sqlite"),
                               QStringLiteral("list"), QStringLiteral("--json"),
                               QStringLiteral("--help"), QStringLiteral("--db=y")}),
                 Outcome::Run);
        QCOMPARE(parser.value(QStringLiteral("db")), QStringLiteral("x.sqlite"));
        QCOMPARE(parser.positionalArguments(), (QStringList{"list", "--json", "--help", "--db=y"}));
        QCOMPARE(parser.parse({QStringLiteral("--db"), QStringLiteral("x.sqlite")}),
                 Outcome::Invalid);
        QCOMPARE(parser.error(), QStringLiteral("meds: needs a command"));
    }
};

QTEST_GUILESS_MAIN(TestSubcommandParser)
#include "tst_subcommand_parser.moc"
