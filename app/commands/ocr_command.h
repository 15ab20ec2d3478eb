#pragma once

#include "cli/subcommand.h"

// `kilo-kiosk ocr [--engine local] [--json] IMAGE...`: read prescription photos headless.
kiosk::cli::Subcommand ocrCommand();
