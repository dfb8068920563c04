#include "smtpsink.h"

#include "sandboxclock.h"
#include "sandboxlog.h"

#include <QRegularExpression>
#include <QTcpSocket>

namespace {

constexpr qsizetype kMaxLineBytes = 64 * 1024;

QString address(const QByteArray &argument)
{
    const qsizetype open = argument.indexOf('<');
    const qsizetype close = argument.indexOf('>', open + 1);
    if (open >= 0 && close > open)
        return QString::fromUtf8(argument.mid(open + 1, close - open - 1)).trimmed();
    return QString::fromUtf8(argument).trimmed();
}

QString subjectOf(const QByteArray &data)
{
    const QList<QByteArray> lines = data.split('\n');
    QString subject;
    bool inSubject = false;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // end of the header section
        if (inSubject && (line.startsWith(' ') || line.startsWith('\t'))) {
            subject += QString::fromUtf8(line);
            continue;
        }
        inSubject = line.toLower().startsWith("subject:");
        if (inSubject)
            subject = QString::fromUtf8(line.mid(8)).trimmed();
    }
    return subject;
}

} // namespace

SmtpSink::SmtpSink(Outbox *outbox, std::shared_ptr<const SandboxClock> clock, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_clock(std::move(clock))
    , m_server(this)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SmtpSink::acceptConnections);
}

SmtpSink::~SmtpSink() = default;

bool SmtpSink::listen(quint16 port, QString *error)
{
    if (!m_server.listen(QHostAddress::LocalHost, port)) {
        *error = QStringLiteral("SMTP sink cannot listen on 127.0.0.1:%1: %2")
                     .arg(port)
                     .arg(m_server.errorString());
        return false;
    }
    return true;
}

void SmtpSink::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_sessions.insert(socket, Session());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_sessions.remove(socket);
            socket->deleteLater();
        });
        socket->write("220 insights-sandbox SMTP sink ready\r\n");
    }
}

void SmtpSink::readFrom(QTcpSocket *socket)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    it->buffer.append(socket->readAll());
    qsizetype newline;
    while ((newline = it->buffer.indexOf('\n')) >= 0) {
        QByteArray line = it->buffer.left(newline);
        it->buffer.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(socket, *it, line);
        it = m_sessions.find(socket); // QUIT may have ended the session
        if (it == m_sessions.end())
            return;
    }
    if (it->buffer.size() > kMaxLineBytes) {
        socket->write("500 Line too long\r\n");
        it->buffer.clear();
    }
}

void SmtpSink::handleLine(QTcpSocket *socket, Session &session, const QByteArray &line)
{
    switch (session.state) {
    case Session::State::Data:
        if (line == ".") {
            session.state = Session::State::Command;
            if (session.tooLarge) {
                socket->write("552 Message exceeds the 1 MiB limit\r\n");
            } else {
                deliver(session);
                socket->write("250 OK: queued in the sandbox outbox\r\n");
            }
            session.from.clear();
            session.to.clear();
            session.data.clear();
            session.tooLarge = false;
            return;
        }
        if (!session.tooLarge) {
            session.data.append(line.startsWith("..") ? line.mid(1) : line);
            session.data.append("\r\n");
            if (session.data.size() > kMaxMessageBytes) {
                session.tooLarge = true;
                session.data.clear();
            }
        }
        return;
    case Session::State::AuthPlain:
    case Session::State::AuthLoginPassword:
        session.state = Session::State::Command;
        socket->write("235 2.7.0 Authentication successful\r\n");
        return;
    case Session::State::AuthLoginUser:
        session.state = Session::State::AuthLoginPassword;
        socket->write("334 UGFzc3dvcmQ6\r\n");
        return;
    case Session::State::Command:
        handleCommand(socket, session, line);
        return;
    }
}

void SmtpSink::handleCommand(QTcpSocket *socket, Session &session, const QByteArray &line)
{
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1).trimmed();
    if (verb == "EHLO") {
        socket->write(
            "250-insights-sandbox\r\n250-SIZE 1048576\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 OK\r\n");
    } else if (verb == "HELO") {
        socket->write("250 insights-sandbox\r\n");
    } else if (verb == "AUTH") {
        const QByteArray mechanism = argument.split(' ').value(0).toUpper();
        if (mechanism == "PLAIN") {
            if (argument.contains(' ')) {
                socket->write("235 2.7.0 Authentication successful\r\n");
            } else {
                session.state = Session::State::AuthPlain;
                socket->write("334 \r\n");
            }
        } else if (mechanism == "LOGIN") {
            session.state = Session::State::AuthLoginUser;
            socket->write("334 VXNlcm5hbWU6\r\n");
        } else {
            socket->write("504 Unrecognized authentication type\r\n");
        }
    } else if (verb == "MAIL") {
        if (!argument.toUpper().startsWith("FROM:")) {
            socket->write("501 Syntax: MAIL FROM:<address>\r\n");
            return;
        }
        session.from = address(argument.mid(5));
        session.to.clear();
        socket->write("250 OK\r\n");
    } else if (verb == "RCPT") {
        if (session.from.isNull()) {
            socket->write("503 MAIL first\r\n");
            return;
        }
        if (!argument.toUpper().startsWith("TO:")) {
            socket->write("501 Syntax: RCPT TO:<address>\r\n");
            return;
        }
        session.to.append(address(argument.mid(3)));
        socket->write("250 OK\r\n");
    } else if (verb == "DATA") {
        if (session.to.isEmpty()) {
            socket->write("503 RCPT first\r\n");
            return;
        }
        session.state = Session::State::Data;
        session.data.clear();
        socket->write("354 End data with <CR><LF>.<CR><LF>\r\n");
    } else if (verb == "RSET") {
        session.from.clear();
        session.to.clear();
        session.data.clear();
        socket->write("250 OK\r\n");
    } else if (verb == "NOOP") {
        socket->write("250 OK\r\n");
    } else if (verb == "VRFY") {
        socket->write("252 Cannot verify, but will accept\r\n");
    } else if (verb == "STARTTLS") {
        socket->write("454 TLS not available in the sandbox\r\n");
    } else if (verb == "QUIT") {
        socket->write("221 Bye\r\n");
        m_sessions.remove(socket);
        socket->disconnectFromHost();
    } else {
        socket->write("502 Command not implemented\r\n");
    }
}

void SmtpSink::deliver(Session &session)
{
    Outbox::Email email;
    email.from = session.from;
    email.to = session.to;
    email.subject = subjectOf(session.data);
    email.data = session.data;
    email.receivedAt = m_clock->now();
    qCDebug(lcSandbox) << "SMTP sink received a message for" << email.to;
    m_outbox->addEmail(std::move(email));
    emit emailReceived();
}
