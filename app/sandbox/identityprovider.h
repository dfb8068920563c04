#pragma once

#include "sandboxrequest.h"
#include "sandboxresponse.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

class SandboxClock;
class SandboxServer;

// The sign-in side of the sandbox, on Microsoft's paths under /{tenant}:
//
//   GET  /{tenant}/v2.0/.well-known/openid-configuration   discovery
//   GET  /{tenant}/oauth2/v2.0/authorize?...               HTML sign-in form (states the demo account)
//   POST /{tenant}/oauth2/v2.0/authorize                   form post: accept -> 302 redirect_uri?code&state
//   POST /{tenant}/oauth2/v2.0/token                       authorization_code (+PKCE S256) / refresh_token
//   GET  /{tenant}/discovery/v2.0/keys                     an empty key set (tokens are opaque)
//
// Codes live 10 minutes and are single-use; a second use revokes what the first one issued. Refresh tokens
// rotate: each use returns a new one, and presenting a used one again revokes its whole family (every
// access and refresh token descended from the same sign-in). Loopback redirect URIs match on any port.
class IdentityProvider
{
public:
    struct Options
    {
        QString tenant = QStringLiteral("contoso");
        QString clientId = QStringLiteral("insights-admin");
        // Registered redirect URIs; loopback ones (127.0.0.1, localhost, [::1]) match on any port.
        QStringList redirectUris = {QStringLiteral("http://127.0.0.1/callback"),
                                    QStringLiteral("http://localhost/callback")};
        QString username = QStringLiteral("admin@contoso.example");
        QString password = QStringLiteral("sandbox");
        QString displayName = QStringLiteral("Contoso Admin");
        QString subject = QStringLiteral("5d2c8a71-3e4f-4b6a-9c8d-7e1f2a3b4c5d"); // the user's object id
        std::chrono::seconds accessTokenLifetime{3600};
        std::chrono::seconds refreshTokenLifetime{90 * 24 * 3600};
        std::chrono::seconds codeLifetime{600};
        // Where refresh tokens (their SHA-256, never the tokens) and revoked families are kept across
        // restarts; empty: in memory only.
        QString stateFile;
    };

    struct TokenInfo
    {
        QString subject;
        QString clientId;
        QString scope;
        QDateTime expiresAt;
    };

    IdentityProvider(Options options, std::shared_ptr<const SandboxClock> clock, const SandboxServer *server);

    void registerRoutes(SandboxServer &server);

    const Options &options() const { return m_options; }
    std::optional<TokenInfo> validateAccessToken(const QString &token) const;

    // Issues a fresh token family for `subject` without a browser (the control API's shortcut for tests).
    QJsonObject issueTokens(const QString &subject, const QString &scope);
    // Fault injection (control API): every live access token of `subject` (every subject when empty)
    // expires now, so the next call gets 401 and the client must refresh; returns how many expired.
    int expireAccessTokens(const QString &subject);
    // Revokes every sign-in of `subject` (all when empty): its access and refresh tokens stop working and
    // the client must sign in again. Returns how many sign-ins (token families) were revoked.
    int revokeSignIns(const QString &subject);

    bool isAllowedRedirectUri(const QString &redirectUri) const;

private:
    struct Code
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        QString subject;
        QDateTime expiresAt;
        bool used = false;
        QString family; // set once redeemed
    };

    struct RefreshToken
    {
        QString family;
        QString subject;
        QString clientId;
        QString scope;
        QDateTime expiresAt;
        bool used = false;
    };

    struct AccessToken
    {
        QString family;
        TokenInfo info;
    };

    SandboxResponse discovery() const;
    SandboxResponse authorize(const SandboxRequest &request);
    SandboxResponse token(const SandboxRequest &request);
    SandboxResponse redeemCode(const FormData &form);
    SandboxResponse redeemRefreshToken(const FormData &form);

    QJsonObject issueFamily(const QString &family, const QString &subject, const QString &clientId,
                            const QString &scope);
    void revokeFamily(const QString &family);
    void loadState();
    void saveState();
    static QString tokenHash(const QString &token);
    QString issuer() const;
    QString authorityPath() const { return u'/' + m_options.tenant; }
    QString signInPage(const QList<QPair<QString, QString>> &parameters, const QString &error) const;
    static SandboxResponse errorPage(const QString &title, const QString &detail);
    static QString randomToken();

    Options m_options;
    std::shared_ptr<const SandboxClock> m_clock;
    const SandboxServer *m_server;
    QHash<QString, Code> m_codes;
    QHash<QString, RefreshToken> m_refreshTokens; // by tokenHash()
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, bool> m_revokedFamilies;
};
