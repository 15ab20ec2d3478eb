#include "ui/dose_controller.h"

#include "meds/medication_store.h"
#include "meds/refill_estimate.h"
#include "meds/system_clock.h"
#include "ui/chime_sound.h"
#include "ui/medication_store_controller.h"
#include "ui/refill_text.h"

#include <QFileInfo>
#include <QUrl>

namespace kiosk::ui {

namespace {

QVariantMap outcome(const meds::DoseTracker::LogResult &result) {
    return {{QStringLiteral("ok"), result.ok()},
            {QStringLiteral("needsConfirmation"), result.needsConfirmation()},
            {QStringLiteral("message"), result.message}};
}

} // namespace

DoseController::DoseController(QObject *parent)
    : QObject(parent)
    , m_ownClock(std::make_unique<meds::SystemClock>())
    , m_clock(m_ownClock.get())
    , m_chime(new ChimeSound(this)) {}

DoseController::~DoseController() = default;

void DoseController::setClock(meds::Clock *clock) {
    m_clock = clock ? clock : m_ownClock.get();
    build();
}

void DoseController::setStore(MedicationStoreController *store) {
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        // Opened later, edited here or elsewhere (another process, a sync): plan again.
        connect(m_store, &MedicationStoreController::stateChanged, this, &DoseController::build);
        connect(m_store, &MedicationStoreController::recordsChanged, this,
                &DoseController::refresh);
    }
    build();
    emit storeChanged();
}

void DoseController::build() {
    m_scheduler.reset();
    m_tracker.reset();
    meds::MedicationStore *database = m_store ? m_store->store() : nullptr;
    if (database && database->isOpen()) {
        m_tracker = std::make_unique<meds::DoseTracker>(*database, *m_clock, m_store->planner());
        m_scheduler = std::make_unique<meds::ReminderScheduler>(*m_tracker);
        connect(m_scheduler.get(), &meds::ReminderScheduler::doseDue, this,
                &DoseController::onDoseDue);
        connect(m_scheduler.get(), &meds::ReminderScheduler::dueChanged, this,
                &DoseController::updateReminder);
        connect(m_scheduler.get(), &meds::ReminderScheduler::clockJumped, this,
                &DoseController::changed);
        m_scheduler->start();
    }
    updateReminder();
    changed();
    emit storeChanged();
}

void DoseController::refresh() {
    if (m_scheduler)
        m_scheduler->recheck();
    updateReminder();
    changed();
}

void DoseController::changed() {
    ++m_revision;
    emit todayChanged();
}

void DoseController::onDoseDue(const meds::DoseSlot &slot) {
    if (chimeEnabled() && !muted()) {
        ++m_chimeCount;
        m_chime->play();
        emit soundChanged();
    }
    updateReminder();
    changed();
    emit doseDue(slot.key());
}

void DoseController::updateReminder() {
    QVariantMap reminder;
    const QList<meds::DoseSlot> due = m_scheduler ? m_scheduler->dueNow() : QList<meds::DoseSlot>();
    if (!due.isEmpty()) {
        const meds::DoseSlot &slot = due.first();
        const meds::Medication &m = slot.medication;
        reminder = {
            {QStringLiteral("key"), slot.key()},
            {QStringLiteral("medicationId"), m.id},
            {QStringLiteral("title"), m.title()},
            {QStringLiteral("name"), m.medicationName},
            {QStringLiteral("strength"), m.dosage},
            {QStringLiteral("directions"), m.instructions.isEmpty() ? m.schedule : m.instructions},
            {QStringLiteral("time"), m_tracker->timeText(slot)},
            {QStringLiteral("photoUrl"), !m.photoPath.isEmpty() && QFileInfo::exists(m.photoPath)
                                             ? QUrl::fromLocalFile(m.photoPath)
                                             : QUrl()},
            {QStringLiteral("due"), m_tracker->detailText(slot)}};
    }
    const int count = int(due.size());
    if (reminder != m_reminder || count != m_dueCount) {
        m_reminder = reminder;
        m_dueCount = count;
        emit reminderChanged();
    }
}

std::optional<meds::DoseSlot> DoseController::findSlot(const QString &key) const {
    if (!m_tracker)
        return std::nullopt;
    for (const QDate &date :
         {m_clock->today(), m_clock->today().addDays(-1), m_clock->today().addDays(1)}) {
        QString error;
        const auto daySlots = m_tracker->day(date, &error);
        if (!daySlots)
            continue;
        for (const meds::DoseSlot &slot : *daySlots) {
            if (slot.key() == key)
                return slot;
        }
    }
    return std::nullopt;
}

QVariantMap DoseController::log(const meds::DoseTracker::LogRequest &request) {
    const auto result = m_tracker->logDose(request);
    if (result.ok())
        refresh();
    return outcome(result);
}

QVariantMap DoseController::give(const QString &key, bool force) {
    const auto slot = findSlot(key);
    if (!slot || !slot->scheduledAt.isValid())
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("message"), tr("This dose is no longer on today's plan.")}};
    meds::DoseTracker::LogRequest request;
    request.medicationUuid = slot->medication.uuid;
    request.scheduledAt = slot->scheduledAt;
    request.givenBy = caregiver();
    request.force = force;
    return log(request);
}

