#include "emailstep.h"
#include "mimemessage.h"
#include "smtptestserver.h"
#include "stepstesthelpers.h"

#include <QJsonArray>
#include <QThreadPool>

// EmailStep: the message it builds from a step, sent through the sandbox's SMTP sink and through aiosmtpd
// (STARTTLS, AUTH), and its failures as the runner sees them.
class TestEmailStep : public QObject
{
    Q_OBJECT

private:
    EmbeddedSandbox m_sandbox;
    QThreadPool m_pool;
    QTemporaryDir m_dir;
    SmtpSettings m_smtp;

    StepInput input(const QJsonObject &extra = {}, const QString &secret = QStringLiteral("any-password"))
    {
        QJsonObject parameters{
            {QStringLiteral("to"), QJsonArray{QStringLiteral("owner@contoso.example")}},
            {QStringLiteral("cc"), QJsonArray{QStringLiteral("Team <team@contoso.example>")}},
            {QStringLiteral("subject"), QStringLiteral("Segmentul {{subject}} a depășit {{threshold}}")},
            {QStringLiteral("textBody"), QStringLiteral("{{subject}}: {{value}}\n{{items}}")},
            {QStringLiteral("htmlBody"), QStringLiteral("<p>{{flow.name}}</p>{{items}}")},
            {QStringLiteral("smtpSecretRef"), QStringLiteral("smtp-main")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            parameters.insert(it.key(), it.value());
        StepInput in;
        in.step = makeStep(StepKind::Email, parameters);
        in.firingId = QStringLiteral("firing-1");
        Firing firing = sampleFiring();
        firing.flowName = QStringLiteral("Owners & <friends>");
        in.context = TemplateContext::fromFiring(firing, QStringLiteral("Contoso Retail"));
        in.context.items = {QJsonObject{{QStringLiteral("CustomerId"), QStringLiteral("C<1>")}}};
        in.context.hasItems = true;
        in.secrets.insert(QStringLiteral("smtp-main"), secret);
        in.smtp = &m_smtp;
        in.blockingPool = &m_pool;
        return in;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(m_dir.isValid());
        QVERIFY(SmtpTestServer::makeCertificate(m_dir));
    }

    void init()
    {
        m_smtp = SmtpSettings();
        m_smtp.host = QStringLiteral("127.0.0.1");
        m_smtp.port = m_sandbox.smtpPort();
        m_smtp.security = SmtpSettings::Security::None;
        m_smtp.user = QStringLiteral("mailer");
        m_smtp.from = QStringLiteral("Insights Admin <insights@contoso.example>");
        m_smtp.timeout = std::chrono::seconds(20);
    }

    void sendsThroughTheSandboxSink()
    {
        const StepOutcome outcome = runAction(input());
        QVERIFY2(outcome.result == StepOutcome::Result::Succeeded, qPrintable(outcome.detail));
        QCOMPARE(outcome.status, 250);
        const QJsonArray emails = sandboxOutbox(m_sandbox).value(u"emails").toArray();
        QCOMPARE(emails.size(), 1);
        const QJsonObject email = emails.at(0).toObject();
        QCOMPARE(email.value(u"from").toString(), u"insights@contoso.example");
        QCOMPARE(email.value(u"to").toArray().size(), 2);
        const QByteArray data = email.value(u"data").toString().toUtf8();
        QVERIFY(data.contains("\r\nSubject: =?UTF-8?B?"));
        QVERIFY(data.contains("\r\nFrom: \"Insights Admin\" <insights@contoso.example>\r\n"));
        QVERIFY(data.contains("Content-Type: multipart/alternative"));
        QVERIFY(data.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(data.contains("\r\nMessage-ID: <"));
        QVERIFY(data.startsWith("Date: "));
    }

    void rendersEscapedHtmlAndPlainText()
    {
        QString error;
        const std::optional<MimeMessage> message =
            EmailStep::message(input().step.parameters, input().context, m_smtp.from, &error);
        QVERIFY2(message, qPrintable(error));
        QCOMPARE(message->subject, u"Segmentul HighValueCustomers a depășit 1250");
        QVERIFY(message->htmlBody.startsWith(u"<p>Owners &amp; &lt;friends&gt;</p><table"));
        QVERIFY(message->htmlBody.contains(u"<td>C&lt;1&gt;</td>"));
        QCOMPARE(message->textBody, u"HighValueCustomers: 1251\nCustomerId\nC<1>");
        QCOMPARE(message->cc.constFirst().name, u"Team");
    }

    void sendsOverStartTlsWithAuthentication()
    {
        SmtpTestServer server;
        QVERIFY(server.start({QStringLiteral("--security"), QStringLiteral("starttls"),
                              QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("cert.pem")),
                              QStringLiteral("--key"), m_dir.filePath(QStringLiteral("key.pem")),
                              QStringLiteral("--user"), QStringLiteral("mailer:right")}));
        // The secret store entry carries the whole server here.
        const QString secret =
            QStringLiteral(R"({"host":"127.0.0.1","port":%1,"security":"starttls","password":"right"})")
                .arg(server.port());
        m_smtp.caFile = m_dir.filePath(QStringLiteral("cert.pem"));
        const StepOutcome outcome = runAction(input({}, secret));
        QVERIFY2(outcome.result == StepOutcome::Result::Succeeded, qPrintable(outcome.detail));
        QTRY_COMPARE(server.messages().size(), 1);
        QVERIFY(server.messages().constFirst().value(u"tls").toBool());
        QCOMPARE(server.messages().constFirst().value(u"subject").toString(),
                 u"Segmentul HighValueCustomers a depășit 1250");

        const StepOutcome refused =
            runAction(input({}, QString(secret).replace(QStringLiteral("right"), QStringLiteral("wrong"))));
        QCOMPARE(refused.result, StepOutcome::Result::Permanent);
        QCOMPARE(refused.status, 535);
        QVERIFY2(refused.detail.contains(u"authentication failed"), qPrintable(refused.detail));
    }

    void badAddressesFailAtOnce()
    {
        const StepOutcome outcome =
            runAction(input({{QStringLiteral("to"), QJsonArray{QStringLiteral("not an address")}}}));
        QCOMPARE(outcome.result, StepOutcome::Result::Permanent);
        QVERIFY(outcome.detail.contains(u"not an address"));
        m_smtp.host.clear();
        QCOMPARE(runAction(input()).result, StepOutcome::Result::Permanent);
    }

    void anUnreachableServerIsRetryable()
    {
        m_smtp.port = 1;
        QCOMPARE(runAction(input()).result, StepOutcome::Result::Retryable);
    }
};

QTEST_GUILESS_MAIN(TestEmailStep)
#include "tst_emailstep.moc"
