#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk ai-brain-sim`: runs the AI Brain simulator in the foreground.
kiosk::cli::Subcommand aiBrainSimCommand();
