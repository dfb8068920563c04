// ApiJob against the sandbox's CI API: the gateway's answers about the subscription key become one sentence
// that says what is wrong and where to enter the key.
#include "apiclient.h"
#include "clock.h"
#include "embeddedsandbox.h"
#include "httptestclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class TestApiJob : public QObject
{
    Q_OBJECT

private:
    EmbeddedSandbox m_sandbox;
    QNetworkAccessManager m_network;
    QString m_token;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QUrl url = m_sandbox.baseUrl();
        url.setPath(QStringLiteral("/sandbox/control/tokens"));
        m_token = HttpTestClient().postJson(url, {}).object().value(QLatin1String("access_token")).toString();
        QVERIFY(!m_token.isEmpty());
    }

    void subscriptionKeyAnswers_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::addRow("missing")
            << QString()
            << QStringLiteral("Customer Insights needs the API subscription key of this connection and "
                              "none is stored: enter it in the Account pane, or sign in again with "
                              "--subscription-key.");
        QTest::addRow("invalid")
            << QStringLiteral("wrong")
            << QStringLiteral("Customer Insights refused the API subscription key of this connection: "
                              "enter the right one in the Account pane, or sign in again with "
                              "--subscription-key.");
        QTest::addRow("right") << m_sandbox.subscriptionKey() << QString();
    }

    void subscriptionKeyAnswers()
    {
        QFETCH(QString, key);
        QFETCH(QString, message);
        RateLimiter limiter(Clock::system());
        ApiClient client(&m_network, &limiter, Clock::system());
        client.setBaseUrl(m_sandbox.apiBaseUrl());
        client.setSubscriptionKey(key);
        client.setAccessToken(m_token);
        ApiJob *job = client.get(QStringLiteral("instances"));
        job->setAutoDelete(false);
        QSignalSpy finished(job, &ApiJob::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->error(), message.isEmpty() ? ApiJob::Error::None : ApiJob::Error::Http);
        QCOMPARE(job->errorString(), message);
        QCOMPARE(job->attempts(), 1); // not worth retrying
        QVERIFY(!job->details().contains(m_sandbox.subscriptionKey()));
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestApiJob)
#include "tst_apijob.moc"
