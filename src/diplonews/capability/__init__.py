"""Capability suites: behavioural tests of constructions, generated from templates and lexicons.

Whole-article scores say how much a parser misses, not which language it misses. A capability
names one construction ("a demand verb in the past perfect", "a meeting called off", "'met the
deadline' is no meeting"), writes it as templates whose slots are filled from lexicons, and
states what every expansion must yield: minimum-functionality (``mft``), invariance (``inv``)
and negative (``neg``) tests after CheckList (Ribeiro et al., 2020). ``diplonews check`` runs a
folder of them; the default suite lives in ``tests/capabilities``.

>>> from diplonews.capability import Capability, default_lexicons, expand
>>> cap = Capability(name="demo", kind="demands", templates=["{official} {urge:past} {country} to {action}."],
...                  expect=[{"demander": "{official}", "addressee": "{country}", "action": "{action}"}],
...                  sample=2)
>>> [len(case.expect) for case in expand(cap, default_lexicons())]
[1, 1]
"""

from diplonews.capability.inflect import FORMS, inflect
from diplonews.capability.lexicon import Entry, Lexicons, default_lexicons, load_lexicons
from diplonews.capability.perturb import PERTURBATIONS
from diplonews.capability.report import format_markdown, format_report
from diplonews.capability.suite import (
    Baseline,
    CapabilityResult,
    Case,
    Suite,
    SuiteReport,
    SuiteSettings,
    load_suite,
    run_suite,
)
from diplonews.capability.template import Capability, Expansion, TemplateSpec, expand, fill

__all__ = [
    "FORMS",
    "PERTURBATIONS",
    "Baseline",
    "Capability",
    "CapabilityResult",
    "Case",
    "Entry",
    "Expansion",
    "Lexicons",
    "Suite",
    "SuiteReport",
    "SuiteSettings",
    "TemplateSpec",
    "default_lexicons",
    "expand",
    "fill",
    "format_markdown",
    "format_report",
    "inflect",
    "load_lexicons",
    "load_suite",
    "run_suite",
]
