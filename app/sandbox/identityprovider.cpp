#include "identityprovider.h"

#include "sandboxclock.h"
#include "sandboxlog.h"
#include "sandboxserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QUrlQuery>

namespace {

using Method = QHttpServerRequest::Method;

const QByteArray kFormType = QByteArrayLiteral("application/x-www-form-urlencoded");

SandboxResponse oauthError(const QString &error, const QString &description, int status = 400)
{
    SandboxResponse response = SandboxResponse::error(status, error, description);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
           host == QLatin1String("::1");
}

QString base64Url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

const QRegularExpression &verifierPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9\\-._~]{43,128}$"));
    return pattern;
}

const QRegularExpression &challengePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    return pattern;
}

} // namespace

IdentityProvider::IdentityProvider(Options options, std::shared_ptr<const SandboxClock> clock,
                                   const SandboxServer *server)
    : m_options(std::move(options))
    , m_clock(std::move(clock))
    , m_server(server)
{
    loadState();
}

QString IdentityProvider::tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void IdentityProvider::loadState()
{
    QFile file(m_options.stateFile);
    if (m_options.stateFile.isEmpty() || !file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray tokens = state.value(QStringLiteral("refreshTokens")).toArray();
    for (const QJsonValue &value : tokens) {
        const QJsonObject token = value.toObject();
        m_refreshTokens.insert(
            token.value(QStringLiteral("hash")).toString(),
            RefreshToken{
                token.value(QStringLiteral("family")).toString(),
                token.value(QStringLiteral("subject")).toString(),
                token.value(QStringLiteral("clientId")).toString(),
                token.value(QStringLiteral("scope")).toString(),
                QDateTime::fromString(token.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate),
                token.value(QStringLiteral("used")).toBool()});
    }
    const QJsonArray revoked = state.value(QStringLiteral("revokedFamilies")).toArray();
    for (const QJsonValue &family : revoked)
        m_revokedFamilies.insert(family.toString(), true);
}

void IdentityProvider::saveState()
{
    if (m_options.stateFile.isEmpty())
        return;
    const QDateTime now = m_clock->now();
    QJsonArray tokens;
    QSet<QString> liveFamilies;
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end();) {
        if (it->expiresAt <= now) {
            it = m_refreshTokens.erase(it);
            continue;
        }
        liveFamilies.insert(it->family);
        tokens.append(QJsonObject{{QStringLiteral("hash"), it.key()},
                                  {QStringLiteral("family"), it->family},
                                  {QStringLiteral("subject"), it->subject},
                                  {QStringLiteral("clientId"), it->clientId},
                                  {QStringLiteral("scope"), it->scope},
                                  {QStringLiteral("expiresAt"), it->expiresAt.toString(Qt::ISODate)},
                                  {QStringLiteral("used"), it->used}});
        ++it;
    }
    QJsonArray revoked;
    for (auto it = m_revokedFamilies.cbegin(); it != m_revokedFamilies.cend(); ++it) {
        if (liveFamilies.contains(it.key()))
            revoked.append(it.key());
    }
    QSaveFile file(m_options.stateFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox) << "cannot save the identity provider's state:" << file.errorString();
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("refreshTokens"), tokens},
                                         {QStringLiteral("revokedFamilies"), revoked}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcSandbox) << "cannot save the identity provider's state:" << file.errorString();
}

void IdentityProvider::registerRoutes(SandboxServer &server)
{
    const QString tenant = authorityPath();
    server.addRoute(Method::Get, tenant + QStringLiteral("/v2.0/.well-known/openid-configuration"),
                    [this](const SandboxRequest &) { return discovery(); });
    server.addRoute(Method::Get, tenant + QStringLiteral("/discovery/v2.0/keys"), [](const SandboxRequest &) {
        return SandboxResponse::json(QJsonObject{{QStringLiteral("keys"), QJsonArray()}});
    });
    server.addRoute(Method::Get | Method::Post, tenant + QStringLiteral("/oauth2/v2.0/authorize"),
                    [this](const SandboxRequest &request) { return authorize(request); });
    server.addRoute(Method::Post, tenant + QStringLiteral("/oauth2/v2.0/token"),
                    [this](const SandboxRequest &request) { return token(request); });
}

QString IdentityProvider::issuer() const
{
    return m_server->baseUrl().toString() + authorityPath() + QStringLiteral("/v2.0");
}

