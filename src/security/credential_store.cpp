#include "security/credential_store.h"

#include "security/redaction.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace kiosk::security {
namespace {

using Operation = CredentialResult::Operation;
using Status = CredentialResult::Status;

// QtKeychain reports an absent session bus or Secret Service as OtherError with the D-Bus or
// libsecret message; these are the shapes that message takes.
bool meansNoKeychain(const QString &message) {
    static const QRegularExpression pattern(
        QStringLiteral("org\\.freedesktop\\.(secrets|DBus\\.Error)|ServiceUnknown|NoServer|NoReply|"
                       "not provided by any \\.service|autolaunch|session bus|D-?Bus|kwallet|"
                       "Could not connect|Failed to connect|No such file"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(message).hasMatch();
}

// A running Secret Service whose keyring is locked, missing, or needs a prompt nobody can answer.
bool meansLocked(const QString &message) {
    static const QRegularExpression pattern(
        QStringLiteral("collection/login|locked|prompt|dismissed|cancel"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(message).hasMatch();
}

QString lockedMessage(const CredentialKey &key, const QString &detail) {
    return QStringLiteral("the keychain (Secret Service / GNOME Keyring) refused access to the %1 "
                          "(%2): its login "
                          "keyring is locked or missing and no unlock prompt can be shown here. "
                          "Unlock (or create) "
                          "it, e.g. gnome-keyring-daemon --unlock --components=secrets with the "
                          "password on stdin.")
        .arg(QStringLiteral("%1 for %2").arg(key.kind(), key.server()), detail);
}

QString describeKey(const CredentialKey &key) {
    return QStringLiteral("%1 for %2").arg(key.kind(), key.server());
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(defaultService(), parent) {}

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service) {
    qRegisterMetaType<CredentialResult>();
}

QString CredentialStore::defaultService() {
    return QStringLiteral("kilo-kiosk");
}

QKeychain::Job *CredentialStore::makeJob(Operation operation, const CredentialKey &key,
                                         const QString &secret, CredentialResult *rejected) {
    rejected->operation = operation;
    rejected->key = key;
    rejected->status = Status::InvalidInput;
    if (!key.isValid()) {
        rejected->error = redact(
            QStringLiteral("invalid credential key \"%1\" (kind: lower-case letters, digits and "
                           "dashes; server: a URL)")
                .arg(key.keychainKey()));
        return nullptr;
    }
    if (operation == Operation::Store && secret.isEmpty()) {
        rejected->error = QStringLiteral("refusing to store an empty %1").arg(describeKey(key));
        return nullptr;
    }

    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Store: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never write the secret anywhere else: QtKeychain's fallback would be a plain QSettings file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key.keychainKey());
    return job;
}

CredentialResult CredentialStore::resultOf(QKeychain::Job *job, Operation operation,
                                           const CredentialKey &key) {
    CredentialResult result;
    result.operation = operation;
    result.key = key;
    const QString detail = redact(job->errorString());
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = Status::Ok;
        if (operation == Operation::Read)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        return result;
    case QKeychain::EntryNotFound:
        result.status = Status::NotFound;
        result.error = QStringLiteral("no %1 in the keychain").arg(describeKey(key));
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = Status::NoKeychain;
        result.error = CredentialResult::noKeychainMessage(detail);
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = Status::AccessDenied;
        result.error = lockedMessage(key, detail);
        return result;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    if (meansLocked(detail)) {
        result.status = Status::AccessDenied;
        result.error = lockedMessage(key, detail);
    } else if (meansNoKeychain(detail)) {
        result.status = Status::NoKeychain;
        result.error = CredentialResult::noKeychainMessage(detail);
    } else {
        result.status = Status::Failed;
        result.error =
            QStringLiteral("the keychain could not %1 the %2: %3")
                .arg(CredentialResult::operationName(operation), describeKey(key), detail);
    }
    return result;
}

quint64 CredentialStore::startAsync(Operation operation, const CredentialKey &key,
                                    const QString &secret) {
    const quint64 requestId = m_nextRequest++;
    CredentialResult rejected;
    rejected.requestId = requestId;
    QKeychain::Job *job = makeJob(operation, key, secret, &rejected);
    if (!job) {
        QMetaObject::invokeMethod(
            this, [this, rejected] { emit finished(rejected); }, Qt::QueuedConnection);
        return requestId;
    }
    // Not a child of the store: QtKeychain's libsecret backend calls back into the job after an
    // answer arrives, so a job deleted with its store mid-request would crash; it deletes itself.
    connect(job, &QKeychain::Job::finished, this,
            [this, operation, key, requestId](QKeychain::Job *done) {
                CredentialResult result = resultOf(done, operation, key);
                result.requestId = requestId;
                emit finished(result);
            });
    job->start();
    return requestId;
}

quint64 CredentialStore::store(const CredentialKey &key, const QString &secret) {
    return startAsync(Operation::Store, key, secret);
}

quint64 CredentialStore::read(const CredentialKey &key) {
    return startAsync(Operation::Read, key, QString());
}

quint64 CredentialStore::remove(const CredentialKey &key) {
    return startAsync(Operation::Remove, key, QString());
}

CredentialResult CredentialStore::runBlocking(Operation operation, const CredentialKey &key,
                                              const QString &secret,
                                              std::chrono::milliseconds timeout) {
    const quint64 requestId = m_nextRequest++;
    CredentialResult result;
    result.requestId = requestId;
    QKeychain::Job *job = makeJob(operation, key, secret, &result);
    if (!job)
        return result;

    QEventLoop loop;
    bool answered = false;
    // `loop` is the context: if the timeout wins, the job finishes (and deletes itself) later
    // without touching this stack frame.
    connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        result = resultOf(done, operation, key);
        result.requestId = requestId;
        answered = true;
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!answered)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!answered) {
        result.operation = operation;
        result.key = key;
        result.status = Status::Timeout;
        result.error =
            QStringLiteral(
                "the keychain (Secret Service / GNOME Keyring) did not answer within %1 s "
                "while trying to %2 the %3; is it waiting for an unlock prompt?")
                .arg(double(timeout.count()) / 1000.0)
                .arg(CredentialResult::operationName(operation), describeKey(key));
    }
    return result;
}

CredentialResult CredentialStore::storeBlocking(const CredentialKey &key, const QString &secret,
                                                std::chrono::milliseconds timeout) {
    return runBlocking(Operation::Store, key, secret, timeout);
}

CredentialResult CredentialStore::readBlocking(const CredentialKey &key,
                                               std::chrono::milliseconds timeout) {
    return runBlocking(Operation::Read, key, QString(), timeout);
}

CredentialResult CredentialStore::removeBlocking(const CredentialKey &key,
                                                 std::chrono::milliseconds timeout) {
    return runBlocking(Operation::Remove, key, QString(), timeout);
}

} // namespace kiosk::security
