#include "flowjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

// JSON text written with single quotes (moc does not parse raw string literals).
QByteArray j(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// A document with the given flow objects (JSON text) in "flows".
QByteArray withFlows(const QByteArray &flows)
{
    return "{\"version\": 1, \"flows\": [" + flows + "]}";
}

// A flow with a segment trigger and the given steps (JSON text).
QByteArray withSteps(const QByteArray &steps)
{
    return withFlows(j("{'name': 'F', 'trigger': {'type': 'segmentThresholdCrossed', 'subject': 'S', "
                       "'threshold': 10}, 'steps': [") +
                     steps + "]}");
}

QByteArray withTrigger(const QByteArray &trigger)
{
    return withFlows(j("{'name': 'F', 'trigger': ") + trigger + "}");
}

Flow flowOf(TriggerKind kind, const QString &name)
{
    Flow flow;
    flow.name = name;
    flow.trigger.kind = kind;
    if (Trigger::takesSubject(kind))
        flow.trigger.subject = QStringLiteral("Subject ") + name;
    if (Trigger::takesThreshold(kind))
        flow.trigger.threshold = 1234.5;
    return flow;
}

} // namespace

class TestFlowJson : public QObject
{
    Q_OBJECT

private slots:
    void invalid_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");

        // The document
        QTest::addRow("syntax") << QByteArray(j("{'version': 1, 'flows': ["))
                                << QStringLiteral("Not valid JSON at offset 25");
        QTest::addRow("syntax offset")
            << QByteArray(j("{'version': 1 'flows': []}")) << QStringLiteral("Not valid JSON at offset 15");
        QTest::addRow("array root") << QByteArray("[]")
                                    << QStringLiteral("the document must be a JSON object");
        QTest::addRow("no version") << QByteArray(j("{'flows': []}"))
                                    << QStringLiteral("version: a number is required");
        QTest::addRow("version string") << QByteArray(j("{'version': '1', 'flows': []}"))
                                        << QStringLiteral("version: a number is required");
        QTest::addRow("version 2") << QByteArray(j("{'version': 2, 'flows': []}"))
                                   << QStringLiteral("version: unsupported version 2");
        QTest::addRow("no flows") << QByteArray(j("{'version': 1}"))
                                  << QStringLiteral("flows: an array is required");
        QTest::addRow("flows object")
            << QByteArray(j("{'version': 1, 'flows': {}}")) << QStringLiteral("flows: an array is required");
        QTest::addRow("root unknown") << QByteArray(j("{'version': 1, 'flows': [], 'extra': 1}"))
                                      << QStringLiteral("extra: unknown field");

        // The flow
        QTest::addRow("flow not object")
            << withFlows("42") << QStringLiteral("flows[0]: a JSON object is required");
        QTest::addRow("name missing") << withFlows(j("{'trigger': {'type': 'fullRefreshCompleted'}}"))
                                      << QStringLiteral("flows[0].name: a non-empty string is required");
        QTest::addRow("name blank") << withFlows(
                                           j("{'name': '  ', 'trigger': {'type': 'fullRefreshCompleted'}}"))
                                    << QStringLiteral("flows[0].name: a non-empty string is required");
        QTest::addRow("name number") << withFlows(
                                            j("{'name': 7, 'trigger': {'type': 'fullRefreshCompleted'}}"))
                                     << QStringLiteral("flows[0].name: a non-empty string is required");
        QTest::addRow("name too long") << withFlows(j("{'name': '") + QByteArray(201, 'x') +
                                                    j("', 'trigger': {'type': 'fullRefreshCompleted'}}"))
                                       << QStringLiteral("flows[0].name: at most 200 characters");
        QTest::addRow("enabled string")
            << withFlows(j("{'name': 'F', 'enabled': 'yes', 'trigger': {'type': 'fullRefreshCompleted'}}"))
            << QStringLiteral("flows[0].enabled: true or false is required");
        QTest::addRow("flow unknown")
            << withFlows(j("{'name': 'F', 'colour': 'red', 'trigger': {'type': 'fullRefreshCompleted'}}"))
            << QStringLiteral("flows[0].colour: unknown field");
        QTest::addRow("second flow")
            << withFlows(j("{'name': 'A', 'trigger': {'type': 'fullRefreshCompleted'}}, {'name': 'B', "
                           "'trigger': {'type': 'segmentThresholdCrossed', 'subject': 'S'}}"))
            << QStringLiteral("flows[1].trigger.threshold: a number is required");

