#include "powerautomate/teamsstepeditor.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

// The Teams step editor on its own: what it reads and writes of a Step, the secret it holds until it is
// stored, and its checks.
class TestTeamsStepEditor : public QObject
{
    Q_OBJECT

    static Step stored()
    {
        return {StepKind::TeamsMessage,
                {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams-webhook-1")},
                 {QStringLiteral("title"), QStringLiteral("Refresh failed")},
                 {QStringLiteral("text"), QStringLiteral("{{subject}} failed at {{firedAt}}")}}};
    }

private slots:
    void createIsKeyedOnTheKind()
    {
        std::unique_ptr<StepEditor> editor(StepEditor::create(StepKind::TeamsMessage));
        QVERIFY(qobject_cast<TeamsStepEditor *>(editor.get()));
        QCOMPARE(editor->kind(), StepKind::TeamsMessage);
    }

    void aLoadedStepComesBackUnchanged()
    {
        TeamsStepEditor editor;
        editor.setStep(stored());
        QCOMPARE(editor.step(), stored());
        QVERIFY(editor.problems().isEmpty());
        QVERIFY(editor.enteredSecrets().isEmpty());
        // The secret itself is never shown: the field is empty and says the entry exists.
        auto *webhook = editor.findChild<QLineEdit *>(QStringLiteral("webhookLineEdit"));
        QVERIFY(webhook->text().isEmpty());
        QVERIFY(!webhook->placeholderText().isEmpty());
    }

    void aTypedWebhookWaitsUntilItIsStored()
    {
        TeamsStepEditor editor;
        editor.setStep({StepKind::TeamsMessage, {}});
        QSignalSpy changed(&editor, &StepEditor::changed);
        QCOMPARE(editor.problems().value(QStringLiteral("webhookSecretRef")),
                 QStringLiteral("Enter the webhook URL of the channel."));
        QCOMPARE(editor.problems().value(QStringLiteral("text")),
                 QStringLiteral("Enter the message to post."));
        QTest::keyClicks(editor.findChild<QLineEdit *>(QStringLiteral("webhookLineEdit")),
                         QStringLiteral("https://hooks.example/abc"));
        editor.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))
            ->setPlainText(QStringLiteral("Hello"));
        QVERIFY(changed.size() > 0);
        QCOMPARE(editor.enteredSecrets(),
                 (QHash<QString, QString>{
                     {QStringLiteral("webhookSecretRef"), QStringLiteral("https://hooks.example/abc")}}));
        QVERIFY(!editor.step().parameters.contains(u"webhookSecretRef")); // not in the step until stored
        QVERIFY(editor.problems().isEmpty());
        editor.setSecretRef(QStringLiteral("webhookSecretRef"), QStringLiteral("teams-webhook-2"));
        QVERIFY(editor.enteredSecrets().isEmpty());
        QCOMPARE(editor.step().parameters.value(u"webhookSecretRef").toString(),
                 QStringLiteral("teams-webhook-2"));
    }

    void refusesAWebhookThatIsNoUrlAndUnknownPlaceholders()
    {
        TeamsStepEditor editor;
        editor.setStep(stored());
        editor.findChild<QLineEdit *>(QStringLiteral("webhookLineEdit"))->setText(QStringLiteral("ftp://x"));
        editor.findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->setText(QStringLiteral("{{nope}}"));
        const QHash<QString, QString> problems = editor.problems();
        QCOMPARE(problems.value(QStringLiteral("webhookSecretRef")),
                 QStringLiteral("The webhook URL must start with https://."));
        QVERIFY(problems.value(QStringLiteral("title")).contains(u"{{nope}}"));
    }
};

QTEST_MAIN(TestTeamsStepEditor)
#include "tst_teamsstepeditor.moc"
