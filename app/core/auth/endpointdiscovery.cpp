#include "endpointdiscovery.h"

#include "authlog.h"
#include "tokenrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

EndpointDiscovery::EndpointDiscovery(QNetworkAccessManager *nam, const ConnectionSettings &settings,
                                     QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_settings(settings)
{}

EndpointDiscovery::~EndpointDiscovery()
{
    abort();
}

std::optional<AuthEndpoints> EndpointDiscovery::parseDocument(const QByteArray &json)
{
    const QJsonObject document = QJsonDocument::fromJson(json).object();
    AuthEndpoints endpoints{QUrl(document.value(u"authorization_endpoint").toString(), QUrl::StrictMode),
                            QUrl(document.value(u"token_endpoint").toString(), QUrl::StrictMode)};
    if (!isAcceptableEndpoint(endpoints.authorizeUrl) || !isAcceptableEndpoint(endpoints.tokenUrl))
        return std::nullopt;
    return endpoints;
}

void EndpointDiscovery::start()
{
    if (m_settings.hasExplicitEndpoints()) {
        // Asynchronous like a fetch, so callers have one code path.
        QTimer::singleShot(0, this, [this] {
            emit discovered(AuthEndpoints{m_settings.authorizeUrl, m_settings.tokenUrl});
        });
        return;
    }
    m_candidates = m_settings.discoveryUrls();
    fetch();
}

void EndpointDiscovery::abort()
{
    m_candidates.clear();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void EndpointDiscovery::fetch()
{
    if (m_candidates.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            emit failed(SignInError{SignInError::Kind::Discovery,
                                    tr("The authority does not publish its sign-in endpoints. Set the "
                                       "authorize URL and the token URL in the connection settings."),
                                    QStringLiteral("no discovery document")});
        });
        return;
    }
    const QUrl url = m_candidates.takeFirst();
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setTransferTimeout(30000);
    qCDebug(lcAuth) << "GET" << url.toString();
    m_reply = m_nam->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &EndpointDiscovery::handleFinished);
}

void EndpointDiscovery::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QString url = reply->url().toString();
    if (!status.isValid()) {
        qCWarning(lcAuth) << "discovery unreachable:" << url << reply->error();
        emit failed(networkSignInError(reply, SignInError::Kind::Network,
                                       tr("Could not reach the sign-in server. Check the network connection "
                                          "and the authority.")));
        return;
    }
    if (status.toInt() == 404 && !m_candidates.isEmpty()) {
        qCDebug(lcAuth) << "discovery: HTTP 404 from" << url << "- trying the next location";
        fetch();
        return;
    }
    if (status.toInt() != 200) {
        qCWarning(lcAuth) << "discovery: HTTP" << status.toInt() << "from" << url;
        emit failed(
            SignInError{SignInError::Kind::Discovery,
                        tr("The authority did not describe its sign-in endpoints. Check the authority "
                           "URL, or set the authorize URL and the token URL."),
                        QStringLiteral("HTTP %1 from %2").arg(status.toInt()).arg(url)});
        return;
    }
    const auto endpoints = parseDocument(reply->readAll());
    if (!endpoints) {
        qCWarning(lcAuth) << "discovery: unusable document from" << url;
        emit failed(
            SignInError{SignInError::Kind::Discovery,
                        tr("The authority's description of its sign-in endpoints cannot be used. Set the "
                           "authorize URL and the token URL in the connection settings."),
                        QStringLiteral("%1: no https authorization_endpoint and token_endpoint").arg(url)});
        return;
    }
    qCDebug(lcAuth) << "discovered" << endpoints->authorizeUrl.adjusted(QUrl::RemoveQuery).toString()
                    << endpoints->tokenUrl.adjusted(QUrl::RemoveQuery).toString();
    emit discovered(*endpoints);
}