        // The trigger
        QTest::addRow("trigger missing")
            << withFlows(j("{'name': 'F'}")) << QStringLiteral("flows[0].trigger: a JSON object is required");
        QTest::addRow("trigger string") << withTrigger(j("'fullRefreshCompleted'"))
                                        << QStringLiteral("flows[0].trigger: a JSON object is required");
        QTest::addRow("type missing")
            << withTrigger("{}") << QStringLiteral("flows[0].trigger.type: a non-empty string is required");
        QTest::addRow("type unknown")
            << withTrigger(j("{'type': 'segmentCrossed'}"))
            << QStringLiteral("flows[0].trigger.type: unknown trigger type \"segmentCrossed\"");
        QTest::addRow("type case") << withTrigger(j("{'type': 'FullRefreshCompleted'}"))
                                   << QStringLiteral("flows[0].trigger.type: unknown trigger type");
        QTest::addRow("segment threshold missing")
            << withTrigger(j("{'type': 'segmentThresholdCrossed', 'subject': 'S'}"))
            << QStringLiteral("flows[0].trigger.threshold: a number is required");
        QTest::addRow("measure threshold missing")
            << withTrigger(j("{'type': 'measureThresholdCrossed', 'subject': 'M'}"))
            << QStringLiteral("flows[0].trigger.threshold: a number is required");
        QTest::addRow("threshold string")
            << withTrigger(j("{'type': 'measureThresholdCrossed', 'subject': 'M', 'threshold': '5'}"))
            << QStringLiteral("flows[0].trigger.threshold: a number is required");
        QTest::addRow("threshold null")
            << withTrigger(j("{'type': 'measureThresholdCrossed', 'subject': 'M', 'threshold': null}"))
            << QStringLiteral("flows[0].trigger.threshold: a number is required");
        QTest::addRow("segment threshold negative")
            << withTrigger(j("{'type': 'segmentThresholdCrossed', 'subject': 'S', 'threshold': -1}"))
            << QStringLiteral("flows[0].trigger.threshold: a number of members (0 or more) is required");
        QTest::addRow("segment subject missing")
            << withTrigger(j("{'type': 'segmentThresholdCrossed', 'threshold': 1}"))
            << QStringLiteral("flows[0].trigger.subject: a non-empty string is required");
        QTest::addRow("measure subject empty")
            << withTrigger(j("{'type': 'measureThresholdCrossed', 'subject': '', 'threshold': 1}"))
            << QStringLiteral("flows[0].trigger.subject: a non-empty string is required");
        QTest::addRow("data source subject number")
            << withTrigger(j("{'type': 'dataSourceRefreshFailed', 'subject': 3}"))
            << QStringLiteral("flows[0].trigger.subject: a string is required");
        QTest::addRow("permanentFailuresOnly string")
            << withTrigger(j("{'type': 'dataSourceRefreshFailed', 'permanentFailuresOnly': 'true'}"))
            << QStringLiteral("flows[0].trigger.permanentFailuresOnly: true or false is required");
        QTest::addRow("includeManualRefreshes number")
            << withTrigger(j("{'type': 'fullRefreshCompleted', 'includeManualRefreshes': 1}"))
            << QStringLiteral("flows[0].trigger.includeManualRefreshes: true or false is required");
        QTest::addRow("threshold not applicable")
            << withTrigger(j("{'type': 'fullRefreshCompleted', 'threshold': 1}"))
            << QStringLiteral(
                   "flows[0].trigger.threshold: does not apply to the trigger fullRefreshCompleted");
        QTest::addRow("subject not applicable")
            << withTrigger(j("{'type': 'unificationRefreshCompleted', 'subject': 'x'}"))
            << QStringLiteral("flows[0].trigger.subject: does not apply");
        QTest::addRow("permanentFailuresOnly not applicable")
            << withTrigger(j("{'type': 'dataSourceRefreshSucceeded', 'permanentFailuresOnly': true}"))
            << QStringLiteral("flows[0].trigger.permanentFailuresOnly: does not apply");
        QTest::addRow("includeManualRefreshes not applicable")
            << withTrigger(j("{'type': 'dataSourceRefreshFailed', 'includeManualRefreshes': true}"))
            << QStringLiteral("flows[0].trigger.includeManualRefreshes: does not apply");

