#include "httpreceiver.h"

#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray HttpReceiver::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpReceiver::HttpReceiver(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

HttpReceiver::~HttpReceiver() = default;

bool HttpReceiver::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl HttpReceiver::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(path);
    return url;
}

int HttpReceiver::duplicates() const
{
    return int(
        std::count_if(m_requests.begin(), m_requests.end(), [](const Request &r) { return r.duplicate; }));
}

void HttpReceiver::readFrom(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    while (true) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            break;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);

        request.signatureValid =
            request.header("X-Insights-Signature") ==
            "sha256=" +
                QMessageAuthenticationCode::hash(request.body, m_secret, QCryptographicHash::Sha256).toHex();
        const QByteArray key = request.header("Idempotency-Key");
        request.duplicate = !key.isEmpty() && m_delivered.contains(key);
        const Response response = m_script.isEmpty() ? m_default : m_script.takeFirst();
        m_requests.append(request);
        if (!response.hang) {
            QByteArray answer = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                                reason(response.status) +
                                "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                                "\r\nContent-Type: text/plain\r\n";
            for (const auto &[name, value] : response.headers)
                answer += name + ": " + value + "\r\n";
            const QByteArray bytes = answer + "\r\n" + response.body;
            if (response.delayMs > 0)
                QTimer::singleShot(response.delayMs, socket, [socket, bytes] { socket->write(bytes); });
            else
                socket->write(bytes);
            if (response.status >= 200 && response.status < 300 && !key.isEmpty())
                m_delivered.insert(key);
        }
        emit received(int(m_requests.size()) - 1);
    }
    socket->setProperty("buffer", buffer);
}
