// Package review holds the rules offices enforce on a draft before it is
// issued: one disclosure attribute, a lawful basis and reason for withholding,
// the policy interpretation, and the sign-off route read from a rules file;
// and the workflow that takes a draft along that route, with who may act when.
// It is pure: no windows, no databases, no I/O beyond the files it is given.
package review
