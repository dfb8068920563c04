#pragma once

#include <QString>

// The command line's two streams: stdout carries a command's result (and --headless its JSON lines),
// stderr what the user should read. Written at once, in the locale's encoding.
namespace Console {

void out(const QString &text);
void err(const QString &text);

} // namespace Console
