#include "stepaction.h"

#include "emailstep.h"
#include "getitemsstep.h"
#include "httpcallstep.h"
#include "teamsstep.h"

StepAction::StepAction(StepInput input, QObject *parent)
    : QObject(parent)
    , m_input(std::move(input))
{}

StepAction *StepAction::create(StepInput input, QObject *parent)
{
    switch (input.step.kind) {
    case StepKind::TeamsMessage:
        return new TeamsStep(std::move(input), parent);
    case StepKind::Email:
        return new EmailStep(std::move(input), parent);
    case StepKind::HttpCall:
        return new HttpCallStep(std::move(input), parent);
    case StepKind::GetItems:
        return new GetItemsStep(std::move(input), parent);
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
