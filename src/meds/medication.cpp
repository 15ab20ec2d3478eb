#include "meds/medication.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace kiosk::meds {

namespace {

QString isoUtc(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue nullable(const QString &text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue nullable(const std::optional<int> &number) {
    return number ? QJsonValue(*number) : QJsonValue(QJsonValue::Null);
}

bool readString(const QJsonValue &value, const QString &key, QString *out, QStringList *errors) {
    if (value.isNull() || value.isUndefined()) {
        out->clear();
        return true;
    }
    if (!value.isString()) {
        errors->append(QStringLiteral("%1 must be text").arg(key));
        return false;
    }
    *out = value.toString().trimmed();
    return true;
}

bool readInt(const QJsonValue &value, const QString &key, std::optional<int> *out,
             QStringList *errors) {
    if (value.isNull() || value.isUndefined()) {
        out->reset();
        return true;
    }
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) ||
        std::abs(number) > 1e9) {
        errors->append(QStringLiteral("%1 must be a whole number or null").arg(key));
        return false;
    }
    *out = static_cast<int>(number);
    return true;
}

bool readBool(const QJsonValue &value, const QString &key, bool *out, QStringList *errors) {
    if (!value.isBool()) {
        errors->append(QStringLiteral("%1 must be true or false").arg(key));
        return false;
    }
    *out = value.toBool();
    return true;
}

} // namespace

QString Medication::title() const {
    return dosage.isEmpty() ? medicationName : medicationName + u' ' + dosage;
}

QStringList Medication::contractFields() {
    return {QStringLiteral("medication_name"), QStringLiteral("dosage"),
            QStringLiteral("dosage_form"),     QStringLiteral("schedule"),
            QStringLiteral("times_per_day"),   QStringLiteral("as_needed"),
            QStringLiteral("instructions"),    QStringLiteral("prescriber"),
            QStringLiteral("quantity"),        QStringLiteral("refills"),
            QStringLiteral("rx_number"),       QStringLiteral("pharmacy"),
            QStringLiteral("patient"),         QStringLiteral("date")};
}

QStringList Medication::editableFields() {
    return contractFields() +
           QStringList{QStringLiteral("engine"),       QStringLiteral("confidence"),
                       QStringLiteral("needs_review"), QStringLiteral("raw_text"),
                       QStringLiteral("active"),       QStringLiteral("dose_times")};
}

std::optional<QList<QTime>> Medication::parseDoseTimes(const QString &text, QString *error) {
    QList<QTime> times;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        QTime time = QTime::fromString(trimmed, QStringLiteral("H:mm"));
        if (!time.isValid())
            time = QTime::fromString(trimmed, QStringLiteral("HH:mm"));
        if (!time.isValid()) {
            if (error)
                *error = QStringLiteral(
                             "dose_times must be clock times such as \"08:00, 20:00\", not \"%1\"")
                             .arg(trimmed);
            return std::nullopt;
        }
        if (!times.contains(time))
            times.append(time);
    }
    std::sort(times.begin(), times.end());
    return times;
}

QStringList Medication::doseTimeTexts() const {
    QStringList texts;
    for (const QTime &time : doseTimes)
        texts.append(time.toString(QStringLiteral("HH:mm")));
    return texts;
}

