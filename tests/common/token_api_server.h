#pragma once
// The simulator on a loopback port that wants a bearer token (none when empty), optionally over
// TLS with the test certificates in tests/fixtures/tls: for the connect tests of both front ends.

#include "sim/api_server.h"

#include <QRandomGenerator>
#include <QString>

#include <memory>

namespace kiosk::test {

inline const QString kTlsFixtures = QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/tls/");

inline std::unique_ptr<kiosk::sim::ApiServer> startTokenServer(const QString &token,
                                                               bool tls = false) {
    kiosk::sim::ApiServerOptions options;
    options.token = token;
    if (tls) {
        options.tlsCertificateFile = kTlsFixtures + "server.crt";
        options.tlsKeyFile = kTlsFixtures + "server.key";
    }
    auto server = std::make_unique<kiosk::sim::ApiServer>(options);
    if (!server->listen())
        qFatal("the simulator did not start: %s", qPrintable(server->errorString()));
    return server;
}

// A token no earlier run left in the keychain.
inline QString randomToken(const QString &prefix) {
    return QStringLiteral("%1-%2").arg(prefix).arg(QRandomGenerator::global()->generate64(), 0, 36);
}

} // namespace kiosk::test
