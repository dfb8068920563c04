#pragma once

class ModeContext;

// The main window: the connector runs on its own thread while the session is signed in, the window reads
// flows and the trigger log through the GUI thread's own connection to the database. Runs the event loop;
// returns the exit code (2 when the database cannot be opened).
int runGuiMode(ModeContext &context);
