#include "database.h"

#include "storelog.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

// One migration: the statements that take the schema from version - 1 to version. Append new ones; never
// edit a released one. "%ID%" is the driver's auto-increment primary key column type.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {
             QStringLiteral("CREATE TABLE flows ("
                            " id %ID%,"
                            " name TEXT NOT NULL,"
                            " enabled INTEGER NOT NULL DEFAULT 1,"
                            " trigger_type TEXT NOT NULL,"
                            " trigger_subject TEXT NOT NULL DEFAULT '',"
                            " trigger_threshold DOUBLE PRECISION,"
                            " permanent_failures_only INTEGER NOT NULL DEFAULT 0,"
                            " include_manual_refreshes INTEGER NOT NULL DEFAULT 0,"
                            " created_at BIGINT NOT NULL,"
                            " modified_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE steps ("
                            " flow_id BIGINT NOT NULL REFERENCES flows (id) ON DELETE CASCADE,"
                            " position INTEGER NOT NULL,"
                            " step_type TEXT NOT NULL,"
                            " parameters TEXT NOT NULL,"
                            " PRIMARY KEY (flow_id, position))"),
             // No foreign key to flows: the log outlives a deleted flow (flow_name keeps its name).
             QStringLiteral("CREATE TABLE firings ("
                            " id TEXT NOT NULL PRIMARY KEY,"
                            " flow_id BIGINT NOT NULL,"
                            " flow_name TEXT NOT NULL,"
                            " trigger_type TEXT NOT NULL,"
                            " subject TEXT NOT NULL,"
                            " value DOUBLE PRECISION,"
                            " previous_value DOUBLE PRECISION,"
                            " threshold DOUBLE PRECISION,"
                            " job_id TEXT NOT NULL,"
                            " occurred_at BIGINT,"
                            " detected_at BIGINT NOT NULL,"
                            " caught_up INTEGER NOT NULL,"
                            " is_test INTEGER NOT NULL,"
                            " payload TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX firings_by_detected ON firings (detected_at, id)"),
             QStringLiteral("CREATE INDEX firings_by_flow ON firings (flow_id, detected_at)"),
             QStringLiteral("CREATE TABLE step_runs ("
                            " firing_id TEXT NOT NULL REFERENCES firings (id) ON DELETE CASCADE,"
                            " step_index INTEGER NOT NULL,"
                            " attempt INTEGER NOT NULL,"
                            " status TEXT NOT NULL,"
                            " started_at BIGINT,"
                            " finished_at BIGINT,"
                            " http_status INTEGER NOT NULL,"
                            " detail TEXT NOT NULL,"
                            " PRIMARY KEY (firing_id, step_index, attempt))"),
             QStringLiteral("CREATE INDEX step_runs_by_status ON step_runs (status)"),
             QStringLiteral("CREATE TABLE detector_state ("
                            " state_key TEXT NOT NULL PRIMARY KEY,"
                            " state TEXT NOT NULL,"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE rate_window ("
                            " connection_key TEXT NOT NULL,"
                            " called_at BIGINT NOT NULL)"),
             QStringLiteral(
                 "CREATE INDEX rate_window_by_connection ON rate_window (connection_key, called_at)"),
             QStringLiteral("CREATE TABLE settings ("
                            " setting_key TEXT NOT NULL PRIMARY KEY,"
                            " setting_value TEXT NOT NULL)"),
         }},
        {2,
         {
             // What the worker observed of segments and measures (ObservationStore), for the flow editor's
             // chart beside the threshold. One row per evaluation: seeing it again replaces the value.
             QStringLiteral("CREATE TABLE observations ("
                            " trigger_type TEXT NOT NULL,"
                            " subject TEXT NOT NULL,"
                            " observed_at BIGINT NOT NULL,"
                            " value DOUBLE PRECISION NOT NULL,"
                            " PRIMARY KEY (trigger_type, subject, observed_at))"),
             // Which resubmission of its firing a step run belongs to (0: the original run); the HTTP step's
             // Idempotency-Key differs per resubmission (StepRunner::resubmit()).
             QStringLiteral("ALTER TABLE step_runs ADD COLUMN resubmission INTEGER NOT NULL DEFAULT 0"),
         }},
    };
    return list;
}

