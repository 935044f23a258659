/* Sharek: a form sent back with errors puts the keyboard and screen
 * reader on its error summary (partials/form_errors), whose links lead
 * to each field. The pages work the same without this file. */
(function () {
	"use strict";
	var s = document.getElementById("form-errors");
	if (s !== null && typeof s.focus === "function")
		s.focus();
}());
