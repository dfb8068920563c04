#include "sandboxserver.h"

#include "sandboxlog.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>
#include <memory>

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

bool isCiApiPath(const QString &path)
{
    return path == QLatin1String("/v1") || path.startsWith(QLatin1String("/v1/"));
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QAbstractHttpServer(parent)
{}

void SandboxServer::addRoute(Methods methods, const QString &pattern, Handler handler)
{
    m_routes.append({methods, splitPath(pattern), std::move(handler)});
}

bool SandboxServer::listen(quint16 port, QString *error)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    bind(server);
    m_port = server->serverPort();
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

SandboxResponse SandboxServer::notFound(const QString &path)
{
    if (isCiApiPath(path)) {
        return SandboxResponse::json(
            QJsonObject{{QStringLiteral("errorCode"), QStringLiteral("NotFound")},
                        {QStringLiteral("message"), QString(QStringLiteral("Resource not found: ") + path)},
                        {QStringLiteral("httpStatusCode"), QStringLiteral("404")},
                        {QStringLiteral("exceptionCulprit"), QStringLiteral("user")},
                        {QStringLiteral("resultSeverity"), QStringLiteral("error")}},
            404);
    }
    return SandboxResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No resource at ") + path);
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requestsHandled;
    SandboxResponse response;
    try {
        response = dispatch(request.method(), request.url(), request.headers(), request.body());
    } catch (const std::exception &e) {
        qCWarning(lcSandbox) << "handler failed:" << e.what();
        response =
            SandboxResponse::error(500, QStringLiteral("server_error"), QStringLiteral("Internal error"));
    }
    send(request, socket, response);
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, notFound(request.url().path()));
}

SandboxResponse SandboxServer::dispatch(QHttpServerRequest::Method method, const QUrl &url,
                                        const QList<QPair<QByteArray, QByteArray>> &headers,
                                        const QByteArray &body)
{
    if (body.size() > kMaxBodyBytes) {
        return SandboxResponse::error(413, QStringLiteral("payload_too_large"),
                                      QStringLiteral("Request bodies are limited to 1 MiB."));
    }

    const QStringList encodedSegments = splitPath(url.path(QUrl::FullyEncoded));
    QStringList segments;
    segments.reserve(encodedSegments.size());
    for (const QString &segment : encodedSegments)
        segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    const QString path = url.path();

    const Route *pathMatch = nullptr;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList captures;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            if (route.segments.at(i) == QLatin1String("{}"))
                captures.append(segments.at(i));
            else
                matches = route.segments.at(i) == segments.at(i);
        }
        if (!matches)
            continue;
        pathMatch = &route;
        if (!route.methods.testFlag(method))
            continue;

        SandboxRequest sandboxRequest;
        sandboxRequest.method = method;
        sandboxRequest.url = url;
        sandboxRequest.captures = captures;
        const auto query = FormData::parse(url.query(QUrl::FullyEncoded).toUtf8());
        if (!query) {
            return SandboxResponse::error(400, QStringLiteral("invalid_request"),
                                          QStringLiteral("The query string is malformed."));
        }
        sandboxRequest.query = *query;
        sandboxRequest.headers = headers;
        sandboxRequest.body = body;
        return route.handler(sandboxRequest);
    }
    if (pathMatch) {
        SandboxResponse response =
            SandboxResponse::error(405, QStringLiteral("method_not_allowed"),
                                   QStringLiteral("%1 is not allowed on %2").arg(methodName(method), path));
        return response;
    }
    return notFound(path);
}

void SandboxServer::send(const QHttpServerRequest &request, QTcpSocket *socket,
                         const SandboxResponse &response)
{
    if (response.drop) {
        socket->abort();
        return;
    }
    auto write = [response](QHttpServerResponder &responder) {
        responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
        if (!response.contentType.isEmpty())
            responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
        for (const auto &header : response.headers)
            responder.writeHeader(header.first, header.second);
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
        responder.writeBody(response.body);
    };
    if (response.delayMs <= 0) {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder);
        return;
    }
    // Hold the answer back; the client may have gone away by then.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QTimer::singleShot(response.delayMs, this, [responder, write, guard = QPointer<QTcpSocket>(socket)] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            write(*responder);
    });
}
