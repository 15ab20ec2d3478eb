#pragma once

#include <QJsonValue>
#include <QString>

namespace kiosk::cli {

// What every subcommand prints the same way: one error or warning line on stderr, JSON on stdout.
class CliOutput {
public:
    // "kilo-kiosk: error: MESSAGE" on one line (newlines become spaces); returns status.
    static int fail(const QString &message, int status = 1);
    // "kilo-kiosk: warning: MESSAGE" on one line: something the run went on without.
    static void warn(const QString &message);
    // An object or array, indented for people or compact on one line for scripts.
    static void printJson(const QJsonValue &value, bool indented);
};

} // namespace kiosk::cli
