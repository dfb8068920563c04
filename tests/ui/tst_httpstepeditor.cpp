#include "powerautomate/httpstepeditor.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

// The HTTP step editor on its own: method, URL, headers as lines, a JSON body and the signing secret.
class TestHttpStepEditor : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *field(QWidget &editor, const char *name)
    {
        return editor.findChild<T *>(QLatin1String(name));
    }

private slots:
    void fieldsBecomeTheStep()
    {
        HttpStepEditor editor;
        editor.setStep({StepKind::HttpCall, {{QStringLiteral("method"), QStringLiteral("PUT")}}});
        QCOMPARE(field<QComboBox>(editor, "methodComboBox")->currentText(), QStringLiteral("PUT"));
        field<QLineEdit>(editor, "urlLineEdit")->setText(QStringLiteral("https://example.com/hook"));
        field<QPlainTextEdit>(editor, "headersPlainTextEdit")
            ->setPlainText(QStringLiteral("X-Team: data\nX-Env: test"));
        field<QPlainTextEdit>(editor, "bodyPlainTextEdit")
            ->setPlainText(QStringLiteral(R"({"members": "{{value}}"})"));
        QVERIFY2(editor.problems().isEmpty(),
                 qPrintable(QStringList(editor.problems().values()).join(u'\n')));
        const QJsonObject parameters = editor.step().parameters;
        QCOMPARE(parameters.value(u"method").toString(), QStringLiteral("PUT"));
        QCOMPARE(parameters.value(u"headers").toObject().value(u"X-Env").toString(), QStringLiteral("test"));
        QCOMPARE(parameters.value(u"body").toObject().value(u"members").toString(),
                 QStringLiteral("{{value}}"));
        // A loaded step comes back as it was.
        HttpStepEditor again;
        again.setStep(editor.step());
        QCOMPARE(again.step(), editor.step());
    }

    void saysWhatIsWrong()
    {
        HttpStepEditor editor;
        editor.setStep({StepKind::HttpCall, {}});
        QCOMPARE(editor.problems().value(QStringLiteral("url")), QStringLiteral("Enter the URL to call."));
        field<QLineEdit>(editor, "urlLineEdit")->setText(QStringLiteral("example.com"));
        QCOMPARE(editor.problems().value(QStringLiteral("url")),
                 QStringLiteral("Enter an http:// or https:// URL."));
        field<QPlainTextEdit>(editor, "headersPlainTextEdit")
            ->setPlainText(QStringLiteral("X-Ok: 1\nnot a header"));
        QCOMPARE(editor.problems().value(QStringLiteral("headers")),
                 QStringLiteral("Line 2 is not a header: write it as Name: value."));
        field<QPlainTextEdit>(editor, "bodyPlainTextEdit")->setPlainText(QStringLiteral("{\"a\": }"));
        QVERIFY(editor.problems().value(QStringLiteral("body")).startsWith(u"The body is not valid JSON"));
        QVERIFY(!editor.step().parameters.contains(u"body")); // kept out until it is JSON
    }

    void theSigningSecretIsOptional()
    {
        HttpStepEditor editor;
        editor.setStep(
            {StepKind::HttpCall, {{QStringLiteral("url"), QStringLiteral("https://example.com")}}});
        QVERIFY(editor.problems().isEmpty());
        field<QLineEdit>(editor, "signingLineEdit")->setText(QStringLiteral("key"));
        QCOMPARE(editor.enteredSecrets().value(QStringLiteral("signingSecretRef")), QStringLiteral("key"));
    }
};

QTEST_MAIN(TestHttpStepEditor)
#include "tst_httpstepeditor.moc"
