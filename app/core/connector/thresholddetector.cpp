#include "thresholddetector.h"

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
