// The request jobs on their own (no worker): exactly one answer, always from the event loop and never inside
// the call that ended the job, then the job deletes itself; a job deleted before its answer never emits.
#include "cataloguejob.h"
#include "firingjob.h"
#include "itemspreviewjob.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

class TestConnectorJob : public QObject
{
    Q_OBJECT

private slots:
    void answersOnceFromTheEventLoop()
    {
        QObject owner;
        QPointer<CatalogueJob> job = new CatalogueJob(&owner);
        QSignalSpy finished(job.data(), &CatalogueJob::finished);
        QSignalSpy failed(job.data(), &ConnectorJob::failed);
        InstanceCatalogue catalogue;
        catalogue.instanceName = QStringLiteral("Contoso Retail");
        job->succeed(catalogue);
        QVERIFY(job->isAnswered());
        QCOMPARE(finished.size(), 0); // not inside the call
        job->fail(QStringLiteral("Too late."));
        job->succeed({});  // the first answer stands
        QTRY_VERIFY(!job); // deleted after its answer
        QCOMPARE(finished.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(finished.constFirst().at(0).value<InstanceCatalogue>().instanceName, u"Contoso Retail");
    }

    void failsOnce()
    {
        QPointer<FiringJob> job = new FiringJob; // no owner: it lives until its answer
        QSignalSpy finished(job.data(), &FiringJob::finished);
        QSignalSpy failed(job.data(), &ConnectorJob::failed);
        job->fail(QStringLiteral("Not signed in. Sign in on the Account page to test-fire a flow."));
        job->succeed(QStringLiteral("f1"));
        QCOMPARE(failed.size(), 0);
        QTRY_VERIFY(!job);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(finished.size(), 0);
        QVERIFY(failed.constFirst().at(0).toString().startsWith(u"Not signed in."));
    }

    void typedResults()
    {
        QPointer<ItemsPreviewJob> job = new ItemsPreviewJob;
        QSignalSpy rows(job.data(), &ItemsPreviewJob::finished);
        job->succeed({QJsonObject{{QStringLiteral("CustomerId"), 7}}});
        QTRY_VERIFY(!job);
        QCOMPARE(rows.size(), 1);
        const auto answered = rows.constFirst().at(0).value<QList<QJsonObject>>();
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered.constFirst().value(u"CustomerId").toInt(), 7);
    }

    void aJobDeletedBeforeItsAnswerNeverEmits()
    {
        auto owner = std::make_unique<QObject>();
        auto *job = new FiringJob(owner.get());
        int emitted = 0;
        QObject receiver;
        connect(job, &FiringJob::finished, &receiver, [&] { ++emitted; });
        connect(job, &ConnectorJob::failed, &receiver, [&] { ++emitted; });
        job->succeed(QStringLiteral("f1"));
        owner.reset(); // the caller went: the job with it, its queued answer dropped
        QObject later; // an answer delivered after this one would have been queued before it
        bool reached = false;
        QMetaObject::invokeMethod(
            &later, [&] { reached = true; }, Qt::QueuedConnection);
        QTRY_VERIFY(reached);
        QCOMPARE(emitted, 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectorJob)
#include "tst_connectorjob.moc"
