#pragma once

#include "connectorjob.h"

#include <QJsonObject>
#include <QList>

// The first rows a Get items step would read (Connector::previewItems()).
class ItemsPreviewJob : public ConnectorJob
{
    Q_OBJECT

public:
    explicit ItemsPreviewJob(QObject *owner = nullptr)
        : ConnectorJob(owner)
    {}

    void succeed(const QList<QJsonObject> &rows) { succeedWith(QVariant::fromValue(rows)); }

signals:
    void finished(const QList<QJsonObject> &rows);

private:
    void emitFinished(const QVariant &result) override { emit finished(result.value<QList<QJsonObject>>()); }
};
