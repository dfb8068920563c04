#include "loopbacklistener.h"

#include "authlog.h"
#include "loopbackrequest.h"

#include <QTcpSocket>
#include <QTimer>

#include <limits>

namespace {

constexpr int kMaxConnections = 32;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

LoopbackListener::LoopbackListener(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackListener::acceptConnections);
}

LoopbackListener::~LoopbackListener()
{
    close();
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        it.key()->disconnect(this);
}

bool LoopbackListener::listen()
{
    // 127.0.0.1 and nothing else: the redirect must not be reachable from the network.
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        qCWarning(lcAuth) << "loopback listener failed:" << m_server.errorString();
        return false;
    }
    m_server.setMaxPendingConnections(kMaxConnections);
    m_port = m_server.serverPort();
    qCDebug(lcAuth) << "loopback listener on" << m_server.serverAddress().toString() << m_port;
    return true;
}

QUrl LoopbackListener::redirectUri() const
{
    QUrl uri;
    uri.setScheme(QStringLiteral("http"));
    uri.setHost(QStringLiteral("127.0.0.1"));
    uri.setPort(m_port);
    uri.setPath(QStringLiteral("/callback"));
    return uri;
}

void LoopbackListener::stopListening()
{
    if (m_server.isListening()) {
        m_server.close();
        qCDebug(lcAuth) << "loopback listener closed";
    }
    // Whatever else is connected is not the callback.
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        if (socket != m_heldCallback)
            drop(socket);
    }
}

void LoopbackListener::close()
{
    stopListening();
    if (m_heldCallback)
        drop(m_heldCallback);
}

void LoopbackListener::respond(int status, const QString &title, const QString &html)
{
    if (QTcpSocket *socket = m_heldCallback) {
        m_heldCallback = nullptr;
        answer(socket, htmlResponse(status, title, html));
    }
}

QByteArray LoopbackListener::htmlResponse(int status, const QString &title, const QString &bodyHtml)
{
    const QByteArray body =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
            "<style>body{font-family:sans-serif;margin:4em auto;max-width:36em;line-height:1.5;"
            "color:#222}h1{font-size:1.4em}</style></head>\n<body><h1>%1</h1>\n%2\n</body></html>\n")
            .arg(title.toHtmlEscaped(), bodyHtml)
            .toUtf8();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) +
                "\r\n"
                "Cache-Control: no-store\r\n"
                "Referrer-Policy: no-referrer\r\n"
                "X-Content-Type-Options: nosniff\r\n"
                "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
                "Connection: close\r\n\r\n";
    return response + body;
}

void LoopbackListener::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        if (m_connections.size() >= kMaxConnections) {
            // Full: make room by dropping the oldest idle connection, so a flood cannot lock the browser out.
            QTcpSocket *oldest = nullptr;
            quint64 oldestSerial = std::numeric_limits<quint64>::max();
            for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
                if (it.key() != m_heldCallback && it->serial < oldestSerial) {
                    oldest = it.key();
                    oldestSerial = it->serial;
                }
            }
            if (oldest)
                drop(oldest);
        }
        Connection &connection = m_connections[socket];
        connection.serial = m_nextSerial++;
        connection.idleTimer = new QTimer(socket);
        connection.idleTimer->setSingleShot(true);
        connection.idleTimer->setInterval(m_idleTimeout);
        connect(connection.idleTimer, &QTimer::timeout, this, [this, socket] {
            // A held callback waits for respond(), a slow client is dropped.
            if (socket != m_heldCallback)
                drop(socket);
        });
        connection.idleTimer->start();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket == m_heldCallback)
                m_heldCallback = nullptr;
            m_connections.remove(socket);
            socket->deleteLater();
        });
        readFrom(socket);
    }
}

void LoopbackListener::readFrom(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || socket == m_heldCallback) {
        socket->readAll(); // nothing more is expected from it
        return;
    }
    it->buffer += socket->read(LoopbackRequest::kMaxSize + 1 - it->buffer.size());
    const LoopbackRequest request = parseLoopbackRequest(it->buffer);
    switch (request.status) {
    case LoopbackRequest::Status::Incomplete:
        return;
    case LoopbackRequest::Status::TooLarge:
        qCDebug(lcAuth) << "loopback: request too large";
        answer(socket, htmlResponse(431, tr("Request too large"), QString()));
        return;
    case LoopbackRequest::Status::Malformed:
        qCDebug(lcAuth) << "loopback: malformed request";
        answer(socket, htmlResponse(400, tr("Bad request"), QString()));
        return;
    case LoopbackRequest::Status::Complete:
        break;
    }
    it->buffer.clear();

    const bool isCallback = request.path == u"/callback";
    if (isCallback && request.method != "GET") {
        qCDebug(lcAuth) << "loopback:" << request.method << "/callback - 405";
        answer(socket, htmlResponse(405, tr("Method not allowed"), QString()));
        return;
    }
    if (!isCallback || !request.query.hasQueryItem(QStringLiteral("state")) || m_heldCallback ||
        !m_server.isListening()) {
        qCDebug(lcAuth).noquote() << "loopback: stray request for" << request.path << "- 404";
        answer(socket, htmlResponse(404, tr("Not found"), QString()));
        return;
    }
    qCDebug(lcAuth) << "loopback: callback received";
    m_heldCallback = socket;
    it->idleTimer->stop();
    emit callbackReceived(request.query);
}

void LoopbackListener::answer(QTcpSocket *socket, const QByteArray &response)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    // The answered socket leaves the listener: the page must reach the browser even when the listener is
    // destroyed right after the callback (the sign-in is over). The client gets a few seconds to read it,
    // then the connection goes regardless.
    it->idleTimer->stop();
    m_connections.erase(it);
    socket->disconnect(this);
    socket->setParent(nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(std::chrono::seconds(5), socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->write(response);
    socket->disconnectFromHost();
}

void LoopbackListener::drop(QTcpSocket *socket)
{
    if (socket == m_heldCallback)
        m_heldCallback = nullptr;
    if (const auto it = m_connections.constFind(socket); it != m_connections.cend())
        it->idleTimer->stop();
    m_connections.remove(socket);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}
