#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

class QSqlError;
class QSqlQuery;

// The application database: <dataDir>/insights-admin.sqlite (SQLite, WAL, 5 s busy timeout, foreign keys
// on). One Database per thread that touches the store: the GUI thread has its own (reads), the connector
// worker its own (writes). A Database must be opened, used and destroyed on one thread; its QSqlDatabase
// connection is named "insights.<role>.<thread id>" and removed (removeDatabase) when the Database goes.
//
//   Database db;
//   if (!db.open(dataDir, QStringLiteral("worker")))
//       report(db.errorString()); // says what happened and what to do; never a crash
//   FlowStore flows(db);          // the stores borrow the Database: it must outlive them
//
// Opening applies the pending schema migrations in order (schema_migrations holds the applied versions).
// The SQL is kept portable (SQLite and PostgreSQL: INSERT ... ON CONFLICT, RETURNING, BIGINT millisecond
// timestamps, no AUTOINCREMENT); only the pragmas and the identity column are per driver (docs/storage.md).
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static constexpr int kBusyTimeoutMs = 5000;

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static QString fileName() { return QStringLiteral("insights-admin.sqlite"); }
    static QString filePath(const QString &dataDir);
    static int latestSchemaVersion();

    // Opens (creating the folder and the file when needed) <dataDir>/insights-admin.sqlite on the calling
    // thread and migrates it. `role` names the connection ("gui", "worker"); a role may be open only once per
    // thread. Returns false with errorString() set when the file is unwritable, damaged or too new.
    bool open(const QString &dataDir, const QString &role);
    // The same with an explicit file path.
    bool openFile(const QString &filePath, const QString &role);
    void close();

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QString connectionName() const { return m_connectionName; }
    QString path() const { return m_path; }
    // settings.ini beside the database: the app's settings (connection, retention), never a secret.
    QString settingsPath() const;
    QSqlDatabase handle() const; // the connection; only on the thread that opened it
    bool isSqlite() const { return m_sqlite; }
    int schemaVersion() const { return m_schemaVersion; }

    // The last error, user-readable (also logged to insights.store). Set by open() and by the stores.
    QString errorString() const { return m_error; }

    // --- for the stores ---

    // Prepares `sql` on this connection; false (error set) on failure.
    bool prepare(QSqlQuery &query, const QString &sql);
    // Executes a prepared query; false (error set, with `what` for context) on failure.
    bool exec(QSqlQuery &query, const char *what);
    // Executes one statement without parameters.
    bool exec(const QString &sql, const char *what);
    void setError(const QString &error);
    void clearError() { m_error.clear(); }

    // A write transaction, rolled back on destruction unless committed. On SQLite it takes the write lock at
    // once (BEGIN IMMEDIATE) so concurrent writers wait for the busy timeout instead of failing with
    // "database is locked" when upgrading a read lock. Transactions nest: an inner one (e.g. inside
    // FiringLog::record()) joins the outer one; only the outermost commits, and an inner one destroyed
    // without commit() makes the outer commit() fail and roll everything back.
    class Transaction
    {
    public:
        explicit Transaction(Database &db);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool isActive() const { return m_active; }
        bool commit();

    private:
        Database &m_db;
        bool m_active = false;
        bool m_nested = false;
    };

private:
    bool fail(const QString &error);
    bool fail(const QSqlError &error, const char *what);
    bool configure();
    bool migrate();

    QString m_connectionName;
    QString m_path;
    QString m_error;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    bool m_sqlite = true;
};
