#include "security/redaction.h"

#include <QRegularExpression>

namespace kiosk::security {
namespace {

const QString kMarker = QString::fromUtf16(kRedactedMarker);

// Every pattern that opens with a repeated character class is anchored by a lookbehind on that
// same class, so a match can only start at the beginning of a run: redact() stays linear on
// long or hostile input (tst_redaction checks 200 kB inputs).

// Rebuilds `text` with every match of `re` replaced by what `replacement(match)` returns.
template <typename Replacement>
QString replaceEach(const QString &text, const QRegularExpression &re, Replacement &&replacement) {
    auto it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.append(QStringView(text).mid(last, m.capturedStart() - last));
        out.append(replacement(m));
        last = m.capturedEnd();
    }
    out.append(QStringView(text).mid(last));
    return out;
}

QRegularExpression
re(const char *pattern,
   QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption) {
    QRegularExpression expression(QString::fromLatin1(pattern), options);
    Q_ASSERT_X(expression.isValid(), "redact", qPrintable(expression.errorString()));
    return expression;
}

const auto kCaseless = QRegularExpression::CaseInsensitiveOption;

// Key names whose value is a secret. A key may have any prefix ("AIBRAIN_TOKEN", "clientSecret").
#define KIOSK_SECRET_KEYS                                                                          \
    "(?:token|password|passwd|pwd|passphrase|secret|api[_-]?key|apikey|private[_-]?key|"           \
    "client[_-]?key[_-]?data|key[_-]?data|pin|credentials?|cookie|session[_-]?id)"

// A long word that is random-looking (a token, a key, a digest) rather than a name or a path.
bool looksRandom(QStringView word) {
    static const QRegularExpression uuid =
        re("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    if (word.size() == 36 && uuid.match(word.toString()).hasMatch())
        return false;
    bool digit = false, upper = false, lower = false;
    qsizetype chunk = 0, longestChunk = 0, alnum = 0, classChanges = 0;
    int previousClass = -1;
    for (const QChar c : word) {
        int charClass = -1;
        if (c.isDigit()) {
            digit = true;
            charClass = 0;
        } else if (c.isUpper()) {
            upper = true;
            charClass = 1;
        } else if (c.isLower()) {
            lower = true;
            charClass = 2;
        }
        if (charClass < 0) {
            chunk = 0;
            continue;
        }
        longestChunk = std::max(longestChunk, ++chunk);
        ++alnum;
        if (previousClass >= 0 && previousClass != charClass)
            ++classChanges;
        previousClass = charClass;
    }
    if (!digit || !(upper || lower))
        return false;
    // Random strings switch between digits, upper and lower case all the time; names, words
    // and paths (IMG_20261126_093000, Kilo Guardian/photos) rarely do.
    if (classChanges < std::max<qsizetype>(6, alnum / 5))
        return false;
    // One unbroken run of 32+ letters and digits: hex keys, base64url, random API keys.
    if (longestChunk >= 32)
        return true;
    // Base64 with '+' and '/': mixed case and digits, and not a path or a URL.
    return upper && lower && !word.startsWith(u'/') && !word.contains(u"//");
}

} // namespace

QString redact(const QString &input) {
    if (input.isEmpty())
        return input;
    QString text = input;

    // PEM blocks (private keys, certificates), including one cut short by truncation.
    static const QRegularExpression pem =
        re("-----BEGIN [A-Z0-9 ]+-----[\\s\\S]*?(?:-----END [A-Z0-9 ]+-----|\\z)");
    text = replaceEach(text, pem, [](const auto &) { return kMarker; });

    // HTTP Authorization headers, whatever the scheme.
    static const QRegularExpression authorization =
        re("\\b((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)"
           "(?:(bearer|basic|token|negotiate|digest|aws4-hmac-sha256)\\s+)?[^\\s\"',;]+",
           kCaseless);
    text = replaceEach(text, authorization, [](const QRegularExpressionMatch &m) {
        const QString scheme = m.captured(2);
        return m.captured(1) + (scheme.isEmpty() ? QString() : scheme + u' ') + kMarker;
    });

    // Bearer tokens anywhere else ("Bearer eyJ...", "bearer abc123").
    static const QRegularExpression bearer =
        re("\\b(bearer)\\s+(?!\\[REDACTED\\])[A-Za-z0-9\\-._~+/]+=*", kCaseless);
    text = replaceEach(text, bearer, [](const QRegularExpressionMatch &m) {
        return m.captured(1) + u' ' + kMarker;
    });

    // JSON Web Tokens (Kubernetes service-account tokens, OIDC id tokens).
    static const QRegularExpression jwt =
        re("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    text = replaceEach(text, jwt, [](const auto &) { return kMarker; });

    // k3s join tokens (K10<hash>::<user>:<password>) and kubeadm bootstrap tokens
    // (abcdef.0123456789abcdef).
    static const QRegularExpression k3s =
        re("\\bK10[0-9a-fA-F]{16,}::[A-Za-z0-9_.-]+:[A-Za-z0-9]+");
    text = replaceEach(text, k3s, [](const auto &) { return kMarker; });
    static const QRegularExpression bootstrap =
        re("(?<![A-Za-z0-9.-])[a-z0-9]{6}\\.[a-z0-9]{16}(?![A-Za-z0-9.-])");
    text = replaceEach(text, bootstrap, [](const auto &) { return kMarker; });

    // Passwords in URL user info: scheme://user:password@host.
    static const QRegularExpression userInfo =
        re("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):([^/\\s@]+)@");
    text = replaceEach(text, userInfo, [](const QRegularExpressionMatch &m) {
        return m.captured(1) + u':' + kMarker + u'@';
    });

    // key=value, key: value, "key": "value" with a secret-sounding key.
    static const QRegularExpression keyValue =
        re("(?<![A-Za-z0-9_-])([A-Za-z0-9_-]*" KIOSK_SECRET_KEYS "[\"']?\\s*[:=]\\s*)"
           "(?!\\[REDACTED\\])(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;&\"'}\\]]+)",
           kCaseless);
    text = replaceEach(text, keyValue, [](const QRegularExpressionMatch &m) {
        const QString value = m.captured(2);
        if (value.startsWith(u'"'))
            return m.captured(1) + u'"' + kMarker + u'"';
        if (value.startsWith(u'\''))
            return m.captured(1) + u'\'' + kMarker + u'\'';
        return m.captured(1) + kMarker;
    });

    // Command-line style: --token VALUE, --password VALUE.
    static const QRegularExpression flag = re("(?<![A-Za-z0-9-])(--[A-Za-z0-9-]*" KIOSK_SECRET_KEYS
                                              ")(\\s+)(?!--)(?!\\[REDACTED\\])\\S+",
                                              kCaseless);
    text = replaceEach(text, flag, [](const QRegularExpressionMatch &m) {
        return m.captured(1) + m.captured(2) + kMarker;
    });

    // URL query parameters that carry credentials under short names.
    static const QRegularExpression query =
        re("([?&](?:key|sig|signature|x-amz-signature|code|auth)=)(?!\\[REDACTED\\])[^&\\s#\"']+",
           kCaseless);
    text = replaceEach(text, query,
                       [](const QRegularExpressionMatch &m) { return m.captured(1) + kMarker; });

    // Anything else long and random-looking.
    static const QRegularExpression longWord = re("[A-Za-z0-9+/_=-]{32,}");
    text = replaceEach(text, longWord, [](const QRegularExpressionMatch &m) {
        return looksRandom(m.capturedView()) ? kMarker : m.captured();
    });

    return text;
}

bool containsSecret(const QString &text) {
    return redact(text) != text;
}

} // namespace kiosk::security
