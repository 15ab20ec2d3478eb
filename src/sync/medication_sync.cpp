#include "sync/medication_sync.h"

#include "meds/medication_store.h"

#include <QEventLoop>
#include <QNetworkInformation>

namespace kiosk::sync {

namespace {

constexpr int kMaxRetriesPerRecord = 3;
constexpr int kFirstBackoffMs = 5000;
constexpr int kMaxBackoffMs = 5 * 60 * 1000;
constexpr int kAcknowledgeBatch = 64;

} // namespace

MedicationSync::MedicationSync(meds::MedicationStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ledger(store)
    , m_doseLog(store) {
    m_doseLog.setDeviceName(m_ledger.deviceName());
    m_client.setDeviceName(m_ledger.deviceName());
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MedicationSync::syncNow);
}

void MedicationSync::setDeviceName(const QString &name) {
    m_ledger.setDeviceName(name);
    m_doseLog.setDeviceName(name);
    m_client.setDeviceName(name);
}

void MedicationSync::setAutomatic(bool on) {
    m_automatic = on;
    if (!on) {
        m_timer.stop();
        return;
    }
    // At once when the network returns (where Qt has a reachability backend).
    if (QNetworkInformation::loadDefaultBackend() || QNetworkInformation::instance()) {
        if (auto *info = QNetworkInformation::instance()) {
            connect(
                info, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (m_automatic && r == QNetworkInformation::Reachability::Online) {
                        m_retryDelayMs = 0;
                        syncNow();
                    }
                },
                Qt::UniqueConnection);
        }
    }
    if (!m_running)
        m_timer.start(0);
}

void MedicationSync::noteLocalChange() {
    if (!m_automatic)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    // A failing service is not asked more often than its backoff allows.
    const int delay = qMax(kChangeDelayMs, m_retryDelayMs);
    if (!m_timer.isActive() || m_timer.remainingTime() > delay)
        m_timer.start(delay);
}

void MedicationSync::syncNow() {
    if (m_running) {
        m_again = true;
        return;
    }
    m_timer.stop();
    m_running = true;
    m_again = false;
    m_secondPush = false;
    m_report = SyncReport();
    m_retries.clear();
    emit started();
    push(true);
}

SyncReport MedicationSync::syncBlocking() {
    QEventLoop loop;
    SyncReport result;
    const auto connection =
        connect(this, &MedicationSync::finished, &loop, [&](const SyncReport &report) {
            result = report;
            loop.quit();
        });
    syncNow();
    loop.exec();
    disconnect(connection);
    return result;
}

void MedicationSync::push(bool thenPull) {
    m_pullAfterPush = thenPull;
    QString error;
    const auto entries = m_ledger.pending(&error);
    if (!entries) {
        fail(SyncReport::Failure::Storage, error);
        return finish();
    }
    m_queue = *entries;
    m_acknowledged.clear();
    m_failed.clear();
    if (m_queue.isEmpty())
        return afterPush();
    launchNext();
}

void MedicationSync::launchNext() {
    while (m_report.ok() && !m_queue.isEmpty() && m_client.inFlight() < kWindow) {
        const meds::OutboxEntry entry = m_queue.takeFirst();
        const auto done = [this, entry](const ServiceAnswer &answer) { onPushed(entry, answer); };
        if (entry.op == meds::OutboxEntry::Op::Put)
            m_client.put(entry.uuid, entry.body, entry.baseVersion, done);
        else // a record the service never confirmed is deleted against version 0: 404 or 412 tells
            m_client.remove(entry.uuid, entry.baseVersion.value_or(0), done);
    }
    if (m_client.inFlight() == 0)
        afterPush();
}

