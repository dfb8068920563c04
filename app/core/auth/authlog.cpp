#include "authlog.h"

Q_LOGGING_CATEGORY(lcAuth, "insights.auth")