SandboxResponse IdentityProvider::discovery() const
{
    const QString base = m_server->baseUrl().toString() + authorityPath();
    return SandboxResponse::json(QJsonObject{
        {QStringLiteral("issuer"), issuer()},
        {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/authorize"))},
        {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/token"))},
        {QStringLiteral("jwks_uri"), QString(base + QStringLiteral("/discovery/v2.0/keys"))},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"), QJsonArray{QStringLiteral("query")}},
        {QStringLiteral("grant_types_supported"),
         QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("token_endpoint_auth_methods_supported"), QJsonArray{QStringLiteral("none")}},
        {QStringLiteral("scopes_supported"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("offline_access"),
                    QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("pairwise")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("none")}},
        {QStringLiteral("claims_supported"),
         QJsonArray{QStringLiteral("sub"), QStringLiteral("name"), QStringLiteral("preferred_username"),
                    QStringLiteral("oid"), QStringLiteral("tid")}},
        {QStringLiteral("tenant_region_scope"), QStringLiteral("EU")}});
}

bool IdentityProvider::isAllowedRedirectUri(const QString &redirectUri) const
{
    const QUrl candidate(redirectUri, QUrl::StrictMode);
    if (!candidate.isValid() || candidate.isRelative() || !candidate.fragment().isNull())
        return false;
    for (const QString &registered : m_options.redirectUris) {
        const QUrl allowed(registered);
        if (candidate.scheme() != allowed.scheme() || candidate.host() != allowed.host() ||
            candidate.path() != allowed.path()) {
            continue;
        }
        // RFC 8252 7.3: a loopback redirect matches on any port.
        if (isLoopbackHost(allowed.host()) && candidate.scheme() == QLatin1String("http"))
            return true;
        if (candidate.port(-1) == allowed.port(-1))
            return true;
    }
    return false;
}

SandboxResponse IdentityProvider::errorPage(const QString &title, const QString &detail)
{
    const QString page =
        QStringLiteral(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-in error</title></head>"
            "<body><h1>%1</h1><p>%2</p><p>insights-sandbox identity provider</p></body></html>")
            .arg(title.toHtmlEscaped(), detail.toHtmlEscaped());
    return SandboxResponse::html(page, 400);
}

QString IdentityProvider::signInPage(const QList<QPair<QString, QString>> &parameters,
                                     const QString &error) const
{
    QString hidden;
    QUrlQuery query;
    for (const auto &[key, value] : parameters) {
        hidden += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
                      .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
        query.addQueryItem(key, value);
    }
    QUrl action = m_server->baseUrl();
    action.setPath(authorityPath() + QStringLiteral("/oauth2/v2.0/authorize"));
    action.setQuery(query);
    const QString errorHtml =
        error.isEmpty()
            ? QString()
            : QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>").arg(error.toHtmlEscaped());
    return QStringLiteral(
               "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Sign in - "
               "insights-sandbox</title>"
               "<style>body{font-family:sans-serif;max-width:28em;margin:3em "
               "auto}label{display:block;margin:.6em 0}"
               ".error{color:#a4262c}.demo{background:#f3f2f1;padding:.6em}</style></head><body>\n"
               "<h1>Sign in to Contoso (sandbox)</h1>\n"
               "<p class=\"demo\">Demo account: <b>%1</b> with password <b>%2</b></p>\n%3"
               "<form method=\"post\" action=\"%4\">\n%5"
               "<label>Username <input name=\"username\" type=\"email\" autocomplete=\"username\" "
               "value=\"%1\"></label>\n"
               "<label>Password <input name=\"password\" type=\"password\" "
               "autocomplete=\"current-password\"></label>\n"
               "<p>The application <b>%6</b> asks to access Customer Insights on your behalf.</p>\n"
               "<button type=\"submit\" name=\"consent\" value=\"accept\">Accept</button>\n"
               "<button type=\"submit\" name=\"consent\" value=\"deny\">Deny</button>\n"
               "</form></body></html>\n")
        .arg(m_options.username.toHtmlEscaped(), m_options.password.toHtmlEscaped(), errorHtml,
             action.toString(QUrl::FullyEncoded).toHtmlEscaped(), hidden, m_options.clientId.toHtmlEscaped());
}

SandboxResponse IdentityProvider::authorize(const SandboxRequest &request)
{
    FormData fields = request.query;
    FormData posted;
    const bool isPost = request.method == Method::Post;
    if (isPost) {
        if (request.mediaType() != kFormType) {
            return SandboxResponse::error(400, QStringLiteral("invalid_request"),
                                          QStringLiteral("The sign-in form must be posted as "
                                                         "application/x-www-form-urlencoded."));
        }
        const auto parsed = FormData::parse(request.body);
        if (!parsed) {
            return SandboxResponse::error(400, QStringLiteral("invalid_request"),
                                          QStringLiteral("The form data is malformed."));
        }
        posted = *parsed;
    }
    const QStringList keys = {QStringLiteral("client_id"),
                              QStringLiteral("response_type"),
                              QStringLiteral("redirect_uri"),
                              QStringLiteral("scope"),
                              QStringLiteral("state"),
                              QStringLiteral("code_challenge"),
                              QStringLiteral("code_challenge_method"),
                              QStringLiteral("nonce"),
                              QStringLiteral("prompt"),
                              QStringLiteral("login_hint")};
    QList<QPair<QString, QString>> parameters;
    auto param = [&](const QString &key) {
        return posted.contains(key) ? posted.value(key) : fields.value(key);
    };
    for (const QString &key : keys) {
        if (posted.contains(key) || fields.contains(key))
            parameters.append({key, param(key)});
    }

    const QString clientId = param(QStringLiteral("client_id"));
    if (clientId != m_options.clientId) {
        return errorPage(
            QStringLiteral("Unknown application"),
            QStringLiteral("The application '%1' is not registered with this tenant.").arg(clientId));
    }
    const QString redirectUri = param(QStringLiteral("redirect_uri"));
    if (!isAllowedRedirectUri(redirectUri)) {
        return errorPage(
            QStringLiteral("Redirect URI not allowed"),
            QStringLiteral("The redirect URI '%1' is not registered for '%2'.").arg(redirectUri, clientId));
    }
    const QString state = param(QStringLiteral("state"));
    auto redirectWith = [&](const QList<QPair<QString, QString>> &items) {
        QUrl target(redirectUri);
        QUrlQuery query(target);
        for (const auto &item : items)
            query.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
        if (!state.isNull())
            query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
        target.setQuery(query);
        return SandboxResponse::redirect(target);
    };
    if (param(QStringLiteral("response_type")) != QLatin1String("code")) {
        return redirectWith(
            {{QStringLiteral("error"), QStringLiteral("unsupported_response_type")},
             {QStringLiteral("error_description"), QStringLiteral("Only response_type=code is supported.")}});
    }
    const QString challenge = param(QStringLiteral("code_challenge"));
    if (challenge.isEmpty()) {
        return errorPage(QStringLiteral("PKCE required"),
                         QStringLiteral("This public client must send a code_challenge (PKCE, S256)."));
    }
    if (param(QStringLiteral("code_challenge_method")) != QLatin1String("S256")) {
        return errorPage(QStringLiteral("Unsupported code_challenge_method"),
                         QStringLiteral("Only code_challenge_method=S256 is accepted."));
    }
    if (!challengePattern().match(challenge).hasMatch()) {
        return errorPage(
            QStringLiteral("Invalid code_challenge"),
            QStringLiteral("The code_challenge must be 43 base64url characters (an S256 hash)."));
    }
    if (!isPost)
        return SandboxResponse::html(signInPage(parameters, {}));

    const QString consent = posted.value(QStringLiteral("consent"));
    if (consent == QLatin1String("deny")) {
        return redirectWith(
            {{QStringLiteral("error"), QStringLiteral("access_denied")},
             {QStringLiteral("error_description"), QStringLiteral("The user declined to consent.")}});
    }
    if (consent != QLatin1String("accept"))
        return SandboxResponse::html(signInPage(parameters, QStringLiteral("Choose Accept or Deny.")));
    if (posted.value(QStringLiteral("username")).compare(m_options.username, Qt::CaseInsensitive) != 0 ||
        posted.value(QStringLiteral("password")) != m_options.password) {
        return SandboxResponse::html(signInPage(
            parameters, QStringLiteral("Your account or password is incorrect. Use the demo account.")));
    }

    const QString code = randomToken();
    m_codes.insert(code, Code{clientId,
                              redirectUri,
                              challenge,
                              param(QStringLiteral("scope")),
                              m_options.subject,
                              m_clock->now().addSecs(m_options.codeLifetime.count()),
                              false,
                              {}});
    qCDebug(lcSandbox) << "authorization code issued for" << clientId;
    return redirectWith({{QStringLiteral("code"), code}});
}

SandboxResponse IdentityProvider::token(const SandboxRequest &request)
{
    if (request.mediaType() != kFormType) {
        return oauthError(QStringLiteral("invalid_request"),
                          QStringLiteral("The token request must be application/x-www-form-urlencoded."));
    }
    const auto form = FormData::parse(request.body);
    if (!form)
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("The form data is malformed."));
    const QString grantType = form->value(QStringLiteral("grant_type"));
    if (grantType == QLatin1String("authorization_code"))
        return redeemCode(*form);
    if (grantType == QLatin1String("refresh_token"))
        return redeemRefreshToken(*form);
    if (grantType.isEmpty())
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("grant_type is missing."));
    return oauthError(QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("The grant type '%1' is not supported.").arg(grantType));
}

