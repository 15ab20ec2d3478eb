#include "ui/ai_brain_settings.h"

#include "security/credential_key.h"
#include "security/credential_store.h"
#include "ui/app_context.h"

namespace kiosk::ui {

namespace {
security::CredentialKey tokenKey(const QString &url) {
    return security::CredentialKey(security::CredentialKey::AiBrainToken, url.trimmed());
}
} // namespace

AiBrainSettings::AiBrainSettings(QObject *parent)
    : QObject(parent) {
    createCredentialStore(security::CredentialStore::defaultService());
}

AiBrainSettings::~AiBrainSettings() = default;

void AiBrainSettings::createCredentialStore(const QString &service) {
    delete m_credentials;
    m_credentials = new security::CredentialStore(service, this);
    connect(m_credentials, &security::CredentialStore::finished, this,
            &AiBrainSettings::onCredentialFinished);
    m_pending = Pending::None;
    m_request = 0;
}

QString AiBrainSettings::keychainService() const {
    return m_credentials->service();
}

void AiBrainSettings::setKeychainService(const QString &service) {
    if (service.isEmpty() || service == m_credentials->service())
        return;
    createCredentialStore(service);
    emit keychainServiceChanged();
    lookUpToken();
}

void AiBrainSettings::setApp(AppContext *app) {
    if (app == m_app)
        return;
    if (m_app)
        m_app->disconnect(this);
    m_app = app;
    if (m_app)
        connect(m_app, &AppContext::aiBrainUrlChanged, this, &AiBrainSettings::lookUpToken);
    emit appChanged();
    lookUpToken();
}

void AiBrainSettings::setState(State state, const QString &message) {
    m_state = state;
    m_message = message;
    emit stateChanged();
}

void AiBrainSettings::setTokenStored(bool stored) {
    if (stored == m_tokenStored)
        return;
    m_tokenStored = stored;
    emit tokenStoredChanged();
}

void AiBrainSettings::lookUpToken() {
    if (m_state == State::Saving)
        return; // the save looks again when it is done
    const QString url = m_app ? m_app->aiBrainUrl() : QString();
    if (url.isEmpty()) {
        setTokenStored(false);
        return;
    }
    m_pending = Pending::Lookup;
    m_request = m_credentials->read(tokenKey(url));
    if (m_state != State::Saved && m_state != State::Failed)
        setState(State::Checking, {});
}

void AiBrainSettings::save(const QString &url, const QString &token) {
    if (busy() || !m_app)
        return;
    const QString trimmedUrl = url.trimmed();
    const QString trimmedToken = token.trimmed();
    if (const QString invalid = AppContext::validateServiceUrl(trimmedUrl); !invalid.isEmpty()) {
        setState(State::Failed, invalid);
        return;
    }
    if (trimmedToken.isEmpty()) {
        m_app->setAiBrainUrl(trimmedUrl);
        setState(State::Saved, trimmedUrl.isEmpty()
                                   ? tr("Saved: labels are read on this tablet only.")
                                   : tr("Saved: the AI Brain is at %1.").arg(trimmedUrl));
        lookUpToken();
        return;
    }
    if (trimmedUrl.isEmpty()) {
        setState(State::Failed, tr("Enter the AI Brain address that the token belongs to."));
        return;
    }
    // The token first: if the keychain cannot take it, the address is not changed either.
    m_pendingUrl = trimmedUrl;
    m_pending = Pending::Store;
    m_request = m_credentials->store(tokenKey(trimmedUrl), trimmedToken);
    setState(State::Saving, tr("Saving the token in the keychain…"));
}

void AiBrainSettings::forgetToken() {
    if (busy() || !m_app || m_app->aiBrainUrl().isEmpty())
        return;
    m_pending = Pending::Remove;
    m_request = m_credentials->remove(tokenKey(m_app->aiBrainUrl()));
    setState(State::Saving, tr("Removing the token from the keychain…"));
}

void AiBrainSettings::onCredentialFinished(const security::CredentialResult &result) {
    if (result.requestId != m_request)
        return;
    const Pending pending = m_pending;
    m_pending = Pending::None;
    m_request = 0;
    using Status = security::CredentialResult::Status;
    switch (pending) {
    case Pending::None:
        break;
    case Pending::Lookup:
        setTokenStored(result.ok());
        if (m_state == State::Checking) {
            if (result.ok() || result.status == Status::NotFound)
                setState(State::Idle, {});
            else
                setState(State::Failed,
                         tr("The AI Brain token could not be read: %1").arg(result.error));
        }
        break;
    case Pending::Store:
        if (!result.ok()) {
            setState(State::Failed, tr("Nothing was saved: %1").arg(result.error));
            break;
        }
        m_app->setAiBrainUrl(m_pendingUrl);
        setTokenStored(true);
        setState(
            State::Saved,
            tr("Saved: the AI Brain is at %1; its token is in the keychain.").arg(m_pendingUrl));
        break;
    case Pending::Remove:
        if (!result.ok() && result.status != Status::NotFound) {
            setState(State::Failed,
                     tr("The token could not be removed from the keychain: %1").arg(result.error));
            break;
        }
        setTokenStored(false);
        setState(State::Saved, tr("The AI Brain token was removed from the keychain."));
        break;
    }
}

} // namespace kiosk::ui
