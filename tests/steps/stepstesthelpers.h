#pragma once

#include "embeddedsandbox.h"
#include "httptestclient.h"
#include "stepaction.h"

#include <QSignalSpy>
#include <QTest>

// Runs one attempt of a step action and returns its outcome (a failed outcome when it never finishes).
inline StepOutcome runAction(StepInput input, int timeoutMs = 30000)
{
    std::unique_ptr<StepAction> action(StepAction::create(std::move(input)));
    QSignalSpy finished(action.get(), &StepAction::finished);
    action->start();
    if (!finished.wait(timeoutMs))
        return StepOutcome::permanent(-1, QStringLiteral("the action did not finish"));
    return finished.constFirst().constFirst().value<StepOutcome>();
}

inline Step makeStep(StepKind kind, const QJsonObject &parameters)
{
    Step step;
    step.kind = kind;
    step.parameters = parameters;
    return step;
}

inline Firing sampleFiring(const QString &id = QStringLiteral("firing-1"))
{
    Firing firing;
    firing.id = id;
    firing.flowId = 1;
    firing.flowName = QStringLiteral("High-value customers above 1,250");
    firing.trigger = TriggerKind::SegmentThresholdCrossed;
    firing.subject = QStringLiteral("HighValueCustomers");
    firing.value = 1251;
    firing.previousValue = 1250;
    firing.threshold = 1250;
    firing.jobId = QStringLiteral("job-42");
    firing.occurredAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
    firing.detectedAt = firing.occurredAt.addSecs(1);
    return firing;
}

// An access token for the sandbox's CI API.
inline QString sandboxToken(const EmbeddedSandbox &sandbox)
{
    HttpTestClient http;
    QUrl url = sandbox.baseUrl();
    url.setPath(QStringLiteral("/sandbox/control/tokens"));
    return http.postJson(url, {}).object().value(QLatin1String("access_token")).toString();
}

inline QJsonObject sandboxOutbox(const EmbeddedSandbox &sandbox)
{
    HttpTestClient http;
    QUrl url = sandbox.baseUrl();
    url.setPath(QStringLiteral("/sandbox/control/outbox"));
    return http.get(url).object();
}
