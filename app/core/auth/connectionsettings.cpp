#include "connectionsettings.h"

#include "appsettings.h"

#include <QHostAddress>

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl withPath(QUrl base, const QString &suffix)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + suffix);
    return base;
}

bool containsWhitespace(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

} // namespace

bool isAcceptableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        url.hasFragment())
        return false;
    if (url.scheme() == u"https")
        return true;
    return url.scheme() == u"http" && isLoopbackHost(url.host());
}

QString ConnectionSettings::defaultClientId()
{
    return QStringLiteral("insights-admin");
}

QStringList ConnectionSettings::defaultScopes()
{
    return {QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation"),
            QStringLiteral("offline_access"), QStringLiteral("openid")};
}

ConnectionSettings ConnectionSettings::sandboxDefaults(const QUrl &sandboxBase)
{
    ConnectionSettings settings;
    settings.authority = withPath(sandboxBase, QStringLiteral("/contoso"));
    settings.apiBase = withPath(sandboxBase, QStringLiteral("/v1"));
    return settings;
}

QStringList ConnectionSettings::validate() const
{
    QStringList problems;
    const auto checkUrl = [&problems](const QUrl &url, const QString &name) {
        if (!url.isValid() || url.isRelative() || url.host().isEmpty())
            problems << tr("%1 is not a valid URL.").arg(name);
        else if (url.scheme() != u"https" && url.scheme() != u"http")
            problems << tr("%1 must start with https://.").arg(name);
        else if (!isAcceptableEndpoint(url) && url.scheme() == u"http")
            problems << tr("%1 must use https:// (http:// is allowed only for 127.0.0.1 and localhost).")
                            .arg(name);
        else if (!isAcceptableEndpoint(url))
            problems << tr("%1 must not contain a user name, a password or a fragment (#).").arg(name);
    };

    const bool explicitEndpoints = hasExplicitEndpoints();
    if (authority.isEmpty()) {
        if (!explicitEndpoints)
            problems << tr("Authority URL is required (or both the authorize URL and the token URL).");
    } else {
        checkUrl(authority, tr("Authority URL"));
        if (authority.hasQuery())
            problems << tr("Authority URL must not contain a query (?).");
    }
    if (authorizeUrl.isEmpty() != tokenUrl.isEmpty()) {
        problems << tr("Authorize URL and token URL go together: set both or neither.");
    } else if (explicitEndpoints) {
        checkUrl(authorizeUrl, tr("Authorize URL"));
        checkUrl(tokenUrl, tr("Token URL"));
    }
    if (clientId.trimmed().isEmpty())
        problems << tr("Client ID is required.");
    else if (containsWhitespace(clientId))
        problems << tr("Client ID must not contain spaces.");
    if (scopes.isEmpty())
        problems << tr("At least one scope is required.");
    else if (std::any_of(scopes.cbegin(), scopes.cend(),
                         [](const QString &scope) { return scope.isEmpty() || containsWhitespace(scope); }))
        problems << tr("Scopes must be separated by spaces and must not be empty.");
    if (apiBase.isEmpty())
        problems << tr("API base URL is required.");
    else
        checkUrl(apiBase, tr("API base URL"));
    return problems;
}

QList<QUrl> ConnectionSettings::discoveryUrls() const
{
    if (authority.isEmpty())
        return {};
    return {withPath(authority, QStringLiteral("/v2.0/.well-known/openid-configuration")),
            withPath(authority, QStringLiteral("/.well-known/openid-configuration"))};
}

QString ConnectionSettings::connectionId() const
{
    const QUrl where = authority.isEmpty() ? tokenUrl : authority;
    QString path = where.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    const QString host =
        where.port() > 0 ? where.host() + u':' + QString::number(where.port()) : where.host();
    return clientId + u'@' + host + path;
}

QString ConnectionSettings::secretKey() const
{
    return QStringLiteral("refresh-token/") + connectionId();
}

QString ConnectionSettings::subscriptionKeySecretKey() const
{
    return QStringLiteral("subscription-key/") + connectionId();
}

QUrl ConnectionSettings::defaultApiBase()
{
    return QUrl(QStringLiteral("https://api.ci.ai.dynamics.com/v1"));
}

void ConnectionSettings::save(AppSettings &settings) const
{
    using Key = AppSettings::Key;
    settings.setValue(Key::Authority, authority.toString());
    settings.setValue(Key::AuthorizeUrl, authorizeUrl.toString());
    settings.setValue(Key::TokenUrl, tokenUrl.toString());
    settings.setValue(Key::ClientId, clientId);
    settings.setValue(Key::Scopes, scopes.join(u' '));
    settings.setValue(Key::ApiBase, apiBase.toString());
}

ConnectionSettings ConnectionSettings::load(const AppSettings &settings, const ConnectionSettings &defaults)
{
    using Key = AppSettings::Key;
    const auto url = [&settings](Key key, const QUrl &fallback) {
        return settings.contains(key) ? QUrl(settings.value(key).toString(), QUrl::StrictMode) : fallback;
    };
    ConnectionSettings result;
    result.authority = url(Key::Authority, defaults.authority);
    result.authorizeUrl = url(Key::AuthorizeUrl, defaults.authorizeUrl);
    result.tokenUrl = url(Key::TokenUrl, defaults.tokenUrl);
    result.apiBase = url(Key::ApiBase, defaults.apiBase);
    result.clientId =
        settings.contains(Key::ClientId) ? settings.value(Key::ClientId).toString() : defaults.clientId;
    result.scopes = settings.contains(Key::Scopes)
                        ? settings.value(Key::Scopes).toString().split(u' ', Qt::SkipEmptyParts)
                        : defaults.scopes;
    return result;
}
