#pragma once

#include "security/credential_key.h"

#include <QMetaType>
#include <QString>

namespace kiosk::security {

// The outcome of one CredentialStore operation. `secret` is set only for a successful read and
// must never be logged; `error` is one redacted line for the user (empty when ok()).
struct CredentialResult {
    enum class Operation { Store, Read, Remove };
    enum class Status {
        Ok,
        NotFound,     // read/remove: no such entry
        NoKeychain,   // no Secret Service reachable over D-Bus
        AccessDenied, // the keychain is locked or refused
        Timeout,      // the keychain did not answer in time
        InvalidInput, // bad key or empty secret; nothing was sent to the keychain
        Failed,       // anything else the keychain reported
    };

    quint64 requestId = 0;
    Operation operation = Operation::Read;
    CredentialKey key;
    Status status = Status::Failed;
    QString secret;
    QString error;

    bool ok() const { return status == Status::Ok; }

    static QString operationName(Operation operation);
    static QString statusName(Status status);

    // The message for Status::NoKeychain: names the keychain and what to install or start.
    static QString noKeychainMessage(const QString &detail);
};

} // namespace kiosk::security

Q_DECLARE_METATYPE(kiosk::security::CredentialResult)
