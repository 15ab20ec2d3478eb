#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk sim`: runs the Kubernetes API simulator in the foreground.
kiosk::cli::Subcommand simCommand();
