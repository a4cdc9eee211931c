// Package profiles reads and writes the TOML files that describe a job
// search: it finds the profile, loads it with its includes, checks every
// value against the rules of profile format version 1, and turns the
// result into a [model.Profile].
//
// Nothing here decides anything: the numbers belong to package model. What
// belongs here is everything about files: where they are, what is wrong
// with them (with file, line, column and a hint), and where each value was
// written, so that a later save can change that value and nothing else.
package profiles
