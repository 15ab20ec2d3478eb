#include "security/connection_profile.h"

#include "security/redaction.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace kiosk::security {
namespace {
const QString kGroup = QStringLiteral("connections");

QString groupOf(const QString &name) {
    return kGroup + u'/' + name;
}
} // namespace

CredentialKey ConnectionProfile::credentialKey() const {
    return CredentialKey(credentialKind, server);
}

QString ConnectionProfile::validate() const {
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    static const QRegularExpression dnsLabel(
        QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    if (!namePattern.match(name).hasMatch())
        return QStringLiteral("invalid connection name \"%1\" (lower-case letters, digits, dashes)")
            .arg(redact(name));
    const QUrl url(server, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
        url.host().isEmpty())
        return QStringLiteral("invalid server \"%1\": expected an http:// or https:// URL")
            .arg(redact(server));
    if (!url.password().isEmpty() || !url.userName().isEmpty())
        return QStringLiteral("the server URL must not carry a user name or password; the secret "
                              "goes to the keychain");
    if (url.hasQuery() || url.hasFragment())
        return QStringLiteral("the server URL must not have a query or fragment");
    if (!nameSpace.isEmpty() && !dnsLabel.match(nameSpace).hasMatch())
        return QStringLiteral("invalid namespace \"%1\"").arg(redact(nameSpace));
    if (!credentialKey().isValid())
        return QStringLiteral("invalid credential kind \"%1\"").arg(redact(credentialKind));
    if (!kubeconfig.isEmpty() && !QDir::isAbsolutePath(kubeconfig))
        return QStringLiteral("the kubeconfig file must be given by its full path");
    if (context.contains(u'\n'))
        return QStringLiteral("invalid kubeconfig context name");
    for (const QString &field : {server, nameSpace, caFile, kubeconfig, context, credentialKind}) {
        if (containsSecret(field))
            return QStringLiteral("refusing to save a connection setting that looks like a secret");
    }
    return QString();
}

bool ConnectionProfile::save(QSettings &settings, QString *error) const {
    const QString problem = validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    settings.remove(groupOf(name));
    settings.beginGroup(groupOf(name));
    settings.setValue(QStringLiteral("server"), CredentialKey::normalizeServer(server));
    settings.setValue(QStringLiteral("namespace"), nameSpace);
    settings.setValue(QStringLiteral("caFile"), caFile);
    settings.setValue(QStringLiteral("insecureSkipTlsVerify"), insecureSkipTlsVerify);
    settings.setValue(QStringLiteral("kubeconfig"), kubeconfig);
    settings.setValue(QStringLiteral("context"), context);
    settings.setValue(QStringLiteral("credentialKind"), credentialKind);
    settings.setValue(QStringLiteral("credentialEntry"), credentialKey().keychainKey());
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error = QStringLiteral("cannot write the settings file %1").arg(settings.fileName());
        return false;
    }
    return true;
}

std::optional<ConnectionProfile> ConnectionProfile::load(QSettings &settings, const QString &name) {
    settings.beginGroup(groupOf(name));
    const bool present = settings.contains(QStringLiteral("server"));
    ConnectionProfile profile;
    profile.name = name;
    profile.server = settings.value(QStringLiteral("server")).toString();
    profile.nameSpace = settings.value(QStringLiteral("namespace")).toString();
    profile.caFile = settings.value(QStringLiteral("caFile")).toString();
    profile.insecureSkipTlsVerify =
        settings.value(QStringLiteral("insecureSkipTlsVerify"), false).toBool();
    profile.kubeconfig = settings.value(QStringLiteral("kubeconfig")).toString();
    profile.context = settings.value(QStringLiteral("context")).toString();
    profile.credentialKind =
        settings.value(QStringLiteral("credentialKind"), CredentialKey::ClusterToken).toString();
    settings.endGroup();
    if (!present || !profile.validate().isEmpty())
        return std::nullopt;
    return profile;
}

void ConnectionProfile::remove(QSettings &settings, const QString &name) {
    settings.remove(groupOf(name));
    settings.sync();
}

QStringList ConnectionProfile::names(QSettings &settings) {
    settings.beginGroup(kGroup);
    QStringList result = settings.childGroups();
    settings.endGroup();
    result.sort();
    return result;
}

} // namespace kiosk::security
