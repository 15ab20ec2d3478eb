#include "meds/medication_search.h"

#include <algorithm>

namespace kiosk::meds {

MedicationSearch::MedicationSearch(const QString &text)
    : m_words(text.simplified().split(u' ', Qt::SkipEmptyParts)) {}

bool MedicationSearch::matches(const Medication &medication) const {
    if (m_words.isEmpty())
        return true;
    // One text of the searched fields; a word holds no space, so it cannot run across two fields.
    const QString haystack =
        QStringList{medication.medicationName, medication.dosage,       medication.dosageForm,
                    medication.prescriber,     medication.instructions, medication.pharmacy}
            .join(u' ');
    return std::all_of(m_words.cbegin(), m_words.cend(), [&haystack](const QString &word) {
        return haystack.contains(word, Qt::CaseInsensitive);
    });
}

} // namespace kiosk::meds
