#pragma once

#include <QString>
#include <QStringList>

namespace kiosk::cli {

// What one run of kilo-kiosk is asked to do, decided from argv before any QApplication exists
// (a subcommand must not need a display).
struct LaunchOptions {
    enum class Mode { Ui, Subcommand, Version, Help, Error };

    Mode mode = Mode::Ui;
    QString subcommand;         // Mode::Subcommand
    QStringList subcommandArgs; // everything after the subcommand name
    QString error;              // Mode::Error: one line saying what is wrong

    // UI options
    bool demo = false;
    bool kiosk = false;
    QString screenshotDir;
    QString server;
    QString kubeconfig;
    QString context;
    QString nameSpace;
    QString language;       // --lang en|es: the UI language for this run (empty: the saved choice)
    bool largeText = false; // --large-text: larger text for this run (false: the saved choice)

    static LaunchOptions parse(const QStringList &arguments, const QStringList &knownSubcommands);
    static QString uiUsage();
};

} // namespace kiosk::cli