QJsonObject Medication::toJson() const {
    QJsonObject object;
    object.insert(QStringLiteral("id"), id);
    object.insert(QStringLiteral("uuid"), nullable(uuid));
    object.insert(QStringLiteral("medication_name"), medicationName);
    object.insert(QStringLiteral("dosage"), dosage);
    object.insert(QStringLiteral("dosage_form"), dosageForm);
    object.insert(QStringLiteral("schedule"), schedule);
    object.insert(QStringLiteral("times_per_day"), nullable(timesPerDay));
    object.insert(QStringLiteral("as_needed"), asNeeded);
    object.insert(QStringLiteral("instructions"), instructions);
    object.insert(QStringLiteral("prescriber"), prescriber);
    object.insert(QStringLiteral("quantity"), nullable(quantity));
    object.insert(QStringLiteral("refills"), nullable(refills));
    object.insert(QStringLiteral("rx_number"), nullable(rxNumber));
    object.insert(QStringLiteral("pharmacy"), nullable(pharmacy));
    object.insert(QStringLiteral("patient"), nullable(patient));
    object.insert(QStringLiteral("date"),
                  date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue());
    object.insert(QStringLiteral("dose_times"), QJsonArray::fromStringList(doseTimeTexts()));
    object.insert(QStringLiteral("engine"), engine);
    QJsonObject confidenceObject;
    for (auto it = confidence.cbegin(); it != confidence.cend(); ++it)
        confidenceObject.insert(it.key(), it.value());
    object.insert(QStringLiteral("confidence"), confidenceObject);
    object.insert(QStringLiteral("needs_review"), QJsonArray::fromStringList(needsReview));
    object.insert(QStringLiteral("photo"), nullable(photoPath));
    object.insert(QStringLiteral("raw_text"), nullable(rawText));
    object.insert(QStringLiteral("active"), active);
    object.insert(QStringLiteral("stopped_at"), nullable(isoUtc(stoppedAt)));
    object.insert(QStringLiteral("created_at"), isoUtc(createdAt));
    object.insert(QStringLiteral("updated_at"), isoUtc(updatedAt));
    if (!syncState.isEmpty())
        object.insert(QStringLiteral("sync_state"), syncState);
    return object;
}

std::optional<Medication> Medication::fromJson(const QJsonObject &object, QStringList *errors) {
    QStringList problems;
    if (object.contains(QStringLiteral("error"))) {
        problems.append(QStringLiteral("the record is a failed reading (\"%1\"), not a medication")
                            .arg(object.value(QStringLiteral("error")).toString()));
        if (errors)
            *errors += problems;
        return std::nullopt;
    }
    QJsonObject fields;
    const QStringList editable = editableFields();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (editable.contains(it.key()))
            fields.insert(it.key(), it.value());
    }
    Medication medication;
    if (!medication.applyJson(fields, &problems)) {
        if (errors)
            *errors += problems;
        return std::nullopt;
    }
    return medication;
}

