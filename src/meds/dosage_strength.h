#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace kiosk::meds {

// A printed strength ("10 mg", "0.5mg", "250 mg/5 mL", "5-325 mg", "100 units/mL", "2.5%")
// parsed into amounts and a unit, so that "10 mg", "10mg" and "10,000 mcg" compare equal.
class DosageStrength {
public:
    // nullopt when the text is not a strength: number(s), then a known unit.
    static std::optional<DosageStrength> parse(const QString &text);

    // Amounts in the base unit (mg for mass units), in the order printed.
    const QList<double> &amounts() const { return m_amounts; }
    // Base unit in lower case: "mg", "ml", "units", "%", "meq", ... plus "/<per>" when per volume.
    const QString &unit() const { return m_unit; }
    // The strength written the usual way: "10 mg", "250 mg/5 mL".
    QString display() const { return m_display; }

    bool operator==(const DosageStrength &other) const;

private:
    QList<double> m_amounts;
    QString m_unit;
    QString m_display;
};

} // namespace kiosk::meds
