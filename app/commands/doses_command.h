#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk doses today|log|history`: the dose plan and log without the touch UI (the same
// rows and wording as the Today view, from meds::DoseTracker).
kiosk::cli::Subcommand dosesCommand();
