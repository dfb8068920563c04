#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// An insights-sandbox process on a free port, for tests that drive the insights-admin executable against a
// separate peer. Stopped with SIGTERM when it goes out of scope.
class SandboxProcess
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts `executable --port 0 arguments...` and waits for its "listening on" line. On failure `error`
    // says what it printed instead.
    bool start(const QString &executable, const QStringList &arguments, QString *error);
    QString baseUrl() const { return m_baseUrl; } // http://127.0.0.1:PORT

private:
    QProcess m_process;
    QString m_baseUrl;
};
