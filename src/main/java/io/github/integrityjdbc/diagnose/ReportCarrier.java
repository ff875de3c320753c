package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationReport;

/** Implemented by every throwable the driver creates to carry a report; see IntegrityViolations.find. */
public interface ReportCarrier {

    ViolationReport report();
}
