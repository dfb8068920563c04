// Process start to the first painted main window of insights-admin, beside the same figure of a bare QWidget
// window (bare_window, its limit) measured in the same run: the two start in turn, median of nine runs each
// after a warm-up. Runs on the platform of the environment (offscreen when there is no display).
//
//   BENCH startup_ms <value> ms
//   BENCH bare_window_ms <value> ms
//   BENCH startup_ratio <value> x      (insights-admin / bare window)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

// Milliseconds from starting `program` to its "first-paint" line, or nullopt.
std::optional<double> timeFirstPaint(const QString &program, const QStringList &arguments,
                                     const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray output;
    while (!output.contains("first-paint") && process.waitForReadyRead(30000))
        output += process.readAllStandardOutput();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    process.waitForFinished(30000);
    if (!output.contains("first-paint")) {
        std::fprintf(stderr, "bench_startup: %s did not paint its window: %s\n", qPrintable(program),
                     qPrintable(process.errorString()));
        return std::nullopt;
    }
    return ms;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    constexpr int kRuns = 9;
    QTemporaryDir dataDir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("DISPLAY")) &&
        !environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    const QStringList appArguments{QStringLiteral("--startup-probe"), QStringLiteral("--data-dir"),
                                   dataDir.path()};
    QList<double> appTimings;
    QList<double> bareTimings;
    for (int run = 0; run <= kRuns; ++run) {
        const std::optional<double> appMs =
            timeFirstPaint(QStringLiteral(INSIGHTS_ADMIN_EXE), appArguments, environment);
        const std::optional<double> bareMs = timeFirstPaint(QStringLiteral(BARE_WINDOW_EXE), {}, environment);
        if (!appMs || !bareMs)
            return 1;
        if (run > 0) { // the first run warms the disk cache
            appTimings << *appMs;
            bareTimings << *bareMs;
        }
    }
    const double appMedian = median(appTimings);
    const double bareMedian = median(bareTimings);
    std::printf("BENCH startup_ms %.1f ms\n", appMedian);
    std::printf("BENCH bare_window_ms %.1f ms\n", bareMedian);
    std::printf("BENCH startup_ratio %.2f x\n", appMedian / bareMedian);
    return 0;
}
