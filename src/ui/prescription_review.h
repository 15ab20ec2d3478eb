#pragma once

#include "aibrain/reading_result.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantList>

namespace kiosk::ui {

class MedicationStoreController;

// What a person checks before a read label becomes a medication: one row per field with its
// value, the reader's confidence and, for doubtful fields, why. A doubtful field must be edited
// or confirmed before save() is allowed; the same drug and strength already on the list is
// pointed out. Rows: field, label, value, kind (text, multiline, number, schedule, date),
// confidence (0..1, or -1 when unknown), needsReview, reason, resolved, edited.
class PrescriptionReview : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A review comes from ScanController")
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QUrl photoUrl READ photoUrl NOTIFY loadedChanged)
    Q_PROPERTY(QString engine READ engine NOTIFY loadedChanged)
    // "Read on this tablet", "Read by AI Brain", with the reason when auto fell back.
    Q_PROPERTY(QString engineText READ engineText NOTIFY loadedChanged)
    Q_PROPERTY(QString fallbackReason READ fallbackReason NOTIFY loadedChanged)
    Q_PROPERTY(QString title READ title NOTIFY reviewChanged)
    Q_PROPERTY(int unresolvedCount READ unresolvedCount NOTIFY reviewChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY reviewChanged)
    // Why saving is not possible yet (empty when it is).
    Q_PROPERTY(QString saveBlocker READ saveBlocker NOTIFY reviewChanged)
    // Records already on the list with the same drug and strength, as "Lisinopril 10 mg" titles.
    Q_PROPERTY(QStringList duplicates READ duplicates NOTIFY reviewChanged)
    Q_PROPERTY(QStringList schedulePhrases READ schedulePhrases CONSTANT)

public:
    enum Role {
        FieldRole = Qt::UserRole + 1,
        LabelRole,
        ValueRole,
        KindRole,
        ConfidenceRole,
        NeedsReviewRole,
        ReasonRole,
        ResolvedRole,
        EditedRole
    };
    Q_ENUM(Role)

    // A field read with less confidence than this is called out even when the reader did not flag
    // it.
    static constexpr double kLowConfidence = 0.6;

    explicit PrescriptionReview(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void load(const aibrain::ReadingResult &result, const QString &photoPath);
    void clear();
    void setStore(MedicationStoreController *store);

    bool loaded() const { return m_loaded; }
    QUrl photoUrl() const;
    QString engine() const { return m_result.engine; }
    QString engineText() const;
    QString fallbackReason() const { return m_result.fallbackReason; }
    QString title() const;
    int unresolvedCount() const;
    bool canSave() const { return saveBlocker().isEmpty(); }
    QString saveBlocker() const;
    QStringList duplicates() const { return m_duplicates; }
    QStringList schedulePhrases() const;

    // Sets a field as the person typed or chose it; returns why it was refused, empty on success.
    Q_INVOKABLE QString setValue(const QString &field, const QString &value);
    // The person checked the field against the label and it is right as read.
    Q_INVOKABLE void confirm(const QString &field);
    // The record to store, in the OCR contract's shape plus engine, file and raw_text.
    Q_INVOKABLE QVariantMap record(bool keepPhoto = true) const;
    // Stores the record through the store; returns {id} or {error}. keepPhoto false leaves the
    // photo out of the record ("forget photos after save").
    Q_INVOKABLE QVariantMap save(bool keepPhoto = true);

signals:
    void loadedChanged();
    void reviewChanged();

private:
    struct Field {
        QString name;
        QString label;
        QString kind;
        QString value;
        double confidence = -1.0;
        bool needsReview = false;
        QString reason;
        bool confirmed = false;
        bool edited = false;
        bool resolved() const { return !needsReview || confirmed || edited; }
    };
    int indexOf(const QString &field) const;
    void refreshDuplicates();
    static QString validate(const Field &field, const QString &value);

    QList<Field> m_fields;
    aibrain::ReadingResult m_result;
    QString m_photoPath;
    bool m_loaded = false;
    QPointer<MedicationStoreController> m_store;
    QStringList m_duplicates;
};

} // namespace kiosk::ui
