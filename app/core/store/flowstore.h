#pragma once

#include "flow.h"

#include <QCoreApplication>

#include <optional>

class Clock;
class Database;

// The flows of this installation, in the `flows` and `steps` tables. Each write is one transaction.
//
// FlowStore emits nothing: it is a plain object on the thread of its Database. Whoever changes flows (the
// flow editor, --import-flows) tells the others, e.g. the GUI sends the connector worker a queued
// "flows changed" and the worker calls list() again on its own connection.
//
// Failures return false / 0 / nullopt / an empty list, with Database::errorString() set.
class FlowStore
{
    Q_DECLARE_TR_FUNCTIONS(FlowStore)

public:
    // `db` must be open and outlive the store; `clock` stamps created/modified.
    explicit FlowStore(Database &db, const Clock &clock);
    explicit FlowStore(Database &db);

    QList<Flow> list(); // every flow with its steps, by id
    std::optional<Flow> get(qint64 id);

    // Stores a new flow (flow.id is ignored) and returns its id, 0 on failure. Sets created and modified.
    qint64 insert(const Flow &flow);
    // Replaces the flow with flow.id (name, enabled, trigger, steps); keeps created, sets modified. False
    // when there is no such flow.
    bool update(const Flow &flow);
    bool remove(qint64 id); // its steps go with it; its firings stay in the log
    bool setEnabled(qint64 id, bool enabled);
    // Stores a copy named "<name> (copy)" (disabled, so it does not fire twice) and returns its id, 0 on
    // failure.
    qint64 duplicate(qint64 id);

    // Inserts all flows in one transaction (an import: all or nothing); returns their ids, empty on failure.
    QList<qint64> insertAll(const QList<Flow> &flows);

private:
    qint64 insertOne(const Flow &flow, qint64 now);
    bool writeSteps(qint64 flowId, const QList<Step> &steps);

    Database &m_db;
    const Clock &m_clock;
};
