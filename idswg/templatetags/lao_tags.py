"""``{{ value|lao }}``: Lao text in a page of another language, marked ``lang="lo"``."""

from django import template

from ..language import lao_runs

register = template.Library()
register.filter("lao", lao_runs, is_safe=True)
