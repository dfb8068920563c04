#include "loopbacklistener.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

// Sends `request` (in pieces when `chunk` > 0) and returns everything the listener answered before closing.
QByteArray exchange(quint16 port, const QByteArray &request, int chunk = 0)
{
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!connected.wait(5000))
        return "not connected";
    if (chunk <= 0) {
        socket.write(request);
    } else {
        for (qsizetype i = 0; i < request.size(); i += chunk) {
            socket.write(request.mid(i, chunk));
            socket.flush();
            QTest::qWait(1); // let the listener see a partial request
        }
    }
    if (closed.isEmpty() && !closed.wait(5000))
        return "no answer";
    return received + socket.readAll();
}

int statusOf(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

} // namespace

class TestLoopbackListener : public QObject
{
    Q_OBJECT

private slots:
    void listensOnLoopbackOnly()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        QCOMPARE(listener.address(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(listener.address().toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(listener.port() != 0);
        QCOMPARE(listener.redirectUri(),
                 QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(listener.port())));
    }

    void strayRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addRow("favicon") << QByteArray("GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") << 404;
        QTest::addRow("root") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 404;
        QTest::addRow("callback without state") << QByteArray("GET /callback?code=x HTTP/1.1\r\n\r\n") << 404;
        QTest::addRow("other path with state") << QByteArray("GET /other?state=x HTTP/1.1\r\n\r\n") << 404;
        QTest::addRow("POST callback") << QByteArray("POST /callback?state=x HTTP/1.1\r\n\r\n") << 405;
        QTest::addRow("garbage") << QByteArray("\x16\x03\x01\x00\xa5\x01\r\n", 8) << 400;
        QTest::addRow("too large") << QByteArray("GET /callback?state=") + QByteArray(20 * 1024, 'a') +
                                          " HTTP/1.1\r\n\r\n"
                                   << 431;
    }

    void strayRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        LoopbackListener listener;
        QSignalSpy callbacks(&listener, &LoopbackListener::callbackReceived);
        QVERIFY(listener.listen());
        const QByteArray response = exchange(listener.port(), request);
        QCOMPARE(statusOf(response), status);
        QVERIFY(response.contains("Connection: close"));
        QCOMPARE(callbacks.size(), 0);
        QVERIFY(listener.isListening());
    }

    void callbackIsHeldUntilAnswered()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        connect(&listener, &LoopbackListener::callbackReceived, this, [&listener](const QUrlQuery &query) {
            QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
            QCOMPARE(query.queryItemValue(QStringLiteral("code")), QStringLiteral("c1"));
            listener.stopListening();
            listener.respond(200, QStringLiteral("Done <ok>"), QStringLiteral("<p>fine</p>"));
        });
        const QByteArray response =
            exchange(listener.port(), "GET /callback?code=c1&state=s1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(response.contains("Referrer-Policy: no-referrer"));
        QVERIFY(response.contains("Cache-Control: no-store"));
        QVERIFY(response.contains("<title>Done &lt;ok&gt;</title>"));
        QVERIFY(response.contains("<p>fine</p>"));
        QVERIFY(!listener.isListening());
    }

    void partialReads()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        QSignalSpy callbacks(&listener, &LoopbackListener::callbackReceived);
        connect(&listener, &LoopbackListener::callbackReceived, this,
                [&listener] { listener.respond(200, QStringLiteral("ok"), QString()); });
        const QByteArray response =
            exchange(listener.port(), "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 3);
        QCOMPARE(statusOf(response), 200);
        QCOMPARE(callbacks.size(), 1);
    }

    void silentClientIsDropped()
    {
        LoopbackListener listener;
        listener.setIdleTimeout(std::chrono::milliseconds(100));
        QVERIFY(listener.listen());
        QTcpSocket socket;
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(QHostAddress::LocalHost, listener.port());
        socket.write("GET /callback?sta"); // and then nothing
        QVERIFY(closed.wait(5000));
        QVERIFY(listener.isListening());
    }

    void secondCallbackWhileOneIsHeldIs404()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        QSignalSpy callbacks(&listener, &LoopbackListener::callbackReceived);
        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, listener.port());
        first.write("GET /callback?state=a HTTP/1.1\r\n\r\n");
        QVERIFY(callbacks.wait(5000));
        QCOMPARE(statusOf(exchange(listener.port(), "GET /callback?state=b HTTP/1.1\r\n\r\n")), 404);
        QCOMPARE(callbacks.size(), 1);
        QByteArray received;
        connect(&first, &QTcpSocket::readyRead, &first, [&] { received += first.readAll(); });
        QSignalSpy closed(&first, &QTcpSocket::disconnected);
        listener.respond(200, QStringLiteral("ok"), QString());
        QVERIFY(closed.wait(5000));
        QCOMPARE(statusOf(received + first.readAll()), 200);
    }

    void closedListenerRefusesConnections()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        const quint16 port = listener.port();
        listener.close();
        QVERIFY(!listener.isListening());
        QTcpSocket socket;
        QSignalSpy errors(&socket, &QTcpSocket::errorOccurred);
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(errors.wait(5000));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    }

    void manyConnectionsAreBounded()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 60; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, listener.port());
        }
        QTest::qWait(200);
        // Still serving after the flood.
        QCOMPARE(statusOf(exchange(listener.port(), "GET /favicon.ico HTTP/1.1\r\n\r\n")), 404);
    }

    void destroyingWithOpenConnectionsIsSafe()
    {
        auto listener = std::make_unique<LoopbackListener>();
        QVERIFY(listener->listen());
        QTcpSocket socket;
        QSignalSpy callbacks(listener.get(), &LoopbackListener::callbackReceived);
        socket.connectToHost(QHostAddress::LocalHost, listener->port());
        socket.write("GET /callback?state=a HTTP/1.1\r\n\r\n");
        QVERIFY(callbacks.wait(5000));
        listener.reset();
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || closed.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackListener)
#include "tst_loopbacklistener.moc"
