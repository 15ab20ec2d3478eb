#pragma once

#include "k8s/cluster_source.h"
#include "k8s/kubeconfig_loader.h"

#include <QSettings>

namespace kiosk::security {
class ConnectionProfile;
class CredentialStore;
} // namespace kiosk::security

namespace kiosk::k8s {

// Decides which cluster to talk to: --server / --kubeconfig flags first, then the connection
// saved by `cluster connect` (its token read from the keychain), then $KUBECONFIG,
// ~/.kube/config and the in-cluster service account.
class ConnectionResolver {
public:
    struct Outcome {
        KubeconfigLoader::Result result;
        bool configured = false; // false: nothing found at all (the UI offers the demo)
        QString source;          // for people: where the connection came from
    };

    // The connection a saved profile describes: its kubeconfig (and context) when it names one,
    // else its server URL and CA file; a non-empty `token` is sent as the bearer token (it wins
    // over the kubeconfig's user). `nameSpace` overrides the profile's namespace when not empty.
    static KubeconfigLoader::Result fromProfile(const security::ConnectionProfile &profile,
                                                const QString &token,
                                                const QString &nameSpace = {});

    static Outcome resolve(const ClusterSource::Request &request, QSettings &settings,
                           security::CredentialStore &credentials,
                           const QProcessEnvironment &environment, const QString &homeDirectory);
};

} // namespace kiosk::k8s
