#include "medication_sync_controller.h"

#include "meds/medication_store.h"
#include "meds/sync_ledger.h"
#include "meds/sync_payload.h"
#include "security/credential_key.h"
#include "security/credential_store.h"
#include "sync/medication_sync.h"
#include "sync/meds_service_client.h"
#include "sync/service_config.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QSettings>

namespace kiosk::ui {

namespace {

constexpr int kWatchIntervalMs = 3000;
constexpr int kClockIntervalMs = 30000;

security::CredentialKey tokenKey(const QUrl &url) {
    return security::CredentialKey(security::CredentialKey::MedsServiceToken, url.toString());
}

QString fieldLabel(const QString &field) {
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("medication_name"),
         QT_TRANSLATE_NOOP("MedicationSyncController", "Medication")},
        {QStringLiteral("dosage"), QT_TRANSLATE_NOOP("MedicationSyncController", "Strength")},
        {QStringLiteral("dosage_form"), QT_TRANSLATE_NOOP("MedicationSyncController", "Form")},
        {QStringLiteral("schedule"), QT_TRANSLATE_NOOP("MedicationSyncController", "Schedule")},
        {QStringLiteral("times_per_day"),
         QT_TRANSLATE_NOOP("MedicationSyncController", "Times a day")},
        {QStringLiteral("as_needed"), QT_TRANSLATE_NOOP("MedicationSyncController", "As needed")},
        {QStringLiteral("instructions"),
         QT_TRANSLATE_NOOP("MedicationSyncController", "Directions")},
        {QStringLiteral("prescriber"), QT_TRANSLATE_NOOP("MedicationSyncController", "Prescriber")},
        {QStringLiteral("quantity"), QT_TRANSLATE_NOOP("MedicationSyncController", "Quantity")},
        {QStringLiteral("refills"), QT_TRANSLATE_NOOP("MedicationSyncController", "Refills")},
        {QStringLiteral("rx_number"), QT_TRANSLATE_NOOP("MedicationSyncController", "Rx number")},
        {QStringLiteral("pharmacy"), QT_TRANSLATE_NOOP("MedicationSyncController", "Pharmacy")},
        {QStringLiteral("patient"), QT_TRANSLATE_NOOP("MedicationSyncController", "Patient")},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("MedicationSyncController", "Fill date")},
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("MedicationSyncController", "Taken now")},
    };
    const char *label = labels.value(field);
    return label ? QCoreApplication::translate("MedicationSyncController", label) : field;
}

QString valueText(const QJsonValue &value) {
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return QCoreApplication::translate("MedicationSyncController", "(empty)");
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("MedicationSyncController", "yes")
                              : QCoreApplication::translate("MedicationSyncController", "no");
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

} // namespace

MedicationSyncController::MedicationSyncController(QObject *parent)
    : QObject(parent) {
    m_watch.setInterval(kWatchIntervalMs);
    connect(&m_watch, &QTimer::timeout, this, &MedicationSyncController::watchDatabase);
    m_clock.setInterval(kClockIntervalMs);
    connect(&m_clock, &QTimer::timeout, this, &MedicationSyncController::statusChanged);
    setKeychainService(security::CredentialStore::defaultService());
}

MedicationSyncController::~MedicationSyncController() = default;

void MedicationSyncController::componentComplete() {
    start();
}

void MedicationSyncController::setDatabasePath(const QString &path) {
    if (m_databasePath == path)
        return;
    m_databasePath = path;
    emit databasePathChanged();
}

QString MedicationSyncController::keychainService() const {
    return m_credentials ? m_credentials->service() : QString();
}

void MedicationSyncController::setKeychainService(const QString &service) {
    if (m_credentials && m_credentials->service() == service)
        return;
    delete m_credentials;
    m_credentials = new security::CredentialStore(service, this);
    connect(m_credentials, &security::CredentialStore::finished, this,
            &MedicationSyncController::onCredential);
    emit configChanged();
}

bool MedicationSyncController::start() {
    if (m_started)
        return m_store && m_store->isOpen();
    m_started = true;
    m_store = std::make_unique<meds::MedicationStore>(
        m_databasePath.isEmpty() ? meds::MedicationStore::defaultDatabasePath() : m_databasePath);
    QString error;
    if (!m_store->open(&error)) {
        m_error = error;
        m_state = State::Failed;
        emit statusChanged();
        return false;
    }
    m_sync = std::make_unique<sync::MedicationSync>(*m_store);
    connect(m_sync.get(), &sync::MedicationSync::started, this, [this] {
        m_state = State::Syncing;
        emit statusChanged();
    });
    connect(m_sync.get(), &sync::MedicationSync::finished, this,
            &MedicationSyncController::onRoundFinished);
    m_dataVersion = m_store->dataVersion();
    m_watch.start();
    m_clock.start();
    refreshStatus();
    if (m_demoService)
        applyService();
    else
        loadSavedService();
    return true;
}

