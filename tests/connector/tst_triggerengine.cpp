// Flows x what the detectors saw -> firings: the exact semantics of the six triggers (docs/triggers.md).
#include "triggerengine.h"
#include "triggervalidation.h"

#include <QTest>

namespace {

const QString kInstance = QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b");
const QDateTime kNow(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

Flow flow(qint64 id, TriggerKind kind, const QString &subject = {}, double threshold = 0)
{
    Flow f;
    f.id = id;
    f.name = QStringLiteral("flow %1").arg(id);
    f.trigger.kind = kind;
    f.trigger.subject = subject;
    f.trigger.threshold = threshold;
    return f;
}

QList<CiDataSource> dataSources()
{
    CiDataSource pos;
    pos.id = QStringLiteral("0b9a6d3e-1c2f-4a5b-8c7d-9e0f1a2b3c4d");
    pos.name = QStringLiteral("PosTransactions");
    pos.friendlyName = QStringLiteral("POS transactions");
    CiDataSource loyalty;
    loyalty.id = QStringLiteral("9d1f3b5e-7a2c-4e8d-b6f0-c2e4a6b8d0f2");
    loyalty.name = QStringLiteral("LoyaltyProgram");
    loyalty.friendlyName = QStringLiteral("Loyalty program");
    return {pos, loyalty};
}

JobEvent ingestion(const QString &taskId, const QString &source, const QString &status)
{
    JobEvent event;
    event.kind = JobEvent::Kind::IngestionEnded;
    event.job.id = QStringLiteral("job-") + taskId;
    event.job.operationType = QStringLiteral("ingestion");
    event.task.id = taskId;
    event.task.operationType = QStringLiteral("ingestion");
    event.task.friendlyName = source;
    event.task.status = status;
    event.task.ended = kNow.addSecs(-1);
    return event;
}

JobEvent jobEvent(JobEvent::Kind kind, const QString &jobId, const QString &submission)
{
    JobEvent event;
    event.kind = kind;
    event.job.id = jobId;
    event.job.operationType =
        kind == JobEvent::Kind::FullRefreshEnded ? QStringLiteral("all") : QStringLiteral("merge");
    event.job.submissionKind = submission;
    event.job.status = QStringLiteral("successful");
    event.job.ended = kNow.addSecs(-2);
    return event;
}

} // namespace

Q_DECLARE_METATYPE(QList<Flow>)
Q_DECLARE_METATYPE(JobEvent)

class TestTriggerEngine : public QObject
{
    Q_OBJECT

private slots:
    void jobEvents_data()
    {
        QTest::addColumn<Flow>("flow");
        QTest::addColumn<JobEvent>("event");
        QTest::addColumn<QString>("subject"); // of the firing; "-" when it must not fire

        const auto failedTrigger = [](const QString &subject, bool permanentOnly) {
            Flow f = flow(1, TriggerKind::DataSourceRefreshFailed, subject);
            f.trigger.permanentFailuresOnly = permanentOnly;
            return f;
        };
        const QString pos = QStringLiteral("POS transactions");
        const QString posName = QStringLiteral("PosTransactions");
        QTest::addRow("failed, any source")
            << failedTrigger({}, false) << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed"))
            << posName;
        QTest::addRow("failed, by API name")
            << failedTrigger(posName, false) << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed"))
            << posName;
        QTest::addRow("failed, by id")
            << failedTrigger(QStringLiteral("0B9A6D3E-1c2f-4a5b-8c7d-9e0f1a2b3c4d"), false)
            << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed")) << posName;
        QTest::addRow("failed, by friendly name")
            << failedTrigger(pos, false) << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed"))
            << posName;
        QTest::addRow("failed, other source")
            << failedTrigger(QStringLiteral("LoyaltyProgram"), false)
            << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed")) << QStringLiteral("-");
        QTest::addRow("timed out fires")
            << failedTrigger({}, false) << ingestion(QStringLiteral("t"), pos, QStringLiteral("timedOut"))
            << posName;
        QTest::addRow("timed out, permanent only")
            << failedTrigger({}, true) << ingestion(QStringLiteral("t"), pos, QStringLiteral("timedOut"))
            << QStringLiteral("-");
        QTest::addRow("failed, permanent only")
            << failedTrigger({}, true) << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed"))
            << posName;
        QTest::addRow("failed trigger, success")
            << failedTrigger({}, false) << ingestion(QStringLiteral("t"), pos, QStringLiteral("successful"))
            << QStringLiteral("-");
        QTest::addRow("aborted is neither")
            << failedTrigger({}, false) << ingestion(QStringLiteral("t"), pos, QStringLiteral("aborted"))
            << QStringLiteral("-");
        QTest::addRow("succeeded") << flow(1, TriggerKind::DataSourceRefreshSucceeded, posName)
                                   << ingestion(QStringLiteral("t"), pos, QStringLiteral("successful"))
                                   << posName;
        QTest::addRow("succeeded trigger, failure")
            << flow(1, TriggerKind::DataSourceRefreshSucceeded)
            << ingestion(QStringLiteral("t"), pos, QStringLiteral("failed")) << QStringLiteral("-");
        QTest::addRow("unknown source by its task name")
            << flow(1, TriggerKind::DataSourceRefreshSucceeded, QStringLiteral("New source"))
            << ingestion(QStringLiteral("t"), QStringLiteral("New source"), QStringLiteral("successful"))
            << QStringLiteral("New source");

        Flow manual = flow(1, TriggerKind::FullRefreshCompleted);
        manual.trigger.includeManualRefreshes = true;
        QTest::addRow("full, scheduled")
            << flow(1, TriggerKind::FullRefreshCompleted)
            << jobEvent(JobEvent::Kind::FullRefreshEnded, QStringLiteral("j"), QStringLiteral("scheduled"))
            << QString();
        QTest::addRow("full, on demand")
            << flow(1, TriggerKind::FullRefreshCompleted)
            << jobEvent(JobEvent::Kind::FullRefreshEnded, QStringLiteral("j"), QStringLiteral("onDemand"))
            << QStringLiteral("-");
        QTest::addRow("full, on demand included")
            << manual
            << jobEvent(JobEvent::Kind::FullRefreshEnded, QStringLiteral("j"), QStringLiteral("onDemand"))
            << QString();
        QTest::addRow("unification") << flow(1, TriggerKind::UnificationRefreshCompleted)
                                     << jobEvent(JobEvent::Kind::UnificationEnded, QStringLiteral("j"),
                                                 QStringLiteral("onDemand"))
                                     << QString();
        QTest::addRow("unification flow, full event")
            << flow(1, TriggerKind::UnificationRefreshCompleted)
            << jobEvent(JobEvent::Kind::FullRefreshEnded, QStringLiteral("j"), QStringLiteral("scheduled"))
            << QStringLiteral("-");
    }

