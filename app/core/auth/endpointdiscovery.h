#pragma once

#include "connectionsettings.h"
#include "signinerror.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

struct AuthEndpoints
{
    QUrl authorizeUrl;
    QUrl tokenUrl;
};

// Finds the authorize and token endpoints of a connection: the explicit ones when set, else the
// authority's OpenID Connect discovery document ({authority}/v2.0/.well-known/openid-configuration, then
// {authority}/.well-known/openid-configuration when the first is 404).
class EndpointDiscovery : public QObject
{
    Q_OBJECT

public:
    EndpointDiscovery(QNetworkAccessManager *nam, const ConnectionSettings &settings,
                      QObject *parent = nullptr);
    ~EndpointDiscovery() override;

    void start();
    void abort();

    // The endpoints a discovery document names; nullopt when it is not JSON or names no acceptable
    // endpoints (https, or http to a loopback host).
    static std::optional<AuthEndpoints> parseDocument(const QByteArray &json);

signals:
    void discovered(const AuthEndpoints &endpoints);
    void failed(const SignInError &error);

private:
    void fetch();
    void handleFinished();

    QNetworkAccessManager *m_nam;
    ConnectionSettings m_settings;
    QList<QUrl> m_candidates;
    QPointer<QNetworkReply> m_reply;
};
