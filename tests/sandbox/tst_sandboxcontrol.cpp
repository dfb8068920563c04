// SandboxControl against a real EmbeddedSandbox: "Fail a refresh now" makes the scenario fail one data source
// after the other, and what the sinks received comes back as deliveries: a Teams card posted to the channel
// URL it names, and an email sent by the app's own SMTP client and MIME writer to the sink it names.
#include "embeddedsandbox.h"
#include "httptestclient.h"
#include "mimemessage.h"
#include "sandboxcontrol.h"
#include "smtpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class tst_SandboxControl : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void teamsChannelAndMailServerAreTheSinks();
    void failRefreshNowFailsEachDataSourceInTurn();
    void deliveriesOfBothSinksInTheirTimeRange();
    void aStoppedSandboxIsAProblemInWords();
    void parseOutboxKeepsEveryTextBlock();

private:
    std::unique_ptr<EmbeddedSandbox> m_sandbox;
    QNetworkAccessManager m_network;
};

void tst_SandboxControl::init()
{
    SandboxOptions options;
    options.speed = 0; // no scheduled refreshes: only what the test asks for
    m_sandbox = std::make_unique<EmbeddedSandbox>(options);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void tst_SandboxControl::cleanup()
{
    m_sandbox.reset();
}

void tst_SandboxControl::teamsChannelAndMailServerAreTheSinks()
{
    SandboxControl control(&m_network, m_sandbox->baseUrl(), m_sandbox->smtpPort());
    QCOMPARE(control.teamsChannelUrl().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(control.teamsChannelUrl().port(), m_sandbox->baseUrl().port());
    QCOMPARE(control.teamsChannelUrl().path(), QStringLiteral("/sandbox/teams/general"));
    QCOMPARE(control.smtpPort(), m_sandbox->smtpPort());
    QCOMPARE(SandboxControl::smtpHost(), QStringLiteral("127.0.0.1"));
}

void tst_SandboxControl::failRefreshNowFailsEachDataSourceInTurn()
{
    SandboxControl control(&m_network, m_sandbox->baseUrl(), m_sandbox->smtpPort());
    QSignalSpy failing(&control, &SandboxControl::refreshFailing);
    QSignalSpy problems(&control, &SandboxControl::problem);
    QStringList sources;
    for (int i = 0; i < 3; ++i) {
        control.failRefreshNow();
        QVERIFY(failing.wait());
        sources << failing.takeFirst().at(0).toString();
    }
    QCOMPARE(problems.count(), 0);
    QCOMPARE(sources, (QStringList{QStringLiteral("ECommerce"), QStringLiteral("LoyaltyProgram"),
                                   QStringLiteral("PosTransactions")}));

    // The scenario runs them: each ends as a failed ingestion task of its data source.
    HttpTestClient http;
    QUrl events = m_sandbox->baseUrl();
    events.setPath(QStringLiteral("/sandbox/control/events"));
    events.setQuery(QStringLiteral("after=0&limit=1000"));
    QStringList failed;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            failed.clear();
            const QJsonObject page = QJsonDocument::fromJson(http.get(events).body).object();
            for (const QJsonValue &event : page.value(QLatin1String("events")).toArray()) {
                const QJsonObject e = event.toObject();
                if (e.value(QLatin1String("type")).toString() == QLatin1String("taskEnded") &&
                    e.value(QLatin1String("status")).toString() == QLatin1String("failed"))
                    failed << e.value(QLatin1String("dataSource")).toString();
            }
            failed.sort();
            return failed == sources;
        }(),
        15000);
}

