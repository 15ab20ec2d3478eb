#include "aibrain/answer_normalizer.h"

#include "meds/dosage_strength.h"
#include "ocr/field_parser.h"
#include "ocr/sig_normalizer.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace kiosk::aibrain {

namespace {

using ocr::Prescription;

const QString kName = QStringLiteral("medication_name");
const QString kDosage = QStringLiteral("dosage");
const QString kForm = QStringLiteral("dosage_form");
const QString kSchedule = QStringLiteral("schedule");
const QString kTimes = QStringLiteral("times_per_day");
const QString kAsNeeded = QStringLiteral("as_needed");
const QString kInstructions = QStringLiteral("instructions");
const QString kPrescriber = QStringLiteral("prescriber");
const QString kQuantity = QStringLiteral("quantity");
const QString kRefills = QStringLiteral("refills");
const QString kRxNumber = QStringLiteral("rx_number");
const QString kPharmacy = QStringLiteral("pharmacy");
const QString kPatient = QStringLiteral("patient");
const QString kDate = QStringLiteral("date");

// Reads typed values out of the answer; anything present but unusable is remembered as invalid.
class FieldReader {
public:
    explicit FieldReader(const QJsonObject &o)
        : m_o(o) {}

    QString text(const QString &field, int maxChars, bool numbersAllowed = false) {
        const QJsonValue v = m_o.value(field);
        if (v.isUndefined() || v.isNull())
            return {};
        if (v.isString()) {
            const QString s = v.toString();
            if (s.size() > maxChars) {
                invalid.append(field);
                return {};
            }
            return AnswerNormalizer::printable(s, maxChars);
        }
        if (numbersAllowed && v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= 0 &&
            v.toDouble() < 1e15 && std::floor(v.toDouble()) == v.toDouble())
            return QString::number(qint64(v.toDouble()));
        invalid.append(field);
        return {};
    }

    std::optional<int> integer(const QString &field, int min, int max) {
        const QJsonValue v = m_o.value(field);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        double d = std::nan("");
        if (v.isDouble()) {
            d = v.toDouble();
        } else if (v.isString() && v.toString().size() <= 12) {
            bool ok = false;
            const int parsed = v.toString().trimmed().toInt(&ok);
            if (ok)
                d = parsed;
        }
        if (!std::isfinite(d) || std::floor(d) != d || d < min || d > max) {
            invalid.append(field);
            return std::nullopt;
        }
        return int(d);
    }

    std::optional<bool> boolean(const QString &field) {
        const QJsonValue v = m_o.value(field);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isBool())
            return v.toBool();
        const QString s = v.isString() ? v.toString().trimmed().toLower() : QString();
        if (s == QLatin1String("true") || s == QLatin1String("yes"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("no"))
            return false;
        invalid.append(field);
        return std::nullopt;
    }

    QStringList invalid;

private:
    const QJsonObject &m_o;
};

// Per-field confidence from the answer: {"field": 0.9, ...} or one number for all fields.
class ConfidenceReader {
public:
    explicit ConfidenceReader(const QJsonValue &v) {
        if (v.isObject())
            m_perField = v.toObject();
        else if (v.isDouble() && std::isfinite(v.toDouble()))
            m_all = std::clamp(v.toDouble(), 0.0, 1.0);
    }
    double of(const QString &field) const {
        const QJsonValue v = m_perField.value(field);
        if (v.isDouble() && std::isfinite(v.toDouble()))
            return std::clamp(v.toDouble(), 0.0, 1.0);
        return m_all.value_or(AnswerNormalizer::kDefaultConfidence);
    }

private:
    QJsonObject m_perField;
    std::optional<double> m_all;
};

bool looksLikePersonName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral(
        "^[A-Za-z][A-Za-z'\\-]+(?:\\s+[A-Za-z]\\.?)?(?:\\s+[A-Za-z][A-Za-z'\\-]+){1,2}$"));
    return pattern.match(name).hasMatch();
}

