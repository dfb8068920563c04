#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>

// One connector per data folder, as KeePassXC and qBittorrent allow one instance: a lock file in the folder
// (connector.lock, holding the pid; a lock left by a killed process is taken over) and a QLocalServer
// named after the folder, through which later commands reach the running instance:
//
//   a second window    --"activate"-->  the running window raises itself, answers "window" (the second
//                                       exits 0); a running --headless answers "headless" (it exits 3)
//   --import-flows     --"flows"----->  the running window or --headless reads the flows again
//
// The flows commands poke the running instance rather than have the worker watch the database: the lock
// makes the listener the only process that can run the connector on the folder, and a poke that finds
// no one changes nothing (the next start reads the flows anyway).
class InstanceGuard : public QObject
{
    Q_OBJECT

public:
    enum class Role
    {
        Window,
        Headless
    };

    InstanceGuard(const QString &dataDir, Role role, QObject *parent = nullptr);
    ~InstanceGuard() override;

    // Takes the folder's lock and listens; false when another process holds it (ownerPid()).
    bool claim();
    qint64 ownerPid() const;
    // A second start: a window hands over to a running window (0); otherwise the sentence on stderr (3).
    int handOver() const;

    // Tells the instance running on `dataDir`, if any, that its flows changed.
    static void notifyFlowsChanged(const QString &dataDir);

signals:
    void activationRequested();
    void flowsChanged();

private:
    static QString serverName(const QString &dataDir);
    // Sends one message to the instance on `dataDir` and returns its answer (empty when none answers).
    static QByteArray send(const QString &dataDir, const QByteArray &message);
    void serve(QLocalSocket *socket);

    QString m_dataDir;
    Role m_role;
    QLockFile m_lock;
    QLocalServer m_server;
};
