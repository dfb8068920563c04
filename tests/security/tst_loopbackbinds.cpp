// Every socket the app and the sandbox listen on is bound to 127.0.0.1 only (docs/signin.md,
// app/sandbox/README.md): the sign-in's loopback listener, the sandbox's HTTP server and its SMTP sink,
// in-process and as the insights-sandbox executable. Nothing can ask for another address: the command line
// refuses it.
//
// Two independent checks per socket: the kernel's table of listening sockets (/proc/net/tcp{,6}) shows
// 127.0.0.1 as the local address, and a connection to the same port on each non-loopback address of the
// machine is refused.
#include "embeddedsandbox.h"
#include "loopbacklistener.h"
#include "sandbox.h"
#include "sandboxoptions.h"
#include "scenario.h"

#include <QFile>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

// The local addresses the kernel lists as listening on `port` ("127.0.0.1", "::", ...). Empty when the
// table cannot be read (not Linux).
QStringList listeningAddresses(quint16 port)
{
    QStringList result;
    for (const QString &table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            // sl local_address rem_address st ...; st 0A is LISTEN.
            if (fields.size() < 4 || fields.at(3) != "0A")
                continue;
            const QList<QByteArray> local = fields.at(1).split(':');
            if (local.size() != 2 || local.at(1).toUInt(nullptr, 16) != port)
                continue;
            // The address in network byte order, as 32-bit words printed in host (little-endian) order.
            const QByteArray hex = local.at(0);
            QByteArray bytes;
            for (qsizetype word = 0; word + 8 <= hex.size(); word += 8) {
                const QByteArray raw = QByteArray::fromHex(hex.mid(word, 8));
                for (qsizetype i = raw.size() - 1; i >= 0; --i)
                    bytes.append(raw.at(i));
            }
            if (bytes.size() == 4) {
                result.append(QHostAddress(quint32(uchar(bytes[0])) << 24 | quint32(uchar(bytes[1])) << 16 |
                                           quint32(uchar(bytes[2])) << 8 | quint32(uchar(bytes[3])))
                                  .toString());
            } else if (bytes.size() == 16) {
                result.append(QHostAddress(reinterpret_cast<const quint8 *>(bytes.constData())).toString());
            }
        }
    }
    return result;
}

QList<QHostAddress> nonLoopbackAddresses()
{
    QList<QHostAddress> result;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && !address.isLinkLocal() && !address.isNull())
            result.append(address);
    }
    return result;
}

// Whether a TCP connection to address:port succeeds (it must not, for a loopback-only socket).
bool connects(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
    socket.connectToHost(address, port);
    QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 5000);
    return !connected.isEmpty();
}

} // namespace

class TestLoopbackBinds : public QObject
{
    Q_OBJECT

private:
    static void verifyLoopbackOnly(quint16 port)
    {
        QVERIFY(port != 0);
        const QStringList addresses = listeningAddresses(port);
        if (QFile::exists(QStringLiteral("/proc/net/tcp"))) {
            QVERIFY2(!addresses.isEmpty(), qPrintable(QString::number(port)));
            for (const QString &address : addresses)
                QVERIFY2(address == QLatin1String("127.0.0.1"), qPrintable(address));
        }
        for (const QHostAddress &address : nonLoopbackAddresses())
            QVERIFY2(!connects(address, port), qPrintable(address.toString()));
        QVERIFY(connects(QHostAddress::LocalHost, port));
    }

private slots:
    void loopbackListener()
    {
        LoopbackListener listener;
        QVERIFY(listener.listen());
        QCOMPARE(listener.address(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(listener.redirectUri().host(), QStringLiteral("127.0.0.1"));
        verifyLoopbackOnly(listener.port());
    }

    void sandboxServerAndSmtpSink()
    {
        QString error;
        const auto definition = Scenario::loadDefinition(QString(), &error);
        QVERIFY2(definition, qPrintable(error));
        Sandbox sandbox(SandboxOptions(), *definition);
        QVERIFY2(sandbox.listen(&error), qPrintable(error));
        QCOMPARE(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
        verifyLoopbackOnly(sandbox.port());
        verifyLoopbackOnly(sandbox.smtpPort());
    }

    void embeddedSandbox()
    {
        EmbeddedSandbox sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        QCOMPARE(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
        verifyLoopbackOnly(quint16(sandbox.baseUrl().port()));
        verifyLoopbackOnly(sandbox.smtpPort());
    }

    void sandboxCommandLineOffersNoOtherAddress_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("--host") << QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")};
        QTest::addRow("--bind") << QStringList{QStringLiteral("--bind"), QStringLiteral("0.0.0.0")};
        QTest::addRow("--listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("192.0.2.1")};
        QTest::addRow("--address") << QStringList{QStringLiteral("--address"), QStringLiteral("::")};
        QTest::addRow("address:port")
            << QStringList{QStringLiteral("--port"), QStringLiteral("0.0.0.0:8080")};
        QTest::addRow("smtp address:port")
            << QStringList{QStringLiteral("--smtp-port"), QStringLiteral("0.0.0.0:2525")};
    }

    void sandboxCommandLineOffersNoOtherAddress()
    {
        QFETCH(QStringList, arguments);
        const SandboxCommandLine result =
            parseSandboxCommandLine(QStringList{QStringLiteral("insights-sandbox")} + arguments);
        QVERIFY(!result.options);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.output.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLoopbackBinds)
#include "tst_loopbackbinds.moc"
