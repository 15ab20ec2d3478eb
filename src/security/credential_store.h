#pragma once

#include "security/credential_key.h"
#include "security/credential_result.h"

#include <QObject>
#include <QString>

#include <chrono>

namespace QKeychain {
class Job;
}

namespace kiosk::security {

// Secrets (cluster tokens, AI Brain tokens, client keys) in the system keychain through
// QtKeychain: on Linux the Secret Service (GNOME Keyring) on the D-Bus session bus.
// There is no plain-text fallback: without a reachable Secret Service every operation fails
// with Status::NoKeychain and a message that says what to install or start.
//
// Async use (UI): call store()/read()/remove(), keep the returned request id, and wait for
// finished() with that id. Blocking use (CLI, on a QCoreApplication): the *Blocking() variants
// run a local event loop until the keychain answers or the timeout passes.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{15000};

    explicit CredentialStore(QObject *parent = nullptr);
    // `service` groups the entries in the keychain (the Secret Service "server" attribute);
    // tests use their own so they never meet real entries.
    explicit CredentialStore(const QString &service, QObject *parent = nullptr);

    static QString defaultService(); // "kilo-kiosk"
    QString service() const { return m_service; }

    quint64 store(const CredentialKey &key, const QString &secret);
    quint64 read(const CredentialKey &key);
    quint64 remove(const CredentialKey &key);

    CredentialResult storeBlocking(const CredentialKey &key, const QString &secret,
                                   std::chrono::milliseconds timeout = kDefaultTimeout);
    CredentialResult readBlocking(const CredentialKey &key,
                                  std::chrono::milliseconds timeout = kDefaultTimeout);
    CredentialResult removeBlocking(const CredentialKey &key,
                                    std::chrono::milliseconds timeout = kDefaultTimeout);

Q_SIGNALS:
    // Exactly once per request, always asynchronously (also for invalid input).
    void finished(const kiosk::security::CredentialResult &result);

private:
    // Checks the input and creates the job; null (with `rejected` filled in) for invalid input.
    QKeychain::Job *makeJob(CredentialResult::Operation operation, const CredentialKey &key,
                            const QString &secret, CredentialResult *rejected);
    quint64 startAsync(CredentialResult::Operation operation, const CredentialKey &key,
                       const QString &secret);
    CredentialResult runBlocking(CredentialResult::Operation operation, const CredentialKey &key,
                                 const QString &secret, std::chrono::milliseconds timeout);
    static CredentialResult resultOf(QKeychain::Job *job, CredentialResult::Operation operation,
                                     const CredentialKey &key);

    QString m_service;
    quint64 m_nextRequest = 1;
};

} // namespace kiosk::security
