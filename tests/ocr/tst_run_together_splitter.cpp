#include "ocr/drug_lexicon.h"
#include "ocr/field_parser.h"
#include "ocr/run_together_splitter.h"

#include <QTest>

using kiosk::ocr::DrugLexicon;
using kiosk::ocr::OcrLine;
using kiosk::ocr::OcrPage;
using kiosk::ocr::OcrWord;
using kiosk::ocr::RunTogetherSplitter;

class TestRunTogetherSplitter : public QObject {
    Q_OBJECT
private slots:
    void putsBackLostSpaces_data();
    void putsBackLostSpaces();
    void sharesTheBoxAndConfidence();
    void theParserReadsRunTogetherDirections();
};

void TestRunTogetherSplitter::putsBackLostSpaces_data() {
    QTest::addColumn<QString>("read");
    QTest::addColumn<QStringList>("pieces");
    QTest::newRow("directions") << "TAKE1TABLETBYMOUTH"
                                << QStringList{"TAKE", "1", "TABLET", "BY", "MOUTH"};
    QTest::newRow("a half") << "TAKE1/2CAPSULE" << QStringList{"TAKE", "1/2", "CAPSULE"};
    QTest::newRow("maker's prefix stays joined")
        << "SANDOZ-CEPHALEXIN500MGCAP" << QStringList{"SANDOZ-CEPHALEXIN", "500MG", "CAP"};
    QTest::newRow("liquid") << "GIVE5MLBYMOUTH" << QStringList{"GIVE", "5ML", "BY", "MOUTH"};
    QTest::newRow("mixed case") << "Takewithfood" << QStringList{"Take", "with", "food"};
    QTest::newRow("one stray letter") << "TABLETBYMOUTHX" << QStringList{"TABLET", "BY", "MOUTHX"};
    QTest::newRow("a known word stays") << "TABLETS" << QStringList{"TABLETS"};
    QTest::newRow("a drug name stays") << "Atorvastatin" << QStringList{"Atorvastatin"};
    QTest::newRow("a name it does not know stays") << "HALVORSEN" << QStringList{"HALVORSEN"};
    QTest::newRow("short words stay") << "Tablt" << QStringList{"Tablt"};
    QTest::newRow("keyed value stays") << "Filled:90" << QStringList{"Filled:90"};
    QTest::newRow("other punctuation stays") << "(FOR)NAUSEA" << QStringList{"(FOR)NAUSEA"};
}

void TestRunTogetherSplitter::putsBackLostSpaces() {
    QFETCH(QString, read);
    QFETCH(QStringList, pieces);
    const RunTogetherSplitter splitter(DrugLexicon::shared());
    QCOMPARE(splitter.split(read), pieces);
}

void TestRunTogetherSplitter::sharesTheBoxAndConfidence() {
    const RunTogetherSplitter splitter(DrugLexicon::shared());
    OcrPage page;
    OcrLine line;
    line.words.push_back(OcrWord{QStringLiteral("Qty"), 0.9, QRect(0, 10, 30, 20)});
    line.words.push_back(OcrWord{QStringLiteral("TAKEONCEDAILY"), 0.7, QRect(100, 10, 130, 20)});
    page.lines.push_back(line);
    const OcrPage split = splitter.apply(page);
    QCOMPARE(split.lines.size(), size_t(1));
    const auto &words = split.lines.front().words;
    QCOMPARE(split.lines.front().text(), QStringLiteral("Qty TAKE ONCE DAILY"));
    QCOMPARE(words[1].box, QRect(100, 10, 40, 20)); // 4 of 13 letters
    QCOMPARE(words[3].box.right(), 229);
    for (size_t i = 1; i < words.size(); ++i)
        QCOMPARE(words[i].confidence, 0.7);
}

void TestRunTogetherSplitter::theParserReadsRunTogetherDirections() {
    const kiosk::ocr::FieldParser parser(DrugLexicon::shared());
    const auto rx = parser.parseText(
        QStringLiteral("LISINOPRIL10MGTABLET\nTAKE1TABLETBYMOUTHONCEDAILY\nQty:30"));
    QCOMPARE(rx.medicationName, QStringLiteral("Lisinopril"));
    QCOMPARE(rx.dosage.toLower().remove(QLatin1Char(' ')), QStringLiteral("10mg"));
    QCOMPARE(rx.instructions.toLower(), QStringLiteral("take 1 tablet by mouth once daily"));
}

QTEST_GUILESS_MAIN(TestRunTogetherSplitter)
#include "tst_run_together_splitter.moc"
