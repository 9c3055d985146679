"""Pages of the seizures app, one module per area (as in ``meetings.views``).

``tables`` (overview, a country's table, trends, charts), ``rows`` (the row grid and a
year's history), ``setup`` (a new table, its columns, a new measure) and ``imports``
(import with preview, and the CSV/XLSX export).
"""
