#include "templateengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestTemplateEngine : public QObject
{
    Q_OBJECT

private:
    static TemplateContext context()
    {
        Firing firing;
        firing.flowName = QStringLiteral("High <value> & \"friends\"");
        firing.trigger = TriggerKind::SegmentThresholdCrossed;
        firing.subject = QStringLiteral("HighValueCustomers");
        firing.value = 1251;
        firing.previousValue = 1249.5;
        firing.threshold = 1250;
        firing.jobId = QStringLiteral("job-7");
        firing.occurredAt = QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC);
        firing.payload = {{QStringLiteral("dataSourceName"), QStringLiteral("PosTransactions")}};
        TemplateContext result = TemplateContext::fromFiring(firing, QStringLiteral("Contoso Retail"));
        result.items = {
            QJsonObject{{QStringLiteral("Name"), QStringLiteral("Ann <b>")}, {QStringLiteral("Id"), 1}},
            QJsonObject{{QStringLiteral("Name"), QStringLiteral("Bo \"B\"")}, {QStringLiteral("Id"), 2}}};
        result.hasItems = true;
        return result;
    }

private slots:
    void everyPlaceholderIsFilled_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("flow") << "{{flow.name}}"
                              << "High <value> & \"friends\"";
        QTest::addRow("trigger") << "{{trigger.name}}"
                                 << "Segment threshold crossed";
        QTest::addRow("subject, spaces inside") << "{{ subject }}!"
                                                << "HighValueCustomers!";
        QTest::addRow("numbers") << "{{value}}/{{previousValue}}/{{threshold}}"
                                 << "1251/1249.5/1250";
        QTest::addRow("data source") << "{{dataSource.name}}"
                                     << "PosTransactions";
        QTest::addRow("job") << "{{job.id}}"
                             << "job-7";
        QTest::addRow("time") << "{{firedAt}}"
                              << "2026-11-24T09:30:00Z";
        QTest::addRow("instance") << "{{instance.name}}"
                                  << "Contoso Retail";
        QTest::addRow("count") << "{{items.count}} rows"
                               << "2 rows";
        QTest::addRow("items as text") << "{{items}}"
                                       << "Id | Name\n1 | Ann <b>\n2 | Bo \"B\"";
        QTest::addRow("unknown kept") << "a {{nope}} b"
                                      << "a {{nope}} b";
        QTest::addRow("unterminated kept") << "a {{subject"
                                           << "a {{subject";
    }

    void everyPlaceholderIsFilled()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(TemplateEngine::render(text, context(), TemplateEngine::Mode::Text), expected);
    }

    void htmlEscapesValuesAndRendersItemsAsATable()
    {
        const QString html =
            TemplateEngine::render(u"<p>{{flow.name}}</p>{{items}}", context(), TemplateEngine::Mode::Html);
        QVERIFY(html.startsWith(u"<p>High &lt;value&gt; &amp; &quot;friends&quot;</p><table"));
        QVERIFY(html.contains(u"<th>Id</th><th>Name</th>"));
        QVERIFY(html.contains(u"<td>1</td><td>Ann &lt;b&gt;</td>"));
        QVERIFY(html.contains(u"<td>Bo &quot;B&quot;</td>"));
        QVERIFY(!html.contains(u"<b>"));
    }

    void jsonEscapesForAStringLiteral()
    {
        const QString json =
            TemplateEngine::render(u"{\"flow\":\"{{flow.name}}\"}", context(), TemplateEngine::Mode::Json);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(u"flow").toString(), context().flowName);
    }

    void urlPercentEncodes()
    {
        QCOMPARE(TemplateEngine::render(u"https://x.example/?f={{flow.name}}", context(),
                                        TemplateEngine::Mode::Url),
                 QStringLiteral("https://x.example/?f=High%20%3Cvalue%3E%20%26%20%22friends%22"));
    }

    void jsonBodyGetsTypedValues()
    {
        const QJsonObject body{{QStringLiteral("rows"), QStringLiteral("{{items}}")},
                               {QStringLiteral("count"), QStringLiteral("{{items.count}}")},
                               {QStringLiteral("value"), QStringLiteral("{{value}}")},
                               {QStringLiteral("text"), QStringLiteral("{{subject}} at {{value}}")},
                               {QStringLiteral("nested"), QJsonArray{QStringLiteral("{{flow.name}}")}}};
        const QJsonObject rendered = TemplateEngine::renderJson(body, context()).toObject();
        QCOMPARE(rendered.value(u"rows").toArray().size(), 2);
        QCOMPARE(rendered.value(u"rows").toArray().at(0).toObject().value(u"Name").toString(), u"Ann <b>");
        QCOMPARE(rendered.value(u"count").toInteger(), 2);
        QCOMPARE(rendered.value(u"value").toDouble(), 1251.0);
        QCOMPARE(rendered.value(u"text").toString(), u"HighValueCustomers at 1251");
        QCOMPARE(rendered.value(u"nested").toArray().at(0).toString(), context().flowName);
    }

    void validateListsUnknownPlaceholders()
    {
        QCOMPARE(TemplateEngine::validate(u"{{subject}} {{subjct}} {{ items.cout }} {{subjct}}"),
                 (QStringList{QStringLiteral("{{subjct}}"), QStringLiteral("{{ items.cout }}")}));
        QVERIFY(TemplateEngine::validate(u"{{flow.name}} {{items}} no braces").isEmpty());
        QCOMPARE(TemplateEngine::validateJson(
                     QJsonObject{{QStringLiteral("a"), QJsonArray{QStringLiteral("{{x}}")}}}),
                 QStringList{QStringLiteral("{{x}}")});
        QCOMPARE(TemplateEngine::placeholders().size(), 12);
    }

    void splitAtItems()
    {
        QCOMPARE(TemplateEngine::splitAtItems(u"a {{items}} b {{ items }}"),
                 (QStringList{QStringLiteral("a "), QStringLiteral(" b "), QString()}));
        QCOMPARE(TemplateEngine::splitAtItems(u"{{items.count}}"),
                 QStringList{QStringLiteral("{{items.count}}")});
    }

    void dataSourceFallsBackToTheSubject()
    {
        Firing firing;
        firing.trigger = TriggerKind::DataSourceRefreshFailed;
        firing.subject = QStringLiteral("LoyaltyProgram");
        firing.detectedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        const TemplateContext context = TemplateContext::fromFiring(firing);
        QCOMPARE(context.dataSourceName, u"LoyaltyProgram");
        QCOMPARE(context.firedAt, u"2026-01-02T03:04:05Z");
        QVERIFY(context.value.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTemplateEngine)
#include "tst_templateengine.moc"
