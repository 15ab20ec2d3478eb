#pragma once

#include <QString>

namespace kiosk::ops {

// Who may change the cluster right now. Every operation asks its gate before it changes
// anything; the touch UI's gate is the admin PIN session, the CLI's the shell user.
class ActionGate {
public:
    virtual ~ActionGate();
    // True when an action may run now; when false, `why` (if given) says what is missing.
    virtual bool mayAct(QString *why) const = 0;
    // The actor recorded in the audit log for actions let through, e.g. "admin".
    virtual QString actor() const = 0;
};

} // namespace kiosk::ops
