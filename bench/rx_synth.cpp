// rx_synth: renders prescription labels in layouts the dev set does not use (drug-first retail
// label, two-column label, pad with "Rx:" lines) with other drugs and people, then photographs
// them in software (perspective, rotation, uneven and dim light, glare, blur, noise, JPEG).
// Writes NNNN.jpg + NNNN.json (ground truth in the rx-eval shape) for ocr_eval.
// --bottles: US pharmacy labels wrapped around hand-held amber vials, stored as phones store them
// (EXIF orientation, Samsung trailer), ground truth in the REAL set's shape (score_real.py).
// --bottles-es: the same bottles (same seed, same draws) as Spanish-language labels print them.
#include "synth/bottle_photo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>

namespace {

struct Sig {
    const char *printed;
    const char *expanded;
    const char *schedule;
    int timesPerDay; // 0: null
    bool asNeeded;
};

const Sig kSigs[] = {
    {"Take 1 tablet by mouth once daily", "Take 1 tablet by mouth once daily", "once daily", 1,
     false},
    {"Take one tablet by mouth twice a day with food",
     "Take one tablet by mouth twice a day with food", "twice daily", 2, false},
    {"1 tab PO TID", "Take one tablet by mouth three times daily", "three times daily", 3, false},
    {"Take 1 capsule by mouth at bedtime", "Take 1 capsule by mouth at bedtime", "at bedtime", 1,
     false},
    {"1 cap PO Q12H", "Take one capsule by mouth every 12 hours", "every 12 hours", 2, false},
    {"Take one tablet by mouth every 4 hours as needed for pain",
     "Take one tablet by mouth every 4 hours as needed for pain", "every 4 hours as needed", 0,
     true},
    {"2 tab PO QID", "Take two tablets by mouth four times daily", "four times daily", 4, false},
    {"Take 1 tablet by mouth every morning", "Take 1 tablet by mouth every morning",
     "every morning", 1, false},
    {"Take one tablet by mouth once a week", "Take one tablet by mouth once a week", "once weekly",
     0, false},
    {"1 tab PO PRN anxiety", "Take one tablet by mouth as needed for anxiety", "as needed", 0,
     true},
};

struct Drug {
    const char *name;
    const char *strength;
    const char *form;
};

const Drug kDrugs[] = {
    {"Lisinopril", "10 mg", "tablet"},
    {"Atorvastatin", "20 mg", "tablet"},
    {"Hydrochlorothiazide", "25 mg", "tablet"},
    {"Clopidogrel", "75 mg", "tablet"},
    {"Citalopram", "20 mg", "tablet"},
    {"Glipizide", "5 mg", "tablet"},
    {"Meloxicam", "15 mg", "tablet"},
    {"Carvedilol", "6.25 mg", "tablet"},
    {"Venlafaxine", "75 mg", "capsule"},
    {"Cyclobenzaprine", "10 mg", "tablet"},
    {"Allopurinol", "100 mg", "tablet"},
    {"Lamotrigine", "25 mg", "tablet"},
    {"Warfarin", "5 mg", "tablet"},
    {"Spironolactone", "25 mg", "tablet"},
    {"Cephalexin", "500 mg", "capsule"},
    {"Propranolol", "20 mg", "tablet"},
    {"Quetiapine", "50 mg", "tablet"},
    {"Famotidine", "20 mg", "tablet"},
    {"Buspirone", "10 mg", "tablet"},
    {"Ondansetron", "4 mg", "tablet"},
    {"Doxycycline", "100 mg", "capsule"},
    {"Finasteride", "5 mg", "tablet"},
    {"Topiramate", "50 mg", "tablet"},
    {"Apixaban", "5 mg", "tablet"},
};

const char *kFirst[] = {"Olivia", "Marcus", "Elena", "Tobias", "Hannah", "Diego",
                        "Yuki",   "Amara",  "Peter", "Rosa",   "Omar",   "Chloe"};
const char *kLast[] = {"Bennett", "Alvarez", "Kowalczyk", "Osei",  "Lindqvist", "Moreno",
                       "Tanaka",  "Dubois",  "Harper",    "Quinn", "Reyes",     "Sato"};
const char *kPharmacies[] = {"Lakeside Pharmacy", "Maple Leaf Drugs", "Cornerstone Pharmacy",
                             "Valley Health Rx", "Bayview Apothecary"};
const char *kTitles[] = {"MD", "DO", "NP", "PA-C"};

template <typename T, size_t N> const T &pick(QRandomGenerator &rng, const T (&items)[N]) {
    return items[rng.bounded(int(N))];
}

QString name(QRandomGenerator &rng) {
    return QStringLiteral("%1 %2").arg(QLatin1String(pick(rng, kFirst)),
                                       QLatin1String(pick(rng, kLast)));
}

// --bottles: US labels on amber vials. Everything below is invented (names, pharmacies, Rx
// numbers; 555 phone numbers); drugs are common generics.
struct BottleDrug {
    const char *name;     // as printed in capitals, may carry a manufacturer prefix ("APO-")
    const char *strength; // number and unit as printed ("20MG", "400MG/5ML")
    const char *form;     // "TAB", "CAP", "SUSP", ...
    const char *unit;     // what one dose is counted in: TABLET, CAPSULE, ML
};

const BottleDrug kSolids[] = {
    {"ATORVASTATIN CALCIUM", "40MG", "TAB", "TABLET"},
    {"LEVOTHYROXINE SODIUM", "50MCG", "TAB", "TABLET"},
    {"LISINOPRIL", "10MG", "TAB", "TABLET"},
    {"METFORMIN HCL", "500MG", "TAB", "TABLET"},
    {"AMLODIPINE BESYLATE", "10MG", "TABLET", "TABLET"},
    {"METOPROLOL SUCCINATE ER", "25MG", "TAB", "TABLET"},
    {"OMEPRAZOLE DR", "20MG", "CAP", "CAPSULE"},
    {"SIMVASTATIN", "20MG", "TAB", "TABLET"},
    {"LOSARTAN POTASSIUM", "50MG", "TAB", "TABLET"},
    {"GABAPENTIN", "300MG", "CAP", "CAPSULE"},
    {"HYDROCHLOROTHIAZIDE", "25MG", "TAB", "TABLET"},
    {"SERTRALINE HCL", "50MG", "TAB", "TABLET"},
    {"MONTELUKAST SODIUM", "10MG", "TAB", "TABLET"},
    {"ESCITALOPRAM", "10MG", "TAB", "TABLET"},
    {"ROSUVASTATIN CALCIUM", "10MG", "TAB", "TABLET"},
    {"BUPROPION XL", "150MG", "TAB", "TABLET"},
    {"FUROSEMIDE", "40MG", "TAB", "TABLET"},
    {"PANTOPRAZOLE SODIUM", "40MG", "TAB", "TABLET"},
    {"TRAZODONE HCL", "50MG", "TAB", "TABLET"},
    {"FLUOXETINE", "20MG", "CAP", "CAPSULE"},
    {"TAMSULOSIN HCL", "0.4MG", "CAP", "CAPSULE"},
    {"PREDNISONE", "20MG", "TAB", "TABLET"},
    {"MELOXICAM", "15MG", "TAB", "TABLET"},
    {"CLOPIDOGREL", "75MG", "TAB", "TABLET"},
    {"CARVEDILOL", "12.5MG", "TAB", "TABLET"},
    {"PRAVASTATIN SODIUM", "40MG", "TAB", "TABLET"},
    {"DULOXETINE DR", "60MG", "CAP", "CAPSULE"},
    {"ALLOPURINOL", "100MG", "TAB", "TABLET"},
    {"GLIPIZIDE", "5MG", "TAB", "TABLET"},
    {"SPIRONOLACTONE", "25MG", "TAB", "TABLET"},
};
const BottleDrug kPrefixed[] = {
    {"APO-IBUPROFEN", "400MG", "", "TABLET"},
    {"SANDOZ-ONDANSETRON ODT", "4MG", "", "TABLET"},
    {"TEVA-AMOXICILLIN", "500MG", "CAP", "CAPSULE"},
    {"APO-METFORMIN", "500MG", "TAB", "TABLET"},
    {"MYLAN-CITALOPRAM", "20MG", "TAB", "TABLET"},
    {"SANDOZ-CEPHALEXIN", "500MG", "CAP", "CAPSULE"},
    {"APO-NAPROXEN", "500MG", "", "TABLET"},
    {"TEVA-CYCLOBENZAPRINE", "10MG", "TAB", "TABLET"},
};
const BottleDrug kLiquids[] = {
    {"AMOXICILLIN", "400MG/5ML", "SUSP", "ML"},      {"CEPHALEXIN", "250MG/5ML", "SUSP", "ML"},
    {"IBUPROFEN", "100MG/5ML", "SUSP", "ML"},        {"ONDANSETRON", "4MG/5ML", "SOLN", "ML"},
    {"PREDNISOLONE", "15MG/5ML", "SOLN", "ML"},      {"AZITHROMYCIN", "200MG/5ML", "SUSP", "ML"},
    {"AMOXICILLIN-CLAV", "600MG/5ML", "SUSP", "ML"}, {"CETIRIZINE", "1MG/ML", "SOLN", "ML"},
};
const char *kSolidSigs[] = {
    "TAKE 1 %1 BY MOUTH DAILY",
    "TAKE 1 %1 BY MOUTH TWICE DAILY",
    "TAKE 1 %1 BY MOUTH AT BEDTIME",
    "TAKE 1 %1 BY MOUTH EVERY MORNING BEFORE BREAKFAST",
    "TAKE 1 %1 BY MOUTH THREE TIMES DAILY WITH FOOD",
    "TAKE 2 %1S BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN",
    "TAKE 1 %1 BY MOUTH EVERY 8 HOURS AS NEEDED FOR NAUSEA",
    "TAKE 1/2 %1 BY MOUTH DAILY",
    "TAKE 1 %1 BY MOUTH ONCE DAILY FOR BLOOD PRESSURE",
};
const char *kLiquidSigs[] = {
    "GIVE 5 ML BY MOUTH EVERY 6 HOURS AS NEEDED",
    "GIVE 7.5 ML BY MOUTH TWICE DAILY FOR 10 DAYS",
    "GIVE 4 ML BY MOUTH ONCE DAILY FOR 5 DAYS",
    "GIVE 2.5 ML BY MOUTH EVERY 8 HOURS AS NEEDED FOR NAUSEA",
    "GIVE 6 ML BY MOUTH EVERY 12 HOURS UNTIL FINISHED",
    "GIVE 5 ML BY MOUTH EVERY 6 HOURS AS NEEDED FOR FEVER",
};
// --bottles-es: the same labels as a Spanish-language US pharmacy prints them, sig for sig (the
// schedule each reads to is its English twin's).
const char *kSolidSigsEs[] = {
    "TOME 1 %1 POR V\u00cdA ORAL DIARIAMENTE",
    "TOME 1 %1 POR V\u00cdA ORAL DOS VECES AL D\u00cdA",
    "TOME 1 %1 POR V\u00cdA ORAL AL ACOSTARSE",
    "TOME 1 %1 POR V\u00cdA ORAL CADA MA\u00d1ANA ANTES DEL DESAYUNO",
    "TOME 1 %1 POR V\u00cdA ORAL TRES VECES AL D\u00cdA CON ALIMENTOS",
    "TOME 2 %1S POR V\u00cdA ORAL CADA 6 HORAS SI ES NECESARIO PARA EL DOLOR",
    "TOME 1 %1 POR V\u00cdA ORAL CADA 8 HORAS SI ES NECESARIO PARA LAS N\u00c1USEAS",
    "TOME 1/2 %1 POR V\u00cdA ORAL DIARIAMENTE",
    "TOME 1 %1 POR V\u00cdA ORAL UNA VEZ AL D\u00cdA PARA LA PRESI\u00d3N",
};
const char *kLiquidSigsEs[] = {
    "ADMINISTRE 5 ML POR V\u00cdA ORAL CADA 6 HORAS SI ES NECESARIO",
    "ADMINISTRE 7.5 ML POR V\u00cdA ORAL DOS VECES AL D\u00cdA POR 10 D\u00cdAS",
    "ADMINISTRE 4 ML POR V\u00cdA ORAL UNA VEZ AL D\u00cdA POR 5 D\u00cdAS",
    "ADMINISTRE 2.5 ML POR V\u00cdA ORAL CADA 8 HORAS SI ES NECESARIO PARA LAS N\u00c1USEAS",
    "ADMINISTRE 6 ML POR V\u00cdA ORAL CADA 12 HORAS HASTA TERMINAR",
    "ADMINISTRE 5 ML POR V\u00cdA ORAL CADA 6 HORAS SI ES NECESARIO PARA LA FIEBRE",
};
const char *kWarningsEs[] = {
    "PUEDE CAUSAR SOMNOLENCIA. EL ALCOHOL PUEDE AUMENTAR ESTE EFECTO.",
    "T\u00d3MESE CON ALIMENTOS O LECHE.",
    "NO TRITURE NI MASTIQUE. TR\u00c1GUESE ENTERO.",
    "TERMINE TODO ESTE MEDICAMENTO A MENOS QUE SE LE INDIQUE LO CONTRARIO.",
    "La ley federal proh\u00edbe transferir este medicamento a otra persona.",
};

// An English bottle label's words in Spanish; the drug name, numbers and people stay.
QString spanishUnit(const QString &unit) {
    if (unit == QLatin1String("TABLET"))
        return QStringLiteral("TABLETA");
    if (unit == QLatin1String("CAPSULE"))
        return QStringLiteral("C\u00c1PSULA");
    return unit;
}

const char *kBottleFirst[] = {"Marisol", "Devon",  "Priya",  "Gunnar", "Fatima", "Leon",
                              "Imogen",  "Tomas",  "Akira",  "Nadia",  "Cole",   "Beatriz",
                              "Wendell", "Saskia", "Rafael", "June"};
const char *kBottleLast[] = {"Pelletier", "Okafor",      "Vanterpool", "Halvorsen",
                             "Delacroix", "Mwangi",      "Brandt",     "Esposito",
                             "Nakashima", "Fairweather", "Kovac",      "Abernathy",
                             "Calloway",  "Ibarra",      "Strom",      "Whitlock"};
const char *kBottlePharmacies[] = {
    "CORNERSTONE PHARMACY  412 ELM ST  DAYTON OH 45402  (937) 555-0142",
    "LAKESIDE DRUG #118  90 SHORE RD  ERIE PA 16507  (814) 555-0199",
    "BAYVIEW APOTHECARY  7 HARBOR WAY  EUREKA CA 95501  (707) 555-0163",
    "MAPLE & MAIN PHARMACY  1500 MAIN ST  AMES IA 50010  (515) 555-0120",
    "RIVERBEND RX  22 MILL AVE  TEMPE AZ 85281  (480) 555-0177",
    "SUMMIT FAMILY PHARMACY  88 PEAK DR  BOULDER CO 80302  (303) 555-0108",
};
const char *kMfrs[] = {"TEVA",  "AUROBINDO", "SANDOZ", "MYLAN",
                       "ZYDUS", "LUPIN",     "AMNEAL", "CAMBER"};
const char *kWarnings[] = {
    "MAY CAUSE DROWSINESS. ALCOHOL MAY INTENSIFY THIS EFFECT.",
    "TAKE WITH FOOD OR MILK.",
    "DO NOT CRUSH OR CHEW. SWALLOW WHOLE.",
    "FINISH ALL THIS MEDICATION UNLESS OTHERWISE DIRECTED.",
    "Federal law prohibits the transfer of this drug to any person other than the patient for whom "
    "it was prescribed.",
};

// Mixed case as some printers print: "Amlodipine Besylate 10 mg Tablet", "Take 1 tablet by mouth".
QString mixedName(const QString &caps) {
    QString out = caps.toLower();
    for (int i = 0; i < out.size(); ++i)
        if (i == 0 || out[i - 1] == QLatin1Char(' ') || out[i - 1] == QLatin1Char('-'))
            out[i] = out[i].toUpper();
    return out.replace(QLatin1String(" Hcl"), QLatin1String(" HCl"))
        .replace(QLatin1String(" Er"), QLatin1String(" ER"))
        .replace(QLatin1String(" Dr"), QLatin1String(" DR"))
        .replace(QLatin1String(" Xl"), QLatin1String(" XL"))
        .replace(QLatin1String(" Odt"), QLatin1String(" ODT"));
}
QString sentence(const QString &caps) {
    QString out = caps.toLower();
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out.replace(QLatin1String(" ml "), QLatin1String(" mL "));
}

// The visible part of characters [from, to) of a printed line, "…" where the curve hides some;
// null when almost nothing of it can be read.
QJsonValue visibleField(const kiosk::synth::RenderedLabel &label, const QString &key, int from,
                        int to, QPair<qreal, qreal> span) {
    QStringList pieces;
    int letters = 0;
    for (const kiosk::synth::PrintedRun &run : label.runsFor(key)) {
        const int o0 = std::max(from, run.first),
                  o1 = std::min(to, run.first + int(run.text.size()));
        if (o0 >= o1)
            continue;
        const auto [v0, v1] = kiosk::synth::BottlePhoto::visibleChars(run, span);
        const int a = std::max(o0, run.first + v0), b = std::min(o1, run.first + v1);
        const QString whole = run.text.mid(o0 - run.first, o1 - o0).trimmed();
        const QString seen = a < b ? run.text.mid(a - run.first, b - a).trimmed() : QString();
        if (seen.isEmpty()) {
            pieces.append(QStringLiteral("…"));
            continue;
        }
        for (const QChar c : seen)
            letters += c.isLetterOrNumber();
        const bool cutStart = !whole.startsWith(seen), cutEnd = !whole.endsWith(seen);
        pieces.append((cutStart ? QStringLiteral("…") : QString()) + seen +
                      (cutEnd ? QStringLiteral("…") : QString()));
    }
    if (letters < 2)
        return QJsonValue();
    QString out = pieces.join(QLatin1Char(' '));
    while (out.contains(QStringLiteral("… …")))
        out.replace(QStringLiteral("… …"), QStringLiteral("…"));
    return out.replace(QStringLiteral("……"), QStringLiteral("…"));
}

int writeBottles(const QDir &out, int count, quint32 seed, bool spanish) {
    using namespace kiosk::synth;
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "rx_synth: error: cannot create %s\n", qPrintable(out.path()));
        return 1;
    }
    QRandomGenerator rng(seed);
    const QStringList templates = {
        QStringLiteral("classic-caps"),     QStringLiteral("mfr-prefix"),
        QStringLiteral("pediatric-liquid"), QStringLiteral("classic-mixed"),
        QStringLiteral("drug-first"),       QStringLiteral("compact")};
    const QSize sizes[] = {{4032, 1816}, {4032, 1816}, {4032, 1816}, {4032, 3024}, {5712, 4284},
                           {4000, 3000}, {3264, 2448}, {2000, 1500}, {4032, 2268}};
    for (int n = 0; n < count; ++n) {
        const QString tmpl = templates[n % templates.size()];
        const bool liquid = tmpl == QLatin1String("pediatric-liquid");
        const bool mixed = tmpl == QLatin1String("classic-mixed");
        const BottleDrug &drug = tmpl == QLatin1String("mfr-prefix") ? pick(rng, kPrefixed)
                                 : liquid                            ? pick(rng, kLiquids)
                                                                     : pick(rng, kSolids);
        auto person = [&]() {
            return QStringLiteral("%1 %2").arg(QLatin1String(pick(rng, kBottleFirst)),
                                               QLatin1String(pick(rng, kBottleLast)));
        };
        const QString patient = person(), prescriber = person();
        const int month = 1 + int(rng.bounded(12)), day = 1 + int(rng.bounded(28));
        const QString date = QStringLiteral("%1/%2/2026")
                                 .arg(month, 2, 10, QLatin1Char('0'))
                                 .arg(day, 2, 10, QLatin1Char('0'));

        // Drug line: NAME STRENGTH FORM, strength sometimes spaced ("10 MG"), form long or short.
        QString name = QLatin1String(drug.name), strength = QLatin1String(drug.strength),
                form = QLatin1String(drug.form);
        if (!liquid && rng.bounded(3) == 0)
            strength.replace(QRegularExpression(QStringLiteral("(\\d)(MC?G)")),
                             QStringLiteral("\\1 \\2"));
        if (form == QLatin1String("TAB") && rng.bounded(2))
            form = QStringLiteral("TABLET");
        if (mixed) {
            name = mixedName(name);
            strength = strength.toLower();
            form = mixedName(form);
        }
        if (spanish && form.compare(QLatin1String("TABLET"), Qt::CaseInsensitive) == 0)
            form += form.back().isUpper() ? QLatin1Char('A') : QLatin1Char('a');
        const QString drugLine = form.isEmpty()
                                     ? name + QLatin1Char(' ') + strength
                                     : name + QLatin1Char(' ') + strength + QLatin1Char(' ') + form;
        const char *englishSig = liquid ? pick(rng, kLiquidSigs) : pick(rng, kSolidSigs);
        QString directions = QString::fromLatin1(englishSig);
        if (spanish) {
            const auto at = [&](const char *const *list, size_t n) {
                return size_t(std::find(list, list + n, englishSig) - list);
            };
            directions =
                liquid ? QString::fromUtf8(kLiquidSigsEs[at(kLiquidSigs, std::size(kLiquidSigs))])
                       : QString::fromUtf8(kSolidSigsEs[at(kSolidSigs, std::size(kSolidSigs))]);
        }
        if (!liquid)
            directions = directions.arg(spanish ? spanishUnit(QLatin1String(drug.unit))
                                                : QLatin1String(drug.unit));
        if (mixed)
            directions = sentence(directions);

        const QString quantity =
            liquid
                ? QStringLiteral("%1 %2")
                      .arg(50 * (1 + int(rng.bounded(4))))
                      .arg(mixed ? QStringLiteral("mL") : QStringLiteral("ML"))
                : QString::number(QList<int>{30, 60, 90, 14, 20, 6, 10, 28}[int(rng.bounded(8))]);
        const QStringList qtyKeys = {QStringLiteral("QTY: "),  QStringLiteral("QTY "),
                                     QStringLiteral("Qty: "),  QStringLiteral("Quantity: "),
                                     QStringLiteral("DISP: "), QStringLiteral("Qty Filled: ")};
        const int qtyStyle = int(rng.bounded(qtyKeys.size()));
        const QString qtyKey = !spanish       ? qtyKeys[qtyStyle]
                               : qtyStyle % 2 ? QStringLiteral("Cantidad: ")
                                              : QStringLiteral("CANTIDAD: ");
        const int refills = int(rng.bounded(6));
        const QStringList refillForms = {QStringLiteral("Refills left: %1"),
                                         QStringLiteral("REFILLS: %1"),
                                         QStringLiteral("%1 REFILLS LEFT"),
                                         QStringLiteral("NO REFILLS - DR. AUTHORIZATION REQUIRED"),
                                         QStringLiteral("Refills: %1 before %2")};
        QString refillsLine = refills == 0 ? refillForms[3] : refillForms[int(rng.bounded(5))];
        if (spanish)
            refillsLine = refills == 0
                              ? QStringLiteral("SIN RESURTIDOS - SE REQUIERE AUTORIZACI\u00d3N")
                              : QStringLiteral("Resurtidos: %1");
        refillsLine = refillsLine.contains(QLatin1String("%2"))
                          ? refillsLine.arg(refills).arg(date.left(6) + QStringLiteral("2027"))
                      : refillsLine.contains(QLatin1String("%1")) ? refillsLine.arg(refills)
                                                                  : refillsLine;
        // Prescriber: "Dr. NAME", "Doctor: NAME", "Prescribed by: NAME", "NAME MD", "PRESCRIBER:
        // LAST, FIRST".
        const int prStyle = int(rng.bounded(5));
        const QString prName =
            prStyle == 4
                ? QStringLiteral("%1, %2").arg(prescriber.section(QLatin1Char(' '), 1).toUpper(),
                                               prescriber.section(QLatin1Char(' '), 0, 0).toUpper())
            : mixed ? prescriber
                    : (rng.bounded(2) ? prescriber.toUpper() : prescriber);
        const QString prKey =
            spanish ? QStringList{QStringLiteral("Dr. "), QStringLiteral("M\u00e9dico: "),
                                  QStringLiteral("Recetado por: "), QString(),
                                  QStringLiteral("M\u00c9DICO: ")}[prStyle]
                    : QStringList{QStringLiteral("Dr. "), QStringLiteral("Doctor: "),
                                  QStringLiteral("Prescribed by: "), QString(),
                                  QStringLiteral("PRESCRIBER: ")}[prStyle];
        const QString prescriberLine =
            prKey + prName + (prStyle == 3 ? QStringLiteral(" MD") : QString());

        LabelText text;
        text.layout = tmpl == QLatin1String("drug-first") || (liquid && rng.bounded(2))
                          ? LabelLayout::DrugFirst
                      : tmpl == QLatin1String("compact") || tmpl == QLatin1String("mfr-prefix")
                          ? LabelLayout::Compact
                          : LabelLayout::Classic;
        const QString pharmacy = QLatin1String(pick(rng, kBottlePharmacies));
        text.pharmacyLine = text.layout == LabelLayout::DrugFirst
                                ? pharmacy.section(QStringLiteral("  "), 0, 0)
                                : pharmacy;
        text.bandColour = QColor::fromHsv(int(rng.bounded(360)), 200, 120);
        text.rxLine = QStringList{QStringLiteral("RX# %1"), QStringLiteral("Rx: %1"),
                                  QStringLiteral("RX %1")}[int(rng.bounded(3))]
                          .arg(1000000 + rng.bounded(8999999));
        text.dateLine =
            QStringList{QStringLiteral("Fill date %1"), QStringLiteral("DATE FILLED: %1"),
                        QStringLiteral("Filled: %1")}[int(rng.bounded(3))]
                .arg(date);
        text.patientLine = mixed ? patient : patient.toUpper();
        text.drugLine = drugLine;
        text.directions = directions;
        text.quantityLine = qtyKey + quantity;
        text.refillsLine = refillsLine;
        text.prescriberLine = prescriberLine;
        text.extraLines.append(
            QStringLiteral("MFR: %1   Discard after %2")
                .arg(QLatin1String(pick(rng, kMfrs)), date.left(6) + QStringLiteral("2027")));
        if (liquid)
            text.extraLines.append(QStringLiteral("SHAKE WELL. KEEP IN REFRIGERATOR."));
        const char *warning = pick(rng, kWarnings);
        text.extraLines.append(QLatin1String(warning));
        if (spanish) {
            // Same draws as the English label, so one seed gives twin photos.
            const auto w = size_t(std::find(std::begin(kWarnings), std::end(kWarnings), warning) -
                                  std::begin(kWarnings));
            text.extraLines = {
                QStringLiteral("FAB: %1   Desechar despu\u00e9s de %2")
                    .arg(QLatin1String(kMfrs[0]), date.left(6) + QStringLiteral("2027")),
                QString::fromUtf8(kWarningsEs[w])};
            text.pharmacyLine = QStringLiteral("FARMACIA ") +
                                QString(text.pharmacyLine).remove(QStringLiteral(" PHARMACY"));
            text.rxLine = QStringLiteral("RECETA # ") + text.rxLine.section(QLatin1Char(' '), -1);
            // Day first, as Spanish labels write dates.
            text.dateLine = QStringLiteral("FECHA: %1/%2/2026").arg(date.mid(3, 2), date.left(2));
        }
        if (mixed)
            for (QString &l : text.extraLines)
                l = sentence(l);
        const RenderedLabel label = BottlePhoto::renderLabel(text);

        BottleShot shot;
        const int o = int(rng.bounded(20));
        shot.exifOrientation = o < 14 ? 6 : o < 16 ? 1 : o < 18 ? 3 : 8;
        const QSize size = shot.exifOrientation == 6 && rng.bounded(3)
                               ? QSize(4032, 1816)
                               : sizes[int(rng.bounded(int(std::size(sizes))))];
        // Phones store landscape pixels for a portrait shot (6, 8); orientation 1 is either way up.
        const bool portraitStored = shot.exifOrientation == 1 && rng.bounded(2);
        shot.width = portraitStored ? size.height() : size.width();
        shot.height = portraitStored ? size.width() : size.height();
        shot.samsungTrailer = rng.bounded(10) < 6;
        shot.curvature = 0.3 + 0.7 * rng.generateDouble();
        shot.labelTurnDeg = (rng.generateDouble() - 0.5) * 24;
        shot.tiltDeg = (rng.generateDouble() - 0.5) * 30;
        shot.elevationDeg = 8 + 20 * rng.generateDouble();
        shot.amber = rng.bounded(10) < 9;
        shot.hand = rng.bounded(4) != 0;
        shot.jpegQuality = 85 + int(rng.bounded(11));
        shot.seed = rng.generate();

        const QString base = out.filePath(QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0')));
        QFile jpg(base + QStringLiteral(".jpg"));
        if (!jpg.open(QIODevice::WriteOnly) ||
            jpg.write(BottlePhoto::encodeJpeg(BottlePhoto::photograph(label.image, shot), shot)) <
                0) {
            std::fprintf(stderr, "rx_synth: error: cannot write %s\n", qPrintable(jpg.fileName()));
            return 1;
        }

        // Ground truth as the real set writes it: verbatim, "…" where the curve hides text.
        const auto span = BottlePhoto::legibleSpan(label.image.width(), shot);
        const int strengthAt = int(drugLine.indexOf(strength, name.size()));
        const int qtyAt = int(text.quantityLine.size() - quantity.size());
        const int prAt = int(prKey.size());
        QJsonObject truth;
        truth.insert(QStringLiteral("medication_name"),
                     visibleField(label, QStringLiteral("drug"), 0, int(name.size()), span));
        truth.insert(QStringLiteral("strength"),
                     visibleField(label, QStringLiteral("drug"), strengthAt,
                                  strengthAt + int(strength.size()), span));
        truth.insert(QStringLiteral("directions"), visibleField(label, QStringLiteral("directions"),
                                                                0, int(directions.size()), span));
        truth.insert(QStringLiteral("prescriber"),
                     visibleField(label, QStringLiteral("prescriber"), prAt,
                                  prAt + int(prName.size()), span));
        truth.insert(QStringLiteral("quantity"),
                     visibleField(label, QStringLiteral("quantity"), qtyAt,
                                  int(text.quantityLine.size()), span));
        truth.insert(QStringLiteral("readable_by_human"), true);
        truth.insert(
            QStringLiteral("notes"),
            QStringLiteral("Synthetic (rx_synth --bottles): %1 label, curvature %2, label turned "
                           "%3 deg, tilt %4 deg, %5%6, invented names.")
                .arg(tmpl)
                .arg(shot.curvature, 0, 'f', 2)
                .arg(shot.labelTurnDeg, 0, 'f', 0)
                .arg(shot.tiltDeg, 0, 'f', 0)
                .arg(shot.amber ? QStringLiteral("amber vial") : QStringLiteral("white bottle"),
                     shot.hand ? QStringLiteral(" in a hand") : QStringLiteral(" on a table")));
        truth.insert(QStringLiteral("pixel_size"),
                     QStringLiteral("%1x%2").arg(shot.width).arg(shot.height));
        truth.insert(QStringLiteral("exif_orientation"), shot.exifOrientation);
        truth.insert(QStringLiteral("displayed_size"), QStringLiteral("%1x%2")
                                                           .arg(shot.uprightSize().width())
                                                           .arg(shot.uprightSize().height()));
        truth.insert(QStringLiteral("samsung_trailer"), shot.samsungTrailer);
        truth.insert(
            QStringLiteral("conventions"),
            QStringLiteral(
                "\"…\" marks text cut off by the bottle curve (compare by prefix/substring); "
                "fields not visible are null; text is verbatim incl. case"));
        truth.insert(QStringLiteral("_template"), tmpl);
        truth.insert(QStringLiteral("_printed"),
                     QJsonObject{{QStringLiteral("drug"), drugLine},
                                 {QStringLiteral("directions"), directions},
                                 {QStringLiteral("quantity"), text.quantityLine},
                                 {QStringLiteral("refills"), refillsLine},
                                 {QStringLiteral("prescriber"), prescriberLine}});
        QFile f(base + QStringLiteral(".json"));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(truth).toJson()) < 0) {
            std::fprintf(stderr, "rx_synth: error: cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
    }
    std::printf("wrote %d bottle photos to %s\n", count, qPrintable(out.path()));
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("--bottles"))
        return writeBottles(QDir(args[2]), args[3].toInt(), args.size() > 4 ? args[4].toUInt() : 7u,
                            false);
    if (args.size() >= 4 && args[1] == QLatin1String("--bottles-es"))
        return writeBottles(QDir(args[2]), args[3].toInt(), args.size() > 4 ? args[4].toUInt() : 7u,
                            true);
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: rx_synth OUTPUT_DIR COUNT [SEED]\n"
                             "       rx_synth --bottles OUTPUT_DIR COUNT [SEED]\n"
                             "       rx_synth --bottles-es OUTPUT_DIR COUNT [SEED]\n");
        return 2;
    }
    const QDir out(args[1]);
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "rx_synth: error: cannot create %s\n", qPrintable(out.path()));
        return 1;
    }
    const int count = args[2].toInt();
    QRandomGenerator rng(args.size() > 3 ? args[3].toUInt() : 7u);

    for (int n = 0; n < count; ++n) {
        const int layout = n % 3; // 0 retail drug-first, 1 two-column, 2 pad
        const int level = (n / 3) % 3;
        const Drug &drug = pick(rng, kDrugs);
        const Sig &sig = pick(rng, kSigs);
        const QString patient = name(rng);
        const QString prescriber = name(rng);
        const QString title = QLatin1String(pick(rng, kTitles));
        const QString pharmacy = QLatin1String(pick(rng, kPharmacies));
        const int quantity = 10 * (1 + int(rng.bounded(9)));
        const int refills = int(rng.bounded(6));
        const QString rxNumber = QString::number(1000000 + rng.bounded(8999999));
        const int month = 1 + int(rng.bounded(12)), day = 1 + int(rng.bounded(28));
        const QString date = QStringLiteral("%1/%2/2026")
                                 .arg(month, 2, 10, QLatin1Char('0'))
                                 .arg(day, 2, 10, QLatin1Char('0'));
        const QString form = QLatin1String(drug.form);
        const QString formPlural = form + QLatin1Char('s');

        const QSize size = layout == 2 ? QSize(1000, 1300) : QSize(1400, 760);
        QImage label(size, QImage::Format_RGB888);
        label.fill(QColor(250, 250, 246));
        QPainter p(&label);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        auto text = [&](int x, int y, int px, bool bold, const QString &s,
                        const QString &family = QStringLiteral("DejaVu Sans")) {
            QFont f(family);
            f.setPixelSize(px);
            f.setBold(bold);
            p.setFont(f);
            p.drawText(x, y, s);
        };
        p.setPen(QColor(20, 20, 25));
        if (layout == 0) {
            text(60, 80, 40, true,
                 QStringLiteral("%1 %2 %3")
                     .arg(QString::fromLatin1(drug.name).toUpper(),
                          QString::fromLatin1(drug.strength).toUpper(), formPlural.toUpper()));
            text(60, 150, 30, false, QLatin1String(sig.printed));
            text(60, 230, 28, false, QStringLiteral("For: %1").arg(patient));
            text(60, 290, 26, false, QStringLiteral("Rx: %1").arg(rxNumber));
            text(700, 290, 26, false, QStringLiteral("Filled: %1").arg(date));
            text(60, 350, 26, false, QStringLiteral("Quantity: %1").arg(quantity));
            text(700, 350, 26, false, QStringLiteral("Refills: %1").arg(refills));
            text(60, 410, 26, false, QStringLiteral("Prescribed by: Dr. %1").arg(prescriber));
            p.fillRect(0, 600, size.width(), 160, QColor(30, 70, 140));
            p.setPen(Qt::white);
            text(60, 690, 44, true, pharmacy.toUpper());
        } else if (layout == 1) {
            p.setPen(QColor(120, 20, 20));
            text(50, 70, 38, true, pharmacy);
            p.setPen(QColor(20, 20, 25));
            p.drawLine(50, 95, 1350, 95);
            text(50, 160, 30, true, patient.toUpper());
            text(50, 230, 34, true,
                 QStringLiteral("%1 %2 %3")
                     .arg(QLatin1String(drug.name), QLatin1String(drug.strength), form));
            text(50, 300, 28, false, QLatin1String(sig.printed));
            text(980, 160, 24, false, QStringLiteral("Rx # %1").arg(rxNumber));
            text(980, 220, 24, false, QStringLiteral("Date: %1").arg(date));
            text(980, 280, 24, false, QStringLiteral("Qty: %1").arg(quantity));
            text(980, 340, 24, false, QStringLiteral("Refills: %1").arg(refills));
            text(50, 420, 24, false, QStringLiteral("Prescriber: %1, %2").arg(prescriber, title));
        } else {
            text(70, 100, 44, false, QStringLiteral("%1, %2").arg(prescriber, title),
                 QStringLiteral("DejaVu Serif"));
            text(70, 150, 22, false,
                 QStringLiteral("Internal Medicine  -  22 River Rd, Salem, OR"));
            p.drawLine(70, 180, 930, 180);
            text(70, 240, 28, false, QStringLiteral("Name: %1").arg(patient));
            text(620, 240, 28, false, QStringLiteral("Date: %1").arg(date));
            text(70, 340, 60, false, QStringLiteral("Rx"), QStringLiteral("DejaVu Serif"));
            text(90, 430, 36, false,
                 QStringLiteral("%1 %2 %3")
                     .arg(QLatin1String(drug.name), QLatin1String(drug.strength), formPlural),
                 QStringLiteral("DejaVu Serif"));
            text(90, 500, 28, false, QStringLiteral("Sig: %1").arg(QLatin1String(sig.printed)));
            text(90, 560, 28, false, QStringLiteral("Disp: #%1").arg(quantity));
            text(90, 620, 28, false, QStringLiteral("Refills: %1").arg(refills));
        }
        p.end();

        // Software camera: place the label on a coloured surface with perspective and light.
        cv::Mat flat(label.height(), label.width(), CV_8UC3, const_cast<uchar *>(label.constBits()),
                     size_t(label.bytesPerLine()));
        cv::Mat bgr;
        cv::cvtColor(flat, bgr, cv::COLOR_RGB2BGR);
        const int W = 1600, H = 1200;
        cv::Mat photo(
            H, W, CV_8UC3,
            cv::Scalar(40 + rng.bounded(120), 40 + rng.bounded(120), 40 + rng.bounded(120)));
        cv::Mat texture(H, W, CV_8UC3);
        cv::randn(texture, cv::Scalar::all(0), cv::Scalar::all(18));
        cv::add(photo, texture, photo);
        const double jitter = 0.04 + 0.05 * level;
        const double scale = std::min((W * 0.8) / bgr.cols, (H * 0.8) / bgr.rows);
        const cv::Point2f c(W / 2.0f, H / 2.0f);
        const float hw = float(bgr.cols * scale / 2), hh = float(bgr.rows * scale / 2);
        const double angle = (rng.generateDouble() - 0.5) * (0.1 + 0.25 * level);
        auto corner = [&](float x, float y) {
            const float jx = float((rng.generateDouble() - 0.5) * 2 * jitter * hw),
                        jy = float((rng.generateDouble() - 0.5) * 2 * jitter * hh);
            const float rx = float(x * std::cos(angle) - y * std::sin(angle)),
                        ry = float(x * std::sin(angle) + y * std::cos(angle));
            return cv::Point2f(c.x + rx + jx, c.y + ry + jy);
        };
        const cv::Point2f src[4] = {
            {0, 0}, {float(bgr.cols), 0}, {float(bgr.cols), float(bgr.rows)}, {0, float(bgr.rows)}};
        const cv::Point2f dst[4] = {corner(-hw, -hh), corner(hw, -hh), corner(hw, hh),
                                    corner(-hw, hh)};
        cv::Mat mask(bgr.size(), CV_8UC1, cv::Scalar(255)), warpedMask, warped;
        const cv::Mat m = cv::getPerspectiveTransform(src, dst);
        cv::warpPerspective(bgr, warped, m, photo.size());
        cv::warpPerspective(mask, warpedMask, m, photo.size());
        warped.copyTo(photo, warpedMask);
        // Uneven light: a gradient across the frame, dimmer at higher levels.
        cv::Mat light(H, W, CV_32F);
        const double dim = 1.0 - 0.18 * level - 0.1 * rng.generateDouble();
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x)
                light.at<float>(y, x) =
                    float(dim * (0.75 + 0.25 * (double(x) / W + double(y) / H)));
        cv::Mat photoF;
        photo.convertTo(photoF, CV_32FC3);
        std::vector<cv::Mat> ch;
        cv::split(photoF, ch);
        for (auto &k : ch)
            k = k.mul(light);
        cv::merge(ch, photoF);
        if (level >= 1 && rng.bounded(2)) {
            // A soft glare spot away from the main text.
            cv::Mat glare(H, W, CV_32FC3, cv::Scalar::all(0));
            cv::circle(glare, cv::Point(int(W * 0.75), int(H * 0.7)), 90, cv::Scalar::all(110),
                       cv::FILLED);
            cv::GaussianBlur(glare, glare, cv::Size(0, 0), 40);
            photoF += glare;
        }
        photoF.convertTo(photo, CV_8UC3);
        const double blur = 0.6 + 0.5 * level;
        cv::GaussianBlur(photo, photo, cv::Size(0, 0), blur);
        cv::Mat noise(H, W, CV_8UC3);
        cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(4 + 4 * level));
        cv::add(photo, noise, photo);
        const QString base = out.filePath(QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0')));
        cv::imwrite((base + QStringLiteral(".jpg")).toStdString(), photo,
                    {cv::IMWRITE_JPEG_QUALITY, 80 - 10 * level});

        QJsonObject truth;
        truth.insert(QStringLiteral("medication_name"), QLatin1String(drug.name));
        truth.insert(QStringLiteral("dosage"), QLatin1String(drug.strength));
        truth.insert(QStringLiteral("dosage_form"), form);
        truth.insert(QStringLiteral("schedule"), QLatin1String(sig.schedule));
        truth.insert(QStringLiteral("times_per_day"),
                     sig.timesPerDay ? QJsonValue(sig.timesPerDay) : QJsonValue());
        truth.insert(QStringLiteral("as_needed"), sig.asNeeded);
        truth.insert(QStringLiteral("instructions"), QLatin1String(sig.expanded));
        truth.insert(QStringLiteral("printed_sig"), QLatin1String(sig.printed));
        truth.insert(QStringLiteral("prescriber"), prescriber);
        truth.insert(QStringLiteral("quantity"), quantity);
        truth.insert(QStringLiteral("refills"), refills);
        truth.insert(QStringLiteral("rx_number"),
                     layout == 2 ? QJsonValue() : QJsonValue(rxNumber));
        truth.insert(QStringLiteral("pharmacy"), layout == 2 ? QJsonValue() : QJsonValue(pharmacy));
        truth.insert(QStringLiteral("patient"), patient);
        truth.insert(QStringLiteral("date"), QStringLiteral("2026-%1-%2")
                                                 .arg(month, 2, 10, QLatin1Char('0'))
                                                 .arg(day, 2, 10, QLatin1Char('0')));
        truth.insert(QStringLiteral("_template"),
                     QStringList{QStringLiteral("retail"), QStringLiteral("two-column"),
                                 QStringLiteral("pad")}[layout]);
        truth.insert(QStringLiteral("_level"), level);
        QFile f(base + QStringLiteral(".json"));
        if (!f.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "rx_synth: error: cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
        f.write(QJsonDocument(truth).toJson());
    }
    std::printf("wrote %d photos to %s\n", count, qPrintable(out.path()));
    return 0;
}
