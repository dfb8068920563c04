#include "mimemessage.h"
#include "smtpclient.h"
#include "smtptestserver.h"

#include <QJsonArray>
#include <QTest>

// SmtpClient (libcurl) against a real aiosmtpd server on 127.0.0.1: plain, STARTTLS and SMTPS with a
// certificate made for the test, AUTH PLAIN and LOGIN, and the failures a user must understand.
class TestSmtpClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QByteArray message(const QString &subject)
    {
        MimeMessage mail;
        mail.from = *MailAddress::parse(u"Insights <bot@contoso.example>");
        mail.to = {*MailAddress::parse(u"owner@contoso.example")};
        mail.cc = {*MailAddress::parse(u"team@contoso.example")};
        mail.subject = subject;
        mail.textBody = QStringLiteral("Plain ă");
        mail.htmlBody = QStringLiteral("<p>Rich ă</p>");
        return mail.toBytes();
    }

    SmtpSettings settings(SmtpSettings::Security security, quint16 port) const
    {
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.security = security;
        settings.caFile = m_dir.filePath(QStringLiteral("cert.pem"));
        settings.timeout = std::chrono::seconds(20);
        return settings;
    }

    QStringList serverArguments(const QString &security) const
    {
        return {QStringLiteral("--security"), security,
                QStringLiteral("--cert"),     m_dir.filePath(QStringLiteral("cert.pem")),
                QStringLiteral("--key"),      m_dir.filePath(QStringLiteral("key.pem")),
                QStringLiteral("--user"),     QStringLiteral("mailer:s3cret pass"),
                QStringLiteral("--refuse"),   QStringLiteral("nobody@contoso.example")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(SmtpTestServer::makeCertificate(m_dir));
    }

    void sends_data()
    {
        QTest::addColumn<QString>("security");
        QTest::addColumn<SmtpSettings::Security>("mode");
        QTest::addColumn<SmtpSettings::Auth>("auth");
        QTest::addColumn<bool>("tls");
        QTest::addRow("plain, AUTH PLAIN")
            << "none" << SmtpSettings::Security::None << SmtpSettings::Auth::Plain << false;
        QTest::addRow("STARTTLS, AUTH LOGIN")
            << "starttls" << SmtpSettings::Security::StartTls << SmtpSettings::Auth::Login << true;
        QTest::addRow("SMTPS, automatic")
            << "smtps" << SmtpSettings::Security::Smtps << SmtpSettings::Auth::Automatic << true;
    }

    void sends()
    {
        QFETCH(QString, security);
        QFETCH(SmtpSettings::Security, mode);
        QFETCH(SmtpSettings::Auth, auth);
        QFETCH(bool, tls);
        SmtpTestServer server;
        QVERIFY(server.start(serverArguments(security)));
        SmtpSettings smtp = settings(mode, server.port());
        smtp.user = QStringLiteral("mailer");
        smtp.auth = auth;
        const QString subject = QStringLiteral("Pragul a fost depășit — {{ok}} ✓");
        const SmtpResult result = SmtpClient::send(
            smtp, QStringLiteral("s3cret pass"), QStringLiteral("bot@contoso.example"),
            {QStringLiteral("owner@contoso.example"), QStringLiteral("team@contoso.example")},
            message(subject));
        QVERIFY2(result.ok(), qPrintable(result.message()));
        QCOMPARE(result.replyCode, 250);
        QTRY_COMPARE(server.messages().size(), 1);
        const QJsonObject received = server.messages().constFirst();
        QCOMPARE(received.value(u"mailFrom").toString(), u"bot@contoso.example");
        QCOMPARE(received.value(u"rcptTos").toArray().size(), 2);
        QCOMPARE(received.value(u"login").toString(), u"mailer");
        QCOMPARE(received.value(u"tls").toBool(), tls);
        QCOMPARE(received.value(u"subject").toString(), subject);
        const QJsonObject headers = received.value(u"headers").toObject();
        QVERIFY(headers.value(u"Subject").toString().startsWith(u"=?UTF-8?B?"));
        QVERIFY(headers.value(u"Date").toString().endsWith(u"+0000"));
        QVERIFY(headers.value(u"Message-ID").toString().endsWith(u"@contoso.example>"));
        QCOMPARE(headers.value(u"From").toString(), u"\"Insights\" <bot@contoso.example>");
        QCOMPARE(headers.value(u"Cc").toString(), u"<team@contoso.example>");
        const QJsonArray parts = received.value(u"parts").toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).toObject().value(u"contentType").toString(), u"text/plain");
        QCOMPARE(parts.at(0).toObject().value(u"text").toString().trimmed(), u"Plain ă");
        QCOMPARE(parts.at(1).toObject().value(u"contentType").toString(), u"text/html");
        QCOMPARE(parts.at(1).toObject().value(u"text").toString().trimmed(), u"<p>Rich ă</p>");
    }

    void authenticationFailureIsClear()
    {
        SmtpTestServer server;
        QVERIFY(server.start(serverArguments(QStringLiteral("starttls"))));
        SmtpSettings smtp = settings(SmtpSettings::Security::StartTls, server.port());
        smtp.user = QStringLiteral("mailer");
        const SmtpResult result =
            SmtpClient::send(smtp, QStringLiteral("wrong"), QStringLiteral("bot@contoso.example"),
                             {QStringLiteral("owner@contoso.example")}, message(QStringLiteral("x")));
        QCOMPARE(result.error, SmtpResult::Error::Authentication);
        QVERIFY(!result.isTemporary());
        QCOMPARE(result.replyCode, 535);
        QVERIFY2(result.message().contains(u"authentication failed"), qPrintable(result.message()));
        QVERIFY(!result.message().contains(u"wrong"));
        QVERIFY(server.messages().isEmpty());
    }

    void refusedRecipientIsNamed()
    {
        SmtpTestServer server;
        QVERIFY(server.start(serverArguments(QStringLiteral("none"))));
        SmtpSettings smtp = settings(SmtpSettings::Security::None, server.port());
        smtp.user = QStringLiteral("mailer");
        const SmtpResult result = SmtpClient::send(
            smtp, QStringLiteral("s3cret pass"), QStringLiteral("bot@contoso.example"),
            {QStringLiteral("owner@contoso.example"), QStringLiteral("nobody@contoso.example")},
            message(QStringLiteral("x")));
        QCOMPARE(result.error, SmtpResult::Error::RecipientRefused);
        QCOMPARE(result.recipient, u"nobody@contoso.example");
        QCOMPARE(result.replyCode, 550);
        QVERIFY(!result.isTemporary());
        QVERIFY2(result.message().startsWith(u"recipient refused: nobody@contoso.example (550"),
                 qPrintable(result.message()));
        QVERIFY(server.messages().isEmpty());
    }

    void untrustedCertificateIsRefused()
    {
        SmtpTestServer server;
        QVERIFY(server.start(serverArguments(QStringLiteral("smtps"))));
        SmtpSettings smtp = settings(SmtpSettings::Security::Smtps, server.port());
        smtp.caFile.clear(); // the system's CAs do not know the test certificate
        const SmtpResult result =
            SmtpClient::send(smtp, QString(), QStringLiteral("bot@contoso.example"),
                             {QStringLiteral("owner@contoso.example")}, message(QStringLiteral("x")));
        QCOMPARE(result.error, SmtpResult::Error::Tls);
        QVERIFY(server.messages().isEmpty());
    }

    void noServerIsTemporary()
    {
        SmtpSettings smtp = settings(SmtpSettings::Security::None, 1);
        const SmtpResult result =
            SmtpClient::send(smtp, QString(), QStringLiteral("bot@contoso.example"),
                             {QStringLiteral("owner@contoso.example")}, message(QStringLiteral("x")));
        QCOMPARE(result.error, SmtpResult::Error::Connection);
        QVERIFY(result.isTemporary());
    }

    void secretEntryOverridesSettings()
    {
        SmtpSettings smtp;
        QString error;
        QCOMPARE(smtp.applySecret(QStringLiteral("just-a-password"), &error), u"just-a-password");
        QCOMPARE(smtp.applySecret(QStringLiteral(R"({"host":"mail.example","port":2525,"security":"smtps",)"
                                                 R"("user":"u","password":"p","from":"a@b.example"})"),
                                  &error),
                 u"p");
        QVERIFY(error.isEmpty());
        QCOMPARE(smtp.host, u"mail.example");
        QCOMPARE(smtp.port, 2525);
        QCOMPARE(smtp.security, SmtpSettings::Security::Smtps);
        QCOMPARE(smtp.user, u"u");
        QCOMPARE(smtp.from, u"a@b.example");
        smtp.applySecret(QStringLiteral(R"({"security":"tls-ish"})"), &error);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
