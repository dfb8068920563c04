// The job list as the leading signal: each task and job event exactly once, baseline, catch-up depth.
#include "jobtracker.h"

#include <QTest>

namespace {

CiTask task(const QString &id, const QString &operation, const QString &status,
            const QString &name = QStringLiteral("POS transactions"))
{
    CiTask t;
    t.id = id;
    t.operationType = operation;
    t.status = status;
    t.friendlyName = name;
    return t;
}

CiJob job(const QString &id, const QString &operation, const QString &status, const QList<CiTask> &tasks,
          const QString &kind = QStringLiteral("scheduled"))
{
    CiJob j;
    j.id = id;
    j.operationType = operation;
    j.status = status;
    j.submissionKind = kind;
    j.tasks = tasks;
    return j;
}

QStringList describe(const QList<JobEvent> &events)
{
    QStringList out;
    for (const JobEvent &event : events) {
        switch (event.kind) {
        case JobEvent::Kind::IngestionEnded:
            out << QStringLiteral("ingestion:") + event.task.id;
            break;
        case JobEvent::Kind::SegmentationEnded:
            out << QStringLiteral("segmentation:") + event.task.id;
            break;
        case JobEvent::Kind::MeasuresEnded:
            out << QStringLiteral("measures:") + event.task.id;
            break;
        case JobEvent::Kind::FullRefreshEnded:
            out << QStringLiteral("full:") + event.job.id;
            break;
        case JobEvent::Kind::UnificationEnded:
            out << QStringLiteral("unification:") + event.job.id;
            break;
        }
    }
    return out;
}

const QString kRun = QStringLiteral("running");
const QString kOk = QStringLiteral("successful");
const QString kQueued = QStringLiteral("queued");

// A full refresh at stage `stage` (0: ingestion running ... 6: done).
CiJob fullRefresh(const QString &id, int stage)
{
    const QStringList ops{QStringLiteral("ingestion"),    QStringLiteral("map"),
                          QStringLiteral("match"),        QStringLiteral("merge"),
                          QStringLiteral("segmentation"), QStringLiteral("measures")};
    QList<CiTask> tasks;
    for (int i = 0; i < ops.size(); ++i)
        tasks << task(id + u'-' + ops[i], ops[i], i < stage ? kOk : (i == stage ? kRun : kQueued));
    return job(id, QStringLiteral("all"), stage >= ops.size() ? kOk : kRun, tasks);
}

} // namespace

class TestJobTracker : public QObject
{
    Q_OBJECT

private slots:
    void firstObservationIsABaseline()
    {
        JobTracker tracker;
        QVERIFY(!tracker.isInitialized());
        const auto events = tracker.observe(
            {fullRefresh(QStringLiteral("j2"), 6), fullRefresh(QStringLiteral("j1"), 6)}, true);
        QVERIFY(events.isEmpty());
        QVERIFY(tracker.isInitialized());
        QCOMPARE(tracker.newestJobId(), QStringLiteral("j2"));
        QVERIFY(!tracker.hasOpenJobs());
    }

    void fullRefreshStepByStep()
    {
        JobTracker tracker;
        tracker.observe({fullRefresh(QStringLiteral("old"), 6)}, true);
        QStringList all;
        for (int stage = 0; stage <= 6; ++stage) {
            const auto events = tracker.observe(
                {fullRefresh(QStringLiteral("j"), stage), fullRefresh(QStringLiteral("old"), 6)}, true);
            all += describe(events);
            // Seen twice: nothing new.
            QVERIFY(
                tracker
                    .observe({fullRefresh(QStringLiteral("j"), stage), fullRefresh(QStringLiteral("old"), 6)},
                             true)
                    .isEmpty());
        }
        QCOMPARE(all, (QStringList{QStringLiteral("ingestion:j-ingestion"), QStringLiteral("unification:j"),
                                   QStringLiteral("segmentation:j-segmentation"),
                                   QStringLiteral("measures:j-measures"), QStringLiteral("full:j")}));
        QVERIFY(!tracker.hasOpenJobs());
    }

