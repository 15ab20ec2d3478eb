#include "ocr/prescription.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>

namespace kiosk::ocr {

const QStringList &Prescription::coreFields() {
    static const QStringList fields = {QStringLiteral("medication_name"), QStringLiteral("dosage"),
                                       QStringLiteral("schedule"), QStringLiteral("prescriber"),
                                       QStringLiteral("instructions")};
    return fields;
}

const QStringList &Prescription::allFields() {
    static const QStringList fields = {
        QStringLiteral("medication_name"), QStringLiteral("dosage"),
        QStringLiteral("dosage_form"),     QStringLiteral("schedule"),
        QStringLiteral("times_per_day"),   QStringLiteral("as_needed"),
        QStringLiteral("instructions"),    QStringLiteral("prescriber"),
        QStringLiteral("quantity"),        QStringLiteral("refills"),
        QStringLiteral("rx_number"),       QStringLiteral("pharmacy"),
        QStringLiteral("patient"),         QStringLiteral("date")};
    return fields;
}

QString Prescription::valueText(const QString &field) const {
    const auto optionalInt = [](const std::optional<int> &v) {
        return v ? QString::number(*v) : QString();
    };
    if (field == QLatin1String("medication_name"))
        return medicationName;
    if (field == QLatin1String("dosage"))
        return dosage;
    if (field == QLatin1String("dosage_form"))
        return dosageForm;
    if (field == QLatin1String("schedule"))
        return schedule;
    if (field == QLatin1String("times_per_day"))
        return optionalInt(timesPerDay);
    if (field == QLatin1String("as_needed"))
        return asNeeded ? QStringLiteral("yes") : QStringLiteral("no");
    if (field == QLatin1String("instructions"))
        return instructions;
    if (field == QLatin1String("prescriber"))
        return prescriber;
    if (field == QLatin1String("quantity"))
        return optionalInt(quantity);
    if (field == QLatin1String("refills"))
        return optionalInt(refills);
    if (field == QLatin1String("rx_number"))
        return rxNumber;
    if (field == QLatin1String("pharmacy"))
        return pharmacy;
    if (field == QLatin1String("patient"))
        return patient;
    if (field == QLatin1String("date"))
        return date;
    return {};
}

QJsonObject Prescription::toJson() const {
    const auto stringOrNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    const auto intOrNull = [](const std::optional<int> &v) {
        return v ? QJsonValue(*v) : QJsonValue();
    };
    QJsonObject o;
    o.insert(QStringLiteral("medication_name"), medicationName);
    o.insert(QStringLiteral("dosage"), dosage);
    o.insert(QStringLiteral("dosage_form"), dosageForm);
    o.insert(QStringLiteral("schedule"), schedule);
    o.insert(QStringLiteral("times_per_day"), intOrNull(timesPerDay));
    o.insert(QStringLiteral("as_needed"), asNeeded);
    o.insert(QStringLiteral("instructions"), instructions);
    o.insert(QStringLiteral("instructions_plain"), instructionsPlain);
    o.insert(QStringLiteral("prescriber"), prescriber);
    o.insert(QStringLiteral("quantity"), intOrNull(quantity));
    o.insert(QStringLiteral("refills"), intOrNull(refills));
    o.insert(QStringLiteral("rx_number"), stringOrNull(rxNumber));
    o.insert(QStringLiteral("pharmacy"), stringOrNull(pharmacy));
    o.insert(QStringLiteral("patient"), stringOrNull(patient));
    o.insert(QStringLiteral("date"), stringOrNull(date));
    o.insert(QStringLiteral("label_language"), language);
    QJsonObject conf;
    for (auto it = confidence.cbegin(); it != confidence.cend(); ++it)
        conf.insert(it.key(), std::round(it.value() * 100.0) / 100.0);
    o.insert(QStringLiteral("confidence"), conf);
    o.insert(QStringLiteral("needs_review"), QJsonArray::fromStringList(needsReview));
    return o;
}

} // namespace kiosk::ocr
