// Firing log ingest and paging: records 200,000 firings in batches of 1,000 into a fresh database in a
// temporary folder (docs/performance.md: >= 30,000 firings/s), then fills it to 1,000,000 (one bulk INSERT)
// and reads a 200-row page from the middle, as the trigger log does when scrolling. Its limit, in the same
// run: the same rows inserted into a second fresh database of the same schema by a bare prepared INSERT,
// values bound ready-made, batches of the same size in one transaction each (what SQLite through Qt can do).
//
//   BENCH store_firings_per_s <value> firings/s
//   BENCH store_raw_sqlite_per_s <value> rows/s
//   BENCH store_ratio <value> x             (FiringLog / raw SQLite; 1.0 is the floor's speed)
//   BENCH store_page_ms <value> ms          (keyset page, FiringLog::olderThan)
//   BENCH store_page_offset_ms <value> ms   (OFFSET page, FiringLog::page)
//   BENCH store_count_ms <value> ms         (COUNT(*) of 1,000,000)
#include "database.h"
#include "firinglog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int kIngest = 200'000;
constexpr int kTotal = 1'000'000;
constexpr int kBatch = 1'000;
constexpr int kPage = 200;
constexpr qint64 kBudgetMs = 30'000;

const QDateTime kStart(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
const QString kInstance = QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b");

// A realistic firing: a segment crossing with a small payload.
Firing makeFiring(int n)
{
    Firing f;
    f.flowId = 1 + n % 50;
    f.flowName = QStringLiteral("Flow %1").arg(f.flowId);
    f.trigger = TriggerKind::SegmentThresholdCrossed;
    f.subject = QStringLiteral("HighValueCustomers");
    f.value = 1251 + n % 100;
    f.previousValue = 1250;
    f.threshold = 1250;
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.detectedAt = kStart.addMSecs(qint64(n) * 100);
    f.occurredAt = f.detectedAt.addSecs(-2);
    f.payload = {{QStringLiteral("segment"), f.subject},
                 {QStringLiteral("count"), *f.value},
                 {QStringLiteral("evaluationDate"), f.occurredAt.toString(Qt::ISODate)}};
    f.id = Firing::makeId(f.flowId, kInstance, f.trigger, f.subject, f.jobId);
    return f;
}

// The same rows through a bare prepared INSERT in batches of kBatch: the limit FiringLog::record is compared
// with. Only the inserts and commits are timed. Returns rows per second, or -1 on failure.
double rawInsertRate(const QString &dataDir)
{
    Database db;
    if (!db.open(dataDir, QStringLiteral("raw")))
        return -1;
    QList<QVariantList> rows;
    rows.reserve(kIngest);
    for (int i = 0; i < kIngest; ++i) {
        const Firing f = makeFiring(i);
        rows.append({f.id, f.flowId, f.flowName, Trigger::id(f.trigger), f.subject, *f.value,
                     *f.previousValue, *f.threshold, f.jobId, f.occurredAt.toMSecsSinceEpoch(),
                     f.detectedAt.toMSecsSinceEpoch(), 0, 0,
                     QString::fromUtf8(QJsonDocument(f.payload).toJson(QJsonDocument::Compact))});
    }
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < kIngest; start += kBatch) {
        Database::Transaction transaction(db);
        QSqlQuery insert(db.handle());
        insert.prepare(
            QStringLiteral("INSERT INTO firings (id, flow_id, flow_name, trigger_type, subject, value,"
                           " previous_value, threshold, job_id, occurred_at, detected_at, caught_up,"
                           " is_test, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = start; i < start + kBatch; ++i) {
            const QVariantList &row = rows.at(i);
            for (int column = 0; column < row.size(); ++column)
                insert.bindValue(column, row.at(column));
            if (!insert.exec())
                return -1;
        }
        insert.finish();
        if (!transaction.commit())
            return -1;
    }
    return kIngest / (double(timer.nsecsElapsed()) / 1e9);
}

void print(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    Database db;
    if (!dir.isValid() || !db.open(dir.path(), QStringLiteral("bench"))) {
        std::fprintf(stderr, "cannot open a database: %s\n", qPrintable(db.errorString()));
        return 1;
    }
    FiringLog log(db);
    QElapsedTimer total;
    total.start();

    // Ingest: only record() is timed, not building the firings.
    qint64 recordNs = 0;
    int n = 0;
    auto fill = [&](int until) {
        while (n < until) {
            QList<Firing> batch;
            batch.reserve(kBatch);
            for (int i = 0; i < kBatch; ++i)
                batch.append(makeFiring(n++));
            QElapsedTimer timer;
            timer.start();
            bool ok = false;
            const qsizetype added = log.record(batch, &ok).size();
            recordNs += timer.nsecsElapsed();
            if (!ok || added != kBatch) {
                std::fprintf(stderr, "record failed: %s\n", qPrintable(db.errorString()));
                return false;
            }
        }
        return true;
    };
    if (!fill(kIngest))
        return 1;
    const double firingsPerSecond = kIngest / (double(recordNs) / 1e9);
    print("store_firings_per_s", firingsPerSecond, "firings/s");
    QTemporaryDir rawDir;
    const double rawPerSecond = rawDir.isValid() ? rawInsertRate(rawDir.path()) : -1;
    if (rawPerSecond <= 0) {
        std::fprintf(stderr, "the raw SQLite loop failed\n");
        return 1;
    }
    print("store_raw_sqlite_per_s", rawPerSecond, "rows/s");
    std::printf("BENCH store_ratio %.2f x\n", firingsPerSecond / rawPerSecond);

    // Paging a 1,000,000-row log. The other 800,000 rows go in with one INSERT ... SELECT (ids "%064d" of
    // their number, same columns and time spacing): this part measures reading, not ingesting.
    {
        Database::Transaction transaction(db);
        QSqlQuery fillRest(db.handle());
        fillRest.prepare(QStringLiteral(
            "WITH RECURSIVE seq(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM seq WHERE n < ?)"
            " INSERT INTO firings (id, flow_id, flow_name, trigger_type, subject, value, previous_value,"
            " threshold, job_id, occurred_at, detected_at, caught_up, is_test, payload)"
            " SELECT printf('%064d', n), 1 + n % 50, 'Flow ' || (1 + n % 50), 'segmentThresholdCrossed',"
            " 'HighValueCustomers', 1251 + n % 100, 1250, 1250, 'job-' || n, ? + n * 100 - 2000, ? + n * 100,"
            " 0, 0, '{\"count\":1300}' FROM seq"));
        fillRest.addBindValue(kIngest);
        fillRest.addBindValue(kTotal - 1);
        fillRest.addBindValue(kStart.toMSecsSinceEpoch());
        fillRest.addBindValue(kStart.toMSecsSinceEpoch());
        if (!fillRest.exec() || !transaction.commit()) {
            std::fprintf(stderr, "filling failed: %s\n", qPrintable(fillRest.lastError().text()));
            return 1;
        }
    }
    if (total.elapsed() > kBudgetMs)
        std::fprintf(stderr, "filling took %lld ms\n", total.elapsed());

    QElapsedTimer timer;
    timer.start();
    const qint64 count = log.count();
    print("store_count_ms", timer.nsecsElapsed() / 1e6, "ms");
    if (count != kTotal) {
        std::fprintf(stderr, "count is %lld\n", count);
        return 1;
    }

    // Newest first: the middle of the log is firing kTotal / 2.
    const QDateTime middleAt = kStart.addMSecs(qint64(kTotal / 2) * 100);
    const QString middleId = QStringLiteral("%1").arg(kTotal / 2, 64, 10, QChar(u'0'));
    timer.restart();
    const QList<Firing> page = log.olderThan(middleAt, middleId, kPage);
    print("store_page_ms", timer.nsecsElapsed() / 1e6, "ms");
    timer.restart();
    const QList<Firing> offsetPage = log.page(kTotal / 2, kPage);
    print("store_page_offset_ms", timer.nsecsElapsed() / 1e6, "ms");
    if (page.size() != kPage || offsetPage.size() != kPage ||
        page.first().detectedAt != middleAt.addMSecs(-100) ||
        offsetPage.first().detectedAt != kStart.addMSecs(qint64(kTotal / 2 - 1) * 100)) {
        std::fprintf(stderr, "unexpected page\n");
        return 1;
    }
    std::fprintf(stderr, "total %.1f s\n", total.elapsed() / 1000.0);
    return 0;
}
