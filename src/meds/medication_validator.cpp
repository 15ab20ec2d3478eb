#include "meds/medication_validator.h"

#include "meds/dosage_strength.h"
#include "meds/schedule.h"

namespace kiosk::meds {

namespace {

constexpr int kMaxLine = 200;
constexpr int kMaxInstructions = 2000;
constexpr int kMaxRawText = 100000;

bool hasControlCharacters(const QString &text, bool allowNewlines) {
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control &&
            !(allowNewlines && (c == u'\n' || c == u'\t' || c == u'\r')))
            return true;
    }
    return false;
}

void checkLine(const QString &key, const QString &value, int maxLength, QStringList *errors) {
    if (value.size() > maxLength)
        errors->append(QStringLiteral("%1 is too long (%2 characters, at most %3)")
                           .arg(key)
                           .arg(value.size())
                           .arg(maxLength));
    if (hasControlCharacters(value, false))
        errors->append(QStringLiteral("%1 contains control characters").arg(key));
}

} // namespace

QStringList MedicationValidator::validate(Medication &medication, const QDate &today) {
    QStringList errors;
    Medication m = medication;

    m.medicationName = m.medicationName.simplified();
    if (m.medicationName.isEmpty()) {
        errors.append(QStringLiteral("medication_name is missing"));
    } else {
        checkLine(QStringLiteral("medication_name"), m.medicationName, kMaxLine, &errors);
        bool letter = false;
        for (const QChar c : m.medicationName)
            letter = letter || c.isLetter();
        if (!letter)
            errors.append(
                QStringLiteral("medication_name \"%1\" has no letters").arg(m.medicationName));
    }

    m.dosage = m.dosage.simplified();
    if (const auto strength = DosageStrength::parse(m.dosage))
        m.dosage = strength->display(); // "10mg" -> "10 mg"
    else if (!m.dosage.isEmpty())
        errors.append(QStringLiteral("dosage \"%1\" is not a strength such as \"10 mg\", \"250 "
                                     "mg/5 mL\" or \"100 units/mL\"")
                          .arg(m.dosage));

    m.dosageForm = m.dosageForm.simplified().toLower();
    checkLine(QStringLiteral("dosage_form"), m.dosageForm, 60, &errors);

    const auto schedule = Schedule::parse(m.schedule);
    if (m.schedule.trimmed().isEmpty()) {
        errors.append(QStringLiteral("schedule is missing (one of: %1)")
                          .arg(Schedule::canonicalPhrases().join(QStringLiteral(", "))));
    } else if (!schedule) {
        errors.append(QStringLiteral("schedule \"%1\" is not one of: %2")
                          .arg(m.schedule.simplified(),
                               Schedule::canonicalPhrases().join(QStringLiteral(", "))));
    } else {
        m.schedule = schedule->canonical();
        const auto implied = schedule->timesPerDay();
        if (m.timesPerDay && m.timesPerDay != implied) {
            errors.append(
                implied ? QStringLiteral("times_per_day is %1 but the schedule \"%2\" means %3")
                              .arg(*m.timesPerDay)
                              .arg(m.schedule)
                              .arg(*implied)
                        : QStringLiteral("times_per_day is %1 but the schedule \"%2\" has no fixed "
                                         "number a day (use null)")
                              .arg(*m.timesPerDay)
                              .arg(m.schedule));
        }
        m.timesPerDay = implied;
        if (m.asNeeded && !schedule->asNeeded())
            errors.append(QStringLiteral("as_needed is true but the schedule \"%1\" is a fixed one "
                                         "(use \"as needed\" or \"every N hours as needed\")")
                              .arg(m.schedule));
        m.asNeeded = schedule->asNeeded();
    }

    if (m.doseTimes.size() > 24)
        errors.append(
            QStringLiteral("dose_times has %1 times, at most 24").arg(m.doseTimes.size()));
    if (!m.doseTimes.isEmpty() && schedule &&
        (schedule->asNeeded() || schedule->kind() == Schedule::Kind::AsNeeded))
        errors.append(
            QStringLiteral("dose_times are for fixed schedules; \"%1\" has no fixed times")
                .arg(m.schedule));
    else if (!m.doseTimes.isEmpty() && schedule) {
        // One time per dose of the day, so the plan and the refill estimate agree.
        const int perDay = schedule->kind() == Schedule::Kind::TimesPerDay ? schedule->count()
                           : schedule->kind() == Schedule::Kind::EveryHours
                               ? 24 / qMax(1, schedule->count())
                               : 1;
        if (m.doseTimes.size() != perDay)
            errors.append(QStringLiteral("dose_times has %1 time(s) but \"%2\" means %3 a day")
                              .arg(m.doseTimes.size())
                              .arg(m.schedule)
                              .arg(perDay));
    }

    if (m.instructions.size() > kMaxInstructions)
        errors.append(QStringLiteral("instructions are too long (%1 characters, at most %2)")
                          .arg(m.instructions.size())
                          .arg(kMaxInstructions));
    if (hasControlCharacters(m.instructions, true))
        errors.append(QStringLiteral("instructions contain control characters"));
    m.prescriber = m.prescriber.simplified();
    checkLine(QStringLiteral("prescriber"), m.prescriber, kMaxLine, &errors);
    m.rxNumber = m.rxNumber.simplified();
    checkLine(QStringLiteral("rx_number"), m.rxNumber, 40, &errors);
    m.pharmacy = m.pharmacy.simplified();
    checkLine(QStringLiteral("pharmacy"), m.pharmacy, kMaxLine, &errors);
    m.patient = m.patient.simplified();
    checkLine(QStringLiteral("patient"), m.patient, kMaxLine, &errors);

    if (m.quantity && (*m.quantity < 0 || *m.quantity > 100000))
        errors.append(QStringLiteral("quantity %1 is out of range (0 to 100000)").arg(*m.quantity));
    if (m.refills && (*m.refills < 0 || *m.refills > 99))
        errors.append(QStringLiteral("refills %1 is out of range (0 to 99)").arg(*m.refills));

    if (m.date.isValid()) {
        if (m.date.year() < 1900)
            errors.append(
                QStringLiteral("date %1 is before 1900").arg(m.date.toString(Qt::ISODate)));
        else if (today.isValid() && m.date > today.addDays(1))
            errors.append(
                QStringLiteral("date %1 is in the future").arg(m.date.toString(Qt::ISODate)));
    }

    static const QStringList engines{QStringLiteral("local"), QStringLiteral("ai-brain"),
                                     QStringLiteral("manual")};
    if (!engines.contains(m.engine))
        errors.append(
            QStringLiteral("engine \"%1\" is not one of: local, ai-brain, manual").arg(m.engine));

    const QStringList fields = Medication::contractFields();
    QStringList review;
    for (const QString &field : std::as_const(m.needsReview)) {
        if (fields.contains(field))
            review.append(field);
    }
    m.needsReview = review;

    if (m.rawText.size() > kMaxRawText)
        errors.append(QStringLiteral("raw_text is too long (%1 characters, at most %2)")
                          .arg(m.rawText.size())
                          .arg(kMaxRawText));

    if (errors.isEmpty())
        medication = m;
    return errors;
}

} // namespace kiosk::meds
