#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

class Connector;

// What the worker answers to one request (ConnectorRequests::answered): a result, or a translated sentence
// that says what happened and what to do.
struct ConnectorAnswer
{
    bool ok = false;
    QVariant result;
    QString message; // when !ok
};

Q_DECLARE_METATYPE(ConnectorAnswer)

// One interactive request of the connector (a catalogue, a preview, a test firing, a resubmission), returned
// to its caller, in the manner of ownCloud's network jobs. It lives on the GUI thread, and the caller usually
// parents it: a caller that goes first (an editor closed) takes the job with it, and the answer that comes
// later finds no one and is dropped.
//
//   job = Connector::requestCatalogue(owner)
//     --(later, queued: never inside the call)--> finished(result) | failed(message) --> deleteLater()
//
// A job emits exactly one of its finished() (the subclass's, with the typed result) and failed(), always from
// the event loop, then deletes itself. failed()'s message is a translated sentence: what happened and what to
// do ("Not signed in. Sign in on the Account page to ...").
class ConnectorJob : public QObject
{
    Q_OBJECT

public:
    // Whether the job has its answer (finished() or failed() is queued or was emitted).
    bool isAnswered() const { return m_answered; }

    // Ends the job with `message`: failed() follows from the event loop. Ignored once answered.
    void fail(const QString &message);

signals:
    void failed(const QString &message);

protected:
    explicit ConnectorJob(QObject *owner);
    // Ends the job with `result`: the subclass's finished() follows from the event loop. Ignored once
    // answered.
    void succeedWith(const QVariant &result);

private:
    friend class Connector;
    // The worker's answer, which Connector receives queued: emitted at once, so that it keeps its place
    // before the step runs of the firing it started.
    void answer(const ConnectorAnswer &answer);
    void end(const ConnectorAnswer &answer, Qt::ConnectionType when);
    // Emits the subclass's finished() with `result`.
    virtual void emitFinished(const QVariant &result) = 0;

    bool m_answered = false;
};
