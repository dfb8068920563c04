#pragma once

#include "connectorjob.h"

// A test firing or a resubmission (Connector::testFire(), Connector::resubmit()): finished() once the firing
// is in the trigger log and its steps are running, with the firing's id. Its steps then report through
// stepRunUpdated() and firingCompleted() like any other firing's.
class FiringJob : public ConnectorJob
{
    Q_OBJECT

public:
    explicit FiringJob(QObject *owner = nullptr)
        : ConnectorJob(owner)
    {}

    void succeed(const QString &firingId) { succeedWith(QVariant::fromValue(firingId)); }

signals:
    void finished(const QString &firingId);

private:
    void emitFinished(const QVariant &result) override { emit finished(result.toString()); }
};
