#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace kiosk::ocr {

// Generic and brand drug names (resources/ocr/drug_lexicon.tsv), matched fuzzily so an OCR slip
// ("Metfonnin") still finds the drug, with the edit distance reported so doubt can be shown.
class DrugLexicon {
public:
    struct Entry {
        QString name;    // as it should be shown: "Metformin", "Lipitor", "Potassium Chloride"
        QString generic; // the generic it belongs to (itself for generics)
        QString key;     // letters only, lower case, used for matching
        int words = 1;
        bool brand = false;
    };
    struct Match {
        int entry = -1;    // index into entries(); -1: no match
        int distance = 0;  // edits between the OCR text and the entry
        int firstWord = 0; // span of the input words that matched
        int wordCount = 0;
        double similarity = 0; // 1 - distance / length
        bool isValid() const { return entry >= 0; }
    };

    DrugLexicon() = default;
    // Loads a TSV file (generic<TAB>brand|brand); returns false and sets error on failure.
    bool loadFile(const QString &path, QString *error = nullptr);
    bool loadText(const QString &text);
    // The lexicon shipped with the app: the build tree in development, else the install location.
    static const DrugLexicon &shared();
    static QString defaultPath();

    const std::vector<Entry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.empty(); }

    // Best entry for any run of 1-3 consecutive words; distance allowed grows with name length.
    // A manufacturer's prefix ("APO-IBUPROFEN", "SANDOZ-ONDANSETRON") is not part of the name.
    // headMayBeLost: the first word may have lost or gained a letter or two at its start (a line
    // squeezed round a bottle); such a match costs one more edit.
    Match bestMatch(const QStringList &words, bool headMayBeLost = false) const;
    // The entry of the generic a brand belongs to (the entry itself for a generic); -1 if unknown.
    int genericOf(int entry) const;
    static QString matchKey(const QString &text);
    static int editDistance(const QString &a, const QString &b, int limit);

private:
    std::vector<Entry> m_entries;
};

} // namespace kiosk::ocr
