#include "triggerkinddescriptor.h"

#include "flow.h"

namespace {

const QString kSubject = QStringLiteral("subject");
const QString kThreshold = QStringLiteral("threshold");

ParameterSpec anyDataSource()
{
    return {kSubject, ParameterSpec::Type::Text, false, false, {}, 0, {}, {}}; // empty: any data source
}

ParameterSpec requiredSubject()
{
    return {kSubject, ParameterSpec::Type::Text, true, false, {}, 0, {}, {}};
}

ParameterSpec threshold(ParameterSpec::Validator validate = {})
{
    return {kThreshold, ParameterSpec::Type::Number, true, false, {}, 0, std::move(validate), {}};
}

ParameterSpec flag(const QString &key)
{
    return {key, ParameterSpec::Type::Boolean, false, false, {}, 0, {}, {}};
}

const QStringList kThresholdPlaceholders = {QStringLiteral("value"), QStringLiteral("threshold"),
                                            QStringLiteral("previousValue")};
const QStringList kDataSourcePlaceholders = {QStringLiteral("dataSource.name"), QStringLiteral("job.id")};

} // namespace

const QList<TriggerKindDescriptor> &TriggerKindDescriptor::all()
{
    static const QList<TriggerKindDescriptor> kinds = {
        {TriggerKind::DataSourceRefreshFailed,
         QStringLiteral("dataSourceRefreshFailed"),
         QT_TRANSLATE_NOOP("Trigger", "Data source refresh failed"),
         QT_TRANSLATE_NOOP("Trigger", "Fires when the refresh of a data source fails or times out."),
         QT_TRANSLATE_NOOP("Trigger",
                           "Fires once per failed refresh of a data source (failed or timed out)."),
         {anyDataSource(), flag(QStringLiteral("permanentFailuresOnly"))},
         kDataSourcePlaceholders,
         TriggerKindDescriptor::Subject::DataSource},
        {TriggerKind::DataSourceRefreshSucceeded,
         QStringLiteral("dataSourceRefreshSucceeded"),
         QT_TRANSLATE_NOOP("Trigger", "Data source refresh succeeded"),
         QT_TRANSLATE_NOOP("Trigger", "Fires when the refresh of a data source completes successfully."),
         QT_TRANSLATE_NOOP("Trigger", "Fires once per successful refresh of a data source."),
         {anyDataSource()},
         kDataSourcePlaceholders,
         TriggerKindDescriptor::Subject::DataSource},
        {TriggerKind::SegmentThresholdCrossed,
         QStringLiteral("segmentThresholdCrossed"),
         QT_TRANSLATE_NOOP("Trigger", "Segment threshold crossed"),
         QT_TRANSLATE_NOOP("Trigger",
                           "Fires when the number of members of a segment rises above a threshold."),
         QT_TRANSLATE_NOOP(
             "Trigger", "Fires only when the member count crosses above the threshold; it fires again after "
                        "the count has dropped back to or below it. The first value seen is a baseline."),
         {requiredSubject(), threshold([](const QJsonValue &value) -> QList<ParameterSpec::Problem> {
              if (value.toDouble() < 0)
                  return {{QString(), ParameterSpec::tr("a number of members (0 or more) is required")}};
              return {};
          })},
         kThresholdPlaceholders,
         TriggerKindDescriptor::Subject::Segment},
        {TriggerKind::MeasureThresholdCrossed,
         QStringLiteral("measureThresholdCrossed"),
         QT_TRANSLATE_NOOP("Trigger", "Business measure threshold crossed"),
         QT_TRANSLATE_NOOP(
             "Trigger",
             "Fires when the value of a business measure without dimension rises above a threshold."),
         QT_TRANSLATE_NOOP(
             "Trigger",
             "Fires only when the value crosses above the threshold. Only business measures without "
             "a dimension can be used. The first value seen is a baseline."),
         {requiredSubject(), threshold()},
         kThresholdPlaceholders,
         TriggerKindDescriptor::Subject::Measure},
        {TriggerKind::FullRefreshCompleted,
         QStringLiteral("fullRefreshCompleted"),
         QT_TRANSLATE_NOOP("Trigger", "Full refresh completed"),
         QT_TRANSLATE_NOOP("Trigger", "Fires when a scheduled full refresh of the instance completes."),
         QT_TRANSLATE_NOOP("Trigger",
                           "Scheduled refreshes only: manual refreshes do not fire unless you opt in below."),
         {flag(QStringLiteral("includeManualRefreshes"))},
         {QStringLiteral("job.id")},
         TriggerKindDescriptor::Subject::None},
        {TriggerKind::UnificationRefreshCompleted,
         QStringLiteral("unificationRefreshCompleted"),
         QT_TRANSLATE_NOOP("Trigger", "Unification refresh completed"),
         QT_TRANSLATE_NOOP("Trigger",
                           "Fires when the map, match and merge tasks of a refresh have all completed."),
         QT_TRANSLATE_NOOP("Trigger",
                           "Fires once per job when its map, match and merge tasks have all finished."),
         {},
         {QStringLiteral("job.id")},
         TriggerKindDescriptor::Subject::None},
    };
    return kinds;
}

const TriggerKindDescriptor &TriggerKindDescriptor::of(TriggerKind kind)
{
    for (const TriggerKindDescriptor &descriptor : all()) {
        if (descriptor.kind == kind)
            return descriptor;
    }
    Q_UNREACHABLE();
}

const TriggerKindDescriptor *TriggerKindDescriptor::find(QStringView id)
{
    for (const TriggerKindDescriptor &descriptor : all()) {
        if (descriptor.id == id)
            return &descriptor;
    }
    return nullptr;
}

const ParameterSpec *TriggerKindDescriptor::parameter(QStringView key) const
{
    for (const ParameterSpec &spec : parameters) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}
