#pragma once

// Runs a command in a fresh process and measures it: wall time and the child's own peak memory
// (wait4's ru_maxrss), for the benchmarks that compare the kiosk with another tool.
#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace kiosk::bench {

struct ChildRun {
    double ms = 0;
    long maxRssKb = 0;
    int status = -1; // exit code, -1 when it did not exit normally
};

// stdout goes to outputFile (owner-only), or is dropped when it is empty; stderr is dropped.
inline ChildRun runChild(const QStringList &command, const QString &outputFile = QString()) {
    std::vector<QByteArray> storage;
    for (const auto &a : command)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    const QByteArray outPath =
        outputFile.isEmpty() ? QByteArray("/dev/null") : QFile::encodeName(outputFile);
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(out, 1);
        dup2(devnull, 2);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    ChildRun run;
    int status = 0;
    rusage usage{};
    if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
        run.ms = double(timer.nsecsElapsed()) / 1e6;
        run.maxRssKb = usage.ru_maxrss;
        run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return run;
}

inline double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

} // namespace kiosk::bench
