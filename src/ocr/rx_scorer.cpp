#include "ocr/rx_scorer.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace kiosk::ocr {

QString RxScorer::normalise(const QString &text) {
    QString s = text.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9%/. ]")), QStringLiteral(" "));
    s.replace(QRegularExpression(QStringLiteral("(?<![0-9])\\.|\\.(?![0-9])")),
              QStringLiteral(" "));
    return s.simplified();
}

double RxScorer::wordSimilarity(const QString &a, const QString &b) {
    const QStringList x = normalise(a).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList y = normalise(b).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (x.isEmpty() && y.isEmpty())
        return 1.0;
    if (x.isEmpty() || y.isEmpty())
        return 0.0;
    std::vector<std::vector<int>> lcs(size_t(x.size()) + 1,
                                      std::vector<int>(size_t(y.size()) + 1, 0));
    for (qsizetype i = 1; i <= x.size(); ++i)
        for (qsizetype j = 1; j <= y.size(); ++j)
            lcs[size_t(i)][size_t(j)] =
                x[i - 1] == y[j - 1]
                    ? lcs[size_t(i - 1)][size_t(j - 1)] + 1
                    : std::max(lcs[size_t(i - 1)][size_t(j)], lcs[size_t(i)][size_t(j - 1)]);
    return 2.0 * lcs[size_t(x.size())][size_t(y.size())] / double(x.size() + y.size());
}

namespace {

QString valueString(const QJsonValue &v) {
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

QSet<QString> nameWords(const QString &name) {
    static const QSet<QString> titles = {
        QStringLiteral("dr"), QStringLiteral("md"), QStringLiteral("do"),  QStringLiteral("np"),
        QStringLiteral("pa"), QStringLiteral("c"),  QStringLiteral("pa-c")};
    QSet<QString> words;
    for (const QString &w : RxScorer::normalise(name).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!titles.contains(w))
            words.insert(w);
    return words;
}

} // namespace

bool RxScorer::fieldRight(const QString &field, const QJsonValue &got, const QJsonObject &truth) {
    const QString g = valueString(got);
    const QString t = valueString(truth.value(field));
    if (field == QLatin1String("dosage"))
        return normalise(g).remove(QLatin1Char(' ')) == normalise(t).remove(QLatin1Char(' '));
    if (field == QLatin1String("prescriber"))
        return nameWords(g) == nameWords(t);
    if (field == QLatin1String("instructions")) {
        const double best =
            std::max(wordSimilarity(g, t),
                     wordSimilarity(g, valueString(truth.value(QStringLiteral("printed_sig")))));
        return best >= 0.9;
    }
    return normalise(g) == normalise(t);
}

QMap<QString, RxScorer::FieldScore> RxScorer::score(const QJsonObject &reading,
                                                    const QJsonObject &truth) {
    QMap<QString, FieldScore> out;
    const QJsonArray review = reading.value(QStringLiteral("needs_review")).toArray();
    const QJsonObject confidence = reading.value(QStringLiteral("confidence")).toObject();
    for (const QString &field : Prescription::allFields()) {
        if (!truth.contains(field))
            continue;
        FieldScore s;
        s.right = !reading.contains(QStringLiteral("error")) &&
                  fieldRight(field, reading.value(field), truth);
        s.flagged = review.contains(field) || confidence.value(field).toDouble(0.0) < 0.5;
        out.insert(field, s);
    }
    return out;
}

void RxScorer::Totals::add(const QMap<QString, FieldScore> &scores, bool error) {
    ++images;
    if (error)
        ++errors;
    bool whole = true;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        if (it->right)
            right[it.key()] += 1;
        else
            right[it.key()] += 0;
        if (!Prescription::coreFields().contains(it.key()))
            continue;
        whole = whole && it->right;
        if (!it->right && !it->flagged)
            ++silentErrors;
        if (it->right && it->flagged)
            ++flaggedRight;
    }
    if (whole)
        ++wholeRecords;
}

} // namespace kiosk::ocr
