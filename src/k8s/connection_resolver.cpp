#include "k8s/connection_resolver.h"

#include "security/connection_profile.h"
#include "security/credential_store.h"

namespace kiosk::k8s {

namespace {
KubeconfigLoader::Result fromProfile(const security::ConnectionProfile &profile, const QString &nameSpace,
                                     security::CredentialStore &credentials)
{
    KubeconfigLoader::Result r;
    ClusterConnection c;
    c.server = QUrl(profile.server);
    c.nameSpace = !nameSpace.isEmpty() ? nameSpace
                  : !profile.nameSpace.isEmpty() ? profile.nameSpace
                                                 : c.nameSpace;
    c.insecureSkipTlsVerify = profile.insecureSkipTlsVerify;
    c.description = QStringLiteral("saved connection %1").arg(profile.server);
    if (!profile.caFile.isEmpty()) {
        c.caCertificates = QSslCertificate::fromPath(profile.caFile);
        if (c.caCertificates.isEmpty()) {
            r.error = QStringLiteral("the saved connection's CA file %1 holds no PEM certificate").arg(profile.caFile);
            return r;
        }
    }
    const auto secret = credentials.readBlocking(profile.credentialKey());
    if (secret.ok()) {
        c.bearerToken = secret.secret;
    } else if (secret.status != security::CredentialResult::Status::NotFound) {
        r.error = QStringLiteral("cannot read the cluster token: %1").arg(secret.error);
        return r;
    }
    if (c.insecureSkipTlsVerify)
        r.warning = QStringLiteral("TLS verification is switched off for %1").arg(profile.server);
    r.connection = c;
    return r;
}
} // namespace

ConnectionResolver::Outcome ConnectionResolver::resolve(const ClusterSource::Request &request, QSettings &settings,
                                                        security::CredentialStore &credentials,
                                                        const QProcessEnvironment &environment,
                                                        const QString &homeDirectory)
{
    Outcome outcome;
    if (request.server.isEmpty() && request.kubeconfig.isEmpty()) {
        if (const auto profile = security::ConnectionProfile::load(settings)) {
            outcome.configured = true;
            outcome.source = QStringLiteral("saved connection %1").arg(profile->server);
            outcome.result = fromProfile(*profile, request.nameSpace, credentials);
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