// Words of a drug name that are part of the name (not a strength, unit or dose form).
int nameWordCount(const QString &name) {
    static const QRegularExpression notName(
        QStringLiteral(
            "^(?:[0-9.,/"
            "%-]+.*|mg|mcg|g|ml|units?|iu|tabs?|tablets?|caps?|capsules?|solution|suspension|"
            "cream|ointment|oral|by|mouth)$"),
        QRegularExpression::CaseInsensitiveOption);
    int n = 0;
    for (const QString &w : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        n += notName.match(w).hasMatch() ? 0 : 1;
    return n;
}

QString isoDate(const QString &text) {
    QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid()) {
        static const QRegularExpression us(
            QStringLiteral("^(\\d{1,2})[/\\-.](\\d{1,2})[/\\-.](\\d{4})$"));
        if (const auto m = us.match(text); m.hasMatch())
            d = QDate(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
    }
    return d.isValid() && d.year() >= 1900 && d.year() <= 2200 ? d.toString(Qt::ISODate)
                                                               : QString();
}

QString singularForm(const QString &form) {
    QString f = form.toLower();
    static const QMap<QString, QString> abbreviations = {
        {QStringLiteral("tab"), QStringLiteral("tablet")},
        {QStringLiteral("tabs"), QStringLiteral("tablet")},
        {QStringLiteral("cap"), QStringLiteral("capsule")},
        {QStringLiteral("caps"), QStringLiteral("capsule")},
        {QStringLiteral("gtts"), QStringLiteral("drop")},
        {QStringLiteral("drops"), QStringLiteral("drop")}};
    if (abbreviations.contains(f))
        return abbreviations.value(f);
    if (f.size() > 4 && f.endsWith(QLatin1Char('s')) && !f.endsWith(QLatin1String("ss")))
        f.chop(1);
    return f;
}

} // namespace

AnswerNormalizer::AnswerNormalizer(const ocr::DrugLexicon &lexicon)
    : m_lexicon(lexicon) {}

QString AnswerNormalizer::printable(const QString &text, int maxChars) {
    QString s;
    s.reserve(std::min<qsizetype>(text.size(), maxChars));
    for (const QChar c : text) {
        if (s.size() >= maxChars)
            break;
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format ||
            category == QChar::Other_Surrogate || category == QChar::Other_NotAssigned ||
            category == QChar::Other_PrivateUse)
            s.append(QLatin1Char(' '));
        else
            s.append(c);
    }
    return s.simplified();
}

QString AnswerNormalizer::errorDetail(const QByteArray &body) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body.left(kMaxAnswerBytes), &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject() &&
        doc.object().contains(QStringLiteral("detail"))) {
        const QJsonValue detail = doc.object().value(QStringLiteral("detail"));
        if (detail.isString())
            return printable(detail.toString(), kMaxDetailChars);
        if (detail.isArray()) {
            // FastAPI validation errors: [{"loc": ["body", "file"], "msg": "field required", ...}]
            QStringList parts;
            for (const QJsonValue &item : detail.toArray()) {
                const QJsonObject o = item.toObject();
                QString msg = o.value(QStringLiteral("msg")).toString();
                const QJsonArray loc = o.value(QStringLiteral("loc")).toArray();
                if (!loc.isEmpty() && loc.last().isString())
                    msg = loc.last().toString() + QStringLiteral(": ") + msg;
                if (!msg.isEmpty())
                    parts.append(msg);
                if (parts.size() >= 3)
                    break;
            }
            if (!parts.isEmpty())
                return printable(parts.join(QStringLiteral("; ")), kMaxDetailChars);
        }
        return printable(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("detail"), detail}})
                                  .toJson(QJsonDocument::Compact)),
            kMaxDetailChars);
    }
    // No FastAPI detail: a proxy's HTML page or plain text; keep its gist, without markup.
    QString text = QString::fromUtf8(body.left(4096));
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return printable(text, 120);
}

