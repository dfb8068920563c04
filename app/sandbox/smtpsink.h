#pragma once

#include "outbox.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <memory>

class SandboxClock;
class QTcpSocket;

// A minimal SMTP receiver on its own 127.0.0.1 port: the peer the email step talks to in the sandbox.
// EHLO/HELO, AUTH PLAIN/LOGIN (any credentials), MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS. Messages go to
// the Outbox. Not a mail server: nothing is relayed.
class SmtpSink : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxMessageBytes = 1024 * 1024;

    SmtpSink(Outbox *outbox, std::shared_ptr<const SandboxClock> clock, QObject *parent = nullptr);
    ~SmtpSink() override;

    bool listen(quint16 port, QString *error);
    quint16 port() const { return m_server.serverPort(); }

signals:
    void emailReceived();

private:
    struct Session
    {
        enum class State
        {
            Command,
            Data,
            AuthPlain,
            AuthLoginUser,
            AuthLoginPassword,
        };
        State state = State::Command;
        QByteArray buffer;
        QString from;
        QStringList to;
        QByteArray data;
        bool tooLarge = false;
    };

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void handleLine(QTcpSocket *socket, Session &session, const QByteArray &line);
    void handleCommand(QTcpSocket *socket, Session &session, const QByteArray &line);
    void deliver(Session &session);

    Outbox *m_outbox;
    std::shared_ptr<const SandboxClock> m_clock;
    QTcpServer m_server;
    QHash<QTcpSocket *, Session> m_sessions;
};
