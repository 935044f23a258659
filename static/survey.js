/* Sharek: on a survey's page, shows and hides the questions whose
 * conditions depend on answers given on the same page, as they are
 * given.  Only an enhancement: the server evaluates every condition again
 * on Next and on sending, and discards the answers of hidden questions;
 * without this file such a question is shown with its "answer only if". */
(function () {
	"use strict";
	var form = document.querySelector("form[data-survey]");
	if (form === null)
		return;
	/* The answers given to field name on this page; null when the
	 * field is on another page (carried hidden: the server decides). */
	function values(name) {
		var els = form.querySelectorAll("[name=\"" + name + "\"]");
		var out = [], i, e;
		for (i = 0; i < els.length; i++) {
			e = els[i];
			if (e.type === "hidden")
				return null;
			if ((e.type === "radio" || e.type === "checkbox") &&
			    !e.checked)
				continue;
			if (e.value.trim() !== "")
				out.push(e.value);
		}
		return out;
	}
	/* survey_cond_holds (fcgi/domain/survey.c): literal comparison. */
	function holds(c) {
		var v = values(c.getAttribute("data-src"));
		var op = c.getAttribute("data-op");
		var lit = c.getAttribute("data-value"), has = false, i;
		if (v === null)
			return true;
		if (v.length === 0)
			return false;
		for (i = 0; i < v.length; i++)
			if (v[i] === lit || (op === "contains" &&
			    v[i].indexOf(lit) >= 0))
				has = true;
		if (op === "eq")
			return v.length === 1 && has;
		if (op === "ne")
			return !(v.length === 1 && has);
		return has;
	}
	function update() {
		var qs = form.querySelectorAll("fieldset.question"), i, j, cs;
		var show;
		for (i = 0; i < qs.length; i++) {
			cs = qs[i].querySelectorAll(".cond[data-src]");
			if (cs.length === 0)
				continue;
			show = true;
			for (j = 0; j < cs.length; j++)
				if (!holds(cs[j]))
					show = false;
			qs[i].hidden = !show;
		}
	}
	form.addEventListener("change", update);
	form.addEventListener("input", update);
	update();
}());
