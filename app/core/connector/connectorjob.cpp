#include "connectorjob.h"

ConnectorJob::ConnectorJob(QObject *owner)
    : QObject(owner)
{}

void ConnectorJob::fail(const QString &message)
{
    end({false, {}, message}, Qt::QueuedConnection);
}

void ConnectorJob::succeedWith(const QVariant &result)
{
    end({true, result, {}}, Qt::QueuedConnection);
}

void ConnectorJob::answer(const ConnectorAnswer &answer)
{
    end(answer, Qt::DirectConnection);
}

void ConnectorJob::end(const ConnectorAnswer &answer, Qt::ConnectionType when)
{
    if (std::exchange(m_answered, true))
        return;
    // With the job as context: a job deleted before a queued answer (its owner went) never emits.
    QMetaObject::invokeMethod(
        this,
        [this, answer] {
            if (answer.ok)
                emitFinished(answer.result);
            else
                emit failed(answer.message);
            deleteLater();
        },
        when);
}
