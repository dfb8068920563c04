#pragma once

class ModeContext;

// `insights-admin --sign-in`: signs in without a window (for servers), remembers the sign-in and saves a
// tenant connection. Runs the event loop; returns the exit code: 0 signed in, 1 the sign-in failed.
int runSignInMode(ModeContext &context);
