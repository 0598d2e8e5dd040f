package dev.hearth.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A data subject request named a customer Hearth holds nothing about (404). */
public class DataSubjectNotFoundException extends ErrorResponseException {

	DataSubjectNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
