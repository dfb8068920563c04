// bench_sandbox: CI API requests per second served by an EmbeddedSandbox over loopback (keep-alive, six
// connections, like QNAM's default). Bounded: at most 5000 requests or 30 s. Prints
//   BENCH sandbox_requests_per_s <value> req/s

#include "embeddedsandbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SandboxOptions options;
    options.rateLimit = 0; // measure the server, not the throttle
    EmbeddedSandbox sandbox(options);
    if (!sandbox.start()) {
        std::fprintf(stderr, "bench_sandbox: %s\n", qPrintable(sandbox.errorString()));
        return 1;
    }
    constexpr int kRequests = 5000;
    constexpr int kInFlight = 6;
    QNetworkAccessManager manager;
    QByteArray token;
    QUrl data = sandbox.apiBaseUrl();
    data.setPath(data.path() +
                 QStringLiteral("/instances/3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b/data/Customer"));
    data.setQuery(QStringLiteral("$top=10&$skip=100"));
    int sent = 0;
    int done = 0;
    int failed = 0;
    QElapsedTimer timer;

    std::function<void()> sendOne = [&] {
        QNetworkRequest request(data);
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setRawHeader("Ocp-Apim-Subscription-Key", "sandbox-key");
        QNetworkReply *reply = manager.get(request);
        ++sent;
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            reply->deleteLater();
            ++done;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failed;
            if (sent < kRequests)
                sendOne();
            else if (done == sent)
                app.quit();
        });
    };

    QUrl tokens = sandbox.baseUrl();
    tokens.setPath(QStringLiteral("/sandbox/control/tokens"));
    QNetworkRequest tokenRequest(tokens);
    tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *tokenReply = manager.post(tokenRequest, QByteArray("{}"));
    QObject::connect(tokenReply, &QNetworkReply::finished, &app, [&] {
        tokenReply->deleteLater();
        token = QJsonDocument::fromJson(tokenReply->readAll())
                    .object()
                    .value(QStringLiteral("access_token"))
                    .toString()
                    .toLatin1();
        timer.start();
        for (int i = 0; i < kInFlight; ++i)
            sendOne();
    });
    QTimer::singleShot(30000, &app, [&] { app.exit(2); });
    const int rc = app.exec();
    const double seconds = timer.isValid() ? double(timer.nsecsElapsed()) / 1e9 : 0.0;
    if (rc != 0 || failed > 0 || seconds <= 0) {
        std::fprintf(stderr, "bench_sandbox: %d of %d requests done, %d failed\n", done, kRequests, failed);
        return 1;
    }
    std::printf("BENCH sandbox_requests_per_s %.0f req/s\n", double(done) / seconds);
    return 0;
}