// SQLite primary result codes (sqlite3.h), as QSqlError::nativeErrorCode() reports them.
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

} // namespace

Database::~Database()
{
    close();
}

QString Database::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(fileName());
}

int Database::latestSchemaVersion()
{
    return migrations().constLast().version;
}

bool Database::open(const QString &dataDir, const QString &role)
{
    close();
    const QString dir = QDir::cleanPath(dataDir);
    if (!QDir().mkpath(dir)) {
        return fail(tr("Cannot create the data folder %1. Check that its location exists and that you may "
                       "write there, or choose another folder with --data-dir.")
                        .arg(QDir::toNativeSeparators(dir)));
    }
    return openFile(filePath(dir), role);
}

bool Database::openFile(const QString &filePath, const QString &role)
{
    close();
    m_error.clear();
    const QFileInfo file(filePath);
    const QFileInfo dir(file.absolutePath());
    const QString nativePath = QDir::toNativeSeparators(file.absoluteFilePath());
    if (file.exists() && !file.isFile())
        return fail(tr("%1 is not a database file. Move it aside, or choose another data folder with "
                       "--data-dir.")
                        .arg(nativePath));
    // WAL keeps two files next to the database: the folder must be writable too.
    if (!dir.isDir() || !dir.isWritable())
        return fail(tr("Cannot write to the data folder %1. Make it writable, or choose another folder "
                       "with --data-dir.")
                        .arg(QDir::toNativeSeparators(dir.absoluteFilePath())));
    if (file.exists() && !file.isWritable())
        return fail(tr("The database %1 is read-only. Make it writable, or choose another data folder with "
                       "--data-dir.")
                        .arg(nativePath));

    const QString name =
        QStringLiteral("insights.%1.%2").arg(role).arg(quintptr(QThread::currentThreadId()), 0, 16);
    if (QSqlDatabase::contains(name))
        return fail(
            tr("Internal error: the database connection %1 is already open on this thread.").arg(name));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(tr("The SQLite driver of Qt is missing (package libqt6sql6-sqlite). Reinstall Insights "
                       "Admin."));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            const QString reason = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fail(tr("Cannot open the database %1 (%2). Check that the file and its folder are "
                           "writable, or choose another data folder with --data-dir.")
                            .arg(nativePath, reason));
        }
    }
    m_connectionName = name;
    m_path = file.absoluteFilePath();
    m_sqlite = true;
    // Connections of this process set up one at a time: two connections switching a fresh file to WAL
    // together would deadlock on the lock upgrade, and SQLite answers one of them "database is locked"
    // without waiting. (Other processes: see the retry in configure().)
    static QMutex setUp;
    QMutexLocker lock(&setUp);
    if (!configure() || !migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    qCDebug(lcStore) << "opened" << m_path << "as" << name << "schema" << m_schemaVersion;
    return true;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    // Only once every handle (QSqlDatabase, QSqlQuery) is gone, as removeDatabase requires.
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_schemaVersion = 0;
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::fail(const QString &error)
{
    setError(error);
    return false;
}

void Database::setError(const QString &error)
{
    m_error = error;
    qCWarning(lcStore).noquote() << error;
}

bool Database::prepare(QSqlQuery &query, const QString &sql)
{
    if (query.prepare(sql))
        return true;
    // SQLite compiles the statement here, reading the schema: a damaged file may fail here already.
    return fail(query.lastError(), sql.section(u' ', 0, 1).toLatin1().constData());
}

bool Database::exec(QSqlQuery &query, const char *what)
{
    return query.exec() || fail(query.lastError(), what);
}

bool Database::fail(const QSqlError &error, const char *what)
{
    const int code = error.nativeErrorCode().toInt();
    const QString native = QDir::toNativeSeparators(m_path);
    if (code == kSqliteCorrupt || code == kSqliteNotADb) {
        return fail(tr("The database %1 is damaged or is not an Insights Admin database (%2). Quit Insights "
                       "Admin, move the file aside (keep it for support) and start again: a new, empty "
                       "database will be created. Your flows can be imported again from an export.")
                        .arg(native, error.databaseText()));
    }
    if (code == kSqliteFull)
        return fail(
            tr("The disk holding the database %1 is full. Free some space and try again.").arg(native));
    if (code == kSqliteReadOnly || code == kSqliteCantOpen) {
        return fail(tr("Cannot write to the database %1 (%2). Make the file and its folder writable, or "
                       "choose another data folder with --data-dir.")
                        .arg(native, error.databaseText()));
    }
    return fail(tr("Database error (%1): %2").arg(QString::fromLatin1(what), error.text()));
}

bool Database::exec(const QString &sql, const char *what)
{
    QSqlQuery query(handle());
    query.setForwardOnly(true);
    if (!prepare(query, sql))
        return false;
    return exec(query, what);
}

bool Database::configure()
{
    // The first statement that reads the file: a damaged or foreign file fails here with a clear message.
    if (!exec(QStringLiteral("SELECT count(*) FROM sqlite_master"), "reading the schema"))
        return false;
    if (!exec(QStringLiteral("PRAGMA foreign_keys = ON"), "enabling foreign keys") ||
        !exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs), "setting the busy timeout")) {
        return false;
    }
    // journal_mode is stored in the file: switch only once (switching needs an exclusive lock).
    QSqlQuery mode(handle());
    if (!prepare(mode, QStringLiteral("PRAGMA journal_mode")) || !exec(mode, "reading the journal mode"))
        return false;
    if (!mode.next() || mode.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        mode.finish();
        // A lock-upgrade deadlock with another process makes SQLite fail at once instead of waiting; once
        // our statement has released its lock, a new attempt waits for the busy timeout like any other.
        constexpr int kAttempts = 3;
        QString walMode;
        for (int attempt = 1; attempt <= kAttempts && walMode.isEmpty(); ++attempt) {
            QSqlQuery wal(handle());
            if (!prepare(wal, QStringLiteral("PRAGMA journal_mode = WAL")))
                return false;
            if (wal.exec()) {
                walMode = wal.next() ? wal.value(0).toString() : QStringLiteral("?");
            } else if (attempt == kAttempts) {
                return fail(wal.lastError(), "switching to WAL");
            }
        }
        if (walMode.compare(u"wal", Qt::CaseInsensitive) != 0) {
            return fail(tr("The database %1 cannot use write-ahead logging (is it on a network drive?). "
                           "Choose a local data folder with --data-dir.")
                            .arg(QDir::toNativeSeparators(m_path)));
        }
    }
    // With WAL, NORMAL survives an application crash (not a power cut) and saves an fsync per commit. The
    // firing ids are random (SHA-256): an 8 MB page cache per connection keeps their index in memory while
    // ingesting (bench_store: 4 MB halves the rate, 32 MB adds nothing) and, on the GUI's connection, costs
    // no more than that while the trigger log scrolls through a large log (bench_logview).
    return exec(QStringLiteral("PRAGMA synchronous = NORMAL"), "setting the synchronous mode") &&
           exec(QStringLiteral("PRAGMA cache_size = -8192"), "setting the cache size") &&
           exec(QStringLiteral("PRAGMA wal_autocheckpoint = 8192"), "setting the checkpoint interval");
}

