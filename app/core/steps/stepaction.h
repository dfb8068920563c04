#pragma once

#include "flow.h"
#include "ratelimiter.h"
#include "templateengine.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <optional>

class ApiClient;
class Clock;
class QNetworkAccessManager;
class QThreadPool;
struct SmtpSettings;

// What one attempt at a step came to. The runner decides from `result` whether to go on, retry or stop.
struct StepOutcome
{
    enum class Result
    {
        Succeeded,
        Retryable, // network error, timeout, 429, 5xx, a temporary SMTP reply
        Permanent, // any other 4xx, a refused recipient, failed authentication, a bad step
    };

    Result result = Result::Permanent;
    int status = 0; // HTTP status or SMTP reply code; 0 when none
    QString detail; // for the log; the runner redacts secrets before recording it
    std::optional<std::chrono::milliseconds> retryAfter; // a 429's Retry-After
    bool hasItems = false;                               // Get items: its rows feed the later steps
    QList<QJsonObject> items;

    static StepOutcome succeeded(int status, const QString &detail)
    {
        return {Result::Succeeded, status, detail, std::nullopt, false, {}};
    }
    static StepOutcome retryable(int status, const QString &detail)
    {
        return {Result::Retryable, status, detail, std::nullopt, false, {}};
    }
    static StepOutcome permanent(int status, const QString &detail)
    {
        return {Result::Permanent, status, detail, std::nullopt, false, {}};
    }
};

Q_DECLARE_METATYPE(StepOutcome)

// Everything one attempt needs: the step, its firing's template context, the secrets it names (already
// read from the secret store: secretRef value -> secret) and the runner's shared services.
struct StepInput
{
    Step step;
    int stepIndex = 0;
    QString firingId;
    TemplateContext context;
    QHash<QString, QString> secrets;
    int resubmission = 0; // 0: the firing's own run; n: its n-th resubmission (HTTP step: Idempotency-Key)

    QNetworkAccessManager *network = nullptr;
    ApiClient *api = nullptr; // Get items
    QString instanceId;       // Get items
    // Get items: the pages of a firing's step wait in the bulk queue; the editor's preview is interactive.
    RateLimiter::Priority apiPriority = RateLimiter::Priority::Bulk;
    const SmtpSettings *smtp = nullptr;  // Email: the connection's server settings
    QThreadPool *blockingPool = nullptr; // Email: libcurl blocks, so it runs there
    std::chrono::milliseconds transferTimeout{30000};

    QString secret(const QString &parameterKey) const
    {
        return secrets.value(step.parameters.value(parameterKey).toString());
    }
};

// One attempt at one step. start() begins it; finished() follows exactly once, never from inside start().
// Deleting the action abandons the attempt quietly (the runner is going away).
class StepAction : public QObject
{
    Q_OBJECT

public:
    explicit StepAction(StepInput input, QObject *parent = nullptr);

    // The action for the step's kind.
    static StepAction *create(StepInput input, QObject *parent = nullptr);

    virtual void start() = 0;
    const StepInput &input() const { return m_input; }

signals:
    void finished(const StepOutcome &outcome);

protected:
    // Emits finished() once, from the event loop.
    void finish(const StepOutcome &outcome);

    StepInput m_input;

private:
    bool m_finished = false;
};
