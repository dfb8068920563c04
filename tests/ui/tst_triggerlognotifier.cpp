#include "manualclock.h"
#include "triggerlog/triggerlognotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestTriggerLogNotifier : public QObject
{
    Q_OBJECT

    struct Shown
    {
        QString title, message;
    };

private slots:
    void firstFailureShowsAtOnce()
    {
        ManualClock clock;
        QList<Shown> shown;
        TriggerLogNotifier notifier([&](const QString &t, const QString &m) { shown.append({t, m}); }, clock);
        notifier.notifyStepFailed(QStringLiteral("f1"), QStringLiteral("Nightly report"), 1,
                                  QStringLiteral("HTTP 500 from https://example.org/hook"));
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.at(0).title.contains(QStringLiteral("Step 2")));
        QVERIFY(shown.at(0).title.contains(QStringLiteral("Nightly report")));
        QVERIFY(shown.at(0).message.contains(QStringLiteral("HTTP 500")));
        // The window ends quietly: nothing more.
        clock.advance(61s);
        notifier.tick();
        QCOMPARE(shown.size(), 1);
        // Quiet again: the next failure shows at once.
        notifier.notifyStepFailed(QStringLiteral("f2"), QStringLiteral("Nightly report"), 0, QString());
        QCOMPARE(shown.size(), 2);
    }

    void stormGivesOneSummary()
    {
        ManualClock clock;
        QList<Shown> shown;
        TriggerLogNotifier notifier([&](const QString &t, const QString &m) { shown.append({t, m}); }, clock);
        for (int i = 0; i < 12; ++i) {
            notifier.notifyStepFailed(QStringLiteral("f%1").arg(i), QStringLiteral("Flow"), 0,
                                      QStringLiteral("boom"));
            clock.advance(2s);
        }
        QCOMPARE(shown.size(), 1); // the first, at once
        notifier.tick();           // too early: still inside the window
        QCOMPARE(shown.size(), 1);
        clock.advance(40s);
        notifier.tick();
        QCOMPARE(shown.size(), 2);
        QVERIFY2(shown.at(1).message.contains(QStringLiteral("12 steps failed in the last minute")),
                 qPrintable(shown.at(1).message));

        // The storm goes on: one summary per minute, counting that minute's failures only.
        for (int i = 0; i < 5; ++i)
            notifier.notifyStepFailed(QStringLiteral("g%1").arg(i), QStringLiteral("Flow"), 0, QString());
        QCOMPARE(shown.size(), 2);
        clock.advance(60s);
        notifier.tick();
        QCOMPARE(shown.size(), 3);
        QVERIFY2(shown.at(2).message.contains(QStringLiteral("5 steps failed")),
                 qPrintable(shown.at(2).message));
        // Then it calms down.
        clock.advance(60s);
        notifier.tick();
        QCOMPARE(shown.size(), 3);
        notifier.notifyStepFailed(QStringLiteral("h"), QStringLiteral("Flow"), 0, QString());
        QCOMPARE(shown.size(), 4);
        QVERIFY(shown.at(3).title.contains(QStringLiteral("Flow")));
    }

    void failureAfterTheWindowEndsStartsANewOne()
    {
        ManualClock clock;
        int shown = 0;
        TriggerLogNotifier notifier([&](const QString &, const QString &) { ++shown; }, clock);
        notifier.notifyStepFailed(QStringLiteral("a"), QStringLiteral("Flow"), 0, QString());
        clock.advance(61s); // the timer has not fired yet (no event loop): the next failure closes the window
        notifier.notifyStepFailed(QStringLiteral("b"), QStringLiteral("Flow"), 0, QString());
        QCOMPARE(shown, 2);
    }

    void timerEndsTheWindow()
    {
        QList<Shown> shown;
        TriggerLogNotifier notifier(
            [&](const QString &t, const QString &m) {
                shown.append({t, m});
            },
            Clock::system());
        notifier.setWindow(50ms);
        QSignalSpy notified(&notifier, &TriggerLogNotifier::notified);
        notifier.notifyStepFailed(QStringLiteral("a"), QStringLiteral("Flow"), 0, QString());
        notifier.notifyStepFailed(QStringLiteral("b"), QStringLiteral("Flow"), 0, QString());
        QCOMPARE(notified.size(), 1);
        QVERIFY(notified.wait(2000));
        QVERIFY(shown.constLast().message.contains(QStringLiteral("2 steps failed")));
    }

    void noTrayNoCrash()
    {
        TriggerLogNotifier notifier; // the system tray sink; the offscreen platform has no tray
        QSignalSpy notified(&notifier, &TriggerLogNotifier::notified);
        notifier.notifyStepFailed(QStringLiteral("a"), QStringLiteral("Flow"), 0, QStringLiteral("x"));
        QCOMPARE(notified.size(), 1);
    }
};

QTEST_MAIN(TestTriggerLogNotifier)
#include "tst_triggerlognotifier.moc"
