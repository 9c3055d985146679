"""Pages of the reports app, one module per area (as in ``meetings.views``).

``reports`` (list, page, header, state, next year), ``matrix`` (the matrix edited in place
with HTMX), ``history`` (report and row histories, restores), ``narratives``, ``comments``,
``docx`` (Word import and export), ``briefing`` (what goes into a meeting's briefing) and
``plans`` (Master Plan priorities).
"""
