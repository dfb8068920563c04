#include "connectorjob.h"

ConnectorJob::ConnectorJob(QObject *owner)
    : QObject(owner)
{}

void ConnectorJob::fail(const QString &message)
{
    queueAnswer([this, message] { emit failed(message); });
}

void ConnectorJob::queueAnswer(std::function<void()> emitAnswer)
{
    if (std::exchange(m_answered, true))
        return;
    // Queued with the job as context: a job deleted meanwhile (its owner went) never emits.
    QMetaObject::invokeMethod(
        this,
        [this, emitAnswer = std::move(emitAnswer)] {
            emitAnswer();
            deleteLater();
        },
        Qt::QueuedConnection);
}

void ConnectorJob::answer(const ConnectorAnswer &answer)
{
    if (answer.ok)
        succeedWith(answer.result);
    else
        fail(answer.message);
}
