// ocr_bench: times one photo end to end in a fresh `kilo-kiosk ocr --json` process beside plain
// `tesseract IMAGE -` on the same photos in the same run (interleaved, so load affects both),
// and prints medians, their ratio and each side's peak memory.
#include "child_process.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>
#include <vector>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString kiosk = QStringLiteral(KIOSK_APP_PATH);
    if (args.size() >= 2 && args[0] == QLatin1String("--kiosk")) {
        kiosk = args[1];
        args = args.mid(2);
    }
    QStringList images;
    for (const QString &a : args) {
        if (QFileInfo(a).isDir()) {
            const QDir d(a);
            for (const QString &f : d.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")},
                                                QDir::Files, QDir::Name))
                images.append(d.filePath(f));
        } else {
            images.append(a);
        }
    }
    if (images.isEmpty()) {
        std::fprintf(stderr, "usage: ocr_bench [--kiosk PATH] IMAGE|FOLDER...\n");
        return 2;
    }
    // Both sides with the same OpenMP threads (the kiosk ships with one: see
    // app/commands/ocr_command.cpp).
    if (!qEnvironmentVariableIsSet("OMP_THREAD_LIMIT"))
        qputenv("OMP_THREAD_LIMIT", "1");
    std::printf("OMP_THREAD_LIMIT=%s for both\n", qgetenv("OMP_THREAD_LIMIT").constData());
    std::vector<double> ours, theirs;
    long oursRss = 0, theirsRss = 0;
    int failures = 0;
    for (const QString &image : images) {
        const kiosk::bench::ChildRun k =
            kiosk::bench::runChild({kiosk, QStringLiteral("ocr"), QStringLiteral("--json"), image});
        const kiosk::bench::ChildRun t =
            kiosk::bench::runChild({QStringLiteral("tesseract"), image, QStringLiteral("-")});
        if (k.status != 0 || t.status != 0)
            ++failures;
        ours.push_back(k.ms);
        theirs.push_back(t.ms);
        oursRss = std::max(oursRss, k.maxRssKb);
        theirsRss = std::max(theirsRss, t.maxRssKb);
        std::printf("%-40s kilo-kiosk %7.0f ms  tesseract %7.0f ms\n",
                    qPrintable(QFileInfo(image).fileName()), k.ms, t.ms);
    }
    const double mo = kiosk::bench::median(ours), mt = kiosk::bench::median(theirs);
    std::printf("photos: %zu  (non-zero exits: %d)\n", ours.size(), failures);
    std::printf("median per photo: kilo-kiosk ocr %.0f ms, tesseract %.0f ms, ratio %.2f (below 1 "
                "is faster)\n",
                mo, mt, mt > 0 ? mo / mt : 0.0);
    std::printf("peak memory: kilo-kiosk ocr %.0f MB, tesseract %.0f MB\n", oursRss / 1024.0,
                theirsRss / 1024.0);
    return failures ? 1 : 0;
}
