#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk audit [--json] [--last N]`: the administrator actions recorded on this kiosk.
kiosk::cli::Subcommand auditCommand();