void tst_SandboxControl::deliveriesOfBothSinksInTheirTimeRange()
{
    SandboxControl control(&m_network, m_sandbox->baseUrl(), m_sandbox->smtpPort());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    // A card as the Teams step posts it: a title block and a text block in an Adaptive Card attachment.
    const QJsonObject card{
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("attachments"),
         QJsonArray{QJsonObject{
             {QStringLiteral("contentType"), QStringLiteral("application/vnd.microsoft.card.adaptive")},
             {QStringLiteral("content"),
              QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
                  {QStringLiteral("body"),
                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                                          {QStringLiteral("text"), QStringLiteral("Refresh failed")}},
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                                          {QStringLiteral("text"), QStringLiteral("LoyaltyProgram")}}}}}}}}}};
    HttpTestClient http;
    QCOMPARE(http.postJson(control.teamsChannelUrl(), card).status, 200);

    // An email through the app's own client and MIME writer, to the mail server SandboxControl names.
    MimeMessage message;
    message.from = *MailAddress::parse(SandboxControl::mailFrom());
    message.to = {*MailAddress::parse(u"data-owners@contoso.example")};
    message.subject = QStringLiteral("Segment ChurnRisk crossed 900 — über");
    message.textBody = QStringLiteral("ChurnRisk has 950 members.");
    message.htmlBody = QStringLiteral("<p>ChurnRisk has <b>950</b> members.</p>");
    SmtpSettings smtp;
    smtp.host = SandboxControl::smtpHost();
    smtp.port = control.smtpPort();
    smtp.security = SmtpSettings::Security::None;
    const SmtpResult sent =
        SmtpClient::send(smtp, {}, SandboxControl::mailFrom(),
                         {QStringLiteral("data-owners@contoso.example")}, message.toBytes());
    QVERIFY2(sent.ok(), qPrintable(sent.message()));
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    QList<SandboxControl::Delivery> deliveries;
    bool answered = false;
    control.readDeliveries(before, after, this, [&](const QList<SandboxControl::Delivery> &list) {
        deliveries = list;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(deliveries.size(), 2);
    QCOMPARE(deliveries.at(0).kind, SandboxControl::Delivery::Kind::TeamsMessage);
    QCOMPARE(deliveries.at(0).recipient, QStringLiteral("general"));
    QCOMPARE(deliveries.at(0).title, QStringLiteral("Refresh failed"));
    QCOMPARE(deliveries.at(0).text, QStringLiteral("LoyaltyProgram"));
    QCOMPARE(deliveries.at(1).kind, SandboxControl::Delivery::Kind::Email);
    QCOMPARE(deliveries.at(1).recipient, QStringLiteral("data-owners@contoso.example"));
    QCOMPARE(deliveries.at(1).title, message.subject);
    QCOMPARE(deliveries.at(1).text, message.textBody);

    // Outside the range: nothing.
    answered = false;
    control.readDeliveries(after, after.addSecs(60), this, [&](const QList<SandboxControl::Delivery> &list) {
        deliveries = list;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QVERIFY(deliveries.isEmpty());
}

void tst_SandboxControl::aStoppedSandboxIsAProblemInWords()
{
    const QUrl baseUrl = m_sandbox->baseUrl();
    m_sandbox.reset();
    SandboxControl control(&m_network, baseUrl, 0);
    QSignalSpy problems(&control, &SandboxControl::problem);
    control.failRefreshNow();
    QVERIFY(problems.wait());
    QVERIFY2(problems.first().at(0).toString().contains(QLatin1String("Restart Insights Admin")),
             qPrintable(problems.first().at(0).toString()));
    bool answered = false;
    control.readDeliveries({}, {}, this, [&](const QList<SandboxControl::Delivery> &) { answered = true; });
    QVERIFY(problems.wait());
    QVERIFY(!answered);
}

void tst_SandboxControl::parseOutboxKeepsEveryTextBlock()
{
    const QByteArray outbox = R"({"teams":[{"channel":"ops","receivedAt":"2026-12-04T10:00:01.000Z","message":
        {"attachments":[{"content":{"body":[{"type":"Container","items":[{"type":"TextBlock","text":"A"},
        {"type":"ColumnSet","columns":[{"items":[{"type":"TextBlock","text":"B"}]}]}]},
        {"type":"TextBlock","text":"C"}]}}]}}],
        "emails":[{"to":["a@x.example","b@x.example"],"subject":"=?UTF-8?B?w7xiZXI=?= plain",
        "receivedAt":"2026-12-04T10:00:00.000Z","data":"Subject: x\r\n\r\nno parts"}]})";
    const QList<SandboxControl::Delivery> deliveries = SandboxControl::parseOutbox(outbox);
    QCOMPARE(deliveries.size(), 2);
    QCOMPARE(deliveries.at(0).kind, SandboxControl::Delivery::Kind::Email); // oldest first
    QCOMPARE(deliveries.at(0).recipient, QStringLiteral("a@x.example, b@x.example"));
    QCOMPARE(deliveries.at(0).title, QStringLiteral("über plain"));
    QCOMPARE(deliveries.at(0).text, QString());
    QCOMPARE(deliveries.at(1).title, QStringLiteral("A"));
    QCOMPARE(deliveries.at(1).text, QStringLiteral("B\nC"));
    QVERIFY(SandboxControl::parseOutbox("not json").isEmpty());
}

QTEST_GUILESS_MAIN(tst_SandboxControl)
#include "tst_sandboxcontrol.moc"
