// One theme (issue 13): colours and font sizes come only from qml/Style.qml, and no QML file
// imports a private Qt module (`*.impl`, e.g. QtQuick.Controls.impl), which may change in any
// Qt release. Scans the source files of qml/ as text: no QML engine, so it runs in milliseconds.

#include <QColor>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// What one file says, split into its string literals (with their lines) and its code with the
// comments and strings blanked out, so that "file://a#b" or "// was #fafafa" is not a colour.
struct QmlText {
    struct Literal {
        QString text;
        int line = 0;
        bool translated = false; // the argument of qsTr(): words for people, not colours
    };
    QList<Literal> literals;
    QStringList codeLines;
};

QmlText split(const QString &source) {
    QmlText out;
    QString code;
    int line = 1;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        const QChar next = i + 1 < source.size() ? source.at(i + 1) : QChar();
        if (c == u'/' && next == u'/') {
            while (i < source.size() && source.at(i) != u'\n')
                ++i;
            --i;
        } else if (c == u'/' && next == u'*') {
            for (i += 2;
                 i + 1 < source.size() && !(source.at(i) == u'*' && source.at(i + 1) == u'/');
                 ++i) {
                if (source.at(i) == u'\n') {
                    code += u'\n';
                    ++line;
                }
            }
            ++i;
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            QmlText::Literal literal;
            literal.line = line;
            literal.translated = QRegularExpression(QStringLiteral("qsTr\\s*\\(\\s*$"))
                                     .match(code.right(16))
                                     .hasMatch();
            for (++i; i < source.size() && source.at(i) != c; ++i) {
                if (source.at(i) == u'\\' && i + 1 < source.size())
                    literal.text += source.at(++i);
                else
                    literal.text += source.at(i);
                if (source.at(i) == u'\n')
                    ++line;
            }
            out.literals.append(literal);
            // Blanked, but its line breaks kept so that code lines keep their numbers.
            code += QStringLiteral("\"\"") + QString(literal.text.count(u'\n'), u'\n');
        } else {
            code += c;
            if (c == u'\n')
                ++line;
        }
    }
    out.codeLines = code.split(u'\n');
    return out;
}

// Every place in `source` that spells a colour or a font size instead of naming Style's, or
// imports a private module, as "line N: what". `isStyle` allows what only Style.qml may hold.
QStringList problems(const QString &source, bool isStyle) {
    static const QRegularExpression hexColour(
        QStringLiteral("^\\s*#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\\s*$"));
    // Qt.rgba(), Qt.hsla(), ... build a colour from numbers; Material.color() picks one of
    // Material's palette by name (Red, Indigo): both bypass the theme's meaning-named colours.
    static const QRegularExpression colourCall(
        QStringLiteral("\\bQt\\s*\\.\\s*(rgba|rgb|hsla|hsl|hsva|hsv|color)\\s*\\(|\\bMaterial\\s*"
                       "\\.\\s*color\\s*\\("));
    static const QRegularExpression rawFontSize(
        QStringLiteral("\\b(pixelSize|pointSize)\\s*:\\s*[0-9]"));
    static const QRegularExpression privateImport(
        QStringLiteral("^\\s*import\\s+[\\w.]*\\.impl\\b"));
    QStringList names = QColor::colorNames();
    // A colour that is no colour: "nothing drawn here" needs no theme.
    names.removeAll(QStringLiteral("transparent"));

    const QmlText text = split(source);
    QStringList found;
    for (const QmlText::Literal &literal : text.literals) {
        if (isStyle || literal.translated)
            continue;
        if (hexColour.match(literal.text).hasMatch())
            found << QStringLiteral("line %1: colour literal \"%2\"")
                         .arg(literal.line)
                         .arg(literal.text);
        else if (names.contains(literal.text.trimmed().toLower()))
            found << QStringLiteral("line %1: named colour \"%2\"")
                         .arg(literal.line)
                         .arg(literal.text);
    }
    for (qsizetype i = 0; i < text.codeLines.size(); ++i) {
        const QString &code = text.codeLines.at(i);
        if (privateImport.match(code).hasMatch())
            found << QStringLiteral("line %1: private module: %2").arg(i + 1).arg(code.trimmed());
        if (isStyle)
            continue;
        if (const QRegularExpressionMatch m = colourCall.match(code); m.hasMatch())
            found << QStringLiteral("line %1: colour made in place: %2")
                         .arg(i + 1)
                         .arg(m.captured(0));
        if (rawFontSize.match(code).hasMatch())
            found << QStringLiteral("line %1: font size as a number: %2")
                         .arg(i + 1)
                         .arg(code.trimmed());
    }
    return found;
}

