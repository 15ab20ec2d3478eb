#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk meds list|show|add|edit|stop|resume|delete|export|check`: the medication list
// without the touch UI (scripts, support, tests).
kiosk::cli::Subcommand medsCommand();