SandboxResponse IdentityProvider::redeemCode(const FormData &form)
{
    const QString codeValue = form.value(QStringLiteral("code"));
    const QString clientId = form.value(QStringLiteral("client_id"));
    if (codeValue.isEmpty() || clientId.isEmpty() || !form.contains(QStringLiteral("redirect_uri"))) {
        return oauthError(QStringLiteral("invalid_request"),
                          QStringLiteral("code, client_id and redirect_uri are required."));
    }
    if (clientId != m_options.clientId)
        return oauthError(QStringLiteral("invalid_client"),
                          QStringLiteral("Unknown client '%1'.").arg(clientId), 401);
    auto it = m_codes.find(codeValue);
    if (it == m_codes.end())
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code is invalid."));
    Code &code = it.value();
    if (code.used) {
        // RFC 6749 4.1.2: a code presented twice revokes what it was exchanged for.
        if (!code.family.isEmpty())
            revokeFamily(code.family);
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code has already been redeemed."));
    }
    code.used = true;
    if (code.expiresAt <= m_clock->now())
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code has expired."));
    if (code.clientId != clientId) {
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code was issued to another client."));
    }
    if (code.redirectUri != form.value(QStringLiteral("redirect_uri"))) {
        return oauthError(
            QStringLiteral("invalid_grant"),
            QStringLiteral("redirect_uri does not match the one of the authorization request."));
    }
    const QString verifier = form.value(QStringLiteral("code_verifier"));
    if (verifier.isEmpty())
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("code_verifier is required (PKCE)."));
    if (!verifierPattern().match(verifier).hasMatch()) {
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("code_verifier must be 43 to 128 unreserved characters."));
    }
    const QString computed =
        base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
    if (computed != code.challenge) {
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The code_verifier does not match the code_challenge."));
    }
    code.family = randomToken();
    return SandboxResponse::json(issueFamily(code.family, code.subject, clientId, code.scope));
}

