#pragma once

#include "ocr/ocr_types.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace kiosk::ocr {

class DrugLexicon;

// Puts back the spaces a reader lost between printed words ("TAKE1TABLETBYMOUTH" -> "TAKE 1
// TABLET BY MOUTH", "SANDOZ-CEPHALEXIN500MGCAP"): condensed label type leaves word gaps no wider
// than letter gaps. A word is split only when known label words, drug names and numbers with
// their units cover all of it but one letter; anything else (a name, a word it does not know)
// stays as it was read.
class RunTogetherSplitter {
public:
    // Vocabulary: resources/ocr/label_words.txt and every name in the lexicon.
    explicit RunTogetherSplitter(const DrugLexicon &lexicon);
    RunTogetherSplitter(const QStringList &words, const DrugLexicon &lexicon);

    // The pieces of one word read (itself alone when it is not split).
    QStringList split(const QString &word) const;
    // Every word of every line split; the pieces share the word's box in proportion to their
    // letters, and its confidence.
    OcrPage apply(const OcrPage &page) const;

    static QString defaultWordsPath();

private:
    void addWords(const QStringList &words, const DrugLexicon &lexicon);

    QSet<QString> m_words; // lower case
    int m_longest = 0;
};

} // namespace kiosk::ocr
