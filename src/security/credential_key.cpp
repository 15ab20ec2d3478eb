#include "security/credential_key.h"

#include <QRegularExpression>
#include <QUrl>

namespace kiosk::security {

CredentialKey::CredentialKey(const QString &kind, const QString &server)
    : m_kind(kind.trimmed())
    , m_server(normalizeServer(server)) {}

bool CredentialKey::isValid() const {
    static const QRegularExpression kindPattern(QStringLiteral("^[a-z][a-z0-9-]{0,63}$"));
    static const QRegularExpression blank(QStringLiteral("\\s"));
    return kindPattern.match(m_kind).hasMatch() && !m_server.isEmpty() && !m_server.contains(blank);
}

QString CredentialKey::keychainKey() const {
    return m_kind + u' ' + m_server;
}

std::optional<CredentialKey> CredentialKey::fromKeychainKey(const QString &keychainKey) {
    const qsizetype space = keychainKey.indexOf(u' ');
    if (space <= 0)
        return std::nullopt;
    CredentialKey key(keychainKey.left(space), keychainKey.mid(space + 1));
    if (!key.isValid() || key.keychainKey() != keychainKey)
        return std::nullopt;
    return key;
}

QString CredentialKey::normalizeServer(const QString &server) {
    const QString trimmed = server.trimmed();
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return trimmed;
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    if ((url.scheme() == u"https" && url.port() == 443) ||
        (url.scheme() == u"http" && url.port() == 80))
        url.setPort(-1);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace kiosk::security
