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

    void succeed(const QList<QJsonObject> &rows)
    {
        queueAnswer([this, rows] { emit finished(rows); });
    }

signals:
    void finished(const QList<QJsonObject> &rows);

private:
    void succeedWith(const QVariant &result) override { succeed(result.value<QList<QJsonObject>>()); }
};