void MedicationSync::onPushed(const meds::OutboxEntry &entry, const ServiceAnswer &answer) {
    QString error;
    if (answer.ok()) {
        m_acknowledged.append({entry, answer.record});
        if (m_acknowledged.size() >= kAcknowledgeBatch)
            flushAcknowledged();
    } else if (answer.kind == ServiceAnswer::Kind::Conflict ||
               answer.kind == ServiceAnswer::Kind::NotFound) {
        std::optional<meds::SyncLedger::Outcome> outcome;
        if (answer.kind == ServiceAnswer::Kind::Conflict) {
            outcome = m_ledger.reconcile(entry, answer.record, &error);
        } else if (m_ledger.forgetRemote(entry, &error)) {
            outcome = entry.op == meds::OutboxEntry::Op::Put ? meds::SyncLedger::Outcome::Retry
                                                             : meds::SyncLedger::Outcome::Settled;
        }
        if (!outcome) {
            fail(SyncReport::Failure::Storage, error);
        } else if (*outcome == meds::SyncLedger::Outcome::Settled) {
            ++m_report.pushed;
        } else if (*outcome == meds::SyncLedger::Outcome::Conflict) {
            ++m_report.conflicts;
        } else if (++m_retries[entry.uuid] <= kMaxRetriesPerRecord) {
            const auto again = m_ledger.pendingFor(entry.uuid, &error);
            if (again)
                m_queue.prepend(*again);
            else if (!error.isEmpty())
                fail(SyncReport::Failure::Storage, error);
        } else {
            m_failed.append(entry); // keeps changing under us: next round
        }
    } else {
        m_failed.append(entry);
        if (m_report.ok())
            fail(failureOf(answer), answer.error);
    }
    if (m_client.inFlight() > 0)
        return;
    if (!m_report.ok() || m_queue.isEmpty()) {
        afterPush();
        return;
    }
    launchNext();
}

void MedicationSync::flushAcknowledged() {
    if (m_acknowledged.isEmpty())
        return;
    QString error;
    if (!m_ledger.acknowledge(m_acknowledged, &error)) {
        m_acknowledged.clear();
        fail(SyncReport::Failure::Storage, error);
        return;
    }
    m_report.pushed += int(m_acknowledged.size());
    m_acknowledged.clear();
}

void MedicationSync::afterPush() {
    if (m_client.inFlight() > 0)
        return;
    flushAcknowledged();
    if (!m_failed.isEmpty()) {
        QString ignored;
        m_ledger.noteFailure(m_failed,
                             m_report.error.isEmpty()
                                 ? QStringLiteral("changed again while it was sent")
                                 : m_report.error,
                             &ignored);
        m_failed.clear();
    }
    if (!m_report.ok())
        return finish();
    pushDoses();
}

void MedicationSync::pushDoses() {
    QString error;
    const auto entries = m_doseLog.pending(&error);
    if (!entries) {
        fail(SyncReport::Failure::Storage, error);
        return finish();
    }
    m_doseQueue = *entries;
    m_dosesAcknowledged.clear();
    m_dosesFailed.clear();
    if (m_doseQueue.isEmpty() || m_report.dosesUnsupported)
        return afterDosePush();
    launchDoses();
}

void MedicationSync::launchDoses() {
    while (m_report.ok() && !m_report.dosesUnsupported && !m_doseQueue.isEmpty() &&
           m_client.inFlight() < kWindow) {
        const meds::QueuedDose queued = m_doseQueue.takeFirst();
        m_client.putDose(
            queued.entry.uuid, queued.entry.toServiceJson(),
            [this, queued](const ServiceAnswer &answer) { onDosePushed(queued, answer); });
    }
    if (m_client.inFlight() == 0)
        afterDosePush();
}

void MedicationSync::onDosePushed(const meds::QueuedDose &queued, const ServiceAnswer &answer) {
    QString error;
    if (answer.ok()) {
        m_dosesAcknowledged.append({queued, answer.record});
    } else if (answer.kind == ServiceAnswer::Kind::Conflict) {
        // Another entry under this UUID: the service's copy is the log's.
        if (m_doseLog.takeRemote(queued, answer.record, &error))
            ++m_report.dosesPushed;
        else
            fail(SyncReport::Failure::Storage, error);
    } else if (answer.status == 404 || answer.status == 405) {
        m_report.dosesUnsupported =
            true; // an older service: the entries wait for one that knows them
        m_doseQueue.clear();
    } else {
        m_dosesFailed.append(queued);
        if (m_report.ok())
            fail(failureOf(answer), answer.error);
    }
    if (m_client.inFlight() > 0)
        return;
    if (!m_report.ok() || m_doseQueue.isEmpty() || m_report.dosesUnsupported) {
        afterDosePush();
        return;
    }
    launchDoses();
}

