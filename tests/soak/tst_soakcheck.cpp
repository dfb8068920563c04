// The soak's verdicts on a made-up record: which events the flows should fire for, and how firings,
// repeated output lines, step deliveries and memory samples are judged.
#include "soakcheck.h"

#include <QTest>

namespace {

const QDateTime kStart = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

class Record
{
public:
    QJsonArray events;

    qint64 task(const QString &jobId, const QString &taskId, const QString &operation, const QString &status,
                const QString &source = {})
    {
        QJsonObject event{{QStringLiteral("type"), QStringLiteral("taskEnded")},
                          {QStringLiteral("jobId"), jobId},
                          {QStringLiteral("taskId"), taskId},
                          {QStringLiteral("operationType"), operation},
                          {QStringLiteral("status"), status}};
        if (!source.isEmpty()) {
            event.insert(QStringLiteral("dataSource"), source);
            event.insert(QStringLiteral("dataSourceId"), QString(source + QStringLiteral("-ID")));
            event.insert(QStringLiteral("friendlyName"), QString(QStringLiteral("Friendly ") + source));
        }
        return append(event);
    }
    qint64 job(const QString &jobId, const QString &operation, bool scheduled)
    {
        return append({{QStringLiteral("type"), QStringLiteral("jobEnded")},
                       {QStringLiteral("jobId"), jobId},
                       {QStringLiteral("operationType"), operation},
                       {QStringLiteral("submissionKind"),
                        scheduled ? QStringLiteral("scheduled") : QStringLiteral("onDemand")},
                       {QStringLiteral("status"), QStringLiteral("successful")}});
    }
    qint64 segment(const QString &name, qint64 count)
    {
        return append({{QStringLiteral("type"), QStringLiteral("segmentEvaluated")},
                       {QStringLiteral("segment"), name},
                       {QStringLiteral("count"), double(count)}});
    }
    qint64 measure(const QString &name, double value)
    {
        return append({{QStringLiteral("type"), QStringLiteral("measureEvaluated")},
                       {QStringLiteral("measure"), name},
                       {QStringLiteral("values"), QJsonObject{{name, value}}}});
    }
    QDateTime at(qint64 seq) const { return kStart.addSecs(seq); }
    qint64 next() const { return events.size() + 1; }

private:
    qint64 append(QJsonObject event)
    {
        const qint64 seq = events.size() + 1;
        event.insert(QStringLiteral("seq"), double(seq));
        event.insert(QStringLiteral("at"), at(seq).toString(Qt::ISODateWithMs));
        events.append(event);
        return seq;
    }
};

Flow flow(qint64 id, TriggerKind kind, const QString &subject = {}, double threshold = 0)
{
    Flow result;
    result.id = id;
    result.name = QStringLiteral("flow %1").arg(id);
    result.trigger.kind = kind;
    result.trigger.subject = subject;
    result.trigger.threshold = threshold;
    return result;
}

Firing taskFiring(const Flow &flow, const QString &taskId)
{
    Firing firing;
    firing.id = QStringLiteral("id-%1-%2").arg(flow.id).arg(taskId);
    firing.flowId = flow.id;
    firing.flowName = flow.name;
    firing.trigger = flow.trigger.kind;
    firing.payload = {{QStringLiteral("task"), QJsonObject{{QStringLiteral("id"), taskId}}}};
    return firing;
}

Firing jobFiring(const Flow &flow, const QString &jobId)
{
    Firing firing;
    firing.id = QStringLiteral("id-%1-%2").arg(flow.id).arg(jobId);
    firing.flowId = flow.id;
    firing.flowName = flow.name;
    firing.trigger = flow.trigger.kind;
    firing.jobId = jobId;
    return firing;
}

Firing thresholdFiring(const Flow &flow, const QDateTime &evaluatedAt, double value)
{
    Firing firing;
    firing.id = QStringLiteral("id-%1-%2").arg(flow.id).arg(evaluatedAt.toMSecsSinceEpoch());
    firing.flowId = flow.id;
    firing.flowName = flow.name;
    firing.trigger = flow.trigger.kind;
    firing.subject = flow.trigger.subject;
    firing.occurredAt = evaluatedAt;
    firing.value = value;
    return firing;
}

QStringList whats(const QList<SoakCheck::Expected> &events)
{
    QStringList result;
    for (const SoakCheck::Expected &event : events)
        result.append(event.key);
    return result;
}

} // namespace

