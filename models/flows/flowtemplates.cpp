#include "flowtemplates.h"

#include <QJsonArray>

QList<FlowTemplates::Id> FlowTemplates::all()
{
    return {Id::TeamsOnDataSourceFailure, Id::EmailOnSegmentThreshold};
}

QString FlowTemplates::title(Id id)
{
    switch (id) {
    case Id::TeamsOnDataSourceFailure:
        return tr("Post to Teams when a data source refresh fails");
    case Id::EmailOnSegmentThreshold:
        return tr("Email data owners when a segment crosses a threshold");
    }
    return {};
}

QString FlowTemplates::description(Id id)
{
    switch (id) {
    case Id::TeamsOnDataSourceFailure:
        return tr("Tells a Teams channel which data source failed to refresh, with the job to look at.");
    case Id::EmailOnSegmentThreshold:
        return tr("Emails the segment's owners when its member count rises above a number you choose.");
    }
    return {};
}

Flow FlowTemplates::flow(Id id)
{
    Flow flow;
    flow.name = title(id);
    switch (id) {
    case Id::TeamsOnDataSourceFailure:
        flow.trigger.kind = TriggerKind::DataSourceRefreshFailed;
        flow.steps.append(
            Step{StepKind::TeamsMessage,
                 {{QStringLiteral("title"), tr("Data source refresh failed: {{dataSource.name}}")},
                  {QStringLiteral("text"),
                   tr("The refresh of {{dataSource.name}} in {{instance.name}} failed at {{firedAt}}. Job: "
                      "{{job.id}}.")}}});
        break;
    case Id::EmailOnSegmentThreshold:
        flow.trigger.kind = TriggerKind::SegmentThresholdCrossed;
        flow.trigger.threshold = 1000;
        flow.steps.append(
            Step{StepKind::Email,
                 {{QStringLiteral("to"), QJsonArray()},
                  {QStringLiteral("subject"), tr("{{subject}} now has {{value}} members")},
                  {QStringLiteral("textBody"),
                   tr("The segment {{subject}} in {{instance.name}} grew from {{previousValue}} to {{value}} "
                      "members, above the threshold of {{threshold}}.\n\nThis message was sent by the flow "
                      "\"{{flow.name}}\".")}}});
        break;
    }
    return flow;
}
