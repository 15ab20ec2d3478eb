#pragma once

#include "security/credential_result.h"

#include <QDateTime>
#include <QObject>
#include <QQmlParserStatus>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace kiosk::meds {
class MedicationStore;
}
namespace kiosk::security {
class CredentialStore;
}
namespace kiosk::sync {
class MedicationSync;
class MedsServiceClient;
struct SyncReport;
} // namespace kiosk::sync

namespace kiosk::ui {

// The medication list's sync with the household's medication service, as the pages see it:
// background rounds (sync::MedicationSync in automatic mode) on its own connection to the
// medication database, the state in words ("Synced 2 min ago", "Offline: 3 changes waiting"),
// the conflicts with both versions, and the Settings page's address, token and Test. The token
// lives only in the keychain (CredentialKey::MedsServiceToken), the address in the settings.
class MedicationSyncController : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    // Empty: the default database (MedicationStore::defaultDatabasePath()).
    Q_PROPERTY(
        QString databasePath READ databasePath WRITE setDatabasePath NOTIFY databasePathChanged)
    Q_PROPERTY(QString serviceUrl READ serviceUrl NOTIFY configChanged)
    Q_PROPERTY(bool configured READ configured NOTIFY configChanged)
    // The demo's built-in service: shown, never saved.
    Q_PROPERTY(bool demoService READ demoService NOTIFY configChanged)
    Q_PROPERTY(bool tokenStored READ tokenStored NOTIFY configChanged)
    Q_PROPERTY(State state READ state NOTIFY statusChanged)
    Q_PROPERTY(int pending READ pending NOTIFY statusChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QString errorDetail READ errorDetail NOTIFY statusChanged)
    // One map per conflict: uuid, title, message, deletedHere, deletedThere, device and
    // differences [{label, here, there}].
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY statusChanged)
    Q_PROPERTY(bool settingsBusy READ settingsBusy NOTIFY settingsChanged)
    Q_PROPERTY(bool settingsFailed READ settingsFailed NOTIFY settingsChanged)
    Q_PROPERTY(QString settingsMessage READ settingsMessage NOTIFY settingsChanged)
    // The keychain's service name; tests use their own so they never meet real entries.
    Q_PROPERTY(
        QString keychainService READ keychainService WRITE setKeychainService NOTIFY configChanged)

public:
    enum class State { NotConfigured, Syncing, Synced, Offline, Refused, Failed };
    Q_ENUM(State)

    explicit MedicationSyncController(QObject *parent = nullptr);
    ~MedicationSyncController() override;

    QString databasePath() const { return m_databasePath; }
    void setDatabasePath(const QString &path);
    QString serviceUrl() const { return m_url.toString(); }
    bool configured() const { return !m_url.isEmpty(); }
    bool demoService() const { return m_demoService; }
    bool tokenStored() const { return !m_token.isEmpty(); }
    State state() const { return m_state; }
    int pending() const { return m_pending; }
    int conflictCount() const { return int(m_conflicts.size()); }
    QString statusText() const;
    QString errorDetail() const { return m_error; }
    QVariantList conflicts() const { return m_conflicts; }
    bool settingsBusy() const { return m_settingsBusy; }
    bool settingsFailed() const { return m_settingsFailed; }
    QString settingsMessage() const { return m_settingsMessage; }
    QString keychainService() const;
    void setKeychainService(const QString &service);

    // Opens the database and starts syncing (when a service is set); done once.
    Q_INVOKABLE bool start();
    Q_INVOKABLE void syncNow();
    // Keeps this tablet's version (keepLocal) or the other one; returns the error, empty on
    // success.
    Q_INVOKABLE QString resolve(const QString &uuid, bool keepLocal);
    // Saves the address (empty: keep the list on this tablet only) and, when token is not
    // empty, first stores it in the keychain; a keychain failure saves nothing.
    Q_INVOKABLE void saveService(const QString &url, const QString &token);
    Q_INVOKABLE void forgetToken();
    // Asks the service at url (the saved one when empty) whether it answers.
    Q_INVOKABLE void testService(const QString &url);
    // C++ (the demo): sync with this service without saving it.
    void useDemoService(const QUrl &url);
    // C++ (the demo's first look): one round before the window shows; the service must be
    // served by this thread's event loop or another thread.
    void syncOnce();

    void classBegin() override {}
    void componentComplete() override;

signals:
    void databasePathChanged();
    void configChanged();
    void statusChanged();
    void settingsChanged();
    // A round ended; changed: records on this tablet were written by it.
    void roundFinished(bool changed);

private:
    void loadSavedService();
    void applyService();
    void refreshStatus();
    void onRoundFinished(const sync::SyncReport &report);
    void onCredential(const security::CredentialResult &result);
    void setSettingsState(bool busy, bool failed, const QString &message);
    void watchDatabase();

    QString m_databasePath;
    std::unique_ptr<meds::MedicationStore> m_store;
    std::unique_ptr<sync::MedicationSync> m_sync;
    std::unique_ptr<sync::MedsServiceClient> m_probe;
    security::CredentialStore *m_credentials = nullptr;
    bool m_started = false;
    bool m_demoService = false;
    QUrl m_url;
    QString m_token;
    State m_state = State::NotConfigured;
    int m_pending = 0;
    QVariantList m_conflicts;
    QDateTime m_lastSyncAt;
    QString m_error;
    QTimer m_watch; // another connection's commits (the pages, the CLI) mean changes to send
    QTimer m_clock; // "2 min ago" moves on
    qint64 m_dataVersion = -1;

    enum class Pending { None, Lookup, Store, Remove };
    Pending m_pendingKeychain = Pending::None;
    quint64 m_request = 0;
    QUrl m_pendingUrl;
    QString m_pendingToken;
    bool m_settingsBusy = false;
    bool m_settingsFailed = false;
    QString m_settingsMessage;
};

} // namespace kiosk::ui
