#include "httptestclient.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUrlQuery>

QByteArray HttpTestClient::Response::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

HttpTestClient::HttpTestClient(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpTestClient::Response HttpTestClient::send(const QByteArray &verb, const QUrl &url, const Headers &headers,
                                              const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body);
    Response response;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(m_timeoutMs + 1000);
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.networkError = int(reply->error());
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return response;
}

QByteArray HttpTestClient::encodeForm(const QList<QPair<QString, QString>> &fields)
{
    QByteArray encoded;
    for (const auto &[key, value] : fields) {
        if (!encoded.isEmpty())
            encoded.append('&');
        encoded.append(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    }
    return encoded;
}

HttpTestClient::Response HttpTestClient::postForm(const QUrl &url,
                                                  const QList<QPair<QString, QString>> &fields)
{
    return send("POST", url, {{"Content-Type", "application/x-www-form-urlencoded"}}, encodeForm(fields));
}

HttpTestClient::Response HttpTestClient::sendJson(const QByteArray &verb, const QUrl &url,
                                                  const QJsonObject &body)
{
    return send(verb, url, {{"Content-Type", "application/json"}},
                QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString HttpTestClient::makeVerifier()
{
    QByteArray bytes(32, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString HttpTestClient::challengeFor(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject signInToSandbox(HttpTestClient &client, const QUrl &authority, const QString &redirectUri,
                            const QString &scope)
{
    const QString verifier = HttpTestClient::makeVerifier();
    QUrl authorize = authority;
    authorize.setPath(authority.path() + QStringLiteral("/oauth2/v2.0/authorize"));
    const QList<QPair<QString, QString>> parameters = {
        {QStringLiteral("client_id"), QStringLiteral("insights-admin")},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("redirect_uri"), redirectUri},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("state"), QStringLiteral("state-1")},
        {QStringLiteral("code_challenge"), HttpTestClient::challengeFor(verifier)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    QList<QPair<QString, QString>> form = parameters;
    form.append({QStringLiteral("username"), QStringLiteral("admin@contoso.example")});
    form.append({QStringLiteral("password"), QStringLiteral("sandbox")});
    form.append({QStringLiteral("consent"), QStringLiteral("accept")});
    const auto accepted = client.postForm(authorize, form);
    if (accepted.status != 302)
        return {};
    const QUrl location(QString::fromUtf8(accepted.header("Location")));
    const QString code = QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return {};
    QUrl token = authority;
    token.setPath(authority.path() + QStringLiteral("/oauth2/v2.0/token"));
    const auto tokens =
        client.postForm(token, {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                {QStringLiteral("code"), code},
                                {QStringLiteral("redirect_uri"), redirectUri},
                                {QStringLiteral("client_id"), QStringLiteral("insights-admin")},
                                {QStringLiteral("code_verifier"), verifier}});
    return tokens.status == 200 ? tokens.object() : QJsonObject();
}
