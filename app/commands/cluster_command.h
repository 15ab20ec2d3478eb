#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk cluster connect|disconnect|status|logs|cleanup|rollback ...`
kiosk::cli::Subcommand clusterCommand();
