#pragma once

#include "flow.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// The flows the Power Automate pane offers to start from: the two documented uses of the connector. A
// template is a complete flow except for what only the user can know (the Teams channel, the recipients,
// the segment); the editor asks for those before it can be saved.
class FlowTemplates
{
    Q_DECLARE_TR_FUNCTIONS(FlowTemplates)

public:
    enum class Id
    {
        TeamsOnDataSourceFailure, // "Post to Teams when a data source refresh fails"
        EmailOnSegmentThreshold,  // "Email data owners when a segment crosses a threshold"
    };

    static QList<Id> all();
    static QString title(Id id);       // translated, the menu entry
    static QString description(Id id); // translated, one line
    static Flow flow(Id id);           // translated texts; no secret references yet
};
