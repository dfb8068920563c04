#include "clock.h"
#include "manualclock.h"
#include "ratelimiter.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private:
    // Checks that no 60 s window of `calls` (sorted) holds more than `limit` of them.
    static int maxInAnyWindow(const QList<QDateTime> &calls, qint64 windowMs)
    {
        int most = 0;
        qsizetype first = 0;
        for (qsizetype last = 0; last < calls.size(); ++last) {
            while (calls.at(first).msecsTo(calls.at(last)) >= windowMs)
                ++first;
            most = std::max(most, int(last - first + 1));
        }
        return most;
    }

private slots:
    void backgroundKeepsAReserveForInteractiveCalls()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        int background = 0;
        int interactive = 0;
        for (int i = 0; i < 120; ++i)
            limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++background; });
        QCOMPARE(background, RateLimiter::kDefaultLimit - RateLimiter::kDefaultInteractiveReserve);
        for (int i = 0; i < 20; ++i)
            limiter.acquire(RateLimiter::Priority::Interactive, this, [&] { ++interactive; });
        QCOMPARE(interactive, RateLimiter::kDefaultInteractiveReserve);
        QCOMPARE(limiter.usedInWindow(), 100);
        QCOMPARE(limiter.pending(), 30 + 10);
    }

    // Get items pages (bulk) leave headroom for polling, which leaves a reserve for the user.
    void bulkReadsLeaveHeadroomForPolling()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        int bulk = 0;
        int background = 0;
        for (int i = 0; i < 100; ++i)
            limiter.acquire(RateLimiter::Priority::Bulk, this, [&] { ++bulk; });
        QCOMPARE(bulk, RateLimiter::kDefaultLimit - RateLimiter::kDefaultInteractiveReserve -
                           RateLimiter::kDefaultBulkHeadroom);
        for (int i = 0; i < 100; ++i)
            limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++background; });
        QCOMPARE(background, RateLimiter::kDefaultBulkHeadroom);
        // When the window moves on, polling goes before the waiting bulk reads, which wait while the window
        // holds more than their share.
        clock.advance(60s);
        limiter.dispatch();
        QCOMPARE(background, 100);
        const int share = RateLimiter::kDefaultLimit - RateLimiter::kDefaultInteractiveReserve -
                          RateLimiter::kDefaultBulkHeadroom;
        QCOMPARE(bulk, share); // the window holds polling's 80 calls: more than bulk's share
        clock.advance(60s);
        limiter.dispatch();
        QCOMPARE(bulk, std::min(100, 2 * share));
    }

    // Polling at its usual pace (a call every 1.1 s, plus a segments or measures read every fifth cycle): a
    // long Get items read that starts while it runs moves alongside it, and polling never waits.
    void bulkReadsMoveWhilePollingRuns()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        int bulk = 0;
        int waited = 0;
        const auto poll = [&](int cycle) {
            clock.advance(1100ms);
            limiter.dispatch();
            for (int call = 0; call < (cycle % 5 == 0 ? 2 : 1); ++call) {
                bool started = false;
                limiter.acquire(RateLimiter::Priority::Background, this, [&] { started = true; });
                waited += started ? 0 : 1;
            }
        };
        constexpr int kCyclesPerMinute = 60 * 10 / 11;
        int cycle = 0;
        for (; cycle < 2 * kCyclesPerMinute; ++cycle) // the window fills with polling
            poll(cycle);
        for (int i = 0; i < 1000; ++i) // a Get items of 1,000 pages
            limiter.acquire(RateLimiter::Priority::Bulk, this, [&] { ++bulk; });
        for (int i = 0; i < 3 * kCyclesPerMinute; ++i)
            poll(cycle++);
        // What polling leaves of the window, minus the headroom: about 15 pages a minute here.
        QVERIFY2(bulk >= 3 * 10, qPrintable(QStringLiteral("%1 pages in 3 minutes").arg(bulk)));
        QCOMPARE(waited, 0);
        QVERIFY(limiter.usedInWindow() <= RateLimiter::kDefaultLimit);
    }

    void slidingWindowBoundaryIsExact()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        limiter.setInteractiveReserve(0);
        int started = 0;
        for (int i = 0; i < 101; ++i)
            limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++started; });
        QCOMPARE(started, 100);
        QCOMPARE(limiter.windowResetsAt(), clock.now().addSecs(60));

        clock.advance(60s - 1ms);
        limiter.dispatch();
        QCOMPARE(started, 100);
        clock.advance(1ms);
        limiter.dispatch();
        QCOMPARE(started, 101);
    }

    void interactiveGoesFirst()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        limiter.setLimit(2, 60s);
        limiter.setInteractiveReserve(0);
        QStringList order;
        for (int i = 0; i < 3; ++i)
            limiter.acquire(RateLimiter::Priority::Background, this,
                            [&order, i] { order << u"b" + QString::number(i); });
        limiter.acquire(RateLimiter::Priority::Interactive, this, [&] { order << QStringLiteral("i"); });
        QCOMPARE(order, (QStringList{QStringLiteral("b0"), QStringLiteral("b1")}));
        clock.advance(60s);
        limiter.dispatch();
        QCOMPARE(order, (QStringList{QStringLiteral("b0"), QStringLiteral("b1"), QStringLiteral("i"),
                                     QStringLiteral("b2")}));
    }

    void holdStopsEveryCallUntilRetryAfter()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        QSignalSpy held(&limiter, &RateLimiter::heldUntilChanged);
        const QDateTime until = clock.now().addSecs(30);
        limiter.holdUntil(until);
        limiter.holdUntil(clock.now().addSecs(10)); // an earlier hold does not shorten it
        QCOMPARE(held.size(), 1);
        QCOMPARE(limiter.heldUntil(), until);
        int started = 0;
        limiter.acquire(RateLimiter::Priority::Interactive, this, [&] { ++started; });
        limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++started; });
        clock.advance(30s - 1ms);
        limiter.dispatch();
        QCOMPARE(started, 0);
        clock.advance(1ms);
        limiter.dispatch();
        QCOMPARE(started, 2);
        QVERIFY(!limiter.heldUntil().isValid());
    }

    void goneRequestersAreSkipped()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        limiter.setLimit(1, 60s);
        limiter.setInteractiveReserve(0);
        int started = 0;
        limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++started; });
        {
            QObject requester;
            limiter.acquire(RateLimiter::Priority::Background, &requester, [&] { started += 100; });
        }
        limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++started; });
        clock.advance(60s);
        limiter.dispatch();
        QCOMPARE(started, 2);
    }

    void restoredHistoryCountsAgainstTheBudget()
    {
        ManualClock clock;
        QList<QDateTime> previous;
        for (int i = 0; i < 100; ++i)
            previous << clock.now().addMSecs(-30000 + i);
        RateLimiter limiter(clock);
        limiter.restoreHistory(previous);
        QCOMPARE(limiter.usedInWindow(), 100);
        int started = 0;
        limiter.acquire(RateLimiter::Priority::Interactive, this, [&] { ++started; });
        QCOMPARE(started, 0);
        clock.advance(30s);
        limiter.dispatch();
        QCOMPARE(started, 1);
        QCOMPARE(limiter.history().size(), 100);
    }

    void startMayAcquireAgain()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        int pages = 0;
        std::function<void()> nextPage = [&] {
            if (++pages < 5)
                limiter.acquire(RateLimiter::Priority::Background, this, nextPage);
        };
        limiter.acquire(RateLimiter::Priority::Background, this, nextPage);
        QCOMPARE(pages, 5);
    }

    void neverMoreThanTheLimitInAnyWindow()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        QList<QDateTime> admitted;
        connect(&limiter, &RateLimiter::callAdmitted, this, [&](const QDateTime &at) { admitted << at; });
        QRandomGenerator random(42);
        for (int step = 0; step < 3000; ++step) {
            const int arrivals = int(random.bounded(4));
            for (int i = 0; i < arrivals; ++i)
                limiter.acquire(random.bounded(5) == 0 ? RateLimiter::Priority::Interactive
                                                       : RateLimiter::Priority::Background,
                                this, [] {});
            clock.advance(std::chrono::milliseconds(random.bounded(400)));
            limiter.dispatch();
        }
        QVERIFY(admitted.size() > 900); // saturated: about 100 per minute for 10 minutes
        QCOMPARE(maxInAnyWindow(admitted, 60000), 100);
    }

    void timerWakesTheQueue()
    {
        RateLimiter limiter(Clock::system());
        limiter.setLimit(2, 200ms);
        limiter.setInteractiveReserve(0);
        QSignalSpy budget(&limiter, &RateLimiter::budgetChanged);
        int started = 0;
        for (int i = 0; i < 5; ++i)
            limiter.acquire(RateLimiter::Priority::Background, this, [&] { ++started; });
        QCOMPARE(started, 2);
        QTRY_COMPARE_WITH_TIMEOUT(started, 5, 10000);
        // ...and reports the budget going back to zero once the window is empty.
        QTRY_COMPARE_WITH_TIMEOUT(limiter.usedInWindow(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!budget.isEmpty() && budget.last().at(0).toInt() == 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
