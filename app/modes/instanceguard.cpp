#include "instanceguard.h"

#include "console.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>

namespace {

constexpr int kAnswerTimeoutMs = 3000;
const QByteArray kActivate = QByteArrayLiteral("activate");
const QByteArray kFlows = QByteArrayLiteral("flows");

} // namespace

InstanceGuard::InstanceGuard(const QString &dataDir, Role role, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_role(role)
    , m_lock(QDir(dataDir).filePath(QStringLiteral("connector.lock")))
{
    m_lock.setStaleLockTime(0); // stale only when its process is gone, however long it ran
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

InstanceGuard::~InstanceGuard() = default;

QString InstanceGuard::serverName(const QString &dataDir)
{
    const QByteArray folder = QFileInfo(dataDir).canonicalFilePath().toUtf8();
    return QStringLiteral("insights-admin-") +
           QString::fromLatin1(QCryptographicHash::hash(folder, QCryptographicHash::Sha256).toHex().left(24));
}

bool InstanceGuard::claim()
{
    if (!m_lock.tryLock(0))
        return false;
    const QString name = serverName(m_dataDir);
    if (!m_server.listen(name)) {
        // A socket left by a killed instance: the lock is ours, so it is nobody's.
        QLocalServer::removeServer(name);
        if (!m_server.listen(name))
            Console::err(QCoreApplication::translate(
                             "CommandLine", "insights-admin: later starts cannot reach this one (%1).\n")
                             .arg(m_server.errorString()));
    }
    return true;
}

qint64 InstanceGuard::ownerPid() const
{
    qint64 pid = 0;
    QString host, application;
    return m_lock.getLockInfo(&pid, &host, &application) ? pid : 0;
}

int InstanceGuard::handOver() const
{
    if (m_role == Role::Window && send(m_dataDir, kActivate) == "window")
        return 0;
    Console::err(QCoreApplication::translate(
                     "CommandLine", "insights-admin: another insights-admin is already running the connector "
                                    "for %1 (pid %2).\n")
                     .arg(QDir::toNativeSeparators(m_dataDir))
                     .arg(ownerPid()));
    return 3;
}

void InstanceGuard::notifyFlowsChanged(const QString &dataDir)
{
    send(dataDir, kFlows);
}

// A short exchange before (or beside) the event loop of a command: the blocking waits of QLocalSocket
// run no event loop.
QByteArray InstanceGuard::send(const QString &dataDir, const QByteArray &message)
{
    QLocalSocket socket;
    socket.connectToServer(serverName(dataDir));
    if (!socket.waitForConnected(kAnswerTimeoutMs))
        return {};
    socket.write(message + '\n');
    if (!socket.waitForBytesWritten(kAnswerTimeoutMs))
        return {};
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(kAnswerTimeoutMs))
            return {};
    }
    return socket.readLine().trimmed();
}

void InstanceGuard::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        if (!socket->canReadLine())
            return;
        const QByteArray message = socket->readLine().trimmed();
        if (message == kActivate && m_role == Role::Window)
            emit activationRequested();
        else if (message == kFlows)
            emit flowsChanged();
        socket->write(m_role == Role::Window ? "window\n" : "headless\n");
        socket->disconnectFromServer();
    });
}
