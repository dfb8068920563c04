#pragma once

class QObject;

// SIGTERM and SIGINT end the event loop cleanly: the handler only writes a byte to a socket pair, and a
// QSocketNotifier (a child of `owner`) on the other end quits the application on the main thread.
// False when the signals cannot be watched.
bool quitOnTerminationSignals(QObject *owner);
