#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

// Turns SIGINT/SIGTERM into a Qt signal on the thread that created the watcher (a self-pipe: the handler
// only writes one byte). One watcher per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void signalReceived(int signalNumber);

private:
    void readSignal();
    static void handle(int signalNumber);

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};
