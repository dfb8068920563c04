#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// The rule of the two threshold triggers (DESIGN section 6) for one (flow, subject):
//
//   no state yet                  -> baseline: remember the value, never fire
//   previous <= threshold < value -> fire once (the crossing)
//   anything else                 -> remember the value; dropping back to <= threshold re-arms
//
// Equal to the threshold is not above it. The same evaluation seen twice (a reconcile, a restart) changes
// nothing. Pure: the caller loads and saves the state (DetectorStateStore), in the same transaction as the
// firings, so a restart neither fires twice nor loses a crossing.
class ThresholdDetector
{
public:
    struct State
    {
        QString subject; // the API name the state belongs to: a flow edited to another subject starts over
        double value = 0;
        QDateTime evaluatedAt; // UTC; invalid when the service gave none

        QJsonObject toJson() const;
        static std::optional<State> fromJson(const QJsonObject &json); // nullopt for an empty/bad object
        friend bool operator==(const State &, const State &) = default;
    };

    struct Outcome
    {
        bool fires = false;
        bool changed = false; // `next` differs from the previous state: save it
        std::optional<double> previousValue;
        State next;
    };

    static Outcome observe(const std::optional<State> &previous, const QString &subject, double threshold,
                           double value, const QDateTime &evaluatedAt);
};