class TestSoakCheck : public QObject
{
    Q_OBJECT

private slots:
    void dataSourceEvents()
    {
        const Flow anyFailed = flow(1, TriggerKind::DataSourceRefreshFailed);
        Flow permanent = flow(2, TriggerKind::DataSourceRefreshFailed, QStringLiteral("Pos-ID"));
        permanent.trigger.permanentFailuresOnly = true;
        const Flow succeeded =
            flow(3, TriggerKind::DataSourceRefreshSucceeded, QStringLiteral("Friendly Web"));
        const QList<Flow> flows{anyFailed, permanent, succeeded};

        Record record;
        record.task(QStringLiteral("j0"), QStringLiteral("t0"), QStringLiteral("ingestion"),
                    QStringLiteral("failed"), QStringLiteral("Pos")); // before the window
        const qint64 start = record.next();
        record.task(QStringLiteral("j1"), QStringLiteral("t1"), QStringLiteral("ingestion"),
                    QStringLiteral("failed"), QStringLiteral("Pos"));
        record.task(QStringLiteral("j1"), QStringLiteral("t2"), QStringLiteral("ingestion"),
                    QStringLiteral("timedOut"), QStringLiteral("Pos"));
        record.task(QStringLiteral("j1"), QStringLiteral("t3"), QStringLiteral("ingestion"),
                    QStringLiteral("successful"), QStringLiteral("Web"));
        record.task(QStringLiteral("j1"), QStringLiteral("t4"), QStringLiteral("ingestion"),
                    QStringLiteral("aborted"), QStringLiteral("Web"));
        const qint64 end = record.next();
        record.task(QStringLiteral("j2"), QStringLiteral("t5"), QStringLiteral("ingestion"),
                    QStringLiteral("successful"), QStringLiteral("Web")); // after the window

        const auto expectation = SoakCheck::expectedEvents(flows, record.events, start, end);
        QCOMPARE(whats(expectation.expected),
                 (QStringList{QStringLiteral("1/task/t1"), QStringLiteral("2/task/t1"),
                              QStringLiteral("1/task/t2"), QStringLiteral("3/task/t3")}));
        QCOMPARE(expectation.sandboxEvents, 4);
        QVERIFY(expectation.outside.contains(QStringLiteral("1/task/t0")));
        QVERIFY(expectation.outside.contains(QStringLiteral("3/task/t5")));

        // t1 twice for flow 1, t2 never, t0 (outside) fired, a task that never was.
        const QList<Firing> firings{
            taskFiring(anyFailed, QStringLiteral("t1")), taskFiring(anyFailed, QStringLiteral("t1")),
            taskFiring(permanent, QStringLiteral("t1")), taskFiring(succeeded, QStringLiteral("t3")),
            taskFiring(anyFailed, QStringLiteral("t0")), taskFiring(succeeded, QStringLiteral("t9"))};
        const auto verdict = SoakCheck::matchFirings(expectation, flows, firings);
        QCOMPARE(verdict.expected, 4);
        QCOMPARE(verdict.matched, 3);
        QCOMPARE(whats(verdict.lost), QStringList{QStringLiteral("1/task/t2")});
        QCOMPARE(whats(verdict.duplicated), QStringList{QStringLiteral("1/task/t1")});
        QCOMPARE(verdict.duplicates, 1);
        QCOMPARE(verdict.outside, 1);
        QCOMPARE(verdict.unexpected.size(), 1);
        QCOMPARE(verdict.lostByTrigger.value(TriggerKind::DataSourceRefreshFailed), 1);
        QCOMPARE(verdict.expectedByTrigger.value(TriggerKind::DataSourceRefreshFailed), 3);
    }