bool Database::migrate()
{
    auto currentVersion = [this]() -> std::optional<int> {
        QSqlQuery query(handle());
        query.setForwardOnly(true);
        if (!prepare(query, QStringLiteral("SELECT MAX(version) FROM schema_migrations")) ||
            !exec(query, "reading the schema version")) {
            return std::nullopt;
        }
        return query.next() ? query.value(0).toInt() : 0;
    };

    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " version INTEGER NOT NULL PRIMARY KEY,"
                             " applied_at BIGINT NOT NULL)"),
              "creating the schema version table")) {
        return false;
    }
    std::optional<int> version = currentVersion();
    if (!version)
        return false;
    if (*version < latestSchemaVersion()) {
        // Another connection may be migrating at the same moment: decide again under the write lock.
        Transaction transaction(*this);
        if (!transaction.isActive() || !(version = currentVersion()))
            return false;
        const QString idColumn = m_sqlite
                                     ? QStringLiteral("INTEGER PRIMARY KEY")
                                     : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        for (const Migration &migration : migrations()) {
            if (migration.version <= *version)
                continue;
            qCInfo(lcStore) << "migrating" << m_path << "to schema version" << migration.version;
            for (const QString &statement : migration.statements) {
                QString sql = statement;
                if (!exec(sql.replace(QStringLiteral("%ID%"), idColumn), "migrating the schema"))
                    return false;
            }
            QSqlQuery record(handle());
            if (!prepare(record,
                         QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)")))
                return false;
            record.addBindValue(migration.version);
            record.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!exec(record, "recording the schema version"))
                return false;
            *version = migration.version;
        }
        if (!transaction.commit())
            return false;
    }
    if (*version > latestSchemaVersion()) {
        return fail(tr("The database %1 was written by a newer version of Insights Admin (schema %2, this "
                       "version reads up to %3). Update Insights Admin, or choose another data folder with "
                       "--data-dir.")
                        .arg(QDir::toNativeSeparators(m_path))
                        .arg(*version)
                        .arg(latestSchemaVersion()));
    }
    m_schemaVersion = *version;
    return true;
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (m_db.m_transactionDepth > 0) {
        m_nested = true;
    } else if (m_db.m_sqlite) {
        m_active = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"), "starting a transaction");
    } else {
        m_active = m_db.handle().transaction();
        if (!m_active)
            m_db.setError(
                tr("Database error (starting a transaction): %1").arg(m_db.handle().lastError().text()));
    }
    if (m_nested || m_active) {
        m_active = true;
        if (m_db.m_transactionDepth++ == 0)
            m_db.m_rollbackOnly = false;
    }
}

