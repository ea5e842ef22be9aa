"""The time-expression component: TIMEX3 type, value and anchor for each expression.

`component` (the factory), `grammar` (the scanner), `rules/` (day, calendar and
quantity rules), `tokens`, `lexicon`, `meaning`, `tense`, `values` and `resolvers`
(a meaning turned into a TIMEX3 value against the publication date).
"""