bool Medication::applyJson(const QJsonObject &changes, QStringList *errors) {
    Medication edited = *this;
    QStringList problems;
    const QStringList editable = editableFields();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        if (!editable.contains(key)) {
            problems.append(QStringLiteral("%1 is not a field that can be set").arg(key));
            continue;
        }
        if (key == u"medication_name")
            readString(value, key, &edited.medicationName, &problems);
        else if (key == u"dosage")
            readString(value, key, &edited.dosage, &problems);
        else if (key == u"dosage_form")
            readString(value, key, &edited.dosageForm, &problems);
        else if (key == u"schedule")
            readString(value, key, &edited.schedule, &problems);
        else if (key == u"times_per_day")
            readInt(value, key, &edited.timesPerDay, &problems);
        else if (key == u"as_needed")
            readBool(value, key, &edited.asNeeded, &problems);
        else if (key == u"instructions")
            readString(value, key, &edited.instructions, &problems);
        else if (key == u"prescriber")
            readString(value, key, &edited.prescriber, &problems);
        else if (key == u"quantity")
            readInt(value, key, &edited.quantity, &problems);
        else if (key == u"refills")
            readInt(value, key, &edited.refills, &problems);
        else if (key == u"rx_number") {
            // Labels print it as a number; JSON producers sometimes send one.
            if (value.isDouble() && value.toDouble() == std::floor(value.toDouble()) &&
                value.toDouble() >= 0)
                edited.rxNumber = QString::number(value.toDouble(), 'f', 0);
            else
                readString(value, key, &edited.rxNumber, &problems);
        } else if (key == u"pharmacy")
            readString(value, key, &edited.pharmacy, &problems);
        else if (key == u"patient")
            readString(value, key, &edited.patient, &problems);
        else if (key == u"date") {
            QString text;
            if (readString(value, key, &text, &problems)) {
                if (text.isEmpty()) {
                    edited.date = QDate();
                } else {
                    const QDate parsed = QDate::fromString(text, Qt::ISODate);
                    if (!parsed.isValid() || text.size() != 10)
                        problems.append(
                            QStringLiteral(
                                "date must be a calendar date written YYYY-MM-DD, not \"%1\"")
                                .arg(text));
                    else
                        edited.date = parsed;
                }
            }
        } else if (key == u"engine") {
            QString text;
            if (readString(value, key, &text, &problems))
                edited.engine = text.isEmpty() ? QStringLiteral("manual") : text;
        } else if (key == u"raw_text") {
            if (value.isString())
                edited.rawText = value.toString(); // kept verbatim
            else
                readString(value, key, &edited.rawText, &problems);
        } else if (key == u"active")
            readBool(value, key, &edited.active, &problems);
        else if (key == u"confidence") {
            if (value.isNull()) {
                edited.confidence.clear();
            } else if (!value.isObject()) {
                problems.append(QStringLiteral("confidence must be an object of field: number"));
            } else {
                QMap<QString, double> confidence;
                const QJsonObject object = value.toObject();
                const QStringList fields = contractFields();
                for (auto c = object.begin(); c != object.end(); ++c) {
                    if (!fields.contains(c.key()))
                        continue; // untrusted producers add their own keys: ignored
                    const double number = c.value().toDouble(-1);
                    if (!c.value().isDouble() || !(number >= 0.0 && number <= 1.0))
                        problems.append(
                            QStringLiteral("confidence of %1 must be a number from 0 to 1")
                                .arg(c.key()));
                    else
                        confidence.insert(c.key(), number);
                }
                edited.confidence = confidence;
            }
        } else if (key == u"dose_times") {
            // A list of "HH:mm", or one text "08:00, 20:00" (the CLI's --set).
            QString text;
            bool readable = true;
            if (value.isArray()) {
                QStringList parts;
                for (const QJsonValue &entry : value.toArray()) {
                    readable = readable && entry.isString();
                    parts.append(entry.toString());
                }
                text = parts.join(u',');
            } else if (value.isString()) {
                text = value.toString();
            } else if (!value.isNull()) {
                readable = false;
            }
            QString problem;
            const auto times = readable ? parseDoseTimes(text, &problem) : std::nullopt;
            if (!readable)
                problems.append(QStringLiteral(
                    "dose_times must be a list of clock times such as [\"08:00\", \"20:00\"]"));
            else if (!times)
                problems.append(problem);
            else
                edited.doseTimes = *times;
        } else if (key == u"needs_review") {
            if (value.isNull()) {
                edited.needsReview.clear();
            } else if (!value.isArray()) {
                problems.append(QStringLiteral("needs_review must be a list of field names"));
            } else {
                QStringList review;
                for (const QJsonValue &entry : value.toArray()) {
                    if (!entry.isString()) {
                        problems.append(
                            QStringLiteral("needs_review must be a list of field names"));
                        break;
                    }
                    if (!review.contains(entry.toString()))
                        review.append(entry.toString());
                }
                edited.needsReview = review;
            }
        }
    }
    // A new schedule brings its own times a day and as-needed flag unless they are given too.
    if (changes.contains(QStringLiteral("schedule"))) {
        if (!changes.contains(QStringLiteral("times_per_day")))
            edited.timesPerDay.reset();
        if (!changes.contains(QStringLiteral("as_needed")))
            edited.asNeeded = false;
        if (!changes.contains(QStringLiteral("dose_times")) &&
            edited.schedule.simplified().compare(schedule.simplified(), Qt::CaseInsensitive) != 0)
            edited.doseTimes.clear();
    }
    if (!problems.isEmpty()) {
        if (errors)
            *errors += problems;
        return false;
    }
    *this = edited;
    return true;
}

} // namespace kiosk::meds
