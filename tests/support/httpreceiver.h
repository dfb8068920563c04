#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// A webhook receiver for tests on 127.0.0.1 (ephemeral port), like the endpoint an HTTP step calls. It
// answers from a script (one response per request, then a default), can hold a request unanswered (the
// client's timeout), checks each request's X-Insights-Signature against its signing secret, and behaves as an
// idempotent receiver should: a request whose Idempotency-Key was already answered 2xx counts as a duplicate
// delivery.
class HttpReceiver : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query
        Headers headers;
        QByteArray body;
        bool signatureValid = false; // X-Insights-Signature is sha256=<HMAC of the body with the secret>
        bool duplicate = false;      // its Idempotency-Key was answered 2xx before

        QByteArray header(const QByteArray &name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray body = "ok";
        Headers headers;
        bool hang = false; // never answer
        int delayMs = 0;   // answer this long after the request arrived (a slow endpoint)
    };

    explicit HttpReceiver(QObject *parent = nullptr);
    ~HttpReceiver() override;

    bool listen();
    QUrl url(const QString &path = QStringLiteral("/hook")) const;

    void setSigningSecret(const QByteArray &secret) { m_secret = secret; }
    void enqueue(const Response &response) { m_script.append(response); }
    void setDefaultResponse(const Response &response) { m_default = response; }

    const QList<Request> &requests() const { return m_requests; }
    int count() const { return int(m_requests.size()); }
    int duplicates() const;
    int delivered() const { return int(m_delivered.size()); } // distinct keys answered 2xx

signals:
    void received(int index); // into requests()

private:
    void readFrom(QTcpSocket *socket);

    QTcpServer *m_server;
    QByteArray m_secret;
    QList<Response> m_script;
    Response m_default;
    QList<Request> m_requests;
    QSet<QByteArray> m_delivered;
};
