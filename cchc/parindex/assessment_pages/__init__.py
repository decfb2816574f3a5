"""The staff pages of the PAR Index assessment workflow (issue 12, Build 3): the worklist, the
assessment page (the criteria tree with self, live, survey and appraised points), one form per
action the services allow, the per-criterion page (self-assessment, evidence, review,
clarification), publication and the history. Pages read through ``cchc.parindex.selectors``
and change nothing themselves: every change is one call of ``cchc.parindex.services``."""