QString qmlDir() {
    return QStringLiteral(KIOSK_SOURCE_DIR "/qml");
}

} // namespace

class TestQmlTheme : public QObject {
    Q_OBJECT

private slots:
    // The checker itself: each kind of slip is caught, and what is fine passes.
    void checkerCatchesEachKind_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("isStyle");
        QTest::addColumn<int>("expected");
        QTest::newRow("hex") << "Rectangle { color: \"#c62828\" }" << false << 1;
        QTest::newRow("hex with alpha") << "Rectangle { color: '#99000000' }" << false << 1;
        QTest::newRow("short hex") << "Rectangle { color: \"#fff\" }" << false << 1;
        QTest::newRow("named") << "Label { color: \"white\" }" << false << 1;
        QTest::newRow("named in a ternary") << "Label { color: a ? b\n : \"Red\" }" << false << 1;
        QTest::newRow("rgba") << "Rectangle { color: Qt.rgba(0, 0, 0, 0.5) }" << false << 1;
        QTest::newRow("hsla") << "Rectangle { color: Qt.hsla(0, 0, 0, 1) }" << false << 1;
        QTest::newRow("material palette")
            << "Label { color: Material.color(Material.Red) }" << false << 1;
        QTest::newRow("raw font size") << "Label { font.pixelSize: 15 }" << false << 1;
        QTest::newRow("private import") << "import QtQuick\nimport QtQuick.Controls.impl\n"
                                        << false << 1;
        QTest::newRow("private import in Style") << "import QtQuick.Controls.Material.impl\n"
                                                 << true << 1;
        QTest::newRow("Style may spell colours")
            << "QtObject { readonly property color error: dark ? \"#ef9a9a\" : \"#c62828\"\n"
               "function tint(c, a) { return Qt.rgba(c.r, c.g, c.b, a) } }"
            << true << 0;
        QTest::newRow("names from Style")
            << "Label { color: Style.error; font.pixelSize: Style.fontBody }" << false << 0;
        QTest::newRow("transparent") << "Rectangle { color: \"transparent\" }" << false << 0;
        QTest::newRow("comment")
            << "// was \"#fafafa\" and Qt.rgba(0,0,0,1)\n/* \"white\" */ Item {}" << false << 0;
        QTest::newRow("words for people") << "Label { text: qsTr(\"Orange\") }" << false << 0;
        QTest::newRow("url fragment") << "Image { source: \"qrc:/a.svg#fff\" }" << false << 0;
        QTest::newRow("public controls")
            << "import QtQuick.Controls\nimport QtQuick.Controls.Material\n"
            << false << 0;
    }

    void checkerCatchesEachKind() {
        QFETCH(QString, source);
        QFETCH(bool, isStyle);
        QFETCH(int, expected);
        const QStringList found = problems(source, isStyle);
        QVERIFY2(found.size() == expected, qPrintable(found.join(u"; ")));
    }

    void eachQmlFile_data() {
        QTest::addColumn<QString>("path");
        QDirIterator it(qmlDir(), {QStringLiteral("*.qml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(qmlDir()).relativeFilePath(path))) << path;
            ++count;
        }
        // A wrong folder would pass every file it does not find.
        QVERIFY2(count >= 20,
                 qPrintable(QStringLiteral("only %1 QML files under %2").arg(count).arg(qmlDir())));
    }

    // Colours and font sizes are named in Style.qml and nowhere else; no private imports at all.
    void eachQmlFile() {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const bool isStyle = QDir(qmlDir()).relativeFilePath(path) == u"Style.qml";
        const QStringList found = problems(QString::fromUtf8(file.readAll()), isStyle);
        QVERIFY2(
            found.isEmpty(),
            qPrintable(
                QStringLiteral("%1 (use a Style name):\n  %2").arg(path, found.join(u"\n  "))));
    }
};

QTEST_APPLESS_MAIN(TestQmlTheme)
#include "tst_qml_theme.moc"
