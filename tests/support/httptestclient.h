#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

// A QNetworkAccessManager for tests: sends one request and waits for its answer (QSignalSpy::wait), never
// follows redirects, and hands back the status, headers and body as values.
class HttpTestClient
{
public:
    struct Response
    {
        int status = 0; // 0: no HTTP answer (see error)
        int networkError = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;

        QByteArray header(const QByteArray &name) const;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        QJsonObject object() const { return json().object(); }
    };

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpTestClient(int timeoutMs = 10000);

    Response send(const QByteArray &verb, const QUrl &url, const Headers &headers = {},
                  const QByteArray &body = {});
    Response get(const QUrl &url, const Headers &headers = {}) { return send("GET", url, headers); }
    Response postForm(const QUrl &url, const QList<QPair<QString, QString>> &fields);
    Response postJson(const QUrl &url, const QJsonObject &body) { return sendJson("POST", url, body); }
    Response sendJson(const QByteArray &verb, const QUrl &url, const QJsonObject &body);

    QNetworkAccessManager &manager() { return m_manager; }

    // PKCE (RFC 7636): a 43-character verifier and its S256 challenge.
    static QString makeVerifier();
    static QString challengeFor(const QString &verifier);
    static QByteArray encodeForm(const QList<QPair<QString, QString>> &fields);

private:
    QNetworkAccessManager m_manager;
    int m_timeoutMs;
};

// Plays the browser and the app against the sandbox's identity provider: authorize form -> accept -> code ->
// token. Returns the token response (empty on failure).
QJsonObject signInToSandbox(HttpTestClient &client, const QUrl &authority,
                            const QString &redirectUri = QStringLiteral("http://127.0.0.1:48123/callback"),
                            const QString &scope = QStringLiteral(
                                "https://api.ci.ai.microsoft.com/user_impersonation offline_access openid"));
