#include "ops/action_gate.h"

namespace kiosk::ops {

ActionGate::~ActionGate() = default;

} // namespace kiosk::ops
