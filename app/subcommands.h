#pragma once

#include "cli/command_registry.h"

// Every headless subcommand of kilo-kiosk; each feature adds its own line in subcommands.cpp.
kiosk::cli::CommandRegistry buildCommandRegistry();
