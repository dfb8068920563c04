// InstanceGuard: one connector per data folder, and what later starts say to the running one.
#include "instanceguard.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <future>

class TestInstanceGuard : public QObject
{
    Q_OBJECT

private slots:
    void theFirstClaimsTheFolder()
    {
        QTemporaryDir dir;
        InstanceGuard first(dir.path(), InstanceGuard::Role::Headless);
        QVERIFY(first.claim());
        InstanceGuard second(dir.path(), InstanceGuard::Role::Headless);
        QVERIFY(!second.claim());
        QCOMPARE(second.ownerPid(), QCoreApplication::applicationPid());
        // Another folder is another connector.
        QTemporaryDir other;
        InstanceGuard elsewhere(other.path(), InstanceGuard::Role::Headless);
        QVERIFY(elsewhere.claim());
    }

    void aReleasedFolderCanBeClaimedAgain()
    {
        QTemporaryDir dir;
        {
            InstanceGuard first(dir.path(), InstanceGuard::Role::Window);
            QVERIFY(first.claim());
        }
        InstanceGuard next(dir.path(), InstanceGuard::Role::Window);
        QVERIFY(next.claim());
    }

    // The later start blocks on its socket (no event loop), so it runs on another thread here.
    void aSecondWindowActivatesTheFirst()
    {
        QTemporaryDir dir;
        InstanceGuard first(dir.path(), InstanceGuard::Role::Window);
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &InstanceGuard::activationRequested);
        InstanceGuard second(dir.path(), InstanceGuard::Role::Window);
        QVERIFY(!second.claim());
        std::future<int> handedOver = std::async(std::launch::async, [&second] { return second.handOver(); });
        QVERIFY(activated.wait(10000));
        QTRY_VERIFY(handedOver.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
        QCOMPARE(handedOver.get(), 0);
    }

    void aSecondConnectorBesideAHeadlessOneIsRefused()
    {
        QTemporaryDir dir;
        InstanceGuard first(dir.path(), InstanceGuard::Role::Headless);
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &InstanceGuard::activationRequested);
        InstanceGuard window(dir.path(), InstanceGuard::Role::Window);
        QVERIFY(!window.claim());
        std::future<int> handedOver = std::async(std::launch::async, [&window] { return window.handOver(); });
        QTRY_VERIFY(handedOver.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
        QCOMPARE(handedOver.get(), 3);
        QCOMPARE(activated.size(), 0);
    }

    void flowsChangedReachesTheRunningInstance()
    {
        QTemporaryDir dir;
        InstanceGuard running(dir.path(), InstanceGuard::Role::Headless);
        QVERIFY(running.claim());
        QSignalSpy changed(&running, &InstanceGuard::flowsChanged);
        const QString path = dir.path();
        std::future<void> notified =
            std::async(std::launch::async, [path] { InstanceGuard::notifyFlowsChanged(path); });
        QVERIFY(changed.wait(10000));
        QTRY_VERIFY(notified.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
        // Nobody running: nothing happens, and nothing waits long.
        QTemporaryDir empty;
        InstanceGuard::notifyFlowsChanged(empty.path());
    }
};

QTEST_GUILESS_MAIN(TestInstanceGuard)
#include "tst_instanceguard.moc"
