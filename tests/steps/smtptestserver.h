#pragma once

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

// tests/support/smtp-server.py (aiosmtpd) as a child process, and a self-signed certificate for 127.0.0.1
// made with the openssl CLI in a temporary folder.
class SmtpTestServer
{
public:
    ~SmtpTestServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            m_process.waitForFinished(5000);
        }
    }

    // A certificate and key for localhost / 127.0.0.1 in `dir`; false when openssl failed.
    static bool makeCertificate(const QTemporaryDir &dir)
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                       dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
               openssl.exitCode() == 0;
    }

    bool start(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setProgram(QStringLiteral(SYSTEM_PYTHON));
        m_process.setArguments(QStringList{QStringLiteral(SMTP_SERVER_SCRIPT)} + arguments);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] { read(); });
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        QDeadlineTimer deadline(15000);
        while (m_port == 0 && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(int(deadline.remainingTime()));
            read();
        }
        if (m_port == 0)
            qWarning() << "smtp-server.py did not start:" << m_process.readAllStandardError();
        return m_port != 0;
    }

    quint16 port() const { return m_port; }
    const QList<QJsonObject> &messages() const { return m_messages; }

private:
    void read()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(newline).trimmed();
            m_buffer.remove(0, newline + 1);
            if (line.startsWith("PORT "))
                m_port = quint16(line.mid(5).toUInt());
            else if (line.startsWith("MESSAGE "))
                m_messages.append(QJsonDocument::fromJson(line.mid(8)).object());
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    quint16 m_port = 0;
    QList<QJsonObject> m_messages;
};
