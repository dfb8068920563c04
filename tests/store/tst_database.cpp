#include "database.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static QString scalar(Database &db, const QString &sql)
    {
        QSqlQuery query(db.handle());
        if (!query.exec(sql) || !query.next())
            return QStringLiteral("<error>");
        return query.value(0).toString();
    }

private slots:
    void createsAndMigratesAFreshDatabase()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("data/nested"));
        Database db;
        QVERIFY2(db.open(dataDir, QStringLiteral("gui")), qPrintable(db.errorString()));
        QVERIFY(db.isOpen());
        QCOMPARE(db.path(), QDir(dataDir).filePath(QStringLiteral("insights-admin.sqlite")));
        QVERIFY(QFile::exists(db.path()));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QStringList tables = db.handle().tables();
        tables.sort();
        QCOMPARE(tables, (QStringList{QStringLiteral("detector_state"), QStringLiteral("firings"),
                                      QStringLiteral("flows"), QStringLiteral("observations"),
                                      QStringLiteral("rate_window"), QStringLiteral("schema_migrations"),
                                      QStringLiteral("settings"), QStringLiteral("step_runs"),
                                      QStringLiteral("steps")}));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")),
                 QString::number(Database::kBusyTimeoutMs));
    }

    void reopenKeepsTheSchema()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("first")));
            QVERIFY(
                db.exec(QStringLiteral("INSERT INTO settings (setting_key, setting_value) VALUES ('k', 'v')"),
                        "test"));
        }
        Database db;
        QVERIFY2(db.open(dir.path(), QStringLiteral("second")), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
                 QString::number(Database::latestSchemaVersion()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT setting_value FROM settings WHERE setting_key = 'k'")),
                 QStringLiteral("v"));
    }

    void connectionPerRoleAndThread()
    {
        QTemporaryDir dir;
        Database gui;
        QVERIFY(gui.open(dir.path(), QStringLiteral("gui")));
        const QString name = gui.connectionName();
        QVERIFY(name.startsWith(u"insights.gui."));
        QVERIFY(QSqlDatabase::contains(name));

        Database again;
        QVERIFY(!again.open(dir.path(), QStringLiteral("gui"))); // same role, same thread
        QVERIFY(again.errorString().contains(u"already open"));
        QVERIFY(!again.isOpen());

        Database worker;
        QVERIFY(worker.open(dir.path(), QStringLiteral("worker")));
        QVERIFY(worker.connectionName() != name);

        // The same role on another thread gets its own connection.
        QString otherName;
        QThread *thread = QThread::create([&] {
            Database db;
            if (db.open(dir.path(), QStringLiteral("gui")))
                otherName = db.connectionName();
        });
        thread->start();
        QVERIFY(thread->wait(30000));
        delete thread;
        QVERIFY(otherName.startsWith(u"insights.gui."));
        QVERIFY(otherName != name);
        QVERIFY(!QSqlDatabase::contains(otherName)); // removed when its Database went

        gui.close();
        QVERIFY(!QSqlDatabase::contains(name));
    }

    // Several threads open (create, switch to WAL, migrate) the same fresh file at once: each succeeds, the
    // migration runs once.
    void concurrentFirstOpen()
    {
        QTemporaryDir dir;
        constexpr int kThreads = 4;
        QString errors[kThreads];
        int versions[kThreads] = {};
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.append(QThread::create([&, t] {
                Database db;
                if (db.open(dir.path(), QStringLiteral("opener")))
                    versions[t] = db.schemaVersion();
                else
                    errors[t] = db.errorString();
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        for (int t = 0; t < kThreads; ++t) {
            QVERIFY2(errors[t].isEmpty(), qPrintable(errors[t]));
            QCOMPARE(versions[t], Database::latestSchemaVersion());
        }
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("check")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
                 QString::number(Database::latestSchemaVersion()));
    }

    void transactionsNest()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("t")));
        const QString insert =
            QStringLiteral("INSERT INTO settings (setting_key, setting_value) VALUES ('%1', 'v')");
        {
            Database::Transaction outer(db);
            QVERIFY(outer.isActive());
            QVERIFY(db.exec(insert.arg(u"a"), "test"));
            {
                Database::Transaction inner(db);
                QVERIFY(db.exec(insert.arg(u"b"), "test"));
                QVERIFY(inner.commit());
            }
            QVERIFY(outer.commit());
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM settings")), QStringLiteral("2"));
        {
            Database::Transaction outer(db);
            QVERIFY(db.exec(insert.arg(u"c"), "test"));
            {
                Database::Transaction inner(db); // gives up
                QVERIFY(db.exec(insert.arg(u"d"), "test"));
            }
            QVERIFY(!outer.commit());
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM settings")), QStringLiteral("2"));
        {
            Database::Transaction rolledBack(db);
            QVERIFY(db.exec(insert.arg(u"e"), "test"));
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM settings")), QStringLiteral("2"));
        QVERIFY(!db.exec(insert.arg(u"a"), "storing a setting")); // unique key
        QVERIFY(db.errorString().contains(u"storing a setting"));
    }

    void corruptFileGivesAClearError()
    {
        QTemporaryDir dir;
        QFile file(Database::filePath(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage;
        for (int i = 0; i < 512; ++i)
            garbage += "this is not a database ";
        file.write(garbage);
        file.close();

        Database db;
        QVERIFY(!db.open(dir.path(), QStringLiteral("gui")));
        QVERIFY(!db.isOpen());
        QVERIFY2(db.errorString().contains(u"is damaged or is not an Insights Admin database"),
                 qPrintable(db.errorString()));
        QVERIFY(db.errorString().contains(QDir::toNativeSeparators(file.fileName())));
        QVERIFY(db.errorString().contains(u"move the file aside"));
        QCOMPARE(QSqlDatabase::connectionNames().filter(u"insights.gui.").size(), 0);
    }

    void damagedPagesGiveAClearError()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
            QVERIFY(
                db.exec(QStringLiteral("PRAGMA journal_mode = DELETE"), "test")); // everything in one file
        }
        QFile file(Database::filePath(dir.path()));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 4096);
        file.seek(100); // past the header: the schema page
        file.write(QByteArray(3000, '\xa5'));
        file.close();
        Database db;
        QVERIFY(!db.open(dir.path(), QStringLiteral("gui")));
        QVERIFY2(db.errorString().contains(u"is damaged"), qPrintable(db.errorString()));
    }

    void dataFolderThatIsAFile()
    {
        QTemporaryDir dir;
        const QString notADir = dir.filePath(QStringLiteral("file"));
        QFile file(notADir);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        Database db;
        QVERIFY(!db.open(notADir, QStringLiteral("gui")));
        QVERIFY2(db.errorString().startsWith(u"Cannot create the data folder"), qPrintable(db.errorString()));
        QVERIFY(db.errorString().contains(u"--data-dir"));
    }

    void databaseThatIsAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(Database::fileName()));
        Database db;
        QVERIFY(!db.open(dir.path(), QStringLiteral("gui")));
        QVERIFY2(db.errorString().contains(u"is not a database file"), qPrintable(db.errorString()));
    }

    void readOnlyFile()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        }
        QFile file(Database::filePath(dir.path()));
        QVERIFY(file.setPermissions(QFile::ReadOwner));
        if (QFileInfo(file).isWritable())
            QSKIP("running with privileges that ignore file permissions");
        Database db;
        QVERIFY(!db.open(dir.path(), QStringLiteral("gui")));
        QVERIFY2(db.errorString().contains(u"is read-only"), qPrintable(db.errorString()));
    }

    void migratesASchema1Database()
    {
        // A database of the first release (schema 1): no observations table, step runs without a
        // resubmission number. Opening it adds both and keeps what was there.
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
            QVERIFY(db.exec(QStringLiteral("DROP TABLE observations"), "test"));
            QVERIFY(db.exec(QStringLiteral("ALTER TABLE step_runs DROP COLUMN resubmission"), "test"));
            QVERIFY(db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version > 1"), "test"));
            QVERIFY(
                db.exec(QStringLiteral("INSERT INTO firings (id, flow_id, flow_name, trigger_type, subject,"
                                       " job_id, detected_at, caught_up, is_test, payload)"
                                       " VALUES ('f1', 1, 'Flow', 'fullRefreshCompleted', '', 'j', 0, 0,"
                                       " 0, '{}')"),
                        "test"));
            QVERIFY(
                db.exec(QStringLiteral("INSERT INTO step_runs (firing_id, step_index, attempt, status,"
                                       " http_status, detail) VALUES ('f1', 0, 1, 'succeeded', 200, 'ok')"),
                        "test"));
        }
        Database db;
        QVERIFY2(db.open(dir.path(), QStringLiteral("gui")), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(db.handle().tables().contains(QStringLiteral("observations")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT resubmission FROM step_runs WHERE firing_id = 'f1'")),
                 QStringLiteral("0"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT detail FROM step_runs WHERE firing_id = 'f1'")),
                 QStringLiteral("ok"));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
            QVERIFY(
                db.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)"),
                        "test"));
        }
        Database db;
        QVERIFY(!db.open(dir.path(), QStringLiteral("gui")));
        QVERIFY2(db.errorString().contains(u"newer version of Insights Admin"), qPrintable(db.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
