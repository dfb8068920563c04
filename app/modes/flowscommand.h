#pragma once

struct AppOptions;

// --import-flows FILE / --export-flows FILE: the flows JSON format (FLOWS-FORMAT.md), on the app database.
// Returns the process's exit code: 0 done, 1 the database failed, 2 the file cannot be imported.
int runFlowsCommand(const AppOptions &options);
