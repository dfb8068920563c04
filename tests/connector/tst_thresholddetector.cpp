// The threshold rule of segmentThresholdCrossed and measureThresholdCrossed: baseline, crossing, re-arm,
// and the replay of the evaluation history between two looks.
#include "thresholddetector.h"

#include <QTest>

using State = ThresholdDetector::State;

Q_DECLARE_METATYPE(QList<double>)

class TestThresholdDetector : public QObject
{
    Q_OBJECT

private slots:
    void sequences_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<QList<int>>("firesAt"); // indexes of `values` that fire

        QTest::addRow("first observation above is a baseline") << 100.0 << QList<double>{150} << QList<int>{};
        QTest::addRow("first below, then above fires") << 100.0 << QList<double>{90, 101} << QList<int>{1};
        QTest::addRow("equal does not fire") << 100.0 << QList<double>{90, 100} << QList<int>{};
        QTest::addRow("equal then above fires") << 100.0 << QList<double>{90, 100, 100.5} << QList<int>{2};
        QTest::addRow("staying above does not re-fire")
            << 100.0 << QList<double>{90, 120, 130, 101} << QList<int>{1};
        QTest::addRow("drop then rise re-fires")
            << 100.0 << QList<double>{90, 120, 100, 120, 50, 200} << QList<int>{1, 3, 5};
        QTest::addRow("baseline above, drop, rise") << 100.0 << QList<double>{150, 99, 101} << QList<int>{2};
        QTest::addRow("negative threshold") << -5.0 << QList<double>{-10, -4} << QList<int>{1};
        QTest::addRow("zero threshold from zero") << 0.0 << QList<double>{0, 1} << QList<int>{1};
    }

    void sequences()
    {
        QFETCH(double, threshold);
        QFETCH(QList<double>, values);
        QFETCH(QList<int>, firesAt);
        std::optional<State> state;
        QDateTime at(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        QList<int> fired;
        for (int i = 0; i < values.size(); ++i) {
            at = at.addSecs(30);
            const auto outcome =
                ThresholdDetector::observe(state, QStringLiteral("S"), threshold, values[i], at);
            if (outcome.fires) {
                fired.append(i);
                QVERIFY(outcome.previousValue);
                QCOMPARE(*outcome.previousValue, values[i - 1]);
            }
            QVERIFY(outcome.changed);
            // Through JSON, as the worker stores it.
            state = State::fromJson(outcome.next.toJson());
            QVERIFY(state);
            QCOMPARE(*state, outcome.next);
        }
        QCOMPARE(fired, firesAt);
    }

    void theSameEvaluationTwiceChangesNothing()
    {
        const QDateTime at(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        const State previous{QStringLiteral("S"), 90, at};
        const auto again = ThresholdDetector::observe(previous, QStringLiteral("S"), 100, 90, at);
        QVERIFY(!again.fires);
        QVERIFY(!again.changed);
    }

    void anotherSubjectStartsWithABaseline()
    {
        const QDateTime at(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        const State previous{QStringLiteral("Old"), 10, at};
        const auto outcome =
            ThresholdDetector::observe(previous, QStringLiteral("New"), 100, 500, at.addSecs(5));
        QVERIFY(!outcome.fires);
        QVERIFY(outcome.changed);
        QCOMPARE(outcome.next.subject, QStringLiteral("New"));
    }

    void badStateIsNoState()
    {
        QVERIFY(!State::fromJson({}));
        QVERIFY(!State::fromJson({{QStringLiteral("value"), QStringLiteral("x")}}));
    }

    // Replay of the evaluation history between two looks (values at minutes 1, 2, 3, ...; the state was
    // last seen at minute 0 with `seen`). Each row: the evaluations given (the last one is the current),
    // the minutes that fire, and the value of the state after.
    void replay_data()
    {
        QTest::addColumn<double>("seen");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<QList<int>>("firesAt");
        QTest::addColumn<double>("after");

        QTest::addRow("up and down between two looks fires once")
            << 1200.0 << QList<double>{1300, 1200} << QList<int>{1} << 1200.0;
        QTest::addRow("down only re-arms") << 1300.0 << QList<double>{1200} << QList<int>{} << 1200.0;
        QTest::addRow("down and up again fires at the rise")
            << 1300.0 << QList<double>{1190, 1221, 1265} << QList<int>{3} << 1265.0;
        QTest::addRow("two crossings between two looks fire twice")
            << 1000.0 << QList<double>{1300, 1100, 1400, 900} << QList<int>{1, 3} << 900.0;
        QTest::addRow("staying above fires nothing")
            << 1300.0 << QList<double>{1400, 1260} << QList<int>{} << 1260.0;
        QTest::addRow("equal is not above") << 1200.0 << QList<double>{1250, 1250} << QList<int>{} << 1250.0;
    }

    void replay()
    {
        QFETCH(double, seen);
        QFETCH(QList<double>, values);
        QFETCH(QList<int>, firesAt);
        QFETCH(double, after);
        const QDateTime t0(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        const State previous{QStringLiteral("S"), seen, t0};
        // The history as the service lists it, newest first, with the current evaluation in it too, and
        // evaluations before the last look (already seen: ignored whatever their values).
        QList<ThresholdDetector::Evaluation> evaluations;
        for (int i = values.size(); i >= 1; --i)
            evaluations.append({values[i - 1], t0.addSecs(60 * i)});
        evaluations.append({0, t0.addSecs(-60)});
        evaluations.append({5000, t0.addSecs(-120)});
        evaluations.append({seen, t0});
        evaluations.append({values.constLast(), t0.addSecs(60 * values.size())}); // the current one

        const auto replay = ThresholdDetector::replay(previous, QStringLiteral("S"), 1250, evaluations);
        QList<int> fired;
        for (const ThresholdDetector::Crossing &crossing : replay.crossings) {
            const int minute = int(t0.secsTo(crossing.evaluatedAt) / 60);
            fired.append(minute);
            QCOMPARE(crossing.value, values[minute - 1]);
            QCOMPARE(crossing.previousValue, minute == 1 ? seen : values[minute - 2]);
            QVERIFY(crossing.previousValue <= 1250 && crossing.value > 1250);
            QCOMPARE(crossing.newest, minute == values.size());
        }
        QCOMPARE(fired, firesAt);
        QVERIFY(replay.changed);
        QCOMPARE(replay.next.value, after);
        QCOMPARE(replay.next.evaluatedAt, t0.addSecs(60 * values.size()));

        // The same history again (a reconcile, a restart with the state saved): nothing more.
        const auto again = ThresholdDetector::replay(replay.next, QStringLiteral("S"), 1250, evaluations);
        QVERIFY(again.crossings.isEmpty());
        QVERIFY(!again.changed);
    }

    void replayIgnoresHistoryBeforeTheBaseline()
    {
        const QDateTime t0(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        // No state: only the newest evaluation counts, as the baseline, whatever crossed before it.
        const QList<ThresholdDetector::Evaluation> evaluations{
            {1300, t0.addSecs(180)}, {1200, t0.addSecs(120)}, {1300, t0.addSecs(60)}, {1000, t0}};
        const auto baseline = ThresholdDetector::replay(std::nullopt, QStringLiteral("S"), 1250, evaluations);
        QVERIFY(baseline.crossings.isEmpty());
        QVERIFY(baseline.changed);
        QCOMPARE(baseline.next, (State{QStringLiteral("S"), 1300, t0.addSecs(180)}));
        // Another subject's state is no state either.
        const auto other = ThresholdDetector::replay(State{QStringLiteral("Old"), 0, t0.addSecs(-60)},
                                                     QStringLiteral("S"), 1250, evaluations);
        QVERIFY(other.crossings.isEmpty());
        QCOMPARE(other.next, baseline.next);
        // A state without a time (an evaluation the service gave no time): the newest only, as before.
        const auto untimed = ThresholdDetector::replay(State{QStringLiteral("S"), 1000, {}},
                                                       QStringLiteral("S"), 1250, evaluations);
        QCOMPARE(untimed.crossings.size(), 1);
        QCOMPARE(untimed.crossings[0].evaluatedAt, t0.addSecs(180));
        QVERIFY(untimed.crossings[0].newest);
        // An evaluation older than the one seen (a stale answer) changes nothing.
        const auto stale = ThresholdDetector::replay(State{QStringLiteral("S"), 1000, t0.addSecs(240)},
                                                     QStringLiteral("S"), 1250, evaluations);
        QVERIFY(stale.crossings.isEmpty());
        QVERIFY(!stale.changed);
    }
};

QTEST_GUILESS_MAIN(TestThresholdDetector)
#include "tst_thresholddetector.moc"
