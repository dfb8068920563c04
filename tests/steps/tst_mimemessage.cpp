#include "mimemessage.h"

#include <QTest>

class TestMimeMessage : public QObject
{
    Q_OBJECT

private slots:
    void parsesAddresses()
    {
        QCOMPARE(MailAddress::parse(u"owner@contoso.example"),
                 (MailAddress{QString(), QStringLiteral("owner@contoso.example")}));
        QCOMPARE(MailAddress::parse(u" \"Data Owner\" <owner@contoso.example> "),
                 (MailAddress{QStringLiteral("Data Owner"), QStringLiteral("owner@contoso.example")}));
        QVERIFY(!MailAddress::parse(u"no-at-sign"));
        QVERIFY(!MailAddress::parse(u"a@b.example, c@d.example"));
        QVERIFY(!MailAddress::parse(u"a b@c.example"));
        QVERIFY(!MailAddress::parse(u"a@b.example\r\nBcc: x@y.example"));
    }

    void encodesNonAsciiHeadersAsRfc2047Words()
    {
        QCOMPARE(MimeMessage::encodeHeader(QStringLiteral("Plain subject")), QByteArray("Plain subject"));
        const QString subject =
            QStringLiteral("Segmentul „Clienți valoroși” a depășit pragul: 1251 membri 🎉 ") +
            QString(40, u'ș');
        const QByteArray encoded = MimeMessage::encodeHeader(subject);
        QString decoded;
        for (const QByteArray &word : encoded.split('\n')) {
            const QByteArray trimmed = word.trimmed();
            QVERIFY(trimmed.size() <= 75);
            QVERIFY(trimmed.startsWith("=?UTF-8?B?") && trimmed.endsWith("?="));
            // Each word decodes on its own: no UTF-8 sequence is split.
            const QByteArray bytes = QByteArray::fromBase64(trimmed.mid(10, trimmed.size() - 12));
            QVERIFY(!QString::fromUtf8(bytes).contains(QChar::ReplacementCharacter));
            decoded += QString::fromUtf8(bytes);
        }
        QCOMPARE(decoded, subject);
    }

    void formatsTheDate()
    {
        QCOMPARE(MimeMessage::formatDate(QDateTime(QDate(2026, 11, 24), QTime(9, 5, 7), Qt::UTC)),
                 QByteArray("Tue, 24 Nov 2026 09:05:07 +0000"));
    }

    void writesAMultipartMessage()
    {
        MimeMessage message;
        message.from = *MailAddress::parse(u"Insights Bot <bot@contoso.example>");
        message.to = {*MailAddress::parse(u"a@contoso.example"),
                      *MailAddress::parse(u"Ioana Ș <b@contoso.example>")};
        message.cc = {*MailAddress::parse(u"c@contoso.example")};
        message.subject = QStringLiteral("Line\r\nBcc: injected@evil.example");
        message.textBody = QStringLiteral("text body");
        message.htmlBody = QStringLiteral("<p>html body</p>");
        message.date = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        message.boundary = "BOUNDARY";
        const QByteArray data = message.toBytes();
        QVERIFY(data.startsWith("Date: Tue, 24 Nov 2026 09:00:00 +0000\r\n"));
        QVERIFY(data.contains("\r\nFrom: \"Insights Bot\" <bot@contoso.example>\r\n"));
        QVERIFY(data.contains("\r\nTo: <a@contoso.example>,\r\n =?UTF-8?B?"));
        QVERIFY(data.contains("\r\nCc: <c@contoso.example>\r\n"));
        QVERIFY(data.contains("\r\nSubject: Line Bcc: injected@evil.example\r\n"));
        QVERIFY(!data.contains("\nBcc:"));
        QVERIFY(data.contains("\r\nMessage-ID: <"));
        QVERIFY(data.contains("@contoso.example>\r\n"));
        QVERIFY(data.contains("Content-Type: multipart/alternative; boundary=\"BOUNDARY\""));
        const qsizetype text = data.indexOf("--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8");
        const qsizetype html = data.indexOf("--BOUNDARY\r\nContent-Type: text/html; charset=utf-8");
        QVERIFY(text > 0 && html > text);
        QVERIFY(data.contains(QByteArray("text body").toBase64()));
        QVERIFY(data.contains(QByteArray("<p>html body</p>").toBase64()));
        QVERIFY(data.endsWith("--BOUNDARY--\r\n"));
        for (const QByteArray &line : data.split('\n'))
            QVERIFY2(line.size() <= 78, line.constData());
    }

    void oneBodyIsOnePart()
    {
        MimeMessage message;
        message.from = *MailAddress::parse(u"bot@contoso.example");
        message.to = {*MailAddress::parse(u"a@contoso.example")};
        message.htmlBody = QStringLiteral("<p>x</p>");
        const QByteArray data = message.toBytes();
        QVERIFY(!data.contains("multipart"));
        QVERIFY(data.contains("Content-Type: text/html; charset=utf-8\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "tst_mimemessage.moc"
