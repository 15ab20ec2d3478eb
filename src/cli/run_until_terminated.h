#pragma once

#include <optional>

namespace kiosk::cli {

// Runs the application's event loop until SIGINT or SIGTERM (handled through a self-pipe, so
// the loop quits cleanly); returns the loop's exit status, or nullopt when the signal handling
// cannot be set up. For foreground servers such as `kilo-kiosk sim`.
std::optional<int> runUntilTerminated();

} // namespace kiosk::cli
