#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The .ts files in i18n/: the Spanish one is complete (every entry finished, with the source's
// placeholders), the English one has every plural form, and no qsTr/tr text of the UI is
// missing from them (lupdate run over the same sources as the build, into a temporary file).
namespace {

struct Entry {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // the translation's type attribute ("unfinished", "vanished", ...)
    QStringList translations; // one, or one per plural form
};

QList<Entry> readTs(const QString &path, QString *error) {
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            entry = Entry{
                context, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes", {}, {}};
        } else if (name == u"source") {
            entry.source = xml.readElementText();
        } else if (name == u"translation") {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            if (entry.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        entry.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                entry.translations << xml.readElementText();
            }
            entries << entry;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return entries;
}

QStringList placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (const auto &match : re.globalMatch(text))
        found << match.captured(0);
    found.sort();
    return found;
}

QString describe(const Entry &e) {
    return QStringLiteral("[%1] \"%2\"").arg(e.context, e.source);
}

const QString kSourceDir = QStringLiteral(KIOSK_SOURCE_DIR);
const QString kSpanish = kSourceDir + QStringLiteral("/i18n/kilo-kiosk_es.ts");
const QString kEnglish = kSourceDir + QStringLiteral("/i18n/kilo-kiosk_en.ts");

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void spanishIsComplete() {
        QString error;
        const auto entries = readTs(kSpanish, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(entries.size() > 400);
        QStringList problems;
        for (const Entry &e : entries) {
            if (!e.type.isEmpty())
                problems << describe(e) + QStringLiteral(": type=\"%1\"").arg(e.type);
            if (e.numerus && e.translations.size() != 2) // Spanish: singular and plural
                problems << describe(e) +
                                QStringLiteral(": %1 plural forms").arg(e.translations.size());
            const QStringList wanted = placeholders(e.source);
            for (const QString &t : e.translations) {
                if (t.trimmed().isEmpty())
                    problems << describe(e) + QStringLiteral(": empty translation");
                else if (placeholders(t) != wanted)
                    problems << describe(e) +
                                    QStringLiteral(": placeholders %1 in \"%2\", want %3")
                                        .arg(placeholders(t).join(u' '), t, wanted.join(u' '));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void englishHasEveryPluralForm() {
        QString error;
        const auto entries = readTs(kEnglish, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems;
        int plurals = 0;
        for (const Entry &e : entries) {
            if (!e.numerus)
                continue; // the other English texts are their own source
            ++plurals;
            if (!e.type.isEmpty() || e.translations.size() != 2)
                problems << describe(e) + QStringLiteral(": plural forms unfinished");
            // The singular may say "the field" instead of "1 field": only %n may be left out.
            QStringList withoutN = placeholders(e.source);
            withoutN.removeAll(QStringLiteral("%n"));
            for (qsizetype i = 0; i < e.translations.size(); ++i) {
                const QString &t = e.translations.at(i);
                const QStringList found = placeholders(t);
                const bool ok = found == placeholders(e.source) || (i == 0 && found == withoutN);
                if (t.contains(QStringLiteral("(s)")) || !ok)
                    problems << describe(e) + QStringLiteral(": \"%1\"").arg(t);
            }
        }
        QVERIFY(plurals >= 10);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // lupdate over the build's translation sources, into a fresh file: the same texts as the
    // committed .ts files, none missing and none left over.
    void noTextIsMissingFromTheTsFiles() {
        QFile list(QStringLiteral(KIOSK_TRANSLATION_SOURCES_FILE));
        QVERIFY2(list.open(QIODevice::ReadOnly), qPrintable(list.fileName()));
        const QStringList sources =
            QString::fromUtf8(list.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(sources.size() > 50);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(QStringLiteral("fresh_es.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(KIOSK_LUPDATE),
                      QStringList{QStringLiteral("-silent"), QStringLiteral("-locations"),
                                  QStringLiteral("none"), QStringLiteral("-I"),
                                  kSourceDir + QStringLiteral("/src"), QStringLiteral("-I"),
                                  kSourceDir + QStringLiteral("/src/ui")} +
                          sources + QStringList{QStringLiteral("-ts"), fresh});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAll().constData());

        QString error;
        const auto key = [](const Entry &e) { return e.context + u'\x1f' + e.source; };
        QSet<QString> found;
        for (const Entry &e : readTs(fresh, &error))
            found << key(e);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(found.size() > 400);

        for (const QString &path : {kSpanish, kEnglish}) {
            QSet<QString> committed;
            for (const Entry &e : readTs(path, &error)) {
                if (e.type != u"vanished" && e.type != u"obsolete")
                    committed << key(e);
            }
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QStringList missing = (found - committed).values();
            QStringList stale = (committed - found).values();
            missing.sort();
            stale.sort();
            for (QStringList *s : {&missing, &stale}) {
                for (QString &k : *s)
                    k = u'[' + k.replace(u'\x1f', QStringLiteral("] \"")) + u'"';
            }
            QVERIFY2(missing.isEmpty(),
                     qPrintable(path +
                                QStringLiteral(" lacks (run the update_translations target, "
                                               "then translate):\n") +
                                missing.join(u'\n')));
            QVERIFY2(stale.isEmpty(),
                     qPrintable(path + QStringLiteral(" has texts no source uses any more:\n") +
                                stale.join(u'\n')));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
