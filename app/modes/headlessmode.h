#pragma once

class ModeContext;

// `insights-admin --headless`: the connector without a window. stdout carries one JSON line per firing and
// nothing else; diagnostics go to stderr. It signs in with the remembered sign-in, else (and each time the
// service refuses it: revoked, expired) interactively through the system browser, one sign-in at a time.
// Runs until SIGTERM or SIGINT (exit 0) or a failed interactive sign-in (exit 1); 2 when the database
// cannot be opened. Its RetentionService prunes the firing log as the window's does.
int runHeadlessMode(ModeContext &context);
