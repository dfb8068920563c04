// The Connector's requests for the flow editor and the trigger log, against a real sandbox over 127.0.0.1:
// the catalogue (and its errors as sentences), the Get items preview, test-fire with the instance's current
// values and secrets read from a store on the GUI thread, resubmit, and what happens when not signed in.
// Each request is a job: exactly one answer, never inside the call, then the job is gone; a job whose owner
// went first is dropped quietly.
#include "connectorfixture.h"
#include "connectorjob.h"
#include "httpcallstep.h"
#include "httpreceiver.h"
#include "observationstore.h"
#include "secretstore.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

const QString kInstance = QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b");
constexpr const char *kSigningSecret = "signing-secret-7d1e";

// A tiny CI API on 127.0.0.1 whose answers are chosen by path: enough to feed the requests garbage.
class RoutedServer : public QObject
{
public:
    explicit RoutedServer(QHash<QByteArray, QByteArray> routes)
        : m_routes(std::move(routes))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    QUrl apiBase() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort())); }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray path = buffer.left(buffer.indexOf("\r\n")).split(' ').value(1).split('?').value(0);
        buffer.remove(0, end + 4);
        QByteArray body = "[]";
        for (auto it = m_routes.cbegin(); it != m_routes.cend(); ++it) {
            if (path.endsWith(it.key()))
                body = it.value();
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QHash<QByteArray, QByteArray> m_routes;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// The answer of one job: finished()'s arguments or failed()'s message, and whether the job is gone.
template<typename Job>
struct Answer
{
    explicit Answer(Job *job)
        : job(job)
        , finished(job, &Job::finished)
        , failed(job, &ConnectorJob::failed)
    {}

    int count() const { return int(finished.size() + failed.size()); }
    bool wait(int timeoutMs = 10000) const
    {
        return QTest::qWaitFor([this] { return count() > 0; }, timeoutMs);
    }
    QVariant result() const { return finished.value(0).value(0); }
    QString message() const { return failed.value(0).value(0).toString(); }

    QPointer<Job> job;
    QSignalSpy finished;
    QSignalSpy failed;
};

Step getItems(const QString &entity, const QString &filter = {})
{
    Step step;
    step.kind = StepKind::GetItems;
    step.parameters = {{QStringLiteral("entity"), entity}};
    if (!filter.isEmpty())
        step.parameters.insert(QStringLiteral("filter"), filter);
    return step;
}

} // namespace

class TestConnectorRequests : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpReceiver> m_receiver;
    MemorySecretStore m_secrets; // the app's store: on this (the GUI) thread

    // A flow whose one step posts the firing's values to the receiver, signed with a secret of the store.
    Flow hookFlow(ConnectorFixture &f, TriggerKind kind, const QString &subject, double threshold = 0)
    {
        Flow flow;
        flow.name = QStringLiteral("Hook on ") + Trigger::id(kind);
        flow.trigger.kind = kind;
        flow.trigger.subject = subject;
        flow.trigger.threshold = threshold;
        Step step;
        step.kind = StepKind::HttpCall;
        step.parameters = {{QStringLiteral("method"), QStringLiteral("POST")},
                           {QStringLiteral("url"), m_receiver->url(QStringLiteral("/hook")).toString()},
                           {QStringLiteral("body"),
                            QJsonObject{{QStringLiteral("value"), QStringLiteral("{{value}}")},
                                        {QStringLiteral("subject"), QStringLiteral("{{subject}}")},
                                        {QStringLiteral("dataSource"), QStringLiteral("{{dataSource.name}}")},
                                        {QStringLiteral("instance"), QStringLiteral("{{instance.name}}")}}},
                           {QStringLiteral("signingSecretRef"), QStringLiteral("hook-signing")}};
        flow.steps = {step};
        flow.id = f.flows->insert(flow);
        return flow;
    }

    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_receiver->requests().constLast().body).object();
    }