void MedicationSyncController::loadSavedService() {
    QSettings settings;
    m_url =
        sync::ServiceConfig::normalised(settings.value(sync::ServiceConfig::UrlSetting).toString());
    m_token.clear();
    emit configChanged();
    if (m_url.isEmpty() || !m_credentials) {
        applyService();
        return;
    }
    // The token first, then the rounds: a first round without it would only be refused.
    m_pendingKeychain = Pending::Lookup;
    m_request = m_credentials->read(tokenKey(m_url));
}

void MedicationSyncController::useDemoService(const QUrl &url) {
    m_demoService = true;
    m_url = url;
    m_token.clear();
    emit configChanged();
    if (m_sync)
        applyService();
}

void MedicationSyncController::applyService() {
    if (!m_sync)
        return;
    m_sync->client().setBaseUrl(m_url);
    m_sync->client().setToken(m_token);
    const bool on = !m_url.isEmpty() && sync::MedsServiceClient::checkBaseUrl(m_url).isEmpty();
    m_sync->setAutomatic(on);
    if (!on) {
        m_state = State::NotConfigured;
        m_error.clear();
    }
    emit statusChanged();
}

void MedicationSyncController::syncOnce() {
    if (m_sync && configured())
        m_sync->syncBlocking();
}

void MedicationSyncController::syncNow() {
    if (m_sync && configured())
        m_sync->syncNow();
}

void MedicationSyncController::watchDatabase() {
    if (!m_store || !m_store->isOpen())
        return;
    const qint64 version = m_store->dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    refreshStatus();
    if (m_pending > 0 && m_sync)
        m_sync->noteLocalChange();
}

void MedicationSyncController::refreshStatus() {
    if (!m_sync)
        return;
    const meds::SyncStatus status = m_sync->ledger().status();
    m_pending = status.pending;
    m_lastSyncAt = status.lastSyncAt;
    QString error;
    QVariantList conflicts;
    for (const meds::SyncConflict &conflict :
         m_sync->ledger().conflicts(&error).value_or(QList<meds::SyncConflict>())) {
        const QString device =
            conflict.remoteDevice().isEmpty() ? tr("another device") : conflict.remoteDevice();
        const bool deletedThere = meds::SyncPayload::isDeleted(conflict.remote);
        QString message;
        QVariantList differences;
        if (!conflict.local) {
            message = tr("Deleted here and changed on %1.").arg(device);
        } else if (deletedThere) {
            message = tr("Changed here and deleted on %1.").arg(device);
        } else {
            QStringList labels;
            const QJsonObject here = meds::SyncPayload::content(*conflict.local);
            const QJsonObject there = meds::SyncPayload::contentOf(conflict.remote);
            for (const QString &field : conflict.fields) {
                labels.append(fieldLabel(field));
                differences.append(
                    QVariantMap{{QStringLiteral("label"), fieldLabel(field)},
                                {QStringLiteral("here"), valueText(here.value(field))},
                                {QStringLiteral("there"), valueText(there.value(field))}});
            }
            message =
                tr("%1 changed on %2 and here.").arg(QLocale().createSeparatedList(labels), device);
        }
        conflicts.append(QVariantMap{{QStringLiteral("uuid"), conflict.uuid},
                                     {QStringLiteral("title"), conflict.title()},
                                     {QStringLiteral("message"), message},
                                     {QStringLiteral("device"), device},
                                     {QStringLiteral("deletedHere"), !conflict.local},
                                     {QStringLiteral("deletedThere"), deletedThere},
                                     {QStringLiteral("differences"), differences}});
    }
    m_conflicts = conflicts;
    emit statusChanged();
}

void MedicationSyncController::onRoundFinished(const sync::SyncReport &report) {
    using Failure = sync::SyncReport::Failure;
    switch (report.failure) {
    case Failure::None:
        m_state = State::Synced;
        break;
    case Failure::Unreachable:
        m_state = State::Offline;
        break;
    case Failure::Refused:
        m_state = State::Refused;
        break;
    case Failure::Garbage:
    case Failure::Storage:
        m_state = State::Failed;
        break;
    }
    m_error = report.error;
    m_dataVersion = m_store->dataVersion(); // our own writes are not changes to send
    refreshStatus();
    emit roundFinished(report.pulled > 0 || report.conflicts > 0);
}

QString MedicationSyncController::statusText() const {
    switch (m_state) {
    case State::NotConfigured:
        return tr("Kept on this tablet only.");
    case State::Syncing:
        return tr("Syncing with the medication service…");
    case State::Synced: {
        if (!m_lastSyncAt.isValid())
            return tr("Synced.");
        const qint64 minutes = m_lastSyncAt.secsTo(QDateTime::currentDateTimeUtc()) / 60;
        if (minutes < 1)
            return tr("Synced just now.");
        if (minutes < 60)
            return tr("Synced %n min ago.", nullptr, int(minutes));
        return tr("Synced at %1.")
            .arg(QLocale().toString(m_lastSyncAt.toLocalTime().time(), QLocale::ShortFormat));
    }
    case State::Offline:
        return m_pending > 0
                   ? tr("Offline: %n change(s) waiting. The list on this tablet still works.",
                        nullptr, m_pending)
                   : tr("Offline. The list on this tablet still works.");
    case State::Refused:
        return tr("The medication service refused this tablet. Check its token in Settings.");
    case State::Failed:
        return tr("Sync is not working. The list on this tablet still works.");
    }
    return {};
}

