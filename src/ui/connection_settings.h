#pragma once

#include "k8s/kubeconfig_loader.h"
#include "ops/action_gate.h"
#include "security/audit_log.h"
#include "security/connection_profile.h"
#include "security/credential_result.h"
#include "ui/admin_session.h"
#include "ui/cluster_controller.h"

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace kiosk::ops {
class ConnectOperation;
class ForgetConnectionOperation;
class Operation;
} // namespace kiosk::ops
namespace kiosk::security {
class CredentialStore;
}

namespace kiosk::ui {

// The Settings page's cluster connection form: server URL, namespace, an optional kubeconfig
// file (and context) and a token. The non-secret fields are saved as the "cluster"
// ConnectionProfile in QSettings; the token only ever goes to the keychain, filed under the
// server. Testing, saving and forgetting are asynchronous; `state` and `message` say how it went.
// After a save (or forget) the ClusterController given as `cluster` reconnects. Testing, saving and
// forgetting are ops::ConnectOperation and ops::ForgetConnectionOperation, as in the CLI; their
// audit records go to the `adminSession`'s log.
class ConnectionSettings : public QObject, public ops::ActionGate {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString server READ server WRITE setServer NOTIFY fieldsChanged)
    Q_PROPERTY(QString nameSpace READ nameSpace WRITE setNameSpace NOTIFY fieldsChanged)
    Q_PROPERTY(
        QString kubeconfigPath READ kubeconfigPath WRITE setKubeconfigPath NOTIFY fieldsChanged)
    Q_PROPERTY(QString context READ context WRITE setContext NOTIFY fieldsChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY fieldsChanged)
    // The token typed into the form; cleared once it is in the keychain.
    Q_PROPERTY(QString token READ token WRITE setToken NOTIFY tokenChanged)
    // The keychain holds a token for the saved server (it is used when no new one is typed).
    Q_PROPERTY(bool tokenStored READ tokenStored NOTIFY savedChanged)
    Q_PROPERTY(bool hasSavedConnection READ hasSavedConnection NOTIFY savedChanged)
    Q_PROPERTY(QString savedServer READ savedServer NOTIFY savedChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(QString warning READ warning NOTIFY stateChanged)
    Q_PROPERTY(
        kiosk::ui::ClusterController *cluster READ cluster WRITE setCluster NOTIFY clusterChanged)
    // Whose audit log records saving and forgetting (the default log when null).
    Q_PROPERTY(kiosk::ui::AdminSession *adminSession READ adminSession WRITE setAdminSession NOTIFY
                   adminSessionChanged)
    // The keychain's service name; tests use their own so they never meet real entries.
    Q_PROPERTY(QString keychainService READ keychainService WRITE setKeychainService NOTIFY
                   keychainServiceChanged)

public:
    enum class State {
        Loading,
        Idle,
        Testing,
        TestPassed,
        Saving,
        Saved,
        Forgetting,
        Forgotten,
        Failed
    };
    Q_ENUM(State)

    explicit ConnectionSettings(QObject *parent = nullptr);
    // `settingsFile`: an INI file instead of the application's settings (tests).
    ConnectionSettings(const QString &settingsFile, const QString &keychainService,
                       QObject *parent = nullptr);
    ~ConnectionSettings() override;

    QString server() const { return m_fields.server; }
    void setServer(const QString &server);
    QString nameSpace() const { return m_fields.nameSpace; }
    void setNameSpace(const QString &nameSpace);
    QString kubeconfigPath() const { return m_fields.kubeconfig; }
    void setKubeconfigPath(const QString &path);
    QString context() const { return m_fields.context; }
    void setContext(const QString &context);
    QString caFile() const { return m_fields.caFile; }
    void setCaFile(const QString &file);
    QString token() const { return m_token; }
    void setToken(const QString &token);

    bool tokenStored() const { return !m_storedToken.isEmpty(); }
    bool hasSavedConnection() const { return m_saved.has_value(); }
    QString savedServer() const { return m_saved ? m_saved->server : QString(); }
    State state() const { return m_state; }
    bool busy() const;
    QString message() const { return m_message; }
    QString warning() const { return m_warning; }
    ClusterController *cluster() const { return m_cluster; }
    void setCluster(ClusterController *cluster);
    AdminSession *adminSession() const { return m_adminSession; }
    void setAdminSession(AdminSession *session);
    QString keychainService() const;
    void setKeychainService(const QString &service);

    // ops::ActionGate: open, because the Settings page asks for the admin PIN itself before it
    // calls save() or forget() (in kiosk mode); the actor is the admin session's.
    bool mayAct(QString *why) const override;
    QString actor() const override;

    // Reads the saved connection into the form and looks its token up in the keychain.
    Q_INVOKABLE void reload();
    // Lists pods in the namespace with these settings, as the Cluster page will.
    Q_INVOKABLE void testConnection();
    // Stores the token (if one was typed) in the keychain, then the profile; reconnects the
    // cluster.
    Q_INVOKABLE void save();
    // Removes the saved connection and its token; the cluster falls back to what kubectl would use.
    Q_INVOKABLE void forget();

signals:
    void fieldsChanged();
    void tokenChanged();
    void savedChanged();
    void stateChanged();
    void clusterChanged();
    void adminSessionChanged();
    void keychainServiceChanged();

private:
    // The profile the form describes (the server read from the kubeconfig when left empty);
    // nullopt with the reason in `error` when it cannot work.
    std::optional<security::ConnectionProfile> profileFromFields(QString *error) const;
    // The token to connect with: the typed one, else the stored one when the server is the saved
    // one.
    QString effectiveToken(const security::ConnectionProfile &profile) const;
    void updateField(QString &field, const QString &value);
    void setState(State state, const QString &message, const QString &warning = {});
    void onCredentialFinished(const security::CredentialResult &result);
    security::AuditLog auditLog() const;
    // Keeps `operation` as the one in flight; the previous one is deleted.
    void track(ops::Operation *operation);
    void onTestChanged(ops::ConnectOperation *test);
    // `token`: what the save connects with, kept as the stored token once it succeeded.
    void onSaveChanged(ops::ConnectOperation *save, const QString &token);
    void onForgetChanged(ops::ForgetConnectionOperation *forget);
    void reconnectCluster(const k8s::KubeconfigLoader::Result &connection);
    void fallBackCluster();
    void createCredentialStore(const QString &service);

    // A fresh QSettings per use: a QSettings' error status sticks, so one failed write would
    // make every later save look failed.
    std::unique_ptr<QSettings> openSettings() const;

    QString m_settingsFile; // empty: the application's settings
    security::CredentialStore *m_credentials = nullptr;
    QPointer<ClusterController> m_cluster;
    QPointer<AdminSession> m_adminSession;
    security::ConnectionProfile m_fields;
    QString m_token;
    QString m_storedToken; // never shown, never logged
    std::optional<security::ConnectionProfile> m_saved;
    State m_state = State::Idle;
    QString m_message;
    QString m_warning;
    QPointer<ops::Operation> m_operation; // the test, save or forget in flight or last settled

    // The keychain lookup of the stored token in flight (0: none).
    quint64 m_readRequest = 0;
};

} // namespace kiosk::ui
