// ocr_eval: runs the local reading pipeline over a folder of NNNN.jpg + NNNN.json (ground truth)
// and prints per-field accuracy, whole-record accuracy, silent-error rate and time per image,
// scored by the rules of rx-eval/CONTRACT.md.
#include "ocr/ocr_pipeline.h"
#include "ocr/rx_scorer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace kiosk::ocr;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Score local prescription reading against ground truth."));
    cli.addHelpOption();
    cli.addPositionalArgument(QStringLiteral("folder"),
                              QStringLiteral("folder with NNNN.jpg/.png and NNNN.json"));
    cli.addOption({{QStringLiteral("v"), QStringLiteral("verbose")},
                   QStringLiteral("print every wrong field")});
    cli.addOption({QStringLiteral("text"), QStringLiteral("print the OCR rows of every image")});
    cli.addOption({QStringLiteral("psm"), QStringLiteral("Tesseract page segmentation mode"),
                   QStringLiteral("n"), QStringLiteral("11")});
    cli.addOption({QStringLiteral("glyph"), QStringLiteral("target glyph height in px"),
                   QStringLiteral("px"), QStringLiteral("26")});
    cli.addOption(
        {QStringLiteral("binarise"), QStringLiteral("binarise before Tesseract (for comparison)")});
    cli.addOption(
        {QStringLiteral("jsonl"),
         QStringLiteral("also write the contract's JSON lines (for rx-eval/score_real.py)"),
         QStringLiteral("file")});
    cli.process(app);
    if (cli.positionalArguments().size() != 1) {
        std::fprintf(stderr, "ocr_eval: error: give one folder\n");
        return 2;
    }
    const QDir dir(cli.positionalArguments().constFirst());
    const QStringList images =
        dir.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png")},
                      QDir::Files, QDir::Name);
    if (images.isEmpty()) {
        std::fprintf(stderr, "ocr_eval: error: no images in %s\n", qPrintable(dir.path()));
        return 2;
    }
    TesseractEngine::Options engine;
    engine.pageSegMode = cli.value(QStringLiteral("psm")).toInt();
    Preprocessor::Options prep;
    prep.targetGlyphHeight = cli.value(QStringLiteral("glyph")).toDouble();
    prep.binarise = cli.isSet(QStringLiteral("binarise"));
    QElapsedTimer initTimer;
    initTimer.start();
    OcrPipeline pipeline(engine, prep);
    if (!pipeline.initError().isEmpty()) {
        std::fprintf(stderr, "ocr_eval: error: %s\n", qPrintable(pipeline.initError()));
        return 1;
    }
    const qint64 initMs = initTimer.elapsed();

    QTextStream out(stdout);
    QFile jsonl(cli.value(QStringLiteral("jsonl")));
    if (cli.isSet(QStringLiteral("jsonl")) &&
        !jsonl.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "ocr_eval: error: cannot write %s\n", qPrintable(jsonl.fileName()));
        return 1;
    }
    RxScorer::Totals totals;
    std::vector<qint64> times;
    int unscored = 0;
    for (const QString &name : images) {
        const QString base = QFileInfo(name).completeBaseName();
        QFile truthFile(dir.filePath(base + QStringLiteral(".json")));
        if (!truthFile.open(QIODevice::ReadOnly)) {
            // Said, not skipped silently: a photo without ground truth is not in the figures.
            std::fprintf(stderr, "ocr_eval: %s has no %s.json: not scored\n", qPrintable(name),
                         qPrintable(base));
            ++unscored;
            continue;
        }
        const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
        const auto result = pipeline.readFile(dir.filePath(name));
        times.push_back(result.ms);
        const QJsonObject reading = result.toJson(name);
        if (jsonl.isOpen())
            jsonl.write(
                QJsonDocument(result.toJson(dir.filePath(name))).toJson(QJsonDocument::Compact) +
                '\n');
        const auto scores = RxScorer::score(reading, truth);
        totals.add(scores, !result.ok());
        if (cli.isSet(QStringLiteral("text"))) {
            out << "=== " << name << " (" << truth.value(QStringLiteral("_template")).toString()
                << ' ' << truth.value(QStringLiteral("_level")).toInt() << ")\n";
            for (const auto &row : FieldParser::layoutRows(result.page)) {
                out << "   ";
                for (const auto &cell : row.cells)
                    out << " | " << cell.text;
                out << '\n';
            }
        }
        if (cli.isSet(QStringLiteral("verbose"))) {
            for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
                if (it->right && !(it->flagged && Prescription::coreFields().contains(it.key())))
                    continue;
                const bool silent =
                    !it->right && !it->flagged && Prescription::coreFields().contains(it.key());
                out << name << ' '
                    << (it->right ? "flagged-but-right "
                        : silent  ? "SILENT "
                                  : "wrong ")
                    << it.key() << ": got "
                    << QJsonDocument(QJsonObject{{QStringLiteral("v"), reading.value(it.key())}})
                           .toJson(QJsonDocument::Compact)
                    << " want "
                    << QJsonDocument(QJsonObject{{QStringLiteral("v"), truth.value(it.key())}})
                           .toJson(QJsonDocument::Compact)
                    << " conf "
                    << reading.value(QStringLiteral("confidence"))
                           .toObject()
                           .value(it.key())
                           .toDouble()
                    << '\n';
            }
            if (!result.ok())
                out << name << " ERROR " << result.error << '\n';
        }
    }
    if (times.empty()) {
        std::fprintf(stderr, "ocr_eval: error: no photo in %s has ground truth\n",
                     qPrintable(dir.path()));
        return 2;
    }
    std::sort(times.begin(), times.end());
    const double n = totals.images;
    out << "images: " << totals.images << "  errors: " << totals.errors
        << "  not scored (no truth): " << unscored << "  engine init: " << initMs << " ms\n";
    out << "field accuracy:\n";
    for (const QString &field : Prescription::allFields()) {
        if (!totals.right.contains(field))
            continue;
        const bool core = Prescription::coreFields().contains(field);
        out << QStringLiteral("  %1 %2 %3%\n")
                   .arg(field, -16)
                   .arg(core ? QStringLiteral("core") : QStringLiteral("    "))
                   .arg(100.0 * totals.right.value(field) / n, 5, 'f', 1);
    }
    int coreRight = 0;
    for (const QString &f : Prescription::coreFields())
        coreRight += totals.right.value(f);
    out << QStringLiteral("core fields right: %1% (%2/%3)\n")
               .arg(100.0 * coreRight / totals.coreFields(), 0, 'f', 1)
               .arg(coreRight)
               .arg(totals.coreFields());
    out << QStringLiteral("whole records right: %1% (%2/%3)\n")
               .arg(100.0 * totals.wholeRecords / n, 0, 'f', 1)
               .arg(totals.wholeRecords)
               .arg(totals.images);
    out << QStringLiteral("silent errors: %1% of core fields (%2/%3)\n")
               .arg(100.0 * totals.silentErrors / totals.coreFields(), 0, 'f', 1)
               .arg(totals.silentErrors)
               .arg(totals.coreFields());
    out << QStringLiteral("right but flagged for review: %1 core fields\n")
               .arg(totals.flaggedRight);
    out << QStringLiteral("time per image: median %1 ms, max %2 ms\n")
               .arg(times[times.size() / 2])
               .arg(times.back());
    // Photos that could not be read at all fail the run, so a script notices.
    return totals.errors > 0 ? 1 : 0;
}
