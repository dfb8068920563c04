#pragma once

#include "sandboxrequest.h"
#include "sandboxresponse.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

class QTcpServer;

// The HTTP front of the sandbox, bound to 127.0.0.1 only. It owns the routing table and the rules every
// request goes through before a handler sees it:
//
//   socket -> QAbstractHttpServer (parsing) -> body over 1 MiB? 413
//          -> route lookup (path, then method)  -> none: 404 JSON / wrong method: 405 JSON
//          -> handler(SandboxRequest) -> SandboxResponse -> written now, after a delay, or dropped
//
// Handlers are plain functions of a request value; they never see the socket.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<SandboxResponse(const SandboxRequest &)>;
    using Methods = QHttpServerRequest::Methods;

    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

    explicit SandboxServer(QObject *parent = nullptr);

    // pattern: an absolute path whose segments are literals or "{}" (one non-empty segment, captured).
    void addRoute(Methods methods, const QString &pattern, Handler handler);

    bool listen(quint16 port, QString *error);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    quint64 requestsHandled() const { return m_requestsHandled; }

    // The JSON body of a 404 for an unknown path; paths under /v1 get the CI API's ApiErrorResult.
    static SandboxResponse notFound(const QString &path);

    // Everything after the HTTP parsing, without a socket: the size limit, the route lookup and the
    // handler. handleRequest() answers with it; the fuzzer and tests call it directly.
    SandboxResponse dispatch(QHttpServerRequest::Method method, const QUrl &url,
                             const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        Methods methods;
        QStringList segments;
        Handler handler;
    };

    void send(const QHttpServerRequest &request, QTcpSocket *socket, const SandboxResponse &response);

    QList<Route> m_routes;
    quint16 m_port = 0;
    quint64 m_requestsHandled = 0;
};
