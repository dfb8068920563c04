#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include <deque>

// A bounded record of JSON entries, each numbered in order ("seq", from 1), read back in pages: what
// happened in the scenario (Scenario::events(), GET /sandbox/control/events) and the calls clients made
// (Throttle::calls(), GET /sandbox/control/calls). Beyond kMaxEntries the oldest entries go, and
// firstSeq() says where the kept record starts.
//
// The scenario's record: since the sandbox started, every task and job that reached a terminal status
// and every segment and measure evaluation. Tests that check a client saw everything (the soak) derive the
// events it should have detected from it; the job list itself is trimmed and the evaluation histories
// are short.
//
//   {"seq", "type": "taskEnded", "at", "jobId", "jobOperationType", "submissionKind", "taskId",
//    "operationType", "friendlyName", "status", "dataSourceId"?, "dataSource"?}
//   {"seq", "type": "jobEnded", "at", "jobId", "operationType", "submissionKind", "status"}
//   {"seq", "type": "segmentEvaluated", "at", "segment", "count", "runId", "initial"?}
//   {"seq", "type": "measureEvaluated", "at", "measure", "values": {"<key>": X}, "runId", "initial"?}
//
// "at" is ISO 8601 UTC with milliseconds: the task's or job's end, the evaluation date. "initial" marks the
// state the scenario started in (its seeded history), before anything happened live.
class EventLog
{
public:
    static constexpr int kMaxEntries = 50000;

    void append(QJsonObject event); // sets "seq"
    qint64 firstSeq() const;        // the oldest entry kept (nextSeq() when empty)
    qint64 nextSeq() const { return m_next; }
    // The entries with seq > `after`, oldest first, at most `limit`.
    QJsonArray since(qint64 after, int limit) const;

private:
    std::deque<QJsonObject> m_entries;
    qint64 m_next = 1;
};
