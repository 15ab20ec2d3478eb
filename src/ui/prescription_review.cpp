#include "prescription_review.h"

#include "medication_store_controller.h"
#include "meds/schedule.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

namespace kiosk::ui {

namespace {

struct FieldSpec {
    const char *name;
    const char *label;
    const char *kind;
};

// The order a person reads a label in: what, how much, when, then who and where.
constexpr FieldSpec kFieldSpecs[] = {
    {"medication_name", QT_TRANSLATE_NOOP("PrescriptionReview", "Medication"), "text"},
    {"dosage", QT_TRANSLATE_NOOP("PrescriptionReview", "Strength"), "text"},
    {"dosage_form", QT_TRANSLATE_NOOP("PrescriptionReview", "Form"), "text"},
    {"schedule", QT_TRANSLATE_NOOP("PrescriptionReview", "Schedule"), "schedule"},
    {"instructions", QT_TRANSLATE_NOOP("PrescriptionReview", "Instructions"), "multiline"},
    {"prescriber", QT_TRANSLATE_NOOP("PrescriptionReview", "Prescriber"), "text"},
    {"quantity", QT_TRANSLATE_NOOP("PrescriptionReview", "Quantity"), "number"},
    {"refills", QT_TRANSLATE_NOOP("PrescriptionReview", "Refills"), "number"},
    {"date", QT_TRANSLATE_NOOP("PrescriptionReview", "Date filled"), "date"},
    {"rx_number", QT_TRANSLATE_NOOP("PrescriptionReview", "Rx number"), "text"},
    {"pharmacy", QT_TRANSLATE_NOOP("PrescriptionReview", "Pharmacy"), "text"},
    {"patient", QT_TRANSLATE_NOOP("PrescriptionReview", "Patient"), "text"},
};

constexpr int kMaxFieldLength = 500;
constexpr int kMaxCount = 100000;

} // namespace

PrescriptionReview::PrescriptionReview(QObject *parent)
    : QAbstractListModel(parent) {}

int PrescriptionReview::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant PrescriptionReview::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Field &f = m_fields.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ValueRole:
        return f.value;
    case FieldRole:
        return f.name;
    case LabelRole:
        return f.label;
    case KindRole:
        return f.kind;
    case ConfidenceRole:
        return f.confidence;
    case NeedsReviewRole:
        return f.needsReview;
    case ReasonRole:
        return f.reason;
    case ResolvedRole:
        return f.resolved();
    case EditedRole:
        return f.edited;
    default:
        return {};
    }
}

QHash<int, QByteArray> PrescriptionReview::roleNames() const {
    return {
        {FieldRole, "field"},   {LabelRole, "label"},           {ValueRole, "value"},
        {KindRole, "kind"},     {ConfidenceRole, "confidence"}, {NeedsReviewRole, "needsReview"},
        {ReasonRole, "reason"}, {ResolvedRole, "resolved"},     {EditedRole, "edited"}};
}

void PrescriptionReview::load(const aibrain::ReadingResult &result, const QString &photoPath) {
    beginResetModel();
    m_result = result;
    m_photoPath = photoPath;
    m_fields.clear();
    const ocr::Prescription &rx = result.prescription;
    for (const FieldSpec &spec : kFieldSpecs) {
        Field f;
        f.name = QString::fromLatin1(spec.name);
        f.label = tr(spec.label);
        f.kind = QString::fromLatin1(spec.kind);
        f.value = rx.valueText(f.name);
        f.confidence = rx.confidence.value(f.name, -1.0);
        const bool doubtful =
            f.confidence >= 0.0 && f.confidence < kLowConfidence && !f.value.isEmpty();
        f.needsReview = rx.needsReview.contains(f.name) || doubtful;
        if (f.needsReview) {
            if (f.value.isEmpty())
                f.reason = tr("Not found on the label: type it in, or confirm it is not there");
            else if (f.confidence >= 0.0 && f.confidence < kLowConfidence)
                f.reason = tr("Read with only %1% confidence: compare with the label")
                               .arg(qRound(f.confidence * 100));
            else
                f.reason = tr("The reader was unsure: compare with the label");
        }
        m_fields.append(f);
    }
    m_loaded = true;
    endResetModel();
    refreshDuplicates();
    emit loadedChanged();
    emit reviewChanged();
}

void PrescriptionReview::clear() {
    beginResetModel();
    m_fields.clear();
    m_result = {};
    m_photoPath.clear();
    m_loaded = false;
    m_duplicates.clear();
    endResetModel();
    emit loadedChanged();
    emit reviewChanged();
}

void PrescriptionReview::setStore(MedicationStoreController *store) {
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store)
        connect(store, &MedicationStoreController::recordsChanged, this,
                &PrescriptionReview::refreshDuplicates);
    refreshDuplicates();
}

QUrl PrescriptionReview::photoUrl() const {
    return m_photoPath.isEmpty() ? QUrl() : QUrl::fromLocalFile(m_photoPath);
}

QString PrescriptionReview::engineText() const {
    if (!m_loaded)
        return {};
    const QString who = m_result.engine == aibrain::ReadingResult::AiBrainEngine
                            ? tr("Read by AI Brain")
                            : tr("Read on this tablet");
    if (!m_result.fallbackReason.isEmpty())
        return tr("%1 (AI Brain not used: %2)").arg(who, m_result.fallbackReason);
    return who;
}

QString PrescriptionReview::title() const {
    const int name = indexOf(QStringLiteral("medication_name"));
    const int dosage = indexOf(QStringLiteral("dosage"));
    if (name < 0)
        return {};
    return QStringList{m_fields.at(name).value, dosage < 0 ? QString() : m_fields.at(dosage).value}
        .join(QLatin1Char(' '))
        .trimmed();
}