QString MedicationSyncController::resolve(const QString &uuid, bool keepLocal) {
    if (!m_sync)
        return tr("The medication list is not open.");
    QString error;
    if (!m_sync->ledger().resolve(
            uuid, keepLocal ? meds::SyncLedger::Keep::Local : meds::SyncLedger::Keep::Remote,
            &error))
        return error;
    m_dataVersion = m_store->dataVersion();
    refreshStatus();
    emit roundFinished(true);
    if (configured())
        m_sync->noteLocalChange();
    return {};
}

void MedicationSyncController::saveService(const QString &url, const QString &token) {
    if (m_settingsBusy)
        return;
    const QUrl normalised = sync::ServiceConfig::normalised(url);
    if (!normalised.isEmpty()) {
        if (const QString problem = sync::MedsServiceClient::checkBaseUrl(normalised);
            !problem.isEmpty()) {
            setSettingsState(false, true, problem);
            return;
        }
    }
    m_pendingUrl = normalised;
    m_pendingToken = token.trimmed();
    if (!m_pendingToken.isEmpty() && !normalised.isEmpty()) {
        setSettingsState(true, false, tr("Saving the token in the keychain…"));
        m_pendingKeychain = Pending::Store;
        m_request = m_credentials->store(tokenKey(normalised), m_pendingToken);
        return;
    }
    // No new token: the address alone (its token, if any, is looked up again).
    QSettings settings;
    if (normalised.isEmpty())
        settings.remove(sync::ServiceConfig::UrlSetting);
    else
        settings.setValue(sync::ServiceConfig::UrlSetting, normalised.toString());
    m_demoService = false;
    setSettingsState(false, false,
                     normalised.isEmpty() ? tr("Saved. The list is kept on this tablet only.")
                                          : tr("Saved."));
    loadSavedService();
}

void MedicationSyncController::forgetToken() {
    if (m_settingsBusy || m_url.isEmpty() || m_demoService)
        return;
    setSettingsState(true, false, tr("Removing the token…"));
    m_pendingKeychain = Pending::Remove;
    m_request = m_credentials->remove(tokenKey(m_url));
}

void MedicationSyncController::onCredential(const security::CredentialResult &result) {
    if (result.requestId != m_request || m_pendingKeychain == Pending::None)
        return;
    const Pending what = m_pendingKeychain;
    m_pendingKeychain = Pending::None;
    using Status = security::CredentialResult::Status;
    switch (what) {
    case Pending::Lookup:
        m_token = result.ok() ? result.secret : QString();
        emit configChanged();
        applyService();
        break;
    case Pending::Store: {
        m_pendingToken.clear();
        if (!result.ok()) {
            setSettingsState(
                false, true,
                tr("Nothing was saved: the token could not be stored in the keychain (%1).")
                    .arg(result.error));
            return;
        }
        QSettings settings;
        settings.setValue(sync::ServiceConfig::UrlSetting, m_pendingUrl.toString());
        m_demoService = false;
        setSettingsState(false, false, tr("Saved, with the token in the keychain."));
        loadSavedService();
        break;
    }
    case Pending::Remove:
        if (!result.ok() && result.status != Status::NotFound) {
            setSettingsState(false, true,
                             tr("The token could not be removed: %1").arg(result.error));
            return;
        }
        m_token.clear();
        emit configChanged();
        setSettingsState(false, false, tr("Token removed."));
        applyService();
        break;
    case Pending::None:
        break;
    }
}

void MedicationSyncController::testService(const QString &url) {
    const QUrl target = url.trimmed().isEmpty() ? m_url : sync::ServiceConfig::normalised(url);
    if (const QString problem = sync::MedsServiceClient::checkBaseUrl(target); !problem.isEmpty()) {
        setSettingsState(false, true, problem);
        return;
    }
    if (!m_probe)
        m_probe = std::make_unique<sync::MedsServiceClient>();
    m_probe->abortAll();
    m_probe->setBaseUrl(target);
    m_probe->setTimeout(4000);
    setSettingsState(true, false, tr("Asking the medication service…"));
    m_probe->checkHealth([this, target](const sync::ServiceAnswer &answer) {
        if (m_probe->baseUrl() != target)
            return;
        if (answer.ok())
            setSettingsState(false, false,
                             tr("The medication service at %1 answers.").arg(target.toString()));
        else
            setSettingsState(false, true,
                             tr("The medication service does not answer: %1").arg(answer.error));
    });
}

void MedicationSyncController::setSettingsState(bool busy, bool failed, const QString &message) {
    m_settingsBusy = busy;
    m_settingsFailed = failed;
    m_settingsMessage = message;
    emit settingsChanged();
}

} // namespace kiosk::ui