    void jobEvents()
    {
        const Flow scheduled = flow(1, TriggerKind::FullRefreshCompleted);
        Flow any = flow(2, TriggerKind::FullRefreshCompleted);
        any.trigger.includeManualRefreshes = true;
        const Flow unification = flow(3, TriggerKind::UnificationRefreshCompleted);
        const QList<Flow> flows{scheduled, any, unification};

        Record record;
        for (const QString &operation :
             {QStringLiteral("map"), QStringLiteral("match"), QStringLiteral("merge")})
            record.task(QStringLiteral("full"), operation, operation, QStringLiteral("successful"));
        record.job(QStringLiteral("full"), QStringLiteral("all"), true);
        record.job(QStringLiteral("manual"), QStringLiteral("all"), false);
        record.task(QStringLiteral("partial"), QStringLiteral("m"), QStringLiteral("map"),
                    QStringLiteral("successful"));
        record.task(QStringLiteral("partial"), QStringLiteral("x"), QStringLiteral("match"),
                    QStringLiteral("failed"));
        record.job(QStringLiteral("ingest"), QStringLiteral("ingestion"), false);

        const auto expectation = SoakCheck::expectedEvents(flows, record.events, 1, record.next());
        QCOMPARE(whats(expectation.expected),
                 (QStringList{QStringLiteral("3/job/full"), QStringLiteral("1/job/full"),
                              QStringLiteral("2/job/full"), QStringLiteral("2/job/manual")}));
        const auto verdict = SoakCheck::matchFirings(
            expectation, flows,
            {jobFiring(scheduled, QStringLiteral("full")), jobFiring(any, QStringLiteral("full")),
             jobFiring(any, QStringLiteral("manual")), jobFiring(unification, QStringLiteral("full")),
             jobFiring(scheduled, QStringLiteral("manual"))});
        QVERIFY(verdict.lost.isEmpty());
        QCOMPARE(verdict.unexpected.size(), 1); // a manual refresh for a scheduled-only flow
    }

    // Crossing runs: the baseline never fires, a run fires once for any of its evaluations, dropping back
    // re-arms, and a run that started before the window is not expected.
    void thresholdRuns()
    {
        const Flow segment = flow(1, TriggerKind::SegmentThresholdCrossed, QStringLiteral("S"), 100);
        const Flow measure = flow(2, TriggerKind::MeasureThresholdCrossed, QStringLiteral("M"), 1.5);
        const QList<Flow> flows{segment, measure};

        Record record;
        const qint64 baseline = record.segment(QStringLiteral("S"), 150); // above, but the baseline
        record.measure(QStringLiteral("M"), 1.0);
        const qint64 early = record.measure(QStringLiteral("M"), 2.0); // a run before the window
        const qint64 start = record.next();
        const qint64 stillEarly = record.measure(QStringLiteral("M"), 3.0);
        record.segment(QStringLiteral("S"), 120);
        const qint64 down = record.segment(QStringLiteral("S"), 100); // equal is not above
        const qint64 run1 = record.segment(QStringLiteral("S"), 101);
        const qint64 run1b = record.segment(QStringLiteral("S"), 130);
        record.segment(QStringLiteral("S"), 90);
        const qint64 run2 = record.segment(QStringLiteral("S"), 200);
        record.segment(QStringLiteral("S"), 50);
        record.segment(QStringLiteral("S"), 250); // run 3: never fired
        record.segment(QStringLiteral("Other"), 1000);
        const auto expectation = SoakCheck::expectedEvents(flows, record.events, start, record.next());
        QCOMPARE(whats(expectation.expected),
                 (QStringList{QStringLiteral("1/run/%1").arg(run1), QStringLiteral("1/run/%1").arg(run2),
                              QStringLiteral("1/run/%1").arg(run2 + 2)}));

        const QList<Firing> firings{
            thresholdFiring(segment, record.at(run1b), 130), // late, for run 1
            thresholdFiring(segment, record.at(run2), 200),
            thresholdFiring(segment, record.at(run2), 200), // the same run twice
            thresholdFiring(segment, record.at(down), 100), // no crossing
            thresholdFiring(segment, record.at(baseline), 150),
            thresholdFiring(segment, record.at(run2).addMSecs(1), 200), // no such evaluation
            thresholdFiring(measure, record.at(early), 2.0),
            thresholdFiring(measure, record.at(stillEarly), 3.0)};
        const auto verdict = SoakCheck::matchFirings(expectation, flows, firings);
        QCOMPARE(verdict.matched, 2);
        QCOMPARE(verdict.late, 1);
        QCOMPARE(whats(verdict.lost), QStringList{QStringLiteral("1/run/%1").arg(run2 + 2)});
        QCOMPARE(verdict.duplicates, 1);
        QCOMPARE(verdict.outside, 2);
        QCOMPARE(verdict.unexpected.size(), 3);

        // Run 3 (from run2 + 2): visible to a look inside it after a look during the dip before it.
        const qint64 dip = record.at(run2 + 1).toMSecsSinceEpoch();
        const qint64 run3 = record.at(run2 + 2).toMSecsSinceEpoch();
        QCOMPARE(SoakCheck::unobservable(verdict.lost, expectation, {{dip + 10, run3 + 10}, {}}).size(), 0);
        // Not when the dip fell between two looks (both saw values above the threshold)...
        QCOMPARE(SoakCheck::unobservable(verdict.lost, expectation, {{dip - 10, run3 + 10}, {}}).size(), 1);
        // ... nor when no look fell inside the run; and measure looks do not count for a segment.
        QCOMPARE(
            SoakCheck::unobservable(verdict.lost, expectation, {{dip + 10}, {dip + 20, run3 + 10}}).size(),
            1);
    }

