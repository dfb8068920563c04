#include "sandboxfixture.h"
#include "sandboxserver.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// Bad input: the server answers with JSON errors and never falls over.
class TestSandboxServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fixture;

    void verifyJsonError(const HttpTestClient::Response &response, int status)
    {
        QCOMPARE(response.status, status);
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        QVERIFY(response.json().isObject());
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->listening);
    }
    void cleanup() { m_fixture.reset(); }

    void boundToLoopbackOnly()
    {
        const auto servers = m_fixture->sandbox->server()->servers();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers.constFirst()->serverAddress(), QHostAddress(QHostAddress::LocalHost));
    }

    void unknownPathsAreJson404()
    {
        verifyJsonError(m_fixture->http.get(m_fixture->url(QStringLiteral("/nothing"))), 404);
        const auto api = m_fixture->http.get(m_fixture->url(QStringLiteral("/v1/nothing/here")));
        verifyJsonError(api, 404);
        QCOMPARE(api.object().value(QStringLiteral("httpStatusCode")).toString(), QStringLiteral("404"));
        verifyJsonError(m_fixture->http.get(m_fixture->url(QStringLiteral("/"))), 404);
    }

    void wrongMethodIs405()
    {
        verifyJsonError(m_fixture->http.send("DELETE", m_fixture->url(QStringLiteral("/v1/instances"))), 405);
        verifyJsonError(m_fixture->http.get(m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/token"))),
                        405);
    }

    void malformedBodiesAre400()
    {
        verifyJsonError(m_fixture->http.send("POST",
                                             m_fixture->url(QStringLiteral("/sandbox/control/faults")),
                                             {{"Content-Type", "application/json"}}, "{\"kind\": \"drop\""),
                        400);
        verifyJsonError(
            m_fixture->http.send("POST", m_fixture->url(QStringLiteral("/sandbox/control/refresh")),
                                 {{"Content-Type", "application/json"}}, QByteArray("\xff\xfe{}", 4)),
            400);
        verifyJsonError(
            m_fixture->http.send("POST", m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/token")),
                                 {{"Content-Type", "application/x-www-form-urlencoded"}}, "code=%G1&x=%"),
            400);
        verifyJsonError(
            m_fixture->http.send("POST", m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/authorize")),
                                 {{"Content-Type", "application/x-www-form-urlencoded"}}, "a=%E2%28%A1"),
            400);
    }

    void oversizedBodiesAre413()
    {
        const QByteArray big(SandboxServer::kMaxBodyBytes + 1, 'x');
        verifyJsonError(m_fixture->http.send("POST", m_fixture->url(QStringLiteral("/sandbox/teams/general")),
                                             {{"Content-Type", "application/json"}}, big),
                        413);
        const QByteArray fits = "{\"text\":\"" + QByteArray(SandboxServer::kMaxBodyBytes - 20, 'y') + "\"}";
        QCOMPARE(m_fixture->http
                     .send("POST", m_fixture->url(QStringLiteral("/sandbox/teams/general")),
                           {{"Content-Type", "application/json"}}, fits)
                     .status,
                 200);
    }

    void garbageOnTheSocketDoesNotHurt()
    {
        QTcpSocket raw;
        QSignalSpy disconnected(&raw, &QTcpSocket::disconnected);
        raw.connectToHost(QHostAddress::LocalHost, m_fixture->sandbox->port());
        raw.write("\x16\x03\x01 this is not HTTP at all\r\n\r\n");
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(m_fixture->http
                     .get(m_fixture->url(QStringLiteral("/contoso/v2.0/.well-known/openid-configuration")))
                     .status,
                 200);
    }

    // A small fuzz: random bodies, methods and paths on every route family; the server keeps answering.
    void randomRequestsNeverCrash()
    {
        QRandomGenerator rng(2026);
        const QStringList paths = {QStringLiteral("/sandbox/control/refresh"),
                                   QStringLiteral("/sandbox/control/faults"),
                                   QStringLiteral("/sandbox/control/segments/ChurnRisk"),
                                   QStringLiteral("/sandbox/control/measures/TotalRevenue"),
                                   QStringLiteral("/sandbox/control/tokens"),
                                   QStringLiteral("/sandbox/teams/x"),
                                   QStringLiteral("/contoso/oauth2/v2.0/token"),
                                   QStringLiteral("/contoso/oauth2/v2.0/authorize"),
                                   QStringLiteral("/v1/instances/") + m_fixture->instanceId() +
                                       QStringLiteral("/data/Customer")};
        const QList<QByteArray> verbs = {"GET", "POST", "PUT", "DELETE"};
        const QList<QByteArray> types = {"application/json", "application/x-www-form-urlencoded",
                                         "text/plain"};
        for (int i = 0; i < 150; ++i) {
            QByteArray body(int(rng.bounded(200)), Qt::Uninitialized);
            for (char &c : body)
                c = char(rng.bounded(256));
            if (i % 3 == 0)
                body = "{\"kind\":" + QByteArray::number(rng.bounded(5)) + ",\"count\":-" +
                       QByteArray::number(rng.bounded(9)) + "}";
            QUrl url = m_fixture->url(paths.at(int(rng.bounded(quint32(paths.size())))));
            if (i % 4 == 0)
                url.setQuery(QStringLiteral("$filter=") + QString::fromLatin1(body.toPercentEncoding()));
            const auto response = m_fixture->http.send(
                verbs.at(int(rng.bounded(4))), url,
                m_fixture->auth() + HttpTestClient::Headers{{"Content-Type", types.at(int(rng.bounded(3)))}},
                body);
            QVERIFY2(response.status >= 200 && response.status < 500,
                     qPrintable(QString::number(response.status)));
        }
        QCOMPARE(m_fixture->api(m_fixture->url(QStringLiteral("/v1/instances"))).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