        // The steps
        QTest::addRow("steps object")
            << withFlows(j("{'name': 'F', 'trigger': {'type': 'fullRefreshCompleted'}, 'steps': {}}"))
            << QStringLiteral("flows[0].steps: an array is required");
        QTest::addRow("step not object")
            << withSteps("1") << QStringLiteral("flows[0].steps[0]: a JSON object is required");
        QTest::addRow("step type missing")
            << withSteps("{}") << QStringLiteral("flows[0].steps[0].type: a non-empty string is required");
        QTest::addRow("step type unknown")
            << withSteps(j("{'type': 'sms'}"))
            << QStringLiteral("flows[0].steps[0].type: unknown step type \"sms\"");
        QTest::addRow("second step")
            << withSteps(j("{'type': 'getItems', 'entity': 'Customer'}, {'type': 'getItems'}"))
            << QStringLiteral("flows[0].steps[1].entity: a non-empty string is required");

        const QByteArray teams = j("'type': 'teamsMessage'");
        QTest::addRow("teams ref missing")
            << withSteps("{" + teams + j(", 'text': 't'}"))
            << QStringLiteral("flows[0].steps[0].webhookSecretRef: a non-empty string is required");
        QTest::addRow("teams url as ref")
            << withSteps("{" + teams +
                         j(", 'text': 't', 'webhookSecretRef': 'https://x.webhook.office.com/abc'}"))
            << QStringLiteral(
                   "flows[0].steps[0].webhookSecretRef: the name of a secret store entry is required");
        QTest::addRow("teams text missing")
            << withSteps("{" + teams + j(", 'webhookSecretRef': 'w'}"))
            << QStringLiteral("flows[0].steps[0].text: a non-empty string is required");
        QTest::addRow("teams title number")
            << withSteps("{" + teams + j(", 'webhookSecretRef': 'w', 'text': 't', 'title': 1}"))
            << QStringLiteral("flows[0].steps[0].title: a string is required");
        QTest::addRow("teams webhookUrl")
            << withSteps("{" + teams +
                         j(", 'webhookSecretRef': 'w', 'text': 't', 'webhookUrl': 'https://x'}"))
            << QStringLiteral(
                   "flows[0].steps[0].webhookUrl: unknown field (known: webhookSecretRef, title, text). "
                   "Secrets are not stored in flows");

        const QByteArray email =
            j("'type': 'email', 'subject': 's', 'textBody': 'b', 'smtpSecretRef': 'smtp'");
        QTest::addRow("email to missing")
            << withSteps("{" + email + "}")
            << QStringLiteral("flows[0].steps[0].to: a non-empty array of email addresses is required");
        QTest::addRow("email to string")
            << withSteps("{" + email + j(", 'to': 'a@b.c'}"))
            << QStringLiteral("flows[0].steps[0].to: a non-empty array of email addresses is required");
        QTest::addRow("email to empty")
            << withSteps("{" + email + j(", 'to': []}"))
            << QStringLiteral("flows[0].steps[0].to: a non-empty array of email addresses is required");
        QTest::addRow("email to bad address")
            << withSteps("{" + email + j(", 'to': ['a@b.c', 'nobody']}"))
            << QStringLiteral("flows[0].steps[0].to[1]: an email address is required");
        QTest::addRow("email cc string")
            << withSteps("{" + email + j(", 'to': ['a@b.c'], 'cc': 'x@y.z'}"))
            << QStringLiteral("flows[0].steps[0].cc: an array of email addresses is required");
        QTest::addRow("email subject missing")
            << withSteps(j("{'type': 'email', 'to': ['a@b.c'], 'textBody': 'b', 'smtpSecretRef': 'smtp'}"))
            << QStringLiteral("flows[0].steps[0].subject: a non-empty string is required");
        QTest::addRow("email no body")
            << withSteps(j("{'type': 'email', 'to': ['a@b.c'], 'subject': 's', 'smtpSecretRef': 'smtp'}"))
            << QStringLiteral("flows[0].steps[0]: textBody or htmlBody is required");
        QTest::addRow("email htmlBody number")
            << withSteps("{" + email + j(", 'to': ['a@b.c'], 'htmlBody': 1}"))
            << QStringLiteral("flows[0].steps[0].htmlBody: a string is required");
        QTest::addRow("email smtp ref missing")
            << withSteps(j("{'type': 'email', 'to': ['a@b.c'], 'subject': 's', 'textBody': 'b'}"))
            << QStringLiteral("flows[0].steps[0].smtpSecretRef: a non-empty string is required");
        QTest::addRow("email password")
            << withSteps("{" + email + j(", 'to': ['a@b.c'], 'password': 'hunter2'}"))
            << QStringLiteral("flows[0].steps[0].password: unknown field");

