#include "stepaction.h"

#include "emailstep.h"
#include "getitemsstep.h"
#include "httpcallstep.h"
#include "teamsstep.h"

#include <utility>

StepAction::StepAction(StepInput input, QObject *parent)
    : QObject(parent)
    , m_input(std::move(input))
{}

namespace {

using Factory = StepAction *(*)(StepInput input, QObject *parent);

template<typename Action>
StepAction *make(StepInput input, QObject *parent)
{
    return new Action(std::move(input), parent);
}

// The action of each step kind of StepKindDescriptor::all().
constexpr std::pair<StepKind, Factory> kActions[] = {
    {StepKind::TeamsMessage, make<TeamsStep>},
    {StepKind::Email, make<EmailStep>},
    {StepKind::HttpCall, make<HttpCallStep>},
    {StepKind::GetItems, make<GetItemsStep>},
};

} // namespace

StepAction *StepAction::create(StepInput input, QObject *parent)
{
    for (const auto &[kind, factory] : kActions) {
        if (kind == input.step.kind)
            return factory(std::move(input), parent);
    }
    return nullptr;
}

void StepAction::finish(const StepOutcome &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    QMetaObject::invokeMethod(
        this, [this, outcome] { emit finished(outcome); }, Qt::QueuedConnection);
}
