#pragma once

#include "cli/launch_options.h"

// Starts the touch UI (or renders it to screenshots) and returns the exit status.
int runUi(int &argc, char **argv, const kiosk::cli::LaunchOptions &options);
