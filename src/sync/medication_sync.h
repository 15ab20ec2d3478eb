#pragma once

#include "meds/dose_log.h"
#include "meds/sync_ledger.h"
#include "sync/meds_service_client.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace kiosk::meds {
class MedicationStore;
}

namespace kiosk::sync {

// What one round did.
struct SyncReport {
    enum class Failure { None, Unreachable, Refused, Garbage, Storage };
    Failure failure = Failure::None;
    int pushed = 0;      // changes the service took
    int pulled = 0;      // changes from the service written here (merged ones included)
    int conflicts = 0;   // new conflicts
    int dosesPushed = 0; // dose log entries the service took
    int dosesPulled = 0; // dose log entries from other devices written here
    bool dosesUnsupported =
        false;            // the service has no dose log (404): the list synced, the log waits
    QStringList rejected; // service records that cannot be a medication (or a dose)
    QString error;        // one sentence when failed

    bool ok() const { return failure == Failure::None; }
};

// Sync rounds between the store and the medication service: push the outbox in order (a few
// requests in flight), then pull every change since the cursor, one transaction per page, then
// push once more what a pull merged. The dose log rides along: its entries wait in the same
// outbox and go after the list's changes; the other devices' entries are pulled after the list. A
// failed round leaves every change queued; the next one picks up where it stopped, and a repeated
// request changes nothing twice (SyncLedger).
//
// Automatic mode (the app): a round at start, a few seconds after each local change, every
// minute, and at once when the network comes back; after failures it waits longer each time
// (5 s doubling up to 5 min).
class MedicationSync : public QObject {
    Q_OBJECT
public:
    static constexpr int kWindow = 8; // requests in flight while pushing
    static constexpr int kIntervalMs = 60 * 1000;
    static constexpr int kChangeDelayMs = 2000;

    MedicationSync(meds::MedicationStore &store, QObject *parent = nullptr);

    MedsServiceClient &client() { return m_client; }
    meds::SyncLedger &ledger() { return m_ledger; }
    meds::DoseLog &doseLog() { return m_doseLog; }
    bool isRunning() const { return m_running; }
    // What the service records as updated_by (default: SyncLedger::defaultDeviceName()).
    void setDeviceName(const QString &name);

    // Starts a round now; during one, another follows it.
    void syncNow();
    // Runs one round in a local event loop (CLI).
    SyncReport syncBlocking();

    void setAutomatic(bool on);
    bool isAutomatic() const { return m_automatic; }
    // A change was made here: sync soon.
    void noteLocalChange();
    int retryDelayMs() const { return m_retryDelayMs; }

signals:
    void started();
    void finished(const kiosk::sync::SyncReport &report);

private:
    void push(bool thenPull);
    void launchNext();
    void onPushed(const meds::OutboxEntry &entry, const ServiceAnswer &answer);
    void flushAcknowledged();
    void afterPush();
    void pull();
    void pushDoses();
    void launchDoses();
    void onDosePushed(const meds::QueuedDose &queued, const ServiceAnswer &answer);
    void afterDosePush();
    void pullDoses();
    // Marks the round failed (the first reason counts) and sends nothing more.
    void fail(SyncReport::Failure failure, const QString &error);
    void finish();
    void scheduleNext();
    static SyncReport::Failure failureOf(const ServiceAnswer &answer);

    meds::MedicationStore &m_store;
    meds::SyncLedger m_ledger;
    meds::DoseLog m_doseLog;
    MedsServiceClient m_client;
    QTimer m_timer;
    bool m_automatic = false;
    bool m_running = false;
    bool m_again = false;
    bool m_pullAfterPush = true;
    bool m_secondPush = false;
    int m_retryDelayMs = 0;
    SyncReport m_report;
    QList<meds::OutboxEntry> m_queue;
    QList<QPair<meds::OutboxEntry, QJsonObject>> m_acknowledged;
    QList<meds::OutboxEntry> m_failed;
    QList<meds::QueuedDose> m_doseQueue;
    QList<QPair<meds::QueuedDose, QJsonObject>> m_dosesAcknowledged;
    QList<meds::QueuedDose> m_dosesFailed;
    QHash<QString, int> m_retries; // per record this round: 412 → merge → again, bounded
};

} // namespace kiosk::sync
