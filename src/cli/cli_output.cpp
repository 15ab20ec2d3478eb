#include "cli/cli_output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace kiosk::cli {

namespace {

void printLine(const char *kind, const QString &message) {
    QString line = message;
    line.replace(u'\n', u' ');
    QTextStream(stderr) << "kilo-kiosk: " << kind << ": " << line << '\n';
}

} // namespace

int CliOutput::fail(const QString &message, int status) {
    printLine("error", message);
    return status;
}

void CliOutput::warn(const QString &message) {
    printLine("warning", message);
}

void CliOutput::printJson(const QJsonValue &value, bool indented) {
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    QTextStream out(stdout);
    out << document.toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
    if (!indented)
        out << '\n';
}

} // namespace kiosk::cli
