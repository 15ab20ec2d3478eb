#include "ocr/sig_normalizer.h"

#include "ocr/label_language.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace kiosk::ocr {

namespace {

// Lower case without accents, one space between words, OCR-typical punctuation removed, number
// words (English and Spanish) as digits.
QString simplify(const QString &text) {
    QString s = LabelLanguage::fold(text);
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9/.\\- ]")), QStringLiteral(" "));
    s.replace(QRegularExpression(QStringLiteral("(?<=[a-z])\\.(?=\\s|$)")),
              QString()); // "q.d." -> "q.d"
    s.replace(QRegularExpression(QStringLiteral("\\b([a-z])\\.(?=[a-z])")),
              QStringLiteral("\\1")); // q.d -> qd
    s = s.simplified();
    // Spanish "once" is eleven, which no schedule uses: "once" stays the English word.
    static const std::array<std::pair<const char *, const char *>, 16> numbers = {
        {{"one", "1"},
         {"two", "2"},
         {"three", "3"},
         {"four", "4"},
         {"six", "6"},
         {"twelve", "12"},
         {"una", "1"},
         {"un", "1"},
         {"uno", "1"},
         {"dos", "2"},
         {"tres", "3"},
         {"cuatro", "4"},
         {"seis", "6"},
         {"ocho", "8"},
         {"doce", "12"},
         {"veinticuatro", "24"}}};
    for (const auto &[word, digit] : numbers)
        s.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(word))),
                  QLatin1String(digit));
    return s;
}

struct Rule {
    const char *pattern;
    const char *schedule;
    int timesPerDay; // 0: none
};

// Ordered: specific phrases before the general "daily". Each rule reads English and Spanish
// ("cada 8 horas", "c/8 hrs" as Mexican labels abbreviate it, "2 veces al dia").
const std::array<Rule, 14> kRules = {{
    {"\\b(?:q\\s?4\\s?h|every 4 (?:hours|hrs?)|cada 4 "
     "(?:horas|hrs?|h)|c\\s?/\\s?4\\s?(?:horas|hrs?|h))\\b",
     "every 4 hours", 6},
    {"\\b(?:q\\s?6\\s?h|every 6 (?:hours|hrs?)|cada 6 "
     "(?:horas|hrs?|h)|c\\s?/\\s?6\\s?(?:horas|hrs?|h))\\b",
     "every 6 hours", 4},
    {"\\b(?:q\\s?8\\s?h|every 8 (?:hours|hrs?)|cada 8 "
     "(?:horas|hrs?|h)|c\\s?/\\s?8\\s?(?:horas|hrs?|h))\\b",
     "every 8 hours", 3},
    {"\\b(?:q\\s?12\\s?h|every 12 (?:hours|hrs?)|cada 12 "
     "(?:horas|hrs?|h)|c\\s?/\\s?12\\s?(?:horas|hrs?|h))\\b",
     "every 12 hours", 2},
    {"\\b(?:qid|4 times (?:a |per |each )?day|4 times daily|4x daily|4x a day|4 veces "
     "(?:al|por|cada|a) "
     "dia|4 veces diarias)\\b",
     "four times daily", 4},
    {"\\b(?:tid|3 times (?:a |per |each )?day|3 times daily|3x daily|3x a day|3 veces "
     "(?:al|por|cada|a) "
     "dia|3 veces diarias)\\b",
     "three times daily", 3},
    {"\\b(?:bid|twice (?:a |per |each )?day|twice daily|2 times (?:a |per |each )?day|2 times "
     "daily|2x daily|2x a day|2 veces (?:al|por|cada|a) dia|2 veces diarias)\\b",
     "twice daily", 2},
    {"\\b(?:qam|every morning|each morning|in the morning|daily in the morning|cada manana|por la "
     "manana|en la manana|todas las mananas|en ayunas)\\b",
     "every morning", 1},
    {"\\b(?:qhs|hs|at bedtime|every night|nightly|at night|each night|before bed|al "
     "acostarse|antes "
     "de acostarse|antes de dormir|a la hora de dormir|por la noche|en la noche|cada noche|todas "
     "las noches)\\b",
     "at bedtime", 1},
    {"\\b(?:once (?:a |per |each )?week|once weekly|weekly|every week|q\\s?week|qwk|1 time (?:a "
     "|per )?week|1 vez (?:a la|por|cada) semana|1 vez semanal|semanalmente|cada semana)\\b",
     "once weekly", 0},
    {"\\b(?:qd|once daily|once (?:a |per |each )?day|every day|each day|1 time (?:a |per )?day|1 "
     "time daily|daily|1 vez (?:al|por|cada) dia|1 vez diaria|diariamente|cada dia|todos los "
     "dias|al dia|diario)\\b",
     "once daily", 1},
    {"\\bq\\s?24\\s?h\\b|\\bevery 24 hours\\b|\\bcada 24 (?:horas|hrs?|h)\\b", "once daily", 1},
    {"\\bevery (?:other|2) days?\\b|\\bqod\\b|\\bcada (?:2|tercer) dias?\\b|\\bdia por medio\\b",
     "", 0},
    {"\\b(?:q\\s?2\\s?h|every 2 hours|q\\s?3\\s?h|every 3 hours|cada [23] (?:horas|hrs?))\\b", "",
     0},
}};

const QRegularExpression kAsNeeded(QStringLiteral(
    "\\b(?:prn|as needed|if needed|when needed|as required|as directed if needed|si es necesario|"
    "segun sea necesario|cuando sea necesario|en caso de|si hay|si tiene|por razon necesaria|"
    "si lo necesita|cuando lo necesite|segun necesidad)\\b"));

} // namespace

QString SigNormalizer::canonicalSchedule(const QString &phrase) {
    return normalise(phrase).schedule;
}