    void jobFinishedBetweenTwoLooksReportsEverythingOnce()
    {
        JobTracker tracker;
        tracker.observe({}, true);
        const auto events = tracker.observe({fullRefresh(QStringLiteral("j"), 6)}, true);
        QCOMPARE(describe(events), (QStringList{QStringLiteral("ingestion:j-ingestion"),
                                                QStringLiteral("segmentation:j-segmentation"),
                                                QStringLiteral("measures:j-measures"),
                                                QStringLiteral("unification:j"), QStringLiteral("full:j")}));
    }

    void runningJobAtBaselineReportsOnlyWhatEndsLater()
    {
        JobTracker tracker;
        tracker.observe({fullRefresh(QStringLiteral("j"), 2)}, true); // ingestion and map already over
        QVERIFY(tracker.hasOpenJobs());
        const auto events = tracker.observe({fullRefresh(QStringLiteral("j"), 4)}, true);
        QCOMPARE(describe(events), (QStringList{QStringLiteral("unification:j")}));
    }

    void unification_data()
    {
        QTest::addColumn<QStringList>("statuses"); // map, match, merge
        QTest::addColumn<bool>("done");
        QTest::addRow("all successful") << QStringList{kOk, kOk, kOk} << true;
        QTest::addRow("match failed, merge skipped")
            << QStringList{kOk, QStringLiteral("failed"), QStringLiteral("skipped")} << true;
        QTest::addRow("merge running") << QStringList{kOk, kOk, kRun} << false;
        QTest::addRow("merge queued") << QStringList{kOk, kOk, kQueued} << false;
        QTest::addRow("no merge task") << QStringList{kOk, kOk} << false;
    }

    void unification()
    {
        QFETCH(QStringList, statuses);
        QFETCH(bool, done);
        const QStringList ops{QStringLiteral("map"), QStringLiteral("match"), QStringLiteral("merge")};
        QList<CiTask> tasks;
        for (int i = 0; i < statuses.size(); ++i)
            tasks << task(ops[i], ops[i], statuses[i]);
        QCOMPARE(JobTracker::unificationDone(job(QStringLiteral("j"), QStringLiteral("merge"), kRun, tasks)),
                 done);
    }

    void catchUpAsksForADeeperListing()
    {
        JobTracker tracker;
        tracker.observe({job(QStringLiteral("a"), QStringLiteral("ingestion"), kOk, {})}, true);
        QList<CiJob> newer;
        for (int i = 0; i < 10; ++i)
            newer << job(QStringLiteral("n%1").arg(i), QStringLiteral("ingestion"), kOk,
                         {task(QStringLiteral("t%1").arg(i), QStringLiteral("ingestion"), kOk)});
        QVERIFY(tracker.needsDeeperListing(newer, 10));
        QVERIFY(!tracker.needsDeeperListing(newer, 11)); // fewer than asked: that is all there is
        newer << job(QStringLiteral("a"), QStringLiteral("ingestion"), kOk, {});
        QVERIFY(!tracker.needsDeeperListing(newer, 40));
        QCOMPARE(tracker.observe(newer, true).size(), 10);
    }

    void runningJobOutsideTheListingAsksForMore()
    {
        JobTracker tracker;
        tracker.observe({fullRefresh(QStringLiteral("long"), 1)}, true);
        const QList<CiJob> listing{job(QStringLiteral("x"), QStringLiteral("ingestion"), kOk, {})};
        QVERIFY(tracker.needsDeeperListing(listing, 1));
        tracker.observe({job(QStringLiteral("x"), QStringLiteral("ingestion"), kOk, {}),
                         fullRefresh(QStringLiteral("long"), 1)},
                        true);
        QCOMPARE(tracker.suggestedTop(10), 10);
        QCOMPARE(tracker.suggestedTop(1), 1 + 1 + 5);
    }

    void stateSurvivesJson()
    {
        JobTracker tracker;
        tracker.observe({fullRefresh(QStringLiteral("j"), 1)}, true);
        JobTracker restored = JobTracker::fromJson(tracker.toJson());
        QCOMPARE(restored.toJson(), tracker.toJson());
        // The restored tracker reports what the original would, once.
        const auto events = restored.observe({fullRefresh(QStringLiteral("j"), 6)}, true);
        QCOMPARE(describe(events).size(), 5 - 1); // ingestion was over at the baseline
        QVERIFY(restored.observe({fullRefresh(QStringLiteral("j"), 6)}, true).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
