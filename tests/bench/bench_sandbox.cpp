// bench_sandbox: CI API requests per second served by an EmbeddedSandbox over loopback, and the same figure
// of a bare Qt HTTP responder (a QTcpServer answering a fixed 200) measured in the same run, as its limit.
//
// The load comes from a lean HTTP/1.1 client on the main thread: six keep-alive connections (like QNAM's
// default), one request in flight on each. QNetworkAccessManager was the instrument before and cost four
// times the server's CPU (perf: 80 % of the samples in the client's threads, 20 % in the sandbox's), so it
// measured itself. The sandbox's own cost is also read off its thread's CPU time (/proc), which does not
// depend on how fast the client is or on what else the machine runs.
//
// Bounded: 20,000 requests or 30 s per server. Prints
//   BENCH sandbox_requests_per_s <value> req/s
//   BENCH sandbox_cpu_us_per_request <value> us
//   BENCH sandbox_capacity_per_core <value> req/s         (1 s of the sandbox thread's CPU / cost per
//   request) BENCH bare_qt_requests_per_s <value> req/s BENCH sandbox_ratio <value> x (sandbox / bare Qt
//   responder)

#include "embeddedsandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>

namespace {

constexpr int kRequests = 20000;
constexpr int kConnections = 6;
constexpr int kTimeoutMs = 30000;

struct LoadResult
{
    int done = 0;
    int failed = 0;
    double seconds = 0;
    bool ok() const { return done == kRequests && failed == 0 && seconds > 0; }
    double perSecond() const { return seconds > 0 ? double(done) / seconds : 0; }
};

// One keep-alive connection: sends `request`, reads one response (Content-Length framed), sends the next.
class Connection : public QObject
{
public:
    Connection(quint16 port, const QByteArray &request, std::function<bool(bool)> answered, QObject *parent)
        : QObject(parent)
        , m_port(port)
        , m_request(request)
        , m_answered(std::move(answered))
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] { m_socket.write(m_request); });
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::read);
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_stopped)
                open(); // the server closed a kept-alive connection: go on with a new one
        });
        open();
    }
    void stop()
    {
        m_stopped = true;
        m_socket.abort();
    }

private:
    void open()
    {
        m_buffer.clear();
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    }
    void read()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray head = m_buffer.left(headerEnd).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype lineEnd = at < 0 ? -1 : head.indexOf("\r\n", at);
            const qsizetype length =
                at < 0 ? 0 : head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
            const qsizetype total = headerEnd + 4 + length;
            if (m_buffer.size() < total)
                return;
            const bool ok = head.startsWith("http/1.1 200");
            m_buffer.remove(0, total);
            if (!m_answered(ok))
                return stop();
            m_socket.write(m_request);
        }
    }

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_request;
    QByteArray m_buffer;
    std::function<bool(bool)> m_answered; // false: no more requests
    bool m_stopped = false;
};

// Runs kRequests requests over kConnections connections against 127.0.0.1:port.
LoadResult runLoad(quint16 port, const QByteArray &request)
{
    LoadResult result;
    int sent = kConnections;
    QObject owner;
    QList<Connection *> connections;
    QElapsedTimer timer;
    timer.start();
    QEventLoop done; // the benchmark's own driver, not product code
    const auto answered = [&](bool ok) {
        ++result.done;
        if (!ok)
            ++result.failed;
        if (result.done == kRequests)
            done.quit();
        if (sent >= kRequests)
            return false;
        ++sent;
        return true;
    };
    for (int i = 0; i < kConnections; ++i)
        connections.append(new Connection(port, request, answered, &owner));
    QTimer::singleShot(kTimeoutMs, &done, &QEventLoop::quit);
    done.exec();
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    for (Connection *connection : std::as_const(connections))
        connection->stop();
    return result;
}

// CPU seconds (user + system) the thread named `name` has used, from /proc/self/task/*/stat; -1 if unknown.
double threadCpuSeconds(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().trimmed().startsWith(name))
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray text = stat.readAll();
        // Fields after the ")" closing the command: state is field 3, utime 14, stime 15.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return -1;
        return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) /
               double(::sysconf(_SC_CLK_TCK));
    }
    return -1;
}

