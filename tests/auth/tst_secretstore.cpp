#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>

// MemorySecretStore, and the probe's fallback when no OS secret store answers (no D-Bus session here; the
// real one is exercised by tst_keychainsecretstore under tests/support/with-keyring.sh).
class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // No Secret Service reachable: a session bus address that leads nowhere, and no X11 autolaunch.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/insights-admin-test-bus");
        qunsetenv("DISPLAY");
    }

    void memoryRoundTrip()
    {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        QCOMPARE(store.status(), QStringLiteral("Not remembered: no secret store available"));

        bool called = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this, [&](bool ok, const QString &error) {
            QVERIFY(ok);
            QVERIFY(error.isEmpty());
            called = true;
        });
        QVERIFY(!called); // asynchronous like the real one
        QTRY_VERIFY(called);

        std::optional<QString> read;
        called = false;
        store.read(QStringLiteral("k"), this, [&](std::optional<QString> secret, const QString &) {
            read = secret;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(read, std::optional<QString>(QStringLiteral("v")));

        called = false;
        store.remove(QStringLiteral("k"), this, [&](bool ok, const QString &) {
            QVERIFY(ok);
            called = true;
        });
        QTRY_VERIFY(called);
        called = false;
        store.read(QStringLiteral("k"), this, [&](std::optional<QString> secret, const QString &error) {
            read = secret;
            QVERIFY(error.isEmpty());
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!read);
        QVERIFY(store.keys().isEmpty());
    }

    void callbackIsDroppedWithItsContext()
    {
        MemorySecretStore store;
        bool called = false;
        {
            QObject context;
            store.write(QStringLiteral("k"), QStringLiteral("v"), &context,
                        [&](bool, const QString &) { called = true; });
        }
        QTest::qWait(20);
        QVERIFY(!called);
    }

    void probeFallsBackToMemory()
    {
        QObject owner;
        SecretStore *chosen = nullptr;
        int calls = 0;
        SecretStoreProbe::probe(&owner, [&](SecretStore *store) {
            chosen = store;
            ++calls;
        });
        QTRY_VERIFY_WITH_TIMEOUT(chosen, 15000);
        QCOMPARE(calls, 1);
        QVERIFY(!chosen->isPersistent());
        QCOMPARE(chosen->parent(), &owner);
        QCOMPARE(chosen->status(), QStringLiteral("Not remembered: no secret store available"));
        auto *memory = qobject_cast<MemorySecretStore *>(chosen);
        QVERIFY(memory);
        QVERIFY2(!memory->details().isEmpty(), "the reason is kept for the details");
        QTest::qWait(50);
        QCOMPARE(calls, 1);
    }

    void probeTimesOut()
    {
        // A zero timeout falls back before the keychain can answer, and only once.
        QObject owner;
        int calls = 0;
        SecretStore *chosen = nullptr;
        SecretStoreProbe::probe(
            &owner,
            [&](SecretStore *store) {
                chosen = store;
                ++calls;
            },
            std::chrono::milliseconds(0));
        QTRY_VERIFY(chosen);
        QVERIFY(!chosen->isPersistent());
        QTest::qWait(200);
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
