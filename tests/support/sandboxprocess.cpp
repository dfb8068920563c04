#include "sandboxprocess.h"

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        m_process.waitForFinished(10000);
    }
}

bool SandboxProcess::start(const QString &executable, const QStringList &arguments, QString *error)
{
    m_process.start(executable, QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    if (!m_process.waitForReadyRead(30000)) {
        *error = m_process.errorString() + u' ' + QString::fromUtf8(m_process.readAllStandardError());
        return false;
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    if (!line.startsWith(QLatin1String("insights-sandbox listening on "))) {
        *error = line;
        return false;
    }
    m_baseUrl = line.section(u' ', -1);
    return true;
}
