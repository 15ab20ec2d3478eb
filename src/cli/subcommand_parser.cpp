#include "cli/subcommand_parser.h"

#include "cli/cli_output.h"

#include <QRegularExpression>
#include <QTextStream>

namespace kiosk::cli {

namespace {

const QString kHelp = QStringLiteral("help");

bool isOptionLike(const QString &argument) {
    return argument.startsWith(u'-') && argument != u"-";
}

QString dashed(const QString &name) {
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

} // namespace

SubcommandParser::SubcommandParser(const QString &commandPath)
    : m_commandPath(commandPath) {
    addOption({{QStringLiteral("h"), kHelp}, QStringLiteral("show this help")});
}

void SubcommandParser::setDescription(const QString &description) {
    m_parser.setApplicationDescription(description);
}

void SubcommandParser::setSynopsis(const QString &synopsis) {
    m_synopsis = synopsis;
}

void SubcommandParser::addOption(const QCommandLineOption &option) {
    const bool added = m_parser.addOption(option);
    Q_ASSERT_X(added, "SubcommandParser::addOption", "an option name is used twice");
    Q_UNUSED(added);
    for (const QString &name : option.names())
        m_takesValue.insert(name, !option.valueName().isEmpty());
}

void SubcommandParser::addOptionalValueOption(const QString &name, const QString &description,
                                              const QString &valueName) {
    addOption({name, description, valueName});
    m_optionalValueNames.append(name);
}

void SubcommandParser::addPositional(const QString &name, const QString &description, Count count,
                                     const QString &whenMissing) {
    QString syntax = name;
    if (count == Count::OneOrMore || count == Count::Any)
        syntax += QStringLiteral("...");
    if (count == Count::Optional || count == Count::Any)
        syntax = QStringLiteral("[%1]").arg(syntax);
    m_parser.addPositionalArgument(name, description, syntax);
    m_positionals.append({name, syntax, count, whenMissing});
}

void SubcommandParser::setStopAtFirstPositional() {
    m_stopAtFirstPositional = true;
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

SubcommandParser::Outcome SubcommandParser::parse(const QStringList &arguments) {
    m_error.clear();
    // QCommandLineParser reads its first element as the program name and skips it.
    const bool parsed =
        m_parser.parse(QStringList{m_commandPath} + withOptionalValuesJoined(arguments));
    // --help wins over a mistake elsewhere on the line: the help is what the person needs then.
    if (m_parser.isSet(kHelp))
        return Outcome::Help;
    m_error = parsed ? positionalCountError() : optionErrorLine();
    return m_error.isEmpty() ? Outcome::Run : Outcome::Invalid;
}

std::optional<int> SubcommandParser::parseOrExit(const QStringList &arguments) {
    switch (parse(arguments)) {
    case Outcome::Help:
        QTextStream(stdout) << helpText();
        return 0;
    case Outcome::Invalid:
        return CliOutput::fail(m_error, kUsageError);
    case Outcome::Run:
        break;
    }
    return std::nullopt;
}

QString SubcommandParser::helpText() const {
    // Qt's first line names the executable's path; ours names the command as it is typed.
    QString synopsis = m_synopsis;
    if (synopsis.isEmpty()) {
        synopsis = QStringLiteral("[options]");
        for (const Positional &positional : m_positionals)
            synopsis += u' ' + positional.syntax;
    }
    return QStringLiteral("usage: kilo-kiosk %1 %2\n").arg(m_commandPath, synopsis) +
           m_parser.helpText().section(u'\n', 1);
}

// "--csv FILE" becomes "--csv=FILE" and a bare "--csv" becomes "--csv=", which QCommandLineParser
// reads as a value option; the values of the other options are stepped over, never rewritten.
QStringList SubcommandParser::withOptionalValuesJoined(const QStringList &arguments) const {
    if (m_optionalValueNames.isEmpty())
        return arguments;
    QStringList joined;
    bool rest = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (rest) {
            joined.append(argument);
            continue;
        }
        if (argument == u"--" || !isOptionLike(argument)) {
            joined.append(argument);
            rest = argument == u"--" || m_stopAtFirstPositional;
            continue;
        }
        const QString name = argument.mid(argument.startsWith(u"--") ? 2 : 1);
        if (name.contains(u'=')) {
            joined.append(argument);
        } else if (argument.startsWith(u"--") && m_optionalValueNames.contains(name)) {
            const bool valueFollows = i + 1 < arguments.size() &&
                                      !isOptionLike(arguments.at(i + 1)) &&
                                      arguments.at(i + 1) != u"--";
            joined.append(argument + u'=' + (valueFollows ? arguments.at(++i) : QString()));
        } else {
            joined.append(argument);
            if (m_takesValue.value(name) && i + 1 < arguments.size())
                joined.append(arguments.at(++i));
        }
    }
    return joined;
}

QString SubcommandParser::optionErrorLine() const {
    const QStringList unknown = m_parser.unknownOptionNames();
    if (!unknown.isEmpty())
        return QStringLiteral("%1: unknown option %2 %3")
            .arg(m_commandPath, dashed(unknown.first()), seeHelp());
    // The other two mistakes QCommandLineParser reports, in its own (untranslated) words; the
    // test pins them, so a Qt that words them differently fails there, not in front of a user.
    const QString text = m_parser.errorText();
    static const QRegularExpression quoted(QStringLiteral("'([^']*)'"));
    const QString argument = quoted.match(text).captured(1);
    if (text.startsWith(QLatin1String("Missing value after")))
        return QStringLiteral("%1: %2 needs a value").arg(m_commandPath, argument);
    if (text.startsWith(QLatin1String("Unexpected value after")))
        return QStringLiteral("%1: %2 takes no value").arg(m_commandPath, argument);
    QString line = text;
    if (line.endsWith(u'.'))
        line.chop(1);
    if (!line.isEmpty())
        line[0] = line[0].toLower();
    return QStringLiteral("%1: %2").arg(m_commandPath, line);
}

QString SubcommandParser::positionalCountError() const {
    const QStringList given = m_parser.positionalArguments();
    QList<const Positional *> required;
    qsizetype most = 0;
    bool unbounded = false;
    for (const Positional &positional : m_positionals) {
        if (positional.count == Count::One || positional.count == Count::OneOrMore)
            required.append(&positional);
        if (positional.count == Count::One || positional.count == Count::Optional)
            ++most;
        else
            unbounded = true;
    }
    if (given.size() < required.size()) {
        const Positional *missing = required.at(given.size());
        const QString sentence = missing->whenMissing.isEmpty()
                                     ? QStringLiteral("missing %1 %2").arg(missing->name, seeHelp())
                                     : missing->whenMissing;
        return QStringLiteral("%1: %2").arg(m_commandPath, sentence);
    }
    if (!unbounded && given.size() > most)
        return QStringLiteral("%1: unexpected argument \"%2\" %3")
            .arg(m_commandPath, given.at(most), seeHelp());
    return {};
}

QString SubcommandParser::seeHelp() const {
    return QStringLiteral("(see kilo-kiosk %1 --help)").arg(m_commandPath);
}

} // namespace kiosk::cli
