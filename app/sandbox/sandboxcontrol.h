#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The app's side of a running sandbox's control API and sinks, for demos on the desktop: the Teams channel
// and the mail server a flow's steps can use, "Fail a refresh now", and what the sinks received. The app has
// one only while its connection is the embedded sandbox, never for a tenant. It lives on the GUI thread and
// talks HTTP to 127.0.0.1 (README.md of this folder documents the control API):
//
//   teamsChannelUrl()          http://127.0.0.1:<port>/sandbox/teams/general: the webhook URL of a channel
//   smtpHost()/smtpPort()      the SMTP sink: no TLS, any credentials (or none)
//   failRefreshNow()           GET state (the data sources) -> POST refresh {datasource, failed}, one source
//                              after the other -> refreshFailing(source) | problem(message)
//   readDeliveries(from, to)   GET outbox -> the messages received in [from, to], oldest first
//
// Every answer comes later (queued behind the network), never inside the call; the messages of problem()
// are sentences that say what happened and what to do.
class SandboxControl : public QObject
{
    Q_OBJECT

public:
    // One message a sink received.
    struct Delivery
    {
        enum class Kind
        {
            TeamsMessage,
            Email
        };
        Kind kind = Kind::TeamsMessage;
        QString recipient; // the Teams channel, or the email's recipients joined by ", "
        QString title;     // the card's first text block, or the email's subject
        QString text;      // the card's other text blocks, or the email's text part (headers removed)
        QDateTime receivedAt;
    };

    SandboxControl(QNetworkAccessManager *network, const QUrl &baseUrl, quint16 smtpPort,
                   QObject *parent = nullptr);

    QUrl teamsChannelUrl() const;
    static QString smtpHost() { return QStringLiteral("127.0.0.1"); }
    quint16 smtpPort() const { return m_smtpPort; }
    static QString mailFrom() { return QStringLiteral("insights-admin@contoso.example"); }

    // Fails a refresh of the next data source of the scenario (each in turn); the scenario runs it within
    // a couple of seconds, so a "data source refresh failed" flow fires.
    void failRefreshNow();

    // The messages the sinks received in [from, to] (UTC), oldest first; `done` runs on `context`'s thread
    // unless the context is gone. On failure `done` gets nothing and problem() says why.
    void readDeliveries(const QDateTime &from, const QDateTime &to, QObject *context,
                        std::function<void(const QList<Delivery> &)> done);

    // Parses the control API's outbox answer (GET /sandbox/control/outbox); for tests.
    static QList<Delivery> parseOutbox(const QByteArray &json);

signals:
    void refreshFailing(const QString &dataSource);
    void problem(const QString &message);

private:
    QNetworkReply *get(const QString &path);
    QString replyProblem(QNetworkReply *reply) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    quint16 m_smtpPort;
    int m_nextDataSource = 0;
};
