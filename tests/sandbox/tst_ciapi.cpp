#include "sandboxfixture.h"

#include <QSet>
#include <QTest>

class TestCiApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fixture;

    HttpTestClient::Response data(const QString &query)
    {
        return m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/data/Customer"), query));
    }

private slots:
    void init()
    {
        SandboxOptions options;
        options.rateLimit = 0;
        m_fixture = std::make_unique<SandboxFixture>(options);
        QVERIFY(m_fixture->listening);
    }
    void cleanup() { m_fixture.reset(); }

    void authentication()
    {
        const QUrl url = m_fixture->url(QStringLiteral("/v1/instances"));
        const auto none = m_fixture->http.get(url, {{"Ocp-Apim-Subscription-Key", "sandbox-key"}});
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer "));
        const auto bad = m_fixture->http.get(url, m_fixture->auth(QStringLiteral("forged")));
        QCOMPARE(bad.status, 401);
        QVERIFY(bad.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        const auto noKey =
            m_fixture->http.get(url, {{"Authorization", "Bearer " + m_fixture->accessToken.toLatin1()}});
        QCOMPARE(noKey.status, 403);
        QCOMPARE(noKey.object().value(QStringLiteral("httpStatusCode")).toString(), QStringLiteral("403"));
        QCOMPARE(noKey.object().value(QStringLiteral("errorCode")).toString(),
                 QStringLiteral("MissingSubscriptionKey"));
        const auto wrongKey =
            m_fixture->http.get(url, {{"Authorization", "Bearer " + m_fixture->accessToken.toLatin1()},
                                      {"Ocp-Apim-Subscription-Key", "x"}});
        QCOMPARE(wrongKey.status, 403);
        QCOMPARE(wrongKey.object().value(QStringLiteral("errorCode")).toString(),
                 QStringLiteral("InvalidSubscriptionKey"));
        const auto ok = m_fixture->api(url);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().array().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Contoso Retail"));
    }

    void pagesAllRowsExactlyOnce()
    {
        QSet<QString> seen;
        QString previous;
        for (int skip = 0;; skip += 100) {
            const auto page = data(QStringLiteral("$top=100&$skip=%1").arg(skip));
            QCOMPARE(page.status, 200);
            const QJsonArray rows = page.object().value(QStringLiteral("value")).toArray();
            QVERIFY(rows.size() <= 100);
            if (rows.isEmpty())
                break;
            for (const QJsonValue &row : rows) {
                const QString id = row.toObject().value(QStringLiteral("CustomerId")).toString();
                QVERIFY2(!seen.contains(id), qPrintable(id));
                QVERIFY(id > previous); // keyed and ordered by CustomerId
                previous = id;
                seen.insert(id);
            }
        }
        QCOMPARE(seen.size(), 5000);
    }

    void topIsCappedAt100()
    {
        QCOMPARE(data(QStringLiteral("$top=500")).object().value(QStringLiteral("value")).toArray().size(),
                 100);
        QCOMPARE(data(QString()).object().value(QStringLiteral("value")).toArray().size(), 100);
        QCOMPARE(data(QStringLiteral("$top=7")).object().value(QStringLiteral("value")).toArray().size(), 7);
    }

    void selectOrderbyFilter()
    {
        const auto selected = data(QStringLiteral("$top=3&$select=CustomerId,Email"));
        const QJsonObject row = selected.object().value(QStringLiteral("value")).toArray().first().toObject();
        QCOMPARE(row.keys(), (QStringList{QStringLiteral("CustomerId"), QStringLiteral("Email")}));
        QVERIFY(selected.object()
                    .value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QLatin1String("#Customer(CustomerId,Email)")));

        const QJsonArray ordered = data(QStringLiteral("$top=50&$orderby=TotalSpend%20desc"))
                                       .object()
                                       .value(QStringLiteral("value"))
                                       .toArray();
        for (qsizetype i = 1; i < ordered.size(); ++i) {
            QVERIFY(ordered.at(i - 1).toObject().value(QStringLiteral("TotalSpend")).toDouble() >=
                    ordered.at(i).toObject().value(QStringLiteral("TotalSpend")).toDouble());
        }

        const auto filtered = data(QStringLiteral(
            "$top=100&$count=true&$filter=Store%20eq%20'Seattle'%20and%20LoyaltyTier%20eq%20'Gold'"));
        QCOMPARE(filtered.status, 200);
        const int count = filtered.object().value(QStringLiteral("@odata.count")).toInt();
        QVERIFY(count > 0 && count < 5000);
        const QJsonArray rows = filtered.object().value(QStringLiteral("value")).toArray();
        for (const QJsonValue &value : rows) {
            QCOMPARE(value.toObject().value(QStringLiteral("Store")).toString(), QStringLiteral("Seattle"));
            QCOMPARE(value.toObject().value(QStringLiteral("LoyaltyTier")).toString(),
                     QStringLiteral("Gold"));
        }
        const auto byId = data(QStringLiteral("$filter=CustomerId%20eq%20'CUST-00042'"));
        QCOMPARE(byId.object().value(QStringLiteral("value")).toArray().size(), 1);
        const auto quoted = data(QStringLiteral("$filter=LastName%20eq%20'O''Brien'"));
        QCOMPARE(quoted.status, 200);
        const auto boolean = data(QStringLiteral("$count=true&$top=0&$filter=NewsletterOptIn%20eq%20true"));
        QVERIFY(boolean.object().value(QStringLiteral("@odata.count")).toInt() > 0);
    }

    void isMemberOfSegmentSelectsTheSegmentsCount()
    {
        for (const auto &segment : m_fixture->sandbox->scenario()->segments()) {
            const auto response =
                data(QStringLiteral("$top=1&$count=true&$filter=IsMemberOfSegment('%1')").arg(segment.name));
            QCOMPARE(response.status, 200);
            QCOMPARE(response.object().value(QStringLiteral("@odata.count")).toInt(), int(segment.count));
        }
        QVERIFY(m_fixture->http
                    .sendJson("PUT", m_fixture->url(QStringLiteral("/sandbox/control/segments/ChurnRisk")),
                              {{QStringLiteral("count"), 1234}})
                    .status == 200);
        const auto combined = data(QStringLiteral("$count=true&$filter=IsMemberOfSegment('ChurnRisk')%20and%"
                                                  "20(Store%20eq%20'Online'%20or%20Store%20eq%20'Seattle')"));
        QCOMPARE(combined.status, 200);
        const int both = combined.object().value(QStringLiteral("@odata.count")).toInt();
        QVERIFY(both > 0 && both < 1234);
        QCOMPARE(data(QStringLiteral("$count=true&$filter=IsMemberOfSegment('ChurnRisk')"))
                     .object()
                     .value(QStringLiteral("@odata.count"))
                     .toInt(),
                 1234);
    }

    void badQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addRow("negative skip") << QStringLiteral("$skip=-1");
        QTest::addRow("text top") << QStringLiteral("$top=ten");
        QTest::addRow("unknown select") << QStringLiteral("$select=Password");
        QTest::addRow("bad orderby") << QStringLiteral("$orderby=TotalSpend%20sideways");
        QTest::addRow("unknown attribute") << QStringLiteral("$filter=Nope%20eq%201");
        QTest::addRow("unterminated") << QStringLiteral("$filter=Store%20eq%20'Seattle");
        QTest::addRow("unsupported operator") << QStringLiteral("$filter=TotalSpend%20gt%201");
        QTest::addRow("unknown segment") << QStringLiteral("$filter=IsMemberOfSegment('Nope')");
        QTest::addRow("dangling and") << QStringLiteral("$filter=Store%20eq%20'A'%20and");
        QTest::addRow("deep nesting") << QStringLiteral("$filter=") + QString(200, u'(');
    }
    void badQueries()
    {
        QFETCH(QString, query);
        const auto response = data(query);
        QCOMPARE(response.status, 400);
        QVERIFY(!response.object().value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(response.object().value(QStringLiteral("errorCode")).toString(),
                 QStringLiteral("BadRequest"));
    }

    void workflows()
    {
        const QString base = QStringLiteral("/workflows/main");
        const auto submitted = m_fixture->http.send(
            "POST",
            m_fixture->instanceUrl(base + QStringLiteral("/jobs"),
                                   QStringLiteral("operationType=ingestion&identifiers=ECommerce")),
            m_fixture->auth());
        QCOMPARE(submitted.status, 200);
        const QString jobId = submitted.object().value(QStringLiteral("jobId")).toString();
        QCOMPARE(submitted.object().value(QStringLiteral("jobSubmissionKind")).toString(),
                 QStringLiteral("onDemand"));
        QCOMPARE(submitted.object().value(QStringLiteral("operationType")).toString(),
                 QStringLiteral("ingestion"));

        const auto jobs = m_fixture->api(m_fixture->instanceUrl(base + QStringLiteral("/jobs"),
                                                                QStringLiteral("top=3&includeTasks=true")));
        QCOMPARE(jobs.json().array().size(), 3);
        QCOMPARE(jobs.json().array().first().toObject().value(QStringLiteral("jobId")).toString(), jobId);
        QVERIFY(jobs.json().array().first().toObject().contains(QStringLiteral("tasks")));
        const auto withoutTasks =
            m_fixture->api(m_fixture->instanceUrl(base + QStringLiteral("/jobs"), QStringLiteral("top=1")));
        QVERIFY(!withoutTasks.json().array().first().toObject().contains(QStringLiteral("tasks")));

        m_fixture->sandbox->scenario()->tick(250);
        const auto job = m_fixture->api(m_fixture->instanceUrl(base + QStringLiteral("/jobs/") + jobId,
                                                               QStringLiteral("includeTasks=true")));
        QCOMPARE(job.object().value(QStringLiteral("jobStatus")).toString(), QStringLiteral("successful"));
        const QJsonObject task = job.object().value(QStringLiteral("tasks")).toArray().first().toObject();
        QCOMPARE(task.value(QStringLiteral("friendlyName")).toString(), QStringLiteral("eCommerce"));

        const auto history = m_fixture->api(
            m_fixture->instanceUrl(base + QStringLiteral("/history"), QStringLiteral("top=5")));
        QCOMPARE(history.json().array().size(), 5);
        QCOMPARE(history.json()
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("jobIds"))
                     .toArray()
                     .first()
                     .toString(),
                 jobId);

        const auto full = m_fixture->http.send(
            "POST",
            m_fixture->instanceUrl(base + QStringLiteral("/jobs"), QStringLiteral("operationType=all")),
            m_fixture->auth());
        const QString fullId = full.object().value(QStringLiteral("jobId")).toString();
        const auto cancelled = m_fixture->http.send(
            "POST",
            m_fixture->instanceUrl(base + QStringLiteral("/jobs/") + fullId + QStringLiteral("/cancel")),
            m_fixture->auth());
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.object().value(QStringLiteral("jobStatus")).toString(), QStringLiteral("aborted"));

        const auto badBody = m_fixture->http.send(
            "POST", m_fixture->instanceUrl(base + QStringLiteral("/jobs")),
            m_fixture->auth() + HttpTestClient::Headers{{"Content-Type", "application/json"}}, "{nope");
        QCOMPARE(badBody.status, 400);
        const auto badType = m_fixture->http.send(
            "POST",
            m_fixture->instanceUrl(base + QStringLiteral("/jobs"), QStringLiteral("operationType=export")),
            m_fixture->auth());
        QCOMPARE(badType.status, 400);
    }

    void manage()
    {
        const auto sources = m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/datasources")));
        QCOMPARE(sources.json().array().size(), 3);
        QStringList names;
        for (const QJsonValue &value : sources.json().array())
            names.append(value.toObject()
                             .value(QStringLiteral("dataSourceMetadata"))
                             .toObject()
                             .value(QStringLiteral("friendlyName"))
                             .toString());
        QCOMPARE(names, (QStringList{QStringLiteral("POS transactions"), QStringLiteral("eCommerce"),
                                     QStringLiteral("Loyalty program")}));

        const auto segments = m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/segments")));
        QCOMPARE(segments.json().array().size(), 3);
        const QJsonObject status =
            segments.json().array().first().toObject().value(QStringLiteral("evaluationStatus")).toObject();
        QCOMPARE(status.value(QStringLiteral("jobStatus")).toString(), QStringLiteral("CompletedSuccess"));

        const auto measures = m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/measures")));
        QCOMPARE(measures.json().array().size(), 3);
        for (const QJsonValue &value : measures.json().array()) {
            const QJsonObject measure = value.toObject();
            const bool scalar = measure.value(QStringLiteral("definition"))
                                    .toObject()
                                    .value(QStringLiteral("isScalar"))
                                    .toBool();
            const QJsonArray dimensions = measure.value(QStringLiteral("definition"))
                                              .toObject()
                                              .value(QStringLiteral("dimensions"))
                                              .toArray();
            QCOMPARE(dimensions.isEmpty(), scalar);
            QCOMPARE(scalar,
                     measure.value(QStringLiteral("name")).toString() != QLatin1String("RevenueByStore"));
            const QJsonObject values =
                measure.value(QStringLiteral("output")).toObject().value(QStringLiteral("values")).toObject();
            QVERIFY(scalar ? values.size() == 1 : values.size() == 4);
        }
        const auto entities = m_fixture->api(m_fixture->instanceUrl(QStringLiteral("/manage/entities")));
        QCOMPARE(entities.object()
                     .value(QStringLiteral("entities"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Customer"));
    }
};

QTEST_GUILESS_MAIN(TestCiApi)
#include "tst_ciapi.moc"
