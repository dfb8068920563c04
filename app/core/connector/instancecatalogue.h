#pragma once

#include "cimodels.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// What the flow editor offers to pick from: the instance's data sources, segments (with their current
// member count), measures (with their current value and whether they have dimensions, which the connector
// refuses) and entities (for Get items). The connector worker fetches it on request
// (Connector::requestCatalogue()) with the rate limiter's Interactive priority; a value, copied to the GUI.
struct InstanceCatalogue
{
    QString instanceId, instanceName;
    QList<CiDataSource> dataSources;
    QList<CiSegment> segments; // with entityCount (current member count)
    QList<CiMeasure> measures; // with value and hasDimensions
    QList<CiEntity> entities;
    QDateTime fetchedAt; // UTC
};

Q_DECLARE_METATYPE(InstanceCatalogue)
