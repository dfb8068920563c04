#include "database.h"
#include "firinglog.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

const QDateTime kStart(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

Firing firing(int n, qint64 flowId = 1, const QDateTime &detectedAt = kStart)
{
    Firing f;
    f.flowId = flowId;
    f.flowName = QStringLiteral("Flow %1").arg(flowId);
    f.trigger = TriggerKind::SegmentThresholdCrossed;
    f.subject = QStringLiteral("HighValueCustomers");
    f.value = 1300 + n;
    f.previousValue = 1200;
    f.threshold = 1250;
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.occurredAt = detectedAt.addSecs(-3);
    f.detectedAt = detectedAt;
    f.payload = {{QStringLiteral("n"), n}};
    f.id = Firing::makeId(flowId, QStringLiteral("instance"), f.trigger, f.subject, f.jobId);
    return f;
}

QList<Firing> firings(int from, int to, qint64 flowId = 1)
{
    QList<Firing> list;
    for (int n = from; n < to; ++n)
        list.append(firing(n, flowId, kStart.addSecs(n)));
    return list;
}

QStringList idsOf(const QList<Firing> &list)
{
    QStringList ids;
    for (const Firing &f : list)
        ids << f.id;
    return ids;
}

} // namespace

class TestFiringLog : public QObject
{
    Q_OBJECT

private slots:
    void makeIdIsStableAndDistinct()
    {
        const QString id = Firing::makeId(7, QStringLiteral("inst"), TriggerKind::DataSourceRefreshFailed,
                                          QStringLiteral("PosTransactions"), QStringLiteral("task-1"));
        QCOMPARE(id.size(), 64);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(id).hasMatch());
        QCOMPARE(Firing::makeId(7, QStringLiteral("inst"), TriggerKind::DataSourceRefreshFailed,
                                QStringLiteral("PosTransactions"), QStringLiteral("task-1")),
                 id);
        const QStringList others = {
            Firing::makeId(8, QStringLiteral("inst"), TriggerKind::DataSourceRefreshFailed,
                           QStringLiteral("PosTransactions"), QStringLiteral("task-1")),
            Firing::makeId(7, QStringLiteral("other"), TriggerKind::DataSourceRefreshFailed,
                           QStringLiteral("PosTransactions"), QStringLiteral("task-1")),
            Firing::makeId(7, QStringLiteral("inst"), TriggerKind::DataSourceRefreshSucceeded,
                           QStringLiteral("PosTransactions"), QStringLiteral("task-1")),
            Firing::makeId(7, QStringLiteral("inst"), TriggerKind::DataSourceRefreshFailed,
                           QStringLiteral("ECommerce"), QStringLiteral("task-1")),
            Firing::makeId(7, QStringLiteral("inst"), TriggerKind::DataSourceRefreshFailed,
                           QStringLiteral("PosTransactions"), QStringLiteral("task-2")),
            // Separators keep the fields apart.
            Firing::makeId(7, QStringLiteral("inst"), TriggerKind::DataSourceRefreshFailed,
                           QStringLiteral("PosTransactionst"), QStringLiteral("ask-1")),
        };
        for (const QString &other : others)
            QVERIFY(other != id);
    }

    void recordsOnlyNewFirings()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FiringLog log(db);
        bool ok = false;
        QList<Firing> batch = firings(0, 3);
        batch.append(batch.at(1)); // a duplicate inside the batch
        const QList<Firing> added = log.record(batch, &ok);
        QVERIFY(ok);
        QCOMPARE(idsOf(added), idsOf(firings(0, 3)));
        QCOMPARE(log.count(), 3);

        const QList<Firing> again = log.record(firings(1, 5), &ok);
        QVERIFY(ok); // all known but two: not a failure
        QCOMPARE(idsOf(again), idsOf(firings(3, 5)));
        QCOMPARE(log.count(), 5);
        QVERIFY(log.record(firings(0, 5), &ok).isEmpty());
        QVERIFY(ok);
    }

    void roundTripsEveryField()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FiringLog log(db);
        Firing full = firing(1);
        full.caughtUp = true;
        full.test = true;
        full.payload =
            QJsonDocument::fromJson(R"({"segment": {"name": "S", "count": 1301}, "x": [1, 2]})").object();
        full.detectedAt = full.detectedAt.addMSecs(123);
        Firing bare;
        bare.id = QStringLiteral("bare");
        bare.flowId = 2;
        bare.flowName = QStringLiteral("Unification");
        bare.trigger = TriggerKind::UnificationRefreshCompleted;
        bare.detectedAt = kStart;
        QCOMPARE(log.record({full, bare}).size(), 2);
        QCOMPARE(*log.get(full.id), full);
        QCOMPARE(*log.get(QStringLiteral("bare")), bare); // no value, threshold, occurredAt: still none
        QVERIFY(!log.get(QStringLiteral("missing")));
    }

    void missingDetectedAtIsNow()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FiringLog log(db);
        Firing f = firing(1);
        f.detectedAt = QDateTime();
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const QList<Firing> added = log.record({f});
        QCOMPARE(added.size(), 1);
        QVERIFY(added.first().detectedAt >= before);
        QCOMPARE(log.get(f.id)->detectedAt, added.first().detectedAt);
    }

    void firingWithoutIdFailsTheBatch()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FiringLog log(db);
        QList<Firing> batch = firings(0, 3);
        batch[2].id.clear();
        bool ok = true;
        QVERIFY(log.record(batch, &ok).isEmpty());
        QVERIFY(!ok);
        QVERIFY(db.errorString().contains(u"has no id"));
        QCOMPARE(log.count(), 0); // one transaction: nothing stored
    }

    void exactlyOnceAcrossRestarts()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
            FiringLog log(db);
            QCOMPARE(log.record(firings(0, 10)).size(), 10);
        }
        {
            // The restarted worker re-detects 5..14 during catch-up.
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
            FiringLog log(db);
            QCOMPARE(idsOf(log.record(firings(5, 15))), idsOf(firings(10, 15)));
        }
        // Two Database instances open at once on the same file (GUI + worker roles).
        Database a, b;
        QVERIFY(a.open(dir.path(), QStringLiteral("a")));
        QVERIFY(b.open(dir.path(), QStringLiteral("b")));
        FiringLog logA(a), logB(b);
        QCOMPARE(logA.record(firings(14, 16)).size(), 1);
        QCOMPARE(logB.record(firings(14, 17)).size(), 1);
        QCOMPARE(logA.count(), 17);
        QCOMPARE(logB.count(), 17);
    }

    void pagesNewestFirst()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        FiringLog log(db);
        QList<Firing> all = firings(0, 250);
        // Ties on detectedAt are ordered by id.
        for (int n = 0; n < 5; ++n)
            all.append(firing(1000 + n, 2, kStart.addSecs(100)));
        QCOMPARE(log.record(all).size(), 255);
        std::sort(all.begin(), all.end(), [](const Firing &l, const Firing &r) {
            return l.detectedAt != r.detectedAt ? l.detectedAt > r.detectedAt : l.id > r.id;
        });

        QCOMPARE(idsOf(log.page(0, 100)), idsOf(all.mid(0, 100)));
        QCOMPARE(idsOf(log.page(100, 100)), idsOf(all.mid(100, 100)));
        QCOMPARE(idsOf(log.page(200, 100)), idsOf(all.mid(200)));
        QVERIFY(log.page(300, 100).isEmpty());

        QList<Firing> walked = log.page(0, 7);
        while (true) {
            const QList<Firing> next = log.olderThan(walked.last().detectedAt, walked.last().id, 7);
            if (next.isEmpty())
                break;
            walked += next;
        }
        QCOMPARE(idsOf(walked), idsOf(all));
        QCOMPARE(log.page(0, 1).first(), all.first());
    }

    void countsAndLastFired()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        FiringLog log(db);
        QCOMPARE(log.count(), 0);
        QVERIFY(!log.lastFiredAt(1).isValid());
        QVERIFY(log.record(firings(0, 10, 1) + firings(0, 4, 2)).size() == 14);
        QCOMPARE(log.count(), 14);
        QCOMPARE(log.countSince(1, kStart), 10);
        QCOMPARE(log.countSince(1, kStart.addSecs(7)), 3); // at or after
        QCOMPARE(log.countSince(2, kStart.addSecs(7)), 0);
        QCOMPARE(log.countSince(3, kStart), 0);
        QCOMPARE(log.lastFiredAt(1), kStart.addSecs(9));
        QCOMPARE(log.lastFiredAt(2), kStart.addSecs(3));
    }

    void stepRuns()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FiringLog log(db);
        const QList<Firing> two = firings(0, 2);
        QCOMPARE(log.record(two).size(), 2);
        StepRun run;
        run.firingId = two.at(1).id;
        run.stepIndex = 0;
        run.attempt = 1;
        run.status = StepRun::running();
        run.startedAt = kStart;
        QVERIFY(log.recordStepRun(run));
        StepRun other = run;
        other.firingId = two.at(0).id;
        other.status = StepRun::pending();
        other.startedAt = QDateTime();
        QVERIFY(log.recordStepRun(other));
        QCOMPARE(log.unfinishedStepRuns(), (QList<StepRun>{other, run})); // oldest firing first

        run.status = StepRun::failed();
        run.finishedAt = kStart.addSecs(2);
        run.httpStatus = 503;
        run.detail = QStringLiteral("Service Unavailable");
        QVERIFY(log.recordStepRun(run)); // the same attempt: replaced
        StepRun retry = run;
        retry.attempt = 2;
        retry.status = StepRun::succeeded();
        retry.httpStatus = 200;
        retry.detail.clear();
        QVERIFY(log.recordStepRun(retry));
        StepRun second = retry;
        second.stepIndex = 1;
        second.attempt = 1;
        QVERIFY(log.recordStepRun(second));
        QCOMPARE(log.stepRuns(run.firingId), (QList<StepRun>{run, retry, second}));
        QCOMPARE(log.unfinishedStepRuns(), QList<StepRun>{other});

        StepRun orphan = run;
        orphan.firingId = QStringLiteral("no such firing");
        QVERIFY(!log.recordStepRun(orphan)); // foreign key
    }

    void pruneRemovesOldFiringsAndTheirRuns()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FiringLog log(db);
        const QList<Firing> all = firings(0, 10);
        QCOMPARE(log.record(all).size(), 10);
        for (const Firing &f : all) {
            StepRun run;
            run.firingId = f.id;
            run.status = StepRun::succeeded();
            QVERIFY(log.recordStepRun(run));
        }
        QCOMPARE(log.prune(kStart.addSecs(4)), 4);
        QCOMPARE(log.count(), 6);
        QVERIFY(!log.get(all.at(3).id));
        QVERIFY(log.get(all.at(4).id));
        QVERIFY(log.stepRuns(all.at(3).id).isEmpty());
        QCOMPARE(log.stepRuns(all.at(4).id).size(), 1);
        QCOMPARE(log.prune(kStart.addSecs(4)), 0);
        // A pruned firing detected again is new again: retention bounds "exactly once".
        QCOMPARE(log.record({all.at(0)}).size(), 1);
    }

    void jsonLine()
    {
        Firing f = firing(1);
        f.id = QStringLiteral("abc");
        f.flowName = QStringLiteral("Big \"spenders\"");
        f.value = 1301.5;
        f.detectedAt = kStart.addMSecs(250);
        f.caughtUp = true;
        QCOMPARE(
            f.toJsonLine(),
            QByteArray(
                "{\"id\":\"abc\",\"flow\":\"Big \\\"spenders\\\"\",\"trigger\":\"segmentThresholdCrossed\","
                R"("subject":"HighValueCustomers","value":1301.5,"previousValue":1200,"threshold":1250,)"
                R"("jobId":"job-1","occurredAt":"2026-11-24T08:59:57.000Z",)"
                R"("detectedAt":"2026-11-24T09:00:00.250Z","caughtUp":true})"
                "\n"));
        Firing bare;
        bare.id = QStringLiteral("x");
        bare.flowName = QStringLiteral("F");
        bare.trigger = TriggerKind::FullRefreshCompleted;
        bare.detectedAt = kStart;
        QCOMPARE(
            bare.toJsonLine(),
            QByteArray(R"({"id":"x","flow":"F","trigger":"fullRefreshCompleted","subject":"","value":null,)"
                       R"("previousValue":null,"threshold":null,"jobId":null,"occurredAt":null,)"
                       R"("detectedAt":"2026-11-24T09:00:00.000Z","caughtUp":false})"
                       "\n"));
        QJsonParseError error;
        QJsonDocument::fromJson(f.toJsonLine(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    // Two threads, each with its own connection, write at the same time while this thread reads: the busy
    // timeout and BEGIN IMMEDIATE make them take turns, never "database is locked".
    void concurrentWriters()
    {
        QTemporaryDir dir;
        Database reader;
        QVERIFY(reader.open(dir.path(), QStringLiteral("gui")));
        FiringLog readerLog(reader);
        constexpr int kBatches = 40;
        constexpr int kBatchSize = 50;
        QStringList errors[2];
        int added[2] = {0, 0};
        QList<QThread *> threads;
        for (int t = 0; t < 2; ++t) {
            threads.append(QThread::create([&, t] {
                Database db;
                if (!db.open(dir.path(), QStringLiteral("writer"))) {
                    errors[t] << db.errorString();
                    return;
                }
                FiringLog log(db);
                for (int b = 0; b < kBatches; ++b) {
                    bool ok = false;
                    // Both threads also write the same firings (flow 99): each lands once.
                    QList<Firing> batch = firings(b * kBatchSize, (b + 1) * kBatchSize, 10 + t);
                    batch += firings(b, b + 1, 99);
                    added[t] += log.record(batch, &ok).size();
                    if (!ok)
                        errors[t] << db.errorString();
                    StepRun run;
                    run.firingId = batch.first().id;
                    run.status = StepRun::running();
                    if (!log.recordStepRun(run))
                        errors[t] << db.errorString();
                }
            }));
            threads.last()->setObjectName(QStringLiteral("writer %1").arg(t));
        }
        for (QThread *thread : threads)
            thread->start();
        qint64 lastSeen = 0;
        while (!threads.at(0)->isFinished() || !threads.at(1)->isFinished()) {
            const qint64 seen = readerLog.count();
            QVERIFY2(seen >= lastSeen, qPrintable(reader.errorString()));
            lastSeen = seen;
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0].join(u'\n')));
        QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1].join(u'\n')));
        QCOMPARE(added[0] + added[1], 2 * kBatches * kBatchSize + kBatches);
        QCOMPARE(readerLog.count(), 2 * kBatches * kBatchSize + kBatches);
        QCOMPARE(readerLog.unfinishedStepRuns().size(), 2 * kBatches);
    }
};

QTEST_GUILESS_MAIN(TestFiringLog)
#include "tst_firinglog.moc"
