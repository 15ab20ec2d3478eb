#pragma once

#include "cli/subcommand.h"

#include <QList>
#include <optional>

namespace kiosk::cli {

// The table of subcommands the executable dispatches to.
class CommandRegistry {
public:
    void add(Subcommand command);
    std::optional<Subcommand> find(const QString &name) const;
    const QList<Subcommand> &commands() const { return m_commands; }
    // The "Commands:" section of --help, names aligned.
    QString helpText() const;

private:
    QList<Subcommand> m_commands;
};

} // namespace kiosk::cli
