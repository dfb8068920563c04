#include "apiclient.h"
#include "clock.h"
#include "getitemsstep.h"
#include "stepstesthelpers.h"

#include <QNetworkAccessManager>
#include <QSet>

// GetItemsStep against the sandbox's CI API: pages of $top/$skip through the connection's RateLimiter.
class TestGetItemsStep : public QObject
{
    Q_OBJECT

private:
    EmbeddedSandbox m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<ApiClient> m_api;

    StepInput input(const QJsonObject &parameters)
    {
        StepInput in;
        in.step = makeStep(StepKind::GetItems, parameters);
        in.firingId = QStringLiteral("firing-1");
        in.context = TemplateContext::fromFiring(sampleFiring());
        in.api = m_api.get();
        in.instanceId = QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b");
        return in;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        const QString token = sandboxToken(m_sandbox);
        QVERIFY(!token.isEmpty());
        m_limiter = std::make_unique<RateLimiter>(Clock::system());
        m_api = std::make_unique<ApiClient>(&m_network, m_limiter.get(), Clock::system());
        m_api->setBaseUrl(m_sandbox.apiBaseUrl());
        m_api->setSubscriptionKey(m_sandbox.subscriptionKey());
        m_api->setAccessToken(token);
    }

    void readsAThousandRowsInTenPages()
    {
        const int before = m_limiter->usedInWindow();
        const StepOutcome outcome =
            runAction(input({{QStringLiteral("entity"), QStringLiteral("Customer")},
                             {QStringLiteral("orderBy"), QStringLiteral("CustomerId")},
                             {QStringLiteral("limit"), 1000}}));
        QVERIFY2(outcome.result == StepOutcome::Result::Succeeded, qPrintable(outcome.detail));
        QVERIFY(outcome.hasItems);
        QCOMPARE(outcome.items.size(), 1000);
        QSet<QString> ids;
        for (const QJsonObject &row : outcome.items)
            ids.insert(row.value(u"CustomerId").toString());
        QCOMPARE(ids.size(), 1000); // every row once
        QVERIFY(!ids.contains(QString()));
        QCOMPARE(m_limiter->usedInWindow() - before, 10); // ten pages, each one call through the limiter
        QVERIFY2(outcome.detail.contains(u"10 page"), qPrintable(outcome.detail));
    }

    void filtersSelectsAndLimits()
    {
        const StepOutcome outcome = runAction(
            input({{QStringLiteral("entity"), QStringLiteral("Customer")},
                   {QStringLiteral("filter"), QStringLiteral("IsMemberOfSegment('HighValueCustomers')")},
                   {QStringLiteral("select"), QStringLiteral("CustomerId,FirstName")},
                   {QStringLiteral("limit"), 20}}));
        QVERIFY2(outcome.result == StepOutcome::Result::Succeeded, qPrintable(outcome.detail));
        QCOMPARE(outcome.items.size(), 20);
        QCOMPARE(outcome.items.constFirst().keys(),
                 (QStringList{QStringLiteral("CustomerId"), QStringLiteral("FirstName")}));
    }

    void aShortLastPageEndsTheRead()
    {
        const StepOutcome outcome =
            runAction(input({{QStringLiteral("entity"), QStringLiteral("Customer")},
                             {QStringLiteral("filter"), QStringLiteral("CustomerId eq 'nobody'")},
                             {QStringLiteral("limit"), 500}}));
        QVERIFY2(outcome.result == StepOutcome::Result::Succeeded, qPrintable(outcome.detail));
        QCOMPARE(outcome.items.size(), 0);
    }

    void anUnknownEntityFailsAtOnce()
    {
        const StepOutcome outcome =
            runAction(input({{QStringLiteral("entity"), QStringLiteral("NoSuchEntity")}}));
        QCOMPARE(outcome.result, StepOutcome::Result::Permanent);
        QVERIFY(outcome.status >= 400 && outcome.status < 500);
    }
};

QTEST_GUILESS_MAIN(TestGetItemsStep)
#include "tst_getitemsstep.moc"
