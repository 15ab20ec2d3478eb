#include "ui/medication_store_controller.h"

#include "meds/dose_log.h"

#include "meds/medication_exporter.h"
#include "meds/schedule.h"

#include <QDir>
#include <QFileInfo>

#include <QJsonObject>
#include <QJsonValue>
#include <QStandardPaths>
#include <QUrl>

namespace kiosk::ui {

MedicationStoreController::MedicationStoreController(QObject *parent)
    : QObject(parent)
    , m_databasePath(meds::MedicationStore::defaultDatabasePath()) {
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(10000);
    connect(&m_undoTimer, &QTimer::timeout, this, &MedicationStoreController::dismissUndo);
    // Other processes' writes are seen when the database's files change (inotify), then checked
    // with PRAGMA data_version, so an idle kiosk wakes for nothing and our own writes cost nothing.
    m_settle.setSingleShot(true);
    m_settle.setInterval(100);
    connect(&m_settle, &QTimer::timeout, this, &MedicationStoreController::refreshIfChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
}

void MedicationStoreController::watchFiles() {
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!ready())
        return;
    // The folder tells of a log file made again after the last connection closed it.
    QStringList paths = {QFileInfo(m_databasePath).absolutePath(), m_databasePath};
    const QString log = m_databasePath + QStringLiteral("-wal");
    if (QFileInfo::exists(log))
        paths.append(log);
    m_watcher.addPaths(paths);
}

bool MedicationStoreController::refreshIfChanged() {
    if (!ready())
        return false;
    // A log file replaced or made since the last look is watched again.
    const QString log = m_databasePath + QStringLiteral("-wal");
    if (!m_watcher.files().contains(log) && QFileInfo::exists(log))
        m_watcher.addPath(log);
    const qint64 version = m_store->dataVersion();
    if (version == m_dataVersion)
        return false;
    m_dataVersion = version;
    return reload();
}

MedicationStoreController::~MedicationStoreController() {
    // A deleted record's photo goes with the undo chance.
    if (m_undo && m_undoKind == UndoKind::Restore && m_store)
        m_store->discardPhoto(m_undo->photoPath, nullptr);
}

void MedicationStoreController::setDatabasePath(const QString &requested) {
    const QString path =
        requested.isEmpty() ? meds::MedicationStore::defaultDatabasePath() : requested;
    if (path == m_databasePath)
        return;
    m_databasePath = path;
    emit databasePathChanged();
    if (m_complete)
        open();
}

void MedicationStoreController::setUndoTimeout(int milliseconds) {
    if (milliseconds == m_undoTimer.interval())
        return;
    m_undoTimer.setInterval(milliseconds);
    emit undoChanged();
}

QString MedicationStoreController::demoDatabasePath() {
    const QString fromEnvironment = qEnvironmentVariable("KILO_KIOSK_MEDS_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/demo-medications.sqlite");
}

QStringList MedicationStoreController::schedulePhrases() const {
    return meds::Schedule::canonicalPhrases();
}

void MedicationStoreController::componentComplete() {
    m_complete = true;
    open();
}

void MedicationStoreController::setError(const QString &error) {
    const QString kind = error.isEmpty() || !m_store
                             ? QString()
                             : meds::MedicationStore::faultName(m_store->lastFault());
    if (error == m_error && kind == m_errorKind)
        return;
    m_error = error;
    m_errorKind = kind;
    emit stateChanged();
    emit saveErrorChanged();
}

QString MedicationStoreController::noteSave(const QString &error) {
    const QString kind = error.isEmpty() || !m_store
                             ? QString()
                             : meds::MedicationStore::faultName(m_store->lastFault());
    if (error != m_saveError || kind != m_saveErrorKind) {
        m_saveError = error;
        m_saveErrorKind = kind;
        emit saveErrorChanged();
    }
    // A store opened on a full disk can be written again once there is room.
    if (readOnly() != m_readOnlyShown) {
        m_readOnlyShown = readOnly();
        emit stateChanged();
        emit saveErrorChanged();
    }
    return error;
}

QString MedicationStoreController::notice() const {
    if (!ready())
        return {};
    if (!m_store->readOnlyMessage().isEmpty())
        return m_store->readOnlyMessage();
    return m_saveError.isEmpty() ? m_error : m_saveError;
}

bool MedicationStoreController::open() {
    dismissUndo();
    m_store = std::make_unique<meds::MedicationStore>(m_databasePath);
    QString error;
    m_settle.stop();
    noteSave({});
    if (!m_store->open(&error)) {
        watchFiles();
        m_records.clear();
        setError(error);
        emit stateChanged();
        emit recordsChanged();
        return false;
    }
    setError({});
    emit stateChanged();
    m_dataVersion = m_store->dataVersion();
    if (!reload()) {
        // A list that cannot be read at all is unavailable, never shown as an empty list
        // (error and its kind stay as reload() set them).
        m_store.reset();
        watchFiles();
        m_records.clear();
        emit stateChanged();
        emit recordsChanged();
        return false;
    }
    m_readOnlyShown = readOnly();
    watchFiles();
    return true;
}

bool MedicationStoreController::reload() {
    if (!ready())
        return false;
    QString error;
    const auto records = m_store->list(&error);
    if (!records) {
        setError(error);
        return false;
    }
    m_records = *records;
    setError({});
    emit recordsChanged();
    return true;
}

QVariantMap MedicationStoreController::toMap(const meds::Medication &m) {
    QVariantMap map = m.toJson().toVariantMap();
    map.insert(QStringLiteral("id"), m.id);
    map.insert(QStringLiteral("title"), m.title());
    map.insert(QStringLiteral("photoUrl"),
               m.photoPath.isEmpty() ? QUrl() : QUrl::fromLocalFile(m.photoPath));
    return map;
}

QVariantMap MedicationStoreController::get(qint64 id) const {
    for (const meds::Medication &m : m_records) {
        if (m.id == id)
            return toMap(m);
    }
    return {};
}

QVariantMap MedicationStoreController::add(const QVariantMap &record) {
    if (!ready())
        return {{QStringLiteral("error"),
                 m_error.isEmpty() ? QStringLiteral("the medication list is not open") : m_error}};
    QStringList problems;
    auto medication = meds::Medication::fromJson(QJsonObject::fromVariantMap(record), &problems);
    if (!medication)
        return {{QStringLiteral("error"), problems.join(QStringLiteral("; "))}};
    QString error;
    // The label photo the record was read from ("file" in the OCR contract) is kept with it.
    const QString photo = record.value(QStringLiteral("file")).toString();
    std::optional<QString> storedPhoto;
    if (!photo.isEmpty()) {
        const QUrl url(photo);
        storedPhoto = m_store->importPhoto(url.isLocalFile() ? url.toLocalFile() : photo, &error);
        if (!storedPhoto)
            return {{QStringLiteral("error"), noteSave(error)}};
        medication->photoPath = *storedPhoto;
    }
    const auto stored = m_store->add(*medication, &error);
    if (!stored) {
        noteSave(error);
        if (storedPhoto)
            m_store->discardPhoto(*storedPhoto, nullptr);
        return {{QStringLiteral("error"), error}};
    }
    noteSave({});
    reload();
    return {{QStringLiteral("id"), stored->id}};
}

QString MedicationStoreController::update(qint64 id, const QVariantMap &changes) {
    if (!ready())
        return QStringLiteral("the medication list is not open");
    QString error;
    auto record = m_store->get(id, &error);
    if (!record)
        return error;
    const meds::Medication before = *record;
    QStringList problems;
    if (!record->applyJson(QJsonObject::fromVariantMap(changes), &problems))
        return problems.join(QStringLiteral("; "));
    const auto updated = m_store->update(*record, &error);
    if (!updated)
        return noteSave(error);
    noteSave({});
    reload();
    offerUndo(UndoKind::Revert, before, tr("Saved changes to %1").arg(updated->title()));
    return {};
}

QString MedicationStoreController::setActive(qint64 id, bool active) {
    if (!ready())
        return QStringLiteral("the medication list is not open");
    QString error;
    const auto before = m_store->get(id, &error);
    if (!before)
        return error;
    const auto updated = m_store->setActive(id, active, &error);
    if (!updated)
        return noteSave(error);
    noteSave({});
    reload();
    offerUndo(UndoKind::Revert, *before,
              active ? tr("%1 is taken again").arg(updated->title())
                     : tr("Stopped %1").arg(updated->title()));
    return {};
}

QString MedicationStoreController::stop(qint64 id) {
    return setActive(id, false);
}

QString MedicationStoreController::resume(qint64 id) {
    return setActive(id, true);
}

QString MedicationStoreController::remove(qint64 id) {
    if (!ready())
        return QStringLiteral("the medication list is not open");
    QString error;
    const auto removed = m_store->remove(id, &error);
    if (!removed)
        return noteSave(error);
    noteSave({});
    reload();
    offerUndo(UndoKind::Restore, *removed, tr("Deleted %1").arg(removed->title()));
    return {};
}

void MedicationStoreController::offerUndo(UndoKind kind, const meds::Medication &before,
                                          const QString &text) {
    dismissUndo(); // the previous chance ends (its photo goes) before a new one starts
    m_undo = before;
    m_undoKind = kind;
    m_undoText = text;
    if (m_undoTimer.interval() > 0)
        m_undoTimer.start();
    emit undoChanged();
}

QString MedicationStoreController::undo() {
    if (!m_undo)
        return tr("There is nothing to undo");
    if (!ready())
        return QStringLiteral("the medication list is not open");
    const meds::Medication before = *m_undo;
    QString error;
    const bool ok = m_undoKind == UndoKind::Restore ? m_store->restore(before, &error).has_value()
                                                    : m_store->update(before, &error).has_value();
    if (!ok)
        return noteSave(
            error); // the chance stays open: the caller may show the error and try again
    noteSave({});
    m_undo.reset();
    m_undoText.clear();
    m_undoTimer.stop();
    reload();
    emit undoChanged();
    return {};
}

void MedicationStoreController::dismissUndo() {
    m_undoTimer.stop();
    if (!m_undo)
        return;
    if (m_undoKind == UndoKind::Restore && m_store)
        m_store->discardPhoto(m_undo->photoPath, nullptr);
    m_undo.reset();
    m_undoText.clear();
    emit undoChanged();
}

QVariantMap MedicationStoreController::exportPdf(const QString &requested) const {
    if (!ready())
        return {{QStringLiteral("error"),
                 m_error.isEmpty() ? QStringLiteral("the medication list is not open") : m_error}};
    QString path = requested;
    if (path.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (folder.isEmpty() || !QDir().mkpath(folder))
            return {
                {QStringLiteral("error"), tr("There is no documents folder to save the list in")}};
        path = folder + QStringLiteral("/medication-list-%1.pdf")
                            .arg(QDate::currentDate().toString(Qt::ISODate));
    }
    QString error;
    // The last 30 days of the dose log go with the list, for a doctor's visit.
    const auto doses = meds::DoseLog(*m_store).entries(
        QDateTime::currentDateTimeUtc().addDays(-meds::MedicationExporter::kDoseLogDays),
        QDateTime(), QString(), &error);
    if (!doses)
        return {{QStringLiteral("error"), error}};
    if (!meds::MedicationExporter::writePdf(m_records, path, &error, *doses))
        return {{QStringLiteral("error"), error}};
    return {{QStringLiteral("path"), path}};
}

QVariantList MedicationStoreController::findDuplicates(const QVariantMap &record) const {
    QVariantList out;
    if (!ready())
        return out;
    QStringList problems;
    QJsonObject object = QJsonObject::fromVariantMap(record);
    object.remove(QStringLiteral("id"));
    auto medication = meds::Medication::fromJson(object, &problems);
    if (!medication)
        return out;
    medication->id = record.value(QStringLiteral("id")).toLongLong();
    for (const meds::Medication &m : m_store->findDuplicates(*medication))
        out.append(toMap(m));
    return out;
}

} // namespace kiosk::ui