    void jobEvents()
    {
        QFETCH(Flow, flow);
        QFETCH(JobEvent, event);
        QFETCH(QString, subject);
        TriggerEngine engine(kInstance, QStringLiteral("Contoso Retail"));
        engine.setFlows({flow});
        engine.setDataSources(dataSources());
        const QList<Firing> firings = engine.firingsFor({event}, kNow, false);
        if (subject == QLatin1String("-")) {
            QVERIFY(firings.isEmpty());
            return;
        }
        QCOMPARE(firings.size(), 1);
        const Firing &firing = firings.constFirst();
        QCOMPARE(firing.subject, subject);
        QCOMPARE(firing.trigger, flow.trigger.kind);
        QCOMPARE(firing.flowId, flow.id);
        QCOMPARE(firing.jobId, event.job.id);
        QCOMPARE(firing.detectedAt, kNow);
        QVERIFY(firing.occurredAt.isValid());
        const QString key = event.kind == JobEvent::Kind::IngestionEnded ? event.task.id : event.job.id;
        QCOMPARE(firing.id, Firing::makeId(flow.id, kInstance, flow.trigger.kind, subject, key));
        QCOMPARE(firing.payload.value(QStringLiteral("instance"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 kInstance);
    }

    void disabledFlowsNeverFire()
    {
        Flow f = flow(1, TriggerKind::DataSourceRefreshSucceeded);
        f.enabled = false;
        TriggerEngine engine(kInstance, {});
        engine.setFlows({f});
        QVERIFY(engine
                    .firingsFor(
                        {ingestion(QStringLiteral("t"), QStringLiteral("x"), QStringLiteral("successful"))},
                        kNow, false)
                    .isEmpty());
        QVERIFY(!engine.needsDataSources());
    }

    void eachFlowFiresOnceWithItsOwnId()
    {
        TriggerEngine engine(kInstance, {});
        engine.setFlows({flow(1, TriggerKind::DataSourceRefreshSucceeded),
                         flow(2, TriggerKind::DataSourceRefreshSucceeded)});
        const auto firings = engine.firingsFor(
            {ingestion(QStringLiteral("t"), QStringLiteral("x"), QStringLiteral("successful"))}, kNow, true);
        QCOMPARE(firings.size(), 2);
        QVERIFY(firings[0].id != firings[1].id);
        QVERIFY(firings[0].caughtUp && firings[1].caughtUp);
    }

    void segmentThresholds()
    {
        TriggerEngine engine(kInstance, {});
        engine.setFlows(
            {flow(7, TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 1250),
             flow(8, TriggerKind::SegmentThresholdCrossed, QStringLiteral("Churn risk"), 500)});
        QHash<QString, QJsonObject> store;
        const auto load = [&](const QString &key) { return store.value(key); };
        const auto evaluate = [&](qint64 high, qint64 churn, int minute) {
            CiSegment a;
            a.name = QStringLiteral("HighValueCustomers");
            a.entityCount = high;
            a.evaluationDate = kNow.addSecs(60 * minute);
            CiSegment b;
            b.name = QStringLiteral("ChurnRisk");
            b.friendlyName = QStringLiteral("Churn risk");
            b.entityCount = churn;
            b.evaluationDate = kNow.addSecs(60 * minute);
            const auto result = engine.evaluateSegments({a, b}, load, kNow, false);
            for (auto it = result.states.cbegin(); it != result.states.cend(); ++it)
                store.insert(it.key(), it.value());
            return result.firings;
        };
        QVERIFY(evaluate(1300, 900, 0).isEmpty()); // baselines
        QVERIFY(evaluate(1250, 400, 1).isEmpty()); // equal; below
        const auto crossed = evaluate(1251, 501, 2);
        QCOMPARE(crossed.size(), 2);
        QCOMPARE(crossed[0].subject, QStringLiteral("HighValueCustomers"));
        QCOMPARE(crossed[0].value, 1251.0);
        QCOMPARE(crossed[0].previousValue, 1250.0);
        QCOMPARE(crossed[0].threshold, 1250.0);
        QCOMPARE(crossed[1].subject,
                 QStringLiteral("ChurnRisk"));     // the API name, matched by its friendly name
        QVERIFY(evaluate(1400, 600, 3).isEmpty()); // staying above
        QVERIFY(evaluate(1000, 100, 4).isEmpty());
        QCOMPARE(evaluate(1300, 100, 5).size(), 1); // re-armed
        QCOMPARE(store.size(), 2);
    }

    void thresholdHistoryIsReplayed()
    {
        TriggerEngine engine(kInstance, {});
        engine.setFlows(
            {flow(7, TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk"), 1250),
             flow(9, TriggerKind::MeasureThresholdCrossed, QStringLiteral("TotalRevenue"), 1250000)});
        QHash<QString, QJsonObject> store;
        const auto load = [&](const QString &key) { return store.value(key); };
        const auto at = [](int minute) { return kNow.addSecs(60 * minute); };
        // The history newest first, as the service lists it; the last entry is also the current evaluation.
        const auto segment = [&](const QList<std::pair<int, qint64>> &history) {
            CiSegment s;
            s.name = QStringLiteral("ChurnRisk");
            s.entityCount = history.constFirst().second;
            s.evaluationDate = at(history.constFirst().first);
            for (auto it = history.crbegin(); it != history.crend(); ++it)
                s.history.append({at(it->first), double(it->second)});
            return s;
        };
        const auto evaluate = [&](const CiSegment &s, bool caughtUp) {
            const auto result = engine.evaluateSegments({s}, load, kNow, caughtUp);
            for (auto it = result.states.cbegin(); it != result.states.cend(); ++it)
                store.insert(it.key(), it.value());
            return result.firings;
        };
        // The baseline at minute 2; the crossing at minute 1 is before it and never fires.
        QVERIFY(evaluate(segment({{2, 1200}, {1, 1300}, {0, 1200}}), false).isEmpty());
        // Between two looks: up at 3, down at 4 (the current). One firing, for minute 3, found by catch-up.
        const auto upAndDown = evaluate(segment({{4, 1200}, {3, 1300}, {2, 1200}, {1, 1300}}), false);
        QCOMPARE(upAndDown.size(), 1);
        QCOMPARE(upAndDown[0].value, 1300.0);
        QCOMPARE(upAndDown[0].previousValue, 1200.0);
        QCOMPARE(upAndDown[0].occurredAt, at(3));
        QVERIFY(upAndDown[0].caughtUp);
        QCOMPARE(upAndDown[0]
                     .payload.value(QStringLiteral("segment"))
                     .toObject()
                     .value(QStringLiteral("evaluatedAt"))
                     .toString(),
                 at(3).toString(Qt::ISODateWithMs));
        // Its id is that of the evaluation: the same crossing seen as the current one has the same id.
        const QString id = upAndDown[0].id;
        QCOMPARE(id, Firing::makeId(7, kInstance, TriggerKind::SegmentThresholdCrossed,
                                    QStringLiteral("ChurnRisk"), at(3).toString(Qt::ISODateWithMs)));
        // The same history again (the next reconcile, a restart): nothing.
        QVERIFY(evaluate(segment({{4, 1200}, {3, 1300}, {2, 1200}}), true).isEmpty());
        // A crossing that is the current evaluation is not caught up (unless the cycle is).
        const auto current = evaluate(segment({{5, 1260}, {4, 1200}}), false);
        QCOMPARE(current.size(), 1);
        QVERIFY(!current[0].caughtUp);
        // Down only (between two looks) re-arms: the next rise fires.
        QVERIFY(evaluate(segment({{6, 1250}, {5, 1260}}), false).isEmpty());
        QCOMPARE(evaluate(segment({{7, 1251}, {6, 1250}}), false).size(), 1);
        // After a restart (a new engine, the saved state): the same history fires nothing again.
        TriggerEngine restarted(kInstance, {});
        restarted.setFlows(
            {flow(7, TriggerKind::SegmentThresholdCrossed, QStringLiteral("ChurnRisk"), 1250)});
        QVERIFY(restarted
                    .evaluateSegments({segment({{7, 1251}, {6, 1250}, {5, 1260}, {4, 1200}, {3, 1300}})},
                                      load, kNow, true)
                    .firings.isEmpty());

        // Measures: the history of a measure is asked for only where a flow has seen it and it changed.
        const auto measure = [&](const CiMeasure &m) {
            const auto result = engine.evaluateMeasures({m}, load, kNow, false);
            for (auto it = result.states.cbegin(); it != result.states.cend(); ++it)
                store.insert(it.key(), it.value());
            return result.firings;
        };
        CiMeasure revenue;
        revenue.name = QStringLiteral("TotalRevenue");
        revenue.value = 1200000;
        revenue.evaluationTime = at(20);
        QVERIFY(engine.measuresNeedingHistory({revenue}, load).isEmpty()); // no state yet: a baseline
        QVERIFY(measure(revenue).isEmpty());
        QVERIFY(engine.measuresNeedingHistory({revenue}, load).isEmpty()); // unchanged
        revenue.value = 1240000;
        revenue.evaluationTime = at(23);
        QCOMPARE(engine.measuresNeedingHistory({revenue}, load), QStringList{QStringLiteral("TotalRevenue")});
        revenue.history = {{at(20), 1200000}, {at(21), 1300000}, {at(22), 1100000}, {at(23), 1240000}};
        const auto measured = measure(revenue);
        QCOMPARE(measured.size(), 1);
        QCOMPARE(measured[0].occurredAt, at(21));
        QCOMPARE(measured[0].value, 1300000.0);
        QCOMPARE(measured[0].previousValue, 1200000.0);
        QVERIFY(measured[0].caughtUp);
        QVERIFY(engine.measuresNeedingHistory({revenue}, load).isEmpty()); // seen
    }

    void dimensionedMeasureIsRefused()
    {
        CiMeasure scalar;
        scalar.name = QStringLiteral("TotalRevenue");
        scalar.displayName = QStringLiteral("Total revenue");
        scalar.value = 100;
        CiMeasure byStore;
        byStore.name = QStringLiteral("RevenueByStore");
        byStore.displayName = QStringLiteral("Revenue by store");
        byStore.hasDimensions = true;
        Trigger trigger;
        trigger.kind = TriggerKind::MeasureThresholdCrossed;
        trigger.subject = QStringLiteral("RevenueByStore");
        const QString problem = TriggerValidation::measureProblem(trigger, {scalar, byStore});
        QVERIFY2(problem.contains(QLatin1String("Revenue by store")) &&
                     problem.contains(QLatin1String("dimension")),
                 qPrintable(problem));
        trigger.subject = QStringLiteral("Total revenue");
        QVERIFY(TriggerValidation::measureProblem(trigger, {scalar, byStore}).isEmpty());
        trigger.subject = QStringLiteral("Nope");
        QVERIFY(
            TriggerValidation::measureProblem(trigger, {scalar}).contains(QLatin1String("does not exist")));

        // The engine never fires for it and says why.
        TriggerEngine engine(kInstance, {});
        engine.setFlows({flow(3, TriggerKind::MeasureThresholdCrossed, QStringLiteral("RevenueByStore"), 1)});
        const auto result = engine.evaluateMeasures(
            {scalar, byStore}, [](const QString &) { return QJsonObject(); }, kNow, false);
        QVERIFY(result.firings.isEmpty());
        QVERIFY(result.states.isEmpty());
        QCOMPARE(result.problems.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTriggerEngine)
#include "tst_triggerengine.moc"
