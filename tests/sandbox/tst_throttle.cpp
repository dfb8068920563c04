#include "sandboxfixture.h"
#include "throttle.h"

#include <QTest>

using namespace std::chrono_literals;

class TestThrottle : public QObject
{
    Q_OBJECT

private slots:
    void exactBoundary()
    {
        auto clock = std::make_shared<SandboxManualClock>();
        Throttle throttle(clock, 100, 60s);
        for (int i = 0; i < 100; ++i) {
            QVERIFY2(throttle.admit(QStringLiteral("a")).allowed, qPrintable(QString::number(i)));
            clock->advance(100ms);
        }
        // The first call was 10 s ago: it leaves the window in 50 s.
        const auto refused = throttle.admit(QStringLiteral("a"));
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 50);
        QVERIFY(throttle.admit(QStringLiteral("b")).allowed); // another connection is not affected
        clock->advance(49900ms);
        QVERIFY(!throttle.admit(QStringLiteral("a")).allowed);
        clock->advance(100ms); // exactly 60 s after the first call
        QVERIFY(throttle.admit(QStringLiteral("a")).allowed);
        QVERIFY(!throttle.admit(QStringLiteral("a")).allowed); // the second call is still inside
        clock->advance(100ms);
        QVERIFY(throttle.admit(QStringLiteral("a")).allowed);

        const auto counters = throttle.counters();
        QCOMPARE(counters.size(), 2);
        QCOMPARE(counters.at(0).connection, QStringLiteral("a"));
        QCOMPARE(counters.at(0).callsInWindow, 100);
        QCOMPARE(counters.at(0).maxInAnyWindow, 100);
        QCOMPARE(counters.at(0).throttled, 3);
        QCOMPARE(counters.at(1).callsInWindow, 1);
    }

    // recordCall counts every call, admitted or not: what the client did, not what the limit let through.
    void attempts()
    {
        auto clock = std::make_shared<SandboxManualClock>();
        Throttle throttle(clock, 3, 60s);
        for (int i = 0; i < 5; ++i) {
            throttle.recordCall(QStringLiteral("a"));
            throttle.admit(QStringLiteral("a"));
            clock->advance(1s);
        }
        throttle.recordCall(QStringLiteral("a")); // answered by an injected fault, not admitted
        throttle.recordThrottled(QStringLiteral("a"));
        Throttle::Counters counters = throttle.counters().constFirst();
        QCOMPARE(counters.callsInWindow, 3);
        QCOMPARE(counters.maxInAnyWindow, 3);
        QCOMPARE(counters.attemptsInWindow, 6);
        QCOMPARE(counters.maxAttemptsInAnyWindow, 6);
        QCOMPARE(counters.refusedOverLimit, 2);
        QCOMPARE(counters.throttled, 3);
        clock->advance(55500ms); // now 60.5 s: only the first call (at 0 s) has left the window
        counters = throttle.counters().constFirst();
        QCOMPARE(counters.attemptsInWindow, 5);
        QCOMPARE(counters.maxAttemptsInAnyWindow, 6);
    }

    void unlimited()
    {
        auto clock = std::make_shared<SandboxManualClock>();
        Throttle throttle(clock, 0, 60s);
        for (int i = 0; i < 500; ++i)
            QVERIFY(throttle.admit(QStringLiteral("a")).allowed);
        QCOMPARE(throttle.counters().constFirst().maxInAnyWindow, 500);
    }

    // Over real sockets: the 101st call in a window gets 429 + Retry-After; after the window it passes.
    void overHttp()
    {
        SandboxFixture fixture;
        QVERIFY(fixture.listening);
        const QUrl instances = fixture.url(QStringLiteral("/v1/instances"));
        for (int i = 0; i < 100; ++i) {
            const auto response = fixture.api(instances);
            QVERIFY2(response.status == 200, qPrintable(QString::number(i)));
        }
        const auto throttled = fixture.api(instances);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.header("Retry-After"), QByteArray("60"));
        QCOMPARE(throttled.object().value(QStringLiteral("httpStatusCode")).toString(),
                 QStringLiteral("429"));

        // Another subject is another connection.
        const QString other = fixture.mintToken(QStringLiteral("someone-else"));
        QCOMPARE(fixture.http.get(instances, fixture.auth(other)).status, 200);

        fixture.clock->advance(59s);
        const auto stillThrottled = fixture.api(instances);
        QCOMPARE(stillThrottled.status, 429);
        QCOMPARE(stillThrottled.header("Retry-After"), QByteArray("1"));
        fixture.clock->advance(1s);
        QCOMPARE(fixture.api(instances).status, 200);

        const auto counters = fixture.http.get(fixture.url(QStringLiteral("/sandbox/control/counters")));
        QCOMPARE(counters.status, 200);
        const QJsonArray connections = counters.object().value(QStringLiteral("connections")).toArray();
        QCOMPARE(connections.size(), 2);
        bool found = false;
        for (const QJsonValue &value : connections) {
            const QJsonObject connection = value.toObject();
            if (connection.value(QStringLiteral("subject")).toString() == QLatin1String("someone-else"))
                continue;
            found = true;
            QCOMPARE(connection.value(QStringLiteral("callsLast60s")).toInt(), 1);
            QCOMPARE(connection.value(QStringLiteral("maxCallsInAny60s")).toInt(), 100);
            QCOMPARE(connection.value(QStringLiteral("throttled429")).toInt(), 2);
            QVERIFY(!connection.value(QStringLiteral("subscriptionKey"))
                         .toString()
                         .contains(QLatin1String("sandbox-key")));
        }
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestThrottle)
#include "tst_throttle.moc"
