#include "stepslog.h"

Q_LOGGING_CATEGORY(lcSteps, "insights.steps")
