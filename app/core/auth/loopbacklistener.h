#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

class QTcpSocket;
class QTimer;

// The redirect target of RFC 8252 section 7.3: an HTTP listener on 127.0.0.1 (never all interfaces),
// ephemeral port, path /callback. `GET /callback?...state=...` is handed to the owner and its connection is
// held until respond(); every other request (favicon, other paths, a callback without state, other methods)
// is answered 404/405/400 at once and changes nothing. Requests are capped at 16 KiB and a client that
// sends nothing useful for 10 s is dropped.
class LoopbackListener : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    bool listen();
    bool isListening() const { return m_server.isListening(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    quint16 port() const { return m_port; }
    QString errorString() const { return m_server.errorString(); }
    QUrl redirectUri() const; // http://127.0.0.1:<port>/callback

    // Accept no more connections; a held callback can still be answered.
    void stopListening();
    // Answer the held callback (if any) with an HTML page and close its connection.
    void respond(int status, const QString &title, const QString &html);
    // Stop listening and drop every connection that has not been answered.
    void close();

    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idleTimeout = timeout; }

    // A complete HTTP/1.1 response carrying an HTML page (exposed for the tests).
    static QByteArray htmlResponse(int status, const QString &title, const QString &bodyHtml);

signals:
    void callbackReceived(const QUrlQuery &query);

private:
    struct Connection
    {
        QByteArray buffer;
        QTimer *idleTimer = nullptr;
        quint64 serial = 0; // arrival order
    };

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &response);
    void drop(QTcpSocket *socket);

    QTcpServer m_server;
    quint16 m_port = 0;
    QHash<QTcpSocket *, Connection> m_connections;
    QTcpSocket *m_heldCallback = nullptr;
    quint64 m_nextSerial = 0;
    std::chrono::milliseconds m_idleTimeout{10000};
};
