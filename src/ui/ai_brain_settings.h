#pragma once

#include "app_context.h"
#include "security/credential_result.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace kiosk::security {
class CredentialStore;
}

namespace kiosk::ui {

// The Settings page's AI Brain section: the service address (kept by AppContext in the
// settings) and its optional bearer token, kept only in the keychain under
// CredentialKey::AiBrainToken for that address, where aibrain::EngineConfig reads it.
class AiBrainSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(kiosk::ui::AppContext *app READ app WRITE setApp NOTIFY appChanged)
    // The keychain holds a token for the saved address.
    Q_PROPERTY(bool tokenStored READ tokenStored NOTIFY tokenStoredChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    // The keychain's service name; tests use their own so they never meet real entries.
    Q_PROPERTY(QString keychainService READ keychainService WRITE setKeychainService NOTIFY
                   keychainServiceChanged)

public:
    enum class State { Idle, Checking, Saving, Saved, Failed };
    Q_ENUM(State)

    explicit AiBrainSettings(QObject *parent = nullptr);
    ~AiBrainSettings() override;

    AppContext *app() const { return m_app; }
    void setApp(AppContext *app);
    bool tokenStored() const { return m_tokenStored; }
    State state() const { return m_state; }
    bool busy() const { return m_state == State::Checking || m_state == State::Saving; }
    QString message() const { return m_message; }
    QString keychainService() const;
    void setKeychainService(const QString &service);

    // Saves `url` (empty: read labels on the tablet only) and, when `token` is not empty, stores
    // it in the keychain first; a keychain failure saves nothing.
    Q_INVOKABLE void save(const QString &url, const QString &token);
    // Removes the token of the saved address from the keychain.
    Q_INVOKABLE void forgetToken();

signals:
    void appChanged();
    void tokenStoredChanged();
    void stateChanged();
    void keychainServiceChanged();

private:
    void lookUpToken();
    void setState(State state, const QString &message);
    void setTokenStored(bool stored);
    void onCredentialFinished(const security::CredentialResult &result);
    void createCredentialStore(const QString &service);

    QPointer<AppContext> m_app;
    security::CredentialStore *m_credentials = nullptr;
    bool m_tokenStored = false;
    State m_state = State::Idle;
    QString m_message;

    enum class Pending { None, Lookup, Store, Remove };
    Pending m_pending = Pending::None;
    quint64 m_request = 0;
    QString m_pendingUrl;
};

} // namespace kiosk::ui