private slots:
    void initTestCase()
    {
        int written = 0;
        m_secrets.write(QStringLiteral("hook-signing"), QString::fromLatin1(kSigningSecret), this,
                        [&](bool, QString) { ++written; });
        QTRY_COMPARE(written, 1);
    }

    void init()
    {
        m_receiver = std::make_unique<HttpReceiver>();
        QVERIFY(m_receiver->listen());
        m_receiver->setSigningSecret(kSigningSecret);
    }

    void requestsFailAtOnceWhenNotSignedIn()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        Connector connector; // never started
        QObject owner;
        Answer catalogue(connector.requestCatalogue(&owner));
        Answer preview(connector.previewItems(getItems(QStringLiteral("Customer")), 5, &owner));
        Answer test(connector.testFire(Flow{}, &owner));
        Answer resubmit(connector.resubmit(QStringLiteral("x"), false, &owner));
        QCOMPARE(catalogue.job->parent(), &owner);
        // Answered later, never inside the call.
        QCOMPARE(catalogue.count() + preview.count() + test.count() + resubmit.count(), 0);
        QTRY_VERIFY(!catalogue.job && !preview.job && !test.job && !resubmit.job); // each deleted itself
        const QStringList messages{catalogue.message(), preview.message(), test.message(),
                                   resubmit.message()};
        for (const QString &message : messages)
            QVERIFY2(message.startsWith(u"Not signed in.") && message.contains(u"Account page"),
                     qPrintable(message));
        QVERIFY(catalogue.message().contains(u"data sources, segments and measures"));
        QCOMPARE(catalogue.count() + preview.count() + test.count() + resubmit.count(), 4); // one each

        // Signed out while running: the same.
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        f.connector->failAuthentication(QStringLiteral("Signed out."));
        Answer later(f.connector->requestCatalogue(&owner));
        QVERIFY(later.wait(5000));
        QCOMPARE(later.count(), 1);
        QVERIFY(later.message().startsWith(u"Not signed in."));
    }

    void aJobWhoseOwnerWentIsDropped()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.startConnector();
        auto owner = std::make_unique<QObject>();
        Answer gone(f.connector->requestCatalogue(owner.get()));
        Answer kept(f.connector->requestCatalogue(nullptr)); // no owner: it lives until its answer
        owner.reset();                                       // the editor closed before the answer
        QVERIFY(!gone.job);
        QVERIFY(kept.wait());
        QCOMPARE(kept.count(), 1);
        QCOMPARE(kept.failed.size(), 0);
        QTRY_VERIFY(!kept.job);
        // The answer to the deleted job came too (it was asked first) and found no one.
        QCOMPARE(gone.count(), 0);
    }

    void aJobOutlivingTheConnectorFailsOnce()
    {
        auto connector = std::make_unique<Connector>();
        Answer answer(connector->requestCatalogue(nullptr));
        connector.reset(); // its worker's answer can no longer reach the job
        QVERIFY(answer.job);
        QVERIFY(answer.wait(5000));
        QCOMPARE(answer.count(), 1);
        QVERIFY2(answer.message().contains(u"connector stopped"), qPrintable(answer.message()));
        QTRY_VERIFY(!answer.job);
    }

    void catalogue()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1234));
        f.startConnector();
        const QDateTime before = QDateTime::currentDateTimeUtc();
        Answer answer(f.connector->requestCatalogue(this)); // before the first cycle knows the instance
        QVERIFY(answer.wait());
        QCOMPARE(answer.failed.size(), 0);
        QCOMPARE(answer.finished.size(), 1);
        const auto catalogue = answer.result().value<InstanceCatalogue>();
        QCOMPARE(catalogue.instanceId, kInstance);
        QCOMPARE(catalogue.instanceName, QStringLiteral("Contoso Retail"));
        QVERIFY(catalogue.fetchedAt >= before.addSecs(-1));
        QCOMPARE(catalogue.fetchedAt.timeSpec(), Qt::UTC);

        QStringList sources;
        for (const CiDataSource &source : catalogue.dataSources)
            sources << source.name;
        QVERIFY2(sources.contains(u"PosTransactions") && sources.contains(u"LoyaltyProgram"),
                 qPrintable(sources.join(u',')));
        const auto segment = std::find_if(catalogue.segments.cbegin(), catalogue.segments.cend(),
                                          [](const CiSegment &s) { return s.name == u"HighValueCustomers"; });
        QVERIFY(segment != catalogue.segments.cend());
        QCOMPARE(segment->entityCount, std::optional<qint64>(1234));
        const auto measure = [&](const QString &name) {
            return std::find_if(catalogue.measures.cbegin(), catalogue.measures.cend(),
                                [&](const CiMeasure &m) { return m.name == name; });
        };
        QVERIFY(measure(QStringLiteral("TotalRevenue")) != catalogue.measures.cend());
        QVERIFY(measure(QStringLiteral("TotalRevenue"))->value);
        QVERIFY(!measure(QStringLiteral("TotalRevenue"))->hasDimensions);
        QVERIFY(measure(QStringLiteral("RevenueByStore"))->hasDimensions);
        const auto customer = std::find_if(catalogue.entities.cbegin(), catalogue.entities.cend(),
                                           [](const CiEntity &e) { return e.name == u"Customer"; });
        QVERIFY(customer != catalogue.entities.cend());
        QVERIFY(customer->attributes.contains(u"CustomerId"));
        QVERIFY(catalogue.entities.size() > 1);

        // What the catalogue saw is an observation for the threshold chart.
        const QList<Observation> seen = ObservationStore(f.db).recent(TriggerKind::SegmentThresholdCrossed,
                                                                      QStringLiteral("HighValueCustomers"));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.constLast().value, 1234.0);
    }

    void catalogueUsesTheInteractiveReserve()
    {
        // A budget of 8 calls a minute, 6 of them kept for interactive calls: polling stops after 2, and a
        // catalogue (4 calls) and a preview (1) still go at once. At Background priority they would wait a
        // minute.
        ConnectorFixture f;
        QVERIFY(f.started);
        ConnectorConfig config = f.config();
        config.rateLimit = 8;
        config.interactiveReserve = 6;
        f.startConnector(config);
        QVERIFY(f.waitForCycles(1));
        QTRY_COMPARE(f.connector->status().callsInWindow, 2);
        Answer catalogue(f.connector->requestCatalogue(this));
        Answer rows(f.connector->previewItems(getItems(QStringLiteral("Customer")), 3, this));
        QVERIFY(catalogue.wait());
        QCOMPARE(catalogue.finished.size(), 1);
        QVERIFY(rows.wait());
        QCOMPARE(rows.finished.size(), 1);
        QTRY_COMPARE(f.connector->status().callsInWindow, 7);
    }

    void catalogueErrorsAreSentences_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("expected");
        QTest::addRow("server error") << QStringLiteral("http500") << QStringLiteral("HTTP 500");
        QTest::addRow("timeout") << QStringLiteral("delay") << QStringLiteral("did not answer in time");
        QTest::addRow("dropped") << QStringLiteral("drop") << QStringLiteral("cannot be reached");
    }

    void catalogueErrorsAreSentences()
    {
        QFETCH(QString, fault);
        QFETCH(QString, expected);
        ConnectorFixture f;
        QVERIFY(f.started);
        ConnectorConfig config = f.config();
        config.retry.maxAttempts = 1;
        config.transferTimeout = 500ms;
        f.startConnector(config);
        QVERIFY(f.waitForCycles(1));
        QVERIFY(f.addFault(fault, 100, 3000)); // polling meets them too
        Answer answer(f.connector->requestCatalogue(this));
        QVERIFY(answer.wait(15000));
        const QString message = answer.message();
        QVERIFY2(message.contains(u"could not be loaded.") && message.contains(expected),
                 qPrintable(message));
        QCOMPARE(answer.finished.size(), 0);
        QTRY_VERIFY(!answer.job);
        QCOMPARE(answer.count(), 1); // four calls failed: one answer
    }

    void malformedCatalogueIsASentence_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::addRow("segments not a list")
            << QByteArray("/manage/segments") << QByteArray(R"({"not":"a list"})")
            << QStringLiteral("unexpected list of segments");
        QTest::addRow("measures not JSON")
            << QByteArray("/manage/measures") << QByteArray("<html>")
            << QStringLiteral("The measures could not be loaded. Customer "
                              "Insights sent a response that is not valid JSON.");
        QTest::addRow("entities a list") << QByteArray("/manage/entities") << QByteArray("[]")
                                         << QStringLiteral("unexpected list of entities");
        QTest::addRow("data source without id")
            << QByteArray("/manage/datasources") << QByteArray(R"([{"dataSourceMetadata":{"name":"x"}}])")
            << QStringLiteral("unexpected list of data sources");
    }

    void malformedCatalogueIsASentence()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        QHash<QByteArray, QByteArray> routes{
            {"/instances", R"([{"instanceId":"i1","name":"Scripted"}])"},
            {"/manage/entities", R"({"instanceId":"i1","entities":[]})"},
        };
        routes.insert(path, body);
        RoutedServer server(routes);
        ConnectorFixture f;
        QVERIFY(f.started);
        ConnectorConfig config = f.config();
        config.apiBase = server.apiBase();
        config.retry.maxAttempts = 1;
        f.startConnector(config);
        Answer answer(f.connector->requestCatalogue(this));
        QVERIFY(answer.wait());
        const QString message = answer.message();
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void previewItems()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.startConnector();
        Step step =
            getItems(QStringLiteral("Customer"), QStringLiteral("IsMemberOfSegment('HighValueCustomers')"));
        step.parameters.insert(QStringLiteral("select"), QStringLiteral("CustomerId,TotalSpend"));
        step.parameters.insert(QStringLiteral("orderBy"), QStringLiteral("TotalSpend desc"));
        step.parameters.insert(QStringLiteral("limit"), 1000); // the preview's row count wins
        Answer rows(f.connector->previewItems(step, 5, this));
        QVERIFY(rows.wait());
        QCOMPARE(rows.failed.size(), 0);
        const auto preview = rows.result().value<QList<QJsonObject>>();
        QCOMPARE(preview.size(), 5);
        for (const QJsonObject &row : preview)
            QCOMPARE(row.keys(), (QStringList{QStringLiteral("CustomerId"), QStringLiteral("TotalSpend")}));
        QVERIFY(preview.at(0).value(u"TotalSpend").toDouble() >=
                preview.at(4).value(u"TotalSpend").toDouble());

        Answer missing(f.connector->previewItems(getItems(QStringLiteral("Nope")), 5, this));
        QVERIFY(missing.wait());
        QVERIFY2(missing.message().contains(u"cannot be previewed") && missing.message().contains(u"404"),
                 qPrintable(missing.message()));

        Step teams;
        teams.kind = StepKind::TeamsMessage;
        Answer notGetItems(f.connector->previewItems(teams, 5, this));
        QVERIFY(notGetItems.wait());
        QVERIFY(notGetItems.message().contains(u"Get items"));
    }

    void testFireReadsSecretsOfTheGuiThreadStore()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1234));
        const Flow flow =
            hookFlow(f, TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 1000);
        f.startConnector();
        f.connector->setSecretStore(&m_secrets); // lives on this thread; the step runs on the worker's
        QSignalSpy completed(f.connector.get(), &Connector::firingCompleted);
        QStringList order; // the job's answer comes before the firing's step runs move on
        Answer started(f.connector->testFire(flow, this));
        connect(started.job, &FiringJob::finished, this, [&] { order << QStringLiteral("started"); });
        connect(f.connector.get(), &Connector::stepRunUpdated, this, [&](const StepRun &run) {
            if (run.status != StepRun::pending())
                order << run.status;
        });
        QVERIFY(started.wait());
        QCOMPARE(started.failed.size(), 0);
        const QString firingId = started.result().toString();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QVERIFY2(order.value(0) == u"started" && order.size() > 1, qPrintable(order.join(u',')));
        QCOMPARE(completed.constFirst().at(0).toString(), firingId);
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QVERIFY(f.connector->workerThread() != QThread::currentThread());

        QCOMPARE(m_receiver->count(), 1);
        QVERIFY(m_receiver->requests().constFirst().signatureValid); // the secret read across threads
        // The instance's current values, not a made-up sample.
        QCOMPARE(lastBody().value(u"value").toDouble(), 1234.0);
        QCOMPARE(lastBody().value(u"subject").toString(), u"HighValueCustomers");
        QCOMPARE(lastBody().value(u"instance").toString(), u"Contoso Retail");
        // Marked test in the log, and the trigger log heard of it.
        const std::optional<Firing> firing = f.log->get(firingId);
        QVERIFY(firing && firing->test);
        QCOMPARE(firing->value, 1234.0);
        QCOMPARE(firing->threshold, 1000.0);
        QCOMPARE(firing->payload.value(u"test").toBool(), true);
        QTRY_VERIFY(std::any_of(f.firings.cbegin(), f.firings.cend(), [&](const Firing &recorded) {
            return recorded.id == firingId && recorded.test;
        }));
    }

    void testFireNamesTheDataSource()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const Flow flow =
            hookFlow(f, TriggerKind::DataSourceRefreshFailed, QStringLiteral("Loyalty program"));
        f.startConnector();
        f.connector->setSecretStore(&m_secrets);
        QSignalSpy completed(f.connector.get(), &Connector::firingCompleted);
        f.connector->testFire(flow, this);
        QVERIFY(completed.wait(10000));
        QCOMPARE(lastBody().value(u"dataSource").toString(), u"LoyaltyProgram"); // the API name
    }

    void stepsWaitForTheSecretStore()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const Flow flow = hookFlow(f, TriggerKind::FullRefreshCompleted, {});
        f.startConnector(); // the keychain probe has not finished: no store yet
        QSignalSpy completed(f.connector.get(), &Connector::firingCompleted);
        QList<StepRun> runs;
        connect(f.connector.get(), &Connector::stepRunUpdated, this,
                [&](const StepRun &run) { runs << run; });
        Answer started(f.connector->testFire(flow, this));
        QVERIFY(started.wait());
        QCOMPARE(started.finished.size(), 1);
        QTRY_VERIFY(std::any_of(runs.cbegin(), runs.cend(), [](const StepRun &run) {
            return run.status == StepRun::pending() && run.detail.contains(u"Waiting for the secret store");
        }));
        QCOMPARE(m_receiver->count(), 0);
        QCOMPARE(completed.size(), 0);
        f.connector->setSecretStore(&m_secrets);
        QVERIFY(completed.wait(10000));
        QCOMPARE(completed.constFirst().at(1).toBool(), true);
        QVERIFY(m_receiver->requests().constFirst().signatureValid);
    }

    void resubmit()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const Flow flow = hookFlow(f, TriggerKind::UnificationRefreshCompleted, {});
        f.startConnector();
        f.connector->setSecretStore(&m_secrets);
        QSignalSpy completed(f.connector.get(), &Connector::firingCompleted);
        Answer started(f.connector->testFire(flow, this));
        QVERIFY(started.wait());
        const QString firingId = started.result().toString();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);

        Answer resubmitted(f.connector->resubmit(firingId, false, this));
        QVERIFY(resubmitted.wait());
        QCOMPARE(resubmitted.failed.size(), 0);
        QCOMPARE(resubmitted.result().toString(), firingId);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, 10000);
        QCOMPARE(completed.at(1).at(0).toString(), firingId);
        QCOMPARE(completed.at(1).at(1).toBool(), true);
        QCOMPARE(m_receiver->count(), 2);
        QCOMPARE(m_receiver->requests().at(1).header("Idempotency-Key"),
                 HttpCallStep::idempotencyKey(firingId, 0, 1));
        QCOMPARE(m_receiver->duplicates(), 0);
        QCOMPARE(f.log->stepRuns(firingId).size(), 2);

        Answer nothing(f.connector->resubmit(firingId, true, this));
        QVERIFY(nothing.wait(5000));
        QVERIFY(nothing.message().contains(u"nothing failed"));
        Answer unknown(f.connector->resubmit(QStringLiteral("no-such-firing"), false, this));
        QVERIFY(unknown.wait(5000));
        QVERIFY(unknown.message().contains(u"no longer in the trigger log"));
        QCOMPARE(m_receiver->count(), 2);
    }

    void stopAnswersRequestsInFlight()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        QVERIFY(f.addFault(QStringLiteral("delay"), 100, 3000));
        Answer answer(f.connector->requestCatalogue(this));
        f.connector->stop(); // its calls are out or still queued in the rate limiter: cancelled either way
        QVERIFY(answer.wait(5000));
        QVERIFY2(answer.message().contains(u"cancelled"), qPrintable(answer.message()));
        QCOMPARE(answer.finished.size(), 0);
        QTRY_VERIFY(!answer.job);
        QCOMPARE(answer.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectorRequests)
#include "tst_connectorrequests.moc"
