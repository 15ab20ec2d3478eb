#pragma once

#include <QString>

#include <optional>

namespace kiosk::ocr {

// Reads the directions (sig) of a prescription into one canonical schedule phrase, the number of
// doses a day and the as-needed flag, and expands Latin sig codes into plain English. Spanish
// directions ("Tome 1 tableta por vía oral dos veces al día") give the same canonical schedule as
// their English twin; their plain text stays Spanish.
class SigNormalizer {
public:
    struct Result {
        QString schedule; // canonical phrase (see rx-eval/CONTRACT.md); empty if none found
        std::optional<int> timesPerDay; // empty for weekly and as-needed schedules
        bool asNeeded = false;
        QString plainText; // Latin codes expanded ("1 tab PO BID" -> "Take one tablet by mouth
                           // twice daily")
        double certainty =
            0.0; // 1: one unambiguous schedule phrase; lower when guessed or conflicting
    };

    static Result normalise(const QString &sig);
    // Canonical schedule for any schedule-like phrase ("BID", "2 times a day", "q6h prn"), else
    // empty.
    static QString canonicalSchedule(const QString &phrase);
    static QString expand(const QString &sig);

private:
    static QString expandSpanish(QString sig);
};

} // namespace kiosk::ocr
