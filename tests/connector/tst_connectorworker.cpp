// The connector worker against a real sandbox over 127.0.0.1: one test per trigger (each event fires exactly
// once with the right payload), the threshold edge cases, and catch-up after the app was closed.
#include "connectorfixture.h"
#include "detectorstatestore.h"
#include "observationstore.h"
#include "triggerengine.h"

#include <QJsonArray>

namespace {
const QString kInstance = QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b");
}

class TestConnectorWorker : public QObject
{
    Q_OBJECT

private slots:
    void dataSourceRefreshFailed()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 pos = f.addFlow(TriggerKind::DataSourceRefreshFailed, QStringLiteral("PosTransactions"));
        const qint64 any = f.addFlow(TriggerKind::DataSourceRefreshFailed, {}, 0,
                                     [](Trigger &t) { t.permanentFailuresOnly = true; });
        f.startConnector();
        QVERIFY(f.waitForCycles(1)); // the baseline
        const QString failedJob =
            f.refresh(QStringLiteral("datasource"), QStringLiteral("PosTransactions"), true);
        const QString otherJob =
            f.refresh(QStringLiteral("datasource"), QStringLiteral("LoyaltyProgram"), true);
        f.refresh(QStringLiteral("datasource"), QStringLiteral("ECommerce")); // succeeds: not a failure
        QVERIFY(f.waitForFirings(3));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firingsOf(pos).size(), 1);
        const Firing firing = f.firingsOf(pos).constFirst();
        QCOMPARE(firing.subject, QStringLiteral("PosTransactions"));
        QCOMPARE(firing.jobId, failedJob);
        QCOMPARE(firing.trigger, TriggerKind::DataSourceRefreshFailed);
        QVERIFY(!firing.caughtUp);
        QVERIFY(firing.occurredAt.isValid());
        QCOMPARE(firing.payload.value(QStringLiteral("task"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("failed"));
        QCOMPARE(f.firingsOf(any).size(), 2);
        QCOMPARE(f.firingsOf(any).at(1).jobId, otherJob);
        QCOMPARE(f.firings.size(), 3);
        // Committed before the GUI heard of it.
        QCOMPARE(f.log->get(firing.id), std::optional<Firing>(firing));
        QCOMPARE(f.log->count(), 3);
    }

    void dataSourceRefreshSucceeded()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 loyalty =
            f.addFlow(TriggerKind::DataSourceRefreshSucceeded, QStringLiteral("Loyalty program"));
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        f.refresh(QStringLiteral("datasource"), QStringLiteral("LoyaltyProgram"),
                  true); // fails: not a success
        const QString job = f.refresh(QStringLiteral("datasource"), QStringLiteral("LoyaltyProgram"));
        QVERIFY(f.waitForFirings(1));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 1);
        QCOMPARE(f.firings[0].flowId, loyalty);
        QCOMPARE(f.firings[0].subject, QStringLiteral("LoyaltyProgram"));
        QCOMPARE(f.firings[0].jobId, job);
        QCOMPARE(f.firings[0]
                     .payload.value(QStringLiteral("dataSource"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("9d1f3b5e-7a2c-4e8d-b6f0-c2e4a6b8d0f2"));
    }

    void segmentThresholdCrossed()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        // Contoso starts at 1,200 high-value customers: the first observation is a baseline.
        const qint64 flow =
            f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 1250);
        const qint64 baselineAbove =
            f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk"), 100);
        f.startConnector();
        QVERIFY(f.waitForCycles(2));
        QVERIFY(f.firings.isEmpty()); // ChurnRisk (800) is above 100 from the start: a baseline, no firing

        const auto step = [&](qint64 count) {
            QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), count));
            QVERIFY(f.waitForCycles(2));
        };
        step(1250); // equal: no
        QCOMPARE(f.firings.size(), 0);
        step(1300); // crossing
        QCOMPARE(f.firings.size(), 1);
        step(1400); // staying above: no
        step(1251);
        QCOMPARE(f.firings.size(), 1);
        step(900);  // drop: re-armed
        step(1500); // crossing again
        QCOMPARE(f.firings.size(), 2);
        QVERIFY(f.firingsOf(baselineAbove).isEmpty());

        const Firing first = f.firings[0];
        QCOMPARE(first.flowId, flow);
        QCOMPARE(first.subject, QStringLiteral("HighValueCustomers"));
        QCOMPARE(first.value, 1300.0);
        QCOMPARE(first.previousValue, 1250.0);
        QCOMPARE(first.threshold, 1250.0);
        QCOMPARE(f.firings[1].value, 1500.0);
        QCOMPARE(f.firings[1].previousValue, 900.0);
        QVERIFY(first.id != f.firings[1].id);
    }

    // A threshold flow added while the worker runs takes its baseline on the next cycle, so a crossing right
    // after it fires (the flow editor saves, the user changes the instance).
    void aThresholdFlowAddedWhileRunningFiresOnTheNextCrossing()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        // Below both thresholds (the scenario's own values vary around them).
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1200));
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1250000));
        f.startConnector();
        QVERIFY(f.waitForCycles(2));
        const qint64 segmentFlow =
            f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 1250);
        const qint64 measureFlow =
            f.addFlow(TriggerKind::MeasureThresholdCrossed, QStringLiteral("TotalRevenue"), 1275000);
        QSignalSpy reloaded(f.connector.get(), &Connector::flowsReloaded);
        f.connector->reloadFlows();
        QVERIFY(reloaded.wait(5000));
        QVERIFY(f.waitForCycles(2)); // their baselines
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1310));
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1296400));
        QVERIFY(f.waitForFirings(2));
        QCOMPARE(f.firingsOf(segmentFlow).size(), 1);
        QCOMPARE(f.firingsOf(segmentFlow).first().value, 1310.0);
        QCOMPARE(f.firingsOf(measureFlow).size(), 1);
        QCOMPARE(f.firingsOf(measureFlow).first().value, 1296400.0);
    }

    void thresholdEditReachesTheRunningWorker()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        // The baseline: 1,200, below both thresholds (1,300 would cross the old one).
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1200));
        const qint64 flowId =
            f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 1250);
        f.startConnector();
        QSignalSpy reloaded(f.connector.get(), &Connector::flowsReloaded);
        QVERIFY(f.waitForCycles(2));

        // The editor raises the threshold while the worker runs.
        std::optional<Flow> flow = f.flows->get(flowId);
        QVERIFY(flow);
        flow->trigger.threshold = 1400;
        QVERIFY(f.flows->update(*flow));
        reloaded.clear();
        f.connector->reloadFlows();
        QVERIFY(reloaded.wait(5000));
        QCOMPARE(reloaded.constFirst().constFirst().toInt(), 1);

        // Above the old threshold, not above the new one: nothing.
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1300));
        QVERIFY(f.waitForCycles(3));
        QVERIFY(f.firings.isEmpty());
        // Across the new threshold: exactly one firing, with the new threshold.
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1500));
        QVERIFY(f.waitForFirings(1));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 1);
        QCOMPARE(f.firings[0].flowId, flowId);
        QCOMPARE(f.firings[0].threshold, 1400.0);
        QCOMPARE(f.firings[0].previousValue, 1300.0);
        QCOMPARE(f.firings[0].value, 1500.0);
        QCOMPARE(f.log->count(), 1);

        // Lowered below the current count: already above it, so no crossing (and no repeat of the last one).
        flow->trigger.threshold = 1000;
        QVERIFY(f.flows->update(*flow));
        reloaded.clear();
        f.connector->reloadFlows();
        QVERIFY(reloaded.wait(5000));
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1600));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 1);
        QCOMPARE(f.log->count(), 1);
    }

    void observationsAreRecordedWithTheCycle()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 5000);
        f.addFlow(TriggerKind::MeasureThresholdCrossed, QStringLiteral("TotalRevenue"), 9e9);
        f.startConnector();
        QVERIFY(f.waitForCycles(2));
        ObservationStore observations(f.db);
        // Every segment of the fetched list, not only the watched one; once per fetch, not per flow.
        QCOMPARE(
            observations.recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"))
                .size(),
            1);
        QCOMPARE(
            observations.recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk")).size(), 1);
        QCOMPARE(
            observations.recent(TriggerKind::MeasureThresholdCrossed, QStringLiteral("TotalRevenue")).size(),
            1);
        QVERIFY(observations.recent(TriggerKind::MeasureThresholdCrossed, QStringLiteral("RevenueByStore"))
                    .isEmpty()); // has dimensions: no scalar value
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1300));
        QTRY_COMPARE_WITH_TIMEOUT(
            observations.recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"))
                .size(),
            2, 10000);
        const QList<Observation> seen =
            observations.recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"));
        QCOMPARE(seen.at(1).value, 1300.0); // (the first: the scenario's count, which drifts a little)
        QVERIFY(seen.at(0).at < seen.at(1).at);
    }

    void measureThresholdCrossed()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 flow =
            f.addFlow(TriggerKind::MeasureThresholdCrossed, QStringLiteral("TotalRevenue"), 1275000);
        const qint64 dimensioned =
            f.addFlow(TriggerKind::MeasureThresholdCrossed, QStringLiteral("RevenueByStore"), 1);
        f.startConnector();
        QVERIFY(f.waitForCycles(2));
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1275000)); // equal
        QVERIFY(f.waitForCycles(2));
        QVERIFY(f.firings.isEmpty());
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1300000.5));
        QVERIFY(f.http
                    .sendJson("PUT", f.control(QStringLiteral("measures/RevenueByStore")),
                              {{QStringLiteral("values"), QJsonObject{{QStringLiteral("Seattle"), 9e9}}}})
                    .status == 200);
        QVERIFY(f.waitForFirings(1));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 1);
        QCOMPARE(f.firings[0].flowId, flow);
        QCOMPARE(f.firings[0].value, 1300000.5);
        QCOMPARE(f.firings[0].previousValue, 1275000.0);
        QVERIFY(f.firingsOf(dimensioned).isEmpty()); // refused: a measure with a dimension
    }

    void fullRefreshCompleted()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 scheduledOnly = f.addFlow(TriggerKind::FullRefreshCompleted);
        const qint64 manualToo = f.addFlow(TriggerKind::FullRefreshCompleted, {}, 0,
                                           [](Trigger &t) { t.includeManualRefreshes = true; });
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        const QString manual = f.refresh(QStringLiteral("full"));
        QVERIFY(f.waitForFirings(1));
        const QString scheduled = f.refresh(QStringLiteral("full"), {}, false, true);
        QVERIFY(f.waitForFirings(3));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 3);
        QCOMPARE(f.firingsOf(scheduledOnly).size(), 1);
        QCOMPARE(f.firingsOf(scheduledOnly)[0].jobId, scheduled);
        QCOMPARE(f.firingsOf(manualToo).size(), 2);
        QCOMPARE(f.firingsOf(manualToo)[0].jobId, manual);
        QCOMPARE(f.firingsOf(manualToo)[1].jobId, scheduled);
        QVERIFY(f.firings[0].subject.isEmpty());
    }

    void unificationRefreshCompleted()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.addFlow(TriggerKind::UnificationRefreshCompleted);
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        const QString unification = f.refresh(QStringLiteral("unification"));
        QVERIFY(f.waitForFirings(1));
        const QString full = f.refresh(QStringLiteral("full")); // a full refresh unifies too
        QVERIFY(f.waitForFirings(2));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 2);
        QCOMPARE(f.firings[0].jobId, unification);
        QCOMPARE(f.firings[1].jobId, full);
    }

    void catchUpAfterTheAppWasClosed()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 succeeded = f.addFlow(TriggerKind::DataSourceRefreshSucceeded);
        const qint64 full = f.addFlow(TriggerKind::FullRefreshCompleted, {}, 0,
                                      [](Trigger &t) { t.includeManualRefreshes = true; });
        const qint64 segment =
            f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk"), 1000);
        f.startConnector();
        QVERIFY(f.waitForCycles(2));
        f.connector.reset(); // the app closes

        // Meanwhile: more jobs than one listing holds, a full refresh and a segment crossing.
        QStringList jobs;
        for (int i = 0; i < 14; ++i)
            jobs << f.refresh(QStringLiteral("datasource"), QStringLiteral("ECommerce"));
        f.refresh(QStringLiteral("full"));
        QTRY_VERIFY_WITH_TIMEOUT(f.allJobsEnded(), 15000);
        // After the full refresh's own segmentation, which re-evaluates every segment: a crossing undone by a
        // later evaluation while the app was closed. The evaluation history shows it: it fires, once.
        QVERIFY(f.setSegment(QStringLiteral("ChurnRisk"), 1200));
        QTest::qWait(20); // a later evaluation time
        QVERIFY(f.setSegment(QStringLiteral("ChurnRisk"), 900));

        f.startConnector(); // the app starts again
        QVERIFY(f.waitForFirings(14 + 3 + 1 + 1));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firingsOf(succeeded).size(), 14 + 3); // the full refresh ingests three sources
        QCOMPARE(f.firingsOf(full).size(), 1);
        QCOMPARE(f.firingsOf(segment).size(), 1);
        QCOMPARE(f.firingsOf(segment)[0].value, 1200.0);
        for (const Firing &firing : std::as_const(f.firings))
            QVERIFY2(firing.caughtUp, qPrintable(firing.subject));
        QSet<QString> caughtJobs;
        for (const Firing &firing : f.firingsOf(succeeded))
            caughtJobs.insert(firing.jobId);
        for (const QString &job : std::as_const(jobs))
            QVERIFY(caughtJobs.contains(job));
        const qint64 stored = f.log->count();
        QCOMPARE(stored, qint64(f.firings.size()));

        // Once more: a restart re-detects nothing.
        f.startConnector();
        QVERIFY(f.waitForCycles(3));
        QVERIFY(f.firings.isEmpty());
        QCOMPARE(f.log->count(), stored);
    }

    void statePersistsWithTheFirings()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.addFlow(TriggerKind::UnificationRefreshCompleted);
        f.startConnector();
        QVERIFY(f.waitForCycles(2));
        DetectorStateStore states(f.db);
        const QJsonObject jobs = states.load(TriggerEngine::jobsStateKey(kInstance));
        QVERIFY(jobs.value(QStringLiteral("initialized")).toBool());
        QVERIFY(!jobs.value(QStringLiteral("newestJobId")).toString().isEmpty());
    }

    void workerThreadIsNamedAndStops()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.startConnector();
        QCOMPARE(f.connector->workerThread()->objectName(), QStringLiteral("insights-connector"));
        QVERIFY(f.waitForCycles(1));
        QCOMPARE(f.connector->status().state, ConnectorStatus::State::Polling);
        QVERIFY(f.connector->status().callsInWindow > 0);
        f.connector->stop();
        QTRY_COMPARE(f.connector->status().state, ConnectorStatus::State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestConnectorWorker)
#include "tst_connectorworker.moc"