SandboxResponse IdentityProvider::redeemRefreshToken(const FormData &form)
{
    const QString value = form.value(QStringLiteral("refresh_token"));
    const QString clientId = form.value(QStringLiteral("client_id"));
    if (value.isEmpty() || clientId.isEmpty())
        return oauthError(QStringLiteral("invalid_request"),
                          QStringLiteral("refresh_token and client_id are required."));
    if (clientId != m_options.clientId)
        return oauthError(QStringLiteral("invalid_client"),
                          QStringLiteral("Unknown client '%1'.").arg(clientId), 401);
    auto it = m_refreshTokens.find(tokenHash(value));
    if (it == m_refreshTokens.end())
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("The refresh token is invalid."));
    RefreshToken &token = it.value();
    if (m_revokedFamilies.contains(token.family))
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token has been revoked."));
    if (token.used) {
        qCInfo(lcSandbox) << "refresh token reuse detected: revoking its token family";
        revokeFamily(token.family);
        saveState();
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token was already used; every token of this sign-in is "
                                         "revoked. Sign in again."));
    }
    if (token.expiresAt <= m_clock->now())
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("The refresh token has expired."));
    if (token.clientId != clientId) {
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token was issued to another client."));
    }
    token.used = true;
    const RefreshToken used = token;
    const QJsonObject issued = issueFamily(used.family, used.subject, used.clientId, used.scope);
    return SandboxResponse::json(issued);
}

