#include "sandboxlog.h"

Q_LOGGING_CATEGORY(lcSandbox, "insights.sandbox")
