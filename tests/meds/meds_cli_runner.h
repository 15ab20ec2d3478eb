#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the real kilo-kiosk executable (or $KIOSK_TEST_EXECUTABLE) in a clean environment.
struct MedsCliRunner {
    static QString executable() {
        const QString fromEnvironment = qEnvironmentVariable("KIOSK_TEST_EXECUTABLE");
        return fromEnvironment.isEmpty() ? QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk")
                                         : fromEnvironment;
    }

    struct Result {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };

    static QProcessEnvironment environment(const QString &home) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.remove(QStringLiteral("KILO_KIOSK_MEDS_DB"));
        return env;
    }

    static Result run(const QString &home, const QStringList &arguments,
                      const QByteArray &input = {}) {
        QProcess process;
        process.setProcessEnvironment(environment(home));
        return finish(process, QStringList{QStringLiteral("meds")} + arguments, input);
    }

    // Starts the executable in process (its environment and modifiers already set) with
    // arguments, feeds input, and collects the result; status -1 when it did not start or end.
    static Result finish(QProcess &process, const QStringList &arguments, const QByteArray &input,
                         int timeoutMs = 30000) {
        process.start(executable(), arguments);
        Result result;
        if (!process.waitForStarted(10000))
            return result;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
};