AnswerNormalizer::Outcome AnswerNormalizer::fromBody(const QByteArray &body) const {
    Outcome out;
    if (body.size() > kMaxAnswerBytes) {
        out.error = QStringLiteral("AI Brain's answer is too large (%1 bytes, at most %2)")
                        .arg(body.size())
                        .arg(kMaxAnswerBytes);
        return out;
    }
    if (body.trimmed().isEmpty()) {
        out.error = QStringLiteral("AI Brain answered with an empty body instead of JSON");
        return out;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.error = QStringLiteral("AI Brain's answer is not JSON (%1 at byte %2): \"%3\"")
                        .arg(parseError.errorString())
                        .arg(parseError.offset)
                        .arg(printable(QString::fromUtf8(body.left(60)), 40));
        return out;
    }
    if (!doc.isObject()) {
        out.error = QStringLiteral("AI Brain's answer is JSON but not an object");
        return out;
    }
    return fromObject(doc.object());
}

AnswerNormalizer::Outcome AnswerNormalizer::fromObject(const QJsonObject &answer) const {
    Outcome out;
    bool anyCore = false;
    for (const QString &field : Prescription::coreFields())
        anyCore = anyCore || answer.contains(field);
    if (!anyCore) {
        out.error = QStringLiteral("AI Brain's answer has none of the prescription fields (%1)")
                        .arg(Prescription::coreFields().join(QStringLiteral(", ")));
        return out;
    }

    FieldReader read(answer);
    const ConfidenceReader conf(answer.value(QStringLiteral("confidence")));
    Prescription &rx = out.prescription;
    // Fields the local checks could not vouch for get at most this, so they land in needs_review.
    constexpr double kDoubtful = 0.5;

    // Drug name: the lexicon's spelling when the answer names a known drug.
    if (const QString name = read.text(kName, kMaxFieldChars); !name.isEmpty()) {
        double c = conf.of(kName);
        const auto match = m_lexicon.bestMatch(name.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        if (match.isValid()) {
            rx.medicationName = m_lexicon.entries()[size_t(match.entry)].name;
            if (match.distance > 0)
                c = std::min(c, 0.9 - 0.12 * match.distance);
            // "Foo Aspirin" is not Aspirin: words the lexicon did not account for need a look.
            if (nameWordCount(name) > match.wordCount)
                c = std::min(c, 0.7);
        } else {
            rx.medicationName = name;
            c = std::min(c, kDoubtful);
        }
        rx.confidence.insert(kName, c);
    }

    // Strength: number and unit written the usual way.
    if (const QString dosage = read.text(kDosage, kMaxFieldChars); !dosage.isEmpty()) {
        double c = conf.of(kDosage);
        if (const auto strength = meds::DosageStrength::parse(dosage)) {
            rx.dosage = strength->display();
        } else {
            rx.dosage = dosage;
            c = std::min(c, kDoubtful);
        }
        rx.confidence.insert(kDosage, c);
    }

    if (const QString form = read.text(kForm, kMaxFieldChars); !form.isEmpty()) {
        rx.dosageForm = singularForm(form);
        rx.confidence.insert(kForm, conf.of(kForm));
    }

    // Directions as given; the plain-English expansion as the local reader makes it.
    rx.instructions = read.text(kInstructions, kMaxInstructionsChars);
    if (!rx.instructions.isEmpty()) {
        rx.instructionsPlain = ocr::SigNormalizer::expand(rx.instructions);
        rx.confidence.insert(kInstructions, conf.of(kInstructions));
    }

    // Schedule: the canonical phrase of the answer's schedule, checked against the directions.
    {
        const QString given = read.text(kSchedule, kMaxFieldChars);
        const auto fromSchedule = ocr::SigNormalizer::normalise(given);
        const auto fromSig = ocr::SigNormalizer::normalise(rx.instructions);
        double c = conf.of(kSchedule);
        ocr::SigNormalizer::Result chosen;
        if (!fromSchedule.schedule.isEmpty()) {
            chosen = fromSchedule;
            c *= fromSchedule.certainty;
            if (!fromSig.schedule.isEmpty() && fromSig.schedule != fromSchedule.schedule)
                c = std::min(c, kDoubtful); // the schedule and the directions disagree
        } else if (!fromSig.schedule.isEmpty()) {
            chosen = fromSig; // no usable schedule given: read it from the directions, but have it
                              // checked
            c = std::min(c * fromSig.certainty, 0.7);
        }
        if (!chosen.schedule.isEmpty()) {
            rx.schedule = chosen.schedule;
            rx.timesPerDay = chosen.timesPerDay;
            rx.asNeeded = chosen.asNeeded;
            double derived = c;
            // The answer's own times_per_day / as_needed must agree with its schedule.
            const auto times = read.integer(kTimes, 0, 24);
            const auto prn = read.boolean(kAsNeeded);
            if ((times && rx.timesPerDay && *times != *rx.timesPerDay) ||
                (prn && *prn != rx.asNeeded))
                derived = c = std::min(c, kDoubtful);
            rx.confidence.insert(kSchedule, c);
            rx.confidence.insert(kTimes, derived);
            rx.confidence.insert(kAsNeeded, std::min(0.99, derived + 0.05));
        } else if (!given.isEmpty()) {
            read.invalid.append(kSchedule); // not one of the schedules the kiosk knows
        }
    }

    // Prescriber: titles and credentials removed by the local parser's own rules.
    if (const QString prescriber = read.text(kPrescriber, kMaxFieldChars); !prescriber.isEmpty()) {
        double c = conf.of(kPrescriber);
        const ocr::FieldParser parser(m_lexicon);
        const QString stripped =
            parser.parseText(QStringLiteral("Prescriber: ") + prescriber).prescriber;
        rx.prescriber = stripped.isEmpty() ? prescriber : stripped;
        if (stripped.isEmpty() || !looksLikePersonName(rx.prescriber))
            c = std::min(c, kDoubtful);
        rx.confidence.insert(kPrescriber, c);
    }

    if (const auto q = read.integer(kQuantity, 0, 100000)) {
        rx.quantity = q;
        rx.confidence.insert(kQuantity, conf.of(kQuantity));
    }
    if (const auto r = read.integer(kRefills, 0, 99)) {
        rx.refills = r;
        rx.confidence.insert(kRefills, conf.of(kRefills));
    }
    if (const QString number = read.text(kRxNumber, 30, true); !number.isEmpty()) {
        rx.rxNumber = number;
        rx.confidence.insert(kRxNumber, conf.of(kRxNumber));
    }
    if (const QString pharmacy = read.text(kPharmacy, kMaxFieldChars); !pharmacy.isEmpty()) {
        rx.pharmacy = pharmacy;
        rx.confidence.insert(kPharmacy, conf.of(kPharmacy));
    }
    if (const QString patient = read.text(kPatient, kMaxFieldChars); !patient.isEmpty()) {
        rx.patient = patient;
        rx.confidence.insert(kPatient, conf.of(kPatient));
    }
    if (const QString date = read.text(kDate, kMaxFieldChars); !date.isEmpty()) {
        rx.date = isoDate(date);
        if (rx.date.isEmpty())
            read.invalid.append(kDate);
        else
            rx.confidence.insert(kDate, conf.of(kDate));
    }
    out.rawText = read.text(QStringLiteral("raw_text"), kMaxRawTextChars);

    // Core fields always carry a confidence (0 when missing); doubtful, missing or unusable
    // fields need a person.
    for (const QString &field : Prescription::coreFields()) {
        if (rx.valueText(field).isEmpty())
            rx.confidence.insert(field, 0.0);
    }
    for (const QString &field : Prescription::allFields()) {
        const bool doubtful = rx.confidence.contains(field) &&
                              rx.confidence.value(field) < ocr::FieldParser::kReviewThreshold;
        if (doubtful || read.invalid.contains(field))
            rx.needsReview.append(field);
    }
    return out;
}

} // namespace kiosk::aibrain
