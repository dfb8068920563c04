#pragma once

#include "cataloguejob.h"
#include "firingjob.h"
#include "firinglog.h"
#include "flow.h"
#include "itemspreviewjob.h"

#include <QObject>

// What the flow editor asks of the instance: its catalogue (the pickers), a Get items preview and a test
// firing. Connector serves it from the worker thread; a test stands in a fake that answers the jobs itself
// (CatalogueJob::succeed(), ConnectorJob::fail(), ...), so the editor can be tested without a sandbox.
//
// Each call returns a new job parented to `owner` (see ConnectorJob: exactly one of finished()/failed(),
// never inside the call, then the job deletes itself; a job whose owner is gone is simply deleted). The
// steps of a test firing report through stepRunUpdated() and firingCompleted(), which also carry those of
// every other firing: compare the firing id.
class InstanceRequests : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The instance's data sources, segments (with member counts), measures (with values) and entities.
    virtual CatalogueJob *requestCatalogue(QObject *owner) = 0;
    // The first `rows` rows (1..GetItemsStep::kMaxLimit) a Get items step would read: its entity, filter,
    // select and orderBy, placeholders filled from an empty sample.
    virtual ItemsPreviewJob *previewItems(const Step &getItemsStep, int rows, QObject *owner) = 0;
    // Records a test firing of `flow` (marked test in the log; its values are the instance's current ones
    // where they can be read) and runs its steps; finished() carries the firing's id.
    virtual FiringJob *testFire(const Flow &flow, QObject *owner) = 0;

signals:
    // A step of a firing was attempted (from the step runner; any firing, the test ones included).
    void stepRunUpdated(const StepRun &run);
    // The last step of a firing is done.
    void firingCompleted(const QString &firingId, bool allSucceeded);
};
