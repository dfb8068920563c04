#include "stepstesthelpers.h"
#include "teamsstep.h"

#include <QJsonArray>
#include <QNetworkAccessManager>

// TeamsStep against the sandbox's Teams sink (POST /sandbox/teams/{channel}).
class TestTeamsStep : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    EmbeddedSandbox m_sandbox;

    StepInput input(const QString &webhookUrl, const QString &text)
    {
        StepInput in;
        in.step = makeStep(StepKind::TeamsMessage,
                           {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams-marketing")},
                            {QStringLiteral("title"), QStringLiteral("{{trigger.name}}")},
                            {QStringLiteral("text"), text}});
        in.firingId = QStringLiteral("firing-1");
        in.context = TemplateContext::fromFiring(sampleFiring(), QStringLiteral("Contoso Retail"));
        in.context.items = {QJsonObject{{QStringLiteral("CustomerId"), QStringLiteral("C1")},
                                        {QStringLiteral("Name"), QStringLiteral("Ann")}},
                            QJsonObject{{QStringLiteral("CustomerId"), QStringLiteral("C2")},
                                        {QStringLiteral("Name"), QStringLiteral("Bo")}}};
        in.context.hasItems = true;
        in.secrets.insert(QStringLiteral("teams-marketing"), webhookUrl);
        in.network = &m_network;
        return in;
    }

private slots:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void postsAnAdaptiveCardToTheChannel()
    {
        QUrl webhook = m_sandbox.baseUrl();
        webhook.setPath(QStringLiteral("/sandbox/teams/marketing"));
        const StepOutcome outcome = runAction(
            input(webhook.toString(),
                  QStringLiteral(
                      "{{subject}} has {{value}} members. First ones:{{items}}That is {{items.count}}.")));
        QVERIFY2(outcome.result == StepOutcome::Result::Succeeded, qPrintable(outcome.detail));
        QCOMPARE(outcome.status, 200);
        QVERIFY(!outcome.detail.contains(webhook.toString()));

        const QJsonArray teams = sandboxOutbox(m_sandbox).value(u"teams").toArray();
        QCOMPARE(teams.size(), 1);
        QCOMPARE(teams.at(0).toObject().value(u"channel").toString(), u"marketing");
        const QJsonObject message = teams.at(0).toObject().value(u"message").toObject();
        QCOMPARE(message.value(u"type").toString(), u"message");
        QVERIFY(!message.value(u"summary").toString().isEmpty());
        const QJsonObject attachment = message.value(u"attachments").toArray().at(0).toObject();
        QCOMPARE(attachment.value(u"contentType").toString(), u"application/vnd.microsoft.card.adaptive");
        const QJsonObject card = attachment.value(u"content").toObject();
        QCOMPARE(card.value(u"type").toString(), u"AdaptiveCard");
        const QJsonArray body = card.value(u"body").toArray();
        QCOMPARE(body.at(0).toObject().value(u"text").toString(), u"Segment threshold crossed");
        QCOMPARE(body.at(1).toObject().value(u"text").toString(),
                 u"HighValueCustomers has 1251 members. First ones:");
        const QJsonObject table = body.at(2).toObject();
        QCOMPARE(table.value(u"type").toString(), u"Table");
        QCOMPARE(table.value(u"rows").toArray().size(), 3); // header + 2 rows
        QCOMPARE(body.at(3).toObject().value(u"text").toString(), u"That is 2.");
        const QJsonArray facts = body.at(4).toObject().value(u"facts").toArray();
        QStringList titles;
        for (const QJsonValue &fact : facts)
            titles << fact.toObject().value(u"title").toString();
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("Flow"), QStringLiteral("Trigger"), QStringLiteral("Subject"),
                              QStringLiteral("Value"), QStringLiteral("Threshold"), QStringLiteral("Time")}));
        QCOMPARE(facts.at(5).toObject().value(u"value").toString(), u"2026-11-24T09:00:00Z");
    }

    void aSummaryHasNoLinks()
    {
        TemplateContext context;
        context.flowName = QStringLiteral("See https://evil.example/x");
        context.triggerName = QStringLiteral("T");
        QVERIFY(!TeamsStep::summary(context).contains(u"https://"));
    }

    void aMissingChannelFails()
    {
        QUrl webhook = m_sandbox.baseUrl();
        webhook.setPath(QStringLiteral("/sandbox/nothing-here"));
        const StepOutcome outcome = runAction(input(webhook.toString(), QStringLiteral("x")));
        QCOMPARE(outcome.result, StepOutcome::Result::Permanent);
        QCOMPARE(outcome.status, 404);
    }

    void aSecretThatIsNoUrlFails()
    {
        const StepOutcome outcome = runAction(input(QStringLiteral("not a url"), QStringLiteral("x")));
        QCOMPARE(outcome.result, StepOutcome::Result::Permanent);
        QVERIFY(outcome.detail.contains(u"teams-marketing"));
    }
};

QTEST_GUILESS_MAIN(TestTeamsStep)
#include "tst_teamsstep.moc"
