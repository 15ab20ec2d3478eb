#include "ocr/drug_lexicon.h"
#include "ocr/label_language.h"
#include "ocr/ocr_data_path.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace kiosk::ocr {

namespace {

QString displayName(const QString &raw) {
    // Brands keep their printed capitals ("NovoLog"); generics are shown capitalised per word.
    QStringList words = raw.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (auto &w : words) {
        if (w == QLatin1String("and") || w == QLatin1String("with") || w == QLatin1String("de"))
            continue;
        if (w == w.toLower())
            w[0] = w[0].toUpper();
    }
    return words.join(QLatin1Char(' '));
}

// OCR confuses these shapes; matching maps them to letters so "0MEPRAZ0LE" still matches.
QChar ocrLetter(QChar c) {
    switch (c.unicode()) {
    case '0':
        return QLatin1Char('o');
    case '1':
        return QLatin1Char('l');
    case '5':
        return QLatin1Char('s');
    case '8':
        return QLatin1Char('b');
    case '|':
        return QLatin1Char('l');
    default:
        return c;
    }
}

} // namespace

QString DrugLexicon::matchKey(const QString &text) {
    QString key;
    key.reserve(text.size());
    for (QChar c : LabelLanguage::fold(text)) {
        c = ocrLetter(c);
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            key.append(c);
    }
    return key;
}

int DrugLexicon::editDistance(const QString &a, const QString &b, int limit) {
    const int n = int(a.size()), m = int(b.size());
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> prev(size_t(m) + 1), cur(size_t(m) + 1);
    for (int j = 0; j <= m; ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[size_t(j)] =
                std::min({prev[size_t(j)] + 1, cur[size_t(j) - 1] + 1, prev[size_t(j) - 1] + cost});
            rowMin = std::min(rowMin, cur[size_t(j)]);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(prev, cur);
    }
    return prev[size_t(m)];
}

bool DrugLexicon::loadText(const QString &text) {
    m_entries.clear();
    const auto lines = text.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList columns = line.split(QLatin1Char('\t'));
        const QString generic = displayName(columns.value(0));
        if (generic.isEmpty())
            continue;
        auto add = [&](const QString &name, bool brand) {
            Entry e;
            e.name = name;
            e.generic = generic;
            e.key = matchKey(name);
            e.words =
                int(name.split(QRegularExpression(QStringLiteral("[\\s-]+")), Qt::SkipEmptyParts)
                        .size());
            e.brand = brand;
            if (e.key.size() >= 3)
                m_entries.push_back(e);
        };
        add(generic, false);
        for (const QString &brand : columns.value(1).split(QLatin1Char('|'), Qt::SkipEmptyParts))
            add(brand.trimmed(), true);
        // The Spanish name is the same medicine under the name its label prints: shown as read.
        if (const QString spanish = displayName(columns.value(2)); !spanish.isEmpty())
            add(spanish, false);
    }
    return !m_entries.empty();
}

bool DrugLexicon::loadFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error =
                QStringLiteral("cannot read the drug lexicon %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!loadText(QString::fromUtf8(file.readAll()))) {
        if (error)
            *error = QStringLiteral("the drug lexicon %1 holds no names").arg(path);
        return false;
    }
    return true;
}

QString DrugLexicon::defaultPath() {
    return ocrDataPath(QStringLiteral("drug_lexicon.tsv"), "KIOSK_DRUG_LEXICON",
                       QStringLiteral(KIOSK_OCR_RESOURCES_DIR));
}

const DrugLexicon &DrugLexicon::shared() {
    static const DrugLexicon lexicon = [] {
        DrugLexicon l;
        l.loadFile(defaultPath());
        return l;
    }();
    return lexicon;
}

int DrugLexicon::genericOf(int entry) const {
    if (entry < 0 || entry >= int(m_entries.size()))
        return -1;
    const Entry &e = m_entries[size_t(entry)];
    if (!e.brand)
        return entry;
    const QString key = matchKey(e.generic);
    for (int i = 0; i < int(m_entries.size()); ++i)
        if (!m_entries[size_t(i)].brand && m_entries[size_t(i)].key == key)
            return i;
    return -1;
}

DrugLexicon::Match DrugLexicon::bestMatch(const QStringList &words, bool headMayBeLost) const {
    Match best;
    double bestScore = 0.0;
    int firstLettered = -1;
    for (int i = 0; i < words.size() && firstLettered < 0; ++i)
        if (matchKey(words[i]).size() >= 3)
            firstLettered = i;
    const auto consider = [&](const QString &joined, int first, int count, int extra) {
        // Long names tolerate more OCR slips; short ones must be nearly exact.
        const int limit = joined.size() <= 4    ? 0
                          : joined.size() <= 7  ? 1
                          : joined.size() <= 11 ? 2
                                                : 3;
        for (int i = 0; i < int(m_entries.size()); ++i) {
            const Entry &e = m_entries[size_t(i)];
            if (e.words != count && !(count == 1 && e.words == 1))
                continue;
            int d = editDistance(joined, e.key, limit);
            if (extra > 0 && d > limit && joined.size() >= 6) {
                // The head squeezed away: compare what is left, one edit for the loss.
                for (int j = 0; j <= 2; ++j)
                    for (int k = 0; k <= 2; ++k)
                        if ((j || k) && joined.size() - j >= 5 && e.key.size() - k >= 5)
                            d = std::min(d, editDistance(joined.mid(j), e.key.mid(k), limit) + 1);
            }
            if (d > limit)
                continue;
            const double similarity =
                1.0 - double(d) / double(std::max(joined.size(), e.key.size()));
            // Prefer exact, then longer (multi-word) names, then generics over brands.
            const double score = similarity + 0.01 * count + (e.brand ? 0.0 : 0.001);
            if (score > bestScore) {
                bestScore = score;
                best.entry = i;
                best.distance = d;
                best.firstWord = first;
                best.wordCount = count;
                best.similarity = similarity;
            }
        }
    };
    for (int first = 0; first < words.size(); ++first) {
        QString joined;
        const int extra = headMayBeLost && first == firstLettered ? 1 : 0;
        for (int count = 1; count <= 3 && first + count <= words.size(); ++count) {
            joined += matchKey(words[first + count - 1]);
            if (joined.size() < 3)
                continue;
            consider(joined, first, count, extra);
            const QString &word = words[first];
            const qsizetype dash = word.indexOf(QLatin1Char('-'));
            if (count == 1 && dash >= 2 && dash + 4 <= word.size()) {
                const QString afterPrefix = matchKey(word.mid(dash + 1));
                if (afterPrefix.size() >= 4)
                    consider(afterPrefix, first, 1, extra);
            }
        }
    }
    return best;
}

} // namespace kiosk::ocr
