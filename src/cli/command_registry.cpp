#include "cli/command_registry.h"

#include <algorithm>

namespace kiosk::cli {

void CommandRegistry::add(Subcommand command) {
    Q_ASSERT(!find(command.name));
    m_commands.append(std::move(command));
}

std::optional<Subcommand> CommandRegistry::find(const QString &name) const {
    const auto it = std::find_if(m_commands.cbegin(), m_commands.cend(),
                                 [&](const Subcommand &c) { return c.name == name; });
    if (it == m_commands.cend())
        return std::nullopt;
    return *it;
}

QString CommandRegistry::helpText() const {
    qsizetype width = 0;
    for (const auto &c : m_commands)
        width = std::max(width, c.name.size());
    QString text = QStringLiteral("Commands (run headless, no display needed):\n");
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(c.name.leftJustified(width), c.summary);
    return text;
}

} // namespace kiosk::cli