QJsonObject IdentityProvider::issueFamily(const QString &family, const QString &subject,
                                          const QString &clientId, const QString &scope)
{
    const QDateTime now = m_clock->now();
    const QString grantedScope =
        scope.isEmpty() ? QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation") : scope;
    const QString accessToken = randomToken();
    const QDateTime expiresAt = now.addSecs(m_options.accessTokenLifetime.count());
    m_accessTokens.insert(accessToken,
                          AccessToken{family, TokenInfo{subject, clientId, grantedScope, expiresAt}});

    QJsonObject result{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("scope"), grantedScope},
                       {QStringLiteral("expires_in"), qint64(m_options.accessTokenLifetime.count())},
                       {QStringLiteral("ext_expires_in"), qint64(m_options.accessTokenLifetime.count())},
                       {QStringLiteral("access_token"), accessToken}};
    const QStringList scopes = grantedScope.split(u' ', Qt::SkipEmptyParts);
    if (scopes.contains(QStringLiteral("offline_access"))) {
        const QString refreshToken = randomToken();
        m_refreshTokens.insert(tokenHash(refreshToken),
                               RefreshToken{family, subject, clientId, grantedScope,
                                            now.addSecs(m_options.refreshTokenLifetime.count()), false});
        result.insert(QStringLiteral("refresh_token"), refreshToken);
        saveState();
    }
    if (scopes.contains(QStringLiteral("openid"))) {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("none")},
                                 {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QJsonObject claims{{QStringLiteral("iss"), issuer()},
                                 {QStringLiteral("aud"), clientId},
                                 {QStringLiteral("sub"), subject},
                                 {QStringLiteral("oid"), subject},
                                 {QStringLiteral("tid"), m_options.tenant},
                                 {QStringLiteral("name"), m_options.displayName},
                                 {QStringLiteral("preferred_username"), m_options.username},
                                 {QStringLiteral("iat"), now.toSecsSinceEpoch()},
                                 {QStringLiteral("exp"), expiresAt.toSecsSinceEpoch()}};
        result.insert(QStringLiteral("id_token"),
                      QString(base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + u'.' +
                              base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + u'.'));
    }
    return result;
}

QJsonObject IdentityProvider::issueTokens(const QString &subject, const QString &scope)
{
    return issueFamily(randomToken(), subject.isEmpty() ? m_options.subject : subject, m_options.clientId,
                       scope);
}

int IdentityProvider::expireAccessTokens(const QString &subject)
{
    const QDateTime now = m_clock->now();
    int expired = 0;
    for (AccessToken &token : m_accessTokens) {
        if ((subject.isEmpty() || token.info.subject == subject) && token.info.expiresAt > now) {
            token.info.expiresAt = now;
            ++expired;
        }
    }
    return expired;
}

int IdentityProvider::revokeSignIns(const QString &subject)
{
    const QDateTime now = m_clock->now();
    QSet<QString> families;
    for (const AccessToken &token : std::as_const(m_accessTokens)) {
        if ((subject.isEmpty() || token.info.subject == subject) && token.info.expiresAt > now)
            families.insert(token.family);
    }
    for (const RefreshToken &token : std::as_const(m_refreshTokens)) {
        if ((subject.isEmpty() || token.subject == subject) && !token.used && token.expiresAt > now)
            families.insert(token.family);
    }
    int revoked = 0;
    for (const QString &family : std::as_const(families)) {
        if (!m_revokedFamilies.contains(family))
            ++revoked;
        revokeFamily(family);
    }
    if (revoked > 0)
        saveState();
    return revoked;
}

void IdentityProvider::revokeFamily(const QString &family)
{
    m_revokedFamilies.insert(family, true);
    for (auto it = m_accessTokens.begin(); it != m_accessTokens.end();) {
        if (it->family == family)
            it = m_accessTokens.erase(it);
        else
            ++it;
    }
}

std::optional<IdentityProvider::TokenInfo> IdentityProvider::validateAccessToken(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    if (it == m_accessTokens.cend() || m_revokedFamilies.contains(it->family))
        return std::nullopt;
    if (it->info.expiresAt <= m_clock->now())
        return std::nullopt;
    return it->info;
}

QString IdentityProvider::randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return base64Url(bytes);
}
