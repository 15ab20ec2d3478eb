#include "meds/refill_estimate.h"

#include "meds/schedule.h"

#include <QRegularExpression>

#include <cmath>

namespace kiosk::meds {

QString RefillEstimate::describe() const {
    if (daysLeft > 1)
        return QStringLiteral("about %1 days left").arg(daysLeft);
    if (daysLeft == 1)
        return QStringLiteral("about 1 day left");
    if (daysLeft == 0)
        return QStringLiteral("runs out today");
    return -daysLeft == 1 ? QStringLiteral("ran out yesterday")
                          : QStringLiteral("ran out %1 days ago").arg(-daysLeft);
}

int RefillEstimate::unitsPerDoseIn(const QString &instructions) {
    static const QRegularExpression take(
        QStringLiteral("\\b(?:take|give|use|inhale|apply)\\s+(\\d+|one|two|three|four)\\s+(?:"
                       "tablets?|tabs?|capsules?|caps?|pills?|puffs?|patch(?:es)?|drops?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = take.match(instructions);
    if (!match.hasMatch())
        return 1;
    static const QStringList words = {QStringLiteral("zero"), QStringLiteral("one"),
                                      QStringLiteral("two"), QStringLiteral("three"),
                                      QStringLiteral("four")};
    bool ok = false;
    const int value = match.captured(1).toInt(&ok);
    const int units = ok ? value : int(words.indexOf(match.captured(1).toLower()));
    return units > 0 ? units : 1;
}

std::optional<RefillEstimate> RefillEstimate::estimate(const Medication &medication,
                                                       const QDate &today,
                                                       const DosePlanner &planner) {
    const auto schedule = Schedule::parse(medication.schedule);
    if (!schedule || schedule->asNeeded() || medication.asNeeded || !medication.quantity ||
        !medication.active || !today.isValid())
        return std::nullopt;
    RefillEstimate estimate;
    estimate.filledOn =
        medication.date.isValid()
            ? medication.date
            : (medication.createdAt.isValid() ? medication.createdAt.toLocalTime().date() : today);
    estimate.unitsPerDose = unitsPerDoseIn(medication.instructions);
    // Doses a day over a week, so weekly schedules count too.
    Medication probe = medication;
    probe.date = estimate.filledOn;
    int dosesInWeek = 0;
    for (int i = 0; i < 7; ++i)
        dosesInWeek += int(planner.dueTimes(probe, estimate.filledOn.addDays(i)).size());
    if (dosesInWeek == 0)
        return std::nullopt;
    estimate.unitsPerDay = double(dosesInWeek) * estimate.unitsPerDose / 7.0;
    const int lastingDays =
        int(std::floor(double(*medication.quantity) / estimate.unitsPerDay + 1e-9));
    estimate.runsOutOn = estimate.filledOn.addDays(lastingDays);
    estimate.daysLeft = int(today.daysTo(estimate.runsOutOn));
    return estimate;
}

} // namespace kiosk::meds
