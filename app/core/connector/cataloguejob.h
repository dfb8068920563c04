#pragma once

#include "connectorjob.h"
#include "instancecatalogue.h"

// The instance's catalogue for the flow editor's pickers (Connector::requestCatalogue()).
class CatalogueJob : public ConnectorJob
{
    Q_OBJECT

public:
    explicit CatalogueJob(QObject *owner = nullptr)
        : ConnectorJob(owner)
    {}

    void succeed(const InstanceCatalogue &catalogue) { succeedWith(QVariant::fromValue(catalogue)); }

signals:
    void finished(const InstanceCatalogue &catalogue);

private:
    void emitFinished(const QVariant &result) override { emit finished(result.value<InstanceCatalogue>()); }
};
