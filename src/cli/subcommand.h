#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace kiosk::cli {

// A headless subcommand: runs on QCoreApplication, gets the arguments after its name.
struct Subcommand {
    QString name;
    QString summary;
    // Returns the process exit status; errors go to stderr as one clear line.
    std::function<int(const QStringList &arguments)> run;
    // True for arguments that need QGuiApplication (fonts for a PDF); it then runs offscreen.
    std::function<bool(const QStringList &arguments)> needsGui = {};
};

} // namespace kiosk::cli
