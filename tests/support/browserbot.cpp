#include "browserbot.h"

#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {

QString unescapeHtml(QString text)
{
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

QNetworkRequest browserRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("BrowserBot/1.0"));
    request.setTransferTimeout(30000);
    return request;
}

QByteArray encodeForm(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

BrowserBot::BrowserBot(QObject *parent)
    : QObject(parent)
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

QString BrowserBot::queryValue(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

std::function<bool(const QUrl &)> BrowserBot::asBrowser(const Credentials &credentials)
{
    return [this, credentials](const QUrl &url) {
        open(url, credentials);
        return true;
    };
}

void BrowserBot::open(const QUrl &authorizeUrl, const Credentials &credentials, bool submitAutomatically)
{
    ++m_opened;
    QNetworkReply *reply = m_nam.get(browserRequest(authorizeUrl));
    connect(reply, &QNetworkReply::finished, this, [this, reply, credentials, submitAutomatically] {
        handleFormReply(reply, credentials, submitAutomatically);
    });
}

void BrowserBot::handleFormReply(QNetworkReply *reply, const Credentials &credentials,
                                 bool submitAutomatically)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 302 || status == 303) {
        m_redirectTarget = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        emit redirected(m_redirectTarget);
        const QUrl next = m_redirectHook ? m_redirectHook(m_redirectTarget) : m_redirectTarget;
        if (!next.isEmpty())
            follow(next);
        return;
    }
    m_formPage = QString::fromUtf8(reply->readAll());
    if (status != 200) {
        emit failed(QStringLiteral("HTTP %1 from the authorization server: %2").arg(status).arg(m_formPage));
        return;
    }
    static const QRegularExpression formPattern(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    static const QRegularExpression hiddenPattern(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\""));
    const QRegularExpressionMatch form = formPattern.match(m_formPage);
    if (!form.hasMatch()) {
        emit failed(QStringLiteral("no sign-in form in the page"));
        return;
    }
    m_formAction = reply->url().resolved(QUrl(unescapeHtml(form.captured(1))));
    m_hiddenFields.clear();
    for (auto it = hiddenPattern.globalMatch(m_formPage); it.hasNext();) {
        const QRegularExpressionMatch hidden = it.next();
        m_hiddenFields.append({unescapeHtml(hidden.captured(1)), unescapeHtml(hidden.captured(2))});
    }
    emit formShown(m_formPage);
    if (submitAutomatically)
        submit(credentials);
}

void BrowserBot::submit(const Credentials &credentials)
{
    QList<std::pair<QString, QString>> fields = m_hiddenFields;
    fields.append({QStringLiteral("username"), credentials.username});
    fields.append({QStringLiteral("password"), credentials.password});
    fields.append({QStringLiteral("consent"), credentials.consent});
    QNetworkRequest request = browserRequest(m_formAction);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_nam.post(request, encodeForm(fields));
    // A wrong password shows the form again: never resubmit automatically.
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleFormReply(reply, {}, false); });
}

void BrowserBot::follow(const QUrl &url)
{
    QNetworkReply *reply = m_nam.get(browserRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_callbackStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_callbackPage = QString::fromUtf8(reply->readAll());
        if (m_callbackStatus == 0)
            emit failed(reply->errorString());
        emit callbackAnswered(m_callbackStatus, m_callbackPage);
    });
}
