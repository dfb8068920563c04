#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

class AppSettings;

// Where to sign in and which API to call. Defaults point at the sandbox; for a real Microsoft Entra tenant:
// authority https://login.microsoftonline.com/{tenant}, apiBase https://api.ci.ai.dynamics.com/v1.
struct ConnectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionSettings)

public:
    QUrl authority; // https://login.microsoftonline.com/{tenant} or http://127.0.0.1:P/contoso
    // Explicit endpoints, for servers without discovery. When both are empty they are discovered from
    // {authority}/v2.0/.well-known/openid-configuration (then {authority}/.well-known/openid-configuration).
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QString clientId = defaultClientId();
    QStringList scopes = defaultScopes();
    QUrl apiBase; // https://api.ci.ai.dynamics.com/v1

    static QString defaultClientId();
    static QStringList defaultScopes();

    // authority {base}/contoso, apiBase {base}/v1, default client id and scopes.
    static ConnectionSettings sandboxDefaults(const QUrl &sandboxBase);

    // One translated sentence per bad field; empty when the settings can be used.
    QStringList validate() const;

    bool hasExplicitEndpoints() const { return !authorizeUrl.isEmpty() && !tokenUrl.isEmpty(); }

    // The discovery documents to try, in order.
    QList<QUrl> discoveryUrls() const;

    // The SecretStore key of this connection's refresh token: "refresh-token/<clientId>@<host[:port]/path>".
    QString secretKey() const;
    // The SecretStore key of this connection's API subscription key: "subscription-key/<the same>".
    QString subscriptionKeySecretKey() const;
    // A tenant's API base when none is given: https://api.ci.ai.dynamics.com/v1.
    static QUrl defaultApiBase();

    // Into / from the connection keys of `settings`. load() takes every missing value from `defaults`.
    void save(AppSettings &settings) const;
    static ConnectionSettings load(const AppSettings &settings, const ConnectionSettings &defaults);

    friend bool operator==(const ConnectionSettings &, const ConnectionSettings &) = default;

private:
    QString connectionId() const; // "<clientId>@<host[:port]/path>" of the authority (else the token URL)
};

// Whether `url` may carry sign-in traffic: https anywhere, http only to a loopback host.
bool isAcceptableEndpoint(const QUrl &url);
