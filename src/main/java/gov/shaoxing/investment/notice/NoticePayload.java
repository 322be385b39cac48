package gov.shaoxing.investment.notice;

import java.util.List;

import gov.shaoxing.investment.common.PayloadError;

/** Result of a notice mutation: the notice, or the reasons it was not changed. */
record NoticePayload(Notice notice, List<PayloadError> errors) {
}