int PrescriptionReview::unresolvedCount() const {
    return int(std::count_if(m_fields.cbegin(), m_fields.cend(),
                             [](const Field &f) { return !f.resolved(); }));
}

QString PrescriptionReview::saveBlocker() const {
    if (!m_loaded)
        return tr("Nothing has been read yet");
    const int name = indexOf(QStringLiteral("medication_name"));
    if (name < 0 || m_fields.at(name).value.trimmed().isEmpty())
        return tr("Type the medication name");
    if (const int n = unresolvedCount(); n > 0)
        return tr("Check the %n highlighted field(s)", nullptr, n);
    return {};
}

QStringList PrescriptionReview::schedulePhrases() const {
    return meds::Schedule::canonicalPhrases();
}

QString PrescriptionReview::validate(const Field &field, const QString &value) {
    if (value.size() > kMaxFieldLength)
        return tr("%1 is too long (at most %2 characters)").arg(field.label).arg(kMaxFieldLength);
    if (value.isEmpty())
        return {};
    if (field.kind == QLatin1String("number")) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0 || n > kMaxCount)
            return tr("%1 must be a whole number from 0 to %2").arg(field.label).arg(kMaxCount);
    } else if (field.kind == QLatin1String("date")) {
        if (!QDate::fromString(value, Qt::ISODate).isValid())
            return tr("%1 must be a date like 2026-11-26").arg(field.label);
    } else if (field.kind == QLatin1String("schedule")) {
        if (!meds::Schedule::parse(value))
            return tr("Choose one of the listed schedules");
    }
    return {};
}

QString PrescriptionReview::setValue(const QString &field, const QString &value) {
    const int row = indexOf(field);
    if (row < 0)
        return tr("There is no field called %1").arg(field);
    Field &f = m_fields[row];
    QString cleaned = f.kind == QLatin1String("multiline") ? value.trimmed() : value.simplified();
    if (f.kind == QLatin1String("schedule"))
        if (const auto schedule = meds::Schedule::parse(cleaned))
            cleaned = schedule->canonical();
    if (const QString problem = validate(f, cleaned); !problem.isEmpty())
        return problem;
    if (cleaned == f.value && f.resolved())
        return {};
    f.value = cleaned;
    f.edited = true;
    emit dataChanged(index(row), index(row));
    if (field == QLatin1String("medication_name") || field == QLatin1String("dosage"))
        refreshDuplicates();
    emit reviewChanged();
    return {};
}

void PrescriptionReview::confirm(const QString &field) {
    const int row = indexOf(field);
    if (row < 0 || m_fields.at(row).confirmed)
        return;
    m_fields[row].confirmed = true;
    emit dataChanged(index(row), index(row));
    emit reviewChanged();
}

QVariantMap PrescriptionReview::record(bool keepPhoto) const {
    if (!m_loaded)
        return {};
    QJsonObject o = m_result.prescription.toJson();
    QJsonObject confidence = o.value(QStringLiteral("confidence")).toObject();
    for (const Field &f : m_fields) {
        if (f.kind == QLatin1String("number"))
            o.insert(f.name, f.value.isEmpty() ? QJsonValue() : QJsonValue(f.value.toInt()));
        else if (f.value.isEmpty() &&
                 (f.kind == QLatin1String("date") || f.name == QLatin1String("rx_number") ||
                  f.name == QLatin1String("pharmacy") || f.name == QLatin1String("patient")))
            o.insert(f.name, QJsonValue());
        else
            o.insert(f.name, f.value);
        // A value a person typed is as certain as the record gets.
        if (f.edited)
            confidence.insert(f.name, 1.0);
    }
    const auto schedule = meds::Schedule::parse(o.value(QStringLiteral("schedule")).toString());
    const auto timesPerDay = schedule ? schedule->timesPerDay() : std::nullopt;
    o.insert(QStringLiteral("times_per_day"),
             timesPerDay ? QJsonValue(*timesPerDay) : QJsonValue());
    o.insert(QStringLiteral("as_needed"), schedule && schedule->asNeeded());
    if (m_fields.at(indexOf(QStringLiteral("instructions"))).edited)
        o.remove(QStringLiteral("instructions_plain"));
    o.insert(QStringLiteral("confidence"), confidence);
    // Every doubtful field was checked by a person before this record could be saved.
    o.insert(QStringLiteral("needs_review"), QJsonArray());
    o.insert(QStringLiteral("engine"),
             m_result.engine.isEmpty() ? QStringLiteral("manual") : m_result.engine);
    if (!m_result.rawText.isEmpty())
        o.insert(QStringLiteral("raw_text"), m_result.rawText);
    if (keepPhoto && !m_photoPath.isEmpty())
        o.insert(QStringLiteral("file"), m_photoPath);
    return o.toVariantMap();
}

QVariantMap PrescriptionReview::save(bool keepPhoto) {
    if (const QString blocker = saveBlocker(); !blocker.isEmpty())
        return {{QStringLiteral("error"), blocker}};
    if (!m_store)
        return {{QStringLiteral("error"), tr("The medication list is not open")}};
    return m_store->add(record(keepPhoto));
}

int PrescriptionReview::indexOf(const QString &field) const {
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields.at(i).name == field)
            return i;
    return -1;
}

void PrescriptionReview::refreshDuplicates() {
    QStringList titles;
    if (m_loaded && m_store) {
        for (const QVariant &v : m_store->findDuplicates(record(false)))
            titles.append(v.toMap().value(QStringLiteral("title")).toString());
    }
    if (titles == m_duplicates)
        return;
    m_duplicates = titles;
    emit reviewChanged();
}

} // namespace kiosk::ui
