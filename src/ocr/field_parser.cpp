#include "ocr/field_parser.h"

#include "ocr/label_language.h"
#include "ocr/sig_normalizer.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace kiosk::ocr {

namespace {

using Rx = QRegularExpression;
constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

const Rx &rxNumberPattern() {
    static const Rx r(QStringLiteral("\\b(?:R\\s?[xX]|Receta|No\\.?\\s*de\\s*receta)\\s*(?:#|No\\.?"
                                     "|Number|Num|N\\W?o|:)\\s*[:.#]?\\s*"
                                     "([0-9OoIlSB]{4,12})\\b"),
                      CI);
    return r;
}

const Rx &datePattern() {
    static const Rx r(
        QStringLiteral("\\b(\\d{1,2})\\s?[/\\-.]\\s?(\\d{1,2})\\s?[/"
                       "\\-.]\\s?(\\d{4}|\\d{2})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"));
    return r;
}

const Rx &strengthPattern() {
    static const Rx r(QStringLiteral("(\\d+(?:[.,]\\d+)?)\\s?(mg\\s?/\\s?(?:\\d+\\s?)?ml|mcg\\s?/"
                                     "\\s?(?:hr|h|ml)|mg|mcg|µg|ug|g|ml|units?|iu|%)(?![a-z])"),
                      CI);
    return r;
}

const QStringList &sigVerbs() {
    static const QStringList v = {
        QStringLiteral("take"), QStringLiteral("apply"), QStringLiteral("inhale"),
        QStringLiteral("instill"), QStringLiteral("use"), QStringLiteral("place"),
        QStringLiteral("inject"), QStringLiteral("insert"), QStringLiteral("chew"),
        QStringLiteral("dissolve"), QStringLiteral("give"), QStringLiteral("spray"),
        QStringLiteral("swallow"), QStringLiteral("rinse"), QStringLiteral("shake"),
        // Spanish labels address the patient formally ("Tome"), some in the infinitive ("Tomar").
        QStringLiteral("tome"), QStringLiteral("tomar"), QStringLiteral("aplique"),
        QStringLiteral("aplicar"), QStringLiteral("coloque"), QStringLiteral("inyecte"),
        QStringLiteral("disuelva"), QStringLiteral("mastique"), QStringLiteral("administre"),
        QStringLiteral("instile"), QStringLiteral("trague"), QStringLiteral("agite")};
    return v;
}

// Words that are expected in directions; an unknown word read with low confidence is doubtful.
const QSet<QString> &sigVocabulary() {
    static const QSet<QString> v = [] {
        const char *words = "take taking apply inhale instill use place inject insert chew "
                            "dissolve give spray swallow rinse shake "
                            "one two three four five six half one-half a an the 1 2 3 4 5 6 8 10 "
                            "12 24 1/2 tab tabs tablet tablets "
                            "cap caps capsule capsules puff puffs drop drops gtt gtts ml teaspoon "
                            "teaspoonful tablespoon unit units "
                            "by mouth orally po sl under tongue topically to affected area areas "
                            "skin eye eyes ear ears nostril "
                            "nostrils each both left right in into on at of for with without and "
                            "or then as if when needed "
                            "directed required prn every each once twice times time daily day days "
                            "a-day week weekly hours hour hrs "
                            "morning evening night nightly bedtime noon afternoon qd bid tid qid "
                            "qam qhs hs q4h q6h q8h q12h "
                            "before after during meals meal food breakfast lunch dinner supper "
                            "empty stomach full glass water milk "
                            "pain nausea anxiety sleep cough fever headache itching allergies "
                            "allergy wheezing shortness breath "
                            "blood pressure sugar heartburn constipation diarrhea infection "
                            "swelling muscle spasm spasms migraine "
                            "vomiting insomnia dizziness cramps inflammation acid reflux chest do "
                            "not crush chew break until gone "
                            "finished all medication medicine this these days continue stop while "
                            "awake up max maximum per hours "
                            "other may cause drowsiness alcohol avoid sunlight plenty fluids lie "
                            "down minutes least 30 60 "
                            "eat drink grapefruit juice dairy antacids iron calcium not no until "
                            "procedure prior start appointment "
                            "dose doses dosing dental surgery complete course full entire "
                            // Spanish directions, folded (no accents), as the lookup folds words;
                            // no articles, which names have too ("María de la Cruz").
                            "tome tomar aplique aplicar coloque una un uno dos tres cuatro media "
                            "tableta tabletas comprimido comprimidos capsula capsulas gota gotas "
                            "cucharadita por via oral vez veces al dia dias cada hora horas hrs "
                            "con sin alimentos comida comidas antes despues de "
                            "en si es sea necesario segun caso dolor fiebre noche manana "
                            "mananas acostarse dormir semana agua vaso durante hasta terminar "
                            "tratamiento ojo ojos oido oidos zona afectada piel diariamente "
                            "ayunas todos todas para";
        QSet<QString> set;
        for (const QString &w :
             QString::fromLatin1(words).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            set.insert(w);
        return set;
    }();
    return v;
}

const QStringList &doseForms() {
    static const QStringList f = {
        QStringLiteral("tablet"),     QStringLiteral("capsule"), QStringLiteral("solution"),
        QStringLiteral("suspension"), QStringLiteral("cream"),   QStringLiteral("ointment"),
        QStringLiteral("gel"),        QStringLiteral("lotion"),  QStringLiteral("inhaler"),
        QStringLiteral("patch"),      QStringLiteral("drop"),    QStringLiteral("injection"),
        QStringLiteral("syrup"),      QStringLiteral("spray"),   QStringLiteral("suppository"),
        QStringLiteral("powder"),     QStringLiteral("lozenge"), QStringLiteral("film"),
        QStringLiteral("elixir"),     QStringLiteral("pen")};
    return f;
}

QString formFromWord(const QString &rawWord, int *distance) {
    QString w = LabelLanguage::fold(rawWord);
    w.remove(QRegularExpression(QStringLiteral("[^a-z]")));
    static const QMap<QString, QString> abbreviations = {
        {QStringLiteral("tab"), QStringLiteral("tablet")},
        {QStringLiteral("tabs"), QStringLiteral("tablet")},
        {QStringLiteral("cap"), QStringLiteral("capsule")},
        {QStringLiteral("caps"), QStringLiteral("capsule")},
        {QStringLiteral("soln"), QStringLiteral("solution")},
        {QStringLiteral("susp"), QStringLiteral("suspension")},
        {QStringLiteral("oint"), QStringLiteral("ointment")},
        {QStringLiteral("inj"), QStringLiteral("injection")},
        {QStringLiteral("drops"), QStringLiteral("drop")},
        {QStringLiteral("gtts"), QStringLiteral("drop")},
        // Spanish forms, as their English twin's form.
        {QStringLiteral("tableta"), QStringLiteral("tablet")},
        {QStringLiteral("tabletas"), QStringLiteral("tablet")},
        {QStringLiteral("comprimido"), QStringLiteral("tablet")},
        {QStringLiteral("comprimidos"), QStringLiteral("tablet")},
        {QStringLiteral("capsula"), QStringLiteral("capsule")},
        {QStringLiteral("capsulas"), QStringLiteral("capsule")},
        {QStringLiteral("solucion"), QStringLiteral("solution")},
        {QStringLiteral("suspension"), QStringLiteral("suspension")},
        {QStringLiteral("crema"), QStringLiteral("cream")},
        {QStringLiteral("pomada"), QStringLiteral("ointment")},
        {QStringLiteral("unguento"), QStringLiteral("ointment")},
        {QStringLiteral("jarabe"), QStringLiteral("syrup")},
        {QStringLiteral("gotas"), QStringLiteral("drop")},
        {QStringLiteral("parche"), QStringLiteral("patch")},
        {QStringLiteral("parches"), QStringLiteral("patch")},
        {QStringLiteral("inyectable"), QStringLiteral("injection")},
        {QStringLiteral("polvo"), QStringLiteral("powder")},
        {QStringLiteral("inhalador"), QStringLiteral("inhaler")}};
    if (abbreviations.contains(w)) {
        *distance = 0;
        return abbreviations.value(w);
    }
    if (w.endsWith(QLatin1Char('s')) && w.size() > 4)
        w.chop(1);
    for (const QString &f : doseForms()) {
        const int d = DrugLexicon::editDistance(w, f, 1);
        if (d <= (f.size() >= 6 ? 1 : 0)) {
            *distance = d;
            return f;
        }
    }
    return {};
}

// "10", "MG" -> "10 mg"; "0,5", "%" -> "0.5%"; micrograms and units in one spelling.
QString normalisedStrength(QString number, const QString &printedUnit) {
    number.replace(QLatin1Char(','), QLatin1Char('.'));
    QString unit = printedUnit.toLower().remove(QLatin1Char(' '));
    if (unit == QLatin1String("ug") || unit == QStringLiteral("µg"))
        unit = QStringLiteral("mcg");
    if (unit == QLatin1String("unit") || unit == QLatin1String("iu"))
        unit = QStringLiteral("units");
    unit.replace(QLatin1String("ml"), QLatin1String("mL"));
    return unit == QLatin1String("%") ? number + unit : number + QLatin1Char(' ') + unit;
}

// A strength whose unit lost its shape at a line end ("10my", "10m,", "20mq"): read as mg,
// doubtful. Also digits read as letters before "MG" ("LOMG", "2OMG", "l0mg"): the number is group
// 1, to be cleaned with digitsOnly().
QRegularExpressionMatch looseStrength(const QString &text, qsizetype from = 0) {
    static const QRegularExpression r(
        QStringLiteral("(?<![\\d.])(\\d{1,4}(?:\\.\\d+)?)\\s?(?:m[gqy9]?|n[gqy9])(?![a-z])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression lettered(
        QStringLiteral(
            "(?<![A-Za-z\\d.])((?=[0-9OoIlL|]*\\d|[IlL|][Oo])[0-9OoIlL|]{1,4})\\s?mg\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = r.match(text, from);
    return m.hasMatch() ? m : lettered.match(text, from);
}

// "Tae 1 Tablet", "ile 1 Tablet", "|ake 1 capsule": a verb whose letters the bottle's curve
// squeezed, before a dose. Returns true when the first word stands for a lost verb.
// Returns the offset of the dose (the count) when the words before it stand for a lost verb,
// -1 otherwise; verb receives what was read of it. One stray mark from the label's edge may
// precede ("P 'ste 1 Tablet", "FE Take 1 Tablet").
qsizetype mangledVerbBeforeDose(const QString &text, QString *verb = nullptr) {
    static const Rx pattern(QStringLiteral("^(?:\\W*[A-Za-z0-9]{1,2}\\W*\\s+(?=\\S+\\s+(?:\\d|one|"
                                           "two|half|una?|dos|media)))?\\W*([A-Za-z]{0,5})\\W*\\s+"
                                           "((?:\\d+(?:/\\d+)?|one|two|half|una?|dos|media)\\s+"
                                           "(?:tabs?|tablets?|caps?|"
                                           "capsules?|puffs?|drops?|ml|teaspoons?|units?|"
                                           "tabletas?|comprimidos?|c[aá]psulas?|gotas?)\\b)"),
                            CI);
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return -1;
    const QString read = m.captured(1).toLower();
    if (verb)
        *verb = read;
    if (read.size() <= 3)
        return m.capturedStart(2);
    for (const QString &v : sigVerbs())
        if (DrugLexicon::editDistance(read, v, 2) <= 2)
            return m.capturedStart(2);
    return -1;
}

// OCR digit fixes inside numbers: letters that look like digits.
QString digitsOnly(QString s) {
    s.replace(QLatin1Char('O'), QLatin1Char('0')).replace(QLatin1Char('o'), QLatin1Char('0'));
    s.replace(QLatin1Char('I'), QLatin1Char('1')).replace(QLatin1Char('l'), QLatin1Char('1'));
    s.replace(QLatin1Char('S'), QLatin1Char('5')).replace(QLatin1Char('B'), QLatin1Char('8'));
    return s;
}

QString titleCase(const QString &text) {
    QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (auto &w : words) {
        if (w.size() > 1 && (w == w.toUpper() || w == w.toLower())) {
            w = w.toLower();
            w[0] = w[0].toUpper();
            // Keep capitals after hyphens and apostrophes ("O'Brien", "Smith-Jones").
            for (int i = 1; i + 1 < w.size(); ++i) {
                if (w[i] == QLatin1Char('-') || w[i] == QLatin1Char('\''))
                    w[i + 1] = w[i + 1].toUpper();
            }
        }
    }
    return words.join(QLatin1Char(' '));
}

QString sentenceCase(const QString &text) {
    QString s = text.simplified();
    if (s == s.toUpper()) {
        s = s.toLower();
        s.replace(QRegularExpression(QStringLiteral("\\b(prn|po|bid|tid|qid|qd|qam|qhs|hs)\\b")),
                  QStringLiteral("\\1"));
    }
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

// The readers have no accented letters: Spanish directions get back the accents of the label words
// that need them ("via" -> "vía", "MANANA" -> "MAÑANA"), in the word's own case.
QString withSpanishAccents(const QString &text) {
    static const QHash<QString, QString> accented = {
        {QStringLiteral("via"), QStringLiteral("v\u00eda")},
        {QStringLiteral("dia"), QStringLiteral("d\u00eda")},
        {QStringLiteral("dias"), QStringLiteral("d\u00edas")},
        {QStringLiteral("capsula"), QStringLiteral("c\u00e1psula")},
        {QStringLiteral("capsulas"), QStringLiteral("c\u00e1psulas")},
        {QStringLiteral("manana"), QStringLiteral("ma\u00f1ana")},
        {QStringLiteral("mananas"), QStringLiteral("ma\u00f1anas")},
        {QStringLiteral("despues"), QStringLiteral("despu\u00e9s")},
        {QStringLiteral("presion"), QStringLiteral("presi\u00f3n")},
        {QStringLiteral("nauseas"), QStringLiteral("n\u00e1useas")},
        {QStringLiteral("solucion"), QStringLiteral("soluci\u00f3n")},
        {QStringLiteral("oido"), QStringLiteral("o\u00eddo")},
        {QStringLiteral("oidos"), QStringLiteral("o\u00eddos")},
        {QStringLiteral("segun"), QStringLiteral("seg\u00fan")},
        {QStringLiteral("razon"), QStringLiteral("raz\u00f3n")},
        {QStringLiteral("inyeccion"), QStringLiteral("inyecci\u00f3n")},
        {QStringLiteral("tomese"), QStringLiteral("t\u00f3mese")}};
    static const Rx word(QStringLiteral("[A-Za-z\\x{c0}-\\x{ff}]+"));
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString read = m.captured();
        const auto found = accented.constFind(LabelLanguage::fold(read));
        if (found == accented.cend())
            out += read;
        else if (read == read.toUpper())
            out += found->toUpper();
        else if (read.at(0).isUpper())
            out += found->at(0).toUpper() + found->mid(1);
        else
            out += *found;
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

// Removes titles and credentials around a prescriber's name.
QString stripTitles(QString name) {
    static const Rx leading(QStringLiteral("^\\s*(?:dra?|doctora?|prof)\\b\\.?\\s*"), CI);
    static const Rx trailing(
        QStringLiteral("[,\\s]+(?:m\\.?d|d\\.?o|n\\.?p|pa-?c|p\\.?a|aprn|fnp-?c?|dnp|rn|dds|dmd|"
                       "pharmd|o\\.?d|dpm|np-c|mbbs|phd)\\.?\\s*$"),
        CI);
    name = name.trimmed();
    name.remove(leading);
    for (int i = 0; i < 3; ++i)
        name.remove(trailing);
    name.remove(QRegularExpression(QStringLiteral("[^A-Za-z' \\-.]")));
    name.remove(QRegularExpression(QStringLiteral("\\s*[,.]+\\s*$")));
    return titleCase(name.simplified());
}

bool looksLikeName(const QString &text) {
    static const Rx name(QStringLiteral(
        "^[A-Za-z][A-Za-z'\\-]+(?:\\s+[A-Za-z]\\.?)?(?:\\s+[A-Za-z][A-Za-z'\\-]+){1,2}$"));
    return name.match(text.simplified()).hasMatch();
}

QString isoDate(int month, int day, int year) {
    if (year < 100)
        year += 2000;
    const QDate d(year, month, day);
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

struct Candidate {
    QString value;
    double confidence = 0.0;
    int row = -1;
    bool isSet() const { return !value.isEmpty(); }
    void offer(const QString &v, double c, int r) {
        if (!v.isEmpty() && (value.isEmpty() || c > confidence)) {
            value = v;
            confidence = c;
            row = r;
        }
    }
};

} // namespace

double FieldParser::Cell::confidence(qsizetype from, qsizetype to) const {
    double lowest = 1.0;
    bool any = false;
    for (size_t i = 0; i < words.size(); ++i) {
        const qsizetype start = wordStart[i];
        const qsizetype end = start + words[i].text.size();
        if (end > from && start < to) {
            lowest = std::min(lowest, words[i].confidence);
            any = true;
        }
    }
    return any ? lowest : 0.0;
}

double FieldParser::Cell::meanConfidence(qsizetype from, qsizetype to) const {
    double sum = 0.0;
    int n = 0;
    for (size_t i = 0; i < words.size(); ++i) {
        const qsizetype start = wordStart[i];
        const qsizetype end = start + words[i].text.size();
        if (end > from && start < to) {
            sum += words[i].confidence;
            ++n;
        }
    }
    return n ? sum / n : 0.0;
}

QString FieldParser::Row::text() const {
    QStringList parts;
    for (const auto &c : cells)
        parts.append(c.text);
    return parts.join(QLatin1Char(' '));
}

std::vector<FieldParser::Row> FieldParser::layoutRows(const OcrPage &page) {
    std::vector<OcrWord> words;
    for (const auto &line : page.lines)
        for (const auto &w : line.words)
            if (!w.text.trimmed().isEmpty())
                words.push_back(w);
    // Rows are chains built left to right: a word joins the row whose last word sits level with it.
    // Following the last word, not the whole row, keeps slightly tilted rows together.
    std::sort(words.begin(), words.end(),
              [](const OcrWord &a, const OcrWord &b) { return a.box.left() < b.box.left(); });

    struct Building {
        std::vector<OcrWord> words;
        QRect box;
    };
    std::vector<Building> rows;
    for (const auto &w : words) {
        Building *target = nullptr;
        double bestOffset = 1e9;
        for (auto &r : rows) {
            const QRect &last = r.words.back().box;
            if (last.right() > w.box.left() + w.box.height() / 2)
                continue; // would overlap the row's last word
            const double offset = std::abs(last.center().y() - w.box.center().y());
            const double tolerance = 0.45 * std::max(last.height(), w.box.height());
            const int overlap =
                std::min(last.bottom(), w.box.bottom()) - std::max(last.top(), w.box.top());
            if (offset <= tolerance && overlap > 0 && offset < bestOffset) {
                bestOffset = offset;
                target = &r;
            }
        }
        if (!target) {
            rows.push_back({});
            target = &rows.back();
        }
        target->words.push_back(w);
        target->box = target->box.isNull() ? w.box : target->box.united(w.box);
    }
    std::sort(rows.begin(), rows.end(),
              [](const Building &a, const Building &b) { return a.box.top() < b.box.top(); });

    std::vector<Row> out;
    for (auto &b : rows) {
        std::sort(b.words.begin(), b.words.end(),
                  [](const OcrWord &x, const OcrWord &y) { return x.box.left() < y.box.left(); });
        Row row;
        row.box = b.box;
        const int rowHeight = std::max(1, b.box.height());
        Cell cell;
        auto flush = [&] {
            if (cell.words.empty())
                return;
            cell.row = int(out.size());
            row.cells.push_back(std::move(cell));
            cell = Cell();
        };
        for (const auto &w : b.words) {
            // A gap wider than about three letters separates two printed cells ("QTY: 90 REFILLS:
            // 3").
            if (!cell.words.empty() && w.box.left() - cell.box.right() > 2 * rowHeight)
                flush();
            if (!cell.text.isEmpty())
                cell.text += QLatin1Char(' ');
            cell.wordStart.push_back(int(cell.text.size()));
            cell.text += w.text;
            cell.box = cell.box.isNull() ? w.box : cell.box.united(w.box);
            cell.words.push_back(w);
        }
        flush();
        out.push_back(std::move(row));
    }
    return out;
}

FieldParser::FieldParser(const DrugLexicon &lexicon)
    : m_lexicon(lexicon)
    , m_splitter(lexicon) {}

Prescription FieldParser::parseText(const QString &text) const {
    OcrPage page;
    int y = 0;
    const auto lines = text.split(QLatin1Char('\n'));
    for (const QString &lineText : lines) {
        OcrLine line;
        int x = 0;
        // Runs of 3+ spaces stand for the gap between two printed cells.
        const auto cells =
            lineText.split(QRegularExpression(QStringLiteral("\\s{3,}|\\t")), Qt::SkipEmptyParts);
        for (const QString &cellText : cells) {
            for (const QString &wordText : cellText.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const int width = int(std::min<qsizetype>(wordText.size(), 200)) * 10;
                line.words.push_back({wordText, 1.0, QRect(x, y, width, 20)});
                x += width + 8;
            }
            x += 200;
        }
        page.lines.push_back(std::move(line));
        y += 30;
        if (page.lines.size() > 2000)
            break; // parser input is a label, not a book
    }
    return parse(page);
}

Prescription FieldParser::parse(const OcrPage &page) const {
    Prescription rx;
    const std::vector<Row> rows = layoutRows(m_splitter.apply(page));

    Candidate rxNumber, date, quantity, refills, prescriber, patient, pharmacy;
    int sigRow = -1;
    int sigCellIndex = -1;
    qsizetype sigOffset = 0;
    QSet<int> keyedRows; // rows claimed by a key (not the patient's name)

    // "Qty 6", "QTY: 30", "Qty Filled:90", "Quantity 90", "Disp: #30"; O for Q is Tesseract's usual
    // slip.
    static const Rx qtyKey(
        QStringLiteral("\\b(?:Q[tT]y|QTY|OTY|Oty|Quantity|Quant|Disp(?:ense)?d?|Dispensed|Cantidad|"
                       "Cant)\\b\\s*(?"
                       ":Filled|Disp(?:ensed)?|Dispensed)?\\s*[:.;,]?\\s*[#=*]?\\s*([0-9OoIlSB]{1,"
                       "4})\\b(?!\\s*[/.\\-]\\d)"),
        CI);
    static const Rx filledCount(
        QStringLiteral("\\bFilled\\s*[:;]\\s*(\\d{1,4})\\b(?!\\s*[/.\\-]\\d)"), CI);
    // Spanish: "Resurtidos: 2" (Mexico), "Repeticiones: 2" (US Spanish labels).
    static const Rx refillKey(
        QStringLiteral(
            "\\b(?:Refills?|Resurtidos?|Repeticiones|Reposiciones)\\b\\s*(?:remaining|left|"
            "authorized|restantes)?\\s*[:.;,]?\\s*(\\d{1,2}|none|no|zero|nr|ninguno)\\b"),
        CI);
    static const Rx noRefills(
        QStringLiteral("\\bno refills\\b|\\bsin (?:resurtidos|repeticiones)\\b|\\bno resurtir\\b"),
        CI);
    static const Rx dateKey(
        QStringLiteral(
            "\\b(?:Date|Filled|Fill Date|Date Filled|Written|Issued|Fecha|Surtido)\\b\\s*[:.]?"),
        CI);
    static const Rx discardKey(
        QStringLiteral(
            "\\b(?:Discard|Expires?|Exp|Use by|Beyond|Caduca|Caducidad|Vence|Vencimiento|"
            "Desechar)\\b"),
        CI);
    static const Rx prescriberKey(
        QStringLiteral("^(?:.*\\b)?(?:Prescriber|Prescribed "
                       "by|Physician|Provider|Doctor|Doctora|M[eé\\x{c9}]dico|"
                       "M[eé\\x{c9}]dica|Recetado por|Prescrito por)\\s*[:.]?\\s*(.+)$"),
        CI);
    // "Dr. Jane Smith", and "by: Dr. Jane Smith" when "Prescribed" was lost at the line's start.
    static const Rx drKey(
        QStringLiteral("^\\s*(?:(?:prescribed\\s+)?by\\s*[:.;]?\\s*)?Dra?\\b\\.?\\s*([A-Za-z].+)$"),
        CI);
    static const Rx credentialName(
        QStringLiteral("^([A-Za-z][A-Za-z'\\-]+(?:\\s+[A-Za-z]\\.)?(?:\\s+[A-Za-z][A-Za-z'\\-]+){1,"
                       "2})\\s*,\\s*(?:M\\.?D|D\\.?O|NP|PA-?C|APRN|FNP|DNP)\\.?$"),
        CI);
    static const Rx patientKey(
        QStringLiteral("\\b(?:Patient|Pt|Patient Name|Name|For|Paciente|Nombre)\\s*[:;]\\s*(.+)$"),
        CI);
    static const Rx sigKey(
        QStringLiteral("^\\s*(?:Sig|SIG|Directions|Instructions|Indicaciones|Instrucciones|Modo de "
                       "uso)\\s*[:.;,]?\\s+(.+)$"),
        CI);
    static const Rx pharmacyWords(
        QStringLiteral(
            "\\b(?:pharmacy|drugs?|rx|apothecary|chemist|drugstore|pharmacie|dispensary|farmacia|"
            "botica|droguer[ií]a)\\b"),
        CI);

    QStringList allText;
    for (const Row &row : rows)
        allText.append(row.text());
    const bool spanish =
        LabelLanguage::detect(allText.join(QLatin1Char(' '))) == LabelLanguage::Language::Spanish;
    rx.language = LabelLanguage::code(spanish ? LabelLanguage::Language::Spanish
                                              : LabelLanguage::Language::English);

    for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t c = 0; c < rows[r].cells.size(); ++c) {
            const Cell &cell = rows[r].cells[c];
            const QString &t = cell.text;
            const int row = int(r);

            if (auto m = rxNumberPattern().match(t); m.hasMatch()) {
                rxNumber.offer(digitsOnly(m.captured(1)),
                               cell.confidence(m.capturedStart(1), m.capturedEnd(1)), row);
                keyedRows.insert(row);
            }
            if (auto m = qtyKey.match(t); m.hasMatch()) {
                quantity.offer(digitsOnly(m.captured(1)),
                               cell.confidence(m.capturedStart(0), m.capturedEnd(1)), row);
                keyedRows.insert(row);
            } else if (auto f = filledCount.match(t); f.hasMatch()) {
                // "...ty Filled:90" with the key's first letters lost: the count, less sure.
                quantity.offer(f.captured(1),
                               0.7 * cell.confidence(f.capturedStart(0), f.capturedEnd(1)), row);
                keyedRows.insert(row);
            }
            if (auto m = refillKey.match(t); m.hasMatch()) {
                QString v = m.captured(1).toLower();
                if (!v.at(0).isDigit())
                    v = QStringLiteral("0");
                refills.offer(v, cell.confidence(m.capturedStart(0), m.capturedEnd(1)), row);
                keyedRows.insert(row);
            } else if (noRefills.match(t).hasMatch()) {
                refills.offer(QStringLiteral("0"), cell.meanConfidence(0, t.size()), row);
                keyedRows.insert(row);
            }
            if (auto m = datePattern().match(t); m.hasMatch() && !discardKey.match(t).hasMatch()) {
                // Spanish labels write the day first (06/12/2026 is 6 December).
                const int first = m.captured(1).toInt(), second = m.captured(2).toInt();
                const QString iso = m.captured(4).isEmpty()
                                        ? (spanish ? isoDate(second, first, m.captured(3).toInt())
                                                   : isoDate(first, second, m.captured(3).toInt()))
                                        : isoDate(m.captured(5).toInt(), m.captured(6).toInt(),
                                                  m.captured(4).toInt());
                // A keyed date ("Date:") beats a bare one.
                const double keyed = dateKey.match(t).hasMatch() ? 1.0 : 0.8;
                date.offer(iso, keyed * cell.confidence(m.capturedStart(0), m.capturedEnd(0)), row);
                keyedRows.insert(row);
            }
            if (discardKey.match(t).hasMatch())
                keyedRows.insert(row);
            if (auto m = prescriberKey.match(t); m.hasMatch()) {
                prescriber.offer(stripTitles(m.captured(1)),
                                 cell.confidence(m.capturedStart(1), m.capturedEnd(1)), row);
                keyedRows.insert(row);
            } else if (auto d = drKey.match(t);
                       d.hasMatch() && looksLikeName(stripTitles(d.captured(1)))) {
                prescriber.offer(stripTitles(d.captured(1)),
                                 0.98 * cell.confidence(d.capturedStart(1), d.capturedEnd(1)), row);
                keyedRows.insert(row);
            } else if (auto n = credentialName.match(t.simplified()); n.hasMatch()) {
                // "Maria Fischer, DO" heading a prescription pad.
                prescriber.offer(stripTitles(n.captured(1)), 0.95 * cell.confidence(0, t.size()),
                                 row);
                keyedRows.insert(row);
            }
            if (auto m = patientKey.match(t); m.hasMatch()) {
                QString name = m.captured(1);
                name.remove(
                    QRegularExpression(QStringLiteral("\\s*(?:DOB|Date|D\\.O\\.B).*$"), CI));
                patient.offer(
                    titleCase(name.remove(QRegularExpression(QStringLiteral("[^A-Za-z' \\-]")))),
                    cell.confidence(m.capturedStart(1), m.capturedEnd(1)), row);
                keyedRows.insert(row);
            }
            if (sigRow < 0) {
                if (auto m = sigKey.match(t); m.hasMatch()) {
                    sigRow = row;
                    sigCellIndex = int(c);
                    sigOffset = m.capturedStart(1);
                } else if (c == 0) {
                    const QString first = t.section(QLatin1Char(' '), 0, 0).toLower();
                    if ((sigVerbs().contains(first) || mangledVerbBeforeDose(t) >= 0) &&
                        t.count(QLatin1Char(' ')) >= 2) {
                        sigRow = row;
                        sigCellIndex = 0;
                        sigOffset = 0;
                    }
                }
            }
        }
    }

    // --- Medication row: the best lexicon match, preferring rows that also print a strength.
    // "Generic for: Norvasc" names the brand the bottle replaces: not the name, but a second
    // reading of it (Norvasc is amlodipine) that can confirm or stand in for a doubtful one.
    int drugRow = -1, referenceRow = -1;
    DrugLexicon::Match drugMatch, referenceMatch;
    double drugScore = 0.0, referenceScore = 0.0;
    static const Rx brandReference(QStringLiteral("(?:\\bfor|\\bto|\\bof)\\s*[:;.]?\\s*$"), CI);
    for (size_t r = 0; r < rows.size(); ++r) {
        if (int(r) == sigRow)
            continue; // "for pain" in a sig is not a drug; the drug row is separate on every layout
        for (size_t c = 0; c < rows[r].cells.size(); ++c) {
            const Cell &cell = rows[r].cells[c];
            QStringList words;
            for (const auto &w : cell.words)
                words.append(w.text);
            const auto m = m_lexicon.bestMatch(words, true);
            if (!m.isValid())
                continue;
            const bool strength = strengthPattern().match(cell.text).hasMatch() ||
                                  looseStrength(cell.text).hasMatch();
            const double score = m.similarity + (strength ? 0.5 : 0.0);
            const bool reference =
                m_lexicon.entries()[size_t(m.entry)].brand &&
                brandReference.match(cell.text.left(cell.wordStart[size_t(m.firstWord)]))
                    .hasMatch();
            double &best = reference ? referenceScore : drugScore;
            if (score > best) {
                best = score;
                (reference ? referenceMatch : drugMatch) = m;
                (reference ? referenceRow : drugRow) = int(r) * 1000 + int(c);
            }
        }
    }
    // A label that says "Generic for" dispenses the generic: a brand read anywhere on it is the
    // brand replaced, even when "Generic for:" itself was read onto another row or not at all.
    static const Rx genericWord(QStringLiteral("\\b\\S{0,3}(?:eneric|neric)\\b"), CI);
    bool saysGeneric = false;
    for (const Row &row : rows)
        saysGeneric = saysGeneric || genericWord.match(row.text()).hasMatch();
    if (saysGeneric && drugMatch.isValid() && m_lexicon.entries()[size_t(drugMatch.entry)].brand &&
        !referenceMatch.isValid()) {
        referenceMatch = drugMatch;
        referenceRow = drugRow;
        drugMatch = DrugLexicon::Match();
        drugRow = -1;
    }
    const int referenceGeneric =
        referenceMatch.isValid() ? m_lexicon.genericOf(referenceMatch.entry) : -1;
    bool fromReference = false;
    if (referenceGeneric >= 0 &&
        (!drugMatch.isValid() ||
         (drugMatch.distance > 0 && m_lexicon.genericOf(drugMatch.entry) != referenceGeneric))) {
        // The name line is unreadable or only a doubtful match that disagrees: the reference's
        // generic.
        drugMatch = referenceMatch;
        drugMatch.entry = referenceGeneric;
        drugRow = referenceRow;
        fromReference = true;
    }
    if (drugMatch.isValid()) {
        const Cell &cell = rows[size_t(drugRow / 1000)].cells[size_t(drugRow % 1000)];
        const auto &entry = m_lexicon.entries()[size_t(drugMatch.entry)];
        rx.medicationName = entry.name;
        double ocr = 1.0;
        for (int i = drugMatch.firstWord; i < drugMatch.firstWord + drugMatch.wordCount; ++i)
            ocr = std::min(ocr, cell.words[size_t(i)].confidence);
        // An exact lexicon hit is right even if Tesseract doubted a letter; each correction costs
        // trust.
        double conf = drugMatch.distance == 0 ? std::max(0.9, std::min(0.99, ocr + 0.3))
                                              : 0.9 - 0.12 * drugMatch.distance;
        if (drugMatch.distance > 0 && ocr < 0.5)
            conf -= 0.1;
        if (fromReference)
            conf = std::min(conf, 0.7); // inferred from the brand it replaces: a person confirms
        else if (referenceGeneric >= 0 && m_lexicon.genericOf(drugMatch.entry) == referenceGeneric)
            conf = std::max(conf, 0.9); // two lines of the label agree on the drug
        rx.confidence.insert(QStringLiteral("medication_name"), conf);
        keyedRows.insert(drugRow / 1000);

        // Strength and form follow the name on the same row.
        const qsizetype nameEnd =
            cell.wordStart[size_t(drugMatch.firstWord + drugMatch.wordCount - 1)] +
            cell.words[size_t(drugMatch.firstWord + drugMatch.wordCount - 1)].text.size();
        auto s = strengthPattern().match(cell.text, nameEnd);
        if (!s.hasMatch())
            s = strengthPattern().match(cell.text);
        if (!s.hasMatch()) {
            // "10my", "10m," at a squeezed line end: milligrams, but a person must look.
            if (const auto loose = looseStrength(cell.text, nameEnd); loose.hasMatch()) {
                QString number = loose.captured(1);
                number.replace(QLatin1Char('L'), QLatin1Char('1'))
                    .replace(QLatin1Char('|'), QLatin1Char('1'));
                rx.dosage = digitsOnly(number) + QStringLiteral(" mg");
                rx.confidence.insert(QStringLiteral("dosage"), 0.5);
            }
        }
        if (s.hasMatch()) {
            rx.dosage = normalisedStrength(s.captured(1), s.captured(2));
            double c = cell.confidence(s.capturedStart(0), s.capturedEnd(0));
            // A strength far from the name (another cell, another row) is less certain.
            if (s.capturedStart(0) < nameEnd)
                c *= 0.8;
            if (fromReference)
                c = std::min(c, 0.7); // the strength of the brand it replaces: a person confirms
            rx.confidence.insert(QStringLiteral("dosage"), c);
            const QString after = cell.text.mid(s.capturedEnd(0)).simplified();
            int formDistance = 0;
            for (const QString &w : after.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 3)) {
                const QString form = formFromWord(w, &formDistance);
                if (!form.isEmpty()) {
                    rx.dosageForm = form;
                    rx.confidence.insert(QStringLiteral("dosage_form"), formDistance ? 0.75 : 0.95);
                    break;
                }
            }
        }
        // The brand line prints the same strength ("Generic for: Norvasc Tabs 10mg").
        if (rx.dosage.isEmpty() && referenceRow >= 0 && referenceRow != drugRow) {
            const Cell &reference =
                rows[size_t(referenceRow / 1000)].cells[size_t(referenceRow % 1000)];
            if (const auto s = strengthPattern().match(reference.text); s.hasMatch()) {
                rx.dosage = normalisedStrength(s.captured(1), s.captured(2));
                rx.confidence.insert(
                    QStringLiteral("dosage"),
                    0.7 * reference.confidence(s.capturedStart(0), s.capturedEnd(0)));
            }
        }
    } else {
        // No known drug: keep what sits before a strength so the caregiver sees it, marked for
        // review.
        for (const auto &row : rows) {
            for (const auto &cell : row.cells) {
                const auto s = strengthPattern().match(cell.text);
                if (s.hasMatch() && s.capturedStart(0) > 2 && !sigKey.match(cell.text).hasMatch()) {
                    rx.medicationName =
                        titleCase(cell.text.left(s.capturedStart(0))
                                      .remove(QRegularExpression(QStringLiteral("[^A-Za-z \\-]"))));
                    rx.confidence.insert(QStringLiteral("medication_name"), 0.3);
                    rx.dosage = s.captured(1) + QLatin1Char(' ') + s.captured(2).toLower();
                    rx.confidence.insert(QStringLiteral("dosage"), 0.4);
                    break;
                }
            }
            if (!rx.medicationName.isEmpty())
                break;
        }
    }

    // No "Sig:" and no verb: the directions are the row that states a schedule ("1 tab PO TID").
    if (sigRow < 0) {
        static const Rx doseWords(
            QStringLiteral(
                "\\b(?:\\d+(?:/"
                "\\d+)?|one|two|half|una?|dos|media)\\s+(?:tabs?|tablets?|caps?|capsules?|"
                "puffs?|drops?|gtts?|ml|tabletas?|comprimidos?|c[aá]psulas?|gotas?)\\b|"
                "\\bP\\.?O\\.?\\b|\\bV\\.?O\\.?\\b"),
            CI);
        for (size_t r = 0; r < rows.size() && sigRow < 0; ++r) {
            if (keyedRows.contains(int(r)) || (drugRow >= 0 && int(r) == drugRow / 1000))
                continue;
            for (size_t c = 0; c < rows[r].cells.size(); ++c) {
                const QString &t = rows[r].cells[c].text;
                if (doseWords.match(t).hasMatch() &&
                    !SigNormalizer::normalise(t).schedule.isEmpty()) {
                    sigRow = int(r);
                    sigCellIndex = int(c);
                    sigOffset = 0;
                    break;
                }
            }
        }
    }

    // --- Sig: the keyed or verb-led cell, continued on following rows that belong to nothing else.
    if (sigRow >= 0) {
        const Cell &cell = rows[size_t(sigRow)].cells[size_t(sigCellIndex)];
        QString sig = cell.text.mid(sigOffset);
        std::vector<OcrWord> sigWords;
        for (size_t i = 0; i < cell.words.size(); ++i)
            if (cell.wordStart[i] + cell.words[i].text.size() > sigOffset)
                sigWords.push_back(cell.words[i]);
        const int drugRowIndex = drugRow >= 0 ? drugRow / 1000 : -1;
        for (size_t r = size_t(sigRow) + 1; r < rows.size() && r < size_t(sigRow) + 3; ++r) {
            const Row &next = rows[r];
            const Row &prev = rows[r - 1];
            // A continuation line is close below, starts under the sig and is claimed by no key.
            if (int(r) == drugRowIndex || keyedRows.contains(int(r)) || next.cells.size() != 1)
                break;
            if (next.box.top() - prev.box.bottom() > prev.box.height() * 1.5)
                break;
            if (std::abs(next.cells[0].box.left() - cell.box.left()) > prev.box.height() * 2)
                break;
            const QString t = next.cells[0].text;
            if (strengthPattern().match(t).hasMatch())
                break;
            // A finished sentence, or a new one led by a verb ("Apply thinly...", "Shake before
            // use"), is a second instruction printed under the directions, not more of them.
            static const Rx newInstruction(
                QStringLiteral(
                    "^\\W*(?:take|apply|inhale|instill|use|place|inject|insert|chew|"
                    "dissolve|give|spray|swallow|shake|avoid|keep|store|discard|do not|"
                    "may cause|tome|aplique|agite|evite|mantenga|conserve|guarde|no tome|"
                    "no use|puede causar)\\b"),
                CI);
            if (sig.trimmed().endsWith(QLatin1Char('.')) || newInstruction.match(t).hasMatch())
                break;
            // Directions continue in direction words ("full glass of water"); a name does not.
            int known = 0;
            const QStringList parts =
                LabelLanguage::fold(t).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (QString part : parts)
                known += sigVocabulary().contains(
                             part.remove(QRegularExpression(QStringLiteral("[^a-z0-9/\\-]"))))
                             ? 1
                             : 0;
            if (parts.isEmpty() || known * 2 < parts.size())
                break;
            sig += QLatin1Char(' ') + t;
            sigWords.insert(sigWords.end(), next.cells[0].words.begin(), next.cells[0].words.end());
            keyedRows.insert(int(r));
        }
        keyedRows.insert(sigRow);
        // OCR glues short words ("WITHA"): split an unknown word when both halves are direction
        // words.
        QStringList sigParts = sig.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &part : sigParts) {
            const QString lower = part.toLower();
            if (sigVocabulary().contains(lower) || lower.size() < 4)
                continue;
            for (qsizetype cut = 1; cut < lower.size(); ++cut) {
                if (sigVocabulary().contains(lower.left(cut)) &&
                    sigVocabulary().contains(lower.mid(cut)) && lower.left(cut).size() >= 1 &&
                    lower.mid(cut).size() >= 1 && !lower.left(cut).at(0).isDigit()) {
                    part = part.left(cut) + QLatin1Char(' ') + part.mid(cut);
                    break;
                }
            }
        }
        sig = sigParts.join(QLatin1Char(' '));
        // Stray marks before the first word (the label's edge) are not directions; a verb the
        // curve squeezed ("Tae 1 Tablet") is put back, and a person asked to check it.
        sig.remove(QRegularExpression(QStringLiteral("^[^A-Za-z0-9]+")));
        bool verbGuessed = false;
        QString readVerb;
        if (const qsizetype dose = mangledVerbBeforeDose(sig, &readVerb);
            dose >= 0 && !sigVerbs().contains(sig.section(QLatin1Char(' '), 0, 0).toLower())) {
            // What most labels say; another verb only when nearly read.
            QString verb = spanish ? QStringLiteral("tome") : QStringLiteral("take");
            int bestDistance = 2;
            for (const QString &v : sigVerbs()) {
                const int d = DrugLexicon::editDistance(readVerb, v, 2);
                if (d < bestDistance) {
                    bestDistance = d;
                    verb = v;
                }
            }
            const QString rest = sig.mid(dose);
            verb = rest == rest.toUpper() ? verb.toUpper() : verb.left(1).toUpper() + verb.mid(1);
            sig = verb + QLatin1Char(' ') + rest;
            verbGuessed = bestDistance > 0;
        }
        rx.instructions = sentenceCase(sig);
        if (spanish)
            rx.instructions = withSpanishAccents(rx.instructions);
        const auto normal = SigNormalizer::normalise(rx.instructions);
        rx.instructionsPlain = normal.plainText;
        rx.schedule = normal.schedule;
        rx.timesPerDay = normal.timesPerDay;
        rx.asNeeded = normal.asNeeded;

        // Instructions: every word read with confidence, or at least a word directions use.
        double lowest = 1.0, sum = 0.0;
        int doubtful = 0;
        for (const auto &w : sigWords) {
            QString key = LabelLanguage::fold(w.text);
            key.remove(QRegularExpression(QStringLiteral("[^a-z0-9/\\-]")));
            const bool known = sigVocabulary().contains(key);
            const double c = known ? std::min(1.0, w.confidence + 0.15) : w.confidence;
            lowest = std::min(lowest, c);
            sum += c;
            if (c < 0.7)
                ++doubtful;
        }
        const double mean = sigWords.empty() ? 0.0 : sum / double(sigWords.size());
        double instrConf = std::min(mean, lowest + 0.25);
        if (doubtful > 1)
            instrConf = std::min(instrConf, 0.6);
        // Directions without a dose schedule, or only a few words, were most likely cut short.
        if (normal.schedule.isEmpty() || sigWords.size() < 4)
            instrConf = std::min(instrConf, 0.45);
        if (verbGuessed)
            instrConf = std::min(instrConf, 0.7);
        // Directions that stop on "as", "with", "si es", "para" were cut short (the curve, the
        // label's edge): what is missing may change the schedule ("... as needed").
        static const Rx danglingEnd(
            QStringLiteral("\\b(?:with|as|by|every|for|before|after|and|or|if|to|at|of|in|the|a|an|"
                           "con|si|es|sea|por|para|cada|antes|despues|del|de|al|y|o|en|la|las|el|"
                           "los|una?)\\W*$"),
            CI);
        const bool cutShort = danglingEnd.match(LabelLanguage::fold(rx.instructions)).hasMatch();
        if (cutShort)
            instrConf = std::min(instrConf, 0.6);
        rx.confidence.insert(QStringLiteral("instructions"), instrConf);

        // Schedule: as sure as the sig's parse, and no surer than the words that carry it.
        double scheduleConf =
            rx.schedule.isEmpty() ? 0.0 : normal.certainty * std::min(1.0, lowest + 0.3);
        if (cutShort)
            scheduleConf = std::min(scheduleConf, 0.6);
        rx.confidence.insert(QStringLiteral("schedule"), scheduleConf);
        rx.confidence.insert(QStringLiteral("times_per_day"), scheduleConf);
        rx.confidence.insert(QStringLiteral("as_needed"), std::min(0.99, scheduleConf + 0.05));
    }

    // --- Pharmacy: a heading near the top that names a pharmacy, never a key row.
    for (size_t r = 0; r < rows.size(); ++r) {
        if (int(r) == sigRow || (drugRow >= 0 && int(r) == drugRow / 1000))
            continue;
        for (const auto &cell : rows[r].cells) {
            const QString t = cell.text.simplified();
            if (patientKey.match(t).hasMatch() || prescriberKey.match(t).hasMatch())
                continue;
            if (rxNumberPattern().match(t).hasMatch() ||
                t.contains(QRegularExpression(QStringLiteral("\\d"))))
                continue;
            const auto words = t.split(QLatin1Char(' '));
            if (words.size() < 2 || words.size() > 5 || !pharmacyWords.match(t).hasMatch())
                continue;
            pharmacy.offer(titleCase(t).replace(QRegularExpression(QStringLiteral("\\bRx\\b"), CI),
                                                QStringLiteral("Rx")),
                           cell.meanConfidence(0, t.size()), int(r));
            keyedRows.insert(int(r));
            break;
        }
        if (pharmacy.isSet())
            break;
    }

    // --- Patient on a pharmacy label: the bare name row just above the sig or the drug.
    if (!patient.isSet()) {
        const int anchor = sigRow >= 0 ? sigRow : (drugRow >= 0 ? drugRow / 1000 : -1);
        const int drugRowIndex = drugRow >= 0 ? drugRow / 1000 : -1;
        for (int r = anchor - 1; r >= 0 && r >= anchor - 3; --r) {
            if (r == drugRowIndex || r == sigRow)
                continue;
            const Cell &cell = rows[size_t(r)].cells[0];
            const QString &t = cell.text;
            // The name cell itself must carry no key; a key elsewhere on the row is fine (two
            // columns).
            if (rxNumberPattern().match(t).hasMatch() || qtyKey.match(t).hasMatch() ||
                refillKey.match(t).hasMatch() || dateKey.match(t).hasMatch() ||
                prescriberKey.match(t).hasMatch() || drKey.match(t).hasMatch() ||
                credentialName.match(t.simplified()).hasMatch() ||
                pharmacyWords.match(t).hasMatch())
                continue;
            if (looksLikeName(cell.text) &&
                !m_lexicon.bestMatch(cell.text.split(QLatin1Char(' '))).isValid()) {
                patient.offer(titleCase(cell.text), 0.9 * cell.confidence(0, cell.text.size()), r);
                break;
            }
        }
    }

    const auto setText = [&rx](const QString &field, QString *target, const Candidate &c) {
        if (!c.isSet())
            return;
        *target = c.value;
        rx.confidence.insert(field, c.confidence);
    };
    const auto setInt = [&rx](const QString &field, std::optional<int> *target,
                              const Candidate &c) {
        bool ok = false;
        const int v = c.value.toInt(&ok);
        if (!ok)
            return;
        *target = v;
        rx.confidence.insert(field, c.confidence);
    };
    setText(QStringLiteral("rx_number"), &rx.rxNumber, rxNumber);
    setText(QStringLiteral("date"), &rx.date, date);
    setInt(QStringLiteral("quantity"), &rx.quantity, quantity);
    setInt(QStringLiteral("refills"), &rx.refills, refills);
    setText(QStringLiteral("prescriber"), &rx.prescriber, prescriber);
    setText(QStringLiteral("patient"), &rx.patient, patient);
    setText(QStringLiteral("pharmacy"), &rx.pharmacy, pharmacy);
    // Names have no lexicon to correct them: only a clearly read name is trusted.
    if (rx.confidence.contains(QStringLiteral("prescriber")))
        rx.confidence[QStringLiteral("prescriber")] = std::clamp(
            (rx.confidence.value(QStringLiteral("prescriber")) - 0.9) * 2.0 + 0.8, 0.0, 0.99);
    if (!rx.prescriber.isEmpty() && !looksLikeName(rx.prescriber))
        rx.confidence[QStringLiteral("prescriber")] =
            std::min(rx.confidence.value(QStringLiteral("prescriber")), 0.5);

    // Core fields always carry a confidence (0 when missing) and anything doubtful needs a person.
    for (const QString &field : Prescription::coreFields()) {
        if (rx.valueText(field).isEmpty())
            rx.confidence.insert(field, 0.0);
    }
    for (const QString &field : Prescription::allFields()) {
        if (!rx.confidence.contains(field))
            continue;
        if (rx.confidence.value(field) < kReviewThreshold)
            rx.needsReview.append(field);
    }
    return rx;
}

} // namespace kiosk::ocr
