#include "httpcallstep.h"
#include "httpreceiver.h"
#include "stepstesthelpers.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QUuid>

class TestHttpCallStep : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    StepInput input(const QJsonObject &parameters, const QString &secret = {})
    {
        StepInput in;
        in.step = makeStep(StepKind::HttpCall, parameters);
        in.stepIndex = 2;
        in.firingId = QStringLiteral("firing-abc");
        in.context = TemplateContext::fromFiring(sampleFiring(), QStringLiteral("Contoso Retail"));
        in.context.items = {QJsonObject{{QStringLiteral("CustomerId"), QStringLiteral("C1")}}};
        in.context.hasItems = true;
        if (!secret.isEmpty())
            in.secrets.insert(QStringLiteral("hook-key"), secret);
        in.network = &m_network;
        in.transferTimeout = std::chrono::milliseconds(2000);
        return in;
    }

private slots:
    void postsASignedJsonBody()
    {
        HttpReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setSigningSecret("sign-me-0123456789");
        const QJsonObject parameters{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"),
             QString(receiver.url(QStringLiteral("/hook")).toString() + QStringLiteral("?s={{subject}}"))},
            {QStringLiteral("headers"),
             QJsonObject{{QStringLiteral("X-Flow"), QStringLiteral("{{flow.name}}")}}},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("{{subject}}")},
                                                 {QStringLiteral("value"), QStringLiteral("{{value}}")},
                                                 {QStringLiteral("rows"), QStringLiteral("{{items}}")}}},
            {QStringLiteral("signingSecretRef"), QStringLiteral("hook-key")}};
        const StepOutcome outcome = runAction(input(parameters, QStringLiteral("sign-me-0123456789")));
        QCOMPARE(outcome.result, StepOutcome::Result::Succeeded);
        QCOMPARE(outcome.status, 200);
        QCOMPARE(receiver.count(), 1);
        const HttpReceiver::Request &request = receiver.requests().constFirst();
        QCOMPARE(request.method, "POST");
        QCOMPARE(request.target, "/hook?s=HighValueCustomers");
        QVERIFY(request.signatureValid);
        QCOMPARE(request.header("X-Flow"), "High-value customers above 1,250");
        QCOMPARE(request.header("Content-Type"), "application/json; charset=utf-8");
        QCOMPARE(request.header("Idempotency-Key"),
                 HttpCallStep::idempotencyKey(QStringLiteral("firing-abc"), 2));
        QVERIFY(!QUuid::fromString(QString::fromLatin1(request.header("Idempotency-Key"))).isNull());
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(u"subject").toString(), u"HighValueCustomers");
        QCOMPARE(body.value(u"value").toDouble(), 1251.0);
        QCOMPARE(body.value(u"rows").toArray().at(0).toObject().value(u"CustomerId").toString(), u"C1");
    }

    void aWrongSecretDoesNotVerify()
    {
        HttpReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setSigningSecret("the-right-one");
        const QJsonObject parameters{{QStringLiteral("method"), QStringLiteral("PUT")},
                                     {QStringLiteral("url"), receiver.url().toString()},
                                     {QStringLiteral("body"), QJsonObject{{QStringLiteral("a"), 1}}},
                                     {QStringLiteral("signingSecretRef"), QStringLiteral("hook-key")}};
        QCOMPARE(runAction(input(parameters, QStringLiteral("a-wrong-one"))).result,
                 StepOutcome::Result::Succeeded);
        QVERIFY(!receiver.requests().constFirst().signatureValid);
    }

    void theKeyIsStablePerFiringAndStep()
    {
        QCOMPARE(HttpCallStep::idempotencyKey(QStringLiteral("f"), 0),
                 HttpCallStep::idempotencyKey(QStringLiteral("f"), 0));
        QVERIFY(HttpCallStep::idempotencyKey(QStringLiteral("f"), 0) !=
                HttpCallStep::idempotencyKey(QStringLiteral("f"), 1));
        QVERIFY(HttpCallStep::idempotencyKey(QStringLiteral("f"), 0) !=
                HttpCallStep::idempotencyKey(QStringLiteral("g"), 0));
        QCOMPARE(HttpCallStep::signature("key", "The quick brown fox jumps over the lazy dog"),
                 "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    void statusesAreClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<StepOutcome::Result>("result");
        QTest::addRow("201") << 201 << StepOutcome::Result::Succeeded;
        QTest::addRow("400") << 400 << StepOutcome::Result::Permanent;
        QTest::addRow("404") << 404 << StepOutcome::Result::Permanent;
        QTest::addRow("408") << 408 << StepOutcome::Result::Retryable;
        QTest::addRow("429") << 429 << StepOutcome::Result::Retryable;
        QTest::addRow("500") << 500 << StepOutcome::Result::Retryable;
        QTest::addRow("503") << 503 << StepOutcome::Result::Retryable;
        QTest::addRow("302") << 302 << StepOutcome::Result::Permanent;
    }

    void statusesAreClassified()
    {
        QFETCH(int, status);
        QFETCH(StepOutcome::Result, result);
        HttpReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.enqueue({status, "nope", {{"Retry-After", "7"}}, false});
        const StepOutcome outcome = runAction(input({{QStringLiteral("method"), QStringLiteral("GET")},
                                                     {QStringLiteral("url"), receiver.url().toString()}}));
        QCOMPARE(outcome.result, result);
        QCOMPARE(outcome.status, status);
        if (status == 429) {
            QVERIFY(outcome.retryAfter);
            QVERIFY(outcome.retryAfter->count() > 5000 && outcome.retryAfter->count() <= 7000);
        }
    }

    void noAnswerTimesOut()
    {
        HttpReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.enqueue({200, {}, {}, true});
        StepInput in = input({{QStringLiteral("method"), QStringLiteral("GET")},
                              {QStringLiteral("url"), receiver.url().toString()}});
        in.transferTimeout = std::chrono::milliseconds(300);
        const StepOutcome outcome = runAction(in);
        QCOMPARE(outcome.result, StepOutcome::Result::Retryable);
        QCOMPARE(outcome.status, 0);
        QVERIFY2(outcome.detail.contains(u"No answer"), qPrintable(outcome.detail));
    }

    void badStepsFailAtOnce()
    {
        QCOMPARE(runAction(input({{QStringLiteral("method"), QStringLiteral("TRACE")},
                                  {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/")}}))
                     .result,
                 StepOutcome::Result::Permanent);
        QCOMPARE(runAction(input({{QStringLiteral("method"), QStringLiteral("GET")},
                                  {QStringLiteral("url"), QStringLiteral("ftp://127.0.0.1/")}}))
                     .result,
                 StepOutcome::Result::Permanent);
    }
};

QTEST_GUILESS_MAIN(TestHttpCallStep)
#include "tst_httpcallstep.moc"
