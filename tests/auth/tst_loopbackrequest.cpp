#include "loopbackrequest.h"

#include <QRandomGenerator>
#include <QTest>

using Status = LoopbackRequest::Status;

class TestLoopbackRequest : public QObject
{
    Q_OBJECT

private slots:
    void status_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("path");

        QTest::addRow("callback")
            << QByteArray("GET /callback?code=abc&state=xyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            << Status::Complete << QStringLiteral("/callback");
        QTest::addRow("favicon") << QByteArray("GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n")
                                 << Status::Complete << QStringLiteral("/favicon.ico");
        QTest::addRow("HTTP/1.0, bare LF") << QByteArray("GET /callback?state=s HTTP/1.0\n\n")
                                           << Status::Complete << QStringLiteral("/callback");
        QTest::addRow("absolute form")
            << QByteArray("GET http://127.0.0.1:5000/callback?state=s HTTP/1.1\r\n\r\n") << Status::Complete
            << QStringLiteral("/callback");
        QTest::addRow("encoded path") << QByteArray("GET /call%62ack HTTP/1.1\r\n\r\n") << Status::Complete
                                      << QStringLiteral("/callback");
        QTest::addRow("body ignored") << QByteArray("POST /callback HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
                                      << Status::Complete << QStringLiteral("/callback");
        QTest::addRow("empty") << QByteArray() << Status::Incomplete << QString();
        QTest::addRow("half a line") << QByteArray("GET /callback?co") << Status::Incomplete << QString();
        QTest::addRow("headers pending")
            << QByteArray("GET /callback HTTP/1.1\r\nHost: x\r\n") << Status::Incomplete << QString();
        QTest::addRow("garbage line") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)
                                      << Status::Malformed << QString();
        QTest::addRow("TLS hello") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n", 15)
                                   << Status::Malformed << QString();
        QTest::addRow("no version") << QByteArray("GET /callback\r\n\r\n") << Status::Malformed << QString();
        QTest::addRow("HTTP/2 preface")
            << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << Status::Malformed << QString();
        QTest::addRow("two spaces") << QByteArray("GET  /callback HTTP/1.1\r\n\r\n") << Status::Malformed
                                    << QString();
        QTest::addRow("relative target")
            << QByteArray("GET callback HTTP/1.1\r\n\r\n") << Status::Malformed << QString();
        QTest::addRow("method with digits")
            << QByteArray("G3T / HTTP/1.1\r\n\r\n") << Status::Malformed << QString();
        QTest::addRow("NUL in header")
            << QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 26) << Status::Malformed << QString();
        QTest::addRow("bad line before end") << QByteArray("hello\r\nmore") << Status::Malformed << QString();
        QTest::addRow("too large, no end")
            << QByteArray("GET /") + QByteArray(20000, 'a') << Status::TooLarge << QString();
        QTest::addRow("too large header")
            << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(LoopbackRequest::kMaxSize, 'a') + "\r\n\r\n"
            << Status::TooLarge << QString();
    }

    void status()
    {
        QFETCH(QByteArray, data);
        QFETCH(Status, status);
        QFETCH(QString, path);
        const LoopbackRequest request = parseLoopbackRequest(data);
        QCOMPARE(request.status, status);
        if (status == Status::Complete)
            QCOMPARE(request.path, path);
    }

    void queryIsFormDecoded()
    {
        const LoopbackRequest request =
            parseLoopbackRequest("GET "
                                 "/callback?error=access_denied&error_description=The+user%20said+%22no%22+%"
                                 "2B+%3Cb%3E&state=a%2Db "
                                 "HTTP/1.1\r\n\r\n");
        QCOMPARE(request.status, Status::Complete);
        QCOMPARE(request.method, QByteArrayLiteral("GET"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded),
                 QStringLiteral("access_denied"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded),
                 QStringLiteral("The user said \"no\" + <b>"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QStringLiteral("a-b"));
    }

    void duplicateParametersAreKept()
    {
        const LoopbackRequest request =
            parseLoopbackRequest("GET /callback?state=a&state=b HTTP/1.1\r\n\r\n");
        QCOMPARE(request.query.allQueryItemValues(QStringLiteral("state")).size(), 2);
    }

    void fragmentIsIgnored()
    {
        const LoopbackRequest request = parseLoopbackRequest("GET /callback?state=a#frag HTTP/1.1\r\n\r\n");
        QCOMPARE(request.status, Status::Complete);
        QCOMPARE(request.query.queryItemValue(QStringLiteral("state")), QStringLiteral("a"));
    }

    void headSize()
    {
        const QByteArray head = "GET /x HTTP/1.1\r\nHost: a\r\n\r\n";
        QCOMPARE(parseLoopbackRequest(head + "trailing").headSize, head.size());
    }

    // Every prefix of a valid request is Incomplete or Complete, never Malformed: partial reads are safe.
    void everyPrefixIsIncompleteUntilTheEnd()
    {
        const QByteArray full =
            "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1:1234\r\nAccept: */*\r\n\r\n";
        for (qsizetype n = 0; n < full.size(); ++n)
            QCOMPARE(parseLoopbackRequest(full.first(n)).status, Status::Incomplete);
        QCOMPARE(parseLoopbackRequest(full).status, Status::Complete);
    }

    // A tiny fuzz pass: random bytes and mutations of a valid request never crash and keep the cap.
    void randomInputIsSafe()
    {
        QRandomGenerator random(42);
        const QByteArray valid = "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for (int i = 0; i < 5000; ++i) {
            QByteArray data = valid;
            const int mutations = random.bounded(1, 8);
            for (int m = 0; m < mutations; ++m) {
                const int at = random.bounded(int(data.size()));
                switch (random.bounded(3)) {
                case 0:
                    data[at] = char(random.bounded(256));
                    break;
                case 1:
                    data.remove(at, 1);
                    break;
                default:
                    data.insert(at, char(random.bounded(256)));
                }
            }
            if (i % 10 == 0)
                data = QByteArray(random.bounded(1, 64), char(random.bounded(256)));
            const LoopbackRequest request = parseLoopbackRequest(data);
            QVERIFY(request.headSize <= LoopbackRequest::kMaxSize);
        }
    }
};

QTEST_GUILESS_MAIN(TestLoopbackRequest)
#include "tst_loopbackrequest.moc"
