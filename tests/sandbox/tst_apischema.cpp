#include "apischemavalidator.h"
#include "sandboxfixture.h"

#include <QTest>

// Walks every operation of ci-api-schema.json against the sandbox and validates each body (success and
// error answers) against the public models.
class TestApiSchema : public QObject
{
    Q_OBJECT

private:
    ApiSchemaValidator m_validator;
    std::unique_ptr<SandboxFixture> m_fixture;

    void verifyBody(const HttpTestClient::Response &response, const QString &type)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, response.body.left(200).constData());
        const QJsonValue value =
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        const QStringList problems = m_validator.validate(value, type);
        QVERIFY2(problems.isEmpty(), qPrintable(type + QStringLiteral(": ") + problems.join(u'\n')));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_validator.load(QStringLiteral(CI_API_SCHEMA), &error), qPrintable(error));
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->listening);
        // Some live state: a running and a finished job, failed tasks, evaluations.
        auto *scenario = m_fixture->sandbox->scenario();
        QString problem;
        QVERIFY(scenario->submit({Scenario::RefreshKind::Full, QStringLiteral("ECommerce"), true, true},
                                 &problem));
        for (int i = 0; i < 3; ++i)
            scenario->tick(250);
        QVERIFY(scenario->submit({Scenario::RefreshKind::Full, {}, false, false}, &problem));
    }

    void validatorRejectsWrongBodies()
    {
        QVERIFY(!m_validator
                     .validate(QJsonObject{{QStringLiteral("jobStatus"), QStringLiteral("Succeeded")}},
                               QStringLiteral("GraphJobInfo"))
                     .isEmpty());
        QVERIFY(!m_validator
                     .validate(QJsonObject{{QStringLiteral("jobId"), QStringLiteral("not-a-guid")}},
                               QStringLiteral("GraphJobInfo"))
                     .isEmpty());
        QVERIFY(!m_validator
                     .validate(QJsonObject{{QStringLiteral("noSuchKey"), 1}}, QStringLiteral("InstanceInfo"))
                     .isEmpty());
        QVERIFY(!m_validator
                     .validate(QJsonObject{{QStringLiteral("httpStatusCode"), 404}},
                               QStringLiteral("ApiErrorResult"))
                     .isEmpty());
        QVERIFY(!m_validator.validate(QJsonObject(), QStringLiteral("[InstanceInfo]")).isEmpty());
        QVERIFY(!m_validator
                     .validate(QJsonObject{{QStringLiteral("evaluationDate"), QStringLiteral("yesterday")}},
                               QStringLiteral("SegmentationPublishStats"))
                     .isEmpty());
        QVERIFY(m_validator
                    .validate(
                        QJsonObject{
                            {QStringLiteral("endTimestamp"), QStringLiteral("2021-01-02T03:04:05.1234567Z")},
                            {QStringLiteral("submittedTimestamp"), QStringLiteral("2021-01-02T03:04:05")},
                            {QStringLiteral("jobStatus"), QJsonValue::Null}},
                        QStringLiteral("GraphJobInfo"))
                    .isEmpty());
        QVERIFY(m_validator
                    .validate(QJsonObject{{QStringLiteral("anything"), 1}}, QStringLiteral("GraphJobOptions"))
                    .isEmpty());
    }

    void everyOperation_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("responseType");
        const auto *scenario = m_fixture->sandbox->scenario();
        const QString jobId = scenario->jobs().constLast().id;
        const QJsonArray operations = m_validator.operations();
        QVERIFY(operations.size() >= 14);
        for (const QJsonValue &value : operations) {
            const QJsonObject operation = value.toObject();
            QString path = operation.value(QStringLiteral("path")).toString();
            path.replace(QStringLiteral("{instanceId}"), scenario->instance().id);
            path.replace(QStringLiteral("{workflowName}"), QStringLiteral("main"));
            path.replace(QStringLiteral("{jobId}"), jobId);
            path.replace(QStringLiteral("{dataSourceId}"), scenario->dataSources().constFirst().id);
            path.replace(QStringLiteral("{measureName}"), QStringLiteral("TotalRevenue"));
            path.replace(QStringLiteral("{relativePath}"), QStringLiteral("Customer"));
            const QString name = operation.value(QStringLiteral("name")).toString();
            // What the Python client sends by default, plus the options the connector uses.
            QUrlQuery query;
            const QJsonObject defaults = operation.value(QStringLiteral("clientSendsByDefault")).toObject();
            for (auto it = defaults.begin(); it != defaults.end(); ++it)
                query.addQueryItem(
                    it.key(), it.value().isBool()
                                  ? (it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                  : QString::number(it.value().toInt()));
            if (name == QLatin1String("listWorkflowJobs") || name == QLatin1String("getWorkflowJob")) {
                query.removeAllQueryItems(QStringLiteral("includeTasks"));
                query.addQueryItem(QStringLiteral("includeTasks"), QStringLiteral("true"));
            }
            if (name == QLatin1String("submitWorkflowJob"))
                query.addQueryItem(QStringLiteral("operationType"), QStringLiteral("all"));
            if (name == QLatin1String("getEntitiesWithODataPath")) {
                query.addQueryItem(QStringLiteral("$top"), QStringLiteral("5"));
                query.addQueryItem(QStringLiteral("$count"), QStringLiteral("true"));
            }
            if (name == QLatin1String("listSegments"))
                query.addQueryItem(QStringLiteral("includeHistoricStats"), QStringLiteral("true"));
            QTest::addRow("%s", qPrintable(name)) << operation.value(QStringLiteral("method")).toString()
                                                  << path << query.toString(QUrl::FullyEncoded)
                                                  << operation.value(QStringLiteral("response")).toString();
        }
        QTest::addRow("getMeasure with history")
            << QStringLiteral("GET")
            << QStringLiteral("instances/%1/manage/measures/RevenueByStore").arg(scenario->instance().id)
            << QStringLiteral("includeHistoricStats=true") << QStringLiteral("MeasureMetadata");
        QTest::addRow("data with $select")
            << QStringLiteral("GET")
            << QStringLiteral("instances/%1/data/Customer").arg(scenario->instance().id)
            << QStringLiteral("$select=CustomerId,Email&$orderby=TotalSpend%20desc")
            << QStringLiteral("ODataEntityPayload");
    }
    void everyOperation()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QString, responseType);
        QUrl url = m_fixture->url(QStringLiteral("/v1/") + path);
        url.setQuery(query);
        HttpTestClient::Headers headers = m_fixture->auth();
        if (method == QLatin1String("POST"))
            headers.append(qMakePair(QByteArray("Content-Type"),
                                     QByteArray("application/json-patch+json; charset=utf-8")));
        const auto response = m_fixture->http.send(method.toLatin1(), url, headers);
        QVERIFY2(response.status == 200, response.body.left(300).constData());
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        verifyBody(response, responseType);
    }

    void errorBodies_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("model");
        const QString instance = QStringLiteral("instances/") + m_fixture->sandbox->scenario()->instance().id;
        QTest::addRow("unknown instance")
            << QStringLiteral("instances/00000000-0000-4000-8000-000000000000/manage/segments") << QString()
            << 404 << QStringLiteral("ApiErrorResult");
        QTest::addRow("unknown job") << instance +
                                            QStringLiteral(
                                                "/workflows/main/jobs/00000000-0000-4000-8000-000000000000")
                                     << QString() << 404 << QStringLiteral("ApiErrorResult");
        QTest::addRow("unknown workflow") << instance + QStringLiteral("/workflows/other/jobs") << QString()
                                          << 404 << QStringLiteral("ApiErrorResult");
        QTest::addRow("unknown measure") << instance + QStringLiteral("/manage/measures/Nope") << QString()
                                         << 404 << QStringLiteral("ApiErrorResult");
        QTest::addRow("bad top") << instance + QStringLiteral("/workflows/main/history")
                                 << QStringLiteral("top=x") << 400 << QStringLiteral("ApiErrorResult");
        QTest::addRow("unknown entity")
            << instance + QStringLiteral("/data/Nope") << QString() << 404 << QStringLiteral("ODataError");
        QTest::addRow("bad filter") << instance + QStringLiteral("/data/Customer")
                                    << QStringLiteral("$filter=Nope%20eq%201") << 400
                                    << QStringLiteral("ODataError");
        QTest::addRow("unknown path")
            << QStringLiteral("nothing/here") << QString() << 404 << QStringLiteral("ApiErrorResult");
    }
    void errorBodies()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, model);
        QUrl url = m_fixture->url(QStringLiteral("/v1/") + path);
        url.setQuery(query);
        const auto response = m_fixture->http.get(url, m_fixture->auth());
        QCOMPARE(response.status, status);
        verifyBody(response, model);
    }

    void authAndThrottleErrorBodies()
    {
        const QUrl url = m_fixture->url(QStringLiteral("/v1/instances"));
        verifyBody(m_fixture->http.get(url), QStringLiteral("ApiErrorResult"));
        verifyBody(
            m_fixture->http.get(url, {{"Authorization", "Bearer " + m_fixture->accessToken.toLatin1()}}),
            QStringLiteral("ApiErrorResult"));
        QCOMPARE(m_fixture->http
                     .postJson(m_fixture->url(QStringLiteral("/sandbox/control/faults")),
                               {{QStringLiteral("kind"), QStringLiteral("throttle")}})
                     .status,
                 200);
        const auto throttled = m_fixture->http.get(url, m_fixture->auth());
        QCOMPARE(throttled.status, 429);
        verifyBody(throttled, QStringLiteral("ApiErrorResult"));
    }
};

QTEST_GUILESS_MAIN(TestApiSchema)
#include "tst_apischema.moc"
