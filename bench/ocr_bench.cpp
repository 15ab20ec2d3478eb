// ocr_bench: times one photo end to end in a fresh `kilo-kiosk ocr --json` process beside plain
// `tesseract IMAGE -` on the same photos in the same run (interleaved, so load affects both),
// and prints medians, their ratio and each side's peak memory.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStringList>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Run {
    double ms = 0;
    long maxRssKb = 0;
    int status = -1;
};

// fork/exec with wait4 so each child's own peak memory is known.
Run runProcess(const QStringList &command)
{
    std::vector<QByteArray> storage;
    for (const auto &a : command)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    Run run;
    int status = 0;
    rusage usage{};
    if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
        run.ms = double(timer.nsecsElapsed()) / 1e6;
        run.maxRssKb = usage.ru_maxrss;
        run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return run;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

} // namespace

int main(int argc, char **argv)
{
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
            for (const QString &f : d.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name))
                images.append(d.filePath(f));
        } else {
            images.append(a);
        }
    }
    if (images.isEmpty()) {
        std::fprintf(stderr, "usage: ocr_bench [--kiosk PATH] IMAGE|FOLDER...\n");
        return 2;
    }
    std::vector<double> ours, theirs;
    long oursRss = 0, theirsRss = 0;
    int failures = 0;
    for (const QString &image : images) {
        const Run k = runProcess({kiosk, QStringLiteral("ocr"), QStringLiteral("--json"), image});
        const Run t = runProcess({QStringLiteral("tesseract"), image, QStringLiteral("-")});
        if (k.status != 0 || t.status != 0)
            ++failures;
        ours.push_back(k.ms);
        theirs.push_back(t.ms);
        oursRss = std::max(oursRss, k.maxRssKb);
        theirsRss = std::max(theirsRss, t.maxRssKb);
        std::printf("%-40s kilo-kiosk %7.0f ms  tesseract %7.0f ms\n", qPrintable(QFileInfo(image).fileName()), k.ms, t.ms);
    }
    const double mo = median(ours), mt = median(theirs);
    std::printf("photos: %zu  (non-zero exits: %d)\n", ours.size(), failures);
    std::printf("median per photo: kilo-kiosk ocr %.0f ms, tesseract %.0f ms, ratio %.2f (below 1 is faster)\n", mo, mt, mt > 0 ? mo / mt : 0.0);
    std::printf("peak memory: kilo-kiosk ocr %.0f MB, tesseract %.0f MB\n", oursRss / 1024.0, theirsRss / 1024.0);
    return failures ? 1 : 0;
}
