#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::cli {

// The options and arguments of one subcommand ("meds add"), parsed by QCommandLineParser with the
// CLI's rules: a problem is one line naming the command (exit status 2), and --help/-h prints
// that command's help. Every command in app/commands parses through one of these.
class SubcommandParser {
public:
    // How many positional arguments one declared argument takes.
    enum class Count { One, Optional, OneOrMore, Any };
    enum class Outcome { Run, Help, Invalid };
    static constexpr int kUsageError = 2;

    // commandPath names the command as typed after kilo-kiosk: "sim", "meds add".
    explicit SubcommandParser(const QString &commandPath);
    Q_DISABLE_COPY_MOVE(SubcommandParser)

    // Lines shown under the usage line of --help.
    void setDescription(const QString &description);
    // What follows "usage: kilo-kiosk <path> " in --help; default: "[options]" and the arguments.
    void setSynopsis(const QString &synopsis);
    // A flag (no value name) or an option with a value; --opt VALUE and --opt=VALUE both work.
    void addOption(const QCommandLineOption &option);
    // --csv [FILE]: takes the next argument as its value unless that starts with '-' ("-" alone is
    // a value: standard input or output); --csv=FILE works too. isSet() says whether it was given.
    void addOptionalValueOption(const QString &name, const QString &description,
                                const QString &valueName);
    // Declared in order; the counts are checked after the options. whenMissing replaces the
    // standard "missing NAME" sentence.
    void addPositional(const QString &name, const QString &description, Count count = Count::One,
                       const QString &whenMissing = {});
    // For a command with its own commands ("meds list"): options end at the first positional
    // argument, and it and everything after it are left as they are for the inner parser.
    void setStopAtFirstPositional();

    // Pure: no output. On Invalid, error() holds the one line (without "kilo-kiosk: error: ").
    Outcome parse(const QStringList &arguments);
    // Parses; prints the help (returns 0) or the error line (returns 2); nullopt: go on and run.
    std::optional<int> parseOrExit(const QStringList &arguments);

    QString commandPath() const { return m_commandPath; }
    QString error() const { return m_error; }
    QString helpText() const;

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    // The last value given (or the default); values() gives all of them in order.
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }
    // The options given, as their first name, in order (a repeated option appears each time).
    QStringList optionNames() const { return m_parser.optionNames(); }

private:
    struct Positional {
        QString name;
        QString syntax; // as the usage line shows it: NAME, [NAME], NAME..., [NAME...]
        Count count;
        QString whenMissing;
    };

    QStringList withOptionalValuesJoined(const QStringList &arguments) const;
    QString optionErrorLine() const;
    QString positionalCountError() const;
    QString seeHelp() const;

    QString m_commandPath;
    QString m_synopsis;
    QCommandLineParser m_parser;
    QList<Positional> m_positionals;
    QHash<QString, bool> m_takesValue; // every option name: whether it takes a value
    QStringList m_optionalValueNames;
    bool m_stopAtFirstPositional = false;
    QString m_error;
};

} // namespace kiosk::cli
