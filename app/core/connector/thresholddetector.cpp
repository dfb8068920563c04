#include "thresholddetector.h"

#include <algorithm>

QJsonObject ThresholdDetector::State::toJson() const
{
    QJsonObject json{{QStringLiteral("subject"), subject}, {QStringLiteral("value"), value}};
    if (evaluatedAt.isValid())
        json.insert(QStringLiteral("evaluatedAt"), double(evaluatedAt.toMSecsSinceEpoch()));
    return json;
}

std::optional<ThresholdDetector::State> ThresholdDetector::State::fromJson(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("value")).isDouble() || !json.value(QStringLiteral("subject")).isString())
        return std::nullopt;
    State state;
    state.subject = json.value(QStringLiteral("subject")).toString();
    state.value = json.value(QStringLiteral("value")).toDouble();
    const QJsonValue at = json.value(QStringLiteral("evaluatedAt"));
    if (at.isDouble())
        state.evaluatedAt = QDateTime::fromMSecsSinceEpoch(qint64(at.toDouble()), Qt::UTC);
    return state;
}

ThresholdDetector::Outcome ThresholdDetector::observe(const std::optional<State> &previous,
                                                      const QString &subject, double threshold, double value,
                                                      const QDateTime &evaluatedAt)
{
    Outcome outcome;
    outcome.next = {subject, value,
                    evaluatedAt.isValid()
                        ? QDateTime::fromMSecsSinceEpoch(evaluatedAt.toMSecsSinceEpoch(), Qt::UTC)
                        : QDateTime()};
    if (!previous || previous->subject != subject) {
        outcome.changed = true; // the baseline
        return outcome;
    }
    outcome.previousValue = previous->value;
    if (previous->value == value && previous->evaluatedAt == outcome.next.evaluatedAt)
        return outcome; // the same evaluation again
    outcome.changed = true;
    outcome.fires = previous->value <= threshold && value > threshold;
    return outcome;
}

ThresholdDetector::Replay ThresholdDetector::replay(const std::optional<State> &previous,
                                                    const QString &subject, double threshold,
                                                    QList<Evaluation> evaluations)
{
    Replay result;
    if (previous)
        result.next = *previous;
    if (evaluations.isEmpty())
        return result;
    // Oldest first; one without a time is the newest (the current evaluation of a service that gave none).
    std::stable_sort(evaluations.begin(), evaluations.end(), [](const Evaluation &a, const Evaluation &b) {
        if (a.evaluatedAt.isValid() != b.evaluatedAt.isValid())
            return a.evaluatedAt.isValid();
        return a.evaluatedAt < b.evaluatedAt;
    });
    const bool known = previous && previous->subject == subject;
    qsizetype first = evaluations.size() - 1; // without a usable state: the newest only
    if (known && previous->evaluatedAt.isValid()) {
        first = std::find_if(evaluations.cbegin(), evaluations.cend(),
                             [&](const Evaluation &e) {
                                 return !e.evaluatedAt.isValid() || e.evaluatedAt > previous->evaluatedAt;
                             }) -
                evaluations.cbegin();
    }
    std::optional<State> state = known ? previous : std::nullopt;
    for (qsizetype i = first; i < evaluations.size(); ++i) {
        const Evaluation &evaluation = evaluations.at(i);
        if (i + 1 < evaluations.size() && evaluation.evaluatedAt.isValid() &&
            evaluation.evaluatedAt == evaluations.at(i + 1).evaluatedAt)
            continue; // the same evaluation twice (the current one is also in the history): the last counts
        const Outcome outcome = observe(state, subject, threshold, evaluation.value, evaluation.evaluatedAt);
        if (outcome.fires)
            result.crossings.append({evaluation.value, *outcome.previousValue, outcome.next.evaluatedAt,
                                     evaluation.evaluatedAt == evaluations.constLast().evaluatedAt});
        result.changed = result.changed || outcome.changed;
        state = outcome.next;
    }
    if (state)
        result.next = *state;
    return result;
}
