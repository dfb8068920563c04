#include "sandboxclock.h"
#include "scenario.h"

#include <QJsonArray>
#include <QTest>

using namespace std::chrono_literals;

class TestScenario : public QObject
{
    Q_OBJECT

private:
    static QJsonObject definition()
    {
        QString error;
        const auto loaded = Scenario::loadDefinition({}, &error);
        return loaded.value_or(QJsonObject());
    }

    // Runs `seconds` of scenario time in 250 ms ticks, the clock moving along.
    static void run(Scenario &scenario, SandboxManualClock &clock, int seconds)
    {
        for (int i = 0; i < seconds * 4; ++i) {
            clock.advance(250ms);
            scenario.tick(250);
        }
    }

private slots:
    void builtInScenario()
    {
        const QJsonObject json = definition();
        QVERIFY(!json.isEmpty());
        auto clock = std::make_shared<SandboxManualClock>();
        Scenario scenario(json, 1, clock);
        QCOMPARE(scenario.instance().name, QStringLiteral("Contoso Retail"));
        QCOMPARE(scenario.dataSources().size(), 3);
        QCOMPARE(scenario.segments().size(), 3);
        QCOMPARE(scenario.measures().size(), 3);
        QVERIFY(scenario.customers().size() >= 5000);
        QVERIFY(!scenario.jobs().isEmpty()); // seeded history
        QVERIFY(scenario.findMeasure(QStringLiteral("Total revenue"))->isScalar());
        QVERIFY(scenario.findMeasure(QStringLiteral("Active customers"))->isScalar());
        QVERIFY(!scenario.findMeasure(QStringLiteral("Revenue by store"))->isScalar());
    }

    void deterministicForASeed()
    {
        auto clockA = std::make_shared<SandboxManualClock>();
        auto clockB = std::make_shared<SandboxManualClock>();
        auto clockC = std::make_shared<SandboxManualClock>();
        Scenario a(definition(), 42, clockA);
        Scenario b(definition(), 42, clockB);
        Scenario c(definition(), 43, clockC);
        run(a, *clockA, 300);
        run(b, *clockB, 300);
        run(c, *clockC, 300);
        QCOMPARE(a.snapshot(), b.snapshot());
        QVERIFY(a.snapshot() != c.snapshot());
    }

    void untouchedDemoFiresEveryTriggerKind_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1ULL, 2ULL, 3ULL, 7ULL, 1234ULL})
            QTest::addRow("seed %llu", seed) << seed;
    }
    // Within three minutes at speed 1: an ingestion failure and success, a scheduled full refresh and a
    // unification that complete, and segment counts and scalar measure values that move both ways (so a
    // threshold between them is crossed).
    void untouchedDemoFiresEveryTriggerKind()
    {
        QFETCH(quint64, seed);
        auto clock = std::make_shared<SandboxManualClock>();
        Scenario scenario(definition(), seed, clock);
        const qsizetype historyJobs = scenario.jobs().size();
        QMap<QString, QList<qint64>> counts;
        QMap<QString, QList<double>> values;
        for (int second = 0; second < 180; ++second) {
            run(scenario, *clock, 1);
            for (const auto &segment : scenario.segments())
                counts[segment.name].append(segment.count);
            for (const auto &measure : scenario.measures())
                values[measure.name].append(measure.values.first());
        }
        bool ingestionFailed = false;
        bool ingestionSucceeded = false;
        bool scheduledFullDone = false;
        bool unificationDone = false;
        for (qsizetype i = historyJobs; i < scenario.jobs().size(); ++i) {
            const auto &job = scenario.jobs().at(i);
            scheduledFullDone |= job.isTerminal() && job.operationType == QLatin1String("all") &&
                                 job.submissionKind == QLatin1String("scheduled");
            for (const auto &task : job.tasks()) {
                if (task.operationType == QLatin1String("ingestion")) {
                    ingestionFailed |=
                        task.status == QLatin1String("failed") || task.status == QLatin1String("timedOut");
                    ingestionSucceeded |= task.status == QLatin1String("successful");
                }
                unificationDone |= task.operationType == QLatin1String("merge") && task.end.isValid();
            }
        }
        QVERIFY(ingestionFailed);
        QVERIFY(ingestionSucceeded);
        QVERIFY(scheduledFullDone);
        QVERIFY(unificationDone);
        auto movesBothWays = [](const auto &series) {
            bool up = false;
            bool down = false;
            for (qsizetype i = 1; i < series.size(); ++i) {
                up |= series.at(i) > series.at(i - 1);
                down |= series.at(i) < series.at(i - 1);
            }
            return up && down;
        };
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(movesBothWays(it.value()), qPrintable(it.key()));
        QVERIFY(movesBothWays(values.value(QStringLiteral("TotalRevenue"))));
        QVERIFY(movesBothWays(values.value(QStringLiteral("ActiveCustomers"))));
    }

    void jobStagesRunInOrder()
    {
        auto clock = std::make_shared<SandboxManualClock>();
        Scenario scenario(definition(), 1, clock);
        QString error;
        const auto id = scenario.submit({Scenario::RefreshKind::Full, {}, false, false}, &error);
        QVERIFY(id);
        QCOMPARE(scenario.findJob(*id)->status, QStringLiteral("running"));
        QCOMPARE(scenario.findJob(*id)->tasks().at(0).status, QStringLiteral("running"));
        QCOMPARE(scenario.findJob(*id)->tasks().at(3).status, QStringLiteral("queued"));
        QCOMPARE(scenario.findDataSource(QStringLiteral("ECommerce"))->refreshState,
                 QStringLiteral("updating"));
        for (int i = 0; i < 5; ++i)
            scenario.tick(1);
        QVERIFY(!scenario.findJob(*id)->isTerminal());
        scenario.tick(1);
        QCOMPARE(scenario.findJob(*id)->status, QStringLiteral("successful"));
        QVERIFY(!scenario.submit({Scenario::RefreshKind::DataSource, QStringLiteral("Nope"), false, false},
                                 &error));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addRow("no instance id") << QStringLiteral("instance/instanceId") << QJsonValue(QString());
        QTest::addRow("instance id not a guid")
            << QStringLiteral("instance/instanceId") << QJsonValue(QStringLiteral("x"));
        QTest::addRow("no data sources") << QStringLiteral("dataSources") << QJsonValue(QJsonArray());
        QTest::addRow("segments not an array") << QStringLiteral("segments") << QJsonValue(3);
        QTest::addRow("no measures") << QStringLiteral("measures") << QJsonValue(QJsonArray());
    }
    void validation()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QJsonObject json = definition();
        QString error;
        QVERIFY(Scenario::validate(json, &error));
        const QStringList parts = path.split(u'/');
        if (parts.size() == 2) {
            QJsonObject inner = json.value(parts.at(0)).toObject();
            inner.insert(parts.at(1), value);
            json.insert(parts.at(0), inner);
        } else {
            json.insert(path, value);
        }
        QVERIFY(!Scenario::validate(json, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
