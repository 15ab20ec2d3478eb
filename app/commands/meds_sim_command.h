#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk meds-sim`: runs the kilo-meds service simulator in the foreground.
kiosk::cli::Subcommand medsSimCommand();
