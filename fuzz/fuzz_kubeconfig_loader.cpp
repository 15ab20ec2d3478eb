// libFuzzer target: arbitrary bytes as a kubeconfig through KubeconfigLoader::parse (yaml-cpp,
// base64 *-data fields, PEM certificates and keys). Relative file references resolve in an
// empty temporary folder.
// Invariants: a result is either a connection or an error; a connection has a server with a
// host, a context and a namespace; client certificate and key come together; switching TLS
// verification off always warns.
#include "k8s/kubeconfig_loader.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const QTemporaryDir dir;
    if (size > 65536)
        return 0;
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = kiosk::k8s::KubeconfigLoader::parse(yaml, dir.path(), QString(), QString());
    if (result.connection.has_value() == !result.error.isEmpty())
        __builtin_trap(); // neither or both
    if (const auto &c = result.connection) {
        if (!c->server.isValid() || c->server.host().isEmpty() || c->contextName.isEmpty() ||
            c->nameSpace.isEmpty())
            __builtin_trap();
        if (c->clientCertificate.isNull() != c->clientKey.isNull())
            __builtin_trap();
        if (c->insecureSkipTlsVerify && result.warning.isEmpty())
            __builtin_trap();
    }
    return 0;
}
