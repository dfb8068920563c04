// The threshold rule of segmentThresholdCrossed and measureThresholdCrossed: baseline, crossing, re-arm.
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
};

QTEST_GUILESS_MAIN(TestThresholdDetector)
#include "tst_thresholddetector.moc"
