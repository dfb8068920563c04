#include "cimodels.h"

#include <QTest>

class TestCiModels : public QObject
{
    Q_OBJECT

private slots:
    void dateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime base(QDate(2026, 11, 24), QTime(9, 30, 15), Qt::UTC);
        QTest::addRow("Z") << QStringLiteral("2026-11-24T09:30:15Z") << base;
        QTest::addRow("no offset is UTC") << QStringLiteral("2026-11-24T09:30:15") << base;
        QTest::addRow("7-digit fraction")
            << QStringLiteral("2026-11-24T09:30:15.1234567Z") << base.addMSecs(123);
        QTest::addRow("1-digit fraction") << QStringLiteral("2026-11-24T09:30:15.5") << base.addMSecs(500);
        QTest::addRow("offset") << QStringLiteral("2026-11-24T11:30:15+02:00") << base;
        QTest::addRow("negative offset") << QStringLiteral("2026-11-24T04:00:15-05:30") << base;
        QTest::addRow("garbage") << QStringLiteral("yesterday") << QDateTime();
        QTest::addRow("date only") << QStringLiteral("2026-11-24") << QDateTime();
        QTest::addRow("bad month") << QStringLiteral("2026-13-24T09:30:15Z") << QDateTime();
    }

    void dateTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = CiModels::parseDateTime(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed, expected);
    }

    void jobsWithTasks()
    {
        const QByteArray json = R"([{"jobId":"6d2f0c1e-0000-4000-8000-000000000001","jobType":"full",
            "jobSubmissionKind":"scheduled","jobStatus":"successful","operationType":"all",
            "submittedTimestamp":"2026-11-24T09:00:00.0000000Z","endTimestamp":"2026-11-24T09:05:00Z",
            "tasks":[{"taskId":"t1","taskStatus":"failed","operationType":"ingestion","friendlyName":"POS",
                      "jobIds":["6d2f0c1e-0000-4000-8000-000000000001"],"ciErrors":[{"message":"Credentials expired"}]},
                     {"taskId":"t2","taskStatus":"successful","operationType":"map"}],
            "someFutureKey":{"x":1}}])";
        QList<CiJob> jobs;
        QString error;
        QVERIFY2(CiModels::parseJobs(json, &jobs, &error), qPrintable(error));
        QCOMPARE(jobs.size(), 1);
        const CiJob &job = jobs.constFirst();
        QCOMPARE(job.submissionKind, QStringLiteral("scheduled"));
        QCOMPARE(job.operationType, QStringLiteral("all"));
        QCOMPARE(job.ended, QDateTime(QDate(2026, 11, 24), QTime(9, 5), Qt::UTC));
        QCOMPARE(job.tasks.size(), 2);
        QCOMPARE(job.tasks.at(0).errorText, QStringLiteral("Credentials expired"));
        QCOMPARE(job.tasks.at(0).jobIds.size(), 1);
        QVERIFY(CiModels::isTerminal(job.tasks.at(0).status));
        QVERIFY(!CiModels::isTerminal(QStringLiteral("running")));
    }

    void malformedPayloadsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not json") << QByteArray("[{") << QStringLiteral("not JSON");
        QTest::addRow("object, not array") << QByteArray("{}") << QStringLiteral("a JSON array is expected");
        QTest::addRow("item not object") << QByteArray("[1]") << QStringLiteral("[0]: an object is expected");
        QTest::addRow("missing id") << QByteArray(R"([{"jobStatus":"queued"}])")
                                    << QStringLiteral("[0].jobId: is missing");
        QTest::addRow("status a number") << QByteArray(R"([{"jobId":"a","jobStatus":3}])")
                                         << QStringLiteral("[0].jobStatus: a string is expected");
        QTest::addRow("bad date") << QByteArray(
                                         R"([{"jobId":"a","jobStatus":"queued","endTimestamp":"soon"}])")
                                  << QStringLiteral("[0].endTimestamp: an ISO 8601 date-time is expected");
        QTest::addRow("tasks not array") << QByteArray(R"([{"jobId":"a","jobStatus":"queued","tasks":{}}])")
                                         << QStringLiteral("[0].tasks: an array is expected");
        QTest::addRow("bad task") << QByteArray(
                                         R"([{"jobId":"a","jobStatus":"queued","tasks":[{"taskId":"t"}]}])")
                                  << QStringLiteral("[0].tasks[0].taskStatus: is missing");
    }

    void malformedPayloadsAreRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QList<CiJob> jobs{CiJob{}};
        QString error;
        QVERIFY(!CiModels::parseJobs(json, &jobs, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QCOMPARE(jobs.size(), 1); // untouched
    }

    void segments()
    {
        const QByteArray json =
            R"([{"name":"HighValue","friendlyName":"High-value customers","state":"active",
            "evaluationStatus":{"jobStatus":"CompletedSuccess","evaluationDate":"2026-11-24T09:00:00Z","entityCount":1234}},
            {"name":"New","evaluationStatus":{"jobStatus":"None"}}])";
        QList<CiSegment> segments;
        QString error;
        QVERIFY2(CiModels::parseSegments(json, &segments, &error), qPrintable(error));
        QCOMPARE(segments.at(0).entityCount, std::optional<qint64>(1234));
        QCOMPARE(segments.at(0).evaluationStatus, QStringLiteral("CompletedSuccess"));
        QVERIFY(!segments.at(1).entityCount);
        QVERIFY(!CiModels::parseSegments(R"([{"name":"x","evaluationStatus":{"entityCount":1.5}}])",
                                         &segments, &error));
        QCOMPARE(error, QStringLiteral("[0].evaluationStatus.entityCount: an integer is expected"));
    }

    void measures()
    {
        const QByteArray json = R"([
            {"name":"TotalRevenue","displayName":"Total revenue","definition":{"isScalar":true,"dimensions":[]},
             "output":{"measureName":"TotalRevenue","evaluationTime":"2026-11-24T09:00:00Z","values":{"TotalRevenue":"1250000.5"}}},
            {"name":"RevenueByStore","definition":{"isScalar":false,"dimensions":[{"name":"Store"}]},
             "output":{"values":{"Seattle":"10"}}}])";
        QList<CiMeasure> measures;
        QString error;
        QVERIFY2(CiModels::parseMeasures(json, &measures, &error), qPrintable(error));
        QCOMPARE(measures.at(0).value, std::optional<double>(1250000.5));
        QVERIFY(!measures.at(0).hasDimensions);
        QVERIFY(measures.at(1).hasDimensions);
        QVERIFY(!measures.at(1).value);
        QVERIFY(!CiModels::parseMeasures(R"([{"name":"x","output":{"values":{"x":"lots"}}}])", &measures,
                                         &error));
        QCOMPARE(error, QStringLiteral("[0].output.values: a number in a string is expected"));
    }

    void evaluationHistories()
    {
        // includeHistoricStats=true on GET manage/segments: evaluationStatusHistory, newest first on the
        // wire.
        const QByteArray segmentsJson =
            R"([{"name":"ChurnRisk","evaluationStatus":{"jobStatus":"CompletedSuccess",
                "evaluationDate":"2026-11-24T09:02:00Z","entityCount":1200},
            "evaluationStatusHistory":[
                {"evaluationDate":"2026-11-24T09:02:00Z","entityCount":1200,"jobStatus":"CompletedSuccess"},
                {"evaluationDate":"2026-11-24T09:01:00.1234567Z","entityCount":1300,"jobStatus":"CompletedSuccess"},
                {"evaluationDate":"2026-11-24T09:00:30Z","jobStatus":"CompletedFailure"},
                {"evaluationDate":"2026-11-24T09:00:00Z","entityCount":1200}]}])";
        QList<CiSegment> segments;
        QString error;
        QVERIFY2(CiModels::parseSegments(segmentsJson, &segments, &error), qPrintable(error));
        const QDateTime nine(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        QCOMPARE(
            segments.at(0).history,
            (QList<CiEvaluation>{{nine, 1200}, {nine.addMSecs(60123), 1300}, {nine.addSecs(120), 1200}}));
        QVERIFY(!CiModels::parseSegments(R"([{"name":"x","evaluationStatusHistory":[{"entityCount":"1"}]}])",
                                         &segments, &error));
        QCOMPARE(error, QStringLiteral("[0].evaluationStatusHistory[0].entityCount: an integer is expected"));
        QVERIFY(
            !CiModels::parseSegments(R"([{"name":"x","evaluationStatusHistory":[3]}])", &segments, &error));
        QCOMPARE(error, QStringLiteral("[0].evaluationStatusHistory: objects are expected"));

        // GET manage/measures/{name}?includeHistoricStats=true: ONE object, outputHistory newest first.
        const QByteArray measureJson =
            R"({"name":"TotalRevenue","definition":{"isScalar":true,"dimensions":[]},
             "output":{"measureName":"TotalRevenue","evaluationTime":"2026-11-24T09:01:00Z","values":{"TotalRevenue":"1190474"}},
             "outputHistory":[
                {"measureName":"TotalRevenue","evaluationTime":"2026-11-24T09:01:00Z","values":{"TotalRevenue":"1190474"}},
                {"measureName":"TotalRevenue","evaluationTime":"2026-11-24T09:00:00Z","values":{"TotalRevenue":"1265786.5"}}],
             "evaluationHistory":[{"state":"completed","endTime":"2026-11-24T09:01:00Z"}]})";
        CiMeasure measure;
        QVERIFY2(CiModels::parseMeasure(measureJson, &measure, &error), qPrintable(error));
        QCOMPARE(measure.value, std::optional<double>(1190474));
        QCOMPARE(measure.history, (QList<CiEvaluation>{{nine, 1265786.5}, {nine.addSecs(60), 1190474}}));
        QVERIFY(!CiModels::parseMeasure(R"({"name":"x","outputHistory":[{"values":{"x":"lots"}}]})", &measure,
                                        &error));
        QCOMPARE(error, QStringLiteral(".outputHistory[0].values: a number in a string is expected"));
        QVERIFY(!CiModels::parseMeasure("[]", &measure, &error));
        // The list parser reads the same shape (the service's list has no outputHistory).
        QList<CiMeasure> measures;
        QVERIFY(CiModels::parseMeasures("[" + measureJson + "]", &measures, &error));
        QCOMPARE(measures.at(0).history.size(), 2);
    }

    void dataSourcesAndInstances()
    {
        QList<CiDataSource> sources;
        QString error;
        QVERIFY2(
            CiModels::parseDataSources(
                R"([{"dataSourceMetadata":{"dataSourceId":"d1","name":"Pos","friendlyName":"POS transactions",
                         "refreshState":"updateFailed","lastRefresh":"2026-11-24T08:00:00Z"},"model":{}}])",
                &sources, &error),
            qPrintable(error));
        QCOMPARE(sources.at(0).friendlyName, QStringLiteral("POS transactions"));
        QVERIFY(!CiModels::parseDataSources(R"([{"model":{}}])", &sources, &error));
        QCOMPARE(error, QStringLiteral("[0].dataSourceMetadata.dataSourceId: is missing"));

        QList<CiInstance> instances;
        QVERIFY(CiModels::parseInstances(
            R"([{"instanceId":"i1","name":"Contoso Retail","instanceType":"sandbox"}])", &instances, &error));
        QCOMPARE(instances.at(0).name, QStringLiteral("Contoso Retail"));
    }

    void rowsPage()
    {
        CiRowsPage page;
        QString error;
        QVERIFY(CiModels::parseRowsPage(
            R"({"@odata.context":"x","@odata.count":5000,"value":[{"CustomerId":"1"}]})", &page, &error));
        QCOMPARE(page.rows.size(), 1);
        QCOMPARE(page.count, std::optional<qint64>(5000));
        // Found by fuzz_cimodels: a count beyond any integer is an error, not undefined behaviour.
        QVERIFY(!CiModels::parseRowsPage(
            R"({"@odata.count":5003333333333333333333333333333333330,"value":[]})", &page, &error));
        QCOMPARE(error, QStringLiteral("@odata.count: an integer is expected"));
        QVERIFY(!CiModels::parseRowsPage(R"({"value":[1]})", &page, &error));
        QCOMPARE(error, QStringLiteral("value: rows must be objects"));
        QVERIFY(!CiModels::parseRowsPage(R"({"values":[]})", &page, &error));
        QCOMPARE(error, QStringLiteral("value: is missing"));
    }

    void entities()
    {
        // As the sandbox answers (IC360EntityModel, one object): the unified profile with its attributes and
        // the ingested entities of the data sources, whose attributes the service leaves out.
        const QByteArray json = R"({"instanceId":"3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b","entities":[
            {"name":"Customer","qualifiedEntityName":"Customer","dataflowType":"conflationResolveConflicts",
             "entityType":"profile","semanticType":"Customer",
             "attributes":[{"name":"CustomerId","dataType":"string"},{"name":"LifetimeValue","dataType":"decimal"}]},
            {"name":"Purchases","qualifiedEntityName":"PosTransactions_Purchases","dataSourceName":"PosTransactions",
             "datasourceId":"9d1f3b5e-7a2c-4e8d-b6f0-c2e4a6b8d0f2","dataflowType":"powerQuery",
             "entityType":"unspecified","refreshTime":null,"someFutureKey":[1]}]})";
        QList<CiEntity> entities;
        QString error;
        QVERIFY2(CiModels::parseEntities(json, &entities, &error), qPrintable(error));
        QCOMPARE(entities.size(), 2);
        QCOMPARE(entities.at(0).name, QStringLiteral("Customer"));
        QCOMPARE(entities.at(0).attributes,
                 (QStringList{QStringLiteral("CustomerId"), QStringLiteral("LifetimeValue")}));
        QVERIFY(entities.at(0).dataSourceName.isEmpty());
        QCOMPARE(entities.at(1).qualifiedName, QStringLiteral("PosTransactions_Purchases"));
        QCOMPARE(entities.at(1).dataSourceName, QStringLiteral("PosTransactions"));
        QVERIFY(entities.at(1).attributes.isEmpty());

        QVERIFY(CiModels::parseEntities(R"({"instanceId":"i"})", &entities, &error));
        QVERIFY(entities.isEmpty());
    }

    void malformedEntitiesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not json") << QByteArray("{") << QStringLiteral("not JSON");
        QTest::addRow("a list, not the model")
            << QByteArray(R"([{"name":"Customer"}])") << QStringLiteral("a JSON object is expected");
        QTest::addRow("entities not array")
            << QByteArray(R"({"entities":{}})") << QStringLiteral("entities: an array is expected");
        QTest::addRow("entity not object") << QByteArray(R"({"entities":["Customer"]})")
                                           << QStringLiteral("entities[0]: an object is expected");
        QTest::addRow("missing name") << QByteArray(R"({"entities":[{"qualifiedEntityName":"x"}]})")
                                      << QStringLiteral("entities[0].name: is missing");
        QTest::addRow("name a number") << QByteArray(R"({"entities":[{"name":1}]})")
                                       << QStringLiteral("entities[0].name: a string is expected");
        QTest::addRow("data source a number")
            << QByteArray(R"({"entities":[{"name":"a","dataSourceName":2}]})")
            << QStringLiteral("entities[0].dataSourceName: a string is expected");
        QTest::addRow("attributes not array")
            << QByteArray(R"({"entities":[{"name":"a","attributes":"x"}]})")
            << QStringLiteral("entities[0].attributes: an array is expected");
        QTest::addRow("attribute not object")
            << QByteArray(R"({"entities":[{"name":"a","attributes":["Id"]}]})")
            << QStringLiteral("entities[0].attributes[0]: an object is expected");
        QTest::addRow("attribute without name")
            << QByteArray(R"({"entities":[{"name":"a","attributes":[{"dataType":"string"}]}]})")
            << QStringLiteral("entities[0].attributes[0].name: is missing");
        QTest::addRow("instance id a number") << QByteArray(R"({"instanceId":5,"entities":[]})")
                                              << QStringLiteral("instanceId: a string is expected");
    }

    void malformedEntitiesAreRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QList<CiEntity> entities{CiEntity{}};
        QString error;
        QVERIFY(!CiModels::parseEntities(json, &entities, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QCOMPARE(entities.size(), 1); // untouched
    }

    void errorBodies()
    {
        QCOMPARE(CiModels::errorMessage(
                     R"({"errorCode":"NotFound","message":"No such instance","httpStatusCode":"404"})"),
                 QStringLiteral("NotFound: No such instance"));
        QCOMPARE(CiModels::errorMessage("<html>"), QString());
    }
};

QTEST_GUILESS_MAIN(TestCiModels)
#include "tst_cimodels.moc"