QVariantMap DoseController::skip(const QString &key, const QString &reason) {
    const auto slot = findSlot(key);
    if (!slot || !slot->scheduledAt.isValid())
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("message"), tr("This dose is no longer on today's plan.")}};
    meds::DoseTracker::LogRequest request;
    request.medicationUuid = slot->medication.uuid;
    request.scheduledAt = slot->scheduledAt;
    request.status = meds::DoseEntry::Status::Skipped;
    request.reason = reason;
    request.givenBy = caregiver();
    return log(request);
}

void DoseController::snooze(const QString &key) {
    if (m_scheduler)
        m_scheduler->snooze(key);
    updateReminder();
}

QVariantMap DoseController::giveNow(qint64 medicationId, bool force) {
    if (!m_tracker || !m_store)
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("message"), tr("The medication list is not open.")}};
    QString error;
    const auto medication = m_store->store()->get(medicationId, &error);
    if (!medication)
        return {{QStringLiteral("ok"), false}, {QStringLiteral("message"), error}};
    meds::DoseTracker::LogRequest request;
    request.medicationUuid = medication->uuid;
    request.givenBy = caregiver();
    request.force = force;
    return log(request);
}

QVariantList DoseController::todayRows() const {
    QVariantList rows;
    if (!m_tracker)
        return rows;
    QString error;
    const auto daySlots = m_tracker->today(&error);
    if (!daySlots)
        return rows;
    for (const meds::DoseSlot &slot : *daySlots)
        rows.append(m_tracker->slotJson(slot).toVariantMap());
    return rows;
}

QVariantList DoseController::history(qint64 medicationId, int days) const {
    QVariantList out;
    if (!m_tracker || !m_store)
        return out;
    QString uuid;
    QHash<QString, QString> titles;
    for (const meds::Medication &m : m_store->records()) {
        titles.insert(m.uuid, m.title());
        if (m.id == medicationId)
            uuid = m.uuid;
    }
    if (medicationId > 0 && uuid.isEmpty())
        return out;
    QString error;
    const auto entries = m_tracker->history(uuid, days, &error);
    if (!entries)
        return out;
    const QTimeZone zone = m_clock->timeZone();
    for (const meds::DoseEntry &e : *entries) {
        const QDateTime local = e.at.toTimeZone(zone);
        out.append(QVariantMap{
            {QStringLiteral("id"), e.uuid},
            {QStringLiteral("day"), local.date().toString(QStringLiteral("dddd d MMMM"))},
            {QStringLiteral("time"), local.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("planned"),
             e.scheduledAt.isValid()
                 ? e.scheduledAt.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
                 : QString()},
            {QStringLiteral("medication"),
             titles.value(e.medicationUuid, tr("A medication no longer on the list"))},
            {QStringLiteral("status"), meds::DoseEntry::statusName(e.status)},
            {QStringLiteral("reason"), e.reason},
            {QStringLiteral("by"), e.givenBy},
            {QStringLiteral("device"), e.device}});
    }
    return out;
}

QVariantList DoseController::medicationChoices() const {
    QVariantList out;
    if (!m_store)
        return out;
    for (const meds::Medication &m : m_store->records())
        out.append(QVariantMap{{QStringLiteral("id"), m.id}, {QStringLiteral("title"), m.title()}});
    return out;
}

QVariantMap DoseController::refill(qint64 medicationId) const {
    if (!m_store)
        return {};
    for (const meds::Medication &m : m_store->records()) {
        if (m.id != medicationId)
            continue;
        const auto estimate =
            meds::RefillEstimate::estimate(m, m_clock->today(), m_store->planner());
        if (!estimate)
            return {};
        return {{QStringLiteral("text"), RefillText::describe(*estimate)},
                {QStringLiteral("warning"), estimate->warning()},
                {QStringLiteral("daysLeft"), estimate->daysLeft}};
    }
    return {};
}

std::unique_ptr<QSettings> DoseController::settings() const {
    if (m_settingsFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

void DoseController::setSettingsFile(const QString &file) {
    if (file == m_settingsFile)
        return;
    m_settingsFile = file;
    emit soundChanged();
    emit caregiverChanged();
}

bool DoseController::chimeEnabled() const {
    return settings()->value(QStringLiteral("doses/chime"), true).toBool();
}

void DoseController::setChimeEnabled(bool on) {
    if (on == chimeEnabled())
        return;
    settings()->setValue(QStringLiteral("doses/chime"), on);
    emit soundChanged();
}

bool DoseController::muted() const {
    return settings()->value(QStringLiteral("sound/muted"), false).toBool();
}

void DoseController::setMuted(bool on) {
    if (on == muted())
        return;
    settings()->setValue(QStringLiteral("sound/muted"), on);
    emit soundChanged();
}

bool DoseController::caregiverAsked() const {
    const QDateTime at = settings()->value(QStringLiteral("doses/caregiver_at")).toDateTime();
    return at.isValid() && at.secsTo(m_clock->now()) < kShiftHours * 3600 &&
           at <= m_clock->now().addSecs(60);
}

QString DoseController::caregiver() const {
    return caregiverAsked() ? settings()->value(QStringLiteral("doses/caregiver")).toString()
                            : QString();
}

void DoseController::setCaregiver(const QString &name) {
    auto s = settings();
    // A first name only: what a colleague needs to ask "did you give it?".
    s->setValue(QStringLiteral("doses/caregiver"), name.simplified().section(u' ', 0, 0).left(60));
    s->setValue(QStringLiteral("doses/caregiver_at"), m_clock->now());
    emit caregiverChanged();
}

} // namespace kiosk::ui