    void repeatedIds()
    {
        const QByteArray first = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"fl";
        const QByteArray second = "{\"id\":\"c\"}\n{\"id\":\"b\"}\n{\"id\":\"b\"}\n";
        QCOMPARE(SoakCheck::repeatedIds({first, second}), QStringList{QStringLiteral("b")});
        QVERIFY(SoakCheck::repeatedIds({first}).isEmpty());
    }

    void deliveries()
    {
        const QDateTime t = kStart;
        using D = SoakCheck::Delivery;
        // A failed attempt, then success, recorded: fine.
        auto verdict = SoakCheck::checkDeliveries({{t.addSecs(2), true}, {t, false}}, t.addSecs(3), {});
        QCOMPARE(verdict.resentAfterSuccess + verdict.resentUnexcused + verdict.resentAfterKill, 0);
        // Sent again after the worker recorded success.
        verdict = SoakCheck::checkDeliveries({D{t, true}, D{t.addSecs(5), true}}, t.addSecs(1), {});
        QCOMPARE(verdict.resentAfterSuccess, 1);
        // Answered 2xx, killed before recording it, sent again by the next run: the at-least-once window.
        verdict =
            SoakCheck::checkDeliveries({D{t, true}, D{t.addSecs(5), true}}, t.addSecs(6), {t.addSecs(1)});
        QCOMPARE(verdict.resentAfterKill, 1);
        QCOMPARE(verdict.resentAfterSuccess, 0);
        // ... and without a kill in between it is a bug.
        verdict =
            SoakCheck::checkDeliveries({D{t, true}, D{t.addSecs(5), true}}, t.addSecs(6), {t.addSecs(9)});
        QCOMPARE(verdict.resentUnexcused, 1);
    }

    void memory()
    {
        qint64 growth = 0;
        QVERIFY(SoakCheck::memoryFlat({100, 110, 90, 100, 105, 95}, 16, 0.25, &growth));
        QCOMPARE(growth, -5);
        QVERIFY(!SoakCheck::memoryFlat({1000, 1000, 1500, 1600, 2000, 2000}, 16, 0.25, &growth));
        QCOMPARE(growth, 1000);
        QVERIFY(SoakCheck::memoryFlat({10, 20}, 16, 0.25, &growth)); // too few samples to tell
    }
};

QTEST_GUILESS_MAIN(TestSoakCheck)
#include "tst_soakcheck.moc"
