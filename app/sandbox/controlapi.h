#pragma once

#include "sandboxrequest.h"
#include "sandboxresponse.h"

class EventLog;
class FaultInjector;
class IdentityProvider;
class Outbox;
class SandboxServer;
class Scenario;
class SmtpSink;
class Throttle;
class SandboxClock;

#include <memory>

// The loopback-only control API for tests and demos (JSON in, JSON out), and the Teams webhook sink:
//
//   POST   /sandbox/control/refresh          {"kind":"full"|"unification"|"datasource",
//   "dataSource":"<id|name>",
//                                            "outcome":"successful"|"failed", "scheduled":bool} -> {"jobId"}
//   PUT    /sandbox/control/segments/{name}  {"count":N}            -> a new evaluation
//   PUT    /sandbox/control/measures/{name}  {"value":X} | {"values":{"<dimension value>":X}}
//   POST   /sandbox/control/faults           {"kind":"http500"|"delay"|"throttle"|"drop", "count":N, "ms":M}
//   GET    /sandbox/control/faults  DELETE /sandbox/control/faults
//   GET    /sandbox/control/counters         per connection: calls in the last 60 s, max in any 60 s, 429s
//   GET    /sandbox/control/outbox  DELETE /sandbox/control/outbox   Teams messages and emails received
//   GET    /sandbox/control/state            the scenario's state (jobs, counts, values)
//   POST   /sandbox/control/tokens           {"subject"?, "scope"?} -> a token response, without a browser
//   POST   /sandbox/control/tokens/expire    {"subject"?} -> {"expired": N}: access tokens expire now
//   POST   /sandbox/control/tokens/revoke    {"subject"?} -> {"revoked": N}: sign-ins revoked (sign in again)
//   GET    /sandbox/control/events?after=SEQ&limit=N  what happened in the scenario (EventLog)
//   GET    /sandbox/control/calls?after=SEQ&limit=N   every CI API call with a valid token and key
//   POST   /sandbox/teams/{channel}          a Teams incoming-webhook message
class ControlApi
{
public:
    ControlApi(Scenario *scenario, FaultInjector *faults, Throttle *throttle, Outbox *outbox, SmtpSink *smtp,
               IdentityProvider *identity, std::shared_ptr<const SandboxClock> clock);

    void registerRoutes(SandboxServer &server);

private:
    SandboxResponse refresh(const SandboxRequest &request);
    SandboxResponse setSegment(const SandboxRequest &request);
    SandboxResponse setMeasure(const SandboxRequest &request);
    SandboxResponse addFault(const SandboxRequest &request);
    SandboxResponse counters() const;
    SandboxResponse outbox() const;
    SandboxResponse tokens(const SandboxRequest &request);
    SandboxResponse tokenFault(const SandboxRequest &request, bool revoke);
    // One page of a record: ?after=SEQ&limit=N -> {"first", "next", "last", "<key>": [...]}
    static SandboxResponse page(const SandboxRequest &request, const EventLog &log, const QString &key);
    SandboxResponse teams(const SandboxRequest &request);

    Scenario *m_scenario;
    FaultInjector *m_faults;
    Throttle *m_throttle;
    Outbox *m_outbox;
    SmtpSink *m_smtp;
    IdentityProvider *m_identity;
    std::shared_ptr<const SandboxClock> m_clock;
};
