#include "security/credential_result.h"

namespace kiosk::security {

QString CredentialResult::operationName(Operation operation) {
    switch (operation) {
    case Operation::Store:
        return QStringLiteral("store");
    case Operation::Read:
        return QStringLiteral("read");
    case Operation::Remove:
        return QStringLiteral("remove");
    }
    return QString();
}

QString CredentialResult::statusName(Status status) {
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::NotFound:
        return QStringLiteral("not-found");
    case Status::NoKeychain:
        return QStringLiteral("no-keychain");
    case Status::AccessDenied:
        return QStringLiteral("access-denied");
    case Status::Timeout:
        return QStringLiteral("timeout");
    case Status::InvalidInput:
        return QStringLiteral("invalid-input");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

QString CredentialResult::noKeychainMessage(const QString &detail) {
    QString message = QStringLiteral("no keychain available");
    if (!detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(detail);
    message += QStringLiteral(
        ": kilo-kiosk keeps credentials only in the Secret Service (GNOME Keyring) on the D-Bus "
        "session bus, never in plain text. Install gnome-keyring and dbus-user-session, run inside "
        "a "
        "D-Bus session (DBUS_SESSION_BUS_ADDRESS set, e.g. via dbus-run-session) and start an "
        "unlocked "
        "keyring: gnome-keyring-daemon --unlock --components=secrets");
    return message;
}

} // namespace kiosk::security
