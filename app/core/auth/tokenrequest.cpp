#include "tokenrequest.h"

#include "authlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {

QUrl withoutQuery(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

} // namespace

TokenRequest::TokenRequest(QNetworkAccessManager *nam, const QUrl &tokenUrl, const Form &form,
                           QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_tokenUrl(tokenUrl)
    , m_body(encodeForm(form))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

TokenRequest::~TokenRequest()
{
    abort();
}

QByteArray TokenRequest::encodeForm(const Form &form)
{
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

void TokenRequest::start()
{
    QNetworkRequest request(m_tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(m_transferTimeout.count()));
    qCDebug(lcAuth) << "POST" << withoutQuery(m_tokenUrl).toString();
    m_reply = m_nam->post(request, m_body);
    connect(m_reply, &QNetworkReply::finished, this, &TokenRequest::handleFinished);
}

void TokenRequest::abort()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

std::variant<TokenSet, SignInError> TokenRequest::parseResponse(int httpStatus, const QByteArray &body,
                                                                const QDateTime &now)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();
    const QString status = QStringLiteral("HTTP %1").arg(httpStatus);

    if (httpStatus >= 200 && httpStatus < 300) {
        TokenSet tokens;
        tokens.accessToken = json.value(u"access_token").toString();
        tokens.refreshToken = json.value(u"refresh_token").toString();
        const QString tokenType = json.value(u"token_type").toString();
        if (!document.isObject() || tokens.accessToken.isEmpty() ||
            (!tokenType.isEmpty() && tokenType.compare(u"bearer", Qt::CaseInsensitive) != 0)) {
            return SignInError{SignInError::Kind::TokenEndpoint,
                               TokenRequest::tr("The sign-in server sent an answer this app cannot read."),
                               status + QStringLiteral(": no bearer access_token in the response")};
        }
        // expires_in is a number, but some servers send a string.
        const QJsonValue expiresIn = json.value(u"expires_in");
        const qint64 seconds =
            expiresIn.isString() ? expiresIn.toString().toLongLong() : expiresIn.toInteger();
        if (seconds > 0)
            tokens.expiresAt = now.toUTC().addSecs(seconds);
        tokens.account = accountFromIdToken(json.value(u"id_token").toString().toLatin1());
        return tokens;
    }

    const QString error = json.value(u"error").toString();
    const QString description = json.value(u"error_description").toString();
    QString details = status;
    if (!error.isEmpty())
        details += QStringLiteral(": ") + error;
    if (!description.isEmpty())
        details += QStringLiteral(": ") + description;

    if (error == u"invalid_grant") {
        return SignInError{SignInError::Kind::InvalidGrant,
                           TokenRequest::tr("Your sign-in has expired or was already used. Sign in again."),
                           details};
    }
    QString message;
    if (error == u"invalid_client" || error == u"unauthorized_client")
        message = TokenRequest::tr("The sign-in server does not accept this client ID. Check the connection "
                                   "settings.");
    else if (error == u"invalid_scope")
        message = TokenRequest::tr("The sign-in server does not accept the requested scopes. Check the "
                                   "connection settings.");
    else if (httpStatus >= 500)
        message = TokenRequest::tr("The sign-in server had a problem. Try again in a few minutes.");
    else
        message = TokenRequest::tr("The sign-in server refused to issue a token.");
    if (error.isEmpty() && parseError.error != QJsonParseError::NoError)
        details += QStringLiteral(": the response is not JSON");
    return SignInError{SignInError::Kind::TokenEndpoint, message, details};
}

SignInError networkSignInError(QNetworkReply *reply, SignInError::Kind kind, const QString &message)
{
    return SignInError{
        kind, message,
        QStringLiteral("%1 (network error %2)").arg(reply->errorString()).arg(int(reply->error()))};
}

void TokenRequest::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        qCWarning(lcAuth) << "token endpoint unreachable:" << reply->error();
        emit failed(networkSignInError(
            reply, SignInError::Kind::Network,
            tr("Could not reach the sign-in server. Check the network connection and the authority.")));
        return;
    }
    const int status = statusAttribute.toInt();
    auto outcome = parseResponse(status, reply->readAll(), m_now());
    if (auto *tokens = std::get_if<TokenSet>(&outcome)) {
        qCDebug(lcAuth) << "token endpoint: HTTP" << status << "tokens issued";
        emit succeeded(*tokens);
    } else {
        const auto &error = std::get<SignInError>(outcome);
        qCWarning(lcAuth).noquote() << "token endpoint:" << error.details;
        emit failed(error);
    }
}
