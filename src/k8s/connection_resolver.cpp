#include "k8s/connection_resolver.h"

#include "security/connection_profile.h"
#include "security/credential_store.h"

namespace kiosk::k8s {

KubeconfigLoader::Result ConnectionResolver::fromProfile(const security::ConnectionProfile &profile,
                                                         const QString &token,
                                                         const QString &nameSpace) {
    const QString wantedNamespace = !nameSpace.isEmpty() ? nameSpace : profile.nameSpace;
    KubeconfigLoader::Result r;
    if (!profile.kubeconfig.isEmpty()) {
        r = KubeconfigLoader::loadFile(profile.kubeconfig, profile.context, wantedNamespace);
        if (!r.connection)
            return r;
        r.connection->description =
            profile.context.isEmpty()
                ? QStringLiteral("saved connection, kubeconfig %1").arg(profile.kubeconfig)
                : QStringLiteral("saved connection, kubeconfig %1 (context %2)")
                      .arg(profile.kubeconfig, profile.context);
        if (!token.isEmpty()) {
            // A token typed into the kiosk replaces whatever user the kubeconfig names.
            r.connection->bearerToken = token;
            r.connection->tokenFile.clear();
            r.connection->username.clear();
            r.connection->password.clear();
        }
        return r;
    }
    ClusterConnection c;
    c.server = QUrl(profile.server);
    if (!wantedNamespace.isEmpty())
        c.nameSpace = wantedNamespace;
    c.insecureSkipTlsVerify = profile.insecureSkipTlsVerify;
    c.description = QStringLiteral("saved connection %1").arg(profile.server);
    if (!profile.caFile.isEmpty()) {
        c.caCertificates = QSslCertificate::fromPath(profile.caFile);
        if (c.caCertificates.isEmpty()) {
            r.error = QStringLiteral("the saved connection's CA file %1 holds no PEM certificate")
                          .arg(profile.caFile);
            return r;
        }
    }
    c.bearerToken = token;
    if (c.insecureSkipTlsVerify)
        r.warning = QStringLiteral("TLS verification is switched off for %1").arg(profile.server);
    r.connection = c;
    return r;
}

ConnectionResolver::Outcome ConnectionResolver::resolve(const ClusterSource::Request &request,
                                                        QSettings &settings,
                                                        security::CredentialStore &credentials,
                                                        const QProcessEnvironment &environment,
                                                        const QString &homeDirectory) {
    Outcome outcome;
    if (request.server.isEmpty() && request.kubeconfig.isEmpty()) {
        if (const auto profile = security::ConnectionProfile::load(settings)) {
            outcome.configured = true;
            outcome.source = QStringLiteral("saved connection %1").arg(profile->server);
            const auto secret = credentials.readBlocking(profile->credentialKey());
            if (!secret.ok() && secret.status != security::CredentialResult::Status::NotFound) {
                outcome.result.error =
                    QStringLiteral("cannot read the cluster token: %1").arg(secret.error);
                return outcome;
            }
            outcome.result =
                fromProfile(*profile, secret.ok() ? secret.secret : QString(), request.nameSpace);
            return outcome;
        }
    }
    const ClusterSource source = ClusterSource::locate(request, environment, homeDirectory);
    outcome.configured = source.isConfigured();
    outcome.source = source.description();
    outcome.result = KubeconfigLoader::resolve(source, environment);
    return outcome;
}

} // namespace kiosk::k8s