        const QByteArray http = j("'type': 'httpCall'");
        QTest::addRow("http method missing")
            << withSteps("{" + http + j(", 'url': 'https://e.example'}"))
            << QStringLiteral("flows[0].steps[0].method: one of GET, POST, PUT, PATCH, DELETE is required");
        QTest::addRow("http method lower case")
            << withSteps("{" + http + j(", 'method': 'post', 'url': 'https://e.example'}"))
            << QStringLiteral("flows[0].steps[0].method: one of GET");
        QTest::addRow("http url missing")
            << withSteps("{" + http + j(", 'method': 'POST'}"))
            << QStringLiteral("flows[0].steps[0].url: a non-empty string is required");
        QTest::addRow("http url ftp")
            << withSteps("{" + http + j(", 'method': 'POST', 'url': 'ftp://e.example'}"))
            << QStringLiteral("flows[0].steps[0].url: an http:// or https:// URL is required");
        QTest::addRow("http headers array")
            << withSteps("{" + http + j(", 'method': 'POST', 'url': 'https://e.example', 'headers': []}"))
            << QStringLiteral("flows[0].steps[0].headers: a JSON object is required");
        QTest::addRow("http header number")
            << withSteps("{" + http +
                         j(", 'method': 'POST', 'url': 'https://e.example', 'headers': {'X-Id': 1}}"))
            << QStringLiteral("flows[0].steps[0].headers.X-Id: a string is required");
        QTest::addRow("http authorization header")
            << withSteps("{" + http +
                         j(", 'method': 'POST', 'url': 'https://e.example', 'headers': {'Authorization': "
                           "'Bearer x'}}"))
            << QStringLiteral("flows[0].steps[0].headers.Authorization: headers that carry credentials");
        QTest::addRow("http api key header")
            << withSteps("{" + http +
                         j(", 'method': 'GET', 'url': 'https://e.example', 'headers': {'X-Api-Key': 'k'}}"))
            << QStringLiteral("flows[0].steps[0].headers.X-Api-Key: headers that carry credentials");
        QTest::addRow("http signing ref with spaces")
            << withSteps("{" + http +
                         j(", 'method': 'GET', 'url': 'https://e.example', 'signingSecretRef': 'my key'}"))
            << QStringLiteral(
                   "flows[0].steps[0].signingSecretRef: the name of a secret store entry is required");