Database::Transaction::~Transaction()
{
    if (!m_active)
        return;
    --m_db.m_transactionDepth;
    if (m_nested) {
        m_db.m_rollbackOnly = true;
        return;
    }
    const QString error = m_db.m_error; // keep the error that made the caller give up
    if (m_db.m_sqlite)
        m_db.exec(QStringLiteral("ROLLBACK"), "rolling back a transaction");
    else
        m_db.handle().rollback();
    m_db.m_error = error;
}

bool Database::Transaction::commit()
{
    if (!m_active)
        return false;
    if (m_nested) {
        m_active = false;
        --m_db.m_transactionDepth;
        return true;
    }
    if (m_db.m_rollbackOnly) {
        // An inner transaction gave up: the destructor rolls back; keep the inner error.
        return false;
    }
    bool ok;
    if (m_db.m_sqlite) {
        ok = m_db.exec(QStringLiteral("COMMIT"), "committing a transaction");
    } else {
        ok = m_db.handle().commit();
        if (!ok)
            m_db.setError(
                tr("Database error (committing a transaction): %1").arg(m_db.handle().lastError().text()));
    }
    if (ok) {
        m_active = false; // a failed COMMIT leaves the transaction open: the destructor rolls it back
        --m_db.m_transactionDepth;
    }
    return ok;
}

QString Database::settingsPath() const
{
    return QFileInfo(m_path).dir().filePath(QStringLiteral("settings.ini"));
}
