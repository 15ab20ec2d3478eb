#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

namespace kiosk::k8s {

// Everything needed to talk to one API server: resolved from a kubeconfig, the in-cluster
// service account, or a plain URL. Holds secrets in memory only; never printed or logged.
struct ClusterConnection {
    QUrl server;
    QString nameSpace = QStringLiteral("kilo-guardian");
    QString contextName;
    QString description; // for people: where this came from, no secrets

    QList<QSslCertificate> caCertificates; // empty: the system's trust store
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;

    QString bearerToken;
    QString tokenFile; // re-read on every request: service-account tokens rotate
    QString username;
    QString password;
    QSslCertificate clientCertificate;
    QSslKey clientKey;

    bool isValid() const { return server.isValid() && !server.host().isEmpty(); }
};

} // namespace kiosk::k8s