SigNormalizer::Result SigNormalizer::normalise(const QString &sig) {
    Result result;
    const QString s = simplify(sig);
    result.plainText = expand(sig);
    if (s.isEmpty())
        return result;
    result.asNeeded = kAsNeeded.match(s).hasMatch();

    // Every rule that matches; "daily" also matches inside "twice daily", so it only counts alone.
    QStringList schedules;
    QList<int> times;
    for (const auto &rule : kRules) {
        static thread_local QHash<const char *, QRegularExpression> cache;
        auto it = cache.find(rule.pattern);
        if (it == cache.end())
            it = cache.insert(rule.pattern, QRegularExpression(QLatin1String(rule.pattern)));
        if (it->match(s).hasMatch() && !schedules.contains(QLatin1String(rule.schedule))) {
            schedules.append(QLatin1String(rule.schedule));
            times.append(rule.timesPerDay);
        }
    }
    if (schedules.size() > 1 && schedules.contains(QStringLiteral("once daily"))) {
        const auto at = schedules.indexOf(QStringLiteral("once daily"));
        schedules.removeAt(at);
        times.removeAt(at);
    }
    const QString found = schedules.value(0);
    const int perDay = times.value(0);
    const bool interval =
        found.startsWith(QLatin1String("every ")) && found.endsWith(QLatin1String("hours"));
    if (found.isEmpty()) {
        if (result.asNeeded) {
            result.schedule = QStringLiteral("as needed");
            result.certainty = 0.95;
        }
        return result;
    }
    if (result.asNeeded) {
        // The contract keeps only interval schedules with "as needed"; others become plain "as
        // needed".
        result.schedule =
            interval ? found + QStringLiteral(" as needed") : QStringLiteral("as needed");
        result.timesPerDay.reset();
    } else {
        result.schedule = found;
        if (perDay > 0)
            result.timesPerDay = perDay;
    }
    // Two different schedules in one sig ("BID ... at bedtime") need a person to decide.
    result.certainty = schedules.size() == 1 ? 0.97 : 0.45;
    return result;
}

QString SigNormalizer::expand(const QString &sig) {
    QString s = sig.simplified();
    if (s.isEmpty())
        return s;
    if (LabelLanguage::detect(s) == LabelLanguage::Language::Spanish)
        return expandSpanish(s);
    struct Code {
        const char *pattern;
        const char *replacement;
    };
    static const std::array<Code, 28> codes = {{
        {"\\b1/2\\b", "one-half"},
        {"\\b1\\s+(tab|tablet)\\b", "one tablet"},
        {"\\b2\\s+(tabs?|tablets)\\b", "two tablets"},
        {"\\b3\\s+(tabs?|tablets)\\b", "three tablets"},
        {"\\b1\\s+(cap|capsule)\\b", "one capsule"},
        {"\\b2\\s+(caps?|capsules)\\b", "two capsules"},
        {"\\btabs?\\b", "tablet"},
        {"\\bcaps?\\b", "capsule"},
        {"\\bgtts?\\b", "drops"},
        {"\\bpo\\b", "by mouth"},
        {"\\bsl\\b", "under the tongue"},
        {"\\bod\\b", "in the right eye"},
        {"\\bos\\b", "in the left eye"},
        {"\\bou\\b", "in both eyes"},
        {"\\bqd\\b", "once daily"},
        {"\\bbid\\b", "twice daily"},
        {"\\btid\\b", "three times daily"},
        {"\\bqid\\b", "four times daily"},
        {"\\bqam\\b", "every morning"},
        {"\\bq\\.?hs\\b", "at bedtime"},
        {"\\bhs\\b", "at bedtime"},
        {"\\bq\\s?(\\d+)\\s?h\\b", "every \\1 hours"},
        {"\\bprn\\b", "as needed"},
        {"\\bac\\b", "before meals"},
        {"\\bpc\\b", "after meals"},
        {"\\bqod\\b", "every other day"},
        {"\\bqwk\\b", "once weekly"},
        {"\\bud\\b", "as directed"},
    }};
    static thread_local std::vector<QRegularExpression> compiled;
    if (compiled.empty()) {
        for (const auto &c : codes)
            compiled.emplace_back(QLatin1String(c.pattern),
                                  QRegularExpression::CaseInsensitiveOption);
    }
    for (size_t i = 0; i < codes.size(); ++i)
        s.replace(compiled[i], QLatin1String(codes[i].replacement));
    // Sentence case for labels printed in capitals.
    if (s == s.toUpper())
        s = s.toLower();
    static const QRegularExpression verb(
        QStringLiteral("^(take|apply|inhale|instill|use|place|inject|insert|chew|dissolve|give|"
                       "spray|swallow)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (!verb.match(s).hasMatch() &&
        s.contains(QRegularExpression(QStringLiteral("^(one|two|three|one-half)\\b"))))
        s.prepend(QStringLiteral("Take "));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QString SigNormalizer::expandSpanish(QString s) {
    // Spanish labels spell their directions out; the abbreviations they do use are few ("c/8 hrs",
    // "VO"), and the English codes would misread Spanish words ("Ud." is "usted", not "as
    // directed").
    static const QRegularExpression every(
        QStringLiteral("\\bc\\s?/\\s?(\\d+)\\s?(?:h|hr|hrs|horas)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression oral(QStringLiteral("\\bv\\.?o\\.?(?=\\s|$)"),
                                         QRegularExpression::CaseInsensitiveOption);
    s.replace(every, QStringLiteral("cada \\1 horas"));
    s.replace(oral, QStringLiteral("por v\u00eda oral"));
    if (s == s.toUpper())
        s = s.toLower();
    s[0] = s[0].toUpper();
    return s;
}

} // namespace kiosk::ocr
