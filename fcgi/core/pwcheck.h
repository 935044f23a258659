/*
 * pwcheck.h — how guessable a new password is, with zxcvbn (Debian's
 * libzxcvbn: dictionaries of common passwords, names and words, keyboard
 * patterns, sequences, repeats, dates, l33t substitutions).
 *
 * The bar is PWCHECK_MIN_BITS of zxcvbn's entropy estimate, about 10^12
 * guesses.  Online guessing is throttled, so the bar is set for the
 * attack that is not: a stolen users table, cracked offline against
 * argon2id at libsodium's interactive limits (64 MiB a guess), where a
 * GPU manages some 10^3–10^4 guesses a second — 10^12 is years per
 * account, while zxcvbn's own top score (10^10) is days.  In practice:
 * three or four ordinary words pass ("purple-elephant-dances",
 * "correct horse battery staple"), as do random strings of ten mixed
 * characters or twelve lower-case letters (98% and 99% of them; 79% of
 * ten lower-case letters); a dictionary word with digits and symbols
 * does not ("Tr0ub4dour&3", "Password123!").  Length is the form's rule
 * (at least 10 characters), not this one's.
 *
 * zxcvbn's dictionaries are English: Arabic text is judged only as
 * characters, which overrates an Arabic word or phrase.  The length rule
 * and the throttling are what protect those.
 */
#ifndef SHAREK_PWCHECK_H
#define SHAREK_PWCHECK_H

#define PWCHECK_MIN_BITS	40.0

/*
 * 0 when password is hard enough to guess; -1 otherwise, with *msgid
 * the English message id (static; translate it with i18n_get) saying
 * why and what to do: it contains the user's name or e-mail address,
 * it is a common password, a repeat/sequence/keyboard pattern, a date,
 * or simply too little.
 *
 * user_words (NULL-terminated, may be NULL) are what the user is known
 * by — full name, e-mail address, organisation — given whole: each is
 * also split here into its parts (words of a name, the e-mail's local
 * part and its pieces, the domain's labels), case ignored, so
 * "Smith2024!" is refused for Alice Smith.
 */
int	pwcheck(const char *password, const char *const *user_words,
	    const char **msgid);

#endif
