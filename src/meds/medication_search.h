#pragma once

#include "meds/medication.h"

#include <QString>
#include <QStringList>

namespace kiosk::meds {

// The one search of the medication list, so the Medications page and `meds list --search` find
// the same records: every word of the text must appear, ignoring case, in the name (brand and
// generic as written on the label), strength, form, prescriber, instructions or pharmacy.
class MedicationSearch {
public:
    explicit MedicationSearch(const QString &text);

    // No words: everything matches.
    bool isEmpty() const { return m_words.isEmpty(); }
    bool matches(const Medication &medication) const;

private:
    QStringList m_words;
};

} // namespace kiosk::meds
