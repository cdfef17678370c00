"""vigie's errors: one base class, a few named subclasses, coded messages."""

from __future__ import annotations


class Errors:
    E001 = "[V001] file is empty"
    E002 = "[V002] binary file, not text"
    E003 = "[V003] not UTF-8 and the encoding cannot be detected with confidence"
    E004 = "[V004] file is {size} bytes, over the limit of {limit} (raise it with --max-bytes)"
    E005 = "[V005] line {line}: malformed JSON: {reason}"
    E006 = "[V006] no such file or directory"
    E007 = "[V007] unknown extension {ext!r} (known: {known})"
    E008 = "[V008] line {line}: no 'text' field"
    E009 = "[V009] malformed {fmt}: {reason}"
    E010 = "[V010] no main text found in the HTML page"
    E011 = "[V011] feed has no items"
    E012 = "[V012] cannot read: {reason}"
    # The Python API's inputs (vigie.extract, extract_many) and dates given by people.
    E013 = "[V013] {what} must be {expected}, not {got}"
    E014 = "[V014] the text is empty"
    E015 = "[V015] {value!r} is not a date: give {forms} (ISO 8601) or jj/mm/aaaa"
    E015_YEAR = ("[V015] {value!r} is not a plausible publication date: a year from {first} to "
                 "{last}")
    # Inputs vigie could read but cannot extract whole (issue 24; docs/inputs.md).
    E017 = "[V017] {what} holds a lone surrogate (U+{code:04X}) at character {at}: not Unicode text"
    E018 = "[V018] {what} is nested deeper than {limit} levels"
    E019 = "[V019] not a regular file but a {kind}: give files, folders or - (stdin)"
    W001 = "[W001] decoded as {encoding} (not UTF-8)"
    W002 = "[W002] text looks like {lang!r}, not French; processed anyway"
    E020 = "[V020] {path}: line {line}: {reason}"  # knowledge-base extension files
    E030 = "[V030] extraction failed: {reason}"
    E031 = ("[V031] the extraction took over {seconds:g} s on {where}: refused (the time limit, "
            "--time-limit)")
    E032 = "[V032] the extraction process ended with no record (exit code {code})"


class VigieError(Exception):
    """Base class of every error vigie raises on purpose."""


class InputError(VigieError):
    """An input file cannot be read as an article."""


class KnowledgeError(VigieError):
    """A knowledge-base file (packaged or user extension) is invalid."""


class StoreError(VigieError):
    """The store cannot do what was asked."""


class UsageError(VigieError):
    """A value given on the command line or to the API is not one vigie can use."""