void MedicationSync::afterDosePush() {
    if (m_client.inFlight() > 0)
        return;
    QString error;
    if (!m_dosesAcknowledged.isEmpty()) {
        if (m_doseLog.acknowledge(m_dosesAcknowledged, &error))
            m_report.dosesPushed += int(m_dosesAcknowledged.size());
        else
            fail(SyncReport::Failure::Storage, error);
        m_dosesAcknowledged.clear();
    }
    if (!m_dosesFailed.isEmpty()) {
        QString ignored;
        m_doseLog.noteFailure(m_dosesFailed, m_report.error, &ignored);
        m_dosesFailed.clear();
    }
    if (!m_report.ok() || !m_pullAfterPush)
        return finish();
    pull();
}

void MedicationSync::pullDoses() {
    if (m_report.dosesUnsupported) {
        if (!m_secondPush)
            return finish();
        m_secondPush = false;
        return push(false);
    }
    const QString cursor = m_doseLog.cursor();
    m_client.fetchDoseChanges(cursor, [this, cursor](const ServiceAnswer &answer) {
        if (answer.status == 404 || answer.status == 405) {
            m_report.dosesUnsupported = true;
            return pullDoses();
        }
        if (!answer.ok()) {
            fail(failureOf(answer), answer.error);
            return finish();
        }
        QString error;
        const auto added =
            m_doseLog.applyRemote(answer.items, answer.cursor, &m_report.rejected, &error);
        if (!added) {
            fail(SyncReport::Failure::Storage, error);
            return finish();
        }
        m_report.dosesPulled += *added;
        if (answer.more && !answer.items.isEmpty() && answer.cursor != cursor)
            return pullDoses();
        if (m_secondPush) {
            m_secondPush = false;
            return push(false);
        }
        finish();
    });
}

void MedicationSync::pull() {
    const QString cursor = m_ledger.cursor();
    m_client.fetchChanges(cursor, [this, cursor](const ServiceAnswer &answer) {
        if (!answer.ok()) {
            fail(failureOf(answer), answer.error);
            return finish();
        }
        QString error;
        const auto result = m_ledger.applyRemote(answer.items, answer.cursor, &error);
        if (!result) {
            fail(SyncReport::Failure::Storage, error);
            return finish();
        }
        m_report.pulled += result->applied + result->merged;
        m_report.conflicts += result->conflicts;
        m_report.rejected += result->rejected;
        if (result->merged > 0)
            m_secondPush = true;
        // A service that says "more" without moving its cursor would keep this round forever.
        if (answer.more && !answer.items.isEmpty() && answer.cursor != cursor)
            return pull();
        pullDoses();
    });
}

void MedicationSync::fail(SyncReport::Failure failure, const QString &error) {
    if (m_report.ok()) {
        m_report.failure = failure;
        m_report.error = error;
    }
    // Nothing more is sent; requests still in flight report first.
    m_queue.clear();
}

void MedicationSync::finish() {
    if (!m_running)
        return;
    if (m_client.inFlight() > 0)
        return;
    m_running = false;
    m_ledger.noteRound(m_report.ok(), m_report.error);
    if (m_report.ok())
        m_retryDelayMs = 0;
    else
        m_retryDelayMs =
            m_retryDelayMs == 0 ? kFirstBackoffMs : qMin(kMaxBackoffMs, m_retryDelayMs * 2);
    const SyncReport report = m_report;
    emit finished(report);
    scheduleNext();
}

void MedicationSync::scheduleNext() {
    if (m_again) {
        m_again = false;
        if (m_report.ok()) {
            QTimer::singleShot(0, this, &MedicationSync::syncNow);
            return;
        }
    }
    if (m_automatic)
        m_timer.start(m_retryDelayMs > 0 ? m_retryDelayMs : kIntervalMs);
}

SyncReport::Failure MedicationSync::failureOf(const ServiceAnswer &answer) {
    switch (answer.kind) {
    case ServiceAnswer::Kind::Refused:
        return SyncReport::Failure::Refused;
    case ServiceAnswer::Kind::Garbage:
        return SyncReport::Failure::Garbage;
    default:
        return SyncReport::Failure::Unreachable;
    }
}

} // namespace kiosk::sync