// The limit: the least a Qt HTTP server on this machine can do per request. Answers every request with a
// fixed 200 of about the sandbox's size, on the main thread, with the same client.
class BareResponder : public QTcpServer
{
public:
    explicit BareResponder(qsizetype bodySize)
    {
        const QByteArray body(bodySize, 'x');
        m_response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body;
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_pending.remove(socket);
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_pending[socket] += socket->readAll();
                    QByteArray &pending = m_pending[socket];
                    qsizetype end;
                    while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
                        pending.remove(0, end + 4);
                        socket->write(m_response);
                    }
                });
            }
        });
    }

private:
    QByteArray m_response;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SandboxOptions options;
    options.rateLimit = 0; // measure the server, not the throttle
    EmbeddedSandbox sandbox(options);
    if (!sandbox.start()) {
        std::fprintf(stderr, "bench_sandbox: %s\n", qPrintable(sandbox.errorString()));
        return 1;
    }

    // A token from the control API (once, with QNAM).
    QNetworkAccessManager manager;
    QUrl tokens = sandbox.baseUrl();
    tokens.setPath(QStringLiteral("/sandbox/control/tokens"));
    QNetworkRequest tokenRequest(tokens);
    tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> tokenReply(manager.post(tokenRequest, QByteArray("{}")));
    QEventLoop wait;
    QObject::connect(tokenReply.get(), &QNetworkReply::finished, &wait, &QEventLoop::quit);
    wait.exec();
    const QByteArray token = QJsonDocument::fromJson(tokenReply->readAll())
                                 .object()
                                 .value(QStringLiteral("access_token"))
                                 .toString()
                                 .toLatin1();
    if (token.isEmpty()) {
        std::fprintf(stderr, "bench_sandbox: the sandbox gave no token\n");
        return 1;
    }

    const QUrl api = sandbox.apiBaseUrl();
    const QByteArray path = api.path().toLatin1() +
                            "/instances/3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b/data/Customer?$top=10&$skip=100";
    const QByteArray request = "GET " + path +
                               " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(api.port()) +
                               "\r\nAuthorization: Bearer " + token +
                               "\r\nOcp-Apim-Subscription-Key: sandbox-key\r\nConnection: keep-alive\r\n\r\n";

    const double cpuBefore = threadCpuSeconds("insights-sandbo");
    const LoadResult sandboxLoad = runLoad(quint16(api.port()), request);
    const double cpuAfter = threadCpuSeconds("insights-sandbo");
    if (!sandboxLoad.ok()) {
        std::fprintf(stderr, "bench_sandbox: %d of %d requests done, %d failed\n", sandboxLoad.done,
                     kRequests, sandboxLoad.failed);
        return 1;
    }

    // The same client against the bare responder, with a body of the size the sandbox answered.
    QTcpSocket probe;
    probe.connectToHost(QStringLiteral("127.0.0.1"), quint16(api.port()));
    QByteArray sample;
    QObject::connect(&probe, &QTcpSocket::connected, &probe, [&] { probe.write(request); });
    QObject::connect(&probe, &QTcpSocket::readyRead, &wait, [&] {
        sample += probe.readAll();
        if (sample.contains("\r\n\r\n") && sample.size() > 200)
            wait.quit();
    });
    QTimer::singleShot(5000, &wait, &QEventLoop::quit);
    wait.exec();
    const qsizetype bodySize = qMax<qsizetype>(0, sample.size() - sample.indexOf("\r\n\r\n") - 4);
    BareResponder bare(bodySize);
    if (!bare.listen(QHostAddress::LocalHost)) {
        std::fprintf(stderr, "bench_sandbox: the bare responder cannot listen\n");
        return 1;
    }
    const LoadResult bareLoad = runLoad(bare.serverPort(), request);

    std::printf("BENCH sandbox_requests_per_s %.0f req/s\n", sandboxLoad.perSecond());
    if (cpuBefore >= 0 && cpuAfter > cpuBefore) {
        const double usPerRequest = (cpuAfter - cpuBefore) * 1e6 / double(sandboxLoad.done);
        std::printf("BENCH sandbox_cpu_us_per_request %.1f us\n", usPerRequest);
        std::printf("BENCH sandbox_capacity_per_core %.0f req/s\n", 1e6 / usPerRequest);
    }
    if (bareLoad.ok()) {
        std::printf("BENCH bare_qt_requests_per_s %.0f req/s\n", bareLoad.perSecond());
        std::printf("BENCH sandbox_ratio %.2f x\n", sandboxLoad.perSecond() / bareLoad.perSecond());
    }
    return 0;
}
