#pragma once

#include "outbox.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <functional>
#include <memory>

class SandboxClock;
class QTcpSocket;

// One SMTP conversation of the sink, without a socket: bytes from the client in, the replies to send out.
// The sink runs one per connection; tests and the fuzzer drive it directly.
//
//   SmtpSession session([](Outbox::Email email) { ... });   // called for each message accepted after DATA
//   socket.write(SmtpSession::greeting());
//   socket.write(session.receive(socket.readAll()));         // complete lines only; the rest is kept
//   if (session.isClosed()) socket.disconnectFromHost();     // QUIT: later input is ignored
class SmtpSession
{
public:
    static constexpr qsizetype kMaxMessageBytes = 1024 * 1024;
    static constexpr qsizetype kMaxLineBytes = 64 * 1024;

    // `email.receivedAt` is left for the callback to set.
    using Deliver = std::function<void(Outbox::Email email)>;

    explicit SmtpSession(Deliver deliver);

    static QByteArray greeting();
    QByteArray receive(const QByteArray &bytes);
    bool isClosed() const { return m_closed; }

private:
    enum class State
    {
        Command,
        Data,
        AuthPlain,
        AuthLoginUser,
        AuthLoginPassword,
    };

    void handleLine(const QByteArray &line, QByteArray *reply);
    void handleCommand(const QByteArray &line, QByteArray *reply);
    void deliver();

    Deliver m_deliver;
    State m_state = State::Command;
    QByteArray m_buffer;
    QString m_from;
    QStringList m_to;
    QByteArray m_data;
    bool m_tooLarge = false;
    bool m_closed = false;
};

// A minimal SMTP receiver on its own 127.0.0.1 port: the peer the email step talks to in the sandbox.
// EHLO/HELO, AUTH PLAIN/LOGIN (any credentials), MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS. Messages go to
// the Outbox. Not a mail server: nothing is relayed.
class SmtpSink : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxMessageBytes = SmtpSession::kMaxMessageBytes;

    SmtpSink(Outbox *outbox, std::shared_ptr<const SandboxClock> clock, QObject *parent = nullptr);
    ~SmtpSink() override;

    bool listen(quint16 port, QString *error);
    quint16 port() const { return m_server.serverPort(); }

signals:
    void emailReceived();

private:
    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void deliver(Outbox::Email email);

    Outbox *m_outbox;
    std::shared_ptr<const SandboxClock> m_clock;
    QTcpServer m_server;
    QHash<QTcpSocket *, SmtpSession> m_sessions;
};
