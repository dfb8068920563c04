#pragma once

#include "stepaction.h"

#include <QPointer>

class ApiJob;

// Gets items from an entity (the connector's own action): GET instances/{id}/data/{entity} with $filter,
// $select and $orderby from the step, page after page ($top at most 100, $skip) until the row limit or the
// last page. Every page goes through the connection's ApiClient at the input's priority (Bulk for a firing's
// step, so a large read waits for budget in the same RateLimiter as the worker's polling instead of failing
// or starving it; Interactive for the flow editor's preview). The rows become the outcome's items: {{items}}
// and {{items.count}} of the later steps.
class GetItemsStep : public StepAction
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 10000;

    using StepAction::StepAction;
    ~GetItemsStep() override;

    void start() override;

private:
    void requestPage();
    void handlePage(ApiJob *job);

    QPointer<ApiJob> m_job;
    QList<QJsonObject> m_rows;
    int m_limit = kDefaultLimit;
    int m_pages = 0;
};
