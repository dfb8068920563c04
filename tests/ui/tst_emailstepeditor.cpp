#include "powerautomate/emailstepeditor.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

// The email step editor on its own: recipients, the body, and the SMTP server (a known entry, or a new one
// whose settings wait as one secret until stored).
class TestEmailStepEditor : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *field(QWidget &editor, const char *name)
    {
        return editor.findChild<T *>(QLatin1String(name));
    }

private slots:
    void recipientsAreSplitAndJoined()
    {
        EmailStepEditor editor;
        editor.setStep({StepKind::Email,
                        {{QStringLiteral("to"),
                          QJsonArray{QStringLiteral("a@contoso.com"), QStringLiteral("b@contoso.com")}},
                         {QStringLiteral("subject"), QStringLiteral("S")},
                         {QStringLiteral("textBody"), QStringLiteral("T")},
                         {QStringLiteral("smtpSecretRef"), QStringLiteral("smtp-server-1")}}});
        QCOMPARE(field<QLineEdit>(editor, "toLineEdit")->text(),
                 QStringLiteral("a@contoso.com, b@contoso.com"));
        field<QLineEdit>(editor, "ccLineEdit")
            ->setText(QStringLiteral("c@contoso.com; d@contoso.com  e@contoso.com"));
        const Step step = editor.step();
        QCOMPARE(step.parameters.value(u"cc").toArray().size(), 3);
        QCOMPARE(step.parameters.value(u"smtpSecretRef").toString(), QStringLiteral("smtp-server-1"));
        QVERIFY(editor.problems().isEmpty());
    }

    void aNewServerIsOneSecret()
    {
        EmailStepEditor editor;
        editor.setKnownSecretRefs({QStringLiteral("smtp-server-a")});
        editor.setStep({StepKind::Email, {}});
        auto *server = field<QComboBox>(editor, "smtpServerComboBox");
        QCOMPARE(server->count(), 2); // the known entry, then "New SMTP server…"
        QCOMPARE(editor.problems().value(QStringLiteral("smtpSecretRef")),
                 QStringLiteral("Choose an SMTP server, or enter a new one below."));
        field<QLineEdit>(editor, "smtpHostLineEdit")->setText(QStringLiteral("smtp.contoso.com"));
        field<QLineEdit>(editor, "smtpUserLineEdit")->setText(QStringLiteral("alerts"));
        QCOMPARE(editor.problems().value(QStringLiteral("smtpSecretRef")),
                 QStringLiteral("Enter the password of the SMTP user."));
        field<QLineEdit>(editor, "smtpPasswordLineEdit")->setText(QStringLiteral("pw"));
        QVERIFY(!editor.problems().contains(QStringLiteral("smtpSecretRef")));
        const QJsonObject secret =
            QJsonDocument::fromJson(editor.enteredSecrets().value(QStringLiteral("smtpSecretRef")).toUtf8())
                .object();
        QCOMPARE(secret.value(u"host").toString(), QStringLiteral("smtp.contoso.com"));
        QCOMPARE(secret.value(u"password").toString(), QStringLiteral("pw"));
        QVERIFY(!editor.step().parameters.contains(u"smtpSecretRef"));
        editor.setSecretRef(QStringLiteral("smtpSecretRef"), QStringLiteral("smtp-server-b"));
        QCOMPARE(server->currentData().toString(), QStringLiteral("smtp-server-b"));
        QVERIFY(editor.enteredSecrets().isEmpty());
        QVERIFY(field<QLineEdit>(editor, "smtpPasswordLineEdit")->text().isEmpty());
    }

    void anImportedHtmlBodyIsKept()
    {
        EmailStepEditor editor;
        editor.setStep({StepKind::Email,
                        {{QStringLiteral("to"), QJsonArray{QStringLiteral("a@contoso.com")}},
                         {QStringLiteral("subject"), QStringLiteral("S")},
                         {QStringLiteral("htmlBody"), QStringLiteral("<p>{{subject}}</p>")},
                         {QStringLiteral("smtpSecretRef"), QStringLiteral("smtp-server-1")}}});
        QVERIFY(editor.problems().isEmpty()); // no text body needed beside it
        QCOMPARE(editor.step().parameters.value(u"htmlBody").toString(),
                 QStringLiteral("<p>{{subject}}</p>"));
    }
};

QTEST_MAIN(TestEmailStepEditor)
#include "tst_emailstepeditor.moc"