        const QByteArray items = j("'type': 'getItems', 'entity': 'Customer'");
        QTest::addRow("getItems entity empty")
            << withSteps(j("{'type': 'getItems', 'entity': ''}"))
            << QStringLiteral("flows[0].steps[0].entity: a non-empty string is required");
        QTest::addRow("getItems filter number")
            << withSteps("{" + items + j(", 'filter': 1}"))
            << QStringLiteral("flows[0].steps[0].filter: a string is required");
        QTest::addRow("getItems select array")
            << withSteps("{" + items + j(", 'select': ['a']}"))
            << QStringLiteral("flows[0].steps[0].select: a string is required");
        QTest::addRow("getItems orderBy bool")
            << withSteps("{" + items + j(", 'orderBy': true}"))
            << QStringLiteral("flows[0].steps[0].orderBy: a string is required");
        QTest::addRow("getItems limit 0")
            << withSteps("{" + items + j(", 'limit': 0}"))
            << QStringLiteral("flows[0].steps[0].limit: a whole number from 1 to 10000 is required");
        QTest::addRow("getItems limit fraction") << withSteps("{" + items + j(", 'limit': 2.5}"))
                                                 << QStringLiteral("flows[0].steps[0].limit: a whole number");
        QTest::addRow("getItems limit too large")
            << withSteps("{" + items + j(", 'limit': 10001}"))
            << QStringLiteral("flows[0].steps[0].limit: a whole number");
        QTest::addRow("getItems limit string") << withSteps("{" + items + j(", 'limit': '10'}"))
                                               << QStringLiteral("flows[0].steps[0].limit: a whole number");
    }

    void invalid()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const FlowJson::Result result = FlowJson::parse(json);
        QVERIFY(!result.ok());
        QVERIFY(result.flows.isEmpty()); // all or nothing
        const QString errors = result.errors.join(u'\n');
        QVERIFY2(errors.contains(error), qPrintable(errors));
    }

    void valid_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("no flows") << QByteArray(j("{'version': 1, 'flows': []}"));
        QTest::addRow("any data source") << withTrigger(j("{'type': 'dataSourceRefreshFailed'}"));
        QTest::addRow("any data source, empty subject")
            << withTrigger(j("{'type': 'dataSourceRefreshSucceeded', 'subject': ''}"));
        QTest::addRow("measure negative threshold")
            << withTrigger(j("{'type': 'measureThresholdCrossed', 'subject': 'M', 'threshold': -2.5}"));
        QTest::addRow("segment zero threshold")
            << withTrigger(j("{'type': 'segmentThresholdCrossed', 'subject': 'S', 'threshold': 0}"));
        QTest::addRow("teams") << withSteps(
            j("{'type': 'teamsMessage', 'webhookSecretRef': 'teams.ops-1', 'text': '{{subject}}'}"));
        QTest::addRow("email html only")
            << withSteps(j("{'type': 'email', 'to': ['a@b.c', '{{owner}}'], 'subject': 's', 'htmlBody': "
                           "'<b>x</b>', 'smtpSecretRef': 'smtp'}"));
        QTest::addRow("http minimal")
            << withSteps(j("{'type': 'httpCall', 'method': 'DELETE', 'url': 'http://e.example/{{job.id}}'}"));
        QTest::addRow("http body array")
            << withSteps(j("{'type': 'httpCall', 'method': 'POST', 'url': 'https://e.example', 'body': [1, "
                           "'x'], 'headers': {'Content-Type': 'application/json', 'X-Source': 'insights'}}"));
        QTest::addRow("getItems limit 10000")
            << withSteps(j("{'type': 'getItems', 'entity': 'Customer', 'limit': 10000}"));
    }

    void valid()
    {
        QFETCH(QByteArray, json);
        const FlowJson::Result result = FlowJson::parse(json);
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
    }

    void reportsEveryError()
    {
        const FlowJson::Result result =
            FlowJson::parse(withFlows(j("{'name': '', 'trigger': {'type': 'x'}}, {'name': 'B', 'trigger': "
                                        "{'type': 'measureThresholdCrossed', 'subject': 'M', 'threshold': "
                                        "'1'}, 'steps': [{'type': 'getItems'}]}")));
        QCOMPARE(result.errors.size(), 4);
        QVERIFY(result.errors.at(0).startsWith(u"flows[0].name: "));
        QVERIFY(result.errors.at(1).startsWith(u"flows[0].trigger.type: "));
        QVERIFY(result.errors.at(2).startsWith(u"flows[1].trigger.threshold: "));
        QVERIFY(result.errors.at(3).startsWith(u"flows[1].steps[0].entity: "));
    }

    void defaults()
    {
        const FlowJson::Result result =
            FlowJson::parse(withTrigger(j("{'type': 'dataSourceRefreshFailed'}")));
        QVERIFY(result.ok());
        QCOMPARE(result.flows.size(), 1);
        const Flow &flow = result.flows.first();
        QCOMPARE(flow.name, QStringLiteral("F"));
        QVERIFY(flow.enabled);
        QVERIFY(flow.trigger.subject.isEmpty());
        QVERIFY(!flow.trigger.permanentFailuresOnly);
        QVERIFY(flow.steps.isEmpty());
        QCOMPARE(flow.id, 0);
    }

    void roundTrip()
    {
        QList<Flow> flows;
        for (TriggerKind kind : Trigger::allKinds())
            flows.append(flowOf(kind, Trigger::id(kind)));
        flows[0].trigger.permanentFailuresOnly = true;
        flows[1].enabled = false;
        flows[1].trigger.subject.clear();
        flows[4].trigger.includeManualRefreshes = true;
        flows[2].steps = {
            Step{StepKind::TeamsMessage,
                 {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams")},
                  {QStringLiteral("title"), QStringLiteral("{{trigger.name}}")},
                  {QStringLiteral("text"), QStringLiteral("{{subject}}: {{value}} > {{threshold}}")}}},
            Step{StepKind::Email,
                 {{QStringLiteral("to"), QJsonArray{QStringLiteral("ops@contoso.example")}},
                  {QStringLiteral("cc"),
                   QJsonArray{QStringLiteral("a@contoso.example"), QStringLiteral("b@contoso.example")}},
                  {QStringLiteral("subject"), QStringLiteral("Segment {{subject}}")},
                  {QStringLiteral("textBody"), QStringLiteral("Now {{value}}")},
                  {QStringLiteral("htmlBody"), QStringLiteral("<p>Now {{value}}</p>")},
                  {QStringLiteral("smtpSecretRef"), QStringLiteral("smtp-contoso")}}},
            Step{
                StepKind::HttpCall,
                {{QStringLiteral("method"), QStringLiteral("POST")},
                 {QStringLiteral("url"), QStringLiteral("https://hooks.contoso.example/ci")},
                 {QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-Source"), QStringLiteral("ci")}}},
                 {QStringLiteral("body"),
                  QJsonObject{{QStringLiteral("segment"), QStringLiteral("{{subject}}")},
                              {QStringLiteral("n"), 3}}},
                 {QStringLiteral("signingSecretRef"), QStringLiteral("hmac")}}},
            Step{StepKind::GetItems,
                 {{QStringLiteral("entity"), QStringLiteral("Customer")},
                  {QStringLiteral("filter"), QStringLiteral("Country eq 'RO'")},
                  {QStringLiteral("select"), QStringLiteral("CustomerId,Email")},
                  {QStringLiteral("orderBy"), QStringLiteral("Email desc")},
                  {QStringLiteral("limit"), 250}}},
        };
        const QByteArray json = FlowJson::serialize(flows);
        const FlowJson::Result result = FlowJson::parse(json);
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.flows, flows);
        QCOMPARE(FlowJson::serialize(result.flows), json);

        // Only the parameters of the trigger's kind are written.
        const QJsonObject full =
            QJsonDocument::fromJson(json).object().value(u"flows").toArray().at(4).toObject();
        QCOMPARE(full.value(u"trigger").toObject().keys(),
                 (QStringList{QStringLiteral("includeManualRefreshes"), QStringLiteral("type")}));
    }

    void exportWritesOnlyKnownParameters()
    {
        Flow flow = flowOf(TriggerKind::UnificationRefreshCompleted, QStringLiteral("U"));
        flow.steps.append(Step{StepKind::TeamsMessage,
                               {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams")},
                                {QStringLiteral("text"), QStringLiteral("t")},
                                {QStringLiteral("webhookUrl"), QStringLiteral("https://secret.example/x")}}});
        const QByteArray json = FlowJson::serialize({flow});
        QVERIFY(!json.contains("secret.example"));
        QVERIFY(json.contains("\"webhookSecretRef\": \"teams\""));
        // The editor hears about the stray parameter.
        const QStringList errors = FlowJson::validate(flow);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(u"steps[0].webhookUrl: unknown field"),
                 qPrintable(errors.first()));
    }

    void validateFlow()
    {
        Flow flow = flowOf(TriggerKind::SegmentThresholdCrossed, QStringLiteral("S"));
        QVERIFY(FlowJson::validate(flow).isEmpty());
        flow.trigger.subject.clear();
        flow.name = QStringLiteral(" ");
        QCOMPARE(FlowJson::validate(flow),
                 (QStringList{QStringLiteral("name: a non-empty string is required"),
                              QStringLiteral("trigger.subject: a non-empty string is required")}));
    }

    void fileRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("flows.json"));
        const QList<Flow> flows{flowOf(TriggerKind::MeasureThresholdCrossed, QStringLiteral("M"))};
        QString error;
        QVERIFY(FlowJson::writeFile(path, flows, &error));
        const FlowJson::Result result = FlowJson::readFile(path);
        QVERIFY(result.ok());
        QCOMPARE(result.flows, flows);

        const FlowJson::Result missing = FlowJson::readFile(dir.filePath(QStringLiteral("nope.json")));
        QCOMPARE(missing.errors.size(), 1);
        QVERIFY(missing.errors.first().startsWith(u"Cannot read "));
        QVERIFY(!FlowJson::writeFile(dir.filePath(QStringLiteral("no/such/dir/x.json")), flows, &error));
        QVERIFY(error.startsWith(u"Cannot write "));
    }

    void exampleImportsCleanly()
    {
        const FlowJson::Result result =
            FlowJson::readFile(QStringLiteral(EXAMPLES_DIR "/flows-all-triggers.json"));
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.flows.size(), Trigger::allKinds().size());
        QList<TriggerKind> kinds;
        for (const Flow &flow : result.flows) {
            QVERIFY(flow.enabled);
            kinds.append(flow.trigger.kind);
        }
        QCOMPARE(kinds, Trigger::allKinds()); // one per trigger, in the documented order
        QCOMPARE(result.flows.at(2).trigger.subject, QStringLiteral("HighValueCustomers"));
        QCOMPARE(result.flows.at(3).trigger.subject, QStringLiteral("TotalRevenue"));
    }
};

QTEST_GUILESS_MAIN(TestFlowJson)
#include "tst_flowjson.moc"
