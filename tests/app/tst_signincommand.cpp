// `insights-admin --sign-in` on a server: no window, the browser is whatever $BROWSER names.
#include "sandboxprocess.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestSignInCommand : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QString m_base;

    QProcessEnvironment environment(const QString &consent) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BROWSER"), QStringLiteral(SANDBOX_BROWSER));
        environment.insert(QStringLiteral("SANDBOX_CONSENT"), consent);
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        // No session bus: the refresh token cannot be remembered, and the command says so.
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent"));
        return environment;
    }

    struct Run
    {
        int exitCode = -1;
        QString output;
    };

    Run signIn(const QString &dataDir, const QString &consent, bool withApi = true)
    {
        QProcess process;
        process.setProcessEnvironment(environment(consent));
        QStringList arguments{
            QStringLiteral("--sign-in"),        QStringLiteral("--data-dir"), dataDir,
            QStringLiteral("--lang"),           QStringLiteral("en"),         QStringLiteral("--authority"),
            m_base + QStringLiteral("/contoso")};
        if (withApi)
            arguments << QStringLiteral("--api") << m_base + QStringLiteral("/v1");
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardError() + process.readAllStandardOutput())};
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral(INSIGHTS_SANDBOX_EXE), {}, &error), qPrintable(error));
        m_base = m_sandbox.baseUrl();
    }

    void signsInWithTheBrowserAndSavesTheConnection()
    {
        QTemporaryDir dataDir;
        const Run run = signIn(dataDir.path(), QStringLiteral("accept"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains(QLatin1String("Signed in as admin@contoso.example.")),
                 qPrintable(run.output));
        QVERIFY2(run.output.contains(QLatin1String("/contoso/oauth2/v2.0/authorize?")),
                 qPrintable(run.output));
        QVERIFY2(run.output.contains(QLatin1String("Not remembered")), qPrintable(run.output));
        QVERIFY(!run.output.contains(QLatin1String("code=")));

        QSettings settings(dataDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("connection"));
        QCOMPARE(settings.value(QStringLiteral("mode")).toString(), QStringLiteral("tenant"));
        const QString saved = QString::fromUtf8([&] {
            QFile file(dataDir.filePath(QStringLiteral("settings.ini")));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }());
        QVERIFY2(saved.contains(m_base + QStringLiteral("/contoso")), qPrintable(saved));
        QVERIFY(!saved.contains(QLatin1String("token"), Qt::CaseInsensitive) ||
                !saved.contains(QLatin1String("eyJ")));
    }

    // A tenant without --api talks to the public Customer Insights API.
    void theApiDefaultsToThePublicOne()
    {
        QTemporaryDir dataDir;
        const Run run = signIn(dataDir.path(), QStringLiteral("accept"), false);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QSettings settings(dataDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("connection/apiBase")).toString(),
                 QStringLiteral("https://api.ci.ai.dynamics.com/v1"));
    }

    void deniedConsentFailsWithTheReason()
    {
        QTemporaryDir dataDir;
        const Run run = signIn(dataDir.path(), QStringLiteral("deny"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QLatin1String("access_denied")), qPrintable(run.output));
        QVERIFY(!QFile::exists(dataDir.filePath(QStringLiteral("settings.ini"))) ||
                !QSettings(dataDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
                     .contains(QStringLiteral("connection/mode")));
    }

    void badConnectionOptionsAreRefused()
    {
        QTemporaryDir dataDir;
        QProcess process;
        process.setProcessEnvironment(environment(QStringLiteral("accept")));
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                      {QStringLiteral("--sign-in"), QStringLiteral("--data-dir"), dataDir.path(),
                       QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--authority"),
                       QStringLiteral("http://login.example.org/contoso")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("cannot be used"));
    }
};

QTEST_GUILESS_MAIN(TestSignInCommand)
#include "tst_signincommand.moc"
