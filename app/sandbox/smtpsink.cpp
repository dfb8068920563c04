#include "smtpsink.h"

#include "sandboxclock.h"
#include "sandboxlog.h"

#include <QTcpSocket>

namespace {

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

SmtpSession::SmtpSession(Deliver deliver)
    : m_deliver(std::move(deliver))
{}

QByteArray SmtpSession::greeting()
{
    return QByteArrayLiteral("220 insights-sandbox SMTP sink ready\r\n");
}

QByteArray SmtpSession::receive(const QByteArray &bytes)
{
    QByteArray reply;
    if (m_closed)
        return reply;
    m_buffer.append(bytes);
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(line, &reply);
        if (m_closed) { // QUIT: whatever follows is not read
            m_buffer.clear();
            return reply;
        }
    }
    if (m_buffer.size() > kMaxLineBytes) {
        reply.append("500 Line too long\r\n");
        m_buffer.clear();
    }
    return reply;
}

void SmtpSession::handleLine(const QByteArray &line, QByteArray *reply)
{
    switch (m_state) {
    case State::Data:
        if (line == ".") {
            m_state = State::Command;
            if (m_tooLarge) {
                reply->append("552 Message exceeds the 1 MiB limit\r\n");
            } else {
                deliver();
                reply->append("250 OK: queued in the sandbox outbox\r\n");
            }
            m_from.clear();
            m_to.clear();
            m_data.clear();
            m_tooLarge = false;
            return;
        }
        if (!m_tooLarge) {
            m_data.append(line.startsWith("..") ? line.mid(1) : line);
            m_data.append("\r\n");
            if (m_data.size() > kMaxMessageBytes) {
                m_tooLarge = true;
                m_data.clear();
            }
        }
        return;
    case State::AuthPlain:
    case State::AuthLoginPassword:
        m_state = State::Command;
        reply->append("235 2.7.0 Authentication successful\r\n");
        return;
    case State::AuthLoginUser:
        m_state = State::AuthLoginPassword;
        reply->append("334 UGFzc3dvcmQ6\r\n");
        return;
    case State::Command:
        handleCommand(line, reply);
        return;
    }
}

void SmtpSession::handleCommand(const QByteArray &line, QByteArray *reply)
{
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1).trimmed();
    if (verb == "EHLO") {
        reply->append(
            "250-insights-sandbox\r\n250-SIZE 1048576\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 OK\r\n");
    } else if (verb == "HELO") {
        reply->append("250 insights-sandbox\r\n");
    } else if (verb == "AUTH") {
        const QByteArray mechanism = argument.split(' ').value(0).toUpper();
        if (mechanism == "PLAIN") {
            if (argument.contains(' ')) {
                reply->append("235 2.7.0 Authentication successful\r\n");
            } else {
                m_state = State::AuthPlain;
                reply->append("334 \r\n");
            }
        } else if (mechanism == "LOGIN") {
            m_state = State::AuthLoginUser;
            reply->append("334 VXNlcm5hbWU6\r\n");
        } else {
            reply->append("504 Unrecognized authentication type\r\n");
        }
    } else if (verb == "MAIL") {
        if (!argument.toUpper().startsWith("FROM:")) {
            reply->append("501 Syntax: MAIL FROM:<address>\r\n");
            return;
        }
        m_from = address(argument.mid(5));
        m_to.clear();
        reply->append("250 OK\r\n");
    } else if (verb == "RCPT") {
        if (m_from.isNull()) {
            reply->append("503 MAIL first\r\n");
            return;
        }
        if (!argument.toUpper().startsWith("TO:")) {
            reply->append("501 Syntax: RCPT TO:<address>\r\n");
            return;
        }
        m_to.append(address(argument.mid(3)));
        reply->append("250 OK\r\n");
    } else if (verb == "DATA") {
        if (m_to.isEmpty()) {
            reply->append("503 RCPT first\r\n");
            return;
        }
        m_state = State::Data;
        m_data.clear();
        reply->append("354 End data with <CR><LF>.<CR><LF>\r\n");
    } else if (verb == "RSET") {
        m_from.clear();
        m_to.clear();
        m_data.clear();
        reply->append("250 OK\r\n");
    } else if (verb == "NOOP") {
        reply->append("250 OK\r\n");
    } else if (verb == "VRFY") {
        reply->append("252 Cannot verify, but will accept\r\n");
    } else if (verb == "STARTTLS") {
        reply->append("454 TLS not available in the sandbox\r\n");
    } else if (verb == "QUIT") {
        reply->append("221 Bye\r\n");
        m_closed = true;
    } else {
        reply->append("502 Command not implemented\r\n");
    }
}

void SmtpSession::deliver()
{
    Outbox::Email email;
    email.from = m_from;
    email.to = m_to;
    email.subject = subjectOf(m_data);
    email.data = m_data;
    if (m_deliver)
        m_deliver(std::move(email));
}

SmtpSink::SmtpSink(Outbox *outbox, std::shared_ptr<const SandboxClock> clock, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_clock(std::move(clock))
    , m_server(this)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SmtpSink::acceptConnections);
}

// Open connections (children of the server) are deleted after m_sessions: their disconnected signal must not
// reach it then.
SmtpSink::~SmtpSink()
{
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->disconnect(this);
}

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
        m_sessions.insert(socket, SmtpSession([this](Outbox::Email email) { deliver(std::move(email)); }));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_sessions.remove(socket);
            socket->deleteLater();
        });
        socket->write(SmtpSession::greeting());
    }
}

void SmtpSink::readFrom(QTcpSocket *socket)
{
    const auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    const QByteArray reply = it->receive(socket->readAll());
    const bool closed = it->isClosed();
    if (!reply.isEmpty())
        socket->write(reply);
    if (closed) {
        m_sessions.remove(socket);
        socket->disconnectFromHost();
    }
}

void SmtpSink::deliver(Outbox::Email email)
{
    email.receivedAt = m_clock->now();
    qCDebug(lcSandbox) << "SMTP sink received a message for" << email.to;
    m_outbox->addEmail(std::move(email));
    emit emailReceived();
}
