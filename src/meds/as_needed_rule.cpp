#include "meds/as_needed_rule.h"

#include "meds/schedule.h"

#include <QRegularExpression>

namespace kiosk::meds {

namespace {

// "4", "four", "4-6" (the first).
std::optional<int> number(const QString &word) {
    static const QStringList words = {
        QStringLiteral("zero"),  QStringLiteral("one"),   QStringLiteral("two"),
        QStringLiteral("three"), QStringLiteral("four"),  QStringLiteral("five"),
        QStringLiteral("six"),   QStringLiteral("seven"), QStringLiteral("eight"),
        QStringLiteral("nine"),  QStringLiteral("ten"),   QStringLiteral("eleven"),
        QStringLiteral("twelve")};
    bool ok = false;
    const int value = word.toInt(&ok);
    if (ok)
        return value;
    const qsizetype index = words.indexOf(word.toLower());
    if (index >= 0)
        return int(index);
    return std::nullopt;
}

const QString kNumber =
    QStringLiteral("(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)");

} // namespace

QString AsNeededRule::describe() const {
    QStringList parts;
    if (minIntervalMinutes) {
        parts.append(*minIntervalMinutes % 60 == 0
                         ? QStringLiteral("at least %1 h apart").arg(*minIntervalMinutes / 60)
                         : QStringLiteral("at least %1 min apart").arg(*minIntervalMinutes));
    }
    if (maxPerDay)
        parts.append(QStringLiteral("at most %1 in 24 h").arg(*maxPerDay));
    return parts.join(QStringLiteral(", "));
}

AsNeededRule AsNeededRule::parse(const QString &text) {
    AsNeededRule rule;
    const QString lower = text.simplified().toLower();
    // every 4 hours / every 4 to 6 hours / every 4-6 hrs / q4h
    static const QRegularExpression every(
        QStringLiteral("every %1(?:\\s*(?:to|-|–|or)\\s*%1)?\\s*(hours?|hrs?|h|minutes?|mins?)\\b")
            .arg(kNumber));
    if (const auto match = every.match(lower); match.hasMatch()) {
        const auto first = number(match.captured(1));
        if (first && *first > 0) {
            const bool minutes = match.captured(3).startsWith(u'm');
            rule.minIntervalMinutes = minutes ? *first : *first * 60;
        }
    }
    // no more than 4 (doses|tablets|times) in/per/a/each 24 hours|day; do not exceed 4 ...;
    // max(imum) (of) 4 ... per day; up to 4 times a day
    static const QRegularExpression most(
        QStringLiteral("(?:no more than|not more than|do not (?:take more than|exceed)|don't "
                       "exceed|not to exceed|max(?:imum)?(?: of)?|up to|at most)\\s+%1"
                       "(?:\\s+\\w+){0,2}?\\s+(?:in|per|a|each|every|within)\\s+(?:any\\s+)?(24 "
                       "hours|24 hrs|24h|day|24-hour period)")
            .arg(kNumber));
    if (const auto match = most.match(lower); match.hasMatch()) {
        const auto value = number(match.captured(1));
        if (value && *value > 0)
            rule.maxPerDay = *value;
    }
    return rule;
}

AsNeededRule AsNeededRule::forMedication(const Medication &medication) {
    const auto schedule = Schedule::parse(medication.schedule);
    if (!(medication.asNeeded || (schedule && schedule->asNeeded())))
        return {};
    AsNeededRule rule = parse(medication.instructions);
    // Schedule and directions disagreeing: the longer gap is the safe one.
    if (schedule && schedule->kind() == Schedule::Kind::EveryHours)
        rule.minIntervalMinutes = qMax(rule.minIntervalMinutes.value_or(0), schedule->count() * 60);
    return rule;
}

} // namespace kiosk::meds
