#include "meds/dosage_strength.h"

#include <QRegularExpression>

#include <cmath>

namespace kiosk::meds {

namespace {

struct UnitInfo {
    const char *spelling; // lower case, as printed
    const char *base;     // the unit amounts are converted to
    const char *display;  // how it is written back
    double factor;        // amount in base units per 1 printed unit
};

const UnitInfo kUnits[] = {
    {"mg", "mg", "mg", 1.0},    {"mcg", "mg", "mcg", 0.001},      {"µg", "mg", "mcg", 0.001},
    {"ug", "mg", "mcg", 0.001}, {"g", "mg", "g", 1000.0},         {"ml", "ml", "mL", 1.0},
    {"l", "ml", "L", 1000.0},   {"units", "units", "units", 1.0}, {"unit", "units", "units", 1.0},
    {"iu", "units", "IU", 1.0}, {"meq", "meq", "mEq", 1.0},       {"%", "%", "%", 1.0},
};

const UnitInfo *findUnit(const QString &spelling) {
    const QString lower = spelling.toLower();
    for (const auto &unit : kUnits) {
        if (lower == QString::fromUtf8(unit.spelling))
            return &unit;
    }
    return nullptr;
}

QString formatNumber(double value) {
    return QString::number(value, 'g', 10);
}

} // namespace

std::optional<DosageStrength> DosageStrength::parse(const QString &text) {
    // amounts (joined by - or /), a unit, optionally "/ [amount] unit" (per mL, per 5 mL, per
    // actuation)
    static const QRegularExpression pattern(
        QStringLiteral(
            "^((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)"
            "((?:\\s*[-/]\\s*(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+))*)"
            "\\s*(mg|mcg|µg|ug|g|ml|l|units?|iu|meq|%)"
            "(?:\\s*/"
            "\\s*((?:\\d+(?:\\.\\d+)?)?)\\s*(ml|l|g|actuation|spray|dose|hr|h|24\\s*hr?))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString simplified = text.simplified();
    const auto match = pattern.match(simplified);
    if (!match.hasMatch())
        return std::nullopt;
    const UnitInfo *unit = findUnit(match.captured(3));
    if (!unit)
        return std::nullopt;

    QStringList numbers{match.captured(1)};
    static const QRegularExpression more(QStringLiteral("[-/]\\s*([\\d.,]+)"));
    auto it = more.globalMatch(match.captured(2));
    while (it.hasNext())
        numbers.append(it.next().captured(1));

    DosageStrength strength;
    QStringList printed;
    for (QString number : numbers) {
        number.remove(u',');
        bool ok = false;
        const double value = number.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value <= 0)
            return std::nullopt;
        strength.m_amounts.append(value * unit->factor);
        printed.append(formatNumber(value));
    }
    strength.m_unit = QString::fromUtf8(unit->base);
    strength.m_display = printed.join(u'-') + u' ' + QString::fromUtf8(unit->display);

    if (match.hasCaptured(5)) {
        double per = 1.0;
        if (!match.captured(4).isEmpty()) {
            per = match.captured(4).toDouble();
            if (per <= 0)
                return std::nullopt;
        }
        QString perUnit = match.captured(5).toLower().remove(u' ');
        if (perUnit == u"l") {
            per *= 1000.0;
            perUnit = QStringLiteral("ml");
        }
        if (perUnit == u"h" || perUnit == u"24hr" || perUnit == u"24h")
            perUnit = QStringLiteral("hr");
        // Normalise "250 mg/5 mL" to an amount per single unit so it equals "50 mg/mL".
        for (double &amount : strength.m_amounts)
            amount /= per;
        strength.m_unit += u'/' + perUnit;
        const QString perDisplay = perUnit == u"ml" ? QStringLiteral("mL") : perUnit;
        strength.m_display +=
            u'/' +
            (match.captured(4).isEmpty() ? QString()
                                         : formatNumber(match.captured(4).toDouble()) + u' ') +
            perDisplay;
    }
    return strength;
}

bool DosageStrength::operator==(const DosageStrength &other) const {
    if (m_unit != other.m_unit || m_amounts.size() != other.m_amounts.size())
        return false;
    for (qsizetype i = 0; i < m_amounts.size(); ++i) {
        const double a = m_amounts[i];
        const double b = other.m_amounts[i];
        if (std::abs(a - b) > 1e-9 * std::max(std::abs(a), std::abs(b)))
            return false;
    }
    return true;
}

} // namespace kiosk::meds
