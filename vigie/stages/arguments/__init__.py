"""The argument layer: who is the agent, the patient and the addressee of a predicate.

One answer, read by quotes (speakers), figures (claimants) and events (source and target):
`clauses.py` reads the dependency parse (passives, participles, relative clauses, coordination,
control), `participants.py` maps an argument phrase to an actor, `frames.py` keeps one frame per
predicate and Doc. See docs/arguments.md.
"""
