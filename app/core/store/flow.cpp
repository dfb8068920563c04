#include "flow.h"

#include "stepkinddescriptor.h"
#include "triggerkinddescriptor.h"

QList<TriggerKind> Trigger::allKinds()
{
    QList<TriggerKind> kinds;
    for (const TriggerKindDescriptor &descriptor : TriggerKindDescriptor::all())
        kinds.append(descriptor.kind);
    return kinds;
}

QString Trigger::id(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).id;
}

std::optional<TriggerKind> Trigger::kindFromId(QStringView id)
{
    if (const TriggerKindDescriptor *descriptor = TriggerKindDescriptor::find(id))
        return descriptor->kind;
    return std::nullopt;
}

QString Trigger::displayName(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).name();
}

QString Trigger::description(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).description();
}

bool Trigger::takesSubject(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).takes(u"subject");
}

bool Trigger::requiresSubject(TriggerKind kind)
{
    const ParameterSpec *subject = TriggerKindDescriptor::of(kind).parameter(u"subject");
    return subject && subject->required;
}

bool Trigger::takesThreshold(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).takes(u"threshold");
}

bool Trigger::takesPermanentFailuresOnly(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).takes(u"permanentFailuresOnly");
}

bool Trigger::takesIncludeManualRefreshes(TriggerKind kind)
{
    return TriggerKindDescriptor::of(kind).takes(u"includeManualRefreshes");
}

QList<StepKind> Step::allKinds()
{
    QList<StepKind> kinds;
    for (const StepKindDescriptor &descriptor : StepKindDescriptor::all())
        kinds.append(descriptor.kind);
    return kinds;
}

QString Step::id(StepKind kind)
{
    return StepKindDescriptor::of(kind).id;
}

std::optional<StepKind> Step::kindFromId(QStringView id)
{
    if (const StepKindDescriptor *descriptor = StepKindDescriptor::find(id))
        return descriptor->kind;
    return std::nullopt;
}

QString Step::displayName(StepKind kind)
{
    return StepKindDescriptor::of(kind).name();
}

QString Step::description(StepKind kind)
{
    return StepKindDescriptor::of(kind).description();
}

QStringList Step::parameterKeys(StepKind kind)
{
    return StepKindDescriptor::of(kind).parameterKeys();
}

QStringList Step::secretRefKeys(StepKind kind)
{
    return StepKindDescriptor::of(kind).secretRefKeys();
}

QStringList Flow::secretRefs() const
{
    QStringList refs;
    for (const Step &step : steps) {
        for (const QString &key : Step::secretRefKeys(step.kind)) {
            const QString ref = step.parameters.value(key).toString();
            if (!ref.isEmpty() && !refs.contains(ref))
                refs.append(ref);
        }
    }
    return refs;
}
