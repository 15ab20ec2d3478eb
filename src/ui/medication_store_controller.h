#pragma once

#include "meds/dose_planner.h"
#include "meds/medication.h"
#include "meds/medication_store.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QQmlParserStatus>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace kiosk::ui {

// The medication store as QML sees it: opens the database (the app data folder by default,
// or databasePath), hands records to MedicationListModel / TodayDoseModel, and edits, stops and
// deletes with one step of undo. Records cross to QML as maps in the OCR contract's shape
// (medication_name, dosage, ...) plus id, photoUrl, title.
// An empty databasePath means the default location (MedicationStore::defaultDatabasePath()).
// The app makes one (app/ui_main.cpp) and hands it to every page, so a change made through it
// reaches every view at once through recordsChanged.
class MedicationStoreController : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(
        QString databasePath READ databasePath WRITE setDatabasePath NOTIFY databasePathChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    // The list opened but cannot be changed (read-only storage, damaged file); readOnlyMessage says
    // why.
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY stateChanged)
    // The last change that failed (cleared by the next one that works); the list shown stays as
    // it was, since nothing was changed.
    Q_PROPERTY(QString saveError READ saveError NOTIFY saveErrorChanged)
    // What kind of failure error or saveError is: "storage-full", "read-only", "damaged", "busy",
    // "storage-error", ... (MedicationStore::faultName); empty when neither is set.
    Q_PROPERTY(QString faultKind READ faultKind NOTIFY saveErrorChanged)
    // The one line the page shows above an open list: why it cannot be changed, else the last
    // failed change, else why the list could not be read again. Empty when all is well.
    Q_PROPERTY(QString notice READ notice NOTIFY saveErrorChanged)
    Q_PROPERTY(int count READ count NOTIFY recordsChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    Q_PROPERTY(int undoTimeout READ undoTimeout WRITE setUndoTimeout NOTIFY undoChanged)
    Q_PROPERTY(QStringList schedulePhrases READ schedulePhrases CONSTANT)
    // Where --demo keeps its medications, away from the real list: $KILO_KIOSK_MEDS_DB when set,
    // else CacheLocation/demo-medications.sqlite.
    Q_PROPERTY(QString demoDatabasePath READ demoDatabasePath CONSTANT)

public:
    explicit MedicationStoreController(QObject *parent = nullptr);
    ~MedicationStoreController() override;

    QString databasePath() const { return m_databasePath; }
    void setDatabasePath(const QString &path);
    bool ready() const { return m_store && m_store->isOpen(); }
    QString error() const { return m_error; }
    bool readOnly() const { return ready() && m_store->readOnlyReason() != meds::StoreFault::None; }
    QString saveError() const { return m_saveError; }
    QString faultKind() const { return m_saveError.isEmpty() ? m_errorKind : m_saveErrorKind; }
    QString notice() const;
    int count() const { return int(m_records.size()); }
    bool canUndo() const { return m_undo.has_value(); }
    QString undoText() const { return m_undoText; }
    int undoTimeout() const { return m_undoTimer.interval(); }
    void setUndoTimeout(int milliseconds);
    QStringList schedulePhrases() const;
    static QString demoDatabasePath();

    // C++ side, for the models.
    const QList<meds::Medication> &records() const { return m_records; }
    const meds::DosePlanner &planner() const { return m_planner; }
    meds::MedicationStore *store() const { return m_store.get(); }

    // (Re)opens the database; called when the QML object is complete. Returns success.
    Q_INVOKABLE bool open();
    Q_INVOKABLE bool reload();
    // Reloads only when another connection (the CLI, the sync engine) committed since the last
    // look (PRAGMA data_version); returns whether it did. Called when the database's files change.
    Q_INVOKABLE bool refreshIfChanged();
    // The record as a map, or an empty map when there is none.
    Q_INVOKABLE QVariantMap get(qint64 id) const;
    // Stores a new record (contract shape); its "file" (a path or file: URL to the label
    // photo) is copied into the photo folder. Returns {id} or {error}; nothing is kept on error.
    Q_INVOKABLE QVariantMap add(const QVariantMap &record);
    // Applies changes (contract field names); returns the error, empty on success. Undoable.
    Q_INVOKABLE QString update(qint64 id, const QVariantMap &changes);
    Q_INVOKABLE QString stop(qint64 id);
    Q_INVOKABLE QString resume(qint64 id);
    // Deletes; the photo is kept until the undo chance has passed.
    Q_INVOKABLE QString remove(qint64 id);
    Q_INVOKABLE QString undo();
    // Ends the undo chance now (and deletes a deleted record's photo).
    Q_INVOKABLE void dismissUndo();
    // The printable list for a doctor's visit. An empty path means
    // DocumentsLocation/medication-list-<date>.pdf. Returns {path} or {error}.
    Q_INVOKABLE QVariantMap exportPdf(const QString &path = QString()) const;
    // Same drug and strength already in the list, as maps (for the review screen).
    Q_INVOKABLE QVariantList findDuplicates(const QVariantMap &record) const;

    static QVariantMap toMap(const meds::Medication &medication);

    void classBegin() override {}
    void componentComplete() override;

signals:
    void databasePathChanged();
    void stateChanged();
    void recordsChanged();
    void undoChanged();
    void saveErrorChanged();

private:
    enum class UndoKind { Restore, Revert };
    void setError(const QString &error);
    // After a change: error empty means it worked (clears saveError), else the store's fault.
    QString noteSave(const QString &error);
    void watchFiles();
    void offerUndo(UndoKind kind, const meds::Medication &before, const QString &text);
    QString setActive(qint64 id, bool active);

    QString m_databasePath;
    std::unique_ptr<meds::MedicationStore> m_store;
    QList<meds::Medication> m_records;
    meds::DosePlanner m_planner;
    QString m_error;
    QString m_errorKind;
    QString m_saveError;
    QString m_saveErrorKind;
    bool m_readOnlyShown = false;
    bool m_complete = false;

    std::optional<meds::Medication> m_undo;
    UndoKind m_undoKind = UndoKind::Revert;
    QString m_undoText;
    QTimer m_undoTimer;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; // one look for a burst of file changes
    qint64 m_dataVersion = -1;
};

} // namespace kiosk::ui
