#include "ocr/run_together_splitter.h"

#include "ocr/drug_lexicon.h"
#include "ocr/ocr_data_path.h"

#include <QFile>
#include <QRegularExpression>

#include <limits>
#include <vector>

namespace kiosk::ocr {

namespace {

QStringList loadWords(const QString &path) {
    QStringList words;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return words;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString word = QString::fromUtf8(line).trimmed();
        if (!word.isEmpty() && !word.startsWith(QLatin1Char('#')))
            words.append(word);
    }
    return words;
}

// Punctuation that joins the pieces round it without a space: "SANDOZ-CEPHALEXIN", "Qty:28".
bool isGlue(QChar c) {
    return QStringLiteral(".-/,:#").contains(c);
}

} // namespace

QString RunTogetherSplitter::defaultWordsPath() {
    return ocrDataPath(QStringLiteral("label_words.txt"), nullptr,
                       QStringLiteral(KIOSK_OCR_RESOURCES_DIR));
}

RunTogetherSplitter::RunTogetherSplitter(const DrugLexicon &lexicon) {
    addWords(loadWords(defaultWordsPath()), lexicon);
}

RunTogetherSplitter::RunTogetherSplitter(const QStringList &words, const DrugLexicon &lexicon) {
    addWords(words, lexicon);
}

void RunTogetherSplitter::addWords(const QStringList &words, const DrugLexicon &lexicon) {
    static const QRegularExpression notLetters(QStringLiteral("[^a-z]+"));
    const auto add = [this](const QString &word) {
        if (word.size() >= 2) {
            m_words.insert(word);
            m_longest = std::max(m_longest, int(word.size()));
        }
    };
    for (const QString &w : words)
        add(w.toLower());
    // Drug names of three letters or more, each word of a multi-word name ("potassium",
    // "chloride").
    for (const auto &entry : lexicon.entries()) {
        for (const QString &part : entry.name.toLower().split(notLetters, Qt::SkipEmptyParts)) {
            if (part.size() >= 3)
                add(part);
        }
    }
}

QStringList RunTogetherSplitter::split(const QString &word) const {
    const int n = int(word.size());
    if (n < 6 || m_words.contains(word.toLower()))
        return {word};
    for (QChar c : word) {
        if (!c.isLetterOrNumber() && !isGlue(c))
            return {word};
    }
    // "1", "1/2", "0.5", "500MG", "600MG/5ML", "5ML": a number with its unit is one piece.
    static const QRegularExpression number(
        QStringLiteral("\\G\\d+(?:[.,/]\\d+)?(?:mcg|mg|ml|g|%)?(?:/\\d*(?:ml|mL|ML))?"),
        QRegularExpression::CaseInsensitiveOption);

    // Fewest unknown letters first, then fewest pieces (longer words beat short ones).
    constexpr int kUnknownCost = 1000;
    struct Step {
        int cost = std::numeric_limits<int>::max();
        int from = -1;
        enum Kind { Word, Glue, Unknown } kind = Word;
    };
    std::vector<Step> best(size_t(n) + 1);
    best[0].cost = 0;
    const QString lower = word.toLower();
    for (int i = 0; i < n; ++i) {
        if (best[size_t(i)].cost == std::numeric_limits<int>::max())
            continue;
        const int here = best[size_t(i)].cost;
        const auto reach = [&](int to, int cost, Step::Kind kind) {
            if (here + cost < best[size_t(to)].cost)
                best[size_t(to)] = {here + cost, i, kind};
        };
        if (isGlue(word.at(i)))
            reach(i + 1, 0, Step::Glue);
        for (int len = 2; len <= std::min(m_longest, n - i); ++len) {
            const QString piece = lower.mid(i, len);
            if (!piece.at(len - 1).isLetter())
                break;
            if (m_words.contains(piece))
                reach(i + len, 1, Step::Word);
        }
        if (const auto m = number.match(word, i); m.hasMatch() && m.capturedLength() > 0)
            reach(i + int(m.capturedLength()), 1, Step::Word);
        reach(i + 1, kUnknownCost, Step::Unknown);
    }
    if (best[size_t(n)].cost >= 2 * kUnknownCost)
        return {word}; // more than one letter nothing explains: a word this list does not know

    // Walk back; glue and an unknown letter join the piece before them (and glue the one after).
    std::vector<std::pair<int, Step::Kind>> cuts; // (start, kind), last first
    for (int at = n; at > 0; at = best[size_t(at)].from)
        cuts.emplace_back(best[size_t(at)].from, best[size_t(at)].kind);
    QStringList pieces;
    bool joinNext = false;
    for (auto it = cuts.rbegin(); it != cuts.rend(); ++it) {
        const int start = it->first;
        const int end = (it + 1 == cuts.rend()) ? n : (it + 1)->first;
        const QString text = word.mid(start, end - start);
        if (it->second == Step::Word && !joinNext) {
            pieces.append(text);
        } else if (pieces.isEmpty()) {
            pieces.append(text);
        } else {
            pieces.last() += text;
        }
        joinNext = it->second == Step::Glue;
    }
    return pieces;
}

OcrPage RunTogetherSplitter::apply(const OcrPage &page) const {
    OcrPage out;
    out.width = page.width;
    out.height = page.height;
    for (const OcrLine &line : page.lines) {
        OcrLine split;
        split.box = line.box;
        for (const OcrWord &word : line.words) {
            const QStringList pieces = this->split(word.text);
            if (pieces.size() == 1) {
                split.words.push_back(word);
                continue;
            }
            // Each piece gets the share of the box its letters take.
            const double perLetter =
                double(word.box.width()) / std::max<qsizetype>(1, word.text.size());
            double x = word.box.left();
            for (const QString &piece : pieces) {
                const double width = perLetter * piece.size();
                OcrWord w{piece, word.confidence,
                          QRect(int(std::lround(x)), word.box.top(),
                                std::max(1, int(std::lround(width))), word.box.height())};
                split.words.push_back(std::move(w));
                x += width;
            }
        }
        out.lines.push_back(std::move(split));
    }
    return out;
}

} // namespace kiosk::ocr
