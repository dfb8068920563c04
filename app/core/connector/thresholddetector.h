#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The rule of the two threshold triggers (docs/triggers.md) for one (flow, subject):
//
//   no state yet                  -> baseline: remember the value, never fire
//   previous <= threshold < value -> fire once (the crossing)
//   anything else                 -> remember the value; dropping back to <= threshold re-arms
//
// Equal to the threshold is not above it. The same evaluation seen twice (a reconcile, a restart) changes
// nothing.
//
// replay() feeds the evaluations newer than the last one seen (the service's evaluation history, see
// CiEvaluation), oldest first, through the same rule, so that a crossing, or the dip that re-arms it,
// between two looks is not lost:
//
//   state (above, t0)   history t1: 1200  t2: 1300  t3: 1200 (current)   -> re-armed at t1, fires at t2
//
// Evaluations at or before the state's time were seen already; without a state only the newest one
// counts (the baseline): what happened before a flow's baseline never fires. Pure: the caller loads and saves
// the state (DetectorStateStore), in the same transaction as the firings, so a restart neither fires twice
// nor loses a crossing.
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

    struct Evaluation
    {
        double value = 0;
        QDateTime evaluatedAt; // invalid: the service gave none (only the newest evaluation can lack it)
    };

    struct Crossing
    {
        double value = 0;
        double previousValue = 0;
        QDateTime evaluatedAt;
        bool newest = false; // the newest evaluation given, i.e. not found in the history
    };

    struct Replay
    {
        QList<Crossing> crossings; // oldest first
        bool changed = false;      // `next` differs from the previous state: save it
        State next;
    };

    // `evaluations` in any order (the current one and the history; duplicates allowed).
    static Replay replay(const std::optional<State> &previous, const QString &subject, double threshold,
                         QList<Evaluation> evaluations);

    static Outcome observe(const std::optional<State> &previous, const QString &subject, double threshold,
                           double value, const QDateTime &evaluatedAt);
};
