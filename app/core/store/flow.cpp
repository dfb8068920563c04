#include "flow.h"

QList<TriggerKind> Trigger::allKinds()
{
    return {TriggerKind::DataSourceRefreshFailed, TriggerKind::DataSourceRefreshSucceeded,
            TriggerKind::SegmentThresholdCrossed, TriggerKind::MeasureThresholdCrossed,
            TriggerKind::FullRefreshCompleted,    TriggerKind::UnificationRefreshCompleted};
}

QString Trigger::id(TriggerKind kind)
{
    switch (kind) {
    case TriggerKind::DataSourceRefreshFailed:
        return QStringLiteral("dataSourceRefreshFailed");
    case TriggerKind::DataSourceRefreshSucceeded:
        return QStringLiteral("dataSourceRefreshSucceeded");
    case TriggerKind::SegmentThresholdCrossed:
        return QStringLiteral("segmentThresholdCrossed");
    case TriggerKind::MeasureThresholdCrossed:
        return QStringLiteral("measureThresholdCrossed");
    case TriggerKind::FullRefreshCompleted:
        return QStringLiteral("fullRefreshCompleted");
    case TriggerKind::UnificationRefreshCompleted:
        return QStringLiteral("unificationRefreshCompleted");
    }
    return {};
}

std::optional<TriggerKind> Trigger::kindFromId(QStringView id)
{
    for (TriggerKind kind : allKinds()) {
        if (Trigger::id(kind) == id)
            return kind;
    }
    return std::nullopt;
}

QString Trigger::displayName(TriggerKind kind)
{
    switch (kind) {
    case TriggerKind::DataSourceRefreshFailed:
        return tr("Data source refresh failed");
    case TriggerKind::DataSourceRefreshSucceeded:
        return tr("Data source refresh succeeded");
    case TriggerKind::SegmentThresholdCrossed:
        return tr("Segment threshold crossed");
    case TriggerKind::MeasureThresholdCrossed:
        return tr("Business measure threshold crossed");
    case TriggerKind::FullRefreshCompleted:
        return tr("Full refresh completed");
    case TriggerKind::UnificationRefreshCompleted:
        return tr("Unification refresh completed");
    }
    return {};
}

QString Trigger::description(TriggerKind kind)
{
    switch (kind) {
    case TriggerKind::DataSourceRefreshFailed:
        return tr("Fires when the refresh of a data source fails or times out.");
    case TriggerKind::DataSourceRefreshSucceeded:
        return tr("Fires when the refresh of a data source completes successfully.");
    case TriggerKind::SegmentThresholdCrossed:
        return tr("Fires when the number of members of a segment rises above a threshold.");
    case TriggerKind::MeasureThresholdCrossed:
        return tr("Fires when the value of a business measure without dimension rises above a threshold.");
    case TriggerKind::FullRefreshCompleted:
        return tr("Fires when a scheduled full refresh of the instance completes.");
    case TriggerKind::UnificationRefreshCompleted:
        return tr("Fires when the map, match and merge tasks of a refresh have all completed.");
    }
    return {};
}

bool Trigger::takesSubject(TriggerKind kind)
{
    return kind == TriggerKind::DataSourceRefreshFailed || kind == TriggerKind::DataSourceRefreshSucceeded ||
           requiresSubject(kind);
}

bool Trigger::requiresSubject(TriggerKind kind)
{
    return takesThreshold(kind);
}

bool Trigger::takesThreshold(TriggerKind kind)
{
    return kind == TriggerKind::SegmentThresholdCrossed || kind == TriggerKind::MeasureThresholdCrossed;
}

bool Trigger::takesPermanentFailuresOnly(TriggerKind kind)
{
    return kind == TriggerKind::DataSourceRefreshFailed;
}

bool Trigger::takesIncludeManualRefreshes(TriggerKind kind)
{
    return kind == TriggerKind::FullRefreshCompleted;
}

QList<StepKind> Step::allKinds()
{
    return {StepKind::TeamsMessage, StepKind::Email, StepKind::HttpCall, StepKind::GetItems};
}

QString Step::id(StepKind kind)
{
    switch (kind) {
    case StepKind::TeamsMessage:
        return QStringLiteral("teamsMessage");
    case StepKind::Email:
        return QStringLiteral("email");
    case StepKind::HttpCall:
        return QStringLiteral("httpCall");
    case StepKind::GetItems:
        return QStringLiteral("getItems");
    }
    return {};
}

std::optional<StepKind> Step::kindFromId(QStringView id)
{
    for (StepKind kind : allKinds()) {
        if (Step::id(kind) == id)
            return kind;
    }
    return std::nullopt;
}

QString Step::displayName(StepKind kind)
{
    switch (kind) {
    case StepKind::TeamsMessage:
        return tr("Post a message to a Teams channel");
    case StepKind::Email:
        return tr("Send an email");
    case StepKind::HttpCall:
        return tr("Call an HTTP endpoint");
    case StepKind::GetItems:
        return tr("Get items from an entity");
    }
    return {};
}

QString Step::description(StepKind kind)
{
    switch (kind) {
    case StepKind::TeamsMessage:
        return tr("Posts a card to a channel through its incoming webhook.");
    case StepKind::Email:
        return tr("Sends a plain text and HTML email through your SMTP server.");
    case StepKind::HttpCall:
        return tr("Sends a request with a JSON body to a URL, optionally signed with HMAC-SHA256.");
    case StepKind::GetItems:
        return tr("Reads rows of an entity of the instance for the following steps.");
    }
    return {};
}

QStringList Step::parameterKeys(StepKind kind)
{
    switch (kind) {
    case StepKind::TeamsMessage:
        return {QStringLiteral("webhookSecretRef"), QStringLiteral("title"), QStringLiteral("text")};
    case StepKind::Email:
        return {QStringLiteral("to"),       QStringLiteral("cc"),       QStringLiteral("subject"),
                QStringLiteral("textBody"), QStringLiteral("htmlBody"), QStringLiteral("smtpSecretRef")};
    case StepKind::HttpCall:
        return {QStringLiteral("method"), QStringLiteral("url"), QStringLiteral("headers"),
                QStringLiteral("body"), QStringLiteral("signingSecretRef")};
    case StepKind::GetItems:
        return {QStringLiteral("entity"), QStringLiteral("filter"), QStringLiteral("select"),
                QStringLiteral("orderBy"), QStringLiteral("limit")};
    }
    return {};
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

QStringList Step::secretRefKeys(StepKind kind)
{
    QStringList keys = parameterKeys(kind);
    keys.removeIf([](const QString &key) { return !isSecretRefKey(key); });
    return keys;
}
