// No secret leaves the secret store: after a full headless run whose flow posts to Teams, sends an email
// with SMTP AUTH and calls a signed HTTP endpoint (secrets from the OS secret store), none of the secrets
// and none of the sign-in's tokens appears in any file of the data folder (database, WAL, settings), the
// exported flows, the trigger log export (CSV and JSON) or anything the processes printed, with every
// insights.* logging category at debug level.
//
//   with-keyring.sh (private D-Bus + gnome-keyring)
//     test: secrets -> keychain; flows -> --import-flows
//     insights-admin --headless (signs in through $BROWSER, runs the steps) <-> insights-sandbox,
//     HttpReceiver test: --export-flows, TriggerLogExporter (CSV, JSON), read everything back and search it
//
// Besides the secrets it knows (Teams webhook URL, SMTP password and its AUTH encodings, HMAC key, the
// refresh token read back from the keychain), it looks for any live access token: every 43-character
// base64url word found is tried against the sandbox's API.
#include "connectionsettings.h"
#include "database.h"
#include "firinglog.h"
#include "httpreceiver.h"
#include "httptestclient.h"
#include "sandboxprocess.h"
#include "secretstore.h"
#include "triggerlog/triggerlogexporter.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toHex());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSecretLeaks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    QString m_base;
    HttpTestClient m_http;
    KeychainSecretStore m_keychain;

    // What was searched, by name ("stderr of --headless", a file path).
    QList<QPair<QString, QByteArray>> m_haystacks;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BROWSER"), QStringLiteral(SANDBOX_BROWSER));
        environment.insert(QStringLiteral("SANDBOX_CONSENT"), QStringLiteral("accept"));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("insights.*.debug=true"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        return environment;
    }

    QStringList connectionArguments() const
    {
        return {QStringLiteral("--data-dir"),
                dataDir(),
                QStringLiteral("--authority"),
                m_base + QStringLiteral("/contoso"),
                QStringLiteral("--api"),
                m_base + QStringLiteral("/v1"),
                QStringLiteral("--subscription-key"),
                QStringLiteral("sandbox-key")};
    }

    // Runs insights-admin to the end; its output joins the haystacks.
    int run(const QString &what, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(INSIGHTS_ADMIN_EXE),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
        if (!process.waitForFinished(60000))
            return -1;
        m_haystacks.append({QStringLiteral("stdout of ") + what, process.readAllStandardOutput()});
        m_haystacks.append({QStringLiteral("stderr of ") + what, process.readAllStandardError()});
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    bool writeSecret(const QString &key, const QString &secret)
    {
        QSignalSpy done(this, &TestSecretLeaks::secretWritten);
        m_keychain.write(key, secret, this, [this](bool ok, const QString &) { emit secretWritten(ok); });
        return done.wait(20000) && done.at(0).at(0).toBool();
    }

    std::optional<QString> readSecret(const QString &key)
    {
        std::optional<QString> result;
        bool finished = false;
        m_keychain.read(key, this, [&](std::optional<QString> secret, const QString &) {
            result = std::move(secret);
            finished = true;
        });
        if (!QTest::qWaitFor([&] { return finished; }, 20000))
            return std::nullopt;
        return result;
    }

    QJsonObject outbox()
    {
        return m_http.get(QUrl(m_base + QStringLiteral("/sandbox/control/outbox"))).object();
    }

signals:
    void secretWritten(bool ok);

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral(INSIGHTS_SANDBOX_EXE),
                                 {QStringLiteral("--scenario"), QStringLiteral(QUIET_SCENARIO),
                                  QStringLiteral("--speed"), QStringLiteral("10")},
                                 &error),
                 qPrintable(error));
        m_base = m_sandbox.baseUrl();
    }

    void fullRunLeaksNoSecret()
    {
        // The secrets, each unique enough to be found anywhere.
        const QString teamsKey = QStringLiteral("teamskey") + randomHex(16);
        const QString teamsUrl = m_base + QStringLiteral("/sandbox/teams/") + teamsKey;
        const QString smtpUser = QStringLiteral("flows@contoso.example");
        const QString smtpPassword = QStringLiteral("smtppw") + randomHex(16);
        const QString hmacKey = QStringLiteral("hmackey") + randomHex(24);
        const int smtpPort =
            outbox().value(QStringLiteral("smtp")).toObject().value(QStringLiteral("port")).toInt();
        QVERIFY(smtpPort > 0);
        const QString smtpSecret =
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                        {QStringLiteral("port"), smtpPort},
                                                        {QStringLiteral("security"), QStringLiteral("none")},
                                                        {QStringLiteral("user"), smtpUser},
                                                        {QStringLiteral("password"), smtpPassword},
                                                        {QStringLiteral("from"), smtpUser}})
                                  .toJson(QJsonDocument::Compact));
        if (!writeSecret(QStringLiteral("leaktest-teams"), teamsUrl)) {
            if (qEnvironmentVariableIsSet("INSIGHTS_EXPECT_KEYRING"))
                QFAIL("the OS secret store does not work");
            QSKIP("No OS secret store (run through tests/support/with-keyring.sh)");
        }
        QVERIFY(writeSecret(QStringLiteral("leaktest-smtp"), smtpSecret));
        QVERIFY(writeSecret(QStringLiteral("leaktest-hmac"), hmacKey));

        HttpReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setSigningSecret(hmacKey.toUtf8());
        HttpReceiver::Response serverError;
        serverError.status = 500;
        serverError.body = "try again";
        receiver.enqueue(serverError); // one retry, so attempts and their responses are recorded

        // One flow, three steps that each need a secret.
        const QJsonObject flows{
            {QStringLiteral("version"), 1},
            {QStringLiteral("flows"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("E-commerce refreshed")},
                 {QStringLiteral("trigger"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("dataSourceRefreshSucceeded")},
                              {QStringLiteral("subject"), QStringLiteral("ECommerce")}}},
                 {QStringLiteral("steps"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("teamsMessage")},
                                  {QStringLiteral("webhookSecretRef"), QStringLiteral("leaktest-teams")},
                                  {QStringLiteral("title"), QStringLiteral("{{trigger.name}}")},
                                  {QStringLiteral("text"), QStringLiteral("{{subject}} refreshed")}},
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("email")},
                                  {QStringLiteral("to"), QJsonArray{QStringLiteral("ops@contoso.example")}},
                                  {QStringLiteral("subject"), QStringLiteral("{{subject}} refreshed")},
                                  {QStringLiteral("textBody"), QStringLiteral("{{subject}} at {{firedAt}}")},
                                  {QStringLiteral("smtpSecretRef"), QStringLiteral("leaktest-smtp")}},
                      QJsonObject{
                          {QStringLiteral("type"), QStringLiteral("httpCall")},
                          {QStringLiteral("method"), QStringLiteral("POST")},
                          {QStringLiteral("url"), receiver.url().toString()},
                          {QStringLiteral("body"),
                           QJsonObject{{QStringLiteral("subject"), QStringLiteral("{{subject}}")}}},
                          {QStringLiteral("signingSecretRef"), QStringLiteral("leaktest-hmac")}}}}}}}};
        const QString flowsFile = m_dir.filePath(QStringLiteral("flows.json"));
        {
            QFile file(flowsFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(flows).toJson());
        }
        QCOMPARE(run(QStringLiteral("--import-flows"),
                     {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--import-flows"), flowsFile}),
                 0);

        // The headless run: sign in through the sandbox's form, then one event that runs all three steps.
        QProcess headless;
        headless.setProcessEnvironment(environment());
        headless.start(
            QStringLiteral(INSIGHTS_ADMIN_EXE),
            QStringList{QStringLiteral("--headless"), QStringLiteral("--lang"), QStringLiteral("en")} +
                connectionArguments());
        QByteArray out, err;
        auto drain = [&] {
            out += headless.readAllStandardOutput();
            err += headless.readAllStandardError();
        };
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         drain();
                         return err.contains("Connector: Polling") ||
                                headless.state() == QProcess::NotRunning;
                     },
                     90000),
                 err.constData());
        QCOMPARE(headless.state(), QProcess::Running);
        const HttpTestClient::Response refresh =
            m_http.postJson(QUrl(m_base + QStringLiteral("/sandbox/control/refresh")),
                            {{QStringLiteral("kind"), QStringLiteral("datasource")},
                             {QStringLiteral("dataSource"), QStringLiteral("ECommerce")}});
        QCOMPARE(refresh.status, 200);
        auto delivered = [&] {
            drain();
            const QJsonObject box = outbox();
            return !box.value(QStringLiteral("teams")).toArray().isEmpty() &&
                   !box.value(QStringLiteral("emails")).toArray().isEmpty() && receiver.delivered() >= 1;
        };
        if (!QTest::qWaitFor(delivered, 90000)) {
            QByteArrayList steps;
            for (const QByteArray &line : err.split('\n')) {
                if (line.contains("insights.steps"))
                    steps.append(line);
            }
            QFAIL(qPrintable(QStringLiteral("not every step delivered:\n") +
                             QString::fromUtf8(steps.join('\n'))));
        }
        // The secrets were really used: the right channel, a valid signature.
        const QJsonObject teams = outbox().value(QStringLiteral("teams")).toArray().at(0).toObject();
        QCOMPARE(teams.value(QStringLiteral("channel")).toString(), teamsKey);
        QVERIFY(receiver.requests().last().signatureValid);
        QVERIFY(receiver.count() >= 2); // the 500, then the retry

        headless.terminate();
        QVERIFY(headless.waitForFinished(30000));
        drain();
        m_haystacks.append({QStringLiteral("stdout of --headless"), out});
        m_haystacks.append({QStringLiteral("stderr of --headless"), err});

        // The exports.
        const QString exportedFlows = m_dir.filePath(QStringLiteral("exported-flows.json"));
        QCOMPARE(run(QStringLiteral("--export-flows"), {QStringLiteral("--data-dir"), dataDir(),
                                                        QStringLiteral("--export-flows"), exportedFlows}),
                 0);
        m_haystacks.append({exportedFlows, readAll(exportedFlows)});
        {
            Database db;
            QVERIFY(db.open(dataDir(), QStringLiteral("leaktest")));
            FiringLog log(db);
            QVERIFY(log.count() >= 1);
            for (const auto format : {TriggerLogExporter::Format::Csv, TriggerLogExporter::Format::Json}) {
                const QString path =
                    m_dir.filePath(format == TriggerLogExporter::Format::Csv ? QStringLiteral("log.csv")
                                                                             : QStringLiteral("log.json"));
                TriggerLogExporter exporter(log);
                QSignalSpy finished(&exporter, &TriggerLogExporter::finished);
                QVERIFY2(exporter.start(path, format), qPrintable(exporter.errorString()));
                QVERIFY(finished.wait(30000));
                QVERIFY(finished.at(0).at(0).toBool());
                m_haystacks.append({path, readAll(path)});
            }
        }
        // Every file the app wrote: database, WAL, settings, anything else.
        for (const QString &root :
             {dataDir(), m_dir.filePath(QStringLiteral("config")), m_dir.filePath(QStringLiteral("cache"))}) {
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                m_haystacks.append({path, readAll(path)});
            }
        }

        // The refresh token the app remembered (the latest of its family).
        const ConnectionSettings settings = [&] {
            ConnectionSettings s = ConnectionSettings::sandboxDefaults(QUrl(m_base));
            return s;
        }();
        const std::optional<QString> remembered = readSecret(settings.secretKey());
        QVERIFY2(remembered, qPrintable(settings.secretKey()));
        const QString refreshToken = QJsonDocument::fromJson(remembered->toUtf8())
                                         .object()
                                         .value(QStringLiteral("refresh_token"))
                                         .toString();
        QVERIFY(refreshToken.size() >= 32);

        const QList<QPair<QString, QByteArray>> secrets{
            {QStringLiteral("Teams webhook URL"), teamsUrl.toUtf8()},
            {QStringLiteral("Teams webhook key"), teamsKey.toUtf8()},
            {QStringLiteral("SMTP password"), smtpPassword.toUtf8()},
            {QStringLiteral("SMTP password (base64)"), smtpPassword.toUtf8().toBase64()},
            {QStringLiteral("SMTP AUTH PLAIN"),
             QByteArray('\0' + smtpUser.toUtf8() + '\0' + smtpPassword.toUtf8()).toBase64()},
            {QStringLiteral("HMAC key"), hmacKey.toUtf8()},
            {QStringLiteral("HMAC key (hex)"), hmacKey.toUtf8().toHex()},
            {QStringLiteral("refresh token"), refreshToken.toUtf8()}};
        qsizetype searched = 0;
        for (const auto &haystack : std::as_const(m_haystacks)) {
            searched += haystack.second.size();
            for (const auto &secret : secrets) {
                QVERIFY2(!haystack.second.contains(secret.second),
                         qPrintable(secret.first + QStringLiteral(" found in ") + haystack.first));
            }
        }
        QVERIFY(searched > 0);

        // Any live access token: try every token-shaped word against the API.
        static const QRegularExpression tokenShaped(
            QStringLiteral("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"));
        QSet<QString> candidates;
        for (const auto &haystack : std::as_const(m_haystacks)) {
            auto matches = tokenShaped.globalMatch(QString::fromLatin1(haystack.second));
            while (matches.hasNext())
                candidates.insert(matches.next().captured());
        }
        QVERIFY2(candidates.size() < 500, "too many token-shaped words to try");
        qInfo("searched %d places, %lld bytes; %d token-shaped words tried against the API",
              int(m_haystacks.size()), qint64(searched), int(candidates.size()));
        for (const QString &candidate : std::as_const(candidates)) {
            const HttpTestClient::Response probe =
                m_http.get(QUrl(m_base + QStringLiteral("/v1/instances")),
                           {{"Authorization", "Bearer " + candidate.toLatin1()},
                            {"Ocp-Apim-Subscription-Key", "sandbox-key"}});
            QVERIFY2(probe.status == 401,
                     qPrintable(QStringLiteral("a live access token was written somewhere")));
        }

        // Clean up the keychain entries of this run.
        for (const QString &key : {QStringLiteral("leaktest-teams"), QStringLiteral("leaktest-smtp"),
                                   QStringLiteral("leaktest-hmac")})
            m_keychain.remove(key, this, [](bool, const QString &) {});
    }
};

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "tst_secretleaks.moc"
